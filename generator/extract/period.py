"""The fiscal period a call reports.

Explicit fiscal wording (``2024财年第四财季``, ``FY2024 Q4``), a period end (``截至2023年6月30日``),
calendar quarters (``去年四季度``, ``Q3 2024``), halves and whole years, each resolved with the
company's ``fiscal_year_start_month``; the best-supported period wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.extract import numbers
from generator.extract.calendar import fiscal_period, fiscal_year, month_end, quarter_end, safe_date
from generator.extract.dates import HEAD_LINES, MONTHS, DateContext
from generator.lexicon import periods
from generator.model import Document, Line, Period
from generator.source import chinese

CN_DIGITS = {**numbers.CN_DIGITS, "十": 10}
"""Chinese numerals of quarters, months and days (一 … 十)."""
ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def quarter_number(token: str) -> int | None:
    """1-4 from ``四``, ``4``, ``fourth``."""
    token = token.strip().lower()
    value = CN_DIGITS.get(token) or ENGLISH_ORDINALS.get(token) or (int(token) if token.isdigit() else None)
    return value if value in (1, 2, 3, 4) else None


@dataclass
class _Candidate:
    end: date
    quarter: bool
    """True for a period shorter than the year (a quarter, a half, a quarter's end date)."""
    weight: float
    position: int
    kind: str = "quarter"
    """quarter (named as a quarter) | half (上半年, 半年度, H1) | end (a date: 截至6月30日) | year."""
    own: bool = False
    """True when the text names it as the period it reports (``第二季度业绩``, ``2024年度业绩说明会``):
    a results word follows in the clause, no future word (``第一季度报告将于…披露``), not in a
    bulleted list."""


FISCAL_YQ = [
    re.compile(r"(20\d\d)\s*财年\s*(?:的\s*)?第?\s*([一二三四1-4])\s*(?:财季|财政季度|季度|季)"),
    re.compile(r"(20\d\d)\s*财年\s*[Qq]([1-4])"),
    re.compile(r"\b[Ff][Yy]\s*'?(20\d\d|\d\d)\s*[Qq]([1-4])\b"),
    re.compile(r"\b[Qq]([1-4])\s*[Ff][Yy]\s*'?(20\d\d|\d\d)\b", re.I),
    re.compile(
        r"\b(first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+of\s+fiscal\s+(?:year\s+)?(20\d\d)", re.I
    ),
]
FISCAL_Q = re.compile(
    r"(?<![上下本前])第\s*([一二三四1-4])\s*(?:财季|财政季度)|(?<![上下本前])([一二三四])\s*财季"
)
FISCAL_YEAR = re.compile(r"(20\d\d)\s*财年|\b[Ff]iscal\s+(?:[Yy]ear\s+)?(20\d\d)\b|\b[Ff][Yy]\s*(20\d\d)\b")
PERIOD_END = re.compile(
    r"截至\s*(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日|"
    r"(?:quarter|three months|period|year)\s+ended\s+([A-Z][a-z]+)\s+(\d{1,2}),?\s+(20\d\d)"
)
CAL_Q = re.compile(
    r"(?:(20\d\d)\s*年\s*|(今年|本年|去年|上年|前年)\s*)(?:的\s*)?(?:第\s*)?([一二三四1-4])\s*季度|"
    r"(20\d\d)\s*年?\s*[Qq]([1-4])(?![0-9])|(?<![A-Za-z])[Qq]([1-4])\s*(20\d\d)|"
    r"(first|second|third|fourth)\s+quarter\s+(?:of\s+)?(20\d\d)"
)
TITLE_Q = re.compile(r"(?<![A-Za-z])[Qq]([1-4])(?![0-9])")
HALF = re.compile(
    r"(?:(20\d\d)\s*(?:年|财年)?\s*度?\s*)?"
    r"(?:上半年|上半财年|半年度|首半年|中期(?=业绩|报告|财报|业绩会|业绩说明会)|(?<=止)\s*六个月"
    r"|(?<![A-Za-z])(?:H1|1H)(?![0-9A-Za-z]))"
)
"""The first half of a year: ``2024年上半年``, ``半年度业绩说明会``, ``中期业绩``, ``截至6月30日止六个月``,
``2024H1``."""
HALF_YEAR_FIRST = re.compile(r"(?<![A-Za-z])(?:1H|H1)\s*'?(\d\d)(?!\d)")
"""``1H24``: a half named before its two-digit year."""
QUARTER_WORD = re.compile(
    r"(?:第\s*)?([一二三四1-4])\s*(?:季度|财季|季(?![节度]))|(?<![A-Za-z])[Qq]([1-4])(?![0-9])"
)
YEARLESS_QUARTER = re.compile(
    r"(?<![前上下本每近单首后两\d])(?:第\s*)?([一二三四1-4])\s*(?:季度|季(?![节度]))"
    r"|(?<![A-Za-z0-9])[Qq]([1-4])(?![0-9])"
)
"""A quarter named without its year (``第三季``, ``三季度``, ``Q3``); not ``前三季`` (year to date)."""
ANNUAL = re.compile(
    r"(20\d\d)\s*年\s*(?:年度|全年|度)(?!\s*[第一二三四1-4上下半])|(?<![半\d年])(?:年度|全年)"
)
"""A whole year: ``2024年度``, ``2024年年度报告``, ``2024年全年``, a bare ``年度业绩`` / ``全年业绩``."""
OWN_REACH = 14
"""How far after a period the results word may stand for the period to be the one reported."""
LIST_ITEM = re.compile(r"\s*(?:[·•▪◦●○>]|[*\-]\s)")
"""A bulleted line (related links, other companies' briefings): it names no period of its own text."""
YEARLESS_LAG_DAYS = 130
"""A quarter named without its year is the latest one ended at most this long before the dateline."""


def _two_digit(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _candidates(line: Line, start_month: int, ctx: DateContext, offset: int) -> list[_Candidate]:
    text = line.norm
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    results, future = periods.words("results_words"), periods.words("future")
    listed = LIST_ITEM.match(text) is not None

    def add(
        end: date | None, quarter: bool, weight: float, span: tuple[int, int], kind: str = "quarter"
    ) -> None:
        if end is not None and not any(a < span[1] and span[0] < b for a, b in taken):
            after = re.split(r"[,。;!?]", text[span[1] : span[1] + OWN_REACH], maxsplit=1)[0]
            own = not listed and results.search(after) is not None and future.search(after) is None
            out.append(_Candidate(end, quarter, weight, offset + span[0], kind, own))
            taken.append(span)

    for i, pattern in enumerate(FISCAL_YQ):
        for m in pattern.finditer(text):
            if i in (3, 4):
                q, y = quarter_number(m.group(1)), _two_digit(m.group(2))
            else:
                y, q = _two_digit(m.group(1)), quarter_number(m.group(2))
            if q:
                add(quarter_end(y, q, start_month), True, 3.0, m.span())
    for m in PERIOD_END.finditer(text):
        if m.group(2):
            month, day = int(m.group(2)), int(m.group(3))
            year = int(m.group(1)) if m.group(1) else ctx.year
            if (
                year
                and ctx.published
                and not m.group(1)
                and (month, day) > (ctx.published.month, ctx.published.day)
            ):
                year -= 1
        else:
            month, day, year = MONTHS.get(m.group(4).lower(), 0), int(m.group(5)), int(m.group(6))
        end = safe_date(year, month, day) if year and month else None
        if end and end == month_end(end.year, end.month) and end.month % 3 == (start_month - 1) % 3:
            add(end, True, 3.0, m.span(), "end")
    for m in CAL_Q.finditer(text):
        if m.group(3):
            year = (
                int(m.group(1))
                if m.group(1)
                else (ctx.year + RELATIVE_YEARS[m.group(2)] if ctx.year else None)
            )
            q = quarter_number(m.group(3))
        elif m.group(5):
            year, q = int(m.group(4)), quarter_number(m.group(5))
        elif m.group(6):
            year, q = int(m.group(7)), quarter_number(m.group(6))
        else:
            year, q = int(m.group(9)), quarter_number(m.group(8))
        if year and q:
            add(month_end(year, 3 * q), True, 2.0, m.span())
    for m in FISCAL_Q.finditer(text):
        q = quarter_number(m.group(1) or m.group(2))
        if q and ctx.year:
            add(_latest_fiscal_quarter_end(q, start_month, ctx), True, 1.0, m.span())
    for m in HALF.finditer(text):
        fiscal = "财年" in m.group(0)
        if m.group(1) and (fiscal or start_month == 1):
            add(quarter_end(int(m.group(1)), 2, start_month), True, 2.0, m.span(), "half")
        elif not m.group(1) and ctx.year:
            add(_latest_fiscal_quarter_end(2, start_month, ctx), True, 0.5, m.span(), "half")
    for m in FISCAL_YEAR.finditer(text):
        y = int(next(g for g in m.groups() if g))
        add(quarter_end(y, None, start_month), False, 1.0, m.span(), "year")
    for m in ANNUAL.finditer(text):
        if m.group(1) and start_month == 1:
            add(quarter_end(int(m.group(1)), None, start_month), False, 1.0, m.span(), "year")
        elif not m.group(1) and ctx.year:
            add(_latest_fiscal_quarter_end(4, start_month, ctx), False, 0.5, m.span(), "year")
    if start_month == 1 and ctx.published is not None and not ctx.year_guessed:
        for m in YEARLESS_QUARTER.finditer(text):
            q = quarter_number(m.group(1) or m.group(2))
            end = _latest_fiscal_quarter_end(q, start_month, ctx) if q else None
            if end is not None and (ctx.published - end).days <= YEARLESS_LAG_DAYS:
                add(end, True, 0.5, m.span())
    return out


def _latest_fiscal_quarter_end(quarter: int, start_month: int, ctx: DateContext) -> date | None:
    """The end of fiscal quarter ``quarter`` most recently before the text was written."""
    assert ctx.year is not None
    limit = ctx.published or date(ctx.year, 12, 31)
    ends = [quarter_end(y, quarter, start_month) for y in range(ctx.year - 1, ctx.year + 2)]
    past = [e for e in ends if e <= limit]
    return max(past) if past else None


def _half_year_call(doc: Document, candidates: list[_Candidate], end: date) -> bool:
    """True when the text reports the half ending on ``end`` rather than its second quarter: it
    names the half (上半年, 半年度, H1) more than the quarter (第二季度, Q2, 二季), counting the
    title twice."""
    own_half = any(c.own for c in candidates if c.end == end and c.kind == "half")
    own_quarter = any(c.own for c in candidates if c.end == end and c.kind == "quarter")
    if own_half != own_quarter:
        return own_half  # the text names one of them as the period it reports
    half = sum(c.weight for c in candidates if c.end == end and c.kind == "half")
    quarter = sum(c.weight for c in candidates if c.end == end and c.kind == "quarter")
    title = chinese.normalise(doc.title or "")
    title_half = bool(HALF.search(title) or HALF_YEAR_FIRST.search(title))
    title_quarter = any((m.group(1) or m.group(2)) in ("2", "二") for m in QUARTER_WORD.finditer(title))
    yearless = sum(
        0.5
        for ln in doc.content_lines()
        for m in QUARTER_WORD.finditer(ln.norm)
        if (m.group(1) or m.group(2)) in ("2", "二")
    )
    half += 2.0 * title_half
    quarter += 2.0 * title_quarter + yearless
    return half > quarter


def _annual_call(candidates: list[_Candidate], head: int) -> date | None:
    """The end of the year an annual-results call reports, or None: the text names a year as its
    period (``2024年度业绩说明会``, ``2024年年度报告``) more than any quarter or half, and never its
    fourth quarter (a ``第四季度及全年业绩`` call is the fourth quarter's). Cues in the first lines
    count three times."""
    totals: dict[tuple[str, date], float] = {}
    for c in candidates:
        if c.own:
            key = ("year" if c.kind == "year" else "part", c.end)
            totals[key] = totals.get(key, 0.0) + c.weight * (3.0 if c.position < head else 1.0)
    years = {end: w for (kind, end), w in totals.items() if kind == "year"}
    if not years:
        return None
    end = max(years, key=lambda e: (years[e], e))
    if ("part", end) in totals:
        return None
    rival = max((w for (kind, _), w in totals.items() if kind == "part"), default=0.0)
    return end if years[end] > rival else None


def identify_period(doc: Document, start_month: int, ctx: DateContext) -> Period:
    """The fiscal period the call reports: the best-supported quarter, else a fiscal year."""
    candidates: list[_Candidate] = []
    title = doc.title or ""
    for m in TITLE_Q.finditer(title):
        if ctx.year:
            end = _latest_fiscal_quarter_end(int(m.group(1)), start_month, ctx)
            if end:
                candidates.append(_Candidate(end, True, 1.0, -1))
    offset = 0
    for ln in doc.content_lines():
        candidates.extend(_candidates(ln, start_month, ctx, offset))
        offset += len(ln.norm) + 1
    limit = ctx.published or (date(ctx.year, 12, 31) if ctx.year else None)
    if limit:
        candidates = [c for c in candidates if c.end <= limit]
    annual = _annual_call(candidates, len("\n".join(ln.norm for ln in doc.content_lines()[:HEAD_LINES])))
    if annual is not None:
        return Period(fiscal_year=fiscal_year(annual, start_month), fiscal_quarter=None, period_end=annual)
    quarters = [c for c in candidates if c.quarter] or candidates
    if not quarters:
        return Period()
    totals: dict[date, float] = {}
    for c in quarters:
        totals[c.end] = totals.get(c.end, 0.0) + c.weight
    end = max(totals, key=lambda e: (totals[e], e))
    if quarters[0].quarter:
        period = fiscal_period(end, start_month)
        if period.fiscal_quarter == 2 and _half_year_call(doc, quarters, end):
            return Period(fiscal_year=period.fiscal_year, fiscal_quarter=None, period_end=end)
        return period
    return Period(fiscal_year=fiscal_year(end, start_month), fiscal_quarter=None, period_end=end)
