"""What a scorer returns (:class:`Report`), and ways to show it: a rich table, a JSON summary,
and a JSONL file of per-article errors for error analysis.

Examples
--------
>>> from quotegraph.extract.evaluation.scoring import PRF
>>> rep = Report("toy", n_articles=1, n_gold=2, n_pred=1, n_pairs=1,
...              scores={"message": PRF(1.0, 0.5, 1, 2)})
>>> rep.to_dict()["scores"]["message"]["f1"]
0.6667
>>> snippet("Er sagte, es regne heute.", [(10, 24)])
'es regne heute'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from .scoring import PRF, Span

__all__ = ["Report", "snippet", "context", "print_report", "write_errors", "write_json"]


@dataclass
class Report:
    """The scores of one run over one data set.

    Parameters
    ----------
    dataset : str
        "wikinews", "polnear", …
    split : str, optional
        "dev", "train", …
    n_articles, n_gold, n_pred, n_pairs : int
        Articles scored; gold and predicted quotes; pairs formed between them.
    scores : dict of str to PRF
        One row per measure ("message", "speaker" … or "content (exact)" …), in display order.
    by_type : dict of str to PRF
        Message scores per gold quote type (Wikinews), in display order.
    errors : list of dict
        One entry per article with at least one error (see ``docs/eval.md``).
    definitions : dict of str to str
        One line per row saying what it measures (printed under the table, kept in the JSON).
    info : dict
        Anything else worth keeping with the figures (data file, model, seconds …).
    by_confidence : dict of str to PRF
        The headline measure (``confidence_measure``) scoring only the attributions whose
        confidence reaches each threshold ("≥ 0.8"); empty without confidences.
    """

    dataset: str
    split: str | None = None
    n_articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    n_pairs: int = 0
    scores: dict[str, PRF] = field(default_factory=dict)
    by_type: dict[str, PRF] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    definitions: dict[str, str] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    by_confidence: dict[str, PRF] = field(default_factory=dict)
    confidence_measure: str = ""

    def to_dict(self, *, errors: bool = False) -> dict:
        """A JSON-ready summary; the per-article errors only with ``errors=True``."""
        out = {
            "dataset": self.dataset,
            "split": self.split,
            "n_articles": self.n_articles,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "n_pairs": self.n_pairs,
            "scores": {name: s.to_dict() for name, s in self.scores.items()},
            "by_type": {name: s.to_dict() for name, s in self.by_type.items()},
            "by_confidence": {"measure": self.confidence_measure,
                              "rows": {name: s.to_dict() for name, s in self.by_confidence.items()}},
            "definitions": dict(self.definitions),
            "info": dict(self.info),
        }
        if errors:
            out["errors"] = list(self.errors)
        return out


def snippet(text: str, spans: Sequence[Span], *, limit: int = 300) -> str:
    """The text of the spans, joined by `` … `` when there are several, cut to ``limit`` characters.

    Examples
    --------
    >>> snippet("„Ja“, sagte er, „sofort.“", [(1, 3), (17, 24)])
    'Ja … sofort.'
    >>> snippet("abcdefghij", [(0, 10)], limit=5)
    'abcd…'
    """
    out = " … ".join(text[s:e] for s, e in sorted(spans))
    return out if len(out) <= limit else out[: limit - 1] + "…"


def context(text: str, spans: Sequence[Span], *, width: int = 60, limit: int = 300) -> str:
    """The spans marked with ``⟦ ⟧`` inside ``width`` characters of text on either side.

    Examples
    --------
    >>> context("Der Zug fällt aus, sagte sie gestern.", [(19, 28)], width=8)
    '…lt aus, ⟦sagte sie⟧ gestern…'
    """
    if not spans:
        return ""
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    inner = text[start:end]
    if len(inner) > limit:
        inner = inner[: limit // 2] + " … " + inner[-limit // 2:]
    lead = "…" if start - width > 0 else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{left}⟦{inner}⟧{right}{tail}".replace("\n", " ")


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _score_table(title: str, first: str, rows: Mapping[str, PRF]):
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for col in ("P", "R", "F1", "n pred", "n gold"):
        table.add_column(col, justify="right")
    for name, s in rows.items():
        table.add_row(name, _pct(s.precision), _pct(s.recall), _pct(s.f1), str(s.n_pred), str(s.n_gold))
    return table


def print_report(report: Report, console: Any = None) -> None:
    """Print the scores as a table (rich), per-type scores under it, then the definitions.

    Parameters
    ----------
    report : Report
    console : rich.console.Console, optional
        Where to print; standard output by default.
    """
    console = console or Console()
    title = f"{report.dataset} {report.split or ''}".strip()
    head = (f"{report.n_articles} articles, {report.n_gold} gold, {report.n_pred} predicted, "
            f"{report.n_pairs} paired")
    console.print(_score_table(f"{title}: {head}", "measure", report.scores))
    if report.by_type:
        console.print(_score_table("message, by gold quote type", "type", report.by_type))
    if report.by_confidence:
        console.print(_score_table(f"{report.confidence_measure}, keeping only quotes whose confidence reaches",
                                   "confidence", report.by_confidence))
    for name, text in report.definitions.items():
        console.print(f"[bold]{name}[/bold]: {text}", highlight=False)


def _open_out(path: str | Path) -> tuple[IO[str], bool]:
    if str(path) == "-":
        return sys.stdout, False
    path = Path(path)
    if path.parent != Path(""):
        path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding="utf-8"), True


def write_errors(errors: Iterable[dict], path: str | Path) -> int:
    """Write per-article error entries as JSON Lines (``-``: standard output).

    Returns
    -------
    int
        The number of lines written.
    """
    out, close = _open_out(path)
    n = 0
    try:
        for entry in errors:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if close:
            out.close()
    return n


def write_json(report: Report, path: str | Path) -> None:
    """Write :meth:`Report.to_dict` (without the errors) as indented JSON (``-``: standard output)."""
    out, close = _open_out(path)
    try:
        json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    finally:
        if close:
            out.close()
