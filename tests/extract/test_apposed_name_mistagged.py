"""A person's name set off by commas after a speaker's role is its apposition, also when the
tagger took its first word for another part of speech ("Jens" as an adverb) while the
recogniser knows the name (full pipeline, rules only; sentences written for these tests)."""

import pytest


@pytest.mark.parametrize("text, speaker", [
    ("Die Brücke werde im Mai gesperrt. Dies teilte der parlamentarische Geschäftsführer der Fraktion, "
     "Jens Olberg, mit.", "der parlamentarische Geschäftsführer der Fraktion, Jens Olberg"),
    ("Die Brücke werde im Mai gesperrt. Dies teilte der stellvertretende Sprecher der Stadt, Jens Krämer, mit.",
     "der stellvertretende Sprecher der Stadt, Jens Krämer"),
])
def test_apposed_name_stays_with_the_speaker(run_de, text, speaker):
    atts = run_de(text).attributions
    assert atts and atts[0].speaker is not None and atts[0].speaker.text == speaker
