"""According to whom, hop by hop: the relay chain of a quote nested in someone else's report.

A quote inside the report of another speaker reached the article through that speaker: in
"Die Zeitung berichtet, der Minister habe „Wir bleiben“ gesagt" the minister's words were
relayed by the paper, and in "Die Agentur meldet laut dem Blatt, ein Sprecher habe gesagt, …"
by the agency and then the paper. :func:`chain_relays` sets each attribution's ``mediators``
(``relays`` and ``mediator``) to its own relays (``laut Y``), then the speaker of the report it is nested in, then that
report's own chain, outward. A fragment in its own speaker's report ("X sagte, es sei
„untragbar“") takes the relays of that report and adds no hop.

>>> from quotegraph.extract.records import Attribution, Mention, Quote
>>> outer = Attribution("0-60", "", Quote("…", 0, 60, "indirect"), speaker=Mention("Die Zeitung", 0, 11, "Zeitung"),
...                     mediator=Mention("laut Nordpress", 61, 75, "Nordpress"))
>>> inner = Attribution("30-40", "", Quote("Wir bleiben", 30, 40, "direct"), parent="0-60",
...                     speaker=Mention("der Minister", 15, 27, "Minister"))
>>> [m.entity for m in chain_relays([outer, inner])[1].mediators]
['Zeitung', 'Nordpress']
"""

from __future__ import annotations

from dataclasses import replace

from .records import Attribution, Mention

__all__ = ["chain_relays"]

#: a chain longer than this is a nesting error, not a relay: it is not followed further
_MAX_HOPS = 12


def _same_source(a: Mention, b: Mention) -> bool:
    if a.entity and b.entity:
        return a.entity == b.entity
    return a.text.casefold() == b.text.casefold()


def _parents_own(speaker: Mention, parent: Mention, first_person: frozenset[str]) -> bool:
    """Whether a nested report's speaker is its parent's speaker: a first-person pronoun in the
    parent's quote ("“I fear the vote is lost,” X said": X's own words) or a phrase inside the
    parent's speaker mention ("said X, who … knows …")."""
    return speaker.text.casefold() in first_person or parent.start < speaker.start and speaker.end <= parent.end


def chain_relays(attributions: list[Attribution], first_person: frozenset[str] = frozenset()) -> list[Attribution]:
    """The attributions with ``mediators`` (and ``mediator``, the outermost) set to the whole
    relay chain, from the speaker's side outward. Run it on the final attributions: a parent
    the filter dropped relays nothing. A nested report in the parent speaker's own words (a
    pronoun of ``first_person``, or a speaker inside the parent's) adds no hop."""
    by_id = {a.id: a for a in attributions}
    chains: dict[str, tuple[Mention, ...]] = {}

    def chain(att: Attribution, depth: int) -> tuple[Mention, ...]:
        if att.id in chains:
            return chains[att.id]
        hops = att.mediators
        parent = by_id.get(att.parent) if att.parent else None
        if parent is not None and parent is not att and depth < _MAX_HOPS:
            outer = chain(parent, depth + 1)
            if (att.speaker is not None and parent.speaker is not None and not _same_source(att.speaker, parent.speaker)
                    and not _parents_own(att.speaker, parent.speaker, first_person)):
                hops = hops + (parent.speaker,) + outer  # someone else's words, in the parent's report
            elif not hops:
                hops = outer  # the parent speaker's own words: the same relays
        deduped: list[Mention] = []
        for m in hops[:_MAX_HOPS]:
            if not deduped or not _same_source(deduped[-1], m):
                deduped.append(m)
        if att.speaker is not None:
            deduped = [m for m in deduped if not _same_source(m, att.speaker)] or []
        chains[att.id] = tuple(deduped)
        return chains[att.id]

    out = []
    for att in attributions:
        hops = chain(att, 0)
        out.append(att if hops == att.mediators else
                   replace(att, mediator=hops[-1] if hops else None, relays=hops[:-1]))
    return out
