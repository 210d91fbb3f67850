"""Fixtures of the CLI audit tests: one short invented English article."""

import pytest

FERRY = '"The ferry runs again," harbour master Ilka Dorrwen said.\n'


@pytest.fixture
def article(tmp_path):
    """A one-line article file in the test's folder."""
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    return path
