"""Like-for-like changes computed from the summaries: each figure against the same figure of
the same period a year earlier (同比) and of the period just before (环比).

A change the call states (``yoy_pct``, ``qoq_pct``) is the company's word; a change computed
here is ours, from two summaries, and the pages say so. When both exist and differ by more
than a small tolerance, the pages flag the figure for a person to check: one of the two
values (or the period of one call) is likely wrong.

Only calls of the same company are compared, and only when the other period's call is on
file: a quarter is compared with the quarter before it (Q1 with the previous year's Q4) and
with the same quarter a year earlier, never with whichever call happens to come before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.lexicon.labels import metric_labels
from generator.model import Metric
from generator.site.calls import Call, PeriodKey
from generator.site.series import MetricKey, headline_metrics, metric_key

YOY, QOQ = "yoy", "qoq"
BASIS_LABELS = {YOY: "同比", QOQ: "环比"}
TOLERANCE_PCT = 1.0
"""A computed percent change and the stated one may differ by this many percentage points
(stated changes are rounded, often to whole percent) before the figure is flagged."""
TOLERANCE_PP = 0.3
"""The same for a ratio's change in percentage points."""
YOY_SCOPES = ("quarter", "half_year", "fiscal_year", "year_to_date", None)
"""Scopes whose figure a year earlier is like for like (a month figure is not: which month?)."""
QOQ_SCOPES = ("quarter", None)
"""Scopes whose figure of the period before is like for like (a quarter, or a balance)."""


def year_ago(key: PeriodKey) -> PeriodKey:
    """The same period a year earlier."""
    company, year, quarter = key
    return (company, year - 1, quarter)


def quarter_before(key: PeriodKey) -> PeriodKey | None:
    """The quarter just before a quarter (Q4 of the year before for Q1); None for a full year."""
    company, year, quarter = key
    if quarter is None:
        return None
    return (company, year, quarter - 1) if quarter > 1 else (company, year - 1, 4)


def period_index(calls: list[Call]) -> dict[PeriodKey, Call]:
    """Company-period -> its call (of several sources of one period, the first source path)."""
    out: dict[PeriodKey, Call] = {}
    for call in sorted(calls, key=lambda c: c.source_path):
        key = call.period_key()
        if key is not None:
            out.setdefault(key, call)
    return out


def same_kind(a: Call, b: Call) -> bool:
    """True when two calls report the same kind of period: a half year is not a full year."""
    if a.summary.period.fiscal_quarter is not None:
        return True
    ea, eb = a.summary.period.period_end, b.summary.period.period_end
    return ea is None or eb is None or ea.month == eb.month


@dataclass(frozen=True)
class Computed:
    """A change of one figure computed from two calls' summaries."""

    basis: str
    """yoy | qoq."""
    base_call: Call
    """The call of the earlier period."""
    base: Metric
    """The figure in the earlier call (same metric, segment, scope and unit)."""
    current: Metric

    @property
    def label(self) -> str:
        """同比 or 环比."""
        return BASIS_LABELS[self.basis]

    @property
    def is_ratio(self) -> bool:
        """True for a figure in percent (a margin): its change is in percentage points."""
        return self.current.unit == "%"

    @property
    def change(self) -> float | None:
        """The change: percent for an amount, percentage points for a ratio; None when it cannot
        be computed (a value missing, or a base of 0 or of the other sign)."""
        a, b = self.base.value, self.current.value
        if a is None or b is None:
            return None
        if self.is_ratio:
            return round(float(b) - float(a), 4)
        if a <= 0:
            return None  # a change from a loss (or from 0) is no percentage
        return round((float(b) - float(a)) / float(a) * 100, 4)

    @property
    def stated(self) -> float | None:
        """The change the call itself gives on the same basis, when it gives one."""
        if self.is_ratio:
            basis = getattr(self.current, "change_pp_basis", None)  # set where the extractor knows it
            return self.current.change_pp if basis == self.basis else None
        return self.current.yoy_pct if self.basis == YOY else self.current.qoq_pct

    @property
    def gap(self) -> float | None:
        """How far the computed change is from the stated one (points), when both exist."""
        if self.change is None or self.stated is None:
            return None
        return round(abs(self.change - self.stated), 4)

    @property
    def mismatch(self) -> bool:
        """True when the computed and the stated change differ beyond the tolerance
        (never for approximate figures: 近/约 values give no exact change)."""
        if self.gap is None or self.base.approximate or self.current.approximate:
            return False
        return self.gap > (TOLERANCE_PP if self.is_ratio else TOLERANCE_PCT)


class LikeForLike:
    """The like-for-like changes of every call's figures, from the calls on file."""

    def __init__(self, calls: list[Call]) -> None:
        self.index = period_index(calls)
        self._headlines: dict[str, dict[MetricKey, Metric]] = {}

    def headlines(self, call: Call) -> dict[MetricKey, Metric]:
        """The call's figures, one per metric key (computed once per call)."""
        if call.id not in self._headlines:
            self._headlines[call.id] = headline_metrics(call.summary)
        return self._headlines[call.id]

    def base_call(self, call: Call, basis: str) -> Call | None:
        """The call a figure of ``call`` is compared with on ``basis``, when it is on file."""
        key = call.period_key()
        if key is None:
            return None
        other = year_ago(key) if basis == YOY else quarter_before(key)
        found = self.index.get(other) if other is not None else None
        return found if found is not None and same_kind(call, found) else None

    def changes(self, call: Call, metric: Metric) -> list[Computed]:
        """The computed changes of one figure of ``call``: year on year, then quarter on quarter."""
        out = []
        for basis, scopes in ((YOY, YOY_SCOPES), (QOQ, QOQ_SCOPES)):
            base_call = self.base_call(call, basis) if metric.scope in scopes else None
            base = self.headlines(base_call).get(metric_key(metric)) if base_call else None
            if base_call is not None and base is not None:
                computed = Computed(basis, base_call, base, metric)
                if computed.change is not None:
                    out.append(computed)
        return out

    def previous(self, call: Call) -> Call | None:
        """The call of the period just before ``call``'s, when it is on file: what "since the
        last call" compares with (a call two quarters back is no previous call)."""
        return self.base_call(call, QOQ)

    def table(self, call: Call) -> list[tuple[Metric, list[Computed]]]:
        """Every figure of ``call`` that has a computed change, in the order of the metric tables."""
        rows = []
        labels = metric_labels()
        items = sorted(
            self.headlines(call).items(), key=lambda kv: (kv[0][1] != "", labels.rank(kv[0][0]), kv[0])
        )
        for _, metric in items:
            found = self.changes(call, metric)
            if found:
                rows.append((metric, found))
        return rows
