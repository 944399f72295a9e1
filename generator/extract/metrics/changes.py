"""Change wording: whether a percentage is a change or a level, an amount a delta or an earlier
period's, a figure approximate or a loss.

The wording (同比, 环比, 增长, 下降, 至, 上年同期, 近, 左右…) lives in
``generator/lexicon/data/metrics.yaml``; this module only turns it into matchers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.extract.metrics.patterns import pattern, regex
from generator.extract.numbers import CN_DIGITS, Amount, Percent, as_number, find_percents
from generator.lexicon.words import guarded, longest_first

NEAR_DIRECTION = 6  # at most this many characters between 增长 and its percentage
PERCENT_END_RE = re.compile(
    r"\d\s*(?:%|％|个百分点|百分点|percentage points?\b|percent\b|per\s+cent\b)", re.IGNORECASE
)


CHANGE_AMOUNT_GAP = re.compile(
    r"\s*(?:人民币|港币|港元|美元|新台币|RMB|US\$|HK\$|NT\$)?\s*[\d.,]{1,20}\s*(?:万亿|亿|万|千|百万)?\s*"
    r"(?:元|美元|港元|港币|新台币)?\s*[(（]?\s*(?:即|或|,\s*即)\s*"
)
"""Between a direction and a rate: the change's amount, then 即/或 (减少人民币185.48亿元(即…)."""


SENTENCE_STOP = re.compile(r"[。;；!?！？]")
"""Where a sentence (or a ;-separated part of one) ends."""


