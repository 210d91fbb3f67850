"""A direct quote that goes on with the speaker of the quote right before it, with no frame of
its own, was said to the same one; a sentence in reported mood going on is not (full pipeline,
rules only; sentences written for these tests)."""


def _by_quote(result):
    return {a.quote.text: a for a in result.attributions}


def test_next_direct_quote_keeps_the_addressee(run_de):
    text = ("„Die Brücke bleibt gesperrt“, sagte die Landrätin Greta Lindholm dem Sender Radio Elbe. "
            "„Wir prüfen jeden Pfeiler noch einmal genau.“")
    atts = _by_quote(run_de(text))
    second = atts["„Wir prüfen jeden Pfeiler noch einmal genau.“"]
    assert second.speaker is not None and "Lindholm" in second.speaker.text
    assert second.addressee is not None and second.addressee.text == "dem Sender Radio Elbe"


def test_quote_after_another_sentence_gets_none(run_de):
    text = ("„Die Brücke bleibt gesperrt“, sagte die Landrätin Greta Lindholm dem Sender Radio Elbe. "
            "Die Arbeiten dauern bis zum Sommer. „Wir prüfen jeden Pfeiler noch einmal genau.“")
    atts = _by_quote(run_de(text))
    second = atts.get("„Wir prüfen jeden Pfeiler noch einmal genau.“")
    assert second is None or second.addressee is None


def test_reported_mood_going_on_gets_none(run_de):
    text = ("Die Landrätin Greta Lindholm sagte dem Sender Radio Elbe, die Brücke bleibe gesperrt. "
            "Man prüfe jeden Pfeiler noch einmal genau.")
    atts = run_de(text).attributions
    later = [a for a in atts if a.quote.text.startswith("Man prüfe")]
    assert all(a.addressee is None for a in later)
