"""The fiscal period a call reports.

Explicit fiscal wording (``2024财年第四财季``, ``FY2024 Q4``), a period end (``截至2023年6月30日``),
calendar quarters (``去年四季度``, ``Q3 2024``), halves and whole years, each resolved with the
company's ``fiscal_year_start_month``; the best-supported period wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from generator.extract import numbers
from generator.extract.calendar import fiscal_period, fiscal_year, month_end, quarter_end, safe_date
from generator.extract.dates import HEAD_LINES, MONTHS, DateContext
from generator.extract.turns import source_language
from generator.lexicon import per_lexicon_set, periods
from generator.lexicon.periods import after, alt, not_after
from generator.lexicon.words import alternation
from generator.model import Document, Line, Period
from generator.source import chinese

CN_DIGITS = {**numbers.CN_DIGITS, "十": 10}
"""Chinese numerals of quarters, months and days (一 … 十)."""
ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


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


ENGLISH_FISCAL_YQ = [
    re.compile(r"(?<![A-Za-z0-9])[Ff][Yy]\s*'?(20\d\d|\d\d)\s*[Qq]([1-4])(?![A-Za-z0-9])"),
    re.compile(
        r"(?<![A-Za-z0-9])(?:Q|Quarter\s+)([1-4]),?\s*"
        r"(?:FY\s*'?(20\d\d|\d\d)|'(\d\d)|(?:for|of)\s+(?:the\s+)?(?:fiscal|financial)\s+year\s+(20\d\d))"
        r"(?![A-Za-z0-9])",
        re.I,
    ),
    re.compile(
        r"\b(first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+of\s+(?:fiscal|financial)\s+(?:year\s+)?(20\d\d)",
        re.I,
    ),
    re.compile(
        r"\b(?i:fiscal|financial)\s+(?i:year\s+)?(20\d\d)\s+(?i:(first|second|third|fourth)\s+quarter)\b"
    ),
]
"""``FY2024 Q4``, ``Q4 FY24``, ``Q2'24``, ``Q1 for financial year 2025``, ``fourth quarter of fiscal
2024``, ``Fiscal 2020 Third Quarter``; glued to Chinese too (``阿里巴巴Q1 FY25营收``: Chinese
characters are word characters, so no ``\b`` stands between them and the Latin). The second and
third name the quarter first; the second's year is whichever of its groups matched."""
TITLE_Q = re.compile(r"(?<![A-Za-z])[Qq]([1-4])(?![0-9])")
YEAR_TO = re.compile(
    r"\b(?:(?i:fiscal|financial|business)\s+)?year\s+to\s+([A-Z][a-z]{2,8})\.?(?:\s+(20\d\d))?\b"
)
"""``the year to March``, ``the year to March 2019``: a whole year ending with that month (British
and Japanese usage); without its year, the latest such month ended before the dateline."""
HALF_YEAR_FIRST = re.compile(r"(?<![A-Za-z])(?:1H|H1)\s*'?(\d\d)(?!\d)")
"""``1H24``: a half named before its two-digit year."""


@dataclass(frozen=True)
class _Patterns:
    """The period patterns, built from the wording of ``periods.yaml``."""

    fiscal_yq: list[re.Pattern[str]]
    """A fiscal year and quarter: ``2024财年第四财季``, ``2024财年Q4`` (then the English forms: year
    first, then quarter first)."""
    fiscal_q: re.Pattern[str]
    """A fiscal quarter without its year: ``第一财季``, ``三财季``."""
    fiscal_year: re.Pattern[str]
    """``2024财年``, ``fiscal year 2024``, ``FY2024``."""
    fiscal_year_word: re.Pattern[str]
    period_end: re.Pattern[str]
    """``截至2023年6月30日``, ``quarter ended June 30, 2024``."""
    cal_q: re.Pattern[str]
    """A calendar quarter: ``2024年第三季度``, ``去年四季度``, ``2024 Q3``, ``Q3 2024``,
    ``third quarter 2024``."""
    half: re.Pattern[str]
    """The first half of a year: ``2024年上半年``, ``半年度业绩说明会``, ``中期业绩``,
    ``截至6月30日止六个月``, ``2024H1``, ``2024 Interim Results``, ``first half of 2024``."""
    quarter_word: re.Pattern[str]
    yearless_quarter: re.Pattern[str]
    """A quarter named without its year (``第三季``, ``三季度``, ``Q3``); not ``前三季`` (year to date)."""
    year_to_date: re.Pattern[str]
    """The year to a quarter's end: ``2025年前三季度``, ``前三季``."""
    annual: re.Pattern[str]
    """A whole year: ``2024年度``, ``2024年年度报告``, ``2024年全年``, ``2021全年``, ``2021年财报``, a bare
    ``年度业绩`` / ``全年业绩``."""
    bracketed_year: re.Pattern[str]
    """``今(2017)年``: a year in brackets after a word naming its distance from the text's own."""
    split_fiscal_year: re.Pattern[str]
    """``20/21财年``, ``2020/21财年``: a fiscal year spanning two calendar years."""
    roc_year: re.Pattern[str]
    """``114年上半年``: a year of the Minguo calendar (89-139, 2000-2050) before a period word."""
    english_ytd: re.Pattern[str]
    """``first nine months of 2022``, ``9M 2022``: the year to the end of its third quarter."""


def _patterns() -> _Patterns:
    return _build_patterns()


