"""Stage 2b: the company's reported figures in a Document -> Metric list (+ review notes).

Reads ``Line.norm`` sentence by sentence and clause by clause. A metric word (lexicon
``metrics``) opens an entry; the amount that follows it in its clause (or in the next
clauses while it still has none) is its value, a percentage with year-on-year or
quarter-on-quarter wording is its change. Figures of other companies, of the market, of
an earlier period, of a consensus, or the same figure converted to another currency are
left out. When in doubt a figure is left out and a review note says why.

The flow: ``context`` (what is known about the call) -> ``table_entries`` and ``entries``
(tables and lines -> entries, hard-wrapped English lines joined by ``wrapped`` first, sentences
pointing back at a figure read by ``backref``; ``clauses``,
``attribution`` and ``figures`` decide what belongs together) -> ``_to_metric`` here (with
``scope`` for the period) -> ``dedup`` (one value per figure). Below them: ``segments`` (whose
figure a word names), ``inherit`` (a line's inherited scope cue), ``rules`` with ``changes`` and
``cues`` (the metrics lexicon compiled), ``patterns`` and ``shapes`` (the working dataclasses).
Imports point one way, from this module down to ``shapes``; none points back up, not even for
types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from generator.extract.metrics.attribution import rfind_name
from generator.extract.metrics.backref import Pointers, complete
from generator.extract.metrics.clauses import item_start
from generator.extract.metrics.context import Context, build_context
from generator.extract.metrics.dedup import deduplicate
from generator.extract.metrics.entries import line_entries
from generator.extract.metrics.outlook import forecasts
from generator.extract.metrics.scope import COMPLETED_RE, reporting_scope, same_period
from generator.extract.metrics.segments import unit_display_name
from generator.extract.metrics.shapes import Cue, Entry, Pending, Span, Word
from generator.extract.metrics.table_entries import table_entries
from generator.extract.metrics.wrapped_en import Joined, join_wrapped
from generator.extract.metrics.wrapped_zh import JoinedLine, joined_lines
from generator.extract.numbers import Amount, Percent, find_amounts
from generator.lexicon.currencies import currencies
from generator.model import Company, Document, Evidence, Forecast, Line, Metric, Period
from generator.source.chinese import normalise, to_simplified
from generator.source.clean import PINYIN

_Fig = TypeVar("_Fig", Metric, Forecast)

SIZE_RATIO = 4
"""An ambiguous word's figure at most a quarter of its metric's sure figure is read as the other metric."""

__all__ = ["Context", "Entry", "Figures", "Span", "Word", "extract_figures", "extract_metrics"]


def extract_metrics(doc: Document, company: Company, period: Period) -> tuple[list[Metric], list[str]]:
    """The company's figures in ``doc`` (deduplicated, sorted by line then id) and review notes."""
    found = extract_figures(doc, company, period)
    return found.metrics, found.notes


@dataclass
class Figures:
    """What :func:`extract_figures` finds: the metrics, guidance, consensus and review notes."""

    metrics: list[Metric]
    guidance: list[Forecast]
    consensus: list[Forecast]
    notes: list[str]


