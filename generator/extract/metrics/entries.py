"""One line of text -> the entries (metric word + figures) its sentences state.

Each sentence is read in order of position: a metric word opens an entry (with its final metric
id, business unit and whether it is excluded), the figures after it fill it, and a figure
written just before a word can be taken by it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.extract.metrics.attribution import other_company, segment_of
from generator.extract.metrics.clauses import (
    CLAUSE_RE,
    abbreviation,
    clause_end,
    clause_of,
    clause_start_at,
    clause_starts,
    inside_any,
    paragraph_start,
    parenthesised_spans,
    sentences,
)
from generator.extract.metrics.context import Context
from generator.extract.metrics.figures import (
    assign,
    figure_gap,
    fits_metric,
    period_change,
    prior_level,
    skip_figure,
    takes_figure,
    takes_following,
)
from generator.extract.metrics.segments import (
    english_name_before,
    english_opening_unit,
    figure_subject,
    not_a_unit,
    subject_before,
)
from generator.extract.metrics.shapes import Entry, Pending, Span, Word
from generator.extract.numbers import Amount, Percent, find_amounts, find_percents
from generator.model import Line


def line_entries(
    line: Line,
    ctx: Context,
    notes: list[str],
    forecasts: list[Pending] | None = None,
    pointers: list[Word] | None = None,
) -> list[Entry]:
    """The entries of a line; guidance and consensus figures go to ``forecasts`` when given.
    ``pointers``: words that stand for a metric named before ("That was up 26.3 percent")."""
    text = line.norm
    amounts = find_amounts(text)
    percents = [p for p in find_percents(text) if not any(a.start <= p.start < a.end for a in amounts)]
    percents = sorted(percents + ctx.rules.change.wording_changes(text), key=lambda p: p.start)
    if not amounts and not percents:
        return []
    protected = [(a.start, a.end) for a in amounts] + [(p.start, p.end) for p in percents]
    words = [w for w in ctx.find_words(text) if not inside_any(w.start, protected)]
    words = sorted(words + (pointers or []), key=lambda w: w.start)
    if not words:
        return []
    parens = parenthesised_spans(text)
    words = [w for w in words if not abbreviation(w, words, parens, text)]
    clauses = clause_starts(text, protected)
    entries: list[Entry] = []
    for sentence in sentences(text, protected, ctx.rules):
        entries.extend(
            _sentence_entries(
                line, sentence, clauses, parens, amounts, percents, words, ctx, notes, forecasts, entries
            )
        )
    return entries


def _sentence_entries(
    line: Line,
    sentence: Span,
    clauses: list[int],
    parens: list[tuple[int, int]],
    amounts: list[Amount],
    percents: list[Percent],
    words: list[Word],
    ctx: Context,
    notes: list[str],
    forecasts: list[Pending] | None = None,
    earlier: list[Entry] | None = None,
) -> list[Entry]:
    """``earlier``: the entries of the line's sentences before this one (a change list may reach them)."""
    text = line.norm
    inside = lambda x: sentence.start <= x.start < sentence.end  # noqa: E731
    events: list[tuple[int, object]] = [(w.start, w) for w in words if inside(w)]
    events += [(a.start, a) for a in amounts if inside(a)]
    events += [(p.start, p) for p in percents if inside(p)]
    if not any(isinstance(e, Word) for _, e in events):
        return []
    entries: list[Entry] = []
    open_entry: Entry | None = None
    last_figure_end = sentence.start
    loose: list[Amount | Percent] = []  # figures no entry took yet (a later word may take them)
    respective = _respective(text, [p for p in percents if inside(p)], ctx)
    figures: list[Amount | Percent] = [a for a in amounts if inside(a)]
    figures += [p for p in percents if inside(p)]
    listed = _listed_figures(text, sorted(figures, key=lambda f: f.start), ctx)
    for _, ev in sorted(events, key=lambda e: e[0]):
        if isinstance(ev, Word):
            if open_entry is not None and _inside_segment(ev, open_entry):
                continue  # revenue from auto sales: "sales" is part of the line's name
            if ctx.rules.is_share_base(text[max(sentence.start, ev.start - 40) : ev.start]):
                continue  # "large driver ICs, 33.2% of revenue, up 6.0% QoQ": the base of a share
            if ctx.rules.in_aside(text[clause_start_at(ev.start, clauses, sentence) : ev.start]):
                continue  # "Core marketplace revenue, mainly consisting of … advertising revenues, was up…"
            entry = new_entry(text, ev, sentence, last_figure_end, clauses, ctx, notes, line.number)
            if entry is None:
                if open_entry is not None and open_entry.word.metric != ev.metric:
                    open_entry, loose = None, []  # another metric's word: its figures are not the open one's
                continue
            if not entry.excluded and _other_subject_goes_on(text, entry, open_entry, clauses, ctx):
                entry.excluded, entry.excluded_kind, entry.other_subject = True, "other", True
            if entry.excluded:
                open_entry = entry
                continue
            if entries and entry.segment is None and entry.segment_span is None:
                _unit_ratio(text, entries[-1], entry, ctx)
            if entries:
                _carry_adjusted(text, entries[-1], entry, ctx)
            for fig in reversed(loose):
                if takes_following(text, fig, ev, entry, clauses, ctx):
                    if not _owned_before(text, fig, ev, entry, clauses, ctx):
                        break  # FRUZAQLA generated $130.5 million in sales: a product's
                    if _unit_before(text, fig, entries, ctx):
                        break  # Global Energy delivered $471 million in revenue and 24% in gross margin
                    assign(text, entry, fig, sentence, clauses, ctx)
                    break
            loose = []
            entries.append(entry)
            open_entry = entry
            continue
        assert isinstance(ev, (Amount, Percent))
        fig = ev
        last_figure_end = max(last_figure_end, fig.end)
        if isinstance(fig, Percent) and fig.start in respective:
            place, size, lead = respective[fig.start]
            valued = [e for e in entries if e.amount is not None and not e.excluded]
            named = [e for e in entries if not e.excluded and e.word.end <= lead.start][-size:]
            if len(valued) >= size:
                target = valued[len(valued) - size + place]
                _respective_change(text, target, fig, lead, sentence, clauses, ctx)
            elif not valued and len(named) == size and text[named[0].word.start : lead.start].isascii():
                _respective_change(
                    text, named[place], fig, lead, sentence, clauses, ctx
                )  # "A and B fell 0.8% and 1% respectively"
            continue  # "…in revenues and …in net income, up 66.6% and 156.8% respectively": in order
        if fig.start in listed:
            place, size, cue_start, first = listed[fig.start]
            named = [e for e in entries if e.word.end <= cue_start and not e.excluded][-size:]
            if len(named) == size and _words_listed(text, named, ctx):
                if isinstance(fig, Percent) and all(e.amount is not None for e in named):
                    lead_pct = first if isinstance(first, Percent) else fig
                    _respective_change(text, named[place], fig, lead_pct, sentence, clauses, ctx)
                else:
                    assign(text, named[place], fig, sentence, clauses, ctx)
                continue  # 营收、净利润分别为120亿元、15亿元: in order
            back = _listed_back(text, fig, earlier or [], entries, size, cue_start)
            if back is not None and isinstance(fig, Percent):
                lead = first if isinstance(first, Percent) else fig
                _respective_change(text, back[place], fig, lead, sentence, clauses, ctx)
                continue  # 营收2.06兆元、年增11%;…;净利577亿元、年增17%,分别较第二季成长15%、…、30%
        reason = skip_figure(text, fig, sentence, clauses, parens, ctx)
        if reason == "prior":
            prior_level(text, open_entry, fig, clauses, ctx)  # "27%, down from 36%": a change in points
        if reason:
            if reason in ("guidance", "consensus") and open_entry is not None:
                if forecasts is not None and open_entry.excluded_kind in (None, "guidance", "consensus"):
                    forecasts.append(Pending(reason, open_entry, fig))
                elif reason == "guidance" and not open_entry.excluded:
                    notes.append(
                        f"line {line.number}: {open_entry.metric} {text[fig.start : fig.end].strip()} "
                        "is guidance or an outlook, not a reported figure; left out"
                    )
            continue
        if (
            open_entry is not None
            and not open_entry.excluded
            and takes_figure(text, open_entry, fig, clauses, ctx)
        ):
            assign(text, open_entry, fig, sentence, clauses, ctx)
        elif open_entry is not None and (elided := _elided_adjusted(text, open_entry, fig, clauses, ctx)):
            assign(text, elided, fig, sentence, clauses, ctx)
            entries.append(elided)
            open_entry = elided
        else:
            loose.append(fig)
    for e in entries:
        _bare_count(text, e, sentence, ctx)
    entries.extend(_bracketed_lines(text, sentence, entries, ctx))
    kept = []
    for e in entries:
        if not e.has_figure():
            continue
        if e.unclear:
            notes.append(
                f"line {line.number}: {e.unclear}: the words before the metric name no clear business line; "
                "its figure is left out"
            )
            continue
        if _hedged_change_only(text, e, ctx):
            unit = text[e.segment_span[0] : e.segment_span[1]] if e.segment_span else e.segment
            notes.append(
                f"line {line.number}: {unit} {e.metric}: only a change given as a bound (超过…), "
                "no value; left out"
            )
            continue
        kept.append(e)
    return kept


