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
from generator.lexicon import per_lexicon_set, periods
from generator.lexicon.periods import alt
from generator.lexicon.words import alternation
from generator.model import Document, Period
from generator.source import chinese

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
HEAD_LINES = 8
"""How many content lines at the top may hold the publication date."""

FULL_DATE = re.compile(r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})(?!\s*月)\s*日?")
"""``2024年8月20日``, ``2024-08-20``; not a range of months (``2025年1-6月``)."""
ENGLISH_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*|\s+)(20\d\d)\b")
"""``November 19, 2024``, ``Aug. 21,2024``."""
US_NUMERIC_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
"""``10/28/2021``: a date written month first in numbers (an English page's dateline, ``Transcript Call
Date 07/17/2013``); read day first when the first number cannot be a month (``28/10/2021``)."""
ENGLISH_DAY_FIRST = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(20\d\d)\b")
"""``8 August 2024``."""


@dataclass(frozen=True)
class _Patterns:
    """The date patterns, built from the wording of ``periods.yaml``."""

    call_date: re.Pattern[str]
    """A month and day beside a release verb and the results: ``8月21日发布财报``."""
    meeting_time: re.Pattern[str]
    """``会议时间:美国东部时间2024年8月20日…``, ``时间:2024年8月16日 15:00-16:00`` opening a line: the
    call's date under a label of its own."""
    relative_call: re.Pattern[str]
    """A call dated by its distance from the dateline: ``昨日晚间召开电话会``, ``周二晚间发布…业绩``."""
    call_on_day: re.Pattern[str]
    """A day named as the call's own: ``在8月30日的网上业绩会上``."""
    call_held: re.Pattern[str]
    """The call itself being held (not the results being released)."""
    call_held_at: re.Pattern[str]
    """A day, then the call held: ``3月30日接受调研时表示``, ``8月20日晚间召开业绩会``."""
    call_held_on: re.Pattern[str]
    """The call named, then its day: ``业绩说明会于9月9日举行``."""
    weekday_after: re.Pattern[str]
    """A day of the week right after a date: ``8月20日周二``."""
    until_before: re.Pattern[str]
    """A period's end right before a date: ``截至2024年9月30日``."""
    range_before: re.Pattern[str]
    """The end of a range right before a year: ``到2026年``."""
    year_part: re.Pattern[str]
    """A part of a year right after it: ``2024年第三季度``, ``2024年上半年``, ``2022年1-2月``."""
    late_year_part: re.Pattern[str]
    """A part of a year ending with it: ``2019年第四季度``, ``2024年下半年``."""
    wire_dateline: re.Pattern[str]
    """A press release's dateline anywhere in the text: ``香港2024年3月26日 /美通社/``,
    ``(2020年8月17日,中国香港讯)``, ``中国北京,2025年5月21日–中国领先的…``."""
    report: re.Pattern[str]
    day_only: re.Pattern[str]
    """A day written without its month: ``13日``, ``本月13日``, ``周三(13日)``, ``昨(26)日``."""
    day_only_context: re.Pattern[str]
    english_call: re.Pattern[str]
    """An English month and day beside a release verb and the results: ``the evening of August 30,
    Beijing time, iQIYI today released its financial results``."""
    news_dateline: re.Pattern[str]
    """A news dateline without its year: ``财联社1月20日讯``."""
    labelled_call: re.Pattern[str]
    """An English date under a label of its own: ``Release Date: November 06, 2024``."""


def _patterns() -> _Patterns:
    return _build_patterns()