def extract_figures(doc: Document, company: Company, period: Period) -> Figures:
    """The company's figures in ``doc``, the guidance it gives and the consensus the text quotes."""
    ctx = build_context(doc, company, period)
    pending: list[tuple[Line, Pending]] = []
    notes: list[str] = []
    entries, table_lines = table_entries(doc, ctx, notes)
    headline_lines: set[int] = set()
    lines = joined_lines(doc.lines, table_lines, list(currencies().prefixes))  # hard-wrapped Chinese
    readable = (ln for ln in lines if ln.number not in table_lines and ln.norm.strip())
    blank = frozenset(ln.number for ln in lines if not ln.original.strip() and ln.number not in table_lines)
    # hard-wrapped English, and sentences a page cut into pieces between blank lines
    runs = join_wrapped(readable, ctx.rules.wrap_end_re, ctx.rules.wrap_start_re, blank)
    joined = {j.line.number: j for j in runs}
    pointers = Pointers()
    for line in lines:
        if line.number in table_lines:
            continue
        if line.norm.strip():
            if line.number not in joined:
                continue  # carried on from the line before: read with it
            line = joined[line.number].line
            waiting: list[Pending] = []
            entries.extend((line, e) for e in pointers.read(line, ctx, notes, waiting))
            pending.extend((line, p) for p in waiting)
        elif line.original.strip() and _names_only_this_company(line.original, ctx):
            headline = Line(line.number, line.original, line.original, normalise(line.original))
            found = line_entries(headline, ctx, notes)
            entries.extend((headline, e) for e in found)
            headline_lines.update(headline.number for _ in found[:1])
    metrics = []
    preferred: set[int] = set()
    ambiguous: set[int] = set()
    unsure: set[int] = set()
    above: set[int] = set()
    by_word: dict[tuple[int, int], Metric] = {}
    for line, entry in entries:
        if id(entry) in pointers.referred:
            target = by_word.get(pointers.referred[id(entry)])
            if target is not None:
                complete(target, entry)  # "That was up 26.3 percent": the figure before's change
            continue
        metric = _to_metric(line, entry, ctx, notes, strict=line.number in headline_lines)
        if metric is not None:
            metrics.append(metric)
            by_word[(line.number, entry.word.start)] = metric
            word = line.norm[entry.word.start : entry.word.end]
            if ctx.rules.is_preferred(word):
                preferred.add(id(metric))
            if entry.metric == entry.word.metric and ctx.rules.sized_as(entry.metric, word):
                ambiguous.add(id(metric))
                if ctx.rules.sized_unsure(entry.metric, word):
                    unsure.add(id(metric))
            if entry.metric == entry.word.metric and ctx.rules.sized_above(entry.metric, word):
                above.add(id(metric))
    sized = [_by_size(m, metrics, ambiguous, ctx, notes) for m in metrics]
    sized = [_by_size_above(m, sized, above, ctx, notes) for m in sized]
    metrics = [
        m for m, old in zip(sized, metrics, strict=True) if _above_profit(m, old, sized, unsure, notes)
    ]
    kept = [_ground(m, joined) for m in deduplicate(metrics, notes, headline_lines, preferred)]
    for m in kept:
        if m.evidence.line in headline_lines:
            notes.append(
                f"line {m.evidence.line}: {m.metric} taken from a link or headline line the reader dropped"
            )
    guided = forecasts([(ln, p) for ln, p in pending if p.kind == "guidance"], ctx)
    quoted = forecasts([(ln, p) for ln, p in pending if p.kind == "consensus"], ctx)
    guidance = [_ground(f, joined) for f in guided]
    consensus = [_ground(f, joined) for f in quoted]
    return Figures(kept, guidance, consensus, sorted(set(notes), key=_note_key))


def _ground(figure: _Fig, joined: dict[int, Joined]) -> _Fig:
    """A metric or forecast read on a joined line, its evidence put back on one physical line."""
    j = joined.get(figure.evidence.line)
    if j is None or len(j.parts) == 1:
        return figure
    return replace(figure, evidence=j.ground(figure.evidence, getattr(figure, "as_written", None)))


def _by_size(
    metric: Metric, metrics: list[Metric], ambiguous: set[int], ctx: Context, notes: list[str]
) -> Metric:
    """An ambiguous word's figure (净收入) read as the other metric it may name (net income) when the
    text gives the same period's figure of its metric by another word and this one is far smaller:
    总净收入23.8亿元 … 净收入为6000万元 is net income, not a second revenue."""
    if id(metric) not in ambiguous or metric.segment or not isinstance(metric.value, (int, float)):
        return metric
    other = ctx.rules.sized_as(metric.metric, None)
    sure = [
        m.value
        for m in metrics
        if m.metric == metric.metric
        and id(m) not in ambiguous
        and not m.segment
        and m.scope == metric.scope
        and m.unit == metric.unit
        and isinstance(m.value, (int, float))
    ]
    if other is None or not sure or abs(metric.value) * SIZE_RATIO > max(sure):
        return metric
    notes.append(
        f"line {metric.evidence.line}: {metric.evidence.text} read as {other}: far below the {metric.metric} "
        "the text gives for the same period"
    )
    return replace(metric, metric=other)