def _unit_before(text: str, fig: Amount | Percent, entries: list[Entry], ctx: Context) -> bool:
    """True when the figure right before ``fig``, joined to it by "and", is a business unit's: the
    two share their subject, and a unit's ratio is no entry of the group."""
    if not entries or not isinstance(fig, Percent):
        return False
    last = entries[
        -1
    ]  # a unit's (or one refused as no line of the company's: FRUZAQLA … $130.5 million in sales)
    if not (last.segment or last.segment_span or not last.has_figure()) or last.word.end > fig.start:
        return False
    return text[last.word.end : fig.start].strip().lower() in ctx.rules.figure_joiners


def _owned_before(
    text: str, fig: Amount | Percent, word: Word, entry: Entry, clauses: list[int], ctx: Context
) -> bool:
    """For an amount written before an English word with words between ("RMB2.4 billion in revenues"):
    True when it is the group's, or a business line's (the entry becomes the line's); False when the
    name before its verb is another company's or names no line of the company clearly."""
    gap = figure_gap(text, fig, word).lower()
    if not gap or gap not in ctx.rules.figure_before_gaps or entry.segment or entry.segment_span:
        return True
    subject = figure_subject(
        text, fig.start, clause_start_at(fig.start, clauses, entry.sentence), entry.sentence.start, ctx
    )
    if subject.kind in ("none", "own"):
        return True
    seg_metric = ctx.rules.metrics.get(entry.metric, {}).get("segment_metric")
    if subject.kind != "line" or not seg_metric:
        return False
    span = None if subject.name else (subject.start, subject.end)
    if span is not None and not any(text[span[0] : span[1]].endswith(u) for u in ctx.rules.unit_nouns):
        return False  # a product or a name the lexicon does not know as a unit: left out
    entry.metric, entry.segment, entry.segment_span = seg_metric, subject.name, span
    entry.start = min(entry.start, subject.start)
    return True