@per_lexicon_set
def _build_patterns() -> _Patterns:
    w = periods.wording()
    release, report = alt(w.release_verbs), alt(w.report_words)
    weekday = f"{alt(w.weekday_prefixes)}({alternation(w.weekdays)})"
    return _Patterns(
        call_date=re.compile(
            rf"(?:(20\d\d)\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日[^。;!?]{{0,40}}?"
            rf"{release}[^。;!?]{{0,40}}?{report}"
        ),
        meeting_time=re.compile(
            rf"(?:{alt(w.meeting_labels)}\s*{alt(w.date_labels)}|^\s*{alt(w.line_date_labels)})"
            # (its 年 and 月 may be lost to spaces: "会议时间:2021 3 31 日")
            r"\s*:\s*[^0-9:]{0,12}?(20\d\d)(?:\s*[年/.\-]\s*|\s+)(\d{1,2})(?:\s*[月/.\-]\s*|\s+)(\d{1,2})"
            # the call named, its full date right after ("业绩电话会议2019年8月19日美国东部时间上午8点")
            rf"|{alt(w.call_words)}[^\d。;!?,:]{{0,2}}?(20\d\d)\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
        ),
        relative_call=re.compile(
            rf"(?:({alternation(w.relative_days)})|({alternation(w.relative_weeks)})?{weekday})\s*"
            rf"{alt(w.times_of_day)}?[^。;!?]{{0,30}}?{release}[^。;!?]{{0,30}}?{report}"
            rf"|{report}[^。;!?.]{{0,30}}?(?<![A-Za-z])({alternation(w.relative_days_after)})(?![A-Za-z])"
        ),
        call_on_day=re.compile(
            r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
            rf"(?:{alt(w.held_verbs)})?的[^。;!?,]{{0,8}}?{alt(w.call_words)}"
        ),
        call_held=re.compile(rf"{alt(w.held_verbs)}[^。;!?]{{0,40}}?{alt(w.call_words)}"),
        call_held_at=re.compile(
            r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
            rf"(?:{alt(w.times_of_day)})?\s*{alt(w.held_verbs)}[^。;!?,]{{0,4}}?{alt(w.call_words)}"
        ),
        call_held_on=re.compile(
            rf"{alt(w.call_words)}[^。;!?,]{{0,6}}?于\s*(?:(20\d\d)\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
            rf"\s*(?:{alt(w.times_of_day)})?\s*{alt(w.held_verbs)}"
        ),
        weekday_after=re.compile(rf"\s*{weekday}"),
        until_before=re.compile(rf"{alt(w.until_words)}\s*$"),
        range_before=re.compile(rf"{alt(w.range_words)}\s*$"),
        year_part=re.compile(
            rf"\s*(?:第?\s*[一二三四1-4]\s*{alt(w.quarter)}|[Qq][1-4]|{alternation(w.year_parts)}"
            rf"|\d{{1,2}}\s*[\-~至到]\s*\d{{1,2}}\s*月)"
        ),
        late_year_part=re.compile(rf"\s*{alt(w.late_year_parts)}", re.IGNORECASE),
        wire_dateline=re.compile(
            FULL_DATE.pattern
            + rf"\s*(?:/\s*{alt(w.wire_services)}\s*/"
            + rf"|[,,][^()()]{{0,12}}?{alt(w.wire_dateline_words)}\s*[))]"
            + r"|\s*(?:[–—]|--)(?!\s*\d)"
            + r"|\s+-\s*[((])"  # "香港, 2024年3月29日 - (亞太商訊)"
        ),
        report=re.compile(alternation(w.report_words)),
        day_only=re.compile(
            rf"(?:{weekday}\s*\(?\s*)?(?<![\d月/.\-])(?:{alt(w.this_month)}\s*)?(?:\(\s{{0,2}})?([1-3]?\d)\s{{0,2}}\)?\s{{0,2}}日"
            rf"(?!\d|{alternation(w.not_a_day_before)})"
        ),
        day_only_context=re.compile(rf"^\s*\)?\s*{alt(w.dateline_words)}|{release}"),
        english_call=re.compile(
            r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(20\d\d))?\b"
            rf"[^.;!?]{{0,60}}?{release}[^.;!?]{{0,60}}?{report}"
            # or after them: "reported unaudited Q3 2025 results on November 25, 2025"
            rf"|{release}[^.;!?]{{0,60}}?{report}\s+on\s+(?:[A-Z][a-z]+day,?\s+)?"
            r"(?P<after_month>[A-Z][a-z]{2,8})\.?\s+(?P<after_day>\d{1,2})(?:st|nd|rd|th)?"
            r"(?:(?:,\s*|\s+)(?P<after_year>20\d\d))?\b"
        ),
        news_dateline=re.compile(
            rf"(?<![\d年/.\-])(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*(?:{alt(w.dateline_words)})"
        ),
        labelled_call=re.compile(
            rf"{alt(w.call_date_labels)}\s*:?\s*(?:[A-Z][a-z]+day,?\s*)?"
            + r"([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*|\s+)(20\d\d)(?!\d)"
        ),
    )


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