def _by_size_above(
    metric: Metric, metrics: list[Metric], above: set[int], ctx: Context, notes: list[str]
) -> Metric:
    """An ambiguous word's figure ("operating income") read as the other metric it may name (revenue)
    when the text gives the same period's figure of its metric by another word ("operating profit")
    and this one is far larger."""
    if id(metric) not in above or metric.segment or not isinstance(metric.value, (int, float)):
        return metric
    target = ctx.rules.metrics.get(metric.metric, {}).get("sized_above")
    sure = [
        m.value
        for m in metrics
        if m.metric == metric.metric
        and id(m) not in above
        and not m.segment
        and m.scope == metric.scope
        and m.unit == metric.unit
        and isinstance(m.value, (int, float))
        and m.value > 0
    ]
    if not target or not sure or metric.value < SIZE_RATIO * max(sure):
        return metric
    notes.append(
        f"line {metric.evidence.line}: {metric.evidence.text} read as {target}: far above the "
        f"{metric.metric} the text gives for the same period by another word"
    )
    return replace(metric, metric=str(target))


PROFITS = (
    "net_income",
    "non_gaap_net_income",
    "operating_income",
    "adjusted_ebitda",
    "ebitda",
    "gross_profit",
)
"""The profit figures below which a group's revenue stands (to tell what an unsure word names)."""


def _above_profit(
    metric: Metric, word_metric: Metric, metrics: list[Metric], unsure: set[int], notes: list[str]
) -> bool:
    """False for an unsure word's figure (净收益) still read as revenue when no profit figure of the
    same period stands below it: the text does not say whether it is revenue or net income."""
    if id(word_metric) not in unsure or metric.metric != word_metric.metric or metric.segment:
        return True
    if not isinstance(metric.value, (int, float)) or metric.value <= 0:
        return metric.value is None
    below = [
        m
        for m in metrics
        if m.metric in PROFITS
        and not m.segment
        and m.scope == metric.scope
        and m.unit == metric.unit
        and isinstance(m.value, (int, float))
        and 0 < m.value < metric.value
    ]
    if below:
        return True
    notes.append(
        f"line {metric.evidence.line}: {metric.evidence.text} may be revenue or net income "
        "(净收益): no figure of the same period tells; left out"
    )
    return False


def _names_only_this_company(text: str, ctx: Context) -> bool:
    """True when a dropped line (a related-article link) names this company and no other."""
    norm = normalise(text)
    own = any(rfind_name(norm, n) >= 0 for n in ctx.own_names)
    return own and not any(rfind_name(norm, n) >= 0 for n in ctx.others)


def _note_key(note: str) -> tuple[int, str]:
    m = re.match(r"line (\d+)", note)
    return (int(m.group(1)) if m else 0, note)