def _bracketed_lines(text: str, sentence: Span, entries: list[Entry], ctx: Context) -> list[Entry]:
    """Business lines a digest gives in brackets after a group figure of the sentence: "revenue soared
    to RMB 68.8 billion, with gains in both online marketing services (up 39% to RMB 39.7 billion) and
    transaction services (up 315% to RMB 29.1 billion)": each line's figure and change."""
    group = [e for e in entries if e.segment is None and e.segment_span is None and not e.excluded]
    base = next((e for e in group if ctx.rules.metrics.get(e.metric, {}).get("segment_metric")), None)
    if base is None:
        return []
    rules = ctx.rules
    found = []
    pattern = re.compile(
        rf"\(\s*(?:{rules.change.direction_re.pattern})\s+(?P<pct>[^()]{{1,12}}?%)"
        rf"(?:\s+(?:{rules.change.yoy_re.pattern}))?\s+to\s+(?P<amount>[^()]{{1,30}})\)",
        re.I,
    )
    for m in pattern.finditer(text, base.word.end, sentence.end):
        name = english_name_before(text, m.start(), base.word.end, ctx)
        amounts = [a for a in find_amounts(m.group("amount")) if a.currency or a.has_magnitude]
        pcts = find_percents(m.group("pct"))
        if name is None or len(amounts) != 1 or len(pcts) != 1:
            continue
        a, p = amounts[0], pcts[0]
        off_a, off_p = m.start("amount"), m.start("pct")
        amount = replace(a, start=a.start + off_a, end=a.end + off_a)
        pct = replace(p, start=p.start + off_p, end=p.end + off_p)
        down = rules.change.down_re.match(
            text, m.start() + 1 + (len(text[m.start() + 1 :]) - len(text[m.start() + 1 :].lstrip()))
        )
        value = -abs(float(pct.value)) if down else float(pct.value)
        seg_metric = rules.metrics[base.metric]["segment_metric"]
        entry = Entry(
            word=replace(base.word, start=name[0], end=name[1]),
            metric=seg_metric,
            clause=base.clause,
            sentence=sentence,
            start=name[0],
            amount=amount,
            changes={"yoy": (value, pct)},
            segment_span=name,
        )
        found.append(entry)
        for e in group:  # the bracket's figures are the line's, not the group's
            e.changes = {k: v for k, v in e.changes.items() if not m.start() <= v[1].start < m.end()}
            if e.amount is not None and m.start() <= e.amount.start < m.end():
                e.amount = None
    return found


