"""An inherited speaker given as the person's nearest mention, the surname named again in a
source aside of the words, not the full name of the report before (full pipeline, rules only;
sentences written for these tests)."""

FIRST = "Allerdings reicht der Betrag laut Unternehmenschef Tom Olberg nicht aus. "


def _speakers(run_de, text):
    return {a.quote.text[:12]: a.speaker.text for a in run_de(text).attributions if a.speaker is not None}


def test_surname_in_a_source_aside_is_the_speaker(run_de):
    text = FIRST + ("Zwar sei es ein wichtiger Schritt, und man sei dankbar – so Olberg –, trotzdem sei die "
                    "Firma auf der Suche nach neuen Geldgebern.")
    assert _speakers(run_de, text)["Zwar sei es "] == "Olberg"


def test_surname_the_words_are_about_leaves_the_speaker(run_de):
    # inside the words, a surname with no source particle before it is what they speak of
    text = FIRST + "Zwar habe Olberg viel versucht, trotzdem sei die Firma auf der Suche nach neuen Geldgebern."
    speakers = _speakers(run_de, text)
    assert speakers.get("Zwar habe Ol", "Unternehmenschef Tom Olberg") == "Unternehmenschef Tom Olberg"
