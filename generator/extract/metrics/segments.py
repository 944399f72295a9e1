"""Whose figure a metric word names: the words written right before it, and a line's unit label.

``理想汽车二季度营收`` is another company's revenue, ``二季度交易服务收入`` a business line's,
``拼多多第二季度总营收`` the company's own. The words before a metric word (no punctuation
between) are read as ``[subject][period word][business line]<metric word>``; the wording lists
live in the ``subjects`` section of ``generator/lexicon/data/metrics.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.extract.metrics.context import Context
from generator.extract.metrics.rules import Rules
from generator.lexicon.currencies import Currencies, currencies

NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&·]")


@lru_cache(maxsize=8)
def _quoted_before(rules: Rules) -> re.Pattern[str]:
    """A name in quotes (「羽绒服」), with one of the lexicon's Chinese ``unit_nouns`` after it (业务,
    板块): read as one name before a metric word."""
    nouns = sorted((u for u in rules.unit_nouns if not u.isascii()), key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(u) for u in nouns) + ")?" if nouns else ""
    return re.compile(r"[「『“《][\u4e00-\u9fffA-Za-z0-9&·]{1,12}[」』”》]" + unit + "$")


QUOTES = "「」『』“”《》"
COUNTED = re.compile(r"[\d一二两三四五六七八九十几多]\s*个(?!人|月|季|年|百分点|基点)")
"""A numeral and a counter (5个IP, 没有一个IP): things counted, never a business unit's name."""


@lru_cache(maxsize=8)
def _amount_before(registry: Currencies) -> re.Pattern[str]:
    """An amount written before the metric word (28亿元酱油收入): a figure, never part of a name. Its
    currency words are the currencies lexicon's Chinese suffixes (元, 美元, 港元…), or a percent sign."""
    words = sorted((w for w in registry.suffixes if not w.isascii()), key=len, reverse=True)
    return re.compile(r"\d[\d.,]*\s*[十百千万亿]*\s*(?:" + "|".join([*map(re.escape, words), "%"]) + ")")


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
    while start > limit:
        if NAME_CHAR.match(text[start - 1]):
            start -= 1
            continue
        quoted = _quoted_before(ctx.rules).search(text, max(limit, start - 14), start)
        if quoted is None or quoted.end() != start:
            break
        start = quoted.start()  # 「羽绒服」业务收入: a unit's name written in quotes is still its name
    if text[word_start:word_end].isascii():
        return english_subject(text, word_start, word_end, limit, ctx)
    amounts = [m.end() for m in _amount_before(currencies()).finditer(text, start, word_start)]
    if amounts:
        start = amounts[-1]  # 79.28亿元酱油收入: the amount is the figure, 酱油 the name
    if start == word_start:
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
    periods += [m.span() for r in rules.period_phrases for m in r.finditer(phrase)]  # 截至去年底止
    if periods:
        p_start, p_end = max(periods, key=lambda p: (p[1], p[1] - p[0]))
        head = phrase[:p_start]
        for p_s, p_e in sorted(periods, key=lambda p: -p[1]):  # 今年前三季度: 今年 is a period, not a name
            if p_e == len(head) and p_s < p_e:
                head = head[:p_s]
        lead = max((p_e for p_s, p_e in periods if p_s == 0 and p_e < len(head)), default=0)
        head = head.rstrip().removesuffix("于").removesuffix("在")  # 啤酒业务于上半年: no part of a name
        subject = _strip_fillers(head[lead:], rules.fillers)  # 一季度集团单季度: 一季度 is no name
        if subject and not is_ours(subject, ctx) and not _is_unclear(subject, ctx):
            return Subject("other")
        between = text[start + p_end : word_start].strip("的之")
        q_cut, q_end = _strip_qualifiers(between, 0, len(between), rules.qualifiers)
        between = between[q_cut:q_end].strip("的之")  # 上半年的未经审计之营业额: a qualifier, no name
        if subject and not _strip_verbs(between, rules.verbs):
            unit = _unit_subject(text, start + len(head) - len(subject), start + len(head), ctx)
            if unit is not None:
                return unit  # 百度智能云第三季度收入: the unit named before the period
        cut, said = start + p_end, ("own" if subject else "none")
    cut, found = _strip_names(text, cut, word_start, ctx)
    if found == "other":
        return Subject("other")
    if found == "own":
        said = "own"
    while cut < word_start and text[cut] in POSSESSIVES:
        cut += 1
    end = word_start
    while end > cut and text[end - 1] in POSSESSIVES:
        end -= 1  # 财产保险之总保费收入: 之 is no part of the name
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
    while cut < end and text[cut] in POSSESSIVES:
        cut += 1  # 本集团的啤酒业务: 的 is no part of the name
    rest = text[cut:end]
    if not rest or rest.lower() in ctx.rules.group_prefixes:
        return None
    known = known_segment(rest, ctx)
    if known:
        return Subject("line", known, cut, end)
    if any(rest.endswith(u) and rest != u for u in ctx.rules.unit_nouns) and not _is_unclear(rest, ctx):
        return Subject("line", None, cut, end)
    return None


