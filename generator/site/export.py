"""Data downloads: every metric as a row, for the whole site and for each call (CSV and JSON).

One row per metric per call; in the whole site's download a figure that an earlier source
(by path) of the same company and period already gave is left out, so no figure is
counted twice (``source_path`` tells which file each row comes from). Numbers stay
numbers (base units, as in the summaries); text cells that a spreadsheet would read as a
formula (``=``, ``+``, ``-``, ``@`` …) are prefixed with an apostrophe in the CSV, never in
the JSON.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields
from typing import Any

from generator.model import EVIDENCE, NUMBER, Metric
from generator.site.calls import Call
from generator.store.summaries import plain_number

CALL_COLUMNS = (
    "call_id",
    "company_id",
    "company",
    "period",
    "fiscal_year",
    "fiscal_quarter",
    "period_end",
    "call_date",
)
"""The call a row comes from; the metric's own columns follow (:func:`metric_cells`)."""
METRIC_COLUMNS = tuple(f.name for f in fields(Metric) if f.metadata["kind"] != EVIDENCE)
"""A metric's fields, in the model's order, except its evidence (at the end of a row)."""
EVIDENCE_COLUMNS = tuple(
    c for f in fields(Metric) if f.metadata["kind"] == EVIDENCE for c in f.metadata["columns"]
)
COLUMNS = (*CALL_COLUMNS, *METRIC_COLUMNS, "source_path", *EVIDENCE_COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def metric_cells(m: Metric) -> tuple[dict[str, Any], dict[str, Any]]:
    """A metric's cells: (its fields but the evidence, the evidence's line and text)."""
    cells: dict[str, Any] = {}
    evidence: dict[str, Any] = {}
    for f in fields(Metric):
        value, kind = getattr(m, f.name), f.metadata["kind"]
        if kind == EVIDENCE:
            evidence.update(zip(f.metadata["columns"], (value.line, value.text), strict=True))
        else:
            cells[f.name] = plain_number(value) if kind == NUMBER else value
    return cells, evidence


def metric_rows(call: Call) -> list[dict[str, Any]]:
    """The call's metrics as rows (in the summary's order), keys as in :data:`COLUMNS`."""
    s = call.summary
    head = {
        "call_id": call.id,
        "company_id": call.company_id,
        "company": call.company_name,
        "period": call.period,
        "fiscal_year": s.period.fiscal_year,
        "fiscal_quarter": s.period.fiscal_quarter,
        "period_end": s.period.period_end.isoformat() if s.period.period_end else None,
        "call_date": s.call_date.isoformat() if s.call_date else None,
    }
    rows = []
    for m in s.metrics:
        cells, evidence = metric_cells(m)
        rows.append({**head, **cells, "source_path": s.source.path, **evidence})
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV (UTF-8 with a BOM so spreadsheets read the Chinese text; ``\\n`` line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return "\ufeff" + buf.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    """Rows as a JSON document ``{"columns": [...], "rows": [{...}, ...]}``."""
    doc = {"columns": list(COLUMNS), "rows": rows}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


Figure = tuple[Any, ...]
"""What makes two rows the same figure: metric, segment, scope, value and unit (and the
changes, for a figure without a value)."""


def figure(row: dict[str, Any]) -> Figure:
    """The identity of a row's figure within its company-period."""
    key = (row["metric"], row["segment"], row["scope"], row["value"], row["unit"])
    return key if row["value"] is not None else (*key, row["yoy_pct"], row["qoq_pct"], row["change_pp"])


def site_rows(calls: list[Call]) -> list[dict[str, Any]]:
    """Every call's rows, calls newest first as given, each figure of a company-period once:
    a row whose figure an earlier source (by path) of that period gave is left out."""
    rows = {call.id: metric_rows(call) for call in calls}
    given: dict[Any, set[Figure]] = {}
    earlier: dict[str, set[Figure]] = {}
    for call in sorted(calls, key=lambda c: c.source_path):
        seen = given.setdefault(call.period_key() or call.id, set())
        earlier[call.id] = set(seen)
        seen.update(figure(row) for row in rows[call.id])
    return [row for call in calls for row in rows[call.id] if figure(row) not in earlier[call.id]]
