"""What a command loads: extraction and the CLI leave the network page's libraries alone (networkx
alone is 12 MB and a tenth of a second), so a run over a corpus does not carry them."""

import subprocess
import sys


def _loaded(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_cli_and_the_api_do_not_import_networkx_or_pyvis():
    for code in ("import quotegraph.cli", "import quotegraph.api", "import quotegraph.corpus"):
        loaded = _loaded(code)
        assert "quotegraph" in loaded
        assert not {"networkx", "pyvis"} & loaded, code


def test_drawing_the_page_does_import_networkx():
    # the check above can fail: the page's builder does bring networkx in
    assert "networkx" in _loaded("import quotegraph.graph.view")
