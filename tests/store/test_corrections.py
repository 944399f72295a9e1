"""A person's corrections are merged on every run, marked, and never lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import SummaryError
from generator.model import Document, Evidence, Line, Metric, SourceInfo, Summary
from generator.store.corrections import apply_corrections, load_corrections


def _doc(*lines: str) -> Document:
    return Document(
        path="t.txt",
        sha256="0" * 64,
        encoding="utf-8",
        lines=[Line(number=i + 1, original=t, text=t, norm=t) for i, t in enumerate(lines)],
    )


def _summary() -> Summary:
    return Summary(
        source=SourceInfo(path="t.txt", sha256="0" * 64),
        metrics=[
            Metric(
                metric="revenue", scope="quarter", value=1e9, unit="CNY", evidence=Evidence(1, "营收10亿元")
            ),
            Metric(metric="gmv", value=3.5e12, unit="CNY", evidence=Evidence(2, "GMV约3.5万亿元")),
        ],
    )


def _corr(tmp_path: Path, text: str) -> tuple[dict, Path]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return load_corrections(path), path


def test_fix_add_remove_and_scalars(tmp_path: Path) -> None:
    doc = _doc("营收10亿元,同比增长8%", "对手GMV约3.5万亿元", "资本开支3亿元")
    corr, path = _corr(
        tmp_path,
        "call_date: 2025-02-20\n"
        "period: {fiscal_year: 2025, fiscal_quarter: 3}\n"
        "metrics:\n"
        "  fix:\n    - match: {metric: revenue, scope: quarter}\n      set: {yoy_pct: 8}\n"
        "  remove:\n    - {metric: gmv}\n"
        "  add:\n    - {metric: capex, scope: quarter, value: 300000000, unit: CNY,"
        " evidence: {line: 3, text: 资本开支3亿元}}\n",
    )
    fixed, warnings = apply_corrections(_summary(), corr, path, doc)
    assert warnings == []
    assert fixed.call_date == date(2025, 2, 20)
    assert fixed.period.fiscal_year == 2025 and fixed.period.fiscal_quarter == 3
    by_id = {m.metric: m for m in fixed.metrics}
    assert set(by_id) == {"revenue", "capex"}
    assert by_id["revenue"].yoy_pct == 8 and by_id["revenue"].corrected
    assert by_id["capex"].corrected and by_id["capex"].evidence.line == 3
    assert any("revenue" in c for c in fixed.corrections) and "call_date" in fixed.corrections


def test_a_fix_that_matches_nothing_is_reported_not_lost(tmp_path: Path) -> None:
    corr, path = _corr(tmp_path, "metrics:\n  fix:\n    - match: {metric: capex}\n      set: {value: 1}\n")
    fixed, warnings = apply_corrections(_summary(), corr, path, _doc("a", "b"))
    assert len(warnings) == 1 and "capex" in warnings[0] and str(path) in warnings[0]
    assert any("correction not applied" in r for r in fixed.review)


def test_added_metric_needs_evidence_on_its_line(tmp_path: Path) -> None:
    corr, path = _corr(
        tmp_path,
        "metrics:\n  add:\n    - {metric: capex, value: 1, evidence: {line: 1, text: 这句话不在原文}}\n",
    )
    fixed, warnings = apply_corrections(_summary(), corr, path, _doc("营收10亿元"))
    assert [m.metric for m in fixed.metrics] == ["revenue", "gmv"]  # nothing invented, nothing lost
    assert len(warnings) == 1 and "no longer stands on line 1" in warnings[0]
    assert any("not added" in r for r in fixed.review)


def test_added_metric_follows_its_line_when_lines_are_inserted_above(tmp_path: Path) -> None:
    corr, path = _corr(
        tmp_path,
        "metrics:\n  add:\n    - {metric: capex, value: 300000000, unit: CNY,"
        " evidence: {line: 1, text: 资本开支3亿元}}\n",
    )
    fixed, warnings = apply_corrections(_summary(), corr, path, _doc("新加的一行", "资本开支3亿元"))
    capex = next(m for m in fixed.metrics if m.metric == "capex")
    assert capex.evidence.line == 2 and capex.corrected
    assert len(warnings) == 1 and "moved from line 1 to line 2" in warnings[0]


def test_unknown_field_and_bad_shape_are_named(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("colour: red\nmetrics: [1, 2]\n", encoding="utf-8")
    with pytest.raises(SummaryError) as err:
        load_corrections(path)
    assert "colour" in str(err.value) and "metrics" in str(err.value) and str(path) in str(err.value)


def test_corrected_values_survive_validation(tmp_path: Path) -> None:
    corr, path = _corr(tmp_path, "period: {fiscal_quarter: 9}\n")
    with pytest.raises(SummaryError, match="period.fiscal_quarter"):
        apply_corrections(_summary(), corr, path, None)