POSSESSIVES = "的之"
"""Particles between a name and its metric word (分立器件的收入, 集团之总保费收入)."""


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
    """A unit's name as written, without the trailing word (业务, 板块) that only says it is a unit,
    nor the quotes it was written in (「羽绒服」业务 -> 羽绒服)."""
    written = "".join(ch for ch in written if ch not in QUOTES)
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
        other = max(
            (
                len(n)
                for n in _may_start(rest, ctx.others)
                if _starts(rest, n) and not own_longer(rest, 0, n, ctx.own_names)
            ),
            default=0,
        )
        if other > own:
            return cut, "other"
        if not own:
            break
        cut, found = cut + own, "own"
    return cut, found


def own_longer(text: str, pos: int, other: str, own_names: list[str]) -> bool:
    """True when the other company's name at ``pos`` goes on as the start of one of this company's
    longer names (网易 in 网易云…, this company being 网易云音乐)."""
    size = len(other)
    return any(
        len(n) > size + 1 and n.startswith(other) and text.startswith(n[: size + 1], pos) for n in own_names
    )


_BY_FIRST: list[tuple[list[str], list[str], dict[str, list[str]]]] = []
"""The last list of names given to :func:`_may_start`, a copy of it, and its index."""


def _may_start(text: str, names: list[str]) -> list[str]:
    """The names of ``names`` whose first character is the text's (case aside for an ASCII name, as
    :func:`_starts` compares): the only ones that can start it, found by an index by first
    character, built once per list (a copy tells a list changed in place), instead of trying
    every name."""
    if not (_BY_FIRST and _BY_FIRST[0][0] is names and _BY_FIRST[0][1] == names):
        index: dict[str, list[str]] = {}
        for n in names:
            if n:
                index.setdefault(n[0].lower() if n.isascii() else "\0" + n[0], []).append(n)
        _BY_FIRST[:] = [(names, list(names), index)]
    index = _BY_FIRST[0][2]
    first = text[:1]
    return index.get(first.lower()[:1], []) + index.get("\0" + first, [])


def _starts(text: str, name: str) -> bool:
    if not name:
        return False
    if name.isascii():  # lowering only the name's length of text: the same answer, not the whole text
        return text[: len(name)].lower().startswith(name.lower())
    return text.startswith(name)


def is_ours(words: str, ctx: Context) -> bool:
    """True when ``words`` name this company, one of its units, or nobody in particular."""
    low = words.lower()
    if any(
        _starts(words, n) and len(n) >= 2 and not own_longer(words, 0, n, ctx.own_names)
        for n in _may_start(words, ctx.others)
    ) and not any(_starts(words, n) and len(n) >= 2 for n in ctx.own_names):
        return False  # 英伟达数据中心业务: another company's unit
    if low in ctx.rules.group_prefixes or any(low == s.lower() for s in ctx.rules.own_subjects):
        return True
    for name in ctx.own_names:
        n = name.lower()
        if len(n) >= 2 and (n in low or low in n):
            return True
        if abbreviates(name, words):
            return True
    if known_segment(words, ctx) or any(words.endswith(u) for u in ctx.rules.unit_nouns):
        return True
    return not re.search(r"[\u4e00-\u9fffA-Za-z]", words)