BARE_COUNT = re.compile(
    r"\s+(?:were|was|reached|totaled|totalled|of)\s+(\d{1,3}(?:,\d{3})+)(?![\d.,]?\d|\s*%)"
)
"""A count English writes with no counter after a linking verb: "Vehicle deliveries were 61,855 in…"."""


def _bare_count(text: str, entry: Entry, sentence: Span, ctx: Context) -> None:
    """Give a count entry with no figure the bare number right after its word and a linking verb."""
    if entry.amount is not None or entry.excluded or ctx.rules.kind(entry.metric) != "count":
        return
    m = BARE_COUNT.match(text, entry.word.end, sentence.end)
    if m is None or not text[entry.word.start : entry.word.end].isascii():
        return
    value = int(m.group(1).replace(",", ""))
    entry.amount = Amount(m.start(1), m.end(1), value, None, False, False, False, False)


def _respective(text: str, percents: list[Percent], ctx: Context) -> dict[int, tuple[int, int, Percent]]:
    """Percentages listed before "respectively" ("66.6% and 156.8% respectively"): start -> (place,
    size, the list's first percentage)."""
    out: dict[int, tuple[int, int, Percent]] = {}
    cue = ctx.rules.respective_re
    if cue is None:
        return out
    i = 0
    while i < len(percents):
        j = i
        while j + 1 < len(percents) and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*", text[percents[j].end : percents[j + 1].start], re.I
        ):
            j += 1
        if j > i and cue.match(text, percents[j].end):
            for k in range(i, j + 1):
                out[percents[k].start] = (k - i, j - i + 1, percents[i])
        i = j + 1
    return out


LIST_JOINER = re.compile(r"\s*(?:、|,|，|和|及|与|以及)\s*")
"""Between the figures (or the metric words) of a Chinese list: 120亿元、15亿元, 营收及净利润."""


def _listed_figures(
    text: str, figures: list[Amount | Percent], ctx: Context
) -> dict[int, tuple[int, int, int, Amount | Percent]]:
    """Figures listed right after a list cue (分别为120亿元、15亿元; 同比分别增长10%、20%): start ->
    (place, size, the cue's start, the list's first figure). Only a list of figures of one kind."""
    out: dict[int, tuple[int, int, int, Amount | Percent]] = {}
    cue = ctx.rules.list_lead_re
    if cue is None:
        return out
    i = 0
    while i < len(figures):
        lead = cue.search(text, max(0, figures[i].start - 16), figures[i].start)
        if lead is None or lead.end() != figures[i].start:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(figures)
            and type(figures[j + 1]) is type(figures[i])
            and LIST_JOINER.fullmatch(text[figures[j].end : figures[j + 1].start])
        ):
            j += 1
        if j > i:
            for k in range(i, j + 1):
                out[figures[k].start] = (k - i, j - i + 1, lead.start(), figures[i])
        i = j + 1
    return out


FULL_STOP_RE = re.compile(r"[。!?！？]")


