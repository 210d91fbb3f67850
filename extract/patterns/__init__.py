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
                       complements: :mod:`.complements`), speech nouns (``die Ansicht, dass …``),
                       ``Das meldet X.`` after the sentence it reports
:mod:`.continuations`  a sentence in Konjunktiv I with no cue continues the report before it
:mod:`.acts`           reported speech acts without their words (``Die Opposition kritisierte den Entwurf.``)
:mod:`.settle`         fragments and titles, continued quotes joined, speakers inherited, nesting
=====================  ==========================================================================

>>> import spacy
>>> from quotegraph.extract.lexicon import load_lexicon
>>> nlp = spacy.blank("de"); _ = nlp.add_pipe("sentencizer")
>>> [(f.kind, f.pattern) for f in find_attributions(nlp("„Wir bleiben hier“, sagte Anton Weber."), load_lexicon("de"))]
[('direct', 'direct')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import CueLexicon
from .acts import find_broad_verb_reports, find_reported_acts
from .continuations import find_subjunctive_continuations
from .direct import find_direct_quotes
from .found import Found
from .headlines import find_colon_headlines, find_transcript_turns
from .reports import find_noun_reports, find_pointed_reports, find_verb_reports
from .settle import (inherit_speakers, is_quoted_title, join_continued_quotes, keep_roles_within_lines, link_parents,
                     quoted_objects_speak, settle_fragments, share_outer_frames)
from .sources import find_relative_sources, find_source_phrases

__all__ = ["Found", "find_attributions", "keep_roles_within_lines"]


def find_attributions(doc: Doc, lex: CueLexicon, *, broad: bool = False) -> list[Found]:
    """All attributions of a Doc, in document order, nested quotes linked to their parent.

    ``broad`` adds candidates the rules alone would drop as too uncertain (quoted fragments
    with no cue: scare quotes or speech; Konjunktiv sentences far from any report); a learned filter after them is expected to judge
    (:mod:`quotegraph.extract.quote_filter`).

    Runs the patterns from the most to the least reliable; each later pattern skips text an
    earlier one explained. Speakers of frameless direct quotes and of continuations are taken
    from the attribution before them (``inherited``); resolution to entities is done by
    :mod:`quotegraph.extract.coref`.
    """
    out: list[Found] = list(find_direct_quotes(doc, lex))
    out += list(find_transcript_turns(doc, lex, out))
    out += list(find_relative_sources(doc, lex, out))
    out += list(find_verb_reports(doc, lex, out))
    out += list(find_source_phrases(doc, lex, out))
    out += list(find_pointed_reports(doc, lex, out))
    out += list(find_colon_headlines(doc, lex, out))
    out += list(find_noun_reports(doc, lex, list(out)))
    out.sort(key=lambda f: f.quote)
    out += list(find_subjunctive_continuations(doc, lex, out, broad=broad))
    out += list(find_reported_acts(doc, lex, out))
    if broad:
        out += list(find_broad_verb_reports(doc, lex, out))
    text = doc.text  # spaCy joins the tokens anew on each access: once per Doc
    out = [f for f in settle_fragments(out, nested=lex.nested_fragments, text=text, broad=broad)
           if (f.pattern not in ("embedded", "fragment") or not is_quoted_title(doc, text, f, lex))
           and (f.pattern != "nested" or lex.nested_fragments or (f.cue is not None and f.speaker is not None))]
    # a quoted name inside a speaker or source ("laut der Agentur „Nordpress“") is no quote
    roles = [r for f in out for r in (f.speaker, f.mediator) if r is not None]
    out = [f for f in out if f.kind != "direct" or not any(a <= f.quote[0] and f.quote[1] <= b for a, b in roles)]
    out.sort(key=lambda f: (f.quote[0], -f.quote[1]))
    if lex.join_continued_quotes:
        out = join_continued_quotes(text, out)
    inherit_speakers(text, out)
    quoted_objects_speak(doc, out, lex)
    link_parents(out)
    share_outer_frames(out)
    return out