ABBREVIATION_EXTRA = 3
"""How many more characters a full Chinese name may have than the short one it abbreviates."""


def abbreviates(short: str, words: str) -> bool:
    """True when the Chinese short name ``short`` (three characters or more) is the full name
    ``words`` with characters left out, both opening alike (和泰车 for 和泰汽车, 中华电 for 中华电信)."""
    if short.isascii() or len(short) < 3 or not words.startswith(short[:2]):
        return False
    if not len(short) < len(words) <= len(short) + ABBREVIATION_EXTRA:
        return False
    rest = iter(words)
    return all(ch in rest for ch in short)


def known_segment(name: str, ctx: Context) -> str | None:
    """The canonical name of a known business unit named exactly ``name`` (with or without 业务/分部)."""
    name = "".join(ch for ch in name if ch not in QUOTES)
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
    (SU7) or a customers' industry (游戏行业的). A region (中国, 海外市场, 华东地区) is a unit: its
    revenue is a segment's."""
    name = written.strip().rstrip("的").strip()
    if PRODUCT_MODEL.fullmatch(name):
        return True
    return any(w in name for w in rules.audience_words)


EN_TOKEN = re.compile(r"\([A-Za-z0-9&.\- ]{1,16}\)|[A-Za-z0-9](?:[A-Za-z0-9&'’./]|-(?=[A-Za-z0-9]))*")
EN_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$", re.I)
EN_LIST_MARK = re.compile(r"^[\s\-*•·#>]*$")
EN_REACH = 200
"""How far back from a metric word its English name is read (a name is a few words)."""


def english_subject(text: str, word_start: int, word_end: int, limit: int, ctx: Context) -> Subject:
    """Whose figure an English metric word names: a business line written right before it ("Games
    revenue", "TME's online music paying users") or after it ("revenue from auto sales of RMB…"),
    another company (its possessive), or nobody said (the group's)."""
    rules = ctx.rules
    tokens = list(
        EN_TOKEN.finditer(text, max(limit, word_start - EN_REACH), word_start)
    )  # linear on long lines
    run: list[re.Match[str]] = []
    edge = word_start
    owner: str | None = None
    owner_span: tuple[int, int] | None = None
    joined: tuple[int, int] | None = None  # (run length, edge) at the first "and" read
    for k in range(len(tokens) - 1, -1, -1):
        m = tokens[k]
        if text[m.end() : edge].strip() or len(run) > rules.en_max_words:
            break
        low = m.group(0).lower()
        if EN_POSSESSIVE.search(low) or low in rules.en_possessives:
            owner = EN_POSSESSIVE.sub("", m.group(0))
            owner_span = _owner_span(text, tokens, k, len(owner))
            break
        if low in ("and", "&") and run and joined is None:
            joined = (len(run), m.end())  # "Games and related value-added services revenue"
            edge = m.start()
            continue
        if low in rules.en_stops or rules.change.direction_re.fullmatch(low):
            break
        run.append(m)
        edge = m.start()
    opens_clause = owner is not None or bool(EN_LIST_MARK.match(text[limit:edge]))
    if joined is not None and (
        len(run) == joined[0] or not opens_clause and not run[joined[0]].group(0)[0].isupper()
    ):
        run, edge, opens_clause = run[: joined[0]], joined[1], False  # "with games and advertising revenue"
    run.reverse()
    if owner is not None and _others_name(owner, ctx):
        return Subject("other")  # "Apple's revenue" in another company's call
    cues = rules.cues.find(text[edge:word_start])
    if cues:  # "Xiaomi second-quarter revenue": the name is what follows the period
        cut = edge + max(c.end for c in cues)
        before = [m for m in run if m.end() <= edge + min(c.start for c in cues)]
        if before and _strip_names(text, before[0].start(), before[-1].end(), ctx)[1] == "other":
            return Subject("other")
        run, opens_clause = [m for m in run if m.start() >= cut], True
    name = _english_name(text, run, ctx, opens_clause)
    if isinstance(name, Subject):
        return name
    if name is None:
        after = _english_after(text, word_end, ctx)
        if after is not None:
            return after
        unit = _owner_unit(text, owner_span, ctx) if owner_span else None
        if unit is not None:
            return unit  # "JD Retail's operating profit": the unit's
        return Subject("own" if owner is not None else "none")
    keep = rules.line_keep(text[word_start:word_end])
    if keep and keep.lower() == text[word_start:word_end].lower():
        return name_subject(text, name[0], word_end, ctx)  # "Vehicle sales were…": the line's own word
    return name_subject(text, name[0], name[1], ctx)


