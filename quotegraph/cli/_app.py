"""The typer application every verb registers on, and the helpers verbs share."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console
from rich.table import Table

from quotegraph.errors import QuotegraphError

app = typer.Typer(
    name="quotegraph",
    help=(
        "Who said what, according to whom: find quotations, their speakers, cues and the outlets "
        "that relay them in news articles; build an RDF graph; query it with SPARQL; explore it "
        "as an interactive network page; export it.\n\n"
        "Start with:  quotegraph demo"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # docstrings as paragraphs, "Example:" blocks as code
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: Exit codes: 0 all went well; 1 error, nothing done; 2 usage error (click's); 3 done, but some
#: inputs were skipped (each named on stderr and counted in the summary).
EXIT_ERROR = 1
EXIT_SKIPPED = 3

F = TypeVar("F", bound=Callable)


def error(message: str) -> None:
    """Print one error line on stderr."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)


def warn(message: str) -> None:
    """Print one warning line on stderr."""
    typer.secho(f"Warning: {message}", fg=typer.colors.YELLOW, err=True)


def handle_errors(func: F) -> F:
    """Turn a QuotegraphError (and any OSError, and Ctrl-C) into one line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QuotegraphError as exc:
            error(str(exc))
            raise typer.Exit(getattr(exc, "exit_code", EXIT_ERROR)) from None
        except OSError as exc:  # a missing file, no permission, a full disk: one line, no traceback
            error(f"{exc.filename}: {exc.strerror}" if exc.filename else (exc.strerror or str(exc)))
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            error("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def check_model(model: str | None) -> None:
    """Refuse at once a --model spaCy cannot load: not installed, no such folder, not ``blank:LANG``.

    spaCy's own test (``spacy.util.load_model``); without it every article would be skipped, one by
    one, with a hint to install the default pipeline, which is not what was asked for.
    """
    if model is None or model.startswith("blank:"):
        return
    from spacy.util import is_package  # spaCy loads when a verb runs, not for --help

    if not is_package(model) and not Path(model).exists():
        raise typer.BadParameter(f"no spaCy pipeline {model!r}: neither an installed package (pip install …) "
                                 "nor a pipeline folder", param_hint="--model")


def check_output_file(path: Path | None, option: str) -> None:
    """Refuse at once an output file that cannot be written: a folder, or a path below a file.

    Missing folders are made when the file is written; these two cases would otherwise show only
    when a long run ends. '-' (standard output) passes.
    """
    if path is None or str(path) == "-":
        return
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder: give a file name", param_hint=option)
    below_a_file = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if below_a_file is not None:
        raise typer.BadParameter(f"{below_a_file} is a file, not a folder", param_hint=option)


@contextlib.contextmanager
def stdout_reader_may_stop() -> Iterator[None]:
    """Around writing the result to standard output: a reader that stops early (``| head``) ends
    the verb quietly with exit 0, as for any Unix filter, instead of 'Error: Broken pipe'.

    Only around stdout: a broken pipe elsewhere (a SPARQL server's socket) stays an error.
    """
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        raise typer.Exit(0) from None


def refuse_empty(graph, name) -> None:
    """Refuse a graph that holds nothing (an empty store or file): an empty table, page or file
    would look like an answer about a graph, not like a wrong path."""
    from quotegraph.graph.store import holds_nothing  # Oxigraph: only when a verb reads a graph

    if holds_nothing(graph):
        raise QuotegraphError(f"{name}: the graph is empty (no triples): extract articles into it first")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def print_summary(summary, files: dict[str, str] | None = None) -> None:
    """The table every extraction run ends with: counts, skipped inputs, files written."""
    console = Console(stderr=False, soft_wrap=True)
    table = Table(title="quotegraph", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(summary.articles))
    table.add_row("quotes", str(summary.quotes))
    for kind, n in sorted(summary.by_kind.items()):
        table.add_row(f"  {kind}", str(n))
    table.add_row("speakers", str(len(summary.speakers)))
    table.add_row("mediators", str(len(summary.mediators)))
    table.add_row("skipped inputs", str(len(summary.skipped)))
    console.print(table)
    resolved = getattr(summary, "entities", None)
    if resolved is not None:
        console.print(f"entities: {resolved.keys} names as written, {resolved.entities} after resolution "
                      f"({resolved.merged} merged into another; quotegraph explain GRAPH NAME shows why)")
    linked = getattr(summary, "statements", None)
    if linked is not None:
        console.print(f"statements: {linked.statements} ({linked.shared} carried by more than one article)")
    for item in getattr(summary, "tallies", ()):
        typer.echo(str(item), err=True)
    for item in summary.skipped:
        warn(f"skipped {item}")
    for label, path in (files or {}).items():
        console.print(f"{label:>8}: {path}")