_HAN = re.compile(r"[\u3400-\u9fff]")
"""A Chinese character: an English date between Chinese words (a headline, the date, the body run
together: ``…不派末期息 Feb 16, 2024 金沙中国公布…``) is the page's."""

ENGLISH_DATELINE = re.compile(
    r"\b[A-Z]{3,20}(?:[ \t]+[A-Z]{3,20}){0,4},\s*(?:[A-Z][A-Za-z]{1,20},\s*)?"
    r"([A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s+(\d{1,2})(?:,\s*|\s+)(20\d\d)\b"
)
"""A news dateline: ``BEIJING, March 18, 2025 (GLOBE NEWSWIRE)``, ``HANGZHOU,China,Aug. 22,2024``,
``TAIPEI, TAIWAN, NOVEMBER 14, 2024 –`` (the month in capitals)."""


_CLOCK_AFTER = re.compile(r"\s*(?:at\s+)?\d{1,2}:\d{2}")
"""A clock time right after a date (``July 20, 2022 8:30 PM ET``, ``August 6, 2019 at 7:45:00am``):
the date of an event, not one a sentence reports."""


def _leading_date(text: str) -> date | None:
    """A full date opening a line, after an optional label (``date 2025-08-05 …``, ``发布时间:…``)."""
    labels = alt(periods.wording().dateline_labels)
    m = re.match(rf"\s*(?:{labels}\s*[::]?\s*)?" + FULL_DATE.pattern, text, re.IGNORECASE)
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _english_dateline(text: str) -> date | None:
    m = ENGLISH_DATELINE.search(text)
    if m and m.group(1).lower() in MONTHS:
        return safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def _ends(text: str, end: int) -> bool:
    """True when nothing but spaces and closing punctuation follows ``end``: a date ending a
    headline (``… Earnings Call Transcript November 15, 2024``) dates the page."""
    return not text[end:].strip(" \t.,;:|)]）】")


TABLE_CELLS = 2
"""Cell separators (``|``) that make a line a table row, whose dates date no page (unless a
dateline label names one: ``作者 | 发布日期 2023 年 07 月 20 日 | 分类``)."""