@per_lexicon_set
def _build_patterns() -> _Patterns:
    w = periods.wording()
    fy = alt(w.fiscal_year)
    short = f"{alt(w.quarter_short)}(?!{alternation(w.quarter_short_not_before)})"
    not_a_quarter = not_after(w.quarter_not_after)
    return _Patterns(
        bracketed_year=re.compile(rf"(?:{alternation(w.bracketed_years)})\s*\(\s*20\d\d\s*\)\s*(?=年)"),
        split_fiscal_year=re.compile(rf"(?<![\d/])(20)?(\d\d)\s*/\s*(\d\d)(?=\s*{fy})"),
        roc_year=re.compile(
            rf"(?<![\d.,])(89|9\d|1[0-3]\d)[ ]?年"
            rf"(?=\s*(?:{alternation(w.roc_year_before)}|[一二三四1-4]\s*季|\d{{1,2}}\s*月))"
        ),
        english_ytd=re.compile(
            r"\b(?i:first\s+(?:nine|9)\s+months|nine\s+months|9M)\s+(?:of\s+|ended\s+[A-Z][a-z]+\s+\d{1,2},?\s+)?"
            r"(?:(?i:fiscal)\s+(?:(?i:year)\s+)?)?(20\d\d)\b"
        ),
        fiscal_yq=[
            re.compile(
                rf"(20\d\d)\s*{fy}\s*(?:的\s*)?第?\s*([一二三四1-4])\s*"
                rf"{alt([*w.fiscal_quarter, *w.quarter, *w.quarter_short])}"
            ),
            re.compile(rf"(20\d\d)\s*{fy}\s*[Qq]([1-4])"),
            *ENGLISH_FISCAL_YQ,
        ],
        fiscal_q=re.compile(
            rf"{not_a_quarter}第\s*([一二三四1-4])\s*{alt(w.fiscal_quarter)}"
            rf"|{not_a_quarter}([一二三四])\s*{alt(w.fiscal_quarter_short)}"
        ),
        fiscal_year=re.compile(
            rf"(20\d\d)\s*{fy}|\b[Ff]iscal\s+(?:[Yy]ear\s+)?(20\d\d)\b|(?<![A-Za-z0-9])[Ff][Yy]\s*(20\d\d)(?!\d)"
        ),
        fiscal_year_word=re.compile(alternation(w.fiscal_year)),
        period_end=re.compile(
            rf"{alt(w.period_end)}\s*(?:(?:(?P<year>20\d\d)\s*年|(?P<rel>{alternation(w.relative_years)}))\s*)?"
            rf"(?P<month>\d{{1,2}})\s*月\s*(?:(?P<day>\d{{1,2}})\s*日|{alt(w.month_end_words)}|(?={alt(w.until_after)}))"
            rf"|{alt(w.period_end)}\s*(?P<year_end>20\d\d)\s*年\s*{alt(w.year_end_words)}"
            r"|(?P<what>(?i:quarter|three months|period|year))[\s\-]+(?:that\s+)?ended\s+(?:on\s+)?"
            r"(?P<en_month>[A-Z][a-z]+)"
            r"(?:\s+(?P<en_day>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<en_year>20\d\d))?"
            # "the quarter ending September 2021" (Indian usage): a past quarter only with its year
            r"|(?i:quarter|three\s+months)\s+ending\s+(?P<ing_month>[A-Z][a-z]+)"
            r"(?:\s+(?P<ing_day>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?P<ing_year>20\d\d)"
        ),
        cal_q=re.compile(
            rf"(?:(20\d\d)\s*年\s*度?\s*|({alternation(w.relative_years)})\s*)(?:的\s*)?(?:第\s*)?([一二三四1-4])\s*"
            rf"(?:{alternation(w.quarter)}|{short})|"
            r"(20\d\d)\s*(?:年|-)?\s*[Qq]([1-4])(?![0-9])|(?<![A-Za-z])[Qq]([1-4])\s*[\-']?\s*(20\d\d)|"
            r"(?i:(first|second|third|fourth)[\s\-]+quarter\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?)(20\d\d)|"
            r"(?<![A-Za-z0-9])([1-4])Q\s*'?(20\d\d|\d\d)(?!\d)|"
            rf"(20\d\d)\s*年\s*(\d{{1,2}})\s*{alt(w.month_quarter)}|"
            rf"(20\d\d)\s*年\s*度?\s*({alternation(w.named_quarters)})"
        ),
        half=re.compile(
            r"\b(?i:(?:first\s+half(?:\s+year)?|interim\s+results)\s+(?:of\s+|for\s+)?(?:fiscal\s+)?(?:year\s+)?)"
            r"(20\d\d)\b|"
            rf"(?:(20\d\d)\s*(?:年|{alternation(w.fiscal_year)})?\s*度?\s*)?"
            rf"(?:{alternation(w.first_half)}|{alt(w.interim)}(?=\s*(?:{alternation(w.interim_before)}))"
            rf"|{after(w.until_after)}\s*{alt(w.six_months)}"
            r"|(?<![A-Za-z])(?:H1|1H)(?![0-9A-Za-z]))"
            r"|(?<![A-Za-z0-9])(?:1H|H1)\s*'?(20\d\d|\d\d)(?!\d)"
        ),
        quarter_word=re.compile(
            rf"(?:第\s*)?([一二三四1-4])\s*(?:{alternation([*w.quarter, *w.fiscal_quarter_short])}|{short})"
            r"|(?<![A-Za-z])[Qq]([1-4])(?![0-9])"
        ),
        yearless_quarter=re.compile(
            rf"{not_after(w.yearless_quarter_not_after)}(?<!\d)(?:第\s*)?([一二三四1-4])\s*"
            rf"(?:{alternation(w.quarter)}|{short})"
            r"|(?<![A-Za-z0-9])[Qq]([1-4])(?![0-9])|(?<![A-Za-z0-9])([1-4])Q(?![A-Za-z0-9])"
            r"|\b(?i:(first|second|third|fourth)[\s\-]quarter)\b"
            rf"|({alternation(w.named_quarters)})"
        ),
        year_to_date=re.compile(rf"(?:(20\d\d)\s*年\s*(?:的\s*)?)?({alternation(w.year_to_date)})"),
        annual=re.compile(
            rf"(20\d\d)\s*(?:年\s*(?:{alternation(w.annual)}|度)|{alternation(w.annual)})"
            rf"(?!\s*(?:[第一二三四1-4]|{alternation(w.annual_not_before)}))"
            rf"|{not_after(w.annual_not_after)}(?<![\d\s]){alt(w.annual)}"
            rf"(?!\s*(?:[第一二三四1-4]|{alternation(w.annual_not_before)}))"
            r"|\b(?:[Ff]ull[\s\-]year|[Ff]iscal\s+year)\s+(20\d\d)\b"
            rf"|(20\d\d)\s*年(?=\s*{alt(w.annual_results)}(?!{alternation(w.annual_not_before)}))"
        ),
    )


