"""CSV and JSON downloads: one row per metric, numbers kept, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json

from sample_summaries import alibaba_q4, sample_set

from generator.site.calls import build_calls
from generator.site.export import COLUMNS, metric_rows, site_rows, to_csv, to_json


def test_rows_carry_call_metric_and_source() -> None:
    calls = build_calls([alibaba_q4()])
    rows = metric_rows(calls[0])
    assert len(rows) == len(alibaba_q4().metrics)
    first = rows[0]
    assert first["call_id"] == calls[0].id
    assert first["period"] == "FY2024 Q4"
    assert first["value"] == 221874000000 and first["unit"] == "CNY" and first["yoy_pct"] == 7
    assert first["source_line"] == 4 and first["evidence"] == "营收为2218.74亿元,同比增长7%"
    assert first["source_path"].endswith("sina-call-transcript.txt")


def test_csv_round_trips_and_neutralises_formulas() -> None:
    calls = build_calls([alibaba_q4()])
    rows = metric_rows(calls[0])
    rows[0]["evidence"] = '=HYPERLINK("http://x")'
    text = to_csv(rows)
    assert text.startswith("\ufeff")
    parsed = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(parsed[0]) == list(COLUMNS)
    assert len(parsed) == len(rows)
    assert parsed[0]["evidence"].startswith("'=")
    assert parsed[1]["yoy_pct"] == "-96"
    assert parsed[0]["value"] == "221874000000"


def test_json_has_columns_and_rows() -> None:
    rows = site_rows(build_calls(sample_set()))
    doc = json.loads(to_json(rows))
    assert doc["columns"] == list(COLUMNS)
    assert len(doc["rows"]) == sum(len(s.metrics) for s in sample_set())
    assert {r["company_id"] for r in doc["rows"]} == {"alibaba", "tencent"}
    assert to_json(rows) == to_json(site_rows(build_calls(list(reversed(sample_set())))))


def test_columns_follow_the_metric_field_list() -> None:
    from dataclasses import fields

    from generator.model import Metric

    names = [f.name for f in fields(Metric) if f.name != "evidence"]
    assert list(COLUMNS[8 : 8 + len(names)]) == names
    assert COLUMNS[8 + len(names) :] == ("source_path", "source_line", "evidence")
