"""Review notes as readers see them: the extractor's notes (English, with metric ids) told in
plain Chinese, each note's line kept so the page can link it.

The extractor writes its notes for developers (``line 103: repurchase_authorization_remaining
300亿 has no currency; USD assumed``); the call page says the same in Chinese (``第 103 行：剩余回购
额度 300亿 没有写明币种，按美元处理，请核对。``). :data:`NOTES` is the one map from the wording
of a note to the reader's sentence: a pattern (its named groups are the note's variable parts)
and a template. A group named ``metric`` is shown by its Chinese name, ``unit`` by the unit's
name, ``scope`` by the scope's label; ``listed`` has its ``(line N)`` read as ``（第 N 行）``. A
note no pattern knows is shown as a plain request to check the line, never in English.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.site import format

LINE = re.compile(r"^line (\d+):\s*", re.IGNORECASE)
"""The line a note names, at its start (``line 12: …``)."""

NOTES: tuple[tuple[str, str], ...] = (
    (r"company not recognised\b.*", "未能识别这场电话会的公司，请人工确认。"),
    (
        r"company (?P<name>.+?) is not in the companies lexicon\b.*its fiscal year is taken to start in "
        r"(?P<month>[a-z]+): periods\.yaml's fiscal_year_starts lists it\)",
        "公司“{name}”不在公司名录中，名称取自标题或股票代码，请核对；其财年按{month}开始处理（财年起始月份表所列）。",
    ),
    (
        r"company (?P<name>.+?) is not in the companies lexicon\b.*its fiscal year is taken to start in "
        r"(?P<month>[a-z]+): the text states a quarter's or the year's end\)",
        "公司“{name}”不在公司名录中，名称取自标题或股票代码，请核对；其财年按{month}开始处理（原文写明了季度或年度的截止日）。",
    ),
    (
        r"company (?P<name>.+?) is not in the companies lexicon\b.*its fiscal year is taken to start in "
        r"(?P<month>[a-z]+): the text's fiscal labels would not have ended by its date otherwise\)",
        "公司“{name}”不在公司名录中，名称取自标题或股票代码，请核对；其财年按{month}开始处理（原文的财季标注只有这样才早于其日期）。",
    ),
    (
        r"company (?P<name>.+?) is not in the companies lexicon\b.*",
        "公司“{name}”不在公司名录中，名称取自标题或股票代码，请核对；其财年按自然年处理。",
    ),
    (r"fiscal period not found in the text", "原文中没有找到财期，请核对。"),
    (
        r"the text states no date: its year \((?P<year>\d{4})\) was inferred from context.*",
        "原文没有写明日期：年份（{year} 年）是根据上下文推断的，由此得出的财期和日期是推测，请核对。",
    ),
    (
        r"the call date (?P<date>[\d-]+) is a guess: the text gives only the day \((?P<day>[^)]*)\).*",
        "电话会日期 {date} 是推测：原文只写了日（{day}），月份取财期结束后该日为工作日的第一个月。",
    ),
    (
        r"(?P<metric>\w+) taken from a (?:link or )?headline line.*",
        "{metric}取自链接或标题行（网页模板文字），请核对。",
    ),
    (
        r"(?P<metric>\w+) (?P<figure>.+?) is the total of something completed in (?P<cue>.+?), "
        r"not this period's; left out",
        "{metric} {figure} 是{cue}已完成事项的累计数，不是本期数值，未计入。",
    ),
    (
        r"(?P<metric>\w+) (?P<figure>.+?) is in a currency the reader does not know; left out",
        "{metric} {figure} 的币种无法识别，未计入。",
    ),
    (
        r"(?P<metric>\w+) (?P<figure>.+?) has no currency; (?P<unit>\w+) assumed",
        "{metric} {figure} 没有写明币种，按{unit}处理，请核对。",
    ),
    (
        r"several values for (?P<metric>[a-z_]+)(?:/(?P<segment>[^/]+))?/(?P<scope>[a-z_]+|-): "
        r"(?P<listed>.+)",
        "{metric}{segment}{scope}有多个数值：{listed}，请核对。",
    ),
    (
        r"(?P<metric>\w+) (?P<figure>.+?) left out: the \w+ for (?:the period|(?P<scope>[a-z_]+)) is "
        r"(?P<keep>.+?) \(line (?P<other>\d+)\)",
        "{metric} {figure} 未计入：{scope}{metric}取第 {other} 行的 {keep}。",
    ),
    (
        r"(?P<metric>\w+) (?P<figure>.+?) is guidance or an outlook, not a reported figure; left out",
        "{metric} {figure} 是指引或展望，不是已公布的数值，未计入指标。",
    ),
    (
        r"(?P<unclear>.+?): the words before the metric name no clear business line; its figure is left out",
        "“{unclear}”中指标名称前的文字不是明确的业务线，该数值未计入。",
    ),
    (
        r"(?P<business>.+?) (?P<metric>\w+): only a change given as a bound .*no value; left out",
        "{business}{metric}只给出了变动的界限（超过……），没有数值，未计入。",
    ),
    (r"correction not applied: .*", "有一项人工更正未能应用，请检查 content/corrections/ 中的更正文件。"),
)
"""(pattern of the note after its ``line N:``, the reader's sentence): the first that matches
the whole note is used."""

UNKNOWN = "生成器对这一处没有把握，请对照原文核对。"
"""What a note no pattern knows says (its line still linked); a note already in Chinese (one a
person wrote in a corrections file) is shown as written."""
ENGLISH = re.compile(r"[A-Za-z]{3,}")

_LISTED_LINE = re.compile(r"\s*\(line (\d+)\)")


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
"""English month names -> their number (a fiscal year's first month, 四月 for April)."""


def _scope(scope: str | None) -> str:
    return "" if not scope or scope == "-" else format.scope_label(scope)


SHOWN: dict[str, Callable[[str | None], str]] = {
    "metric": lambda v: format.metric_name(v) if v else "",
    "unit": lambda v: format.unit_name(v) if v else "",
    "scope": _scope,
    "segment": lambda v: f"（{v}）" if v else "",
    "month": lambda v: f"{_MONTHS.get((v or '').lower(), v)}月",
    "listed": lambda v: _LISTED_LINE.sub(r"（第 \1 行）", v or "").replace(", ", "、"),
}
"""How a named part of a note is shown (as is when not listed here)."""

_COMPILED = tuple((re.compile(p, re.IGNORECASE), t) for p, t in NOTES)


@dataclass(frozen=True)
class Note:
    """A review note as the page shows it."""

    line: int | None
    """The source line the note names, or None."""
    text: str
    """The note in plain Chinese, without its line."""
    known: bool
    """False when no pattern of :data:`NOTES` knows the note (the plain fallback is shown)."""


def reader_note(note: str) -> Note:
    """A review note of a summary, told in Chinese, with the line it names."""
    text = format.one_line(note)
    m = LINE.match(text)
    line = int(m.group(1)) if m else None
    rest = text[m.end() :] if m else text
    for pattern, template in _COMPILED:
        found = pattern.fullmatch(rest)
        if found:
            parts = {k: SHOWN.get(k, lambda v: v or "")(v) for k, v in found.groupdict().items()}
            return Note(line, template.format(**parts), True)
    if rest and not ENGLISH.search(rest):
        return Note(line, rest, True)  # written in Chinese already
    return Note(line, UNKNOWN, False)