def publication_date(doc: Document) -> date | None:
    """A full date at the top: opening a line (after a label such as ``date`` or ``发布时间``), in a
    news dateline (``BEIJING, March 18, 2025``), or standing in a short line; else None."""
    until, until_after = _patterns().until_before, periods.wording().until_after
    labels = periods.words("dateline_labels")
    for text in _head_texts(doc):
        if text.count("|") >= TABLE_CELLS and not labels.search(text):
            continue  # a table row ("2023/08/29 | 中期业绩 | 无派息 |"): its dates are its data
        found = _leading_date(text) or _english_dateline(text)
        if found:
            return found
        for m in FULL_DATE.finditer(text):
            if until.search(text[: m.start()]) or text[m.end() :].startswith(until_after):
                continue  # "截至2024年9月30日止": a period's end, not a dateline
            short = len(text) <= 60 or re.match(r"\s*\d{1,2}:\d{2}", text[m.end() :]) or _ends(text, m.end())
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found and short:
                return found
        for eng in ENGLISH_DATE.finditer(text):
            if until.search(text[: eng.start()]):
                continue  # "As of June 30, 2024": a period's end
            chinese_line = _HAN.search(text[: eng.start()]) and _HAN.search(text[eng.end() :])
            timed = _CLOCK_AFTER.match(text, eng.end())  # "Call July 23, 2024 12:00 PM ET"
            if eng.group(1).lower() in MONTHS and (
                len(text) <= 60 or _ends(text, eng.end()) or chinese_line or timed
            ):
                found = safe_date(int(eng.group(3)), MONTHS[eng.group(1).lower()], int(eng.group(2)))
                if found:
                    return found
        numeric = US_NUMERIC_DATE.search(text) if len(text) <= 60 and text.isascii() else None
        if numeric and not until.search(text[: numeric.start()]):
            first, second = int(numeric.group(1)), int(numeric.group(2))
            month, day = (first, second) if first <= 12 else (second, first)
            found = safe_date(int(numeric.group(3)), month, day)
            if found:
                return found
        day_first = ENGLISH_DAY_FIRST.search(text)
        if day_first and day_first.group(2).lower() in MONTHS and len(text) <= 60:
            found = safe_date(
                int(day_first.group(3)), MONTHS[day_first.group(2).lower()], int(day_first.group(1))
            )
            if found and not until.search(text[: day_first.start()]):
                return found
    return _english_dateline(" ".join(_head_texts(doc))) or _wire_dateline(doc) or _stamped_date(doc)


BYLINE_REACH = 12
"""How far after an eight-digit date a reporter's byline may stand (a name, a place, a slash)."""
MINGUO_OFFSET = 1911
"""The Minguo calendar's year 1 is 1912: a Taiwanese stamp's year plus this is the Gregorian year."""


@per_lexicon_set
def _stamp_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = periods.wording()
    byline = re.compile(
        rf"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)(?=[^\d\n]{{0,{BYLINE_REACH}}}?{alt(w.byline_words)})"
    )
    minguo = re.compile(
        rf"{alt(w.editor_labels)}\s*[:：][^()（）\n]{{1,12}}[)）]\s*(1\d\d)(\d\d)(\d\d)(?!\d)"
    )
    return byline, minguo


def _stamped_date(doc: Document) -> date | None:
    """A Taiwanese page's date stamp: eight digits before the reporter's byline (``20220815翁毓岚/
    台北报导``), or a Minguo date after the editor's credit (``(编辑:张均懋)1120607``)."""
    byline, minguo = _stamp_patterns()
    for ln in doc.content_lines():
        text = ln.norm
        if (m := byline.search(text)) is not None:
            return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if (m := minguo.search(text)) is not None:
            return safe_date(int(m.group(1)) + MINGUO_OFFSET, int(m.group(2)), int(m.group(3)))
    return None


def _wire_dateline(doc: Document) -> date | None:
    """The date of a press release's dateline, wherever the release starts in the text
    (``香港2024年3月26日 /美通社/``, ``香港, 2024年3月29日 - (亞太商訊)``, ``SHANGHAI, Aug. 29, 2024
    (GLOBE NEWSWIRE)``)."""
    pattern = _patterns().wire_dateline
    for ln in doc.content_lines():
        m = pattern.search(ln.norm)
        if m:
            return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        found = _english_dateline(ln.norm)
        if found:
            return found
    return None


def _labelled_call_date(doc: Document) -> date | None:
    """The date an English label gives the call (``Release Date: November 06, 2024``)."""
    pattern = _patterns().labelled_call
    for ln in doc.content_lines():
        m = pattern.search(ln.norm)
        if m and m.group(1).lower() in MONTHS:
            found = safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
            if found:
                return found
    return None


