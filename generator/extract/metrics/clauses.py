"""Cutting a line into sentences and clauses, and finding where a position falls in them.

Figures and bracketed asides are protected: a separator inside them cuts nothing. A metric's
figure is looked for in its own clause first, so these offsets decide what belongs together.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.extract.metrics.rules import Rules
from generator.extract.metrics.shapes import Span, Word

SENTENCE_RE = re.compile(  # a space between CJK text (or a bullet: … [7] - 第三季度) ends a sentence
    r"[。!?;！？；]|(?<=[\u4e00-\u9fff\]】」』)）])\s+(?:[-–—•]\s+)?(?=[\u4e00-\u9fff【「『(（])"
    r"|(?<=[\u4e00-\u9fff\]】」』)）%])\s+[-–—•*]\s+(?=\S)"  # a bullet run into the line: … [1] * 2Q25净利润
    r"|(?<=[a-z\d%)])\s?\.\s+(?=[A-Z])"  # English: "…in 2023. Net income…" (a wire's "…a year ago . HY…")
    r"|(?<=[A-Za-z\d%)\]])\s+[-–—•]\s+(?=[A-Z])"  # a bullet run into the line: "…quarter [7] - Total paid…"
)


CLAUSE_RE = re.compile(r"[,，:：、]")


def sentences(text: str, protected: list[tuple[int, int]], rules: Rules) -> list[Span]:
    """The sentences of ``text``; a cut inside a protected span or before a change cue is no cut."""
    asides = _bracketed_semicolons(text)
    cuts = [
        m
        for m in SENTENCE_RE.finditer(text)
        if not inside_any(m.start(), protected)
        and not (m.group(0).isspace() and _change_follows(text, m.end(), rules))
        and not _english_footnote(text, m.start(), m.end())
        and m.start() not in asides  # (+19% Q/Q; +126% Y/Y): one figure's changes
    ]
    spans, start = [], 0
    for m in cuts:
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return [s for s in spans if s.end > s.start]


def _bracketed_semicolons(text: str) -> set[int]:
    """Positions of the semicolons inside an open ASCII bracket with no Chinese since it opened (one
    pass over ``text``)."""
    out: set[int] = set()
    if ";" not in text:
        return out
    opened: list[int] = []
    last_cjk = -1
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            opened.pop()
        elif ch == ";" and opened and opened[-1] > last_cjk:
            out.add(i)
        elif "\u4e00" <= ch <= "\u9fff" or ch in "（）":
            last_cjk = i
    return out


FOOTNOTE_RE = re.compile(r"[(（]\d{1,2}[)）]")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _english_footnote(text: str, start: int, end: int) -> bool:
    """True for a footnote mark after a bracket in English text: "Adjusted net income (non-GAAP) (2)
    attributable to…" is one sentence; 营收（亿元） （2）净利润 still cuts."""
    return bool(FOOTNOTE_RE.match(text, end)) and not CJK_RE.search(text, max(0, start - 20), start)


def _change_follows(text: str, pos: int, rules: Rules) -> bool:
    """True when a change cue opens the text at ``pos`` (a wide-spaced row: 14.1亿　　按年 +3%)."""
    return bool(rules.change.yoy_re.match(text, pos) or rules.change.qoq_re.match(text, pos))


def clause_starts(text: str, protected: list[tuple[int, int]]) -> list[int]:
    """Offsets where clauses start: after , : 、 outside protected spans, and after sentence ends."""
    starts = [0] + [m.end() for m in CLAUSE_RE.finditer(text) if not inside_any(m.start(), protected)]
    starts += [m.end() for m in SENTENCE_RE.finditer(text)]
    return sorted(set(starts))


def inside_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``pos`` falls inside one of the [start, end) ``spans``."""
    return any(s <= pos < e for s, e in spans)


def clause_of(pos: int, starts: list[int]) -> int:
    """Index of the clause (in ``starts``) that holds ``pos``."""
    idx = 0
    for i, s in enumerate(starts):
        if s <= pos:
            idx = i
    return idx


def parenthesised_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) of every bracketed part of ``text``, brackets included."""
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            spans.append((stack.pop(), i + 1))
    return spans


def abbreviation(word: Word, words: list[Word], parens: list[tuple[int, int]], text: str) -> bool:
    """True for a word in brackets right after a word of the same metric: 客户管理收入（CMR）."""
    for s, e in parens:
        if s < word.start and word.end <= e and not text[s + 1 : word.start].strip():
            return any(w.metric == word.metric and w.end <= s and not text[w.end : s].strip() for w in words)
    return False


def clause_start_at(pos: int, clauses: list[int], sentence: Span) -> int:
    """Start of the clause holding ``pos``, not before the sentence's start."""
    return max(clauses[clause_of(pos, clauses)], sentence.start)


def clause_end(text: str, pos: int, clauses: list[int], sentence: Span) -> int:
    """End of the clause holding ``pos``, not after the sentence's end."""
    idx = clause_of(pos, clauses)
    end = clauses[idx + 1] if idx + 1 < len(clauses) else len(text)
    return min(end, sentence.end)


BULLET = r"(?<=[\u4e00-\u9fff\]】」』)）%])\s+[-–—•*]\s+(?=\S)"
PARAGRAPH_END_RE = re.compile(r"[。!?！？]|" + BULLET)
ITEM_END_RE = re.compile(BULLET + r"|(?<=[。;；])\s*(?=[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])")
"""A bullet, or a numbered item after a full stop (…同比增长16%。(2)归母净利润…)."""
"""The end of a full sentence, or a bullet run into the line (… [1] * 2Q25净利润): a new item."""
_ENDS: dict[tuple[str, str], list[int]] = {}


def paragraph_start(text: str, pos: int) -> int:
    """Start of the full sentence (。!?) or bulleted item around ``pos``: a unit named before a ;
    still applies after it. The ends of a text are found once (linear on a long line)."""
    return _start(text, pos, PARAGRAPH_END_RE)


def item_start(text: str, pos: int) -> int:
    """Start of the bulleted item run into the line around ``pos`` (… [1] - 毛利率48.56%); 0 when
    the line has no bullet before ``pos``."""
    return _start(text, pos, ITEM_END_RE)


def _start(text: str, pos: int, rx: re.Pattern[str]) -> int:
    key = (rx.pattern, text)
    ends = _ENDS.get(key)
    if ends is None:
        if len(_ENDS) > 128:
            _ENDS.clear()
        ends = _ENDS[key] = [m.end() for m in rx.finditer(text)]
    i = bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0
