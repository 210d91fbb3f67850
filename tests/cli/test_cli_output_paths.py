"""An output that cannot be written is named as the user wrote it, never as the temporary file
quotegraph writes first (.graph.html.x1y2.tmp), and nothing is left behind. Every verb writes
through graph/files.py, and the CLI prints the OSError's file name: so the name is checked there."""

import os

import pytest

from quotegraph.graph.files import write_atomically


def test_a_missing_folder_is_named_by_the_file_asked_for(tmp_path):
    target = tmp_path / "no-such-folder" / "graph.html"
    with pytest.raises(FileNotFoundError) as caught:
        with write_atomically(target, "w", encoding="utf-8") as out:
            out.write("<html></html>")
    assert caught.value.filename == str(target)


def test_a_folder_in_the_way_is_named_and_no_temporary_is_left(tmp_path):
    (tmp_path / "out.txt").mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        with write_atomically(tmp_path / "out.txt", "w", encoding="utf-8") as out:
            out.write("Hallo")
    assert caught.value.filename == str(tmp_path / "out.txt")
    assert os.listdir(tmp_path) == ["out.txt"]
