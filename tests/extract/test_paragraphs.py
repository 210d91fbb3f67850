"""A blank line starts a sentence: the parser may not run a headline into the first paragraph."""

import pytest
import spacy

from quotegraph.extract.paragraphs import dateline_end
from quotegraph.extract.pipeline import make_nlp


def test_the_first_word_after_a_blank_line_starts_a_sentence():
    nlp = spacy.blank("en")
    nlp.add_pipe("qg_paragraph_starts")
    doc = nlp("Mayor Says Bridge Will Open\n\nThe bridge opens in May.\nIt has four lanes.")
    starts = [t.text for t in doc if t.is_sent_start]
    # a single line break after a mark is left to the parser
    assert starts == ["Mayor", "The"]


def test_a_short_line_with_no_mark_ends_at_a_single_line_break_but_wrapped_prose_does_not():
    nlp = spacy.blank("de")
    nlp.add_pipe("qg_paragraph_starts")
    # a live blog's time stamp or a heading on a line of its own
    doc = nlp("14:10 Uhr\nNach Angaben der Polizei sind drei Menschen verletzt worden.")
    assert [t.text for t in doc if t.is_sent_start] == ["14:10", "Nach"]
    # prose wrapped at a fixed width goes on over the break
    wrapped = nlp("Nach Angaben der Polizei sind bei dem Brand am Sonntag im Hafen mindestens drei\n"
                  "Menschen verletzt worden.")
    assert [t.text for t in wrapped if t.is_sent_start] == ["Nach"]


def test_a_time_stamp_is_no_part_of_the_claim_after_it(run_de):
    text = "14:10 Uhr\nNach Angaben der Polizei Nordstadt sind bei der Explosion drei Menschen verletzt worden."
    (att,) = run_de(text).attributions
    assert att.quote.text == "sind bei der Explosion drei Menschen verletzt worden"


def test_the_paragraph_marks_come_before_the_parser():
    names = make_nlp("en", learned=False).pipe_names
    assert names.index("qg_paragraph_starts") < names.index("parser")


def test_a_headline_does_not_take_the_speaker_of_the_first_paragraph(run_en):
    text = ("Ruiz Says Library Will Tell of 'Work and Hope'\n\n"
            "CHICAGO -- Governor Ruiz, dedicating the State Library on Saturday, said it would tell an "
            "American story.")
    att = next(a for a in run_en(text).attributions if a.cue.text == "said")
    assert att.speaker is not None and "Ruiz" in att.speaker.text


def test_a_paragraph_opening_with_a_quotation_mark_stays_one_sentence():
    nlp = make_nlp("en", learned=False)
    doc = nlp('Port strike goes on\n\n"We will not back down," union leader Mary Stone said on Monday.')
    assert [s.text.strip() for s in doc.sents] == [
        "Port strike goes on", '"We will not back down," union leader Mary Stone said on Monday.']


@pytest.mark.parametrize("lang, text, after", [
    ("de", "Berlin (AFP) - Die Gewerkschaft ruft zum Streik auf.", "Die"),
    ("de", "Hamburg (dpa/lno) – Der Senat tagt.", "Der"),
    ("en", "BEDFORD, N.H. (AP) — Senator Ada Voss spoke.", "Senator"),
    ("en", "ROME - Ada Voss met the pope.", "Ada"),
    ("en", "WASHINGTON -- The plan failed.", "The"),
    # no credit and not a place in capitals: a headline, a pairing, a phrase
    ("de", "Ghana - Australien: 1:1", None),
    ("en", "The US - China talks failed.", None),
    ("de", "Berlin (AFP) - der Senat tagt.", None),
])
def test_a_dateline_opening_a_paragraph_ends_before_the_sentence(lang, text, after):
    doc = spacy.blank(lang)(text)
    end = dateline_end(doc, 0)
    assert (doc[end].text if end is not None else None) == after


def test_a_dateline_is_neither_the_speaker_nor_part_of_the_report(run_de, run_en):
    (de,) = run_de("Berlin (AFP) - Die Gewerkschaft hat zu einem bundesweiten Streik aufgerufen.").attributions
    assert (de.quote.text.startswith("Die Gewerkschaft"), de.speaker.text, de.speaker.entity) == (
        True, "Die Gewerkschaft", "Gewerkschaft")
    (en,) = run_en("TALLBROOK - Ada Voss, the mayor, said on Friday that the ferry would run again.").attributions
    assert (en.speaker.text, en.speaker.entity) == ("Ada Voss, the mayor", "Ada Voss")
