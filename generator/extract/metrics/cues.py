"""Scope cues: which period a text names (a quarter, a half year, the year, a month…).

The cue patterns live in the ``scope_cues`` section of ``generator/lexicon/data/metrics.yaml``;
a quarter named by a Chinese digit is read with :data:`generator.extract.numbers.CN_DIGITS`, one
named by a word (首季, 次季) with the lexicon's ``quarter_words``.
"""

from __future__ import annotations

import re
from typing import Any

from generator.extract.metrics.shapes import Cue
from generator.extract.numbers import CN_DIGITS


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
        self._res = [
            (scope, re.compile(p, re.IGNORECASE)) for scope, ps in data["scope_cues"].items() for p in ps
        ]
        digits = {ch: n for ch, n in CN_DIGITS.items() if 1 <= n <= 4}
        self._quarters: dict[str, int] = {**digits, **(data.get("quarter_words") or {})}

    def find(self, text: str) -> list[Cue]:
        """Every scope cue in ``text`` (except those inside 上季度 / 上年同期 wording or a metric word)."""
        priors = [(m.start(), m.end()) for m in self._prior_re.finditer(text)]
        words = [(m.start(), m.end()) for m in self._words_re.finditer(text)]
        cues = []
        for scope, rx in self._res:
            for m in rx.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in priors):
                    continue
                if any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in words):
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

    def nearest(self, text: str, pos: int) -> Cue | None:
        """The scope cue that ends nearest before ``pos`` (the longest one on ties)."""
        before = [c for c in self.find(text) if c.end <= pos]
        return max(before, key=lambda c: (c.end, -c.start), default=None)

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
            year = int(groups["y"]) if "y" in groups else 2000 + int(groups["yy"])
            fiscal = fiscal or "财年" in m.group(0)
        return Cue(m.start(), m.end(), scope, quarter, year, fiscal)

    def _quarter(self, text: str) -> int:
        return self._quarters.get(text) or int(text)
