"""Extending the lexicons: merge rules, a bad key named with its file, and --root honoured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import lexicon
from generator.errors import LexiconError
from generator.lexicon.companies import companies, parse_entry
from generator.lexicon.firms import firms
from generator.lexicon.words import alternation, longest_first

ROOT = Path(__file__).resolve().parents[2]


def test_merge_appends_lists_merges_mappings_replaces_scalars() -> None:
    base = {"a": [1, 2], "b": {"x": 1, "y": [1]}, "c": "old"}
    extra = {"a": [2, 3], "b": {"y": [2], "z": 3}, "c": "new"}
    assert lexicon.merge(base, extra) == {"a": [1, 2, 3], "b": {"x": 1, "y": [1, 2], "z": 3}, "c": "new"}


def test_merge_names_the_key_and_file_of_a_wrong_shape() -> None:
    with pytest.raises(LexiconError) as err:
        lexicon.merge(
            {"companies": {"a": {"names": ["x"]}}}, {"companies": {"a": {"names": "y"}}}, "", "f.yaml"
        )
    assert "companies.a.names must be a list" in str(err.value) and "f.yaml" in str(err.value)


def test_a_user_lexicon_extends_the_bundled_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "companies.yaml").write_text(
        "companies:\n  acme:\n    name: 某某云\n    names: [某某云, ACME]\n    tickers: [ACME]\n",
        encoding="utf-8",
    )
    (tmp_path / "firms.yaml").write_text("firms:\n  某某证券: [MMS]\n", encoding="utf-8")
    monkeypatch.setenv("GENERATOR_LEXICONS", str(tmp_path))
    lexicon.use_project(None)
    try:
        assert companies().owner_of("ACME") == "acme" and companies().owner_of("阿里") == "alibaba"
        assert firms().canonical("mms") == "某某证券" and firms().as_recorded("MMS") == "某某证券"
    finally:
        monkeypatch.delenv("GENERATOR_LEXICONS")
        lexicon.use_project(None)
    assert companies().owner_of("ACME") is None  # rebuilt once the extension is gone


def test_a_bad_company_entry_is_named() -> None:
    with pytest.raises(LexiconError, match=r"companies.acme.fiscal_year_start_month"):
        parse_entry("acme", {"name": "某某", "fiscal_year_start_month": 13})
    with pytest.raises(LexiconError, match=r"companies.acme.names must be a list"):
        parse_entry("acme", {"name": "某某", "names": "某某"})


def test_alternation_prefers_the_longest_word() -> None:
    assert longest_first(["云", "阿里云", "云", "阿里"]) == ["阿里云", "阿里", "云"]
    assert alternation(["a.b", "a"]) == r"a\.b|a"
    assert alternation([]) == "(?!)"


def test_root_lexicons_are_read_from_the_project_not_the_current_folder(tmp_path: Path) -> None:
    project = tmp_path / "project"
    src = project / "content" / "transcripts" / "acme"
    src.mkdir(parents=True)
    (src / "call.txt").write_text(
        "某某云2024年第二季度业绩电话会\n某某云本季度营收为10亿元。\n", encoding="utf-8"
    )
    lexicons = project / "content" / "lexicons"
    lexicons.mkdir(parents=True)
    (lexicons / "companies.yaml").write_text(
        "companies:\n  acme:\n    name: 某某云\n    names: [某某云]\n", encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "GENERATOR_LEXICONS"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "summarize",
            str(project / "content" / "transcripts"),
            "--out",
            str(project / "content" / "summaries"),
            "--root",
            str(project),
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    summary = (project / "content" / "summaries" / "acme" / "call.yaml").read_text(encoding="utf-8")
    assert "id: acme" in summary