def _to_metric(
    line: Line, entry: Entry, ctx: Context, notes: list[str], strict: bool = False
) -> Metric | None:
    """The Metric of a finished entry; None when its scope cue names another period.

    ``strict``: keep it only when a cue names this period's quarter or year (for headline lines).
    """
    text = line.norm
    anchor = min(x.start for x in _figures(entry))
    cue = None if entry.from_table else _scope_cue(text, entry, anchor, ctx)
    if cue is not None and not same_period(cue, ctx):
        return None
    if cue is not None and cue.month is not None and ctx.rules.kind(entry.metric) == "money":
        notes.append(
            f"line {line.number}: {entry.metric} of {text[cue.start : cue.end]} is one month's, "
            "not the period's; left out"
        )
        return None  # "revenue for the month of August 2020" in a Q3 call: a part of the quarter
    if cue is not None and cue.scope == "month" and COMPLETED_RE.search(text[cue.end : anchor]):
        figure = text[anchor : max(x.end for x in _figures(entry))].strip()
        notes.append(
            f"line {line.number}: {entry.metric} {figure} "
            f"is the total of something completed in {text[cue.start : cue.end]}, not this period's; left out"
        )
        return None  # 已于2月完成回购，累计回购3.8亿元: a programme's total, not one month's
    if strict and (cue is None or (cue.quarter is None and cue.year is None)):
        return None
    scope = cue.scope if cue else entry.table_scope
    if cue is None and not entry.from_table and not strict:
        inherited = ctx.inherited.get(line.number)
        if inherited is not None:
            inh, heading = inherited
            if same_period(inh, ctx):
                own = inh.scope in (
                    "quarter",
                    reporting_scope(ctx),
                )  # 上半年… then 毛利率为x% in an H1 record
                scope = inh.scope if heading or own else None
            elif heading and (inh.quarter is not None or inh.year is not None):
                return None  # under a heading that names another period
    if scope is None and cue is None and not entry.from_table and not strict:
        scope = _scope_by_comparison(text, entry, anchor, ctx)
    if scope == "reporting_period":
        scope = reporting_scope(ctx)  # 报告期内: the call's own period
    value: int | float | None = None
    unit: str | None = None
    as_written = None
    if entry.amount is not None:
        a = entry.amount
        value = -abs(a.value) if entry.word.loss or entry.negative else a.value
        if ctx.rules.kind(entry.metric) == "users":
            unit = "users"
        elif ctx.rules.kind(entry.metric) == "count":
            unit = ctx.rules.count_unit(entry.metric) or a.counter
        elif a.unknown_currency:
            notes.append(
                f"line {line.number}: {entry.metric} {text[a.start : a.end].strip()} is in a currency the "
                "reader does not know; left out"
            )
            return None
        else:
            unit = a.currency or _currency_before(text, a.start) or ctx.default_currency
            sign = text[a.start : a.end].lstrip()[:1]
            if a.currency is not None and sign in ctx.sign_currency:
                unit = ctx.sign_currency[sign]  # ¥213.1 billion in a call counting in yen
            if a.bare_yuan:
                unit = ctx.yuan_currency
            if a.currency is None or (a.bare_yuan and ctx.yuan_guessed):  # 212.41億元: which 元?
                notes.append(
                    f"line {line.number}: {entry.metric} {text[a.start : a.end].strip()} has no currency; "
                    f"{unit} assumed"
                )
        as_written = line.original_slice(a.start, a.end).strip()
    elif entry.ratio is not None:
        value, unit = entry.ratio.value, "%"
        as_written = line.original_slice(entry.ratio.start, entry.ratio.end).strip()
    changes = {k: v for k, (v, _) in entry.changes.items()}
    if value is None and not changes:
        return None
    start = min(entry.start, anchor)
    end = max([x.end for x in _figures(entry)] + [entry.word.end])
    if entry.span is not None:
        start, end = entry.span
    number, quoted = line.number, line.original_slice(start, end)
    if isinstance(line, JoinedLine):  # a hard-wrapped sentence: quoted from the line of the figure's digits
        digit = next((i for i in range(anchor, min(end, anchor + 12)) if text[i].isdigit()), anchor)
        number, quoted = line.physical(start, end, digit)
        if as_written is not None and as_written not in quoted:  # 人民幣 / 744.36億元: the part on that line
            as_written = line.physical(anchor, anchor + len(as_written), digit)[1].strip() or None
    return Metric(
        metric=entry.metric,
        evidence=Evidence(line=number, text=quoted.strip()),
        segment=_segment_name(line, entry, ctx),
        scope=scope if not ctx.rules.is_point_in_time(entry.metric) else None,
        value=value,
        unit=unit,
        yoy_pct=changes.get("yoy"),
        qoq_pct=changes.get("qoq"),
        change_pp=changes.get("pp"),
        change_pp_basis=entry.pp_basis if "pp" in changes else None,
        as_written=as_written,
        approximate=entry.approximate,
    )


BRACKET_REACH = 40
"""How far from a scope cue its bracket is looked for (a comparison's bracket is short)."""


