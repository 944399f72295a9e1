"""The guarded writer: atomic, never over a person's file, no collisions, stale files pruned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.writer import MANIFEST, OutputTree


def test_writes_and_records_manifest(tmp_path: Path) -> None:
    tree = OutputTree(tmp_path)
    tree.write("a/b.md", "你好\n")
    tree.finish()
    assert (tmp_path / "a/b.md").read_text(encoding="utf-8") == "你好\n"
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert list(manifest["files"]) == ["a/b.md"]


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("written by a person", encoding="utf-8")
    tree = OutputTree(tmp_path)
    with pytest.raises(OutputError, match="not written by the generator"):
        tree.write("mine.md", "generated")
    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "written by a person"


def test_refuses_to_overwrite_a_generated_file_a_person_edited(tmp_path: Path) -> None:
    tree = OutputTree(tmp_path)
    tree.write("page.md", "v1\n")
    tree.finish()
    (tmp_path / "page.md").write_text("v1 plus a person's fix\n", encoding="utf-8")
    tree = OutputTree(tmp_path)
    with pytest.raises(OutputError, match="edited since"):
        tree.write("page.md", "v2\n")
    assert "person's fix" in (tmp_path / "page.md").read_text(encoding="utf-8")


def test_overwrites_its_own_unedited_file(tmp_path: Path) -> None:
    for version in ("v1\n", "v2\n"):
        tree = OutputTree(tmp_path)
        tree.write("page.md", version)
        tree.finish()
    assert (tmp_path / "page.md").read_text(encoding="utf-8") == "v2\n"


def test_two_items_writing_one_path_are_refused(tmp_path: Path) -> None:
    tree = OutputTree(tmp_path)
    tree.write("x.md", "one")
    with pytest.raises(OutputError, match="same file"):
        tree.write("x.md", "two")


def test_stale_generated_files_are_pruned_but_edited_ones_kept(tmp_path: Path) -> None:
    tree = OutputTree(tmp_path)
    tree.write("old/gone.md", "old\n")
    tree.write("old/edited.md", "old\n")
    tree.write("kept.md", "k\n")
    tree.finish()
    (tmp_path / "old/edited.md").write_text("a person's words\n", encoding="utf-8")
    tree = OutputTree(tmp_path)
    tree.write("kept.md", "k\n")
    removed = tree.finish()
    assert removed == ["old/gone.md"]
    assert not (tmp_path / "old/gone.md").exists()
    assert (tmp_path / "old/edited.md").read_text(encoding="utf-8") == "a person's words\n"


def test_without_prune_nothing_is_removed(tmp_path: Path) -> None:
    tree = OutputTree(tmp_path)
    tree.write("a.md", "a\n")
    tree.finish()
    tree = OutputTree(tmp_path, prune=False)
    tree.write("b.md", "b\n")
    assert tree.finish() == []
    assert (tmp_path / "a.md").exists()
    assert sorted(json.loads((tmp_path / MANIFEST).read_text())["files"]) == ["a.md", "b.md"]


def test_paths_outside_the_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        OutputTree(tmp_path / "out").write("../escape.md", "x")