OWN_REACH = 14
"""How far after a period the results word may stand for the period to be the one reported."""
OWN_REACH_LATIN = 40
"""The same in English, whose words are longer ("Second Quarter and Interim Results")."""
LIST_ITEM = re.compile(r"\s*(?:[·•▪◦●○>]|[*\-]\s)")
"""A bulleted line (related links, other companies' briefings): it names no period of its own text."""
AHEAD_WEIGHT = 0.5
"""A period named with a forecast word in its clause (预期, 预计) counts this much of its weight: an
outlook, more likely than the period reported."""
UNDATED_LAG_DAYS = 30
"""A text with no date of its own was written some day of its year: a period it names without a
year ended at least this long before the year's end (a period is reported weeks after it ends, so
a bare 全年 in an undated text of 2021 is the year 2020, not 2021)."""
YEARLESS_LAG_DAYS = 130
"""A quarter named without its year is the latest one ended at most this long before the dateline."""
STALE = 0.1
"""The weight of a half named without its year that ended longer than ``YEARLESS_LAG_DAYS`` before the
dateline (中期业绩 on 2025-11-20 is no half to June: the company's fiscal year does not start in
January): it tells that the text names periods only without their year, and is never the period."""


CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=\s*年)")
"""A year written in Chinese numerals, digit by digit: ``二零二五年``."""
CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
CN_MONTH_DAY = re.compile(
    r"(?<=年)(\s*)([一二三四五六七八九十]{1,3})(月)(?:([一二三四五六七八九十]{1,4})(日))?"
)
"""A month, and its day, written in Chinese numerals after a year (``2016年十二月三十一日``)."""


def _cn_number(token: str) -> int | None:
    """1-39 from ``一``, ``十二``, ``三十一``; None for anything else."""
    tens, _, units = token.rpartition("十")
    if "十" not in token:
        value = CN_DIGITS.get(token) if len(token) == 1 else None
        return value if value and value < 10 else None
    ten = 1 if tens == "" else CN_DIGITS.get(tens)
    unit = 0 if units == "" else CN_DIGITS.get(units)
    if ten is None or unit is None or ten > 3 or unit > 9:
        return None
    return ten * 10 + unit


def _cn_month_day(m: re.Match[str]) -> str:
    """``十二月三十一日`` -> `` 12月 31日`` (right-aligned: the same length, so positions hold)."""
    month = _cn_number(m.group(2))
    day = _cn_number(m.group(4)) if m.group(4) else None
    if month is None or not 1 <= month <= 12 or (m.group(4) and (day is None or not 1 <= day <= 31)):
        return m.group(0)
    if len(str(month)) > len(m.group(2)) or (day is not None and len(str(day)) > len(m.group(4))):
        return m.group(0)  # 十月, 十日: no shorter in digits; left as written
    out = m.group(1) + str(month).rjust(len(m.group(2))) + m.group(3)
    if m.group(4):
        out += str(day).rjust(len(m.group(4))) + m.group(5)
    return out


def _comparison(text: str, span: tuple[int, int]) -> bool:
    """True for the period of a comparison: opening a bracket and labelling the figure after it
    (``(2021年上半年:63.2%)``, ``(2018年上半年为126.47亿元)``), right after a comparison word
    (``较2023年第二季上升8%``), or further on in a clause one opens (``as compared to US$331.0
    million for the second quarter of 2023``)."""
    w = periods.wording()
    before = text[max(0, span[0] - COMPARISON_REACH) : span[0]].rstrip()
    after = text[span[1] : span[1] + COMPARISON_REACH].lstrip()
    if before.endswith(("(", "(")) and after.startswith(w.bracket_labels):
        return True
    if before.lower().endswith(w.comparison_before) or after.startswith(w.reference_after):
        return True
    if _in_year_range(before, after):
        return True
    clause = _CLAUSE_BREAK.split(text[max(0, span[0] - COMPARISON_REACH) : span[0]])[-1]
    return _comparison_clause().search(clause) is not None


def _in_year_range(before: str, after: str) -> bool:
    """True for a year that ends or opens a range of years (``2026至2027财年业绩``, ``2022-2023``):
    a span of years, no period reported."""
    words = alternation(periods.wording().year_range_words)
    return (
        re.search(rf"20\d\d\s*年?\s*(?:{words})\s*$", before) is not None
        or re.match(rf"(?:年\s*)?(?:{words})\s*20\d\d", after) is not None
    )


COMPARISON_REACH = 80
"""How far before a period a clause's comparison word (``as compared to … for the second quarter
of 2023``) may stand."""
_CLAUSE_BREAK = re.compile(r"[;,;,。]|\.(?!\d)")


@per_lexicon_set
def _comparison_clause() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![A-Za-z])(?:{alternation(periods.wording().comparison_clause)})(?![A-Za-z])", re.I
    )


def _digit_years(text: str) -> str:
    """The text with its years written plainly, the same length, so positions hold: years in Chinese
    numerals in digits (``二零二五年上半年`` → ``2025年上半年``), and the month and day after them
    (``2016年十二月三十一日`` → ``2016年 12月 31日``), a bracketed year without its brackets
    (``今(2017)年`` → ``今 2017 年``), a fiscal year spanning two calendar years by the one it ends in
    (``20/21财年`` → `` 2021财年``)."""
    text = CN_YEAR.sub(lambda m: m.group(0).translate(CN_YEAR_DIGITS), text)
    if "月" in text:
        text = CN_MONTH_DAY.sub(_cn_month_day, text)
    patterns = _patterns()
    if "年" in text:
        text = patterns.roc_year.sub(_roc_year, text)
    text = patterns.bracketed_year.sub(lambda m: re.sub(r"[()]", " ", m.group(0)), text)
    return patterns.split_fiscal_year.sub(_split_fiscal_year, text)


MINGUO_OFFSET = 1911
"""A year of the Minguo (ROC) calendar plus this is the Gregorian year (114年 = 2025)."""


def _roc_year(m: re.Match[str]) -> str:
    """``114 年上半年`` -> ``2025年上半年`` (the space, when there is one, keeps the length)."""
    return f"{int(m.group(1)) + MINGUO_OFFSET}年"


def _split_fiscal_year(m: re.Match[str]) -> str:
    first, second = int(m.group(2)), int(m.group(3))
    if second != (first + 1) % 100:
        return m.group(0)
    return f"20{m.group(3)}".rjust(len(m.group(0)))


