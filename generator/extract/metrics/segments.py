"""Whose figure a metric word names: the words written right before it, and a line's unit label.

``理想汽车二季度营收`` is another company's revenue, ``二季度交易服务收入`` a business line's,
``拼多多第二季度总营收`` the company's own. The words before a metric word (no punctuation
between) are read as ``[subject][period word][business line]<metric word>``; the wording lists
live in the ``subjects`` section of ``generator/lexicon/data/metrics.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.metrics.context import Context
from generator.extract.metrics.rules import Rules

NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&·]")
COUNTED = re.compile(r"[\d一二两三四五六七八九十几多]\s*个(?!人|月|季|年|百分点|基点)")
"""A numeral and a counter (5个IP, 没有一个IP): things counted, never a business unit's name."""
YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*财?年度?")
"""A year written before a half or a quarter (2025年上半年): a period word, never a name."""
LABEL_RE = re.compile(
    r"^\s*(?:[-*#>•·]+\s*)*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]?\s*[、.．)）]?\s*)?"
    r"\**\s*【?(?P<name>[^:：,，。;；!?【】]{2,24}?)】?\s*\**\s*[:：]"
)


@dataclass(frozen=True)
class Subject:
    """What the words before a metric word say about whose figure it is."""

    kind: str
    """none (nothing said) | own (the company) | other (another company) | line (a business line) |
    unclear (words that name no business line: a sentence, a verb)."""
    name: str | None = None
    """For ``line``: the lexicon's canonical name when the line is a known segment, else None."""
    start: int = 0
    """For ``line``: [start, end) of the business line's name as written in the line."""
    end: int = 0


def subject_before(text: str, word_start: int, word_end: int, limit: int, ctx: Context) -> Subject:
    """Whose figure the metric word at [word_start, word_end) names, from the words right before it."""
    start = word_start
    while start > limit and NAME_CHAR.match(text[start - 1]):
        start -= 1
    if start == word_start or text[word_start:word_end].isascii():
        return Subject("none")
    rules = ctx.rules
    cut, said = start, "none"
    phrase = text[start:word_start]
    # a period written with spaces (2025 年第三季) runs into the words from before them: cues are read
    # from the clause's start, and one that ends inside the words holds from their start
    periods = [
        (max(0, c.start + limit - start), c.end + limit - start)
        for c in rules.cues.find(text[limit:word_start])
        if c.end + limit > start
    ]
    for w in rules.period_words:
        periods += [(m.start(), m.end()) for m in re.finditer(re.escape(w), phrase)]
    periods += [m.span() for m in YEAR_RE.finditer(phrase)]
    if periods:
        p_start, p_end = max(periods, key=lambda p: (p[1], p[1] - p[0]))
        head = phrase[:p_start]
        for p_s, p_e in sorted(periods, key=lambda p: -p[1]):  # 今年前三季度: 今年 is a period, not a name
            if p_e == len(head) and p_s < p_e:
                head = head[:p_s]
        lead = max((p_e for p_s, p_e in periods if p_s == 0 and p_e < len(head)), default=0)
        subject = _strip_fillers(head[lead:], rules.fillers)  # 一季度集团单季度: 一季度 is no name
        if subject and not is_ours(subject, ctx) and not _is_unclear(subject, ctx):
            return Subject("other")
        if subject and not _strip_verbs(text[start + p_end : word_start].strip("的"), rules.verbs):
            unit = _unit_subject(text, start + len(head) - len(subject), start + len(head), ctx)
            if unit is not None:
                return unit  # 百度智能云第三季度收入: the unit named before the period
        cut, said = start + p_end, ("own" if subject else "none")
    cut, found = _strip_names(text, cut, word_start, ctx)
    if found == "other":
        return Subject("other")
    if found == "own":
        said = "own"
    while cut < word_start and text[cut] == "的":
        cut += 1
    end = word_start
    while end > cut and text[end - 1] == "的":
        end -= 1
    end = cut + len(_strip_verbs(text[cut:end], rules.verbs))  # 电子装备业务实现收入: 实现 is no part of it
    cut, end = _strip_qualifiers(text, cut, end, rules.qualifiers)  # 未经审核的收入: no unit
    name = text[cut:end]
    if not name:
        return Subject(said)
    if name.lower() in rules.group_prefixes:
        return Subject("own")
    keep = rules.line_keep(text[word_start:word_end]) or ""
    if end < word_start or text[cut:end].endswith(tuple(rules.unit_nouns)):
        keep = ""  # 分立器件的销售收入, 芯片产品线销售收入: 销售 is no part of a named unit
    spanning = max(
        (n for n in ctx.segments if len(n) > len(name) and text.endswith(n, 0, end)), key=len, default=None
    )
    if spanning:  # 淘宝、天猫集团: a known name the words before run into
        return Subject("line", ctx.segments[spanning], end - len(spanning), end)
    for candidate in (name + keep, name):
        known = known_segment(candidate, ctx)
        if known:
            return Subject("line", known, cut, end + (len(keep) if candidate != name else 0))
    if _is_unclear(name, ctx):
        return Subject("unclear")
    return Subject("line", None, cut, end + len(keep))