YEAR_MENTION = r"(?<![\d.])(20\d\d)\s*(年|{fiscal})(?!\s*\d{{1,2}}\s*月\s*\d)"
"""A year named in the text: ``2024年``, or a fiscal year (periods.yaml ``fiscal_year``: ``2025财年``,
whose results may be reported within the calendar year it is named after)."""


def infer_year(doc: Document) -> int | None:
    """The earliest year the text can have been written in, from years it reports as past."""
    future, result = periods.words("future"), periods.words("result")
    patterns = _patterns()
    mention = re.compile(YEAR_MENTION.format(fiscal=alternation(periods.wording().fiscal_year)))
    best: int | None = None
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            for m in mention.finditer(sentence):
                year, rest = int(m.group(1)), sentence[m.end() :]
                start = max(sentence.rfind(p, 0, m.start()) for p in ",:") + 1
                ends = [i for i in (sentence.find(p, m.end()) for p in ",:") if i >= 0]
                clause = sentence[start : min(ends) if ends else len(sentence)]
                before = sentence[max(0, m.start() - 2) : m.start()]
                if future.search(clause) or patterns.range_before.search(before):
                    continue
                if _reference_point(rest):
                    continue  # "创2010年第二季以来新高": a year the text looks back to, not one it reports
                if patterns.year_part.match(rest):
                    candidate = year + (1 if patterns.late_year_part.match(rest) else 0)
                elif result.search(rest) and re.search(r"\d", rest):
                    candidate = year if m.group(2) != "年" else year + 1
                else:
                    continue
                best = candidate if best is None else max(best, candidate)
    for ln in doc.content_lines():
        for m in _period_end_written().finditer(ln.norm):
            # "截至2025年3月止三个月…溢利减少18.1%": written after that month's end
            year, month = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12 and re.search(r"\d", ln.norm[m.end() : m.end() + PERIOD_END_REACH]):
                candidate = year + 1 if month == 12 else year
                best = candidate if best is None else max(best, candidate)
    return best


REFERENCE_REACH = 8
"""How far after a year (its quarter or half) a word making it a reference point may stand."""


def _reference_point(rest: str) -> bool:
    """True when the words after a year make it a reference point (``年第二季以来``: since)."""
    head = re.split(r"[,:,。;]", rest[: REFERENCE_REACH + 4], maxsplit=1)[0]
    return any(w in head for w in periods.wording().reference_after)


PERIOD_END_REACH = 60
"""How far after a period's end a figure reported for it may stand."""


@per_lexicon_set
def _period_end_written() -> re.Pattern[str]:
    """A period's end named with its year and month (``截至2025年3月``, ``截至2024年12月31日``)."""
    return re.compile(rf"{alt(periods.wording().period_end)}\s*(20\d\d)\s*年\s*(\d{{1,2}})\s*月")


def date_context(doc: Document) -> DateContext:
    """Publication date and reference year of the text."""
    published = publication_date(doc) or _labelled_call_date(doc)
    if published:
        return DateContext(published=published, year=published.year)
    explicit = [
        safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for ln in doc.content_lines()
        for m in FULL_DATE.finditer(ln.norm)
    ]
    dated = [d for d in explicit if d]
    year = infer_year(doc)
    if dated and (year is None or year <= max(dated).year):
        return DateContext(year=max(dated).year)
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
    weekdays = periods.wording().weekdays
    if weekday in weekdays and fallback:
        for year in (fallback, fallback - 1, fallback + 1):
            d = safe_date(year, month, day)
            if d and d.weekday() == weekdays[weekday]:
                return year
    return fallback


def _meeting_time(doc: Document) -> date | None:
    """The date a ``会议时间:`` label gives, or one written right after the call's name."""
    for ln in doc.content_lines():
        m = _patterns().meeting_time.search(ln.norm)
        if m:
            year, month, day = (g for g in m.groups() if g)
            found = safe_date(int(year), int(month), int(day))
            if found:
                return found
    return None