def _scope_cue(text: str, entry: Entry, anchor: int, ctx: Context) -> Cue | None:
    """The period cue of an entry's figure: the one written right after its value ("RMB10.5 billion
    for the second quarter of 2024"), else the nearest one before its first figure."""
    value = entry.amount or entry.ratio
    after = ctx.rules.cues.following(text, value.end) if value is not None else None
    cue = after or ctx.rules.cues.nearest(text, anchor)
    if after is None:
        for _ in range(
            4
        ):  # (2021年上半年:人民币228.1亿元),整体毛利率…: a bracketed comparison keeps its period
            opened = _closed_bracket(text, cue, anchor) if cue is not None else None
            if opened is None:
                break
            cue = ctx.rules.cues.nearest(text, opened)
    if cue is not None and after is None and cue.start < item_start(text, anchor):
        return None  # 2025Q2营业收入… [1] - 毛利率48.56%: a bulleted item's period keeps to its item
    if cue is not None and cue.start < entry.sentence.start and ctx.rules.cues.names_same_period(text, cue):
        return None  # 而2024年同期净亏损7980万元。调整后的净利润为…: a compared period keeps to its sentence
    if (
        cue is not None
        and ctx.rules.cues.opens_contrast(text, cue)
        and re.search(r"[;；]", text[cue.end : anchor])
    ):
        return None  # 而2021年上半年为138.22亿元;…基本溢利增长14.9%至30.69亿元: it keeps to its clause
    return cue


def _closed_bracket(text: str, cue: Cue, anchor: int) -> int | None:
    """Where the bracket holding ``cue`` opens, when it closes before ``anchor``; else None. Reads at
    most BRACKET_REACH characters either side of the cue."""
    back = text[max(0, cue.start - BRACKET_REACH) : cue.start]
    opening = max(back.rfind("("), back.rfind("（"))
    if opening < 0 or max(back.rfind(")"), back.rfind("）")) > opening:
        return None
    ahead = text[cue.end : min(anchor, cue.end + BRACKET_REACH)]
    closing = [i for i in (ahead.find(")"), ahead.find("）")) if i >= 0]
    if not closing or "(" in ahead[: min(closing)] or "（" in ahead[: min(closing)]:
        return None
    return max(0, cue.start - BRACKET_REACH) + opening


def _scope_by_comparison(text: str, entry: Entry, anchor: int, ctx: Context) -> str | None:
    """ "quarter" when the figure's change is compared with the quarter a year (year over year) or a
    quarter (quarter over quarter) before the call's: "RMB1,299 million, up 26.5% year over year
    compared to Q2 2024" in a Q2 2025 call is the quarter's figure. None otherwise."""
    period = ctx.period
    if period.fiscal_quarter is None or period.fiscal_year is None:
        return None
    year, quarter = period.fiscal_year, period.fiscal_quarter
    before = {
        "yoy": (year - 1, quarter),
        "qoq": (year - 1, 4) if quarter == 1 else (year, quarter - 1),
    }
    cues = [c for c in ctx.rules.cues.find(text) if anchor <= c.start < entry.sentence.end]
    cues += ctx.rules.cues.compared(text, anchor, entry.sentence.end)
    named = {(c.year, c.quarter) for c in cues if c.scope == "quarter" and c.year is not None}
    if not named:
        return None
    wanted = {before[k] for k in entry.changes if k in before}
    return "quarter" if wanted and named <= wanted else None


def _segment_name(line: Line, entry: Entry, ctx: Context) -> str | None:
    """The unit's name: the lexicon's canonical name (simplified, whatever the text's script) for a
    known unit; else its name as written, in simplified script, without a trailing 业务/板块."""
    if entry.segment_span is not None:
        written = PINYIN.sub("", to_simplified(line.original_slice(*entry.segment_span))).strip()  # 业(yè)务
        return unit_display_name(written, ctx.rules) or None
    return entry.segment


def _figures(entry: Entry) -> list[Amount | Percent]:
    figs: list[Amount | Percent] = [p for _, p in entry.changes.values()]
    if entry.amount is not None:
        figs.append(entry.amount)
    if entry.ratio is not None:
        figs.append(entry.ratio)
    return figs


def _currency_before(text: str, pos: int) -> str | None:
    """The currency of the nearest amount written before ``pos`` on the line."""
    found = [a.currency for a in find_amounts(text[:pos]) if a.currency]
    return found[-1] if found else None