def _strip_qualifiers(text: str, cut: int, end: int, qualifiers: list[str]) -> tuple[int, int]:
    """[cut, end) without the reporting qualifiers (未经审核, 持续经营业务) it opens or ends with, nor
    the 的/之 after them."""
    changed = True
    while changed and cut < end:
        changed = False
        for q in qualifiers:
            if text.startswith(q, cut, end):
                cut += len(q)
                while cut < end and text[cut] in "的之":
                    cut += 1
                changed = True
                break
            if text.endswith(q, cut, end):
                end -= len(q)
                changed = True
                break
    return cut, end


def _unit_subject(text: str, start: int, end: int, ctx: Context) -> Subject | None:
    """A business unit named by ``text[start:end]`` (after the company's name), or None."""
    cut, _found = _strip_names(text, start, end, ctx)
    rest = text[cut:end]
    if not rest or rest.lower() in ctx.rules.group_prefixes:
        return None
    known = known_segment(rest, ctx)
    if known:
        return Subject("line", known, cut, end)
    if any(rest.endswith(u) and rest != u for u in ctx.rules.unit_nouns) and not _is_unclear(rest, ctx):
        return Subject("line", None, cut, end)
    return None


def _strip_verbs(text: str, verbs: list[str]) -> str:
    """``text`` without the verbs (实现, 录得, 累计…) and 的 it ends with: they are never part of a name."""
    changed = True
    while changed and text:
        changed = False
        for v in verbs:
            if text.endswith(v) or text.endswith(v + "的"):
                text, changed = text[: text.rindex(v)], True
                break
    return text.rstrip("的")


def unit_display_name(written: str, rules: Rules) -> str:
    """A unit's name as written, without the trailing word (业务, 板块) that only says it is a unit."""
    for noun in rules.dropped_unit_nouns:
        rest = written[: -len(noun)]
        if written.endswith(noun) and len(rest) >= 2 and not rest.endswith(tuple(rules.incomplete_names)):
            return rest
    return written


def _strip_fillers(text: str, fillers: list[str]) -> str:
    """``text`` without the connectors (其中, 作为对比, 同期…) it opens with."""
    changed = True
    while changed and text:
        changed = False
        for f in fillers:
            if text.startswith(f):
                text, changed = text[len(f) :], True
                break
    return text


def _strip_names(text: str, cut: int, end: int, ctx: Context) -> tuple[int, str | None]:
    """Move ``cut`` past the fillers and the company names the words open with; "other" when the
    longest name there is another company's, "own" when it is this company's."""
    found: str | None = None
    while cut < end:
        rest = text[cut:end]
        if known_segment(rest, ctx):
            break
        filler = _strip_fillers(rest, ctx.rules.fillers)
        if filler != rest:
            cut += len(rest) - len(filler)
            continue
        own = max((len(n) for n in ctx.own_names + ctx.rules.own_subjects if _starts(rest, n)), default=0)
        other = max((len(n) for n in ctx.others if _starts(rest, n)), default=0)
        if other > own:
            return cut, "other"
        if not own:
            break
        cut, found = cut + own, "own"
    return cut, found