def _two_digit(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _candidates(
    line: Line, start_month: int, ctx: DateContext, offset: int, latin_fiscal: bool = True, lead: str = ""
) -> list[_Candidate]:
    """The periods ``line`` names; ``lead`` is the end of the line before, when ``line`` goes on
    with its sentence (a hard-wrapped release: "…financial results for the" / "third quarter…")."""
    text = _digit_years(line.norm)
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    results, future = periods.words("results_words"), periods.words("future")
    listed = LIST_ITEM.match(text) is not None

    def add(
        end: date | None, quarter: bool, weight: float, span: tuple[int, int], kind: str = "quarter"
    ) -> None:
        if end is not None and _comparison(text, span):
            taken.append(span)  # a comparison figure's period: "(二零二一年上半年:人民币228亿元)"
        elif end is not None and not any(a < span[1] and span[0] < b for a, b in taken):
            reach = OWN_REACH_LATIN if text[span[1] : span[1] + 2].isascii() else OWN_REACH
            after = re.split(r"[,。;!?]", text[span[1] : span[1] + reach], maxsplit=1)[0]
            stated = results.search(after) is not None or _results_before(lead + text[: span[0]])
            ahead = future.search(after) is not None
            own = not listed and stated and not ahead
            # a period with a forecast in its clause ("2025Q4 预期将维持获利") weighs half: an outlook
            out.append(
                _Candidate(
                    end, quarter, weight * (AHEAD_WEIGHT if ahead else 1.0), offset + span[0], kind, own
                )
            )
            taken.append(span)

    patterns, relative_years = _patterns(), periods.wording().relative_years
    for i, pattern in enumerate(patterns.fiscal_yq):
        for m in pattern.finditer(text):
            if i in (3, 4):
                q, y = quarter_number(m.group(1)), _two_digit(next(g for g in m.groups()[1:] if g))
            else:
                y, q = _two_digit(m.group(1)), quarter_number(m.group(2))
            if q:
                add(quarter_end(y, q, start_month), True, 3.0, m.span())
    year_after_end = tuple(periods.wording().year_after_end)
    for m in patterns.period_end.finditer(text):
        end, whole = _period_end(m, ctx)
        within = _year_within_end(text, m.end())
        whole_year = whole or text.startswith(year_after_end, m.end()) or within is not None
        if end and m.group("year_end"):
            if start_month == 1:  # a year's last day ("截至2020年末"): the year's balance, weakly
                add(end, False, 1.0, m.span(), "year")
        elif end and end == month_end(end.year, end.month) and whole_year:
            add(end, False, 3.0, (m.start(), max(m.end(), within or 0)), "year")
        elif end and end == month_end(end.year, end.month) and end.month % 3 == (start_month - 1) % 3:
            add(end, True, 3.0, m.span(), "end")
    for m in patterns.cal_q.finditer(text):
        if _part_of_whole(text, m.start()):
            continue
        if m.group(3):
            year = (
                int(m.group(1))
                if m.group(1)
                else (ctx.year + relative_years[m.group(2)] if ctx.year else None)
            )
            q = quarter_number(m.group(3))
        elif m.group(5):
            year, q = int(m.group(4)), quarter_number(m.group(5))
        elif m.group(6):
            year, q = int(m.group(7)), quarter_number(m.group(6))
        elif m.group(8):
            year, q = int(m.group(9)), quarter_number(m.group(8))
        elif m.group(10):
            year, q = _two_digit(m.group(11)), quarter_number(m.group(10))
        elif m.group(15):
            year, q = int(m.group(14)), periods.wording().named_quarters[m.group(15)]
        else:
            month = int(m.group(13))
            if 1 <= month <= 12:
                add(month_end(int(m.group(12)), month), True, 2.0, m.span())
            continue
        if year and q and latin_fiscal and m.group(3) is None and "年" not in m.group(0):
            # a quarter labelled in Latin (Q3 2020, 2023 Q3, third quarter 2024, 1Q25) in an English
            # text is the company's own label: its fiscal quarter (a calendar one when the year starts
            # in January); a Chinese text writes 4Q25 for 2025年第四季度, a calendar quarter
            add(quarter_end(year, q, start_month), True, 2.0, m.span())
        elif year and q:
            add(month_end(year, 3 * q), True, 2.0, m.span())
    for m in patterns.fiscal_q.finditer(text):
        q = quarter_number(m.group(1) or m.group(2))
        if q and ctx.year:
            add(_latest_fiscal_quarter_end(q, start_month, ctx), True, 1.0, m.span())
    for m in patterns.half.finditer(text):
        fiscal = patterns.fiscal_year_word.search(m.group(0)) is not None
        written = m.group(1) or m.group(2) or m.group(3)
        if written and (fiscal or start_month == 1):
            add(quarter_end(_two_digit(written), 2, start_month), True, 2.0, m.span(), "half")
        elif not written and ctx.year:
            end = _latest_fiscal_quarter_end(2, start_month, ctx)
            recent = ctx.published is None or (
                end is not None and (ctx.published - end).days <= YEARLESS_LAG_DAYS
            )
            add(end, True, 0.5 if recent else STALE, m.span(), "half")
    for m in patterns.fiscal_year.finditer(text):
        y = int(next(g for g in m.groups() if g))
        add(quarter_end(y, None, start_month), False, 1.0, m.span(), "year")
    for m in patterns.annual.finditer(text):
        written = m.group(1) or m.group(2) or m.group(3)
        if written and start_month == 1:
            add(quarter_end(int(written), None, start_month), False, 1.0, m.span(), "year")
        elif not written and ctx.year:
            add(_latest_fiscal_quarter_end(4, start_month, ctx), False, 0.5, m.span(), "year")
    for m in YEAR_TO.finditer(text):
        month = MONTHS.get(m.group(1).lower(), 0)
        if not 1 <= month <= 12:
            continue
        if m.group(2):
            add(month_end(int(m.group(2)), month), False, 3.0, m.span(), "year")
        elif ctx.year:
            year = ctx.year - (ctx.published is not None and month >= ctx.published.month)
            add(month_end(year, month), False, 3.0, m.span(), "year")
    for m in patterns.english_ytd.finditer(text):
        add(quarter_end(int(m.group(1)), 3, start_month), True, 1.0, m.span())
    for m in patterns.year_to_date.finditer(text):
        q = periods.wording().year_to_date[m.group(2)]
        if m.group(1):
            add(quarter_end(int(m.group(1)), q, start_month), True, 1.0, m.span())
        elif ctx.year:
            add(_latest_fiscal_quarter_end(q, start_month, ctx), True, 0.5, m.span())
    if (start_month == 1 or latin_fiscal) and ctx.year is not None:
        # (a quarter an English text names without its year is its company's fiscal quarter)
        for m in patterns.yearless_quarter.finditer(text):
            if _part_of_whole(text, m.start()):
                continue
            token = next(g for g in m.groups() if g)
            q = periods.wording().named_quarters.get(token) or quarter_number(token)
            end = _latest_fiscal_quarter_end(q, start_month, ctx) if q else None
            if end is not None and (ctx.published is None or (ctx.published - end).days <= YEARLESS_LAG_DAYS):
                add(end, True, 0.5, m.span())
    return out


@per_lexicon_set
def _results_before_pattern() -> re.Pattern[str]:
    words = alternation(periods.wording().results_before)
    # the period's own words may come between ("results for the third quarter ended…", "…the three
    # months ended…": the end date is what is matched)
    return re.compile(rf"(?<![A-Za-z])(?i:{words})\s+(?:[a-z]+\s+){{0,3}}$")


def _results_before(before: str) -> bool:
    """True when results words end ``before``, the text before a period (``financial results for
    the`` third quarter ended…): English names the period reported after its results."""
    return _results_before_pattern().search(before[-OWN_REACH_LATIN:]) is not None


def _period_end(m: re.Match[str], ctx: DateContext) -> tuple[date | None, bool]:
    """The date a period-end match names (a month without its day is its last day; a date without
    its year is the latest such before the dateline, or of a year named by its distance), and True
    when it names a whole year's end (``year ended``)."""
    g = m.groupdict()
    if g["year_end"]:
        return date(int(g["year_end"]), 12, 31), False
    if g["month"]:
        month, day, written = int(g["month"]), g["day"], g["year"]
        year = ctx.year + periods.wording().relative_years[g["rel"]] if g["rel"] and ctx.year else None
    elif g["ing_month"]:
        month, day, written = MONTHS.get(g["ing_month"].lower(), 0), g["ing_day"], g["ing_year"]
        year = None
    else:
        month, day, written = MONTHS.get(g["en_month"].lower(), 0), g["en_day"], g["en_year"]
        year = None
    if not 1 <= month <= 12:
        return None, False
    if written:
        year = int(written)
    elif year is None and ctx.year:
        year = ctx.year
        last = int(day) if day else month_end(year, month).day
        if ctx.published and (month, last) > (ctx.published.month, ctx.published.day):
            year -= 1
    if year is None:
        return None, False
    end = safe_date(year, month, int(day)) if day else month_end(year, month)
    return end, (g["what"] or "").lower() == "year"


WITHIN_END_REACH = 24
"""How far after a period's end date its clause may name it a whole year or a part of one."""


def _year_within_end(text: str, start: int) -> int | None:
    """Where the word naming a period's end date a whole year ends, when the first such word in
    the rest of its clause is a year word (``截至2019年12月31日年度业绩``, ``…日("报告期内")之经审核年度
    业绩``), not a part of one (``…止三个月及年度``)."""
    w = periods.wording()
    clause = re.split(r"[,。;!?]", text[start : start + WITHIN_END_REACH], maxsplit=1)[0]
    m = re.search(f"({alt(w.year_within_end)})|{alt(w.part_within_end)}", clause)
    return start + m.end() if m and m.group(1) else None


def _part_of_whole(text: str, start: int) -> bool:
    """True when a quarter is named as a part of the period reported (``其中四季度收入…``)."""
    return text[:start].rstrip().endswith(periods.wording().part_of_whole)


def _latest_fiscal_quarter_end(quarter: int, start_month: int, ctx: DateContext) -> date | None:
    """The end of fiscal quarter ``quarter`` most recently before the text was written."""
    assert ctx.year is not None
    limit = ctx.published or date(ctx.year, 12, 31) - timedelta(days=UNDATED_LAG_DAYS)
    ends = [quarter_end(y, quarter, start_month) for y in range(ctx.year - 1, ctx.year + 2)]
    past = [e for e in ends if e <= limit]
    return max(past) if past else None


def _half_year_call(doc: Document, candidates: list[_Candidate], end: date) -> bool:
    """True when the text reports the half ending on ``end`` rather than its second quarter: the
    one it names as its own (``中期业绩``); when it names both so, the one it names so more often,
    else the first (``Second Quarter and Interim Results``); else, when it names neither as its own
    and both with their year (``2025年上半年…2025年第二季度…``, ``second quarter ("2Q2019") and
    first half year of 2019``), the one it names first; else the one it names more (上半年, 半年度,
    H1 against 第二季度, Q2, 二季), counting the title twice."""
    # a half named as the text's own without its year (中期业绩) names the kind of call, whatever
    # year it was read in (bare candidates weigh under 1: their year is the text's, perhaps a guess)
    own_half = any(c.own for c in candidates if c.kind == "half" and (c.end == end or c.weight < 1.0))
    own_quarter = any(c.own for c in candidates if c.end == end and c.kind == "quarter")
    if own_half != own_quarter:
        return own_half  # the text names one of them as the period it reports
    if own_half:  # both: the one named so more often, else the first named ("2019 Second Quarter
        # and Interim Results")
        own = [
            (c.position, c.kind)
            for c in candidates
            if c.own and c.kind in ("half", "quarter") and (c.end == end or c.weight < 1.0)
        ]
        halves = sum(1 for _, kind in own if kind == "half")
        if 2 * halves != len(own):
            return 2 * halves > len(own)
        return min(own)[1] == "half"
    named = sorted(
        (c.position, c.kind)
        for c in candidates
        if c.end == end and c.weight >= 2.0 and c.kind in ("half", "quarter")
    )
    if not own_half and {kind for _, kind in named} == {"half", "quarter"}:
        return named[0][1] == "half"  # both named with their year: the first named heads the text
    half = sum(c.weight for c in candidates if c.end == end and c.kind == "half")
    quarter = sum(c.weight for c in candidates if c.end == end and c.kind == "quarter")
    title = chinese.normalise(doc.title or "")
    patterns = _patterns()
    title_half = bool(patterns.half.search(title) or HALF_YEAR_FIRST.search(title))
    title_quarter = _second_quarters(title) > 0
    yearless = sum(0.5 * _second_quarters(ln.norm) for ln in doc.content_lines())
    half += 2.0 * title_half
    quarter += 2.0 * title_quarter + yearless
    return half > quarter


def _second_quarters(text: str) -> int:
    """How often ``text`` names a second quarter: ``第二季度``, ``Q2``, or by a word (``次季``)."""
    found = sum(
        1 for m in _patterns().quarter_word.finditer(text) if (m.group(1) or m.group(2)) in ("2", "二")
    )
    words = [w for w, q in periods.wording().named_quarters.items() if q == 2]
    return found + sum(text.count(w) for w in words)


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


def _full_year_call(candidates: list[_Candidate], end: date, head: int) -> bool:
    """True when a text whose best quarter is the fourth, ending on ``end``, reports the whole year:
    it never names that quarter as its period (``第四季度及全年业绩`` is the quarter's call) and
    names the year (``2025年全年``, ``截至…止年度``, ``全年``) at least as much as the quarter
    (``第四季度`` in the figures of an annual release). Cues in the first lines count three times."""
    same = [c for c in candidates if c.end == end]
    if any(c.own and c.kind == "quarter" for c in same):
        return False

    def weight(kind: str) -> float:
        return sum(
            c.weight * (3.0 if c.position < head else 1.0)
            for c in same
            if (c.kind == "year") == (kind == "year")
        )

    return weight("year") > 0 and weight("year") >= weight("part")


def _own_after_dateline(candidates: list[_Candidate], ctx: DateContext) -> list[_Candidate]:
    """The periods a text names as its own with their year (``公布了2022年中期业绩报告``) when all end
    after its dateline: the dateline is then no date of the text (a magazine issue's, a repost's),
    and a note says so."""
    own = [c for c in candidates if c.own and c.weight >= 2.0]
    if own:
        ctx.notes.append(
            f"the dateline {ctx.published} is earlier than the end of the period the text reports "
            f"({min(c.end for c in own)}): it is taken for no date of the text"
        )
    return own


WRITTEN = 1.0
"""The least weight of a period named with its year; one named without (第三季度, 年度业绩) weighs less."""


def _bare_take_written_years(candidates: list[_Candidate], limit: date | None) -> list[_Candidate]:
    """In a text with no dateline, periods named without their year (``三季度``, ``年度业绩``) were
    given the year the text was guessed to be written in; where the text names the same period with
    its year (``2025年三季报``, ``截至2020年12月31日止年度``), that year is theirs (the one it names
    most when several, never one ending after ``limit``: a year ahead, ``2022全年业绩`` guided),
    not the guess."""
    written: dict[date, float] = {}
    own: set[date] = set()
    for c in candidates:
        if c.weight >= WRITTEN and (limit is None or c.end <= limit):
            written[c.end] = written.get(c.end, 0.0) + c.weight
            if c.own:
                own.add(c.end)
    out = []
    for c in candidates:
        same = [e for e in written if (e.month, e.day) == (c.end.month, c.end.day)]
        if len([e for e in same if e in own]) == 1:
            same = [e for e in same if e in own]  # the one the text names as its own (公布2022年第一季度业绩)
        if c.weight < WRITTEN and same:
            end = max(same, key=lambda e: (written[e], e))
            c = _Candidate(end, c.quarter, c.weight, c.position, c.kind, c.own)
        out.append(c)
    return out


FISCAL_STARTS = (4, 7, 10)
"""The months other than January a fiscal year commonly starts in."""


def _fiscal_labels(doc: Document) -> set[tuple[int, int]]:
    """The fiscal year and quarter of each English fiscal label the text writes (``FY21Q2``,
    ``Q2 FY25``, ``Quarter 1, FY'2014``)."""
    labels: set[tuple[int, int]] = set()
    for ln in doc.content_lines():
        for i, pattern in enumerate(ENGLISH_FISCAL_YQ):
            for m in pattern.finditer(ln.norm):
                first, second = m.group(1), next(g for g in m.groups()[1:] if g)
                if i in (1, 2):  # the quarter named first
                    first, second = second, first
                q = quarter_number(second)
                if q:
                    labels.add((_two_digit(first), q))
    return labels


def _labels_by_first_year(
    labels: set[tuple[int, int]], candidates: list[_Candidate], start_month: int
) -> bool:
    """True when a company whose year starts after January names its fiscal years by the year they
    start in (Sony's FY21 runs from April 2021 to March 2022): the text writes each label's quarter
    end a year after the label read by the year it ends in (``FY21Q2`` and ``second quarter ended
    September 30, 2021``), never on it."""
    if start_month == 1 or not labels:
        return False
    stated = {c.end for c in candidates if c.kind == "end"}
    return all(
        quarter_end(y + 1, q, start_month) in stated and quarter_end(y, q, start_month) not in stated
        for y, q in labels
    )


def _start_from_labels(doc: Document, start_month: int, ctx: DateContext) -> int:
    """The month the fiscal year starts, when the text's fiscal labels (``Quarter 1, FY'2014``,
    ``Q2 FY25``) cannot have ended by its dateline in a year starting in January (a call of
    2013-07-17 on FY2014's first quarter): the one start month (April, July or October) that makes
    every label the latest quarter ended before the dateline, within ``YEARLESS_LAG_DAYS``;
    ``start_month`` otherwise."""
    if start_month != 1 or ctx.published is None:
        return start_month
    labels = _fiscal_labels(doc)
    if not labels or any(quarter_end(y, q, 1) <= ctx.published for y, q in labels):
        return start_month
    published = ctx.published
    fits = [
        s
        for s in FISCAL_STARTS
        if all(0 <= (published - quarter_end(y, q, s)).days <= YEARLESS_LAG_DAYS for y, q in labels)
    ]
    return fits[0] if len(fits) == 1 else start_month


def period_start(doc: Document, start_month: int, ctx: DateContext) -> int:
    """The month the fiscal year starts as :func:`identify_period` reads the text: ``start_month``,
    or the one its fiscal labels tell (see :func:`_start_from_labels`)."""
    return _start_from_labels(doc, start_month, ctx)


_ENDS_SENTENCE = re.compile(r"[.。!?！？:：]\s*$")
"""A line ending its sentence: the next line is no continuation of it."""


def identify_period(doc: Document, start_month: int, ctx: DateContext) -> Period:
    """The fiscal period the call reports: the best-supported quarter, else a fiscal year."""
    start_month = _start_from_labels(doc, start_month, ctx)
    candidates: list[_Candidate] = []
    title = doc.title or ""
    for m in TITLE_Q.finditer(title):
        if ctx.year:
            end = _latest_fiscal_quarter_end(int(m.group(1)), start_month, ctx)
            if end:
                candidates.append(_Candidate(end, True, 1.0, -1))
    offset = 0
    latin_fiscal = source_language(doc) == "en"
    previous: Line | None = None
    for ln in doc.content_lines():
        wrapped = (
            previous is not None
            and previous.number + 1 == ln.number
            and not _ENDS_SENTENCE.search(previous.norm)
        )
        lead = previous.norm[-OWN_REACH_LATIN:] + " " if wrapped and previous is not None else ""
        candidates.extend(_candidates(ln, start_month, ctx, offset, latin_fiscal, lead))
        offset += len(ln.norm) + 1
        previous = ln
    labels = _fiscal_labels(doc) if start_month != 1 else set()
    first_year = _labels_by_first_year(labels, candidates, start_month)
    if first_year:  # each label's quarter is the one a year on, as the text's own end dates say
        moved = {quarter_end(y, q, start_month): quarter_end(y + 1, q, start_month) for y, q in labels}
        for c in candidates:
            if c.kind == "quarter" and c.end in moved:
                c.end = moved[c.end]
    period = _identify(doc, start_month, ctx, candidates)
    if first_year and period.fiscal_year is not None:
        # the company's own name for its year: the one it starts in
        return Period(period.fiscal_year - 1, period.fiscal_quarter, period.period_end)
    return period


def _identify(doc: Document, start_month: int, ctx: DateContext, candidates: list[_Candidate]) -> Period:
    """The period, from the candidates the text's lines give (see :func:`identify_period`)."""
    # an undated text cannot report a period ending in the last weeks of the year it was written in
    undated = date(ctx.year, 12, 31) if ctx.year else None
    if undated and ctx.year_guessed:
        undated -= timedelta(days=UNDATED_LAG_DAYS)
    limit = ctx.published or undated
    if ctx.published is None:
        candidates = _bare_take_written_years(candidates, limit)
    if limit:
        kept = [c for c in candidates if c.end <= limit]
        if not kept and ctx.published:
            kept = _own_after_dateline(candidates, ctx)
        candidates = kept
    head = len("\n".join(ln.norm for ln in doc.content_lines()[:HEAD_LINES]))
    annual = _annual_call(candidates, head)
    if annual is not None:
        return Period(fiscal_year=fiscal_year(annual, start_month), fiscal_quarter=None, period_end=annual)
    quarters = [c for c in candidates if c.quarter] or candidates
    if not quarters:
        if ctx.published is not None and start_month == 1:
            # a dated text naming no period but giving the year before's figures early in the next
            # (2025年营收… on 2026-03-13, 去年錄得…利潤 on 2024-02-16): that year is the period
            year = _reported_year(doc, ctx)
            if year is not None:
                return Period(fiscal_year=year, fiscal_quarter=None, period_end=date(year, 12, 31))
        if ctx.year is None:
            quarter = _yearless_quarter(doc)
            end = _quarter_end_written(doc, quarter, start_month) if quarter else None
            return fiscal_period(end, start_month) if end else Period(fiscal_quarter=quarter)
        if ctx.published is None and ctx.year_guessed:
            # an undated text naming no period but giving a past year's figures (华邦电2022年合并营收…),
            # the year it was taken to be written in coming after: that year is the one reported
            years = {year for _, year in _year_figures(doc, ctx)}
            if years and max(years) == ctx.year - 1:
                return Period(
                    fiscal_year=ctx.year - 1, fiscal_quarter=None, period_end=date(ctx.year - 1, 12, 31)
                )
        return Period()
    if start_month == 1 and all(c.weight < WRITTEN for c in quarters):
        # only periods named without their year (中期息, 今年首季): a past year reported with its
        # figures early in the next (去年纯利108亿元 on 2026-03-11) is the period
        year = _reported_year(doc, ctx)
        if year is not None:
            return Period(fiscal_year=year, fiscal_quarter=None, period_end=date(year, 12, 31))
    quarters = [c for c in quarters if c.weight > STALE]
    if not quarters:
        return Period()
    totals: dict[date, float] = {}
    for c in quarters:
        totals[c.end] = totals.get(c.end, 0.0) + c.weight
    end = max(totals, key=lambda e: (totals[e], e))
    own = {c.end for c in quarters if c.own}
    if len(own) == 1:
        end = own.pop()  # the one period the text names as the one it reports
    if quarters[0].quarter:
        period = fiscal_period(end, start_month)
        if start_month == 1 and period.fiscal_quarter == 1 and _annual_first(doc, ctx, candidates, end):
            year = end.year - 1  # the annual report, released with the next first quarter's
            return Period(fiscal_year=year, fiscal_quarter=None, period_end=date(year, 12, 31))
        if period.fiscal_quarter == 2 and _half_year_call(doc, quarters, end):
            return Period(fiscal_year=period.fiscal_year, fiscal_quarter=None, period_end=end)
        if period.fiscal_quarter == 4 and _full_year_call(candidates, end, head):
            return Period(fiscal_year=period.fiscal_year, fiscal_quarter=None, period_end=end)
        return period
    return Period(fiscal_year=fiscal_year(end, start_month), fiscal_quarter=None, period_end=end)


_BALANCE_DATE = re.compile(
    r"(?i:as\s+of|as\s+at|ended(?:\s+on)?)\s+(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?"
    r"|(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?,?)\s+(20\d\d)\b"
    r"|(?:截至|于|於)\s*(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
"""A date the text's balances or periods end on: ``As of June 30, 2020``, ``ended on 30 September
2024`` (the day first, British style), ``截至2020年6月30日``."""


def _quarter_end_written(doc: Document, quarter: int, start_month: int) -> date | None:
    """The end of the quarter a text names only without its year (``Q2 revenues…``), when the text
    writes that quarter's last day with its year once (``As of June 30, 2020, cash…``): the
    balances it reports are those of the quarter's end. None when it writes none, or several."""
    found: set[date] = set()
    for ln in doc.content_lines():
        for m in _BALANCE_DATE.finditer(ln.norm):
            if m.group(1):
                month, day, year = MONTHS.get(m.group(1).lower(), 0), int(m.group(2)), int(m.group(5))
            elif m.group("day"):
                month, day = MONTHS.get(m.group("month").lower(), 0), int(m.group("day"))
                year = int(m.group(5))
            else:
                year, month, day = int(m.group(6)), int(m.group(7)), int(m.group(8))
            if 1 <= month <= 12 and safe_date(year, month, day) == month_end(year, month):
                found.add(month_end(year, month))
    ends = {e for e in found if fiscal_period(e, start_month).fiscal_quarter == quarter}
    return ends.pop() if len(ends) == 1 else None


def _yearless_quarter(doc: Document) -> int | None:
    """The quarter a text with no year at all names (``第三季营收…``, ``Q3``): its number, when the
    text names one quarter more than any other (title x5, first lines x3); the year stays unknown
    (never guessed), so the period has no end."""
    pattern, named = _patterns().yearless_quarter, periods.wording().named_quarters
    future = periods.words("future")
    weights: dict[int, float] = {}
    texts = [(doc.title or "", 5.0)] + [
        (ln.norm, 3.0 if i < HEAD_LINES else 1.0) for i, ln in enumerate(doc.content_lines())
    ]
    for text, weight in texts:
        text = _digit_years(text)
        for m in pattern.finditer(text):
            if _part_of_whole(text, m.start()) or _comparison(text, m.span()):
                continue
            # its clause, within COMPARISON_REACH on either side (bounded: linear on a long line)
            low, high = max(0, m.start() - COMPARISON_REACH), min(len(text), m.end() + COMPARISON_REACH)
            start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, low, m.start())), default=low)
            stop = _CLAUSE_BREAK.search(text, m.end(), high)
            if future.search(text[start : stop.start() if stop else high]):
                continue  # a quarter ahead ("第四季为旺季,预期…"), not the one reported
            token = next(g for g in m.groups() if g)
            q = named.get(token) or quarter_number(token)
            if q:
                weights[q] = weights.get(q, 0.0) + weight
    if not weights:
        return None
    ranked = sorted(weights.values(), reverse=True)
    if len(ranked) > 1 and ranked[1] * 2 > ranked[0]:
        return None  # two quarters named about as often: which one the text reports is unclear
    return max(weights, key=lambda q: weights[q])