def _owner_span(text: str, tokens: list[re.Match[str]], k: int, length: int) -> tuple[int, int]:
    """[start, end) of a possessive's whole name: the capitalised words right before token ``k``
    (``JD Retail's``) and the token without its ``'s``."""
    start = tokens[k].start()
    i = k - 1
    while (
        i >= 0
        and k - i <= 3
        and not text[tokens[i].end() : start].strip()
        and tokens[i].group(0)[:1].isupper()
    ):
        start = tokens[i].start()
        i -= 1
    return start, tokens[k].start() + length


def _owner_unit(text: str, span: tuple[int, int], ctx: Context) -> Subject | None:
    """The business unit a possessive names: a known one, or the company's name with more capitalised
    words after it (``JD Retail``, ``Alibaba Cloud``); None otherwise."""
    start, end = span
    known = known_segment(text[start:end], ctx)
    if known:
        return Subject("line", known, start, end)
    cut, found = _strip_names(text, start, end, ctx)
    rest = text[cut:end].strip()
    if found == "own" and rest and rest[:1].isupper():
        return Subject("line", text[start:end], start, end)  # named as written: a unit, whatever its figure
    return None


def _others_name(owner: str, ctx: Context) -> bool:
    """True when ``owner`` (a possessive's noun) is another known company and not this one."""
    if owner.lower() in ctx.rules.en_own or is_ours(owner, ctx):
        return False
    return any(_starts(owner, n) and len(n) >= 2 for n in _may_start(owner, ctx.others))


def name_subject(text: str, start: int, end: int, ctx: Context) -> Subject:
    """The business line named by ``text[start:end]`` (a known one by its canonical name)."""
    known = known_segment(text[start:end], ctx)
    return Subject("line", known, start, end)


def _english_name(
    text: str, run: list[re.Match[str]], ctx: Context, opens_clause: bool
) -> tuple[int, int] | Subject | None:
    """[start, end) of the line's name in ``run`` (the tokens before the word) without the period
    words, group modifiers and company names at its ends; a Subject for another company; None when
    no name is left or the words are no name."""
    rules = ctx.rules

    def dropped(m: re.Match[str]) -> bool:
        low = m.group(0).lower()
        return (
            low in rules.en_group
            or not re.search(r"[A-Za-z]", low)
            or bool(rules.cues.find(m.group(0)))
            or bool(rules.change.yoy_re.fullmatch(low) or rules.change.qoq_re.fullmatch(low))
        )

    def proper(i: int) -> bool:  # "Tmall Group": a capitalised Group after a name is part of it
        word = run[i].group(0)
        return (
            i > 0
            and word.lower() in rules.en_own
            and word[:1].isupper()
            and run[i - 1].group(0)[:1].isupper()
        )

    while run and dropped(run[-1]) and not proper(len(run) - 1):
        run = run[:-1]
    while run and dropped(run[0]):
        run = run[1:]
    if not run or len(run) > rules.en_max_words:
        return None
    start, end = run[0].start(), run[-1].end()
    cut, found = _strip_names(text, start, end, ctx)
    if found == "other":
        return Subject("other")
    if cut >= end:
        return Subject("own")
    while found == "own" and cut < end:  # "Zephyr Holdings", "Zephyr Inc.": still the company's name
        suffix = re.match(r"\s*([A-Za-z.]+)", text[cut:end])
        if suffix is None or suffix.group(1).lower() not in rules.en_corporate:
            break
        cut += suffix.end()
    if cut >= end:
        return Subject("own")
    if found == "own" and text[cut:end].strip()[:1].islower():
        return Subject("own")  # "PDD Holdings demonstrated robust revenue": the company, then its verb
    if found != "own":
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())  # "Alibaba Cloud" stays whole
    name = text[start:end]
    if not opens_clause and not re.search(r"[A-Z]", name):
        return None  # "the modest revenue increase": lower-case words inside a sentence name no line
    if name.lower() in rules.en_not_units:
        return None
    return start, end


