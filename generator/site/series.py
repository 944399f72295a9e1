"""Figures across calls: a metric's series, a call's headline figures, and what changed
from one call of a company to the next."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.lexicon.labels import metric_labels
from generator.model import Metric, Summary
from generator.site import format
from generator.site.calls import Call

# ---------------------------------------------------------------- metric series


MetricKey = tuple[str, str, str, str]
"""(metric id, segment, scope, unit) with "" for None."""


def metric_key(m: Metric) -> MetricKey:
    """The identity of a figure across calls."""
    return (m.metric, m.segment or "", m.scope or "", m.unit or "")


def headline_metrics(summary: Summary) -> dict[MetricKey, Metric]:
    """One metric per key: corrected ones first, then those with a value, then the earliest line."""
    best: dict[MetricKey, Metric] = {}
    for m in sorted(
        summary.metrics, key=lambda m: (not m.corrected, m.value is None, m.evidence.line, m.metric)
    ):
        best.setdefault(metric_key(m), m)
    return best


def series(calls: list[Call]) -> dict[MetricKey, list[tuple[Call, Metric]]]:
    """Each metric key -> its (call, metric) points, in the order of ``calls``."""
    out: dict[MetricKey, list[tuple[Call, Metric]]] = {}
    for call in calls:
        for key, m in headline_metrics(call.summary).items():
            out.setdefault(key, []).append((call, m))
    return dict(sorted(out.items()))


def headline_revenue(summary: Summary) -> Metric | None:
    """The total revenue of the call's own period (quarter first), or None."""
    revenue = [m for m in summary.metrics if m.metric == "revenue" and not m.segment]
    order = {"quarter": 0, None: 1, "half_year": 2, "fiscal_year": 3}
    revenue.sort(key=lambda m: (order.get(m.scope, 4), not m.corrected, m.value is None, m.evidence.line))
    return revenue[0] if revenue else None


# ---------------------------------------------------------------- changes between calls


@dataclass
class MetricChange:
    """A figure reported by two consecutive calls of a company."""

    key: MetricKey
    before: Metric
    after: Metric

    @property
    def change_pct(self) -> float | None:
        """Percent change of the value, when both values are known and the first is not 0."""
        a, b = self.before.value, self.after.value
        if a is None or b is None or a == 0:
            return None
        return (b - a) / abs(a) * 100


@dataclass
class Comparison:
    """What changed from one call of a company to the next."""

    previous: Call
    current: Call
    metrics: list[MetricChange] = field(default_factory=list)
    topics_new: list[str] = field(default_factory=list)
    topics_gone: list[str] = field(default_factory=list)


def compare(previous: Call, current: Call, topics_of: Callable[[Call], set[str]] = Call.topics) -> Comparison:
    """The metrics both calls report (same key) and the topics that appeared or went away.

    ``topics_of`` says which topics a call holds: by default those of its Q&A and quotes; the
    pages pass the topics of the call's whole text (``pages.call.call_topics``)."""
    before = headline_metrics(previous.summary)
    after = headline_metrics(current.summary)
    changes = [MetricChange(k, before[k], after[k]) for k in sorted(set(before) & set(after))]
    old, new = topics_of(previous), topics_of(current)
    return Comparison(previous, current, changes, sorted(new - old), sorted(old - new))


def once_per_period(points: list[tuple[Call, Metric]]) -> list[tuple[Call, Metric]]:
    """The points of a series, one per company-period: that of the first source path."""
    best: dict[object, Call] = {}
    for call, _ in points:
        key = call.period_key() or call.id
        if key not in best or call.source_path < best[key].source_path:
            best[key] = call
    keep = {c.id for c in best.values()}
    return [(c, m) for c, m in points if c.id in keep]


# ---------------------------------------------------------------- series as the tables list them


def series_label(key: MetricKey, keys: Iterable[MetricKey]) -> tuple[str, str]:
    """(metric name, ``segment · scope``) of a series; the unit is named only when the same
    figure comes in several units (``季度 · 美元``)."""
    notes = [part for part in (key[1], format.scope_label(key[2]) if key[2] else "") if part]
    if key[3] and sum(1 for k in keys if k[:3] == key[:3]) > 1:
        notes.append(format.unit_name(key[3]))
    return format.metric_name(key[0]), " · ".join(notes)


def ordered_series(calls: list[Call]) -> dict[MetricKey, list[tuple[Call, Metric]]]:
    """The calls' series, charted metrics first (in the ``charts`` order of metric_labels)."""
    rank = {name: i for i, name in enumerate(metric_labels().charts)}
    return dict(sorted(series(calls).items(), key=lambda kv: (rank.get(kv[0][0], len(rank)), kv[0])))


def series_rows(calls: list[Call]) -> list[tuple[str, str, list[tuple[Call, Metric]]]]:
    """(metric name, note, points) of every series of ``calls``, as the metrics tables list them."""
    found = ordered_series(calls)
    return [(*series_label(key, found), points) for key, points in found.items()]


# ---------------------------------------------------------------- a true period axis


def period_slot(call: Call) -> int | None:
    """The call's place on a quarterly axis (a full-year call sits where its Q4 would)."""
    p = call.summary.period
    if p.fiscal_year is None:
        return None
    return p.fiscal_year * 4 + (p.fiscal_quarter - 1 if p.fiscal_quarter else 3)


def period_axis(
    points: list[tuple[Call, Metric]], annual: bool, limit: int
) -> list[tuple[str, tuple[Call, Metric] | None]]:
    """The last ``limit`` periods from the first point to the last, each with its point or None
    (no figure on file for that period): quarters, or years when ``annual`` (figures of a whole
    fiscal year). Points without a fiscal year are left out; one point per period (the first)."""
    step = 4 if annual else 1
    by_slot: dict[int, tuple[Call, Metric]] = {}
    for call, m in points:
        where = period_slot(call)
        if where is not None:
            by_slot.setdefault(where // step, (call, m))
    if not by_slot:
        return []
    prefix = "FY" if next(iter(by_slot.values()))[0].period.startswith("FY") else ""
    last = max(by_slot)
    first = max(min(by_slot), last - limit + 1)
    axis: list[tuple[str, tuple[Call, Metric] | None]] = []
    for where in range(first, last + 1):
        label = f"{prefix}{where}" if annual else f"{prefix}{where // 4} Q{where % 4 + 1}"
        axis.append((label, by_slot.get(where)))
    return axis
