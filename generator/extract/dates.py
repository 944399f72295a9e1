"""When a text was written and when its call was held.

* The publication line (``2024年05月14日 23:19``) heading the text: the dateline.
* The call's own date (``北京时间8月10日…公布了…业绩``, ``会议时间:…``, ``昨日晚间召开电话会``).
* When the text states no date at all, the year guessed from context (``2024年`` figures
  reported as past -> written in 2025).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.extract.calendar import safe_date
from generator.lexicon import periods
from generator.model import Document, Period
from generator.source import chinese

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
HEAD_LINES = 8
"""How many content lines at the top may hold the publication date."""

FULL_DATE = re.compile(r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?")
ENGLISH_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(20\d\d)\b")
CALL_DATE = re.compile(
    r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。;!?]{0,40}?"
    r"(?:发布|公布|召开|举行|披露|举办)[^。;!?]{0,40}?(?:财报|业绩|电话会|季报|年报)"
)
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
MEETING_TIME = re.compile(
    r"(?:(?:会议|电话会议?|业绩会|说明会|交流会|活动|召开)\s*(?:时间|日期)|^\s*时间)\s*:\s*[^0-9:]{0,12}?"
    r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})"
)
"""``会议时间:美国东部时间2024年8月20日…``, ``时间:2024年8月16日 15:00-16:00`` opening a line: the
call's date under a label of its own."""
RELATIVE_CALL = re.compile(
    r"(?:(昨日|昨天|昨晚|今日|今天|今晚|今晨)|(本|上)?(?:周|星期)([一二三四五六日天]))\s*"
    r"(?:[早晚]间|上午|下午|晚上|凌晨|早上|盘后|盘前|[早晚])?[^。;!?]{0,30}?"
    r"(?:发布|公布|召开|举行|披露|举办)[^。;!?]{0,30}?(?:财报|业绩|电话会|季报|年报)"
)
"""A call dated by its distance from the dateline: ``昨日晚间召开电话会``, ``周二晚间发布…业绩``."""


@dataclass
class DateContext:
    """What the text says about when it was written."""

    published: date | None = None
    """The publication date from the head of the text."""
    year: int | None = None
    """The year the text was written in, for relative wording (去年, 本季度)."""
    year_guessed: bool = False
    """True when ``year`` was inferred from context, not read from a date."""
    notes: list[str] = field(default_factory=list)


def _head_texts(doc: Document) -> list[str]:
    """The first content lines, with the blanked (boilerplate) non-markup lines among them:
    a dateline is often boilerplate the reader blanked, so it is read from the original."""
    out: list[str] = []
    seen = 0
    for ln in doc.lines:
        if seen >= HEAD_LINES:
            break
        if ln.text.strip():
            seen += 1
            out.append(ln.norm.strip())
        elif ln.original.strip() and "<" not in ln.original:
            out.append(chinese.normalise(ln.original).strip())
    return out


def publication_date(doc: Document) -> date | None:
    """A full date standing in a short line at the top (a dateline), else None."""
    for text in _head_texts(doc):
        for m in FULL_DATE.finditer(text):
            if re.search(r"(?:截至|截止|至|到)\s*$", text[: m.start()]) or text[m.end() :].startswith("止"):
                continue  # "截至2024年9月30日止": a period's end, not a dateline
            short = len(text) <= 60 or re.match(r"\s*\d{1,2}:\d{2}", text[m.end() :])
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found and short:
                return found
        eng = ENGLISH_DATE.search(text)
        if eng and eng.group(1).lower() in MONTHS and len(text) <= 60:
            found = safe_date(int(eng.group(3)), MONTHS[eng.group(1).lower()], int(eng.group(2)))
            if found:
                return found
    return None


YEAR_MENTION = re.compile(r"(?<![\d.])(20\d\d)\s*年(?!\s*\d{1,2}\s*月\s*\d)")
QUARTER_AFTER = re.compile(r"\s*(?:第?\s*[一二三四1-4]\s*季度|[Qq][1-4]|上半年|下半年|前三季度)")


