"""Shared by the tests/extract/metrics/test_metrics_*.py files: call periods, and extraction from an inline text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.extract.metrics.extractor import extract_metrics
from generator.model import Company, Metric, Period
from generator.source.read import read_source

Q2_2024 = Period(2024, 2, date(2024, 6, 30))
Q3_2024 = Period(2024, 3, date(2024, 9, 30))
Q4_2023 = Period(2023, 4, date(2023, 12, 31))
Q4_2024 = Period(2024, 4, date(2024, 12, 31))
ALI_FY24_Q4 = Period(2024, 4, date(2024, 3, 31))
ALI_FY25_Q3 = Period(2025, 3, date(2024, 12, 31))
H1_2024 = Period(2024, None, date(2024, 6, 30))


def extract(tmp_path: Path, text: str, company: str, period: Period) -> tuple[list[Metric], list[str]]:
    """The metrics and notes of ``text`` read as a call of ``company``; every figure grounded on its line."""
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    metrics, notes = extract_metrics(doc, Company(name=company), period)
    originals = text.splitlines()
    for m in metrics:  # every figure is grounded on its line
        assert m.evidence.text and m.evidence.text in originals[m.evidence.line - 1]
        if m.as_written:
            assert m.as_written in m.evidence.text
    return metrics, notes


def only(metrics: list[Metric], metric: str, segment: str | None = None) -> Metric:
    """The one metric ``metric`` of ``segment`` (the test fails when there are none or several)."""
    found = [m for m in metrics if m.metric == metric and m.segment == segment]
    assert len(found) == 1, found
    return found[0]
