"""Opening the network page in Chromium for the browser tests: the binary, its flags, one browser per module, a page with its requests and errors.

The test modules import :func:`browser` (a fixture) from here: a ``conftest.py`` in this folder
would clash with ``tests/conftest.py`` when the doctests of every module are collected.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("QUOTEGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL = re.compile(r"^(file|data|about|blob):", re.IGNORECASE)
TRAP = """
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = function (m) { window.__alerts.push(name + ":" + String(m)); };
}
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium through Playwright for a module's tests (skips when either is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (run .ci/install-browser.sh)")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=ARGS,
            headless=True, viewport={"width": 1280, "height": 800}, accept_downloads=True,
        )
        yield context
        context.close()


class Opened:
    """A page opened from a file, with every request and console error it caused."""

    def __init__(self, context, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.add_init_script(TRAP)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.qgReady === true", timeout=60_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_labels(self) -> set[str]:
        return set(self.js("() => qg.nodes.get({filter: n => !n.hidden}).map(n => n.label)"))

    def node_id(self, label: str) -> int:
        return self.js("label => qg.data.nodes.find(n => n.label === label).id", label)

    def point_at(self, label: str) -> tuple[float, float]:
        return tuple(self.js("""id => {
            const dom = qg.network.canvasToDOM(qg.network.getPosition(id));
            const box = document.getElementById("qg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", self.node_id(label)))

    def screenshot(self, tmp_path: Path, name: str) -> Path:
        path = tmp_path / name
        self.page.screenshot(path=str(path))
        folder = os.environ.get("QUOTEGRAPH_ARTIFACTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(folder) / name)
        return path
