"""``quotegraph eval wikinews|polnear``: run the extractor on annotated data and score it.

The scoring itself is :mod:`quotegraph.extract.evaluation` (pure functions over records); this
verb only finds the gold file, runs :func:`quotegraph.api.extract` on its articles, and prints
or writes what the scorer returns.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
import time
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from quotegraph.errors import InputError, QuotegraphError
from quotegraph.extract.settings import learned_by_default

if TYPE_CHECKING:
    from quotegraph.extract.evaluation.report import Report

from ._app import EXIT_SKIPPED, app, check_model, check_output_file, handle_errors, warn

#: Environment variable naming the data root (the folder holding wikinews-de/ and polnear-en/).
DATA_ENV = "QUOTEGRAPH_DATA"
#: The data root when neither --data nor $QUOTEGRAPH_DATA is given, relative to the current folder.
DEFAULT_DATA_ROOT = Path("..") / "shared" / "data"

eval_app = typer.Typer(
    name="eval",
    help=(
        "Score the extractor on annotated data: German Wikinews (scored like the GermEval 2023 "
        "SpkAtt shared task) or English PolNeAR (exact and overlap matching).\n\n"
        "Example:\n\n"
        "    quotegraph eval wikinews --split dev --errors errors.jsonl"
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(eval_app, name="eval")


class Split(str, Enum):
    dev = "dev"
    train = "train"
    test = "test"


def data_file(folder: str, split: str, data: Path | None = None) -> Path:
    """The gold file of a split.

    ``data`` may be the file itself, the data set's folder (holding ``<split>.jsonl.gz``) or
    the data root (holding ``<folder>/<split>.jsonl.gz``). Without it, the root is
    ``$QUOTEGRAPH_DATA``, else ``../shared/data``.

    Raises
    ------
    InputError
        When no such file exists; the message lists the places looked at.
    """
    names = [f"{split}.jsonl.gz", f"{split}.jsonl"]
    if data is not None:
        if data.is_file():
            return data
        candidates = [data / n for n in names] + [data / folder / n for n in names]
    else:
        root = Path(os.environ.get(DATA_ENV) or DEFAULT_DATA_ROOT)
        candidates = [root / folder / n for n in names]
    for path in candidates:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in candidates[::2])
    raise InputError(f"no {split} split of {folder} found (looked for {looked}); "
                     f"give --data or set {DATA_ENV} to the folder holding {folder}/")


def read_gold(read: Callable[..., Iterator], path: Path, limit: int | None) -> list:
    """The gold articles of ``path`` by the data set's reader; an unreadable or empty file is one error.

    Raises
    ------
    InputError
        When the file cannot be read (a broken gzip, say) or holds no article: scoring nothing
        would print a table of zeros and exit 0.
    """
    try:
        gold = list(read(path, limit=limit))
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", str(path)) from None
    if not gold:
        raise InputError("holds no article to score", str(path))
    return gold


@contextlib.contextmanager
def _progress(total: int, label: str, enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr (only on a terminal); yields a function that advances it."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda: None
        return
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def run_extractor(articles: list, *, lang: str, model: str | None, workers: int, quiet: bool,
                  label: str = "extracting") -> tuple[dict[str, list], float, list]:
    """Run :func:`quotegraph.api.extract` over the articles.

    Returns
    -------
    (predictions, seconds, skipped)
        Attributions per article id; wall seconds; articles the extractor skipped.
    """
    from quotegraph import api  # spaCy and the extraction: only when scoring runs, not for --help (issue #27)

    check_model(model)
    skipped: list[Any] = []
    options: dict[str, Any] = {}
    if "on_skip" in inspect.signature(api.extract).parameters:
        options["on_skip"] = skipped.append
    start = time.perf_counter()
    predictions: dict[str, list] = {}
    results = api.extract(iter(articles), lang=lang, model=model, n_process=workers, progress=False, **options)
    with _progress(len(articles), label, enabled=not quiet) as advance:
        for result in results:
            predictions[result.article.id] = list(result.attributions)
            advance()
    if articles and len(skipped) == len(articles):
        first = skipped[0]
        raise QuotegraphError(f"the extractor skipped every article: {getattr(first, 'reason', first)}")
    return predictions, time.perf_counter() - start, skipped


def _finish(report: Report, *, errors: Path | None, json_out: Path | None, skipped: list) -> None:
    from quotegraph.extract.evaluation.report import print_report, write_errors, write_json  # not for --help

    to_stdout_json = json_out is not None and str(json_out) == "-"
    console = Console(stderr=to_stdout_json, soft_wrap=True)
    print_report(report, console)
    if errors is not None:
        n = write_errors(report.errors, errors)
        console.print(f"errors: {n} articles with errors written to {errors}", highlight=False)
    if json_out is not None:
        write_json(report, json_out)
        if not to_stdout_json:
            console.print(f"summary: {json_out}", highlight=False)
    if skipped:
        _warn_skipped(skipped)
        raise typer.Exit(EXIT_SKIPPED)


def _warn_skipped(skipped: list) -> None:
    """One warning per distinct reason, naming up to three articles."""
    by_reason: dict[str, list[str]] = {}
    for item in skipped:
        by_reason.setdefault(getattr(item, "reason", str(item)), []).append(getattr(item, "source", ""))
    for reason, sources in by_reason.items():
        more = f" and {len(sources) - 3} more" if len(sources) > 3 else ""
        warn(f"{len(sources)} articles skipped and scored as having no quotes ({reason}): "
             f"{', '.join(sources[:3])}{more}")


SplitOpt = Annotated[Split, typer.Option("--split", "-s", help="Which split to score.")]
DataOpt = Annotated[Optional[Path], typer.Option(
    "--data", "-d", help=f"The gold file, its folder, or the data root (default: ${DATA_ENV}, else ../shared/data).",
    show_default=False)]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Score only the first N articles.", show_default=False)]
ErrorsOpt = Annotated[Optional[Path], typer.Option(
    "--errors", "-e", help="Write per-article errors (missed, spurious, boundaries, speakers) as JSONL here.", show_default=False)]
JsonOpt = Annotated[Optional[Path], typer.Option("--json", help="Write the scores as JSON here ('-': stdout).", show_default=False)]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", "-m", help="A spaCy pipeline (installed name or path) instead of the default for the language.", show_default=False)]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes for the spaCy pipeline.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


@eval_app.command("wikinews")
@handle_errors
def wikinews(
    split: SplitOpt = Split.dev,
    data: DataOpt = None,
    limit: LimitOpt = None,
    errors: ErrorsOpt = None,
    json_out: JsonOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    top_level: Annotated[bool, typer.Option("--top-level", help="Score top-level quotes only (leave nested quotes out on both sides).")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Score on German Wikinews, as the GermEval 2023 SpkAtt task scores.

    Quotes are paired one to one with gold by best token overlap. Message
    P and R: token precision and recall, averaged over predicted and gold
    quotes (0 when unpaired). Speaker and cue: token by token inside pairs.
    Joint: message and speaker pooled. Also per gold quote type.
    Exact definitions: docs/eval.md.

    Example:

        quotegraph eval wikinews --split dev --errors errors.jsonl --json scores.json
    """
    # the data set's reader and scorer load when the verb scores, not for --help (issue #27)
    from quotegraph.extract.evaluation import wikinews as _wikinews
    from quotegraph.extract.evaluation.confidence import by_confidence

    check_output_file(errors, "--errors")
    check_output_file(json_out, "--json")
    path = data_file("wikinews-de", split.value, data)
    gold = read_gold(_wikinews.read_wikinews, path, limit)
    predictions, seconds, skipped = run_extractor(
        [_wikinews.as_article(g) for g in gold], lang="de", model=model, workers=workers, quiet=quiet)
    report = _wikinews.score_wikinews(predictions, gold, nested=not top_level)
    report.confidence_measure = "joint"
    report.by_confidence = by_confidence(
        predictions, lambda kept: _wikinews.score_wikinews(kept, gold, nested=not top_level, errors=False), "joint")
    _describe(report, split.value, path, model, seconds, skipped)
    _finish(report, errors=errors, json_out=json_out, skipped=skipped)