def _listed_back(
    text: str, fig: Amount | Percent, earlier: list[Entry], entries: list[Entry], size: int, cue_start: int
) -> list[Entry] | None:
    """The entries a list of changes after a cue at ``cue_start`` belongs to when its own sentence names
    fewer metrics than the list holds: the last ``size`` valued entries of the ;-separated sentences
    of the same full sentence, one each, all with an amount and of distinct metrics; else None."""
    here = [e for e in entries if not e.excluded and e.word.end <= cue_start]
    if not isinstance(fig, Percent) or not earlier or len(here) >= size:
        return None
    chosen = ([e for e in earlier if not e.excluded] + here)[-size:]
    if len(chosen) != size or any(e.amount is None for e in chosen):
        return None
    if len({(e.metric, e.segment) for e in chosen}) != size:
        return None
    if FULL_STOP_RE.search(text, chosen[0].word.start, cue_start):
        return None  # the list's own full sentence only
    return chosen


def _words_listed(text: str, entries: list[Entry], ctx: Context) -> bool:
    """True when the metric words of ``entries`` are written as one list (营收、净利润 / 营收及净利润;
    合并总营收、合并EBITDA与税后净利: a word naming the group's figure may open an item)."""
    return all(
        _list_gap(text[a.word.end : b.word.start], ctx) for a, b in zip(entries, entries[1:], strict=False)
    )


def _list_gap(gap: str, ctx: Context) -> bool:
    """True when ``gap`` joins two items of a list of metric words: a joiner, then perhaps a word of
    the group's figure (、合并)."""
    m = LIST_JOINER.match(gap)
    if m is None:
        return False
    rest = gap[m.end() :].strip()
    return not rest or rest.lower() in ctx.rules.group_prefixes


def _respective_change(
    text: str, entry: Entry, pct: Percent, lead: Percent, sentence: Span, clauses: list[int], ctx: Context
) -> None:
    """Give ``pct`` (one of a list "respectively") to ``entry`` as its change, when it is one; the
    list's first percentage says what kind of change and which way when ``pct`` alone does not."""
    start = clause_start_at(pct.start, clauses, sentence)
    change = period_change(text, pct, start, ctx)
    if change is None and lead is not pct:
        first = period_change(text, lead, clause_start_at(lead.start, clauses, sentence), ctx)
        if first is not None and not pct.points:
            change = (first[0], abs(float(pct.value)) * (-1 if first[1] < 0 else 1))
    if change is not None and change[0] not in entry.changes and not entry.word.loss:
        entry.changes[change[0]] = (change[1], pct)


def _inside_segment(word: Word, entry: Entry) -> bool:
    """True when ``word`` stands inside the business line's name written after ``entry``'s word."""
    span = entry.segment_span
    return span is not None and span[0] >= entry.word.end and span[0] <= word.start < span[1]


def _other_subject_goes_on(
    text: str, entry: Entry, previous: Entry | None, clauses: list[int], ctx: Context
) -> bool:
    """True when a bare metric word opens a later clause of the sentence whose last entry was
    another company's by its subject, with a figure between (台湾大全年营收1,987.6亿元，EPS 4.77元):
    the EPS is that company's too."""
    if previous is None or not previous.other_subject or previous.sentence != entry.sentence:
        return False
    if entry.segment is not None or entry.segment_span is not None or previous.clause >= entry.clause:
        return False
    if ctx.rules.is_group_word(text[entry.word.start : entry.word.end]):
        return False  # 总营收, 整体毛利率: the group's
    clause_start = clause_start_at(entry.word.start, clauses, entry.sentence)
    if not re.search(r"\d", text[previous.word.end : clause_start]):
        return False  # 完成了第一期股份回购方案，累计回购…: no figure of the other's given before
    return not text[clause_start : entry.word.start].strip()


def _unit_ratio(text: str, previous: Entry, entry: Entry, ctx: Context) -> None:
    """A bare ratio right after a product line's figure in the same sentence is that line's
    (互连类芯片产品线销售收入为15亿元，毛利率为64%): never the group's. After a name the lexicon does
    not know and written without a unit noun (a subsidiary, a region) it is left out (unclear)."""
    if ctx.rules.kind(entry.metric) != "ratio" or (
        previous.segment_span is None and previous.segment is None
    ):
        return
    if previous.sentence != entry.sentence or previous.word.start >= entry.word.start:
        return
    if text[entry.word.start : entry.word.end].isascii():
        between = text[previous.word.end : entry.word.start]
        if re.search(r"\bwith\b", between) and not re.search(r"[;.]\s", between):
            entry.segment, entry.segment_span = previous.segment, previous.segment_span
        return  # "JD Retail's operating profit … RMB10 billion, with an operating margin of 3.9%": the unit's
    if previous.segment_span is None:
        return
    if entry.word.start > 0 and not CLAUSE_RE.match(text[entry.word.start - 1]):
        return  # 整体毛利率, 公司毛利率: words of its own before it
    written = text[previous.segment_span[0] : previous.segment_span[1]]
    if any(u in written for u in ctx.rules.unit_nouns):
        entry.segment, entry.segment_span = previous.segment, previous.segment_span
    elif not ctx.rules.is_group_word(text[entry.word.start : entry.word.end]):  # 综合毛利率: the group's
        # 欧洲Atlante公司营收年增129%，毛利率衝58%: the part's ratio or the group's? Unclear: left out
        entry.unclear = text[previous.segment_span[0] : entry.word.end].strip()


