"""Merging repeats of one figure and choosing among conflicting values.

Metrics are grouped by metric and business unit; the same figure stated twice is kept once (the
most complete statement); for revenue and net income one value per scope and currency is kept
and the others are noted; value-less repeats of a valued figure are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.extract.metrics.wrapped_en import CJK
from generator.model import Metric


def deduplicate(
    metrics: list[Metric], notes: list[str], headline_lines: set[int], preferred: set[int]
) -> list[Metric]:
    """One metric per metric/segment/scope/value; value-less repeats of a valued one dropped; of two
    values of one figure, the one in the preferred wording (总收入, 归母净利润) kept."""
    groups: dict[tuple[str, str | None], list[Metric]] = {}
    for m in metrics:
        groups.setdefault((m.metric, m.segment), []).append(m)
    kept: list[Metric] = []
    for (metric_id, segment), group in groups.items():
        valued = [m for m in group if m.value is not None]
        clusters: list[list[Metric]] = []
        for m in sorted(valued, key=lambda m: (m.scope is None, m.evidence.line)):
            home = next((c for c in clusters if _same_figure(c[0], m)), None)
            if home is None:
                clusters.append([m])
            else:
                home.append(m)
        best = [_completed(_best(c, headline_lines), c) for c in clusters]
        best = _one_value(best, metric_id, segment, notes, preferred)
        kept.extend(best)
        by_scope: dict[str | None, list[Metric]] = {}
        for m in best:
            by_scope.setdefault(m.scope, []).append(m)
        for scope, ms in sorted(by_scope.items(), key=lambda kv: str(kv[0])):
            if len(ms) > 1:
                listed = ", ".join(f"{m.as_written} (line {m.evidence.line})" for m in sorted(ms, key=_order))
                label = f"{metric_id}{'/' + segment if segment else ''}/{scope or '-'}"
                notes.append(f"line {min(m.evidence.line for m in ms)}: several values for {label}: {listed}")
        bare: list[Metric] = []
        for m in sorted((m for m in group if m.value is None), key=lambda m: m.evidence.line):
            if any(_covers(v, m) for v in best + bare):
                continue
            home = [v for v in best if _fits(v, m)]
            if len(home) == 1 and len([v for v in best if _same_scope(v, m)]) == 1:
                best[best.index(home[0])] = kept[kept.index(home[0])] = _with_changes(home[0], m)
                continue  # 净利润为x亿元 … 净利润同比增长y%: one figure stated in two places
            bare.append(m)
        kept.extend(bare)
    return sorted(kept, key=_order)


ONE_VALUE = ("revenue", "net_income")
"""Figures a call states once per scope and currency: a second value is another unit's or another kind."""


def _one_value(
    best: list[Metric], metric_id: str, segment: str | None, notes: list[str], preferred: set[int]
) -> list[Metric]:
    """For the group's revenue and net income, one value per scope and currency: the one in total or
    attributable wording when only some are, else (revenue) the first the text states."""
    if metric_id not in ONE_VALUE or segment is not None:
        return best
    groups: dict[tuple[str | None, str | None], list[Metric]] = {}
    for m in best:
        groups.setdefault((m.scope, m.unit), []).append(m)
    out: list[Metric] = []
    for (scope, _unit), ms in sorted(groups.items(), key=lambda kv: str(kv[0])):
        ms = sorted(ms, key=lambda m: m.evidence.line)
        chosen = [m for m in ms if id(m) in preferred]
        if len(ms) > 1 and (len(chosen) == 1 or (not chosen and metric_id == "revenue")):
            keep = min(chosen or ms, key=_exactness)
            for m in ms:
                if m is not keep:
                    notes.append(
                        f"line {m.evidence.line}: {metric_id} {m.as_written} left out: the {metric_id} "
                        f"for {scope or 'the period'} is {keep.as_written} (line {keep.evidence.line})"
                    )
            out.append(keep)
        else:
            out.extend(ms)
    return out


def _exactness(m: Metric) -> tuple:
    """Rank of one of several values of a figure: an exact one (not 首破80亿美元) first, then the earliest."""
    return (bool(m.approximate), m.evidence.line)


def _order(m: Metric) -> tuple:
    return (m.evidence.line, m.metric, m.segment or "", m.scope or "", m.value if m.value is not None else 0)


def _same_figure(a: Metric, b: Metric) -> bool:
    if a.unit != b.unit or a.value is None or b.value is None:
        return False
    if a.scope is not None and b.scope is not None and a.scope != b.scope:
        return False
    big = max(abs(a.value), abs(b.value)) or 1
    return abs(a.value - b.value) / big <= 0.001


def _best(cluster: list[Metric], headline_lines: set[int]) -> Metric:
    """The most complete metric of a cluster (then the most precise, then body text, then the earliest)."""

    def score(m: Metric) -> tuple:
        filled = sum(x is not None for x in (m.value, m.yoy_pct, m.qoq_pct, m.change_pp)) + (
            m.scope is not None
        )
        digits = len(re.sub(r"\D", "", m.as_written or ""))
        return (-filled, -digits, m.evidence.line in headline_lines, m.evidence.line)

    return min(cluster, key=score)


CHANGES = ("yoy_pct", "qoq_pct", "change_pp")


def _completed(best: Metric, cluster: list[Metric]) -> Metric:
    """``best`` with the changes it lacks taken from the other statements of the same figure, when
    they agree on them ("net income of RMB511 million, up 19% QoQ" … "RMB511 million, up 126% YoY")."""
    for key in CHANGES:
        if getattr(best, key) is not None:
            continue
        found = {getattr(m, key) for m in cluster if getattr(m, key) is not None}
        if len(found) == 1:
            fill = next(m for m in cluster if getattr(m, key) is not None)
            best = replace(best, **{key: getattr(fill, key)})
            if key == "change_pp":
                best = replace(best, change_pp_basis=fill.change_pp_basis)
    return best


def _same_scope(full: Metric, bare: Metric) -> bool:
    return full.scope is None or bare.scope is None or full.scope == bare.scope


def _fits(full: Metric, bare: Metric) -> bool:
    """True when the value-less ``bare`` only adds changes that ``full`` (same scope) lacks."""
    if not _same_scope(full, bare) or (bare.scope is None and full.scope is not None):
        return False
    if CJK.search(bare.evidence.text):
        return False  # English states a change in its own sentence ("That was up 26.3 percent…"); kept to it
    adds = False
    for key in CHANGES:
        b, f = getattr(bare, key), getattr(full, key)
        if b is not None and f is not None and abs(f - b) > 0.5:
            return False
        adds = adds or (b is not None and f is None)
    return adds


def _with_changes(full: Metric, bare: Metric) -> Metric:
    filled = {
        k: getattr(bare, k) for k in CHANGES if getattr(full, k) is None and getattr(bare, k) is not None
    }
    if "change_pp" in filled:
        filled["change_pp_basis"] = bare.change_pp_basis
    return replace(full, **filled)


def _covers(full: Metric, bare: Metric) -> bool:
    """True when ``bare`` (no value) says nothing that ``full`` does not."""
    if full.scope is not None and bare.scope is not None and full.scope != bare.scope:
        return False
    for key in ("yoy_pct", "qoq_pct", "change_pp"):
        b, f = getattr(bare, key), getattr(full, key)
        if b is not None and (f is None or abs(f - b) > 0.5):
            return False
    return True
