"""The fiscal calendar: when a company's fiscal year starts and which fiscal quarter a date ends.

A fiscal year is named after the calendar year in which it ends (Alibaba, starting in April:
FY2024 = April 2023 - March 2024; a text whose labels show its company names the year it starts
in keeps that name, see period._labels_by_first_year); the start month is the company's
``fiscal_year_start_month`` in the company registry; for a company it does not know, the one
the text states by naming a quarter's end (``the first quarter ended June 30, 2023``: April), else January.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from generator.lexicon import periods
from generator.lexicon.companies import companies
from generator.model import Company, Document, Period


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the numbers do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def fiscal_start(company: Company, doc: Document | None = None) -> int:
    """The month the company's fiscal year starts: the company registry's; for a company it does
    not know, the one ``periods.yaml``'s ``fiscal_year_starts`` gives its name or a ticker (see
    :func:`listed_start`), else the one the text states (see :func:`stated_start`); else 1."""
    entry = companies().get(company.id)
    if entry is not None:
        return entry.fiscal_year_start_month
    return listed_start(company) or (stated_start(doc) if doc is not None else None) or 1


def start_basis(company: Company, doc: Document | None = None) -> str | None:
    """Where :func:`fiscal_start` took the start month from, for a company outside the registry:
    ``listed`` (``periods.yaml``'s ``fiscal_year_starts``), ``stated`` (the text names a quarter's or
    the year's end), None for the January taken when neither tells (or a registry company)."""
    if companies().get(company.id) is not None:
        return None
    if listed_start(company):
        return "listed"
    if doc is not None and stated_start(doc):
        return "stated"
    return None


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().replace(" ", "")


def listed_start(company: Company) -> int | None:
    """The month the fiscal year of a company outside the registry starts, as ``periods.yaml``'s
    ``fiscal_year_starts`` gives it for the company's name or one of its tickers (``Infosys: 4``,
    ``新地: 7``); None when it names neither."""
    starts = {_key(k): v for k, v in periods.wording().fiscal_year_starts.items() if 1 <= v <= 12}
    for name in [company.name, *company.tickers]:
        if name and _key(name) in starts:
            return starts[_key(name)]
    return None


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_STATED = re.compile(
    r"\b(?i:(first|second|third|fourth)\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?\d{2,4})?"
    r"|(fiscal\s+year))\s+(?i:ended|ending)\s+(?:on\s+)?([A-Z][a-z]{2,8})\.?\s+\d{1,2}\b"
)
"""``the first quarter ended June 30, 2023``, ``fiscal year ending March 31``: a quarter or a year
with the month it ends in, which tells the month the fiscal year starts."""


def stated_start(doc: Document) -> int | None:
    """The month the fiscal year starts, as the text states it by naming a quarter's or the fiscal
    year's end (``first quarter ended June 30`` -> April, ``second quarter ended September 30`` ->
    April, ``fiscal year ended June 30`` -> July); None when it states none, or states two."""
    found: set[int] = set()
    for ln in doc.content_lines():
        if "nded" not in ln.norm and "NDED" not in ln.norm:
            continue
        for m in _STATED.finditer(ln.norm):
            month = _MONTHS.get(m.group(3).lower())
            if month is None:
                continue
            quarters = _ORDINALS[m.group(1).lower()] if m.group(1) else 4
            found.add((month - 3 * quarters) % 12 + 1)
    return found.pop() if len(found) == 1 else None


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
