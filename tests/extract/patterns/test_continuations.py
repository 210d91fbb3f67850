"""Tests of :mod:`quotegraph.extract.patterns.continuations`: free indirect speech: a sentence in
Konjunktiv I continues the report before it (invented sentences, rules only)."""


def test_konjunktiv_sentence_continues_the_speaker(run_de):
    text = ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen. "
            "Eine Einigung sei noch in diesem Jahr möglich.")
    atts = run_de(text).attributions
    assert [a.quote.kind for a in atts] == ["indirect", "free_indirect"]
    assert atts[1].quote.text == "Eine Einigung sei noch in diesem Jahr möglich."
    assert atts[1].speaker.entity == "Clara Hartmann"
