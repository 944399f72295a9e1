"""A person's corrections, merged into every regenerated summary and never overwritten.

One small YAML file per call, at the transcript's path under ``content/corrections/``
with the suffix ``.yaml`` (``content/transcripts/alibaba/x.txt`` ->
``content/corrections/alibaba/x.yaml``). The generator only ever reads these files.

Scalar and mapping fields replace what extraction found::

    call_date: 2025-02-20
    period: {fiscal_year: 2025, fiscal_quarter: 3, period_end: 2024-12-31}
    company: {name: 阿里巴巴}
    source: {kind: article}
    review: []                      # a person checked the notes

List fields take ``add``, ``remove`` and ``fix`` (``match`` picks entries by any of their
fields; for metrics also ``line``, the evidence line)::

    metrics:
      fix:
        - match: {metric: revenue, scope: quarter}
          set: {yoy_pct: 8.0}
      add:
        - {metric: capex, scope: quarter, value: 31780000000, unit: CNY,
           evidence: {line: 58, text: 资本开支317.8亿元}}
      remove:
        - {metric: gmv, value: 3500000000000}
    participants:
      add: [{name: 蒋凡, side: management, role: 淘天集团CEO}]
      remove: [{name: 马云}]

A fix whose ``match`` no longer finds anything is not dropped in silence: it becomes a
warning and a ``review`` note. An added metric must carry evidence that really stands on
the line it names; when lines were inserted above it, the one line that still holds its
text is used (with a warning), and when no single line does, the figure is left out with a
warning and a ``review`` note: the call itself is never lost over a correction.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from generator.errors import SummaryError
from generator.model import Document, Summary
from generator.store.summaries import read_yaml, summary_from_dict, summary_to_dict

LIST_FIELDS = ("metrics", "participants", "qa", "quotes")
MAPPING_FIELDS = ("company", "period", "source")
SCALAR_FIELDS = ("call_date", "review")
OPERATIONS = ("add", "remove", "fix")


def corrections_path(corrections_dir: Path, transcript_rel: Path) -> Path:
    """Where the corrections of a transcript (path relative to the transcripts folder) live."""
    return corrections_dir / transcript_rel.with_suffix(".yaml")


def load_corrections(path: Path) -> dict[str, Any]:
    """Read and shape-check a corrections file; raise SummaryError naming file and field."""
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SummaryError("a corrections file must be a mapping of summary fields", str(path))
    problems = []
    for key, value in data.items():
        if key in LIST_FIELDS:
            if not isinstance(value, dict) or set(value) - set(OPERATIONS):
                problems.append(f"{key}: must be a mapping with add, remove or fix")
        elif key in MAPPING_FIELDS:
            if not isinstance(value, dict):
                problems.append(f"{key}: must be a mapping")
        elif key not in SCALAR_FIELDS:
            problems.append(f"{key}: not a field that can be corrected")
    if problems:
        raise SummaryError("; ".join(problems), str(path))
    return data


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def evidence_stands(doc: Document | None, line: int, text: str) -> bool:
    """True when ``text`` stands (whitespace and width aside) on line ``line`` of the source."""
    if doc is None:
        return True
    if not 1 <= line <= len(doc.lines) or not text.strip():
        return False
    return _squash(text) in _squash(doc.line(line).original)


def evidence_lines(doc: Document | None, text: str) -> list[int]:
    """The lines of the source on which ``text`` stands (a moved line is found again)."""
    if doc is None or not text.strip():
        return []
    want = _squash(text)
    return [ln.number for ln in doc.lines if want in _squash(ln.original)]


def _matches(item: dict[str, Any], match: dict[str, Any]) -> bool:
    for key, want in match.items():
        got = item.get("evidence", {}).get("line") if key == "line" else item.get(key)
        if isinstance(want, (int, float)) and isinstance(got, (int, float)) and not isinstance(want, bool):
            if abs(got - want) > abs(want) * 0.005 + 1e-9:
                return False
        elif str(got) != str(want):
            return False
    return True


def _label(item: dict[str, Any]) -> str:
    keys = ("metric", "segment", "scope", "name", "asker", "speaker")
    return "/".join(str(item[k]) for k in keys if item.get(k))


class _Merge:
    """Applies one corrections document to one summary document."""

    def __init__(self, doc: dict[str, Any], path: str, source: Document | None) -> None:
        self.doc = doc
        self.path = path
        self.source = source
        self.applied: list[str] = []
        self.warnings: list[str] = []

    def scalars(self, corr: dict[str, Any]) -> None:
        for key in SCALAR_FIELDS:
            if key in corr:
                self.doc[key] = corr[key]
                self.applied.append(key)
        for key in MAPPING_FIELDS:
            if key in corr:
                self.doc[key] = {**(self.doc.get(key) or {}), **corr[key]}
                self.applied.extend(f"{key}.{k}" for k in sorted(corr[key]))

    def lists(self, corr: dict[str, Any]) -> None:
        for key in LIST_FIELDS:
            ops = corr.get(key)
            if not ops:
                continue
            items: list[dict[str, Any]] = list(self.doc.get(key) or [])
            for match in ops.get("remove") or []:
                kept = [it for it in items if not _matches(it, match)]
                self._note_unmatched(key, "remove", match, len(kept) == len(items))
                if len(kept) != len(items):
                    self.applied.append(f"{key}: removed {_label(match)}")
                items = kept
            for fix in ops.get("fix") or []:
                items = self._fix(key, items, fix)
            for add in ops.get("add") or []:
                added = self._added(key, add)
                if added is not None:
                    items.append(added)
            self.doc[key] = items

    def _fix(self, key: str, items: list[dict[str, Any]], fix: Any) -> list[dict[str, Any]]:
        if not isinstance(fix, dict) or not isinstance(fix.get("match"), dict):
            raise SummaryError(f"{key}.fix: each entry needs match and set", self.path)
        hit = False
        out = []
        for it in items:
            if _matches(it, fix["match"]):
                hit = True
                it = {**it, **(fix.get("set") or {})}
                if key == "metrics":
                    it["corrected"] = True
                self.applied.append(f"{key}: fixed {_label(it)}")
            out.append(it)
        self._note_unmatched(key, "fix", fix["match"], not hit)
        return out

    def _added(self, key: str, add: Any) -> dict[str, Any] | None:
        if not isinstance(add, dict):
            raise SummaryError(f"{key}.add: each entry must be a mapping", self.path)
        if key == "metrics":
            ev = add.get("evidence") or {}
            line, text = ev.get("line"), ev.get("text")
            if not isinstance(line, int) or not isinstance(text, str):
                raise SummaryError(
                    f"metrics.add {_label(add)}: evidence line and text are required", self.path
                )
            if not evidence_stands(self.source, line, text):
                moved = evidence_lines(self.source, text)
                if len(moved) != 1:
                    where = "no line" if not moved else f"{len(moved)} lines"
                    self.warnings.append(
                        f"metrics.add {_label(add)}: evidence text no longer stands on line {line} "
                        f"(found on {where} of the source); the figure was not added"
                    )
                    return None
                self.warnings.append(
                    f"metrics.add {_label(add)}: evidence moved from line {line} to line {moved[0]}; "
                    "the figure was added there (update the correction's line)"
                )
                add = {**add, "evidence": {**ev, "line": moved[0]}}
            add = {**add, "corrected": True}
        self.applied.append(f"{key}: added {_label(add)}")
        return add

    def _note_unmatched(self, key: str, op: str, match: Any, unmatched: bool) -> None:
        if unmatched:
            self.warnings.append(f"{key}.{op}: nothing matches {match}; the correction was not applied")


def apply_corrections(
    summary: Summary, corr: dict[str, Any], path: Path, source: Document | None = None
) -> tuple[Summary, list[str]]:
    """Merge a corrections document into a summary; return it and the warnings."""
    if not corr:
        return summary, []
    merge = _Merge(summary_to_dict(summary), str(path), source)
    merge.scalars(corr)
    merge.lists(corr)
    doc = merge.doc
    doc["review"] = list(doc.get("review") or []) + [f"correction not applied: {w}" for w in merge.warnings]
    doc["corrections"] = merge.applied
    corrected = summary_from_dict(doc, str(path))
    return corrected, [f"{path}: {w}" for w in merge.warnings]
