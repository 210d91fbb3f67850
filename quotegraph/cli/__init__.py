"""The ``quotegraph`` command: one verb per job, each a thin layer over :mod:`quotegraph.api`.

Every module in this package that does not start with ``_`` defines one verb and registers it
on :data:`app` when imported.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._app import app

__all__ = ["app", "main"]

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _module.name.startswith("_"):  # _app, _docs, __main__ are not verbs
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    """Entry point of the ``quotegraph`` console script."""
    app()
