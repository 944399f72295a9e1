"""Which figures of a sentence a metric takes, and why the others are left out.

A figure is skipped when it is a conversion, an earlier period's, a consensus or the market's,
guidance or a range, a restatement, a delta or a starting point. An open entry takes an amount
of the right kind and a change in year-on-year or quarter-on-quarter wording.
"""

from __future__ import annotations

import re

from generator.extract.metrics.attribution import other_company
from generator.extract.metrics.clauses import clause_of, clause_start_at, inside_any, paragraph_start
from generator.extract.metrics.context import Context
from generator.extract.metrics.scope import relation
from generator.extract.metrics.shapes import Cue, Entry, Span, Word
from generator.extract.numbers import Amount, Percent, find_amounts, find_percents
from generator.lexicon import per_lexicon_set
from generator.lexicon.currencies import currencies
from generator.lexicon.words import alternation

EFFECT_WINDOW = 60
"""How far before a metric word an effect verb is looked for ("impacting adjusted EBITDA by …")."""


@per_lexicon_set
def _range_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The second end of a range after a figure, and the first end before one (1,150亿元至1,180亿元)."""
    currency = alternation(currencies().range_prefixes)
    after = re.compile(rf"^\s*(?:至|到|-|~|～|—|–|to)\s*(?:{currency})?\s*[\d一二三四五六七八九十两]", re.I)
    before = re.compile(rf"[\d亿万元]\s*(?:至|到|-|~|～|—|–)\s*(?:{currency})?\s*$", re.I)
    return after, before


def skip_figure(
    text: str,
    fig: Amount | Percent,
    sentence: Span,
    clauses: list[int],
    parens: list[tuple[int, int]],
    ctx: Context,
) -> str | None:
    """Why a figure is not the company's result (conversion, earlier period, others', guidance…), or None."""
    rules = ctx.rules
    clause_start = max(clauses[clause_of(fig.start, clauses)], sentence.start)
    before = text[clause_start : fig.start]
    if (
        isinstance(fig, Amount)
        and inside_any(fig.start, parens)
        and any(
            s > sentence.start and re.search(r"\d", text[sentence.start : s])
            for s, e in parens
            if s <= fig.start < e
        )
    ):
        return "conversion"  # 2341.56亿元(约合322.92亿美元): the same figure converted
    if isinstance(fig, Amount) and rules.change.ends_with(before, rules.conversion_cues):
        return "conversion"
    kind = rules.excluded_kind(before)
    if kind == "consensus":
        return "consensus"  # 市场预期, 一致预期, compared with expectations of: kept apart
    if rules.change.is_prior(
        _since_change(before, fig, text, ctx), ctx.closes_year, ctx.whole_year
    ) or rules.change.is_list(text[sentence.start : fig.start]):
        return "prior"
    compared = compared_cue(text, clause_start, fig.start, ctx)
    if compared is not None and text[compared[1] : fig.start].strip() in ("", "的", "为", "的水平"):
        if relation(compared[0], ctx) != "same":
            return "prior"  # 较第2季21.4%减少1.3个百分点: the compared quarter's level
    if kind and kind != "guidance":
        return "excluded"  # the market, a share price
    if kind == "guidance" or rules.is_guidance(text[sentence.start : fig.start]):
        return "guidance"
    if rules.opens_guidance(text[paragraph_start(text, sentence.start) : sentence.start]):
        return "guidance"  # 台湾大预估，…；资本支出则为82.4亿元: a later ;-part of the outlook
    if rules.is_bound(text[fig.end : sentence.end]):
        return "guidance"  # 53%及以上的目标: a bound or a goal, not a result
    if rules.is_quote(text[sentence.start : sentence.end]):
        return "excluded"  # 收报406港元，成交额约120亿港元: a share quote
        return "guidance"
    paragraph_before = text[paragraph_start(text, sentence.start) : fig.start]
    if other_company(paragraph_before, ctx):
        return "excluded"  # 蔚来营收…；问界交付…: the paragraph's last company is not this one
    if rules.cites_others(paragraph_before):
        return "others"
    if rules.is_restated(text[sentence.start : fig.start]):
        return "restated"  # 按固定汇率计算，收入同比持平: the same figure on another basis
    if isinstance(fig, Amount):
        if rules.change.is_delta(before):
            return "delta"  # 同比增加50亿元: the change, not the level
        if rules.change.is_from(before, text[fig.end : sentence.end]):
            return "prior"  # 从8亿元收窄至3亿元: the starting figure
    elif rules.change.is_from(before, text[fig.end : sentence.end]) or (
        not fig.points and rules.change.starts_from(before)
    ):
        return "prior"  # 毛利率从8%提升至10%, increased to 40.7 percent from 38.4 percent, 27%, down from 36%
        range_after, range_before = _range_res()
        if range_after.match(text[fig.end : sentence.end]) or range_before.search(before):
            return "guidance"  # 1,150亿元至1,180亿元: a range is an outlook, not a result
    return None


def prior_level(
    text: str, entry: Entry | None, fig: Amount | Percent, clauses: list[int], ctx: Context
) -> None:
    """A ratio's level, then its starting level ("27%, down from 36% a year ago", "rose to 19 percent
    from 16.2 percent in the third quarter last year"): the change in points between the two, its basis
    read from the wording beside the starting level (null when the text does not say)."""
    if (
        entry is None
        or entry.excluded
        or not isinstance(fig, Percent)
        or fig.points
        or fig.wording
        or ctx.rules.kind(entry.metric) != "ratio"
        or entry.ratio is None
        or entry.ratio.points
        or entry.ratio.start > fig.start
        or "pp" in entry.changes
    ):
        return
    if any(p.points for p in find_percents(text[fig.end : entry.sentence.end])):
        return  # 较上年同期的18%提升2.3个百分点: the change written in points is the one kept
    start = clause_start_at(fig.start, clauses, entry.sentence)
    entry.changes["pp"] = (round(float(entry.ratio.value) - float(fig.value), 4), fig)
    entry.pp_basis = _level_basis(text, fig, start, ctx)


def _level_basis(text: str, fig: Percent, clause_start: int, ctx: Context) -> str | None:
    """yoy | qoq for the period named beside a starting level ("36% a year ago", "16.2 percent in the
    third quarter last year"), else None."""
    basis = ctx.rules.change.basis_of(text, fig, clause_start)
    if basis is not None:
        return basis
    link = ctx.rules.compared_period_link_re.match(text, fig.end)
    at = link.end() if link else fig.end
    cue = next((c for c in ctx.rules.cues.find(text[at : at + 60]) if c.start == 0), None)
    if cue is not None and (basis := relation(cue, ctx)) in ("yoy", "qoq"):
        return basis
    rest = re.match(r"[^,;.。，；]{0,60}", text[at:])
    said = ctx.rules.compared_basis_re.search(rest.group(0)) if rest and ctx.rules.compared_basis_re else None
    return said.lastgroup if said is not None and said.lastgroup in ("yoy", "qoq") else None


def takes_figure(text: str, entry: Entry, fig: Amount | Percent, clauses: list[int], ctx: Context) -> bool:
    """True when the open ``entry`` takes the figure that follows it in the sentence."""
    if entry.word.end <= fig.start and ctx.rules.names_cause(text[entry.word.end : fig.start]):
        return False  # 盈利上升，主要由于…补偿收益约17.6亿元: the cause's figure
    if entry.word.end <= fig.start and ctx.rules.names_effect(
        text[max(entry.sentence.start, entry.word.start - EFFECT_WINDOW) : entry.word.start],
        text[entry.word.end : fig.start],
    ):
        return False  # impacting EBITDA by $165 million: an effect's size, not the metric
    if (
        entry.word.end <= fig.start
        and not (entry.segment or entry.segment_span)
        and ctx.rules.refers_to_unit(text[entry.word.end : fig.start])
    ):
        return False  # a gross margin increase in the segment to nearly 30%: the unit's, not the group's
    if isinstance(fig, Percent):
        if ctx.rules.kind(entry.metric) == "ratio" and ctx.rules.is_ratio_effect(
            text[entry.word.end : fig.start]
        ):
            return False  # 毛利率稀释约2%: an effect on the margin, not its level
        fig_clause = text[clause_start_at(fig.start, clauses, entry.sentence) : fig.start]
        if any(q in fig_clause for q in ctx.rules.other_quantities):
            return False  # 股本净减少1.4%: the change of another quantity
        change = period_change(text, fig, clause_start_at(fig.start, clauses, entry.sentence), ctx)
        if change is None:
            return entry.ratio is None and ctx.rules.kind(entry.metric) == "ratio" and not fig.points
        if change[0] == "pp" and ctx.rules.kind(entry.metric) != "ratio":
            return False  # 收入增速提升8个百分点: points are a ratio's change, not an amount's
        return change[0] not in entry.changes
    if entry.amount is not None and entry.approximate and fits_metric(entry.metric, fig, ctx):
        clause = clause_of(fig.start, clauses)
        lead = text[max(clauses[clause], entry.sentence.start) : fig.start].strip()
        return (  # 首次突破100亿元,达到107亿元: a milestone passed, then the figure itself
            clause != entry.clause and lead in ctx.rules.change.to_words and fig.value >= entry.amount.value
        )
    if entry.amount is not None or not fits_metric(entry.metric, fig, ctx):
        return False
    if ctx.rules.names_other_amount(entry.metric, text[entry.word.end : fig.start]):
        return False  # 回购计划，规模最高为30亿美元: an authorisation's size, not money spent
    if ctx.rules.kind(entry.metric) == "count" and not ctx.rules.counts_this(
        entry.metric, text[entry.word.end : fig.start]
    ):
        return False  # 交付设备1,200台: another object counted
    clause = clause_of(fig.start, clauses)
    if clause == entry.clause:
        return True
    if not entry.has_figure():
        return True  # 可以用于回购的金额, 我们还有近300亿
    before = text[max(clauses[clause], entry.sentence.start) : fig.start].strip()
    # …下降31%, 至390.2亿元; "or 6 percent annually, to NT$7.76 billion" (" to" stands alone, stripped)
    return any(before.endswith(w) or before == w.strip() for w in ctx.rules.change.to_words)


CONVERSION_LEAD = re.compile(r"^\([^()]{0,40}\)\s*")
"""A bracketed conversion right after an English figure, before the words that name it."""


def figure_gap(text: str, fig: Amount | Percent, word: Word) -> str:
    """The words between a figure and the metric word after it, an English bracketed conversion left out
    ("RMB338.8 million (US$49.3 million) of net cash from…": "of")."""
    gap = text[fig.end : word.start].strip()
    return CONVERSION_LEAD.sub("", gap) if gap.isascii() else gap


def takes_following(
    text: str, fig: Amount | Percent, word: Word, entry: Entry, clauses: list[int], ctx: Context
) -> bool:
    """True when a figure written just before ``word`` is its figure (165亿美元的股东回报, 5%的CMR增长)."""
    if clause_of(fig.start, clauses) != clause_of(word.start, clauses):
        return False
    gap = figure_gap(text, fig, word)
    if isinstance(fig, Percent):
        start = clause_start_at(fig.start, clauses, entry.sentence)
        if (
            (gap == "" or gap.lower() in ctx.rules.figure_before_gaps)
            and not fig.wording
            and text[word.start : word.end].isascii()
            and ctx.rules.kind(entry.metric) == "ratio"
            and entry.ratio is None
            and not fig.points
            and period_change(text, fig, start, ctx) is None
        ):
            return True  # "17.9% in gross margin", "a 17.9% gross margin": the ratio's level
        if gap != "的" and not ctx.rules.change_before_word(gap):
            return False  # 5%的CMR增长; "a 45% year-over-year growth in net product revenues"
        return period_change(text, fig, start, ctx) is not None
    if fig.chinese or not fits_metric(entry.metric, fig, ctx):
        return False
    modifiers = ctx.rules.variant_cues(word.metric)
    if gap.lower() in ctx.rules.figure_before_gaps:
        return True  # RMB2,353.1 million in revenues
    return gap in ("", "的") or any(m in gap for m in modifiers)


def fits_metric(metric: str, amount: Amount, ctx: Context) -> bool:
    """True when ``amount`` is the kind of figure ``metric`` takes."""
    kind = ctx.rules.kind(metric)
    if amount.shares:
        return False
    if kind == "count":
        counted = amount.counter in ctx.rules.counters(metric) or (
            amount.counter is None and amount.has_magnitude
        )
        return amount.currency is None and not amount.users and counted
    if amount.counter is not None:
        return False
    if kind == "users":
        return amount.currency is None and (amount.has_magnitude or amount.users)
    if amount.users:
        return False
    if kind in ("per_share", "per_user"):
        return amount.currency is not None and not amount.has_magnitude
    if kind == "money":
        return amount.has_magnitude or (amount.currency is not None and abs(amount.value) >= 10**6)
    return False


SIGN_REACH = 12
"""How far before an amount its written minus sign is looked for."""

SIGN_BEFORE = re.compile(r"(?<![-−A-Za-z])[-−]\s*$|负\s*$")
"""A minus written before an amount; not a label's "--" separator ("Revenue-- $104,000,000")."""


def assign(
    text: str, entry: Entry, fig: Amount | Percent, sentence: Span, clauses: list[int], ctx: Context
) -> None:
    """Give ``fig`` to ``entry``: as its amount, its ratio, or one of its changes."""
    if isinstance(fig, Amount):
        entry.amount = fig
        entry.approximate = fig.approximate or ctx.rules.change.approximate(text, fig, sentence.start)
        between = text[entry.word.end : fig.start] if entry.word.end <= fig.start else ""
        written_sign = SIGN_BEFORE.search(text[max(0, fig.start - SIGN_REACH) : fig.start])
        entry.negative = bool(written_sign) or ctx.rules.change.says_loss(between)
        return
    start = clause_start_at(fig.start, clauses, sentence)
    change = period_change(text, fig, start, ctx)
    if change is None:
        entry.ratio = fig
    elif entry.word.loss:
        return  # the change of a loss has no agreed sign
    elif fig.wording and ctx.rules.kind(entry.metric) == "ratio":
        if change[1] == 0:
            entry.changes["pp"] = (0, fig)  # 毛利率同比持平: unchanged in points
            entry.pp_basis = ctx.rules.change.basis_of(text, fig, start)
    else:
        entry.changes[change[0]] = (change[1], fig)
        if change[0] == "pp":
            entry.pp_basis = ctx.rules.change.basis_of(text, fig, start)


def period_change(text: str, pct: Percent, clause_start: int, ctx: Context) -> tuple[str, float] | None:
    """The change ``pct`` states (see ``ChangeWording.change_of``), its basis read from the period
    English names right after it: "6.5% from the second quarter of 2024" is quarter-on-quarter in a
    third-quarter call, "4.1% from the third quarter of 2023" year-on-year."""
    rules = ctx.rules
    change = rules.change.change_of(text, pct, clause_start)
    opener = _opening_basis(text, pct, clause_start, ctx)
    if change is not None and change[0] in ("yoy", "qoq") and opener is not None:
        change = (opener, change[1])  # "On a quarterly basis, net profits fell 16.2 percent"
    unsaid = change is not None and opener is None and rules.change.basis_of(text, pct, clause_start) is None
    if change is not None and change[0] in ("yoy", "qoq") and unsaid:
        compared = compared_cue(text, clause_start, pct.start, ctx)  # 较第2季1604.39亿元成长17.6%
        basis = relation(compared[0], ctx) if compared is not None else None
        if basis in ("yoy", "qoq"):
            change = (basis, change[1])
    if pct.points or rules.compared_period_re is None:
        return change
    m = rules.compared_period_re.match(text, pct.end)
    if m is None:
        return change
    at = m.end()
    cue = next((c for c in rules.cues.find(text[at : at + 60]) if c.start == 0), None)
    if cue is None and (past := _past_starting_figure(text, at, ctx)) is not None:
        at = past  # "4.8 per cent from NT$5,428.1 million (US$187.5 million) in the second quarter of 2020"
        cue = next((c for c in rules.cues.find(text[at : at + 60]) if c.start == 0), None)
    if cue is None:
        said = rules.compared_basis_re.match(text, at) if rules.compared_basis_re is not None else None
        if said is None:
            return change
        basis = said.lastgroup  # "15.9% from RMB343.8 million in the last quarter": quarter-on-quarter
    else:
        basis = relation(cue, ctx)
    if cue is not None and basis in ("other", "same") and ctx.period.fiscal_quarter is None:
        basis = _relative_to_own(text, pct, cue, ctx)  # the call's period unknown: the figure's own
    if basis not in ("yoy", "qoq"):
        return change
    if change is not None:
        return (basis, change[1]) if change[0] in ("yoy", "qoq") else change
    directions = list(rules.change.direction_re.finditer(text, clause_start, pct.start))
    if not directions:
        return None
    value = float(pct.value)
    return basis, value if rules.change.up_re.fullmatch(directions[-1].group(0)) else -abs(value)


STARTING_FIGURE_REACH = 80
"""How far after a from-word the starting figure and its conversion are read."""


def _past_starting_figure(text: str, at: int, ctx: Context) -> int | None:
    """Where the period after a change's starting figure is written ("from RMB28.6 million (US$4.0
    million) in the third quarter of 2023": the position of "the third quarter"), else None."""
    window = text[at : at + STARTING_FIGURE_REACH]
    amounts = find_amounts(window)
    if not amounts or window[: amounts[0].start].strip():
        return None
    end = amounts[0].end
    bracket = re.match(r"\s*\([^()]{0,40}\)", window[end:])
    if bracket:
        end += bracket.end()
    link = ctx.rules.compared_period_link_re.match(window, end)
    return at + link.end() if link else None


OPENER_REACH = 240
"""How far before a clause its sentence's opening basis ("On a quarterly basis,") is looked for."""


def _opening_basis(text: str, pct: Percent, clause_start: int, ctx: Context) -> str | None:
    """ "yoy" | "qoq" when the change's sentence opens with a clause that only names a basis ("On a
    quarterly basis, net profits fell 16.2 percent, …and EBITDA grew by 21.3%", "Sequentially,
    revenue rose 4%") and the change's own clause names none; else None."""
    change = ctx.rules.change
    if change.basis_of(text, pct, clause_start) is not None:
        return None
    reach = max(0, clause_start - OPENER_REACH)
    back = text[reach:clause_start]
    ends = [m.end() for m in re.finditer(r"[.!?。；;…]\s", back)]
    if not ends and reach > 0:
        return None  # no sentence start within reach
    sentence = back[ends[-1] :] if ends else back
    m = re.match(r"\s*(?:-\s*)?([^,]+?)\s*,", sentence)
    if m is None:
        return None
    for kind, rx in (("qoq", change.qoq_re), ("yoy", change.yoy_re)):
        if rx.fullmatch(m.group(1)):
            return kind
    return None


COMPARED_REACH = 40
"""How far before a figure a comparison word is looked for (bounded: linear on a long line)."""


def compared_cue(text: str, start: int, end: int, ctx: Context) -> tuple[Cue, int] | None:
    """The period named right after the last comparison word in ``text[start:end]`` (较第2季…) and
    where it ends in ``text``; None when there is none."""
    rx = ctx.rules.compared_before_re
    if rx is None:
        return None
    last = None
    for m in rx.finditer(text, max(start, end - COMPARED_REACH), end):
        last = m
    if last is None:
        return None
    tail = text[last.end() : min(end, last.end() + 20)]
    lead = len(tail) - len(tail.lstrip())
    cue = next((c for c in ctx.rules.cues.find(tail) if c.start == lead), None)
    return (cue, last.end() + cue.end) if cue is not None else None


def _since_change(before: str, fig: Amount | Percent, text: str, ctx: Context) -> str:
    """What may make ``fig`` an earlier period's figure: the clause before it, except for a change
    written with its basis right after it ("… compared to Q2 2024 and 39.1% quarter over quarter"),
    which an earlier comparison in its clause does not make an earlier period's."""
    if not isinstance(fig, Percent):
        return before
    rules = ctx.rules
    tail = text[fig.end : fig.end + 40]
    if re.match(rf"\s*(?:{rules.change.yoy_re.pattern}|{rules.change.qoq_re.pattern})", tail, re.I):
        return ""
    return before


def _relative_to_own(text: str, pct: Percent, cue: Cue, ctx: Context) -> str:
    """yoy | qoq | other: the period compared with (``cue``) against the quarter
    the figure's own sentence names before it ("in the third quarter, up … 24.7 percent from the
    second quarter")."""
    own = ctx.rules.cues.nearest(text, pct.start)
    if own is None or own.quarter is None or cue.quarter is None:
        return "other"
    if (
        cue.quarter == own.quarter
        and cue.year is not None
        and own.year is not None
        and cue.year == own.year - 1
    ):
        return "yoy"
    previous = own.quarter - 1 or 4
    same_year = cue.year is None or own.year is None or cue.year == own.year - (own.quarter == 1)
    return "qoq" if cue.quarter == previous and same_year else "other"
