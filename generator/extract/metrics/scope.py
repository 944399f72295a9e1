"""Which period a figure is of: scope cues against the call's own quarter, half or year.

A cue of another quarter or year leaves a figure out; a line without a cue inherits the cue of
its paragraph or of the heading above it; a table header's period relates to the call's as the
same period, a year earlier (yoy) or a quarter earlier (qoq).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from generator.extract.metrics.rules import Cue, Rules
from generator.model import Document, Period

if TYPE_CHECKING:
    from generator.extract.metrics.context import Context


def _calendar_quarter(period: Period) -> int | None:
    return (period.period_end.month - 1) // 3 + 1 if isinstance(period.period_end, date) else None


def quarters_are_calendar(doc: Document, period: Period, fiscal_start: int, rules: Rules) -> bool:
    """True when the text names quarters by calendar (四季度 for Oct-Dec) rather than by fiscal quarter."""
    cal = _calendar_quarter(period)
    if fiscal_start == 1 or cal is None or cal == period.fiscal_quarter:
        return True
    for line in doc.lines:
        for cue in rules.scope_cues(line.norm):
            if cue.quarter is not None and not cue.fiscal and cue.quarter == cal:
                return True
    return False


HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s|【[^】]*】\s*(?:[(（][^)）]*[)）])?\s*$|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


COMPLETED_RE = re.compile(r"完成|实施完毕|执行完毕|completed")
"""After a month cue, before a figure: the figure totals something finished then, not the month's."""


HEADING_TAIL_RE = re.compile(
    r"^[^，,。:：;；!?！？、]{2,20}(?:概览|概况|回顾|摘要|要点|亮点|业绩|表现|财务数据)$"
)
"""A short unpunctuated line that ends as a section title does (2024年全年业绩概览)."""


INHERIT_LINES = 12
"""How many lines back a line without a scope cue looks for the cue of its paragraph or heading."""


def _is_heading(text: str) -> bool:
    """True for a heading line: Markdown #, 【…】, 一、…, (一)…, short and without a full stop."""
    stripped = text.strip()
    return (
        bool(stripped)
        and len(stripped) <= 40
        and "。" not in stripped
        and bool(HEADING_RE.match(stripped) or HEADING_TAIL_RE.match(stripped))
    )


def inherited_cues(doc: Document, rules: Rules) -> dict[int, tuple[Cue, bool]]:
    """For each line, the last scope cue of the nearest earlier line (within INHERIT_LINES) that has one."""
    out: dict[int, tuple[Cue, bool]] = {}
    last: tuple[Cue, int] | None = None
    heading: Cue | None = None
    for line in doc.lines:
        if last is not None and line.number - last[1] <= INHERIT_LINES:
            out[line.number] = (last[0], False)
        elif heading is not None:
            out[line.number] = (heading, True)
        if not line.norm.strip():
            continue
        cues = rules.scope_cues(line.norm)
        cue = max(cues, key=lambda c: (c.end, c.end - c.start)) if cues else None
        if _is_heading(line.norm):
            heading, last = cue, None  # a heading's period holds until the next heading
        elif cue is not None:
            last = (cue, line.number)
    return out


def relation(cue, ctx: Context) -> str:
    """How the period a header names relates to the call's: same | yoy | qoq | other."""
    if same_period(cue, ctx):
        return "same"
    p = ctx.period
    if p.fiscal_year is None or p.fiscal_quarter is None or p.period_end is None:
        return "other"
    end = p.period_end
    year_ago = Period(p.fiscal_year - 1, p.fiscal_quarter, end.replace(year=end.year - 1, day=28))
    if same_period(cue, replace(ctx, period=year_ago)):
        return "yoy"
    month = end.month - 3 if end.month > 3 else end.month + 9
    prev = Period(
        p.fiscal_year - (p.fiscal_quarter == 1),
        p.fiscal_quarter - 1 or 4,
        date(end.year - (end.month <= 3), month, 28),
    )
    return "qoq" if same_period(cue, replace(ctx, period=prev)) else "other"


def reporting_scope(ctx: Context) -> str | None:
    """The scope of the call's own period: quarter, half_year or fiscal_year (None when unknown)."""
    period = ctx.period
    if period.fiscal_quarter is not None:
        return "quarter"
    if not isinstance(period.period_end, date):
        return None
    year_end_month = (ctx.fiscal_start - 2) % 12 + 1
    return "fiscal_year" if period.period_end.month == year_end_month else "half_year"


def same_period(cue, ctx: Context) -> bool:
    """False when the scope cue names a quarter or year other than the call's."""
    period = ctx.period
    years = {y for y in (period.fiscal_year, period.period_end.year if period.period_end else None) if y}
    if cue.year is not None and years:
        if cue.fiscal and period.fiscal_year and cue.year != period.fiscal_year:
            return False
        if cue.year not in years:
            return False
    if cue.scope == "fiscal_year" and period.fiscal_quarter in (1, 2, 3):
        if cue.year is None or cue.year == period.fiscal_year:
            return False  # the year is not over: a full-year figure in a Q1-Q3 call is a plan
    if cue.quarter is not None and period.fiscal_quarter is not None:
        if cue.fiscal or not ctx.plain_quarters_are_calendar:
            return cue.quarter == period.fiscal_quarter
        return cue.quarter == (_calendar_quarter(period) or period.fiscal_quarter)
    return True
