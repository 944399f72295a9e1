"""Figures in normalised text: amounts (number, magnitude, currency) and percentages.

Works on ``Line.norm`` (simplified Chinese, half-width punctuation); every figure keeps its
``start``/``end`` offsets so callers can slice the verbatim original. Values are exact
(:class:`decimal.Decimal` arithmetic) and returned as ``int`` when integral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.lexicon import per_lexicon_set
from generator.lexicon.currencies import currencies
from generator.lexicon.words import alternation, first_chars

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "萬億": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "億": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "千萬": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "百萬": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "萬": Decimal(10) ** 4,
    "兆": Decimal(10) ** 12,  # Taiwan: 營收2.06兆元 (read only before a currency: 兆瓦 is no amount)
    "trillion": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9,
    "mn": Decimal(10) ** 6,
    "crores": Decimal(10) ** 7,  # Indian wording: INR1,843.9 crores
    "crore": Decimal(10) ** 7,
    "lakhs": Decimal(10) ** 5,
    "lakh": Decimal(10) ** 5,
}

ABBREVIATED = {"M": Decimal(10) ** 6, "B": Decimal(10) ** 9}
ABBREVIATED_RE = re.compile(r"([MB])(?![A-Za-z])")
"""A capital M or B right after an amount with a currency sign: million, billion ("$184.6M")."""

USER_SUFFIXES = ("人次", "人", "户", "名")
COUNTERS = {
    "辆": "vehicles",
    "台": "units",
    "单": "orders",
    "笔": "orders",
    "vehicles": "vehicles",
    "units": "units",
    "orders": "orders",
    **dict.fromkeys(["件", "颗", "片", "套", "张", "箱", "瓶"], "items"),
    "吨": "tons",
}
"""Counter words after a number -> what it counts (152,831辆 vehicles, 2.01亿单 orders, 31,607 vehicles,
2.69亿件 items: never money)."""
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+(?:万亿|亿|万|億|萬)"


def _prefix_alternation(prefixes: dict[str, str]) -> str:
    """The currency prefixes as one alternation; one spelled with a Latin letter first starts no word's
    tail ("Rs 5.06" is rupees, "years 2024" holds none)."""
    lettered = [p for p in prefixes if p[:1].isascii() and p[:1].isalpha()]
    others = [p for p in prefixes if p not in lettered]
    return rf"(?<![A-Za-z])(?:{alternation(lettered)})|{alternation(others)}"


@dataclass(frozen=True)
class _AmountPatterns:
    """The amount pattern and currency tables of the current lexicons."""

    amount_re: re.Pattern[str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    unknown_currency_re: re.Pattern[str]
    """A currency word after an amount that the suffixes do not know (越南盾, 泰铢)."""


def _patterns() -> _AmountPatterns:
    return _amount_patterns()


@per_lexicon_set
def _amount_patterns() -> _AmountPatterns:
    money = currencies()
    amount_re = re.compile(
        rf"(?={first_chars(money.prefixes)}|\d|[零〇一二两三四五六七八九十百千])"  # where an amount can start
        rf"(?:(?P<pc>{_prefix_alternation(money.prefixes)})\s*(?P<neg>[-−](?=\d))?)?"
        rf"(?:(?P<num>{_ARABIC})(?P<more1>多|余)?\s*(?P<mag>{alternation(MAGNITUDES)})?"
        r"(?:(?<=亿)(?P<wan>\d,\d{3}|\d{1,4})万(?!亿))?"  # 452亿8,200万元: 45,282,000,000
        rf"|(?P<cn>{_CHINESE}))"
        rf"(?P<more2>多|余)?"
        rf"(?:\s*(?P<sc>{alternation(money.suffixes)}))?"
        rf"(?P<users>{alternation(USER_SUFFIXES)})?"
        rf"(?:\s*(?P<counter>{alternation(COUNTERS)})(?![A-Za-z]))?",
        re.IGNORECASE,
    )
    unknown = re.compile(rf"^\s*(?:[\u4e00-\u9fff]{{1,4}}(?:{alternation(money.unknown_endings)}))")
    return _AmountPatterns(amount_re, money.prefixes, money.suffixes, unknown)


PERCENT_RE = re.compile(
    r"(?P<sign>[-−+负])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|％|个百分点|百分点|个基点|基点|percentage points?\b|pp\b|ppts?\b|pcts?\b|bps?\b|percent\b"
    r"|per\s+cent\b|(?=\s*(?:YoY|QoQ|Y/Y|Q/Q)\s*[)）]))"  # (+72YoY): a signed change in brackets, % left out
    r"|百分之(?P<cn>[零〇一二两三四五六七八九十点]+|\d+(?:\.\d+)?)",  # 百分之十二点五, 百分之6
    re.IGNORECASE,
)
RANGE_AFTER_RE = re.compile(
    r"^\s*(?:%\s*)?(?:[-~～–—]\s*\d|(?:至|到)\s*[-−]?\d+(?:\.\d+)?\s*(?:%|个?百分点))"
)
RANGE_BEFORE_RE = re.compile(r"\d\s*%?\s*(?:[-~～–—]|至|到)\s*$")
_RANGE_AFTER_AT = re.compile(RANGE_AFTER_RE.pattern.removeprefix("^"))
"""RANGE_AFTER_RE matched at a position of the whole text (no copy of the rest of a long line)."""
_SPACE_CHAR = re.compile(r"\s")
_DIGIT_OR_PERCENT = re.compile(r"[\d%]")
_RANGE_FILL_CHAR = re.compile(r"[\s%\-~～–—至到]")
"""The characters RANGE_BEFORE_RE allows after its digit."""


def _run_start(text: str, end: int, char: re.Pattern[str]) -> int:
    """Where the run of characters matching ``char`` that ends at ``end`` starts."""
    while end > 0 and char.match(text, end - 1):
        end -= 1
    return end


@dataclass(frozen=True)
class Amount:
    """A number with its magnitude and currency (or user count), as found in a text."""

    start: int
    end: int
    value: int | float
    """In base units (yuan, dollars, users)."""
    currency: str | None
    """ISO code when written (CNY, USD, HKD, TWD, …), else None."""
    has_magnitude: bool
    """True when a magnitude word (万, 亿, million, …) was written."""
    approximate: bool
    """True for "290多亿" / "300余万" (a 多/余 inside the figure)."""
    chinese: bool
    """True when the number is written in Chinese numerals (百亿)."""
    users: bool
    """True when a people suffix (人, 户, 名) follows."""
    shares: bool = False
    """True when 股 / 份 follows (a share count, not money)."""
    bare_yuan: bool = False
    """True when the only currency written is 元 (the local currency: CNY, or TWD in a Taiwan text)."""
    unknown_currency: bool = False
    """True when a currency word the parser does not know follows (越南盾): its currency is unknown."""
    counter: str | None = None
    """What a counter word after the number counts (辆 -> vehicles, 单 -> orders), else None."""


@dataclass(frozen=True)
class Percent:
    """A percentage or a change in percentage points, as found in a text."""

    start: int
    end: int
    value: float
    """Signed when a sign was written (-3%)."""
    points: bool
    """True for 个百分点 / 基点 (converted to percentage points)."""
    wording: bool = False
    """True for a change written in words (同比持平 = 0, 同比翻倍 = +100)."""


def as_number(value: Decimal) -> int | float:
    """``value`` as an int when integral, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_chinese_numeral(text: str) -> int:
    """Parse a Chinese numeral such as 三千万, 一百二十亿, 两万亿 or 十; raise ValueError if it is not one."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS and ch not in CN_BIG for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:
            big = CN_BIG[ch]
            section += digit or 0
            digit = None
            if big == 10**8 and total and total < 10**8:  # 三万亿: the 万 section scales with 亿
                total = (total + section) * big
            else:
                total += (section or 1) * big
            section = 0
    return total + section + (digit or 0)


def _cn_decimal(text: str) -> Decimal:
    """百分之十二点五 (or 百分之6) digits -> Decimal."""
    if text[:1].isdigit():
        return Decimal(text)
    whole, _, frac = text.partition("点")
    value = Decimal(parse_chinese_numeral(whole) if whole else 0)
    if frac:
        value += Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    return value


def find_amounts(text: str) -> list[Amount]:
    """Every written amount in ``text`` that has a magnitude, a currency or a people suffix."""
    found = []
    patterns = _patterns()
    prefixes, suffixes = patterns.prefixes, patterns.suffixes
    for m in patterns.amount_re.finditer(text):
        if m.group("num") is None and m.group("cn") is None:
            continue
        if (
            m.group("num")
            and m.start("num") > 0
            and (text[m.start("num") - 1].isdigit() or text[m.start("num") - 1] in ".,")
        ):
            continue
        extra = 0
        currency = prefixes.get(_canon(m.group("pc"), prefixes)) if m.group("pc") else None
        if m.group("sc") and not (currency and m.group("sc") == "元"):  # 新台币8,686亿元 stays TWD
            currency = suffixes[_canon(m.group("sc"), suffixes)]
        if m.group("cn"):
            try:
                value = Decimal(parse_chinese_numeral(m.group("cn")))
            except ValueError:
                continue
            magnitude = True
        else:
            value = Decimal(m.group("num").replace(",", ""))
            if m.group("neg"):
                value = -value  # "$-0.34": a sign after the currency
            mag = m.group("mag")
            if mag == "兆" and not (m.group("sc") or m.group("pc")):
                continue
            magnitude = bool(mag)
            if mag:
                value *= MAGNITUDES[_canon(mag, MAGNITUDES)]
            elif m.group("pc") and m.end() == m.end("num") and (abbr := ABBREVIATED_RE.match(text, m.end())):
                value *= ABBREVIATED[abbr.group(1)]  # "$184.6M", "US$20.2B": after a currency sign only
                magnitude, extra = True, 1
            if m.group("wan"):
                value += Decimal(m.group("wan").replace(",", "")) * 10_000
        users = bool(m.group("users")) and currency is None
        counter = (
            COUNTERS[m.group("counter")] if m.group("counter") and currency is None and not users else None
        )
        if not (magnitude or currency or users or counter):
            continue
        end = m.end() + extra
        if m.group("counter") and not counter:
            end = m.start("counter")
        if m.group("users") and not users:
            end = m.start("users")
        found.append(
            Amount(
                start=m.start(),
                end=end,
                value=as_number(value),
                currency=currency,
                has_magnitude=magnitude,
                approximate=bool(m.group("more1") or m.group("more2")),
                chinese=bool(m.group("cn")),
                users=users,
                shares=currency is None and bool(re.match(r"\s*(股|份)", text[end:])),
                bare_yuan=not m.group("pc") and (m.group("sc") or "") == "元",
                unknown_currency=currency is None and bool(patterns.unknown_currency_re.match(text[end:])),
                counter=counter,
            )
        )
    return found


def _canon(word: str, table: dict) -> str:
    """The key of ``table`` that ``word`` spells, ignoring case."""
    if word in table:
        return word
    return next(k for k in table if k.lower() == word.lower())


def _range_after(text: str, at: int, unit: str | None) -> bool:
    """True when the text from ``at`` makes the percentage before it a range's first end (60%至70%,
    1至2个百分点); a change in points before a level in percent is none (增5.3个百分点至70.3%)."""
    m = _RANGE_AFTER_AT.match(text, at)
    if m is None:
        return False
    unit = re.sub(r"^per\s+cent$", "percent", (unit or "%").lower())
    points_first = unit not in ("%", "％") and not unit.startswith("percent")
    return not (points_first and m.group(0).rstrip().endswith(("%", "％")))


def find_percents(text: str) -> list[Percent]:
    """Every percentage (or percentage-point change) in ``text``; ranges such as 60%-70% are skipped."""
    found = []
    for m in PERCENT_RE.finditer(text):
        if m.group("cn"):
            try:
                value = _cn_decimal(m.group("cn"))
            except (ValueError, KeyError):
                continue
            found.append(Percent(m.start(), m.end(), as_number(value), points=False))
            continue
        # the look-backs read only the run of spaces (or range marks) before the figure and the
        # character before it, and the look-ahead matches in place: linear on a long line
        spaces = _run_start(text, m.start(), _SPACE_CHAR)
        if m.group("sign") and spaces > 0 and _DIGIT_OR_PERCENT.match(text, spaces - 1):
            continue  # 60%-70%: the second end of a range
        fill = _run_start(text, m.start(), _RANGE_FILL_CHAR)
        if RANGE_BEFORE_RE.search(text, max(0, fill - 1), m.start()):
            continue
        if _range_after(text, m.end(), m.group("unit")):
            continue
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
            continue
        bracketed = m.group("sign") in ("+", "-") and text[m.start() - 1 : m.start()] in "(（"
        if not m.group("unit") and not bracketed:
            continue  # a bare number before YoY is a percentage only as a signed change right after a bracket
        value = Decimal(m.group("num").replace(",", ""))
        unit = re.sub(r"^per\s+cent$", "percent", m.group("unit").lower())  # "per cent": British
        if "基点" in unit or unit.startswith("bp"):
            value /= 100
        if m.group("sign") in ("-", "−", "负"):
            value = -value
        points = unit not in ("%", "％", "percent", "")
        found.append(Percent(m.start(), m.end(), as_number(value), points=points))
    return found