def infer_year(doc: Document) -> int | None:
    """The earliest year the text can have been written in, from years it reports as past."""
    future, result = periods.words("future"), periods.words("result")
    best: int | None = None
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            for m in YEAR_MENTION.finditer(sentence):
                year, rest = int(m.group(1)), sentence[m.end() :]
                start = max(sentence.rfind(p, 0, m.start()) for p in ",:") + 1
                ends = [i for i in (sentence.find(p, m.end()) for p in ",:") if i >= 0]
                clause = sentence[start : min(ends) if ends else len(sentence)]
                before = sentence[max(0, m.start() - 2) : m.start()]
                if future.search(clause) or re.search(r"[到至]\s*$", before):
                    continue
                if QUARTER_AFTER.match(rest):
                    candidate = year
                elif result.search(rest) and re.search(r"\d", rest):
                    candidate = year + 1
                else:
                    continue
                best = candidate if best is None else max(best, candidate)
    return best


def date_context(doc: Document) -> DateContext:
    """Publication date and reference year of the text."""
    published = publication_date(doc)
    if published:
        return DateContext(published=published, year=published.year)
    explicit = [
        safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for ln in doc.content_lines()
        for m in FULL_DATE.finditer(ln.norm)
    ]
    dated = [d for d in explicit if d]
    if dated:
        return DateContext(year=max(dated).year)
    year = infer_year(doc)
    if year is None:
        return DateContext()
    note = (
        f"the text states no date: its year ({year}) was inferred from context "
        "(years it reports as past); period and dates resolved from it are a guess"
    )
    return DateContext(year=year, year_guessed=True, notes=[note])


def _year_for(
    month: int, day: int, after: date | None, fallback: int | None, weekday: str | None
) -> int | None:
    """The year of a month/day written without one."""
    if after is not None:
        year = after.year if (month, day) > (after.month, after.day) else after.year + 1
        return year
    if weekday in WEEKDAYS and fallback:
        for year in (fallback, fallback - 1, fallback + 1):
            d = safe_date(year, month, day)
            if d and d.weekday() == WEEKDAYS[weekday]:
                return year
    return fallback


def _meeting_time(doc: Document) -> date | None:
    """The date a ``会议时间:`` label gives."""
    for ln in doc.content_lines():
        m = MEETING_TIME.search(ln.norm)
        if m:
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    return None


def _relative_call_date(doc: Document, published: date, held: bool) -> date | None:
    """The call's date from 昨日 / 今日 / 周二 and the dateline (the latest such day up to it); with
    ``held``, only where the call itself is held (``昨日晚间召开电话会``)."""
    for ln in doc.content_lines():
        for m in RELATIVE_CALL.finditer(ln.norm):
            if held and not CALL_HELD.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12)):
                continue
            if m.group(1):
                return published - timedelta(days=1 if m.group(1).startswith("昨") else 0)
            weekday = WEEKDAYS[m.group(3)]
            if m.group(2) == "上":  # a day of the previous calendar week
                return published - timedelta(days=published.weekday() + 7 - weekday)
            return published - timedelta(days=(published.weekday() - weekday) % 7)
    return None