def _relative_call_date(doc: Document, published: date, held: bool) -> date | None:
    """The call's date from 昨日 / 今日 / 周二 and the dateline (the latest such day up to it); with
    ``held``, only where the call itself is held (``昨日晚间召开电话会``)."""
    patterns, w = _patterns(), periods.wording()
    for ln in doc.content_lines():
        for m in patterns.relative_call.finditer(ln.norm):
            if held and not patterns.call_held.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12)):
                continue
            if m.group(1):
                return published + timedelta(days=w.relative_days[m.group(1)])
            if m.group(4):  # "at an earnings conference call yesterday"
                return published + timedelta(days=w.relative_days_after[m.group(4)])
            weekday = w.weekdays[m.group(3)]
            weeks = w.relative_weeks[m.group(2)] if m.group(2) else 0
            if weeks:  # a day of an earlier calendar week
                return published - timedelta(days=published.weekday() - weekday - 7 * weeks)
            return published - timedelta(days=(published.weekday() - weekday) % 7)
    return None


FURNITURE_CHARS = 6
"""A head line this short without a digit (划重点, 图片, 导读) is page furniture, no headline."""


def _news_dateline(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The date of a news dateline without its year heading the text (``财联社1月20日讯``), the
    year placed after the period's end (as for any month and day the text writes without one);
    None without a period or a dateline. Relative days (今日晚间发布) count from it."""
    if period.period_end is None:
        return None
    pattern = _patterns().news_dateline
    # page furniture between the headline and the dateline (划重点, 图片) does not count
    heads = [t for t in _head_texts(doc) if len(t) > FURNITURE_CHARS or re.search(r"\d", t)]
    for text in heads[:2]:
        m = pattern.search(text)
        if m:
            month, day = int(m.group(1)), int(m.group(2))
            year = _year_for(month, day, period.period_end, ctx.year, None)
            return safe_date(year, month, day) if year else None
    return None


def identify_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date as stated in the text, else the publication's, else None.

    In order: a ``会议时间:`` label; a date (month and day, or 昨日 / 周二 counted back from the
    dateline) where the call is held (``8月20日晚间召开电话会``); one beside the results
    (``8月21日发布财报``); a day without its month; the dateline.
    """
    for meeting in (_meeting_time(doc), _labelled_call_date(doc), _titled_call_date(doc)):
        if meeting is not None and (period.period_end is None or meeting > period.period_end):
            return meeting
    timed = _timed_date(doc)
    if timed is not None and (period.period_end is None or timed > period.period_end):
        if ctx.published is None or timed <= ctx.published:
            return timed  # "February 4, 2010 8:00 a.m. ET" under the transcript's heading
    anchor = ctx.published or _news_dateline(doc, ctx, period)
    relative = _relative_call_date(doc, anchor, True) if anchor else None
    credible = ctx.published is not None and (period.period_end is None or ctx.published > period.period_end)
    for found in [*_stated_dates(doc, ctx, period, True), relative, *_stated_dates(doc, ctx, period, False)]:
        if found is not None and credible and ctx.published is not None and found > ctx.published:
            continue  # after the page was written: a meeting ahead (股东常会), not the call reported
        if found is not None and (period.period_end is None or found > period.period_end):
            return found
    relative = _relative_call_date(doc, anchor, False) if anchor else None
    if relative is not None and (period.period_end is None or relative > period.period_end):
        return relative
    day_only = _day_only_call_date(doc, ctx, period)
    if day_only is not None:
        return day_only
    release = _wire_dateline(doc)  # a release reposted later: its own dateline, not the page's
    if release is not None and ctx.published and release < ctx.published:
        if period.period_end is None or release > period.period_end:
            return release
    return ctx.published


TIMED_REACH = 15
"""How many first content lines a call's date with its clock time is looked for in."""


def _timed_date(doc: Document) -> date | None:
    """The date a line of the text's head gives with a clock time, alone on its line (``February 4,
    2010 8:00 a.m. ET`` under a transcript's heading): the call's, though the page is dated later."""
    for ln in doc.content_lines()[:TIMED_REACH]:
        m = ENGLISH_DATE.match(ln.norm.strip())
        if m is None or m.group(1).lower() not in MONTHS:
            continue
        rest = ln.norm.strip()[m.end() :]
        if _CLOCK_AFTER.match(rest) and len(rest) <= TIMED_TAIL:
            return safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


TIMED_TAIL = 20
"""At most this much after the date (``8:00 a.m. ET``): a line holding a date and its time only."""

TITLED_CALL = re.compile(r"\s*[\u3400-\u9fffA-Za-z]{2,16}(20\d\d)(\d\d)(\d\d)\s*")
"""A call's minutes titled by the company and the call's date written as eight digits, alone on
their line (``科大讯飞20250422``, ``金山云20250528``): the date is the call's."""


def _titled_call_date(doc: Document) -> date | None:
    """The date a minutes' title gives its call (see ``TITLED_CALL``), else None."""
    for ln in doc.content_lines():
        if len(ln.norm) <= 30 and (m := TITLED_CALL.fullmatch(ln.norm)):
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    return None


def _stated_dates(doc: Document, ctx: DateContext, period: Period, held: bool) -> list[date]:
    """Month-and-day dates beside the results or the call, in text order; with ``held``, only
    those of the call being held (``8月20日晚间召开电话会``), which the release date may precede."""
    out = []
    patterns = _patterns()
    for ln in doc.content_lines():
        found_here = list(patterns.call_date.finditer(ln.norm))
        if held:
            found_here = (
                [
                    m
                    for m in found_here
                    if patterns.call_held.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12))
                ]
                + list(patterns.call_on_day.finditer(ln.norm))
                + list(patterns.call_held_on.finditer(ln.norm))
                + list(patterns.call_held_at.finditer(ln.norm))
            )
            found_here.sort(key=lambda m: m.start())
        for m in found_here:
            month, day = int(m.group(2)), int(m.group(3))
            weekday = patterns.weekday_after.match(ln.norm[m.start(3) + len(m.group(3)) + 1 :])
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
        if not held:
            out.extend(_english_stated(ln.norm, ctx, period))
    return out


