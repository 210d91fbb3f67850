"""The attribution patterns, run in order: who said what, with which cue, relayed by whom.

Each ``find_*`` function takes a parsed Doc and a :class:`~quotegraph.extract.lexicon.CueLexicon`
and yields :class:`~quotegraph.extract.patterns.found.Found` records (character offsets) in
document order, like textacy's ``direct_quotations``. :func:`find_attributions` runs them from
the most to the least reliable, so later patterns skip text an earlier one already explained,
then settles what they found (:mod:`.settle`). Nothing here names a person, outlet or phrase of
any article: the rules are reporting verbs, source prepositions, quotation marks and mood.

=====================  ==========================================================================
module                 pattern family
=====================  ==========================================================================
:mod:`.direct`         text in quotation marks with the frame beside it (:mod:`.frames`):
                       ``„…“, sagte X.`` / ``X sagte: „…“`` / ``„…“, so X.``; mixed quotes
                       (``verbreiteten „Massenmedien …“, sagte X``) and quoted fragments
:mod:`.headlines`      transcript turns (``TAPPER: …``) and colon headlines (``Senator X: The Plan Is Dead``)
:mod:`.sources`        ``laut X …``, ``X zufolge …``, ``nach Angaben (von) X …``, ``according to X``
                       (the phrases: :mod:`.source_phrases`); ``Berichte, wonach …``
:mod:`.reports`        ``X sagte, (dass) …`` / ``…, sagte X.`` / ``Wie X berichtet, …`` (English
                       complements: :mod:`.complements`; a frame inside the sentence, ``A, he said,
                       B``: :mod:`.asides`), ``Das meldet X.`` after the sentence it reports
:mod:`.noun_reports`   speech nouns before a clause (``die Ansicht, dass …``)
:mod:`.acts`           reported speech acts without their words (``Die Opposition warnte vor dem Entwurf.``)
:mod:`.continuations`  a sentence in Konjunktiv I with no cue continues the report before it (a
                       speech act too); in a dependent clause only, it is the governing clause's
                       subject's report; a plan with "soll" right after a report continues it;
                       a frame in Konjunktiv I right after a report is relayed by its reporter
:mod:`.stances`        stances and questions with no reporting verb (``X is confident that …``, ``The idea
                       is that …``, ``X was asked whether …``); acts named by a noun (``her criticism of X``)
:mod:`.evidentials`    hearsay and appearance with no source (``The bill is expected to pass``, ``X reportedly …``)
:mod:`.settle`         fragments and titles (a fragment outside reports: the words of the subject
                       of the verb it hangs on), continued quotes joined, speakers inherited, nesting
=====================  ==========================================================================

>>> import spacy
>>> from quotegraph.extract.lexicon import load_lexicon
>>> nlp = spacy.blank("de"); _ = nlp.add_pipe("sentencizer")
>>> [(f.kind, str(f.pattern)) for f in find_attributions(nlp("„Wir bleiben hier“, sagte Anton Weber."), load_lexicon("de"))]
[('direct', 'direct')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import CueLexicon
from .acts import find_broad_verb_reports, find_reported_acts
from .continuations import find_subjunctive_continuations, relay_reported_frames
from .direct import find_direct_quotes
from .evidentials import find_evidentials
from .found import Found, FoundIndex
from .headlines import find_colon_headlines, find_transcript_turns, second_person_in_turns
from .noun_reports import find_noun_reports
from .reports import find_pointed_reports, find_verb_reports
from .settle import settle
from .sources import find_relative_sources, find_source_phrases
from .stances import find_noun_acts, find_stances

__all__ = ["Found", "find_attributions"]


def find_attributions(doc: Doc, lex: CueLexicon, *, broad: bool = False) -> list[Found]:
    """All attributions of a Doc, in document order, nested quotes linked to their parent.

    ``broad`` adds candidates the rules alone would drop as too uncertain (quoted fragments
    with no cue: scare quotes or speech; Konjunktiv sentences far from any report; any verb
    with a subject and a complement); a learned filter after them is expected to judge
    (:mod:`quotegraph.extract.quote_filter`).

    Speakers of frameless direct quotes and of continuations are taken from the attribution
    before them (``inherited``); resolution to entities is done by :mod:`quotegraph.extract.coref`.
    """
    found = FoundIndex(find_direct_quotes(doc, lex))
    for find in (find_transcript_turns, find_relative_sources, find_verb_reports,
                 find_source_phrases, find_pointed_reports, find_colon_headlines, find_noun_reports, find_stances):
        found.extend(list(find(doc, lex, found)))  # list(): a pattern skips what earlier ones found, not its own
    found.sort(key=lambda f: f.quote)
    found.extend(list(find_reported_acts(doc, lex, found)))
    found.sort(key=lambda f: f.quote)
    # after the speech acts: a sentence in reported mood goes on with one ("Die Opposition
    # warnte vor dem Entwurf. Er sei unsozial.")
    found.extend(list(find_subjunctive_continuations(doc, lex, found, broad=broad)))
    relay_reported_frames(doc, lex, list(found))
    found.extend(list(find_evidentials(doc, lex, found)))
    if broad:
        found.extend(list(find_broad_verb_reports(doc, lex, found)))
    # last: a verb's report holds the act its object names ("voiced support for X")
    found.extend(find_noun_acts(doc, lex, found))
    second_person_in_turns(doc, lex, found)
    return settle(doc, list(found), lex, broad=broad)
