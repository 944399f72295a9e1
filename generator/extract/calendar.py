"""The fiscal calendar: when a company's fiscal year starts and which fiscal quarter a date ends.

A fiscal year is named after the calendar year in which it ends (Alibaba, starting in April:
FY2024 = April 2023 - March 2024); the start month is the company's ``fiscal_year_start_month``
in the company registry, January when the company is unknown.
"""

from __future__ import annotations

import calendar
from datetime import date

from generator.lexicon.companies import companies
from generator.model import Company, Period


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the numbers do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def fiscal_start(company: Company) -> int:
    """The month the company's fiscal year starts (1 when unknown)."""
    entry = companies().get(company.id)
    return entry.fiscal_year_start_month if entry is not None else 1


def fiscal_year(end: date, start_month: int) -> int:
    """The fiscal year in which a period ending on ``end`` lies."""
    return end.year + (1 if start_month > 1 and end.month >= start_month else 0)


def fiscal_period(end: date, start_month: int) -> Period:
    """The fiscal year and quarter whose quarter ends on ``end``'s month."""
    quarter = ((end.month - start_month) % 12) // 3 + 1
    return Period(
        fiscal_year=fiscal_year(end, start_month),
        fiscal_quarter=quarter,
        period_end=month_end(end.year, end.month),
    )


def quarter_end(fiscal_year: int, quarter: int | None, start_month: int) -> date:
    """Last day of fiscal quarter ``quarter`` (or of the whole year when None)."""
    first_year = fiscal_year - 1 if start_month > 1 else fiscal_year
    months = 3 * (quarter or 4)
    index = start_month - 1 + months - 1
    return month_end(first_year + index // 12, index % 12 + 1)