def _hedged_change_only(text: str, e: Entry, ctx: Context) -> bool:
    """True for a unit's figure that has no value and only a hedged change (效果广告收入增长超过40%)."""
    if e.segment is None and e.segment_span is None:
        return False
    if e.amount is not None or e.ratio is not None or not e.changes:
        return False
    cues = ctx.rules.hedged_change_cues
    return all(text[: pct.start].rstrip().endswith(tuple(cues)) for _, pct in e.changes.values())


def _carry_adjusted(text: str, previous: Entry, entry: Entry, ctx: Context) -> None:
    """An adjusted figure's margin or per-share figure written after it in the sentence is adjusted
    too (非GAAP营业利润1.72亿美元，营业利润率为39%), unless GAAP wording comes between."""
    rules = ctx.rules
    if entry.segment or entry.metric != entry.word.metric or not rules.is_adjusted_variant(previous.metric):
        return
    if rules.kind(entry.metric) not in ("ratio", "per_share") or previous.segment:
        return
    if rules.names_gaap(text[previous.word.end : entry.word.start]):
        return
    adjusted = rules.adjusted_variant(entry.metric)
    if adjusted:
        entry.metric, entry.start = (
            adjusted,
            min(entry.start, previous.start),
        )  # the evidence shows the modifier


def _elided_adjusted(
    text: str, entry: Entry, fig: Amount | Percent, clauses: list[int], ctx: Context
) -> Entry | None:
    """The adjusted figure a clause gives without repeating the metric word: 每股收益为3.80元，
    非美国通用会计准则下为4.37元. None when the clause is anything else."""
    rules = ctx.rules
    if not isinstance(fig, Amount) or entry.amount is None or entry.segment:
        return None
    adjusted = rules.adjusted_variant(entry.metric)
    if adjusted is None or clause_of(fig.start, clauses) == entry.clause:
        return None
    before = text[clause_start_at(fig.start, clauses, entry.sentence) : fig.start]
    if not rules.is_adjusted_lead(entry.metric, before) or not fits_metric(adjusted, fig, ctx):
        return None
    clause = clause_of(fig.start, clauses)
    start = fig.start - len(before.lstrip())
    return replace(entry, metric=adjusted, amount=None, changes={}, ratio=None, start=start, clause=clause)


EN_ASIDE_AFTER = re.compile(r"\s*,\s*([a-z][^,;.\d]{0,60}),\s")
"""An aside in commas right after an English metric word: a modifier there qualifies the word."""


