"""Guidance and consensus held against what was reported: the guidance ledger and beat/miss.

A summary's ``guidance`` (what the company said a later period would bring) and ``consensus``
(the market's expectation the text quotes) are figures about a period; once the call of that
period is on file, its reported figure (same metric, segment and unit, the scope of that period)
is the actual, and the pages say how the two compare. Both lines are linked: the line that gave
the expectation and the line that reported the actual.

A consensus without a period is the expectation of the call's own results (``超市场预期的…``);
guidance without a period cannot be placed, so it is listed without an actual.

What counts as "in line" is decided here only: :data:`INLINE_PCT` for amounts and counts,
:data:`INLINE_PP` for ratios (``docs/about.md`` tells readers).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Forecast, Metric
from generator.site.calls import Call, PeriodKey
from generator.site.series import MetricKey, headline_metrics

GUIDANCE, CONSENSUS = "guidance", "consensus"
INLINE_PCT = 1.0
"""A reported amount within this many percent of the expected one (either way) is in line
(符合预期 / 符合指引); beyond it, a beat or a miss."""
INLINE_PP = 0.1
"""The same for a ratio (a margin, in percent), in percentage points."""

ABOVE, WITHIN, BELOW = "above", "within", "below"
VERDICTS = {
    CONSENSUS: {ABOVE: "超预期", WITHIN: "符合预期", BELOW: "低于预期"},
    GUIDANCE: {ABOVE: "高于指引", WITHIN: "符合指引", BELOW: "低于指引"},
}
"""What the pages call each outcome, per kind of expectation."""
KIND_LABELS = {GUIDANCE: "业绩指引", CONSENSUS: "市场预期"}


def compare_value(
    actual: float, expected: float | None, low: float | None, high: float | None, ratio: bool
) -> str | None:
    """above | within | below: ``actual`` against a range (``low``-``high``; an open end is open)
    or a single ``expected`` figure within the tolerance; None when there is nothing to compare."""
    if low is not None or high is not None:
        if low is not None and actual < low:
            return BELOW
        if high is not None and actual > high:
            return ABOVE
        return WITHIN
    if expected is None:
        return None
    gap = actual - expected if ratio else None
    if gap is None:
        if expected <= 0:
            return None  # no relative tolerance around a loss or zero
        gap = (actual - expected) / expected * 100
        limit = INLINE_PCT
    else:
        limit = INLINE_PP
    gap = round(gap, 6)  # 30.1 - 30 is 0.10000000000000142: at the edge is still in line
    if abs(gap) <= limit:
        return WITHIN
    return ABOVE if gap > 0 else BELOW


@dataclass(frozen=True)
class Outcome:
    """One expectation (guidance or consensus) and, when its period's call is on file, the actual."""

    kind: str
    """guidance | consensus."""
    forecast: Forecast
    call: Call
    """The call whose text gave the expectation."""
    period: PeriodKey | None
    """The company-period the expectation is about (None: not said)."""
    period_label: str
    """That period as the pages name it (``2024 Q2``, ``FY2025 全年``), or "" when not said."""
    actual_call: Call | None = None
    """The call that reported the period's figure, when it is on file."""
    actual: Metric | None = None
    """The reported figure (same metric, segment and unit), when that call gives it."""

    @property
    def verdict(self) -> str | None:
        """above | within | below, or None without an actual or a figure to compare."""
        if self.actual is None:
            return None
        f = self.forecast
        ratio = f.unit == "%"
        if f.value is None and f.low is None and f.high is None:
            if f.growth_pct is None or self.actual.yoy_pct is None:
                return None
            return compare_value(self.actual.yoy_pct, f.growth_pct, None, None, True)
        if self.actual.value is None:
            return None
        return compare_value(float(self.actual.value), _num(f.value), _num(f.low), _num(f.high), ratio)

    @property
    def verdict_label(self) -> str:
        """超预期 / 符合预期 / 低于预期, 高于指引 / 符合指引 / 低于指引, or ""."""
        return VERDICTS[self.kind].get(self.verdict or "", "")

    @property
    def on_growth(self) -> bool:
        """True when the expectation is a growth rate only (compared with the stated year-on-year change)."""
        f = self.forecast
        return f.value is None and f.low is None and f.high is None and f.growth_pct is not None


def _num(x: float | int | None) -> float | None:
    return None if x is None else float(x)


def _scopes(period: PeriodKey) -> tuple[str, ...]:
    """The scopes a figure of ``period`` may have: a quarter's, or a full year's; a balance has none."""
    return ("quarter", "") if period[2] is not None else ("fiscal_year", "")


class Ledger:
    """Every call's guidance and consensus, each with the actual once its period is on file."""

    def __init__(self, index: dict[PeriodKey, Call]) -> None:
        self.index = index
        """Company-period -> its call (:func:`generator.site.likeforlike.period_index`)."""

    def target(self, call: Call, kind: str, f: Forecast) -> PeriodKey | None:
        """The company-period an expectation is about: its own when the text says; a consensus
        without one is about the call's own results."""
        if f.fiscal_year is not None:
            return (call.company_id, f.fiscal_year, f.fiscal_quarter)
        return call.period_key() if kind == CONSENSUS else None

    def outcome(self, call: Call, kind: str, f: Forecast) -> Outcome:
        """The expectation ``f`` of ``call``, with its actual when on file."""
        period = self.target(call, kind, f)
        if period is None or call.company_id == "unknown":
            return Outcome(kind, f, call, period, "")
        prefix = "FY" if call.period.startswith("FY") else ""  # the company's own calendar
        label = f"{prefix}{period[1]} " + (f"Q{period[2]}" if period[2] else "全年")
        actual_call = self.index.get(period)
        if actual_call is None:
            return Outcome(kind, f, call, period, label)
        label = actual_call.period
        figures = headline_metrics(actual_call.summary)
        for scope in _scopes(period):
            key: MetricKey = (f.metric, f.segment or "", scope, f.unit or "")
            if key in figures:
                return Outcome(kind, f, call, period, label, actual_call, figures[key])
        return Outcome(kind, f, call, period, label, actual_call)

    def given(self, call: Call, kind: str) -> list[Outcome]:
        """The expectations of one kind the call's text gives, in the order of its lines."""
        items = call.summary.guidance if kind == GUIDANCE else call.summary.consensus
        ordered = sorted(items, key=lambda f: (f.evidence.line, f.metric, f.segment or ""))
        return [self.outcome(call, kind, f) for f in ordered]

    def about(self, call: Call, calls: list[Call], kind: str = GUIDANCE) -> list[Outcome]:
        """The expectations other calls of ``calls`` gave for ``call``'s period (the guidance a
        call's results are held against), oldest call first."""
        key = call.period_key()
        if key is None:
            return []
        return [o for c in calls if c is not call for o in self.given(c, kind) if o.period == key]

    def reported(self, call: Call) -> dict[int, list[Outcome]]:
        """id() of a reported figure of ``call`` -> the consensus entries of its own text it is held
        against (beat or miss beside the figure)."""
        out: dict[int, list[Outcome]] = {}
        for o in self.given(call, CONSENSUS):
            if o.actual is not None and o.actual_call is call:
                out.setdefault(id(o.actual), []).append(o)
        return out