def _english_stated(text: str, ctx: DateContext, period: Period) -> list[date]:
    """English month-and-day dates beside a release verb and the results (``August 30, … today
    released its financial results``, ``reported … results on November 25, 2025``), the year as
    written or placed after the period's end."""
    out = []
    for m in _patterns().english_call.finditer(text):
        before = m.group(1) is not None
        words = (
            (m.group(1), m.group(2), m.group(3))
            if before
            else m.group("after_month", "after_day", "after_year")
        )
        month = MONTHS.get(words[0].lower())
        if month is None:
            continue
        day = int(words[1])
        if words[2]:
            year: int | None = int(words[2])
        elif ctx.year_guessed and period.period_end is None:
            continue
        else:
            year = _year_for(month, day, period.period_end, ctx.year, None)
        found = safe_date(year, month, day) if year else None
        if found is not None:
            out.append(found)
    return out


REPORT_LAG_DAYS = (10, 120)
"""How long after its period's end a call is held: the window a day without a month is placed in."""


def _day_only_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date from a day written without its month (``【…13日专讯】腾讯公布…业绩``).

    The month is the publication's (or the one before it); without a publication date, the first
    month after the period's end where that day is a weekday (the given one, if any) in the
    usual reporting window -- a guess, noted for review. None when neither is known.
    """
    patterns = _patterns()
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            results = patterns.report.search(sentence)
            for m in patterns.day_only.finditer(sentence):
                context = patterns.day_only_context.search(sentence[m.end() :])
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
    wanted = periods.wording().weekdays.get(weekday) if weekday else None
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