def _starts(text: str, name: str) -> bool:
    if not name:
        return False
    if name.isascii():
        return text.lower().startswith(name.lower())
    return text.startswith(name)


def is_ours(words: str, ctx: Context) -> bool:
    """True when ``words`` name this company, one of its units, or nobody in particular."""
    low = words.lower()
    if any(_starts(words, n) and len(n) >= 2 for n in ctx.others) and not any(
        _starts(words, n) and len(n) >= 2 for n in ctx.own_names
    ):
        return False  # 英伟达数据中心业务: another company's unit
    if low in ctx.rules.group_prefixes or any(low == s.lower() for s in ctx.rules.own_subjects):
        return True
    for name in ctx.own_names:
        n = name.lower()
        if len(n) >= 2 and (n in low or low in n):
            return True
    if known_segment(words, ctx) or any(words.endswith(u) for u in ctx.rules.unit_nouns):
        return True
    return not re.search(r"[\u4e00-\u9fffA-Za-z]", words)


def known_segment(name: str, ctx: Context) -> str | None:
    """The canonical name of a known business unit named exactly ``name`` (with or without 业务/分部)."""
    if name in ctx.segments:
        return ctx.segments[name]
    for noun in ctx.rules.unit_nouns:
        if name.endswith(noun) and name[: -len(noun)] in ctx.segments:
            return ctx.segments[name[: -len(noun)]]
    return None


def _is_unclear(name: str, ctx: Context) -> bool:
    """True when ``name`` cannot be a business line's name (too long, a verb at its end, only digits)."""
    rules = ctx.rules
    if len(name) > rules.max_line_chars or not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
        return True
    if (
        rules.change.direction_re.search(name)
        or rules.change.yoy_re.search(name)
        or rules.change.qoq_re.search(name)
    ):
        return True
    if any(w in name for w in rules.not_in_line) or any(name.startswith(w) for w in rules.not_line_starts):
        return True
    if COUNTED.search(name):
        return True  # 共有5个IP收入超过10亿元: a count of things, not a unit
    return any(name.endswith(w) for w in rules.not_line_endings)


def line_label(text: str, ctx: Context) -> Subject | None:
    """The business unit a line opens with as its label (``4、云智能集团：…``), or None.

    A known segment, or a name ending with a unit noun (业务, 集团…) that is not the company itself.
    """
    m = LABEL_RE.match(text)
    if m is None:
        return None
    name = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", m.group("name")).strip("* ")
    start = m.start("name") + m.group("name").find(name)
    cut, found = _strip_names(text, start, start + len(name), ctx)
    rest = text[cut : start + len(name)]
    if found == "other" or not rest:
        return None
    known = known_segment(rest, ctx)
    if known:
        return Subject("line", known, cut, start + len(name))
    if any(rest.endswith(u) and rest != u for u in ctx.rules.unit_nouns) and not _is_unclear(rest, ctx):
        return Subject("line", None, cut, start + len(name))
    return None


PRODUCT_MODEL = re.compile(r"[A-Za-z]+[\dA-Za-z+\-]*\d[\dA-Za-z+\-]*|\d+[A-Za-z]+\d*")


def not_a_unit(written: str, rules: Rules) -> bool:
    """True when ``written`` (the words before a metric word) names no business unit: a product model
    (SU7), a bare region (中国的), or a customers' industry (游戏行业的)."""
    name = written.strip().rstrip("的").strip()
    if PRODUCT_MODEL.fullmatch(name):
        return True
    if any(w in name for w in rules.audience_words):
        return True
    for ending in rules.region_endings:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    return name in rules.region_names
