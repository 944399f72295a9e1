"""The scope cue a line inherits from its paragraph or heading, and how a text numbers quarters.

A line without a scope cue of its own takes the last cue of the nearest earlier line (within
:data:`INHERIT_LINES`), or the cue of the heading above it; a text whose company has a fiscal
year not starting in January may still name quarters by the calendar.
"""

from __future__ import annotations

import re
from datetime import date

from generator.extract.metrics.rules import Rules
from generator.extract.metrics.shapes import Cue
from generator.model import Document, Period


def calendar_quarter(period: Period) -> int | None:
    """The calendar quarter (1-4) in which the period ends, or None when its end is unknown."""
    return (period.period_end.month - 1) // 3 + 1 if isinstance(period.period_end, date) else None


def quarters_are_calendar(doc: Document, period: Period, fiscal_start: int, rules: Rules) -> bool:
    """True when the text names quarters by calendar (四季度 for Oct-Dec) rather than by fiscal quarter."""
    cal = calendar_quarter(period)
    if fiscal_start == 1 or cal is None or cal == period.fiscal_quarter:
        return True
    for line in doc.lines:
        for cue in rules.cues.find(line.norm):
            if cue.quarter is not None and not cue.fiscal and cue.quarter == cal:
                return True
    return False


HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s|【[^】]*】\s*(?:[(（][^)）]*[)）])?\s*$|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


HEADING_TAIL_RE = re.compile(
    r"^[^，,。:：;；!?！？、]{2,20}(?:概览|概况|回顾|摘要|要点|亮点|业绩|表现|财务数据)$"
)
"""A short unpunctuated line that ends as a section title does (2024年全年业绩概览)."""


EN_HEADING_TAIL_RE = re.compile(
    r"^[A-Za-z0-9][^.,;:!?。]{0,40}\b(?:Highlights|Results|Overview|Summary)(?:\s*[\[(]\d{1,2}[\])])?$"
)
"""An English section title, capitalised as titles are: "1H2019 Key Highlights", "Second Quarter 2024
Highlights[1]", "Fourth Quarter Financial Results"."""


INHERIT_LINES = 12
"""How many lines back a line without a scope cue looks for the cue of its paragraph or heading."""


def _is_heading(text: str) -> bool:
    """True for a heading line: Markdown #, 【…】, 一、…, (一)…, short and without a full stop."""
    stripped = text.strip()
    return (
        bool(stripped)
        and len(stripped) <= 40
        and "。" not in stripped
        and bool(
            HEADING_RE.match(stripped)
            or HEADING_TAIL_RE.match(stripped)
            or EN_HEADING_TAIL_RE.match(stripped)
        )
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
        cues = rules.cues.find(line.norm)
        cue = max(cues, key=lambda c: (c.end, c.end - c.start)) if cues else None
        if _is_heading(line.norm):
            heading, last = cue, None  # a heading's period holds until the next heading
        elif cue is not None:
            last = (cue, line.number)
    return out
