"""Guidance and consensus figures -> :class:`Forecast` entries (kept apart from the metrics).

``entries`` hands over the figures it leaves out as guidance (预计下季度收入…) or as a consensus
(市场预期…) with the entry whose metric they speak of. Here each entry's figures become one
forecast: a range (two amounts joined by 至/到/-/to), a value, a growth rate; the period it is
about comes from the wording (下季度, 全年, 明年 in the lexicon's ``guidance_periods``) or a
fiscal period named beside it.
"""

from __future__ import annotations

import re

from generator.extract.metrics.clauses import clause_starts
from generator.extract.metrics.context import Context
from generator.extract.metrics.shapes import Entry, Pending
from generator.extract.numbers import Amount, Percent
from generator.model import Evidence, Forecast, Line


def forecasts(pending: list[tuple[Line, Pending]], ctx: Context) -> list[Forecast]:
    """One forecast per entry (in order of line), from the figures handed over for it."""
    groups: dict[int, tuple[Line, Entry, list[Amount | Percent]]] = {}
    for line, p in pending:
        groups.setdefault(id(p.entry), (line, p.entry, []))[2].append(p.figure)
    out = []
    for line, entry, figs in groups.values():
        f = _forecast(line, entry, sorted(figs, key=lambda x: x.start), ctx)
        if f is not None:
            out.append(f)
    return sorted(out, key=lambda f: f.evidence.line)


def _forecast(line: Line, entry: Entry, figs: list[Amount | Percent], ctx: Context) -> Forecast | None:
    rules, text = ctx.rules, line.norm
    f = Forecast(metric=entry.metric, segment=entry.segment, evidence=Evidence(line.number, ""))
    amounts = [a for a in figs if isinstance(a, Amount) and not a.shares]
    used: list[Amount | Percent] = []
    if amounts and rules.kind(entry.metric) not in ("ratio",):
        first = amounts[0]
        second = amounts[1] if len(amounts) > 1 else None
        unit = _unit(first, entry, ctx)
        if unit is None:
            return None
        if second is not None and rules.joins_range(text[first.end : second.start]):
            f.low, f.high = _signed(first, entry), _signed(second, entry)
            used += [first, second]
        else:
            f.value = _signed(first, entry)
            used.append(first)
        f.unit = unit
    percents = [p for p in figs if isinstance(p, Percent)]
    starts = clause_starts(text, [])
    for p in percents:
        start = max([s for s in starts if s <= p.start] + [entry.sentence.start])
        change = rules.change.change_of(text, p, start)
        if change is not None and change[0] in ("yoy", "qoq") and f.growth_pct is None:
            f.growth_pct = change[1]
            used.append(p)
        elif change is None and rules.kind(entry.metric) == "ratio" and f.value is None and f.low is None:
            nxt = next((q for q in percents if q.start > p.end), None)
            if nxt is not None and rules.joins_range(text[p.end : nxt.start]):
                f.low, f.high = float(p.value), float(nxt.value)
                used += [p, nxt]
            else:
                f.value = float(p.value)
                used.append(p)
            f.unit = "%"
    if not used or _buyback(text, entry, used, ctx):
        return None
    start = min([entry.start, *(x.start for x in used)])
    end = max([entry.word.end, *(x.end for x in used)])
    f.evidence = Evidence(line.number, line.original_slice(start, end).strip())
    figure_start, figure_end = min(x.start for x in used), max(x.end for x in used)
    f.as_written = line.original_slice(figure_start, figure_end).strip()
    f.fiscal_year, f.fiscal_quarter = _period(text[entry.sentence.start : entry.sentence.end], ctx)
    return f


def _unit(a: Amount, entry: Entry, ctx: Context) -> str | None:
    kind = ctx.rules.kind(entry.metric)
    if kind == "users":
        return "users"
    if kind == "count":
        return ctx.rules.count_unit(entry.metric) or a.counter
    if a.unknown_currency:
        return None
    return a.currency or ctx.default_currency


def _signed(a: Amount, entry: Entry) -> float | int:
    return -abs(a.value) if entry.word.loss else a.value


def _period(text: str, ctx: Context) -> tuple[int | None, int | None]:
    """(fiscal year, fiscal quarter) the text names for a forecast, relative to the call's period;
    (None, None) when it names none or the call's period is unknown."""
    year, quarter = ctx.period.fiscal_year, ctx.period.fiscal_quarter
    relative = ctx.rules.guided_period(text)
    if year is None:
        return None, None
    if relative == "next_quarter" and quarter is not None:
        return (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    if relative == "next_year":
        return year + 1, None
    if relative == "this_year":
        return year, None
    cues = [c for c in ctx.rules.cues.find(text) if c.year is not None or c.quarter is not None]
    if cues and (cues[-1].fiscal or ctx.fiscal_start == 1):
        cue = cues[-1]
        fy = cue.year if cue.year is not None else year
        return fy, cue.quarter
    return None, None


def _buyback(text: str, entry: Entry, used: list[Amount | Percent], ctx: Context) -> bool:
    """True when the figure is a share buy-back's (回购授权, 总额约4.6亿美元的股票回购, a repurchase
    program of up to US$…): an authorisation or a plan to return capital, never an outlook of results."""
    words = ctx.rules.metrics.get("share_repurchase", {}).get("words", [])
    end = max(x.end for x in used)
    tail = re.match(r"[^,，。;；!?！？]*", text[end:])
    span = text[entry.word.start : end] + (tail.group(0) if tail else "")
    return any(w.lower() in span.lower() for w in words)