ANNUAL_SEASON_MONTHS = 4
"""A text dated in the first months of a year may report the year before as a whole (annual results
are published by April); later, a year's figures are no call's period by themselves."""
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:亿|万|元|%)")
"""A reported figure: an amount or a rate (``1,987.6亿元``, ``12%``)."""
_FIGURE_CLAUSE_BREAK = re.compile(r"[;；。]|(?<!\d),|,(?!\d)|\.(?!\d)")
"""Where a clause ends, a comma between digits aside (``1,987.6亿元``)."""
_YEAR_FIGURE = re.compile(
    r"(?:(20\d\d)\s*年|(?P<rel>[今本去上前]年))(?!\s*(?:第|[一二三四1-4]\s*季|上半|下半|前|底|末|同期|\d))"
)


def _annual_first(doc: Document, ctx: DateContext, candidates: list[_Candidate], end: date) -> bool:
    """True when a text whose best period is a first quarter (ending on ``end``) reports the year
    before it first: Chinese issuers release the annual report with the next first quarter's (by
    April), and a text on both that opens with the year (``2024年营收249.5亿元…; 2025年Q1营收…``,
    ``发布了2024年年报…发布了2025年第一季度报告``) is about the year, the quarter coming after. The
    year counts where it is named as the text's own or given figures; the quarter where it is
    named with its year."""
    quarter = [c.position for c in candidates if c.end == end and c.weight >= WRITTEN]
    if not quarter:
        return False
    year_end = date(end.year - 1, 12, 31)
    named = [c.position for c in candidates if c.end == year_end and c.kind == "year" and c.own]
    figures = [p for p, y in _year_figures(doc, ctx) if y == year_end.year]
    return min([*named, *figures], default=min(quarter)) < min(quarter)