def identify_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date as stated in the text, else the publication's, else None.

    In order: a ``会议时间:`` label; a date (month and day, or 昨日 / 周二 counted back from the
    dateline) where the call is held (``8月20日晚间召开电话会``); one beside the results
    (``8月21日发布财报``); a day without its month; the dateline.
    """
    meeting = _meeting_time(doc)
    if meeting is not None and (period.period_end is None or meeting > period.period_end):
        return meeting
    relative = _relative_call_date(doc, ctx.published, True) if ctx.published else None
    for found in [*_stated_dates(doc, ctx, period, True), relative, *_stated_dates(doc, ctx, period, False)]:
        if found is not None and (period.period_end is None or found > period.period_end):
            return found
    relative = _relative_call_date(doc, ctx.published, False) if ctx.published else None
    if relative is not None and (period.period_end is None or relative > period.period_end):
        return relative
    day_only = _day_only_call_date(doc, ctx, period)
    return day_only or ctx.published


CALL_HELD = re.compile(r"(?:召开|举行|举办)[^。;!?]{0,40}?(?:电话会|业绩会|说明会|交流会|沟通会|分析师会)")
"""The call itself being held (not the results being released)."""


def _stated_dates(doc: Document, ctx: DateContext, period: Period, held: bool) -> list[date]:
    """Month-and-day dates beside the results or the call, in text order; with ``held``, only
    those of the call being held (``8月20日晚间召开电话会``), which the release date may precede."""
    out = []
    for ln in doc.content_lines():
        for m in CALL_DATE.finditer(ln.norm):
            if held and not CALL_HELD.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12)):
                continue
            month, day = int(m.group(2)), int(m.group(3))
            weekday = re.match(
                r"\s*(?:周|星期)([一二三四五六日天])", ln.norm[m.start(3) + len(m.group(3)) + 1 :]
            )
            if m.group(1):
                year: int | None = int(m.group(1))
            elif ctx.year_guessed and period.period_end is None:
                continue
            else:
                year = _year_for(
                    month, day, period.period_end, ctx.year, weekday.group(1) if weekday else None
                )
            found = safe_date(year, month, day) if year else None
            if found is not None:
                out.append(found)
    return out


DAY_ONLY = re.compile(
    r"(?:(?:周|星期)([一二三四五六日天])\s*\(?\s*)?(?<![\d月/.\-])(?:本月\s*)?([1-3]?\d)\s*日(?![\d元])"
)
"""A day written without its month: ``13日``, ``本月13日``, ``周三(13日)``."""
DAY_ONLY_CONTEXT = re.compile(r"^\s*\)?\s*(?:专讯|电|讯)|(?:发布|公布|召开|举行|披露|举办)")
REPORT_LAG_DAYS = (10, 120)
"""How long after its period's end a call is held: the window a day without a month is placed in."""


def _day_only_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date from a day written without its month (``【…13日专讯】腾讯公布…业绩``).

    The month is the publication's (or the one before it); without a publication date, the first
    month after the period's end where that day is a weekday (the given one, if any) in the
    usual reporting window -- a guess, noted for review. None when neither is known.
    """
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            results = re.search(r"财报|业绩|电话会|季报|年报|业绩会", sentence)
            for m in DAY_ONLY.finditer(sentence):
                context = DAY_ONLY_CONTEXT.search(sentence[m.end() :])
                if not results or not context or context.start() > 40:
                    continue
                found = _place_day(int(m.group(2)), m.group(1), ctx, period)
                if found is not None:
                    return found
    return None


def _place_day(day: int, weekday: str | None, ctx: DateContext, period: Period) -> date | None:
    """The date of ``day`` (of an unwritten month) for a call about ``period``."""
    if ctx.published is not None:
        month_start = ctx.published.replace(day=1)
        if day > ctx.published.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        return safe_date(month_start.year, month_start.month, day)
    if period.period_end is None:
        return None
    low, high = (period.period_end + timedelta(days=d) for d in REPORT_LAG_DAYS)
    wanted = WEEKDAYS.get(weekday) if weekday else None
    year, month = period.period_end.year, period.period_end.month
    for _ in range(5):
        month = month % 12 + 1
        year += 1 if month == 1 else 0
        found = safe_date(year, month, day)
        if found is None or not low <= found <= high:
            continue
        if found.weekday() < 5 if wanted is None else found.weekday() == wanted:
            ctx.notes.append(
                f"the call date {found.isoformat()} is a guess: the text gives only the day ({day}日); "
                "the month is the first after the period's end in which that day is a weekday"
            )
            return found
    return None