@eval_app.command("polnear")
@handle_errors
def polnear(
    split: SplitOpt = Split.dev,
    data: DataOpt = None,
    limit: LimitOpt = None,
    errors: ErrorsOpt = None,
    json_out: JsonOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    outermost: Annotated[bool, typer.Option(
        "--outermost", help="Score outermost relations only, as PolNeAR's guideline annotates (a quote inside "
                            "another's content and the speech a relay reports are left out; so are nested gold relations).")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Score on English PolNeAR: content, source, cue; exact and overlap.

    Contents are paired one to one by best word overlap. Exact: the same
    words; overlap: at least one shared word. A source or cue counts only
    when its content is paired. Predicted content = the quote, source =
    the speaker mention, cue = the cue. Exact definitions: docs/eval.md.

    Example:

        quotegraph eval polnear --split dev --limit 20 --errors polnear-errors.jsonl
    """
    # the data set's reader and scorer load when the verb scores, not for --help (issue #27)
    from quotegraph.extract.evaluation import polnear as _polnear
    from quotegraph.extract.evaluation.confidence import by_confidence

    check_output_file(errors, "--errors")
    check_output_file(json_out, "--json")
    path = data_file("polnear-en", split.value, data)
    gold = read_gold(_polnear.read_polnear, path, limit)
    predictions, seconds, skipped = run_extractor(
        [_polnear.as_article(g) for g in gold], lang="en", model=model, workers=workers, quiet=quiet)
    report = _polnear.score_polnear(predictions, gold, outermost_only=outermost)
    report.confidence_measure = "source overlap"
    report.by_confidence = by_confidence(
        predictions, lambda kept: _polnear.score_polnear(kept, gold, errors=False, outermost_only=outermost), "source overlap")
    _describe(report, split.value, path, model, seconds, skipped)
    _finish(report, errors=errors, json_out=json_out, skipped=skipped)


def _describe(report: Report, split: str, path: Path, model: str | None, seconds: float, skipped: list) -> None:
    report.split = split
    report.info.update({
        "data": str(path),
        "model": model,
        "learned_parts": learned_by_default(),
        "extract_seconds": round(seconds, 2),
        "articles_per_second": round(report.n_articles / seconds, 2) if seconds > 0 else None,
        "skipped": len(skipped),
        "python": sys.version.split()[0],
    })
