"""The CLI reference (docs/cli.md), generated from the commands themselves so the two never drift.

``python -m quotegraph.cli._docs docs/cli.md`` rewrites the block between the
``<!-- CLI -->`` and ``<!-- /CLI -->`` markers; a test checks docs/cli.md is up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer.main

from quotegraph.cli import app

BEGIN, END = "<!-- CLI -->", "<!-- /CLI -->"


def _commands(group, prefix: str) -> list[tuple[str, object]]:
    out = []
    ctx = group.context_class(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        if hasattr(cmd, "list_commands"):  # a group (typer vendors its own click classes)
            out.append((f"{prefix} {name}", cmd))
            out += _commands(cmd, f"{prefix} {name}")
        else:
            out.append((f"{prefix} {name}", cmd))
    return out


def _option_row(param) -> str:
    if param.param_type_name == "argument":
        names = f"`{(param.metavar or param.name).strip('[]').upper()}`"  # the name --help shows
        help_text = getattr(param, "help", None) or ""
    else:
        names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
        help_text = getattr(param, "help", None) or ""
    default = ""
    if param.param_type_name == "option" and param.show_default is not False and not param.is_flag:
        if param.default not in (None, (), [], "") and not callable(param.default):
            value = getattr(param.default, "value", param.default)  # an Enum's value
            default = f" (default: `{value}`)"
    escaped = help_text.replace("|", "\\|")
    return f"| {names} | {escaped}{default} |"


def cli_reference() -> str:
    """Markdown for every verb: its help text and a table of its arguments and options."""
    root = typer.main.get_command(app)
    lines = [BEGIN, "# Command-line reference", "",
             "Every verb has `--help` (`-h`). Exit codes: 0 done; 1 error (one line on stderr); "
             "2 usage error; 3 done, but some inputs were skipped (each named on stderr).", ""]
    for name, cmd in _commands(root, "quotegraph"):
        lines.append(f"## `{name}`")
        lines.append("")
        help_text = (cmd.help or "").strip()
        lines.append(help_text)
        lines.append("")
        params = [p for p in cmd.params if p.name != "help"]
        if params:
            lines += ["| argument / option | meaning |", "|---|---|"]
            lines += [_option_row(p) for p in params]
            lines.append("")
    lines.append(END)
    return "\n".join(lines)


def update_readme(path: Path) -> bool:
    """Rewrite the CLI block of a file (docs/cli.md); returns whether anything changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + cli_reference() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/cli.md")
    changed = update_readme(path)
    print(f"{path} updated" if changed else f"{path} up to date")
