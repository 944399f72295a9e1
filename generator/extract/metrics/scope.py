"""Which period a figure is of: scope cues against the call's own quarter, half or year.

A cue of another quarter or year leaves a figure out (a line without a cue inherits one, see
:mod:`generator.extract.metrics.inherit`); a table header's period relates to the call's as the
same period, a year earlier (yoy) or a quarter earlier (qoq).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from generator.extract.metrics.context import Context
from generator.extract.metrics.inherit import calendar_quarter
from generator.extract.metrics.shapes import Cue
from generator.model import Period

COMPLETED_RE = re.compile(r"完成|实施完毕|执行完毕|completed")
"""After a month cue, before a figure: the figure totals something finished then, not the month's."""


def relation(cue: Cue, ctx: Context) -> str:
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


def same_period(cue: Cue, ctx: Context) -> bool:
    """False when the scope cue names a quarter or year other than the call's."""
    period = ctx.period
    if cue.month is not None and isinstance(period.period_end, date):
        end = period.period_end
        if ((cue.year or end.year), cue.month) > (end.year, end.month):
            return False  # "revenue for the month of October 2020" in a Q3 2020 call: after the period
    years = {y for y in (period.fiscal_year, period.period_end.year if period.period_end else None) if y}
    if cue.year is not None and years:
        if cue.fiscal and period.fiscal_year and cue.year != period.fiscal_year:
            return False
        if cue.year not in years:
            return False
    if cue.scope == "fiscal_year" and period.fiscal_quarter in (1, 2, 3):
        if cue.year is None or cue.year == period.fiscal_year:
            return False  # the year is not over: a full-year figure in a Q1-Q3 call is a plan
    if cue.scope == "half_year" and period.fiscal_quarter in (1, 3):
        return False  # 上半年 in a Q3 call: the half before, not the quarter's (in a Q1 call: a plan)
    if cue.quarter is not None and period.fiscal_quarter is not None:
        if cue.fiscal or not ctx.plain_quarters_are_calendar:
            return cue.quarter == period.fiscal_quarter
        return cue.quarter == (calendar_quarter(period) or period.fiscal_quarter)
    if cue.quarter is not None and isinstance(period.period_end, date):
        # a half year's or a year's call: only its last quarter ends with it (Q1 in an H1 call: another)
        last = calendar_quarter(period)
        if cue.fiscal or not ctx.plain_quarters_are_calendar:
            last = (period.period_end.month - ctx.fiscal_start) % 12 // 3 + 1
        return cue.quarter == last
    return True