def _english_after(text: str, word_end: int, ctx: Context) -> Subject | None:
    """The line named right after an English metric word ("revenue from auto sales of RMB…"), or None."""
    rules = ctx.rules
    m = re.match(r"\s+(\w+)\s+(?:the\s+)?", text[word_end : word_end + 40])
    if m is None or m.group(1).lower() not in rules.en_after + rules.en_after_named:
        return None
    pos = word_end + m.end()
    if m.group(1).lower() not in rules.en_after:  # "Sales in China fell": a name in capitals only
        head = EN_TOKEN.match(text, pos)
        if head is None or not head.group(0)[:1].isupper() or head.group(0).lower() in rules.month_words:
            return None
        for t in EN_TOKEN.finditer(text, pos, min(len(text), pos + 40)):
            if currencies().code(t.group(0)):
                return None  # "Revenue in RMB terms", "sales in Hong Kong dollars": a currency, no line
            if not t.group(0)[:1].isupper():
                break
    run: list[re.Match[str]] = []
    for t in EN_TOKEN.finditer(text, pos, min(len(text), pos + 120)):
        low = t.group(0).lower()
        if low in ("and", "&") and run and not text[pos : t.start()].strip():
            pos = t.end()
            continue  # "GTV of emerging and other services was…"
        if text[pos : t.start()].strip() or low in rules.en_stops or rules.change.direction_re.fullmatch(low):
            break
        if EN_POSSESSIVE.search(low) or re.search(r"\d", low) or rules.cues.find(t.group(0)):
            return None  # "revenue of RMB5.2bn", "revenue of Q3": a figure or a period, no line
        if low in rules.en_own or low in rules.en_pronouns:
            return None
        run.append(t)
        pos = t.end()
    if not run or len(run) > rules.en_max_words:
        return None
    start, end = run[0].start(), run[-1].end()
    if re.match(r"\s*[$¥€£\d]", text[end:]):
        return None  # "revenue of US$2.1 billion": a currency, no line
    if text[start:end].lower() in rules.en_not_units or find_money_word(text[start:end], ctx):
        return None
    return name_subject(text, start, end, ctx)


def find_money_word(name: str, ctx: Context) -> bool:
    """True when ``name`` holds a metric word itself (a figure, not a line); a word that names a
    line with the words before it (auto sales) does not count."""
    rules = ctx.rules
    return any(
        (rules.line_keep(name[w.start : w.end]) or "").lower() != name[w.start : w.end].lower()
        for w in rules.find_words(name, [])
    )


