"""Scope cues: which period a text names (a quarter, a half year, the year, a month…).

The cue patterns live in the ``scope_cues`` section of ``generator/lexicon/data/metrics.yaml``;
a quarter named by a Chinese digit is read with :data:`generator.extract.numbers.CN_DIGITS`, one
named by a word (首季, 次季) with the lexicon's ``quarter_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from generator.extract.metrics.shapes import Cue
from generator.extract.numbers import CN_DIGITS
from generator.lexicon.words import longest_first

MEMO_TEXTS = 64
"""How many texts' cues are kept (a line is asked about once per figure, then not again)."""


@dataclass(frozen=True)
class _Read:
    """The scope cues of one text: as found, and sorted by (end, -start) with their ends."""

    found: tuple[Cue, ...]
    by_end: tuple[Cue, ...]
    ends: list[int]


class _Spans:
    """Non-overlapping [start, end) spans in order (as ``finditer`` gives them), asked by bisection."""

    def __init__(self, spans: Any) -> None:
        pairs = list(spans)
        self._starts = [s for s, _ in pairs]
        self._ends = [e for _, e in pairs]

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span overlaps [start, end)."""
        i = bisect_right(self._ends, start)  # the first span ending after ``start``
        return i < len(self._starts) and self._starts[i] < end

    def holds_start(self, start: int) -> bool:
        """True when a span starts at or before ``start`` and ends after it."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._ends[i] > start

    def strictly_holds(self, start: int, end: int) -> bool:
        """True when a longer span holds [start, end) whole."""
        i = bisect_right(self._starts, start) - 1  # the last span starting at or before ``start``
        if i < 0:
            return False
        s, e = self._starts[i], self._ends[i]
        return end <= e and e - s > end - start


