"""Counts over extraction results: what the table every extraction run ends with shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quotegraph.extract.records import ArticleResult, Attribution
from quotegraph.inputs import Skipped
from quotegraph.warc import Tally

__all__ = ["Summary", "summarize"]


@dataclass
class Summary:
    """Counts over extraction results, for the table the CLI prints."""

    articles: int = 0
    quotes: int = 0
    speakers: set[str] = field(default_factory=set)
    mediators: set[str] = field(default_factory=set)
    by_kind: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: What inputs held besides their articles, counted (a web archive's other records): no error.
    tallies: list[Tally] = field(default_factory=list)
    #: Articles read as ``--lang`` whose text looks like another language, and the first few.
    other_language: int = 0
    other_language_examples: list[str] = field(default_factory=list)
    #: False when no article was read, so no graph file or quotes.jsonl was written.
    written: bool = True
    #: What the entity resolution at the end of the run did (None: it did not run).
    entities: Any = None
    #: What linking quotes to statements did (None: it did not run).
    statements: Any = None

    def __post_init__(self) -> None:
        self.tallies += [s for s in self.skipped if isinstance(s, Tally)]
        self.skipped = [s for s in self.skipped if not isinstance(s, Tally)]

    def add(self, result: ArticleResult) -> ArticleResult:
        """Count one article's result (and pass it on)."""
        self.count(result.attributions)
        return result

    def count(self, attributions: Iterable[Attribution]) -> None:
        """Count one article with these attributions."""
        self.articles += 1
        for att in attributions:
            self.quotes += 1
            self.by_kind[att.quote.kind] = self.by_kind.get(att.quote.kind, 0) + 1
            if att.speaker and att.speaker.entity:
                self.speakers.add(att.speaker.entity)
            if att.mediator and att.mediator.entity:
                self.mediators.add(att.mediator.entity)


    def count_dicts(self, attributions: Iterable[dict]) -> None:
        """:meth:`count` for attributions as quotes.jsonl objects
        (:func:`~quotegraph.extract.records.attribution_to_dict`)."""
        self.articles += 1
        for att in attributions:
            self.quotes += 1
            self.by_kind[att["kind"]] = self.by_kind.get(att["kind"], 0) + 1
            for role, names in (("speaker", self.speakers), ("mediator", self.mediators)):
                if att[role] and att[role]["entity"]:
                    names.add(att[role]["entity"])


def summarize(results: Iterable[ArticleResult]) -> Summary:
    """Count articles, quotes, distinct speakers and mediators."""
    summary = Summary()
    for result in results:
        summary.add(result)
    return summary