class ChangeWording:
    """The change wording of the metrics lexicon, ready to match against ``Line.norm``."""

    def __init__(self, data: dict[str, Any]) -> None:
        up, down = data["up_words"], data["down_words"]
        self.yoy_re = regex(data["yoy_cues"])
        self.qoq_re = regex(data["qoq_cues"])
        self.up_re = regex(up)
        self.down_re = regex(down)
        self.direction_re = regex(up + down)
        self._up = {w.lower() for w in up}
        self.prior_re = regex(data["prior_markers"])
        phrases = (data.get("subjects") or {}).get("period_phrases", [])
        self._period_end_re = re.compile("|".join(f"(?:{p})" for p in phrases)) if phrases else None
        self._last_year = {w.lower() for w in data.get("last_year_words", [])}
        closing = data.get("closing_period_after_last_year") or []
        self._closing_re = re.compile("|".join(closing), re.IGNORECASE) if closing else None
        own_year = data.get("last_year_own") or {}
        self._last_year_compared = longest_first(own_year.get("compared_after", []))
        self._last_year_not_own = longest_first(own_year.get("not_own_before", []))
        self.to_words: list[str] = data["to_words"]
        self.approx_before: list[str] = longest_first(data["approx_before"])
        self._approx_after = data["approx_after"]
        self._list_re = regex(data["list_cues"])
        self._rate_nouns = longest_first(data.get("rate_nouns", []))
        self._flat_re = regex(data.get("flat_words", []))
        self._double_re = regex(data.get("double_words", []))
        self._hedges = data.get("hedges", [])
        change_words = data.get("flat_words", []) + data.get("double_words", [])
        self._reset_re = regex(up + down + data["reset_words"] + data["current_markers"] + change_words)
        self._from_words: list[str] = data.get("from_words", [])
        frames = data.get("change_frames") or {}
        self._frames = [
            (kind, re.compile("|".join(f"(?:{p})" for p in pats))) for kind, pats in frames.items() if pats
        ]
        self._frame_reach = int(data.get("change_frame_reach", 60))
        declarations = data.get("basis_declarations") or []
        self._declaration_res = [re.compile(d, re.IGNORECASE) for d in declarations]
        self._declared: dict[str, list[tuple[int, str]]] = {}
        self._from_period_re = re.compile(data["from_period"]) if data.get("from_period") else None
        self._loss_re = regex(data.get("loss_cues", []))
        self._profit_re = regex(data.get("profit_cues", []))
        to_ish = [w for w in up + down if w[-1:] in ("至", "到")]
        direction = [w for w in up + down if w not in to_ish]
        multiple = data.get("multiple_words", [])
        self._times_re = (
            guarded(
                rf"(?:{pattern(direction)})\s*了?\s*(?:{pattern(data['approx_before'])})?\s*"
                rf"(?P<num>\d+(?:\.\d+)?)\s*(?:{pattern(multiple)})",
                direction,
                re.IGNORECASE,
            )
            if multiple
            else None
        )
        tenth = data.get("tenth_words", [])
        self._tenths_re = (
            guarded(
                rf"(?:{pattern(direction)})\s*了?\s*(?:{pattern(data['approx_before'])})?\s*"
                rf"(?<![\d.])(?P<tens>[一二两三四五六七八九1-9]|半)\s*(?:{pattern(tenth)})(?P<units>[一二三四五六七八九])?"
                r"(?![长本员交立功为果熟])",  # 年减7成: -70%; not 成长, 成本
                direction,
            )
            if tenth
            else None
        )
        self._delta_re = re.compile(
            rf"(?:{pattern(direction)})\s*(?:了|by|of)?\s*(?:{pattern(data['approx_before'])})?\s*$",
            re.IGNORECASE,
        )

    @staticmethod
    def ends_with(text: str, cues: list[str]) -> bool:
        """True when ``text`` (stripped) ends with one of ``cues``."""
        text = text.rstrip()
        return any(text.endswith(c) for c in cues)

    def is_list(self, text: str) -> bool:
        """True when ``text`` announces a list of figures for several periods (分别为)."""
        return bool(self._list_re.search(text))

    def is_prior(self, before: str, closes_year: bool = False, whole_year: bool = False) -> bool:
        """True when the figure right after ``before`` is an earlier period's (上年同期的2055.55亿元).

        ``closes_year``: the call is of a year's last quarter or of the year, held in the next year;
        there 去年第四季度 / 去年全年 names its own period. ``whole_year``: the call is of a whole
        calendar year; there 去年 opening the figure's own words (去年纯利108亿元, not 较去年的) names it."""
        if self._period_end_re is not None:  # 截至去年底止全年: the end of the period reported
            before = self._period_end_re.sub(lambda m: " " * len(m.group(0)), before)
        last = None
        for m in self.prior_re.finditer(before):
            last = m
        if last is None:
            return False
        if closes_year and last.group(0).lower() in self._last_year and self._closing_re is not None:
            if self._closing_re.match(before[last.end() :].lstrip()):
                return False
            if whole_year and self._names_own_year(before[: last.start()], before[last.end() :]):
                return False
        return not self._reset_re.search(before[last.end() :])

    def _names_own_year(self, before: str, after: str) -> bool:
        """True when 去年, between ``before`` and ``after``, names the year a whole-year call reports:
        it opens the figure's own words (去年纯利108.28亿元, 去年经营收入5294亿元) rather than being
        compared with (较去年, 去年的, 去年为) or naming a part of that year (去年底, 去年第三季)."""
        if any(before.rstrip().endswith(w) for w in self._last_year_compared):
            return False
        after = after.lstrip()
        if not after:
            return True  # 去年 right before the metric word
        if not re.match(r"[\u4e00-\u9fff]", after):
            return False
        return not any(after.startswith(w) for w in self._last_year_not_own)

    def approximate(self, text: str, amount: Amount, sentence_start: int) -> bool:
        """True when 近/约/超过… stands just before ``amount`` or 左右 just after it."""
        before = text[sentence_start : amount.start].rstrip()
        if any(before.endswith(w) for w in self.approx_before):
            return True
        after = text[amount.end :].lstrip()
        return any(after.startswith(w) for w in self._approx_after)

    def change_of(self, text: str, pct: Percent, clause_start: int) -> tuple[str, float] | None:
        """("yoy" | "qoq" | "pp", signed value) when ``pct`` is a change; None when it is a level."""
        before = self._after_last_percent(text[clause_start : pct.start])
        if self.ends_with(before, self.to_words) and not self._rate_before_to(before):
            return None  # 增长至20.5%: a level (but 增幅为8% is a change)
        direction = None
        for m in self.direction_re.finditer(before):
            gap = before[m.end() :]
            if len(gap.strip()) <= NEAR_DIRECTION and not re.search(r"\d", gap):
                direction = m.group(0).lower()
        if direction is None:  # 减少人民币185.48亿元(即-19.9%), 增加50亿元或12%: the amount, then the rate
            for m in self.direction_re.finditer(before):
                if CHANGE_AMOUNT_GAP.fullmatch(before[m.end() :]):
                    direction = m.group(0).lower()
        if direction is None and re.search(r"(?<![A-Za-z])by\s*$", before, re.I):
            found = list(self.direction_re.finditer(before))  # boost Xiaomi's revenue by 30.5 per cent
            direction = found[-1].group(0).lower() if found else None
        if direction is None:
            basis = rf"(?:(?:{self.yoy_re.pattern}|{self.qoq_re.pattern})\s*)?"  # a 12% sequential decline
            after = re.match(
                r"\s*的?" + basis + r"[^,。;!?]{0,8}?(" + self.direction_re.pattern + ")",
                text[pct.end :],
                re.I,
            )
            if after and not re.search(r"\d", after.group(0)) and not self._next_change(text, pct.end):
                direction = after.group(1).lower()
        if direction is None and not pct.points:
            signed = self._signed_in_bracket(text, pct)
            if signed is not None:
                return signed, float(pct.value)  # 收入101.04亿元(+7.7%,以下均为同比口径)
        tail = re.match(r"[^,;。!?]{0,30}", text[pct.end :])
        following = tail.group(0) if tail else ""  # up 8% year over year: English names the period after
        if self._next_change(text, pct.end):
            following = ""
        if direction is None and not self.yoy_re.search(before) and not self.qoq_re.search(before):
            cues = [m for m in (self.yoy_re.search(following), self.qoq_re.search(following)) if m]
            first = min(cues, key=lambda m: m.start()) if cues else None
            if first is not None and (
                re.search(r"\d", following[: first.start()])
                or re.match(r"\s*的?\s*[-+]?\d", following[first.end() :])
            ):
                return None  # 毛利率16.2% 较上年同期16.5%保持稳定: the wording compares with the next figure
        qoq = self.qoq_re.search(before) or (not self.yoy_re.search(before) and self.qoq_re.search(following))
        yoy = self.yoy_re.search(before) or self.yoy_re.search(following)
        framed = None if (pct.points or qoq or yoy) else self._framed_basis(text, clause_start)
        if pct.points:
            kind = "pp"
        elif qoq or framed == "qoq":
            kind = "qoq"
        elif yoy or framed == "yoy" or direction is not None:
            kind = "yoy"
        else:
            return None
        if direction is None and not yoy and not qoq:
            return None
        value = float(pct.value)
        if direction is not None and direction not in self._up:
            value = -abs(value)
        return kind, value

    def _framed_basis(self, text: str, clause_start: int) -> str | None:
        """The basis ("qoq" | "yoy") a comparison framed just before the clause names (与上一季营收
        123.49亿元相较，营收约增加2%), within the sentence and ``change_frame_reach`` characters."""
        window = text[max(0, clause_start - self._frame_reach) : clause_start]
        stops = [m.end() for m in SENTENCE_STOP.finditer(window)]
        window = window[stops[-1] :] if stops else window
        found = [(m.end(), kind) for kind, rx in self._frames for m in rx.finditer(window)]
        return max(found)[1] if found else None

    def _signed_in_bracket(self, text: str, pct: Percent) -> str | None:
        """ "yoy" | "qoq" for a percentage written with its sign right after an opening bracket
        ((+26.9%)) when that bracket or a declaration before it in the line names the basis
        (以下均为同比口径); None otherwise."""
        near = text[max(0, pct.start - 12) : pct.start].rstrip()  # bounded: linear on a long line
        if text[pct.start : pct.start + 1] not in "+-−" or not near.endswith(("(", "（")):
            return None
        if near[:-1].rstrip().endswith(("%", "％")):
            return None  # 毛利率50%(+1.2%): points or a relative change, the text does not say
        inside = re.match(r"[^()（）]{0,40}", text[pct.end :])
        bracket = inside.group(0) if inside else ""
        qoq, yoy = self.qoq_re.search(bracket), self.yoy_re.search(bracket)
        if qoq or yoy:
            return "qoq" if qoq and not (yoy and yoy.start() < qoq.start()) else "yoy"
        stated = [b for end, b in self._declarations(text) if end <= pct.end + len(bracket)]
        if not stated:
            return None
        return "qoq" if self.qoq_re.fullmatch(stated[-1]) else "yoy"

    def _declarations(self, text: str) -> list[tuple[int, str]]:
        """Where each basis declaration of ``text`` ends and its basis word, read once per text."""
        found = self._declared.get(text)
        if found is None:
            found = sorted((m.end(), m.group("b")) for rx in self._declaration_res for m in rx.finditer(text))
            if len(self._declared) > 64:
                self._declared.clear()
            self._declared[text] = found
        return found

    def _next_change(self, text: str, end: int) -> bool:
        """True when a yoy/qoq cue, a direction and a number follow ``end`` (48.56%同比下降0.88个百分点):
        that wording is the next figure's, not the one ending at ``end``."""
        cue = rf"(?:{self.yoy_re.pattern}|{self.qoq_re.pattern})"
        return bool(
            re.match(rf"\s*{cue}\s*(?:{self.direction_re.pattern})[^\d,。;!?\[]{{0,3}}\d", text[end:], re.I)
        )

    def _after_last_percent(self, before: str) -> str:
        """``before`` from the end of its last percentage (and the yoy/qoq wording right after it) on:
        an earlier change's wording (down 5.5% sequentially but rising 7.8% year-over-year) is not
        the next one's."""
        last = max(PERCENT_END_RE.finditer(before), key=lambda m: m.end(), default=None)
        if last is None:
            return before
        rest = before[last.end() :]
        for rx in (self.yoy_re, self.qoq_re):
            cue = re.match(r"\s*(?:" + rx.pattern + ")", rest, re.IGNORECASE)
            if cue and not re.match(r"\s*(?:" + self.direction_re.pattern + ")", rest[cue.end() :], re.I):
                return rest[cue.end() :]  # …5.5% sequentially, but 环比下降5%: 环比 is the next one's
            if cue is None:
                continue
            noun = re.match(
                r"\s*(?:" + self.direction_re.pattern + r")\s*(?:,|and\b|while\b|but\b)",
                rest[cue.end() :],
                re.I,
            )
            if noun:
                return rest[cue.end() + noun.end() :]  # a 6.5% sequential growth and a 3.1% increase
        return rest

    def basis_of(self, text: str, pct: Percent, clause_start: int) -> str | None:
        """ "yoy" | "qoq" for the wording beside a change (同比, 环比, year-over-year, sequentially)
        in its clause; None when neither is written."""
        before = text[clause_start : pct.start]
        tail = re.match(r"[^,;。!?]{0,30}", text[pct.end :])
        following = tail.group(0) if tail else ""
        last = {}
        for kind, rx in (("yoy", self.yoy_re), ("qoq", self.qoq_re)):
            for m in rx.finditer(before):
                last[kind] = m.end()
        if last:
            return max(last, key=lambda k: last[k])  # the wording nearest before the figure
        if self.qoq_re.search(following):
            return "qoq"
        return "yoy" if self.yoy_re.search(following) else None

    def _rate_before_to(self, before: str) -> bool:
        """True when ``before`` ends with a rate noun and a to-word (增幅为, 增速达)."""
        stem = before.rstrip()
        for w in longest_first(self.to_words):
            if stem.endswith(w):
                stem = stem[: -len(w)].rstrip()
                break
        listed = [m for m in self._list_re.finditer(stem) if m.end() == len(stem)]
        if listed:  # 年成长率分别为5.5%、4.9%
            stem = stem[: listed[-1].start()].rstrip()
        return any(stem.endswith(n) for n in self._rate_nouns)

    def wording_changes(self, text: str) -> list[Percent]:
        """Changes written in words after a yoy/qoq cue: 同比持平 (0), 同比翻倍 (+100)."""
        found = []
        for rx, value in ((self._flat_re, 0), (self._double_re, 100)):
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 8) : m.start()]
                cues = list(self.yoy_re.finditer(before)) + list(self.qoq_re.finditer(before))
                if not cues or any(before.rstrip().endswith(h) for h in self._hedges):
                    continue
                if not re.search(r"\d", before[max(c.end() for c in cues) :]):
                    found.append(Percent(m.start(), m.end(), value, points=False, wording=True))
        if self._times_re is not None:  # 按年飙1.31倍, 季增5.86倍: up by 131%, by 586%
            for m in self._times_re.finditer(text):
                if m.start("num") > 0 and text[m.start("num") - 1] in ".,":
                    continue
                times = as_number(Decimal(m.group("num")) * 100)
                found.append(Percent(m.start("num"), m.end(), times, points=False, wording=True))
        if self._tenths_re is not None:  # 营运收入升一成三: up 13%; 升近六成: 60%; 半成: 5%
            for m in self._tenths_re.finditer(text):
                digit = m.group("tens")
                tens = 0.5 if digit == "半" else CN_DIGITS.get(digit) or int(digit)
                units = CN_DIGITS[m.group("units")] if m.group("units") else 0
                pct = as_number(Decimal(str(tens)) * 10 + units)
                found.append(Percent(m.start("tens"), m.end(), pct, points=False, wording=True))
        return found

    def is_delta(self, before: str) -> bool:
        """True when the amount after ``before`` is a change (同比增加50亿元), not a level."""
        return bool(self._delta_re.search(before))

    def is_from(self, before: str, after: str) -> bool:
        """True for the starting figure of 从A…至B (``before`` ends with 从 and a to-word follows), and
        for every amount right after an English "from" ("to B from A", "losses narrowed from A")."""
        before = before.rstrip().removesuffix("-").removesuffix("−")  # 从第2季的-0.8元: its sign
        if self._from_period_re is not None:  # 从2016年6月的2.82亿: a period between
            before = self._from_period_re.sub("", before)
        if not self.ends_with(before, self._from_words):
            return False
        stem = before.rstrip()
        word = max((w for w in self._from_words if stem.endswith(w)), key=len)
        tail = stem[: len(stem) - len(word)].rstrip()[-40:]
        if word.isascii():
            return True  # "losses improved from NT$408 million": English names only a starting figure so
        changes = find_percents(tail)
        if changes and changes[-1].end >= len(tail):
            return True  # "fell 16.2 percent from NT$4.08 billion": the change's starting figure
        return any(w in after for w in ("至", "到", " to ")) or " to " in before

    def starts_from(self, before: str) -> bool:
        """True when ``before`` ends with a from-word: a percentage after it is a starting level or rate
        ("27%, down from 36%", 从8%), never the change itself."""
        return self.ends_with(before, self._from_words)

    def says_loss(self, between: str) -> bool:
        """True when the words between a profit word and its amount make it a loss (净利润亏损3亿元)."""
        last_loss = max((m.end() for m in self._loss_re.finditer(between)), default=-1)
        if last_loss < 0:
            return False
        return not self._profit_re.search(between)