def figure_subject(text: str, fig_start: int, limit: int, sentence_start: int, ctx: Context) -> Subject:
    """Whose figure an amount written before its English metric word is ("Its EV business generated
    20.6 billion yuan in revenue"): the name before the verb that opens the amount's words. A verb
    with no name before it in its clause has the sentence's subject ("FRUZAQLA, launched in 2023,
    generated $130.5 million in sales"): when that is a capitalised name that is not the company's,
    the figure's owner is unclear; a participle ("…, generating RMB2.4 billion in revenues") is the
    sentence's own."""
    before = text[limit:fig_start].rstrip()
    verb = re.search(r"([A-Za-z]+)$", before)
    if verb is None:
        return Subject("none")
    start = limit + verb.start()
    subject = english_subject(text, start, start + len(verb.group(1)), limit, ctx)
    if subject.kind != "none" or text[limit:start].strip() or verb.group(1).lower().endswith("ing"):
        return subject
    head = EN_TOKEN.search(text, sentence_start, limit)
    if head is None or not head.group(0)[:1].isupper():
        return subject
    low = head.group(0).lower()
    if low in ctx.rules.en_stops or low in ctx.rules.en_own or low in ctx.rules.en_pronouns:
        return subject
    known = known_segment(head.group(0), ctx)
    if known:
        return Subject("line", known, head.start(), head.end())
    if _strip_names(text, head.start(), head.end(), ctx)[1] is not None:
        return subject  # the company, or another (whose figure other checks leave out)
    return Subject("unclear")


def english_name_before(text: str, end: int, limit: int, ctx: Context) -> tuple[int, int] | None:
    """[start, end) of the business line's name written right before ``end`` ("… both online marketing
    services (up 39%…)"), read back to a stop word; None when there is none."""
    rules = ctx.rules
    run: list[re.Match[str]] = []
    edge = end
    for m in reversed(list(EN_TOKEN.finditer(text, max(limit, end - EN_REACH), end))):
        low = m.group(0).lower()
        if text[m.end() : edge].strip() or len(run) >= rules.en_max_words:
            break
        if low in rules.en_stops or low in ("both", "either") or rules.change.direction_re.fullmatch(low):
            break
        run.append(m)
        edge = m.start()
    if not run or not re.search(r"[A-Za-z]", run[0].group(0)):
        return None
    start, stop = run[-1].start(), run[0].end()
    if text[start:stop].lower() in rules.en_not_units or find_money_word(text[start:stop], ctx):
        return None
    return start, stop


EN_OPENER = re.compile(
    r"(?:^|(?<=[.!?])\s+|^\s*(?:[-*•·]+\s*))In\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:(?:\s+|,\s*)(?:(?:and|&|of|the)\s+)?[A-Za-z][\w.&'’-]*){0,7}?)\s*,\s"
)
"""A sentence opening with a place or unit named in capitals ("In The Americas, sales rose…",
"In Europe, revenue was down 10%")."""


def english_opening_unit(text: str, word_start: int, ctx: Context) -> Subject | None:
    """The unit (a region, a division) a sentence of the line names in its opening phrase before
    ``word_start`` ("In The Americas, sales rose 3.9% to CHF 33.2bn"): the figures of that sentence and
    of the line's sentences after it are the unit's, up to the next such opening. None when no
    sentence opens so, or the opening names a period, a currency or the company."""
    rules = ctx.rules
    last = None
    for m in EN_OPENER.finditer(text, 0, word_start):
        last = m
    if last is None:
        return None
    start, end = last.span("name")
    name = text[start:end]
    words = re.findall(r"[\w.&'’-]+", name)
    if name.lower() in rules.en_opening_not_units or any(
        w.lower() in rules.en_opening_not_units for w in words
    ):
        return None
    if re.search(r"\d", name) or rules.cues.find(name) or any(w.lower() in rules.month_words for w in words):
        return None  # "In Q3,", "In fiscal 2024,", "In January,": a period
    if not all(
        w[:1].isupper() or re.search(r"[A-Z]", w) or w.lower() in ("and", "&", "of", "the") for w in words
    ):
        return None  # "In other words,", "In constant currency terms,": no name
    cut, found = _strip_names(text, start, end, ctx)
    if found == "other":
        return Subject("other")
    if found == "own":
        return None
    return name_subject(text, start, end, ctx)
