"""The README and docs/ are checked against the code they describe.

- docs/cli.md's command-line reference is generated from the commands: it must be current, and
  every option ``--help`` shows must be in it;
- the README states the two commands CI runs;
- every relative link in the README and docs/ reaches a file (and a heading, for ``#anchors``);
- every test a security promise names (``<!-- tests: path::name … -->``) exists;
- docs/graph.md's table of example queries lists every shipped query with its columns;
- ARCHITECTURE.md, the map, names every module of ``extract/``, ``graph/`` and ``quotegraph/``.
"""

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.cli._docs import BEGIN, END, cli_reference

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"
DOCS = [README, ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md",
        ROOT / "tests" / "README.md"]


def test_cli_reference_is_current():
    text = CLI_DOC.read_text(encoding="utf-8")
    block = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert block == cli_reference(), "run: python -m quotegraph.cli._docs docs/cli.md"


def _verbs(group, prefix=()):
    ctx = group.context_class(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        yield (*prefix, name), cmd
        if hasattr(cmd, "list_commands"):
            yield from _verbs(cmd, (*prefix, name))


def test_every_option_help_shows_is_in_the_cli_reference():
    text = CLI_DOC.read_text(encoding="utf-8")
    runner = CliRunner()
    verbs = list(_verbs(typer.main.get_command(app)))
    assert len(verbs) >= 8
    for words, cmd in verbs:
        title = f"## `quotegraph {' '.join(words)}`\n"
        assert title in text, title
        section = text.split(title, 1)[1].split("\n## ", 1)[0]
        result = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert result.exit_code == 0, result.output
        for param in cmd.params:
            if param.name == "help":
                continue
            if param.param_type_name == "argument":  # --help shows it by its metavar and help text
                assert " ".join((param.help or "").split()[:4]) in result.output, (words, param.name)
                assert f"`{(param.metavar or param.name).strip('[]').upper()}`" in section, (words, param.name)
                continue
            for name in [*param.opts, *param.secondary_opts]:
                assert name in result.output, (words, name)
                assert f"`{name}`" in section, (words, name)


_EXAMPLE_ROW = re.compile(r"^\| `([\w-]+)` \|.*\| ([^|`]+) \|$", re.M)


def test_the_example_queries_table_lists_every_shipped_query_with_its_columns():
    from quotegraph.graph.examples import example_queries

    text = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    section = text.split("\n## Example queries\n", 1)[1].split("\n## ", 1)[0]
    expected = {name: ", ".join(q.columns) for name, q in example_queries().items()}
    assert {m[1]: m[2].strip() for m in _EXAMPLE_ROW.finditer(section)} == expected
    # and not elsewhere: five once sat in the timings table of the stores, among its rows of seconds
    elsewhere = text.replace(section, "")
    assert [m[1] for m in _EXAMPLE_ROW.finditer(elsewhere) if m[2].strip() == expected.get(m[1])] == []


def test_readme_states_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "pip install -e . && quotegraph demo" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in ci


def test_readme_stays_a_newcomers_page():
    assert len(README.read_text(encoding="utf-8").splitlines()) < 200


def _anchors(path: Path) -> set[str]:
    """GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    out = set()
    for heading in re.findall(r"^#+ (.+)$", text, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        out.add(slug)
    return out


def test_the_architecture_map_names_every_module():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w/]+\.py)`", text))
    # the CLI's verbs and the scorers are named by their folder; the pattern families by file name
    by_folder = [f for f in ("quotegraph/cli/", "extract/evaluation/") if f"`{f}`" in text]
    missing = []
    for layer in ("extract", "graph", "quotegraph"):
        for path in sorted((ROOT / layer).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if path.name == "__init__.py" or any(rel.startswith(f) for f in by_folder):
                continue
            short = path.name if rel.startswith("extract/patterns/") else rel
            if short not in named:
                missing.append(rel)
    assert not missing, f"ARCHITECTURE.md does not name: {missing}"


@pytest.mark.parametrize("page", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_reaches_its_target(page):
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve() if file else page
        assert path.exists(), f"{page.name}: {target}"
        if anchor and path.suffix == ".md":
            assert anchor in _anchors(path), f"{page.name}: {target}"


def test_every_test_a_security_promise_names_exists():
    named = []
    for page in DOCS:
        named += re.findall(r"<!-- tests: (.*?) -->", page.read_text(encoding="utf-8"), re.S)
    refs = [ref for group in named for ref in group.split()]
    assert len(refs) >= 10
    for ref in refs:
        path, _, name = ref.partition("::")
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {re.escape(name)}\(", source, re.M), f"{ref} does not exist"


# ------------------------------------------------------------------ the README's examples, run


def _readme_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """Where ``quotegraph demo`` ran, as the README has it: ``quotegraph-demo/`` in the current folder."""
    where = tmp_path_factory.mktemp("readme-demo")
    result = CliRunner().invoke(app, ["demo", "--out", str(where / "quotegraph-demo")])
    assert result.exit_code == 0, result.output
    return where


def test_the_demo_writes_the_files_the_readme_names(demo_folder):
    text = README.read_text(encoding="utf-8")
    named = re.findall(r"`(quotegraph-demo/[\w.]+)`", text.split("## Quick start", 1)[1].split("\n## ", 1)[0])
    assert sorted(named) == ["quotegraph-demo/graph.html", "quotegraph-demo/graph.ttl", "quotegraph-demo/quotes.jsonl"]
    for name in named:
        assert (demo_folder / name).stat().st_size > 0, name


def test_the_readme_turtle_is_in_the_demo_graph(demo_folder):
    """Each triple the README shows (IRIs, offsets) is in the graph the demo writes."""
    from rdflib import Literal

    from quotegraph.graph.namespaces import ID
    from quotegraph.graph.query import run_query
    from quotegraph.graph.store import open_source

    lines = [line for block in _readme_blocks("turtle") for line in block.splitlines() if line.strip()]
    assert len(lines) >= 2
    graph = open_source(demo_folder / "quotegraph-demo" / "graph.ttl")
    for line in lines:
        pattern = line.replace("<…/", f"<{ID}")
        assert run_query(graph, f"ASK {{ {pattern} }}").rows == [(Literal(True),)], line
    ttl = (demo_folder / "quotegraph-demo" / "graph.ttl").read_text(encoding="utf-8")
    for line in lines:  # the entity IRIs as the file writes them
        assert re.search(rf"^{re.escape(line.split()[0])} ", ttl, re.M), line


def test_the_readme_commands_run_on_the_demo_graph(demo_folder, monkeypatch):
    """The README's query and view commands, run where the demo wrote its folder, print what they should."""
    import shlex

    text = README.read_text(encoding="utf-8")
    commands = [line for block in _readme_blocks("bash") for line in block.splitlines()
                if line.startswith("quotegraph ")]
    commands += re.findall(r"`(quotegraph view [^`]+)`", text)
    assert len([c for c in commands if c.startswith("quotegraph query")]) >= 2 and \
        any(c.startswith("quotegraph view") for c in commands)
    monkeypatch.chdir(demo_folder)
    for command in commands:
        result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "250", "NO_COLOR": "1"})
        assert result.exit_code == 0, (command, result.output)
        if command.startswith("quotegraph query"):
            # the speakers of the README's turtle lines are among the rows
            assert "Miriam Okonkwo" in result.output, (command, result.output)
        else:
            assert result.output.startswith("Wrote graph.html: "), result.output
