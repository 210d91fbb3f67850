"""Fixtures of the browser tests: one Chromium per module, and the Wikinews dev split extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pages import ARGS, CHROMIUM
from wikinews_corpus import dev_path, dev_results


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
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


@pytest.fixture(scope="session")
def wikinews_dev():
    """The extraction results of the 150 Wikinews dev articles, extracted once for the session."""
    if not dev_path().is_file():
        pytest.skip(f"no Wikinews dev data at {dev_path()}")
    return dev_results()
