"""Whose figure a metric word names: the group's, one of its business units', or another company's.

A unit is known (lexicon ``companies`` segments) or named as written before the word; the last
company named before a figure in its paragraph decides whether it is this company's at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.extract.metrics.clauses import paragraph_start
from generator.extract.metrics.context import Context
from generator.extract.metrics.segments import Subject, line_label, own_longer
from generator.extract.metrics.shapes import Span, Word

SegmentAt = tuple[str | None, tuple[int, int] | None, int]
"""A business unit: its canonical name (None when unknown), the [start, end) of its name as written
(None for a known unit), and where it starts in the line."""


def segment_of(
    text: str, sentence: Span, clause_start: int, word: Word, subject: Subject, ctx: Context
) -> SegmentAt | None:
    """The business unit ``word`` belongs to; None for the group's figure."""
    rules = ctx.rules
    if rules.is_unit_metric(word.metric) and not (subject.kind == "line" and subject.start > word.start):
        return (
            None  # 客户管理收入 of 淘天: the metric is a unit's by nature (but "GTV of new homes" names one)
        )
    is_line_word = rules.line_keep(text[word.start : word.end]) is not None
    if subject.kind == "line":
        named: SegmentAt = (
            subject.name,
            None if subject.name else (subject.start, subject.end),
            subject.start,
        )
        unit_named = (
            subject.name is not None
            or subject.start > word.start  # "GTV of existing home transactions": named as the figure's
            or any(text[subject.start : subject.end].endswith(u) for u in rules.unit_nouns)
        )
        if is_line_word or (rules.metrics[word.metric].get("segment_metric") and unit_named):
            return named
        return None if is_line_word else _segment_around(text, sentence, clause_start, word, ctx)
    if subject.kind in ("own", "unclear"):
        return None
    return _segment_around(text, sentence, clause_start, word, ctx)


def _segment_around(
    text: str, sentence: Span, clause_start: int, word: Word, ctx: Context
) -> SegmentAt | None:
    """A known unit named earlier in the sentence (or as the line's label) that ``word`` belongs to."""
    segment = _segment_before(text, paragraph_start(text, sentence.start), word, ctx)
    if segment and ctx.rules.is_group_word(text[word.start : word.end]) and segment[1] < clause_start:
        return None  # 总收入 after a unit named in an earlier clause: the group's
    if segment is None and not ctx.rules.is_group_word(text[word.start : word.end]):
        label = line_label(text, ctx)
        if label is not None and label.end <= word.start:
            return label.name, None if label.name else (label.start, label.end), label.start
    return (segment[0], None, segment[1]) if segment else None


def _segment_before(text: str, window_start: int, word: Word, ctx: Context) -> tuple[str, int] | None:
    """The business unit named nearest before ``word`` in the window, with its offset."""
    best: tuple[str, int] | None = None
    best_end = -1
    window = text[window_start : word.start]
    for name, canonical in ctx.segments.items():
        pos = window.rfind(name)
        if pos >= 0 and pos + len(name) > best_end:
            best, best_end = (canonical, window_start + pos), pos + len(name)
    return best


CLOSED_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
"""A parenthesised aside closed before a figure: a company it names is no subject of what follows."""


RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\s[^,;!?]{0,120},")
"""An English relative clause closed before a figure ("Pegatron Corp, which assembles Apple Inc's
iPhones, reported that net profit…"): a company it names is no subject of what follows."""


def other_company(before: str, ctx: Context) -> bool:
    """True when the last company named in ``before`` is not this one.

    A business unit's name counts as naming this company only when it is distinctive (淘天集团,
    京东物流): a generic line name (在线音乐服务, 广告) after a rival's name is the rival's line.
    """
    before = CLOSED_ASIDE.sub(lambda m: " " * len(m.group()), before)  # (…美团股份…): an aside
    before = RELATIVE_ASIDE.sub(lambda m: " " * len(m.group()), before)  # ", which …,"
    if not _names_in(before, ctx.others):
        return False  # one pass over the text instead of one per name
    last_other, other = max(((rfind_name(before, n), n) for n in ctx.others), default=(-1, ""))
    if last_other < 0:
        return False
    own = ctx.own_names + [s for s in ctx.segments if _distinctive(s, ctx)]
    last_own = max((rfind_name(before, n) for n in own), default=-1)
    if own_longer(before, last_other, other, ctx.own_names):
        return False  # 网易云 for 网易云音乐: the company's short name, not 网易
    return last_other > last_own


def _distinctive(segment: str, ctx: Context) -> bool:
    """True when a unit's name could only be this company's (it holds its name, or is a 集团)."""
    return segment.endswith("集团") or any(len(n) >= 2 and n in segment for n in ctx.own_names)


def rfind_name(text: str, name: str) -> int:
    """Offset of the last ``name`` in ``text`` (a Latin name as a whole word, any case), or -1."""
    if name.isascii():
        found = [m.start() for m in _latin_name(name).finditer(text)]
        return found[-1] if found else -1
    return text.rfind(name)


@lru_cache(maxsize=4096)
def _latin_name(name: str) -> re.Pattern[str]:
    """A Latin name as a whole word, any case."""
    return re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", re.I)


@lru_cache(maxsize=16)
def _any_name(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that matches wherever :func:`rfind_name` finds one of ``names``, behind a
    lookahead for the characters such a match starts with (Latin ones only at a word's start)."""
    parts = [f"(?i:{_latin_name(n).pattern})" if n.isascii() else re.escape(n) for n in names]
    chinese = "".join(sorted({re.escape(n[0]) for n in names if n and not n.isascii()}))
    latin = "".join(sorted({re.escape(n[0]) for n in names if n and n.isascii()}))
    starts = ([f"[{chinese}]"] if chinese else []) + ([f"(?i:(?<![A-Za-z])[{latin}])"] if latin else [])
    if not parts or "" in names:
        return re.compile("|".join(parts) or "(?!)")  # an empty name may match anywhere: no guard
    return re.compile(f"(?={'|'.join(starts)})(?:{'|'.join(parts)})")


def _names_in(text: str, names: list[str]) -> bool:
    """True when :func:`rfind_name` finds one of ``names`` in ``text``: one pass over the text."""
    return _any_name(tuple(names)).search(text) is not None