def _year_figures(doc: Document, ctx: DateContext) -> list[tuple[int, int]]:
    """Where the text gives figures for a whole year, and the year (``2024年营收249.5亿元``,
    ``去年录得…`` on a dated text): a year with a figure in its clause, not compared with, not
    ahead (see :func:`_reported_year`)."""
    relative = periods.wording().relative_years
    future = periods.words("future")
    out: list[tuple[int, int]] = []
    offset = 0
    for ln in doc.content_lines():
        text = _digit_years(ln.norm)
        for m in _YEAR_FIGURE.finditer(text):
            high = min(len(text), m.end() + COMPARISON_REACH)  # bounded: linear on a long line
            stop = _FIGURE_CLAUSE_BREAK.search(text, m.end(), high)
            clause = text[m.end() : stop.start() if stop else high]
            if _FIGURE.search(clause) is None or future.search(clause):
                continue  # no figure reported for that year in its clause
            if _comparison(text, m.span()):
                continue  # "与2024年持平": the year compared with
            rel = m.group("rel")
            if rel is not None and (rel not in relative or ctx.published is None):
                continue
            year = ctx.published.year + relative[rel] if rel and ctx.published else int(m.group(1))
            out.append((offset + m.start(), year))
        offset += len(ln.norm) + 1
    return out


def _reported_year(doc: Document, ctx: DateContext) -> int | None:
    """The year a dated text names no part of but reports as past, with its figures, in the first
    months after it ended (``2025年营收1,987.6亿元`` on 2026-03-13; ``去年录得…`` on 2024-02-16): the
    latest past year it gives figures for, when that is the year before the text's; None when it
    names none so, or when it is dated later in the year. The year of the text itself (今年的获利年
    成长12%) is a forecast or a figure to date, and a year compared with (与2024年持平) is no period."""
    if ctx.published is None or ctx.published.month > ANNUAL_SEASON_MONTHS:
        return None
    target = ctx.published.year - 1
    years = {year for _, year in _year_figures(doc, ctx)}
    past = {y for y in years if y < ctx.published.year}  # this year's figures: a forecast, to date
    return target if past and max(past) == target else None