class ScopeCues:
    """The scope-cue patterns of the metrics lexicon, ready to match against ``Line.norm``."""

    def __init__(self, data: dict[str, Any], prior_re: re.Pattern[str], words_re: re.Pattern[str]) -> None:
        """``prior_re`` finds earlier-period wording (上季度), ``words_re`` metric words (年度股息):
        a cue inside either is no cue."""
        self._prior_re = prior_re
        self._words_re = words_re
        compare = data.get("comparison_words") or {}
        self._compare_before: list[str] = compare.get("before", [])
        self._compare_after: list[str] = compare.get("after", [])
        self._same_period: list[str] = compare.get("same_period", [])
        self._contrast: list[str] = compare.get("contrast", [])
        self._res = [
            (scope, re.compile(p, re.IGNORECASE)) for scope, ps in data["scope_cues"].items() for p in ps
        ]
        digits = {ch: n for ch, n in CN_DIGITS.items() if 1 <= n <= 4}
        self._quarters: dict[str, int] = {**digits, **(data.get("quarter_words") or {})}
        self._months: dict[str, int] = {
            str(k).lower(): int(v) for k, v in (data.get("month_words") or {}).items()
        }
        self._memo: OrderedDict[str, _Read] = OrderedDict()
        after = longest_first(data.get("after_figure_scope_words") or [])
        self._after_re = (
            re.compile(
                r"\s*(?:[(（][^()（）]*[)）])?\s*,?\s*(?:" + "|".join(re.escape(w) for w in after) + r")\s+$",
                re.IGNORECASE,
            )
            if after
            else None
        )

    def find(self, text: str) -> list[Cue]:
        """Every scope cue in ``text`` (except those inside 上季度 / 上年同期 wording or a metric word),
        in the order of the scope patterns."""
        return list(self._read(text).found)

    def _read(self, text: str) -> _Read:
        """The cues of ``text``, read once per text: asking for the cue before each figure of a long
        line then stays linear in the line."""
        hit = self._memo.get(text)
        if hit is not None:
            self._memo.move_to_end(text)
            return hit
        found = tuple(self._scan(text))
        order = sorted(range(len(found)), key=lambda i: (found[i].end, -found[i].start, -i))
        by_end = tuple(found[i] for i in order)  # of equal spans the first found comes last, as max() has it
        read = _Read(found, by_end, [c.end for c in by_end])
        self._memo[text] = read
        if len(self._memo) > MEMO_TEXTS:
            self._memo.popitem(last=False)
        return read

    def _scan(self, text: str) -> list[Cue]:
        priors = _Spans(m.span() for m in self._prior_re.finditer(text))
        words = _Spans(m.span() for m in self._words_re.finditer(text))
        cues = []
        for scope, rx in self._res:
            for m in rx.finditer(text):
                if priors.holds_start(m.start()):
                    continue  # 上季度: no cue; but 2023年同期 still names 2023
                if words.strictly_holds(m.start(), m.end()):
                    continue  # 年度股息: part of a metric's name, not a period
                if self._compared(text, m.start(), m.end()):
                    continue  # 较一季度的91.7%: the period compared with, not the figure's
                cues.append(self._cue(scope, m))
        return cues

    def _compared(self, text: str, start: int, end: int) -> bool:
        """True when the period at [start, end) is named as a comparison (较一季度, 与上半年相比)."""
        before = text[max(0, start - 3) : start].rstrip()
        after = text[end : end + 4].lstrip()
        return any(before.endswith(w) for w in self._compare_before) or any(
            after.startswith(w) for w in self._compare_after
        )

    def compared(self, text: str, start: int, end: int) -> list[Cue]:
        """The periods named as a comparison in [start, end) ("up 26.5% year over year compared to
        Q2 2024"), in order; ``find`` leaves them out."""
        cues = []
        for scope, rx in self._res:
            for m in rx.finditer(text, start, end):
                if self._compared(text, m.start(), m.end()):
                    cues.append(self._cue(scope, m))
        return sorted(cues, key=lambda c: (c.start, -c.end))

    def names_same_period(self, text: str, cue: Cue) -> bool:
        """True when the cue is followed by 同期 (2024年同期): the period compared with."""
        return any(text.startswith(w, cue.end) for w in self._same_period)

    def opens_contrast(self, text: str, cue: Cue) -> bool:
        """True when the cue opens a contrast clause (而2021年上半年为…): the period compared with."""
        before = text[max(0, cue.start - 3) : cue.start].rstrip()
        return any(before.endswith(w) for w in self._contrast)

    def following(self, text: str, pos: int) -> Cue | None:
        """The scope cue written right after a figure ending at ``pos``, English style: "RMB10.5 billion
        (US$1.4 billion) for the second quarter of 2024", "EPS of NT$1.48, in the second quarter"; None
        when other words come between."""
        if self._after_re is None:
            return None
        read = self._read(text)
        starts = sorted((c for c in read.found if c.start >= pos), key=lambda c: (c.start, -c.end))
        if not starts or not self._after_re.fullmatch(text[pos : starts[0].start] + " "):
            return None
        return starts[0]

    def nearest(self, text: str, pos: int) -> Cue | None:
        """The scope cue that ends nearest before ``pos`` (the longest one on ties)."""
        read = self._read(text)
        i = bisect_right(read.ends, pos)
        return read.by_end[i - 1] if i else None

    def _cue(self, scope: str, m: re.Match[str]) -> Cue:
        groups = {k: v for k, v in m.groupdict().items() if v}
        quarter = year = None
        fiscal = False
        if "fq" in groups:
            quarter, fiscal = self._quarter(groups["fq"]), True
        elif "q" in groups or "q2" in groups or "q3" in groups:
            quarter = self._quarter(groups.get("q") or groups.get("q2") or groups["q3"])
            fiscal = "财年" in m.group(0)
        if "fy" in groups or "fy2" in groups:
            y = int(groups.get("fy") or groups["fy2"])
            year, fiscal = (y + 2000 if y < 100 else y), True
        elif "y" in groups or "yy" in groups:
            year = _year(groups["y"]) if "y" in groups else 2000 + int(groups["yy"])
            fiscal = fiscal or "财年" in m.group(0)
        month = self._months.get(groups["mon"].lower()) if "mon" in groups else None
        return Cue(m.start(), m.end(), scope, quarter, year, fiscal, month)

    def _quarter(self, text: str) -> int:
        return self._quarters.get(text) or self._quarters.get(text.lower()) or int(text)


_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")


def _year(text: str) -> int:
    """A year written in Arabic digits or in Chinese numerals digit by digit (二零二五 -> 2025)."""
    return int(text.translate(_DIGITS))
