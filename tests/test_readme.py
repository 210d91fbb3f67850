"""The README's command-line reference is generated from the commands: it must be current."""

from pathlib import Path

from quotegraph.cli._docs import BEGIN, END, cli_reference

README = Path(__file__).parents[1] / "README.md"


def test_cli_reference_in_readme_is_current():
    text = README.read_text(encoding="utf-8")
    block = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert block == cli_reference(), "run: python -m quotegraph.cli._docs README.md"


def test_readme_states_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "pip install -e . && quotegraph demo" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in ci