def new_entry(
    text: str,
    word: Word,
    sentence: Span,
    window_start: int,
    clauses: list[int],
    ctx: Context,
    notes: list[str],
    line_number: int,
) -> Entry | None:
    """A new entry for ``word``: its final metric id, segment and whether it is excluded."""
    rules = ctx.rules
    clause = clause_of(word.start, clauses)
    clause_start = max(clauses[clause], sentence.start)
    subject_limit = max(clause_start, min(window_start, word.start))
    if _prior_subject(text, sentence, clause_start, word, ctx):
        return None  # 与上年同期的净利润… / 去年同期,总营收为…: the earlier period's figure
    window_start = min(max(window_start, sentence.start), clause_start)
    attributed = rules.attributed(word.metric, text[word.start : word.end], text[clause_start : word.start])
    if attributed:
        word = replace(word, metric=attributed, loss=False)  # 股东应占非公认会计准则净收入: net income
    entry = Entry(word=word, metric=word.metric, clause=clause, sentence=sentence, start=word.start)
    spec = rules.metrics[word.metric]
    window_end = clause_end(text, word.end, clauses, sentence)
    digit = re.search(r"\d", text[word.end : window_end])
    variant = rules.variant(
        word.metric, text[window_start : word.end + digit.start() if digit else window_end]
    )
    if variant:
        entry.metric, entry.start = variant[0], min(entry.start, window_start + variant[1])
    elif text[word.start : word.end].isascii():
        # "operating result, adjusted for comparative items, was…": the aside qualifies the word
        aside = EN_ASIDE_AFTER.match(text, word.end)
        variant = rules.variant(word.metric, aside.group(1)) if aside else None
        if variant:
            entry.metric = variant[0]
    subject = subject_before(text, word.start, word.end, subject_limit, ctx)
    opening = None
    if (
        subject.kind == "none"
        and text[word.start : word.end].isascii()
        and not rules.is_group_word(text[word.start : word.end])
    ):
        opening = english_opening_unit(text, word.start, ctx)  # "In Europe, revenue was down 10%"
        if opening is not None and opening.kind == "other":
            subject = opening
    if subject.kind == "other":
        entry.excluded = entry.other_subject = True  # 理想汽车二季度营收: another company's figure
        return entry
    segment = segment_of(text, sentence, clause_start, word, subject, ctx)
    if segment is None and opening is not None:
        segment = opening.name, None if opening.name else (opening.start, opening.end), opening.start
    if (
        segment is None
        and subject.kind == "line"
        and rules.kind(word.metric) == "ratio"
        and text[word.start : word.end].isascii()
    ):
        entry.unclear = text[clause_start : word.end].strip()  # "Microsoft Cloud gross margin": a unit's
        return entry
    if subject.kind == "line" and segment is None and spec.get("subset_when_qualified"):
        return None  # SVIP活跃用户数: a subset's count, not the company's
    if (
        subject.kind == "unclear"
        and segment is None
        and rules.line_keep(text[word.start : word.end]) is not None
    ) or rules.is_contribution(text[clause_start : word.start]):
        entry.unclear = text[clause_start : word.end].strip()  # (嘉里物流并表贡献归母净利润: a part)
    if segment:
        name, span, seg_start = segment
        if name is None and span is not None and not_a_unit(text[span[0] : span[1]], rules):
            entry.unclear = text[clause_start : word.end].strip()  # SU7毛利率, 中国的销售收入: no unit
            return entry
        if rules.kind(word.metric) == "ratio":
            if subject.kind != "line" and (name is None or seg_start < sentence.start):
                return None  # a unit named earlier: its ratio is not the group's, and not clearly the unit's
            # 京东零售收入为2249亿元，经营利润率为5.0%: a known unit named earlier in the sentence
        else:
            seg_metric = spec.get("segment_metric")
            if not seg_metric:
                return None  # a unit's per-share figure or count is not the group's
            entry.metric = seg_metric
        entry.segment, entry.segment_span = name, span
        if seg_start >= paragraph_start(text, sentence.start):
            entry.start = min(entry.start, seg_start)
    entry.excluded_kind = rules.excluded_kind(text[clause_start : word.start])
    entry.excluded = entry.excluded_kind is not None or other_company(text[sentence.start : word.start], ctx)
    if entry.excluded and entry.excluded_kind is None:
        entry.excluded_kind = "other"
    return entry


def _prior_subject(text: str, sentence: Span, clause_start: int, word: Word, ctx: Context) -> bool:
    """True when the word names an earlier period's figure: a prior marker in its clause, or an
    earlier clause that is only a prior marker (去年同期，总营收为…)."""
    rules = ctx.rules
    if rules.change.is_prior(text[clause_start : word.start], ctx.closes_year, ctx.whole_year):
        return True
    before = text[sentence.start : clause_start]
    parts = [p.strip() for p in CLAUSE_RE.split(before)]
    for i in range(len(parts) - 1, -1, -1):
        part = re.sub(r"^(?:在|于|而|但)|(?:内|里|时|的|为)$", "", parts[i])
        if part and rules.change.prior_re.fullmatch(part):
            later = ",".join(parts[i + 1 :]) + text[clause_start : word.start]
            return rules.change.is_prior(parts[i] + later, ctx.closes_year, ctx.whole_year)
    return False
