"""Stage 2b: the company's reported figures in a Document -> Metric list (+ review notes).

Reads ``Line.norm`` sentence by sentence and clause by clause. A metric word (lexicon
``metrics``) opens an entry; the amount that follows it in its clause (or in the next
clauses while it still has none) is its value, a percentage with year-on-year or
quarter-on-quarter wording is its change. Figures of other companies, of the market, of
an earlier period, of a consensus, or the same figure converted to another currency are
left out. When in doubt a figure is left out and a review note says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from generator import lexicon
from generator.chinese import normalise, to_simplified
from generator.metric_rules import Cue, Rules, load_rules
from generator.metric_segments import Subject, line_label, not_a_unit, subject_before, unit_display_name
from generator.metric_tables import Cell, Table, Unit, cell_amount, find_tables, set_columns
from generator.model import Company, Document, Evidence, Line, Metric, Period
from generator.numbers import Amount, Percent, find_amounts, find_percents

SENTENCE_RE = re.compile(r"[。!?;！？；]|(?<=[\u4e00-\u9fff\]】」』)）])\s+(?=[\u4e00-\u9fff【「『(（])")
CLAUSE_RE = re.compile(r"[,，:：、]")
RANGE_AFTER = re.compile(
    r"^\s*(?:至|到|-|~|～|—|–|to)\s*(?:人民币|RMB|US\$|\$)?\s*[\d一二三四五六七八九十两]", re.I
)
RANGE_BEFORE = re.compile(r"[\d亿万元]\s*(?:至|到|-|~|～|—|–)\s*(?:人民币|RMB|US\$|\$)?\s*$", re.I)


@dataclass
class Span:
    """A piece of a sentence: [start, end) offsets in the line."""

    start: int
    end: int


@dataclass
class Word:
    """A metric word found in a line."""

    start: int
    end: int
    metric: str
    loss: bool = False


@dataclass
class Entry:
    """A metric being assembled from a sentence."""

    word: Word
    metric: str
    clause: int
    sentence: Span
    segment: str | None = None
    start: int = 0
    amount: Amount | None = None
    approximate: bool = False
    changes: dict[str, tuple[float, Percent]] = field(default_factory=dict)
    ratio: Percent | None = None
    excluded: bool = False
    inferred_currency: str | None = None
    negative: bool = False
    """True when the text says the figure is a loss (净利润亏损3亿元, -3亿元)."""
    from_table: bool = False
    """True when the entry is a table row: its scope comes from the column header."""
    table_scope: str | None = None
    span: tuple[int, int] | None = None
    """For table rows: the [start, end) of the evidence on the entry's line."""
    segment_span: tuple[int, int] | None = None
    """For a business unit the lexicon does not know: the [start, end) of its name as written."""
    unclear: str | None = None
    """The words before the metric word when they name no business line clearly (its figure is left out)."""

    def has_figure(self) -> bool:
        return self.amount is not None or self.ratio is not None or bool(self.changes)


@dataclass
class Context:
    """What extraction needs to know about the call besides the text."""

    rules: Rules
    own_names: list[str]
    segments: dict[str, str]
    """Every name of a business unit of the company -> its canonical name."""
    others: list[str]
    period: Period
    fiscal_start: int
    plain_quarters_are_calendar: bool
    default_currency: str
    yuan_currency: str = "CNY"
    """What a bare 元 means: CNY, or TWD in a text that writes 新台币 more often than 人民币."""
    inherited: dict[int, tuple[Cue, bool]] = field(default_factory=dict)
    """Line number -> the scope cue of the nearest earlier line that has one, and whether that line is
    a heading (a heading's period holds for the lines under it; a sentence's only when it is a quarter)."""


def extract_metrics(doc: Document, company: Company, period: Period) -> tuple[list[Metric], list[str]]:
    """The company's figures in ``doc`` (deduplicated, sorted by line then id) and review notes."""
    ctx = _context(doc, company, period)
    notes: list[str] = []
    entries, table_lines = _table_entries(doc, ctx, notes)
    headline_lines: set[int] = set()
    for line in doc.lines:
        if line.number in table_lines:
            continue
        if line.norm.strip():
            entries.extend((line, e) for e in _line_entries(line, ctx, notes))
        elif line.original.strip() and _names_only_this_company(line.original, ctx):
            headline = Line(line.number, line.original, line.original, normalise(line.original))
            found = _line_entries(headline, ctx, notes)
            entries.extend((headline, e) for e in found)
            headline_lines.update(headline.number for _ in found[:1])
    metrics = []
    preferred: set[int] = set()
    for line, entry in entries:
        metric = _to_metric(line, entry, ctx, notes, strict=line.number in headline_lines)
        if metric is not None:
            metrics.append(metric)
            if ctx.rules.is_preferred(line.norm[entry.word.start : entry.word.end]):
                preferred.add(id(metric))
    kept = _deduplicate(metrics, notes, headline_lines, preferred)
    for m in kept:
        if m.evidence.line in headline_lines:
            notes.append(
                f"line {m.evidence.line}: {m.metric} taken from a link or headline line the reader dropped"
            )
    return kept, sorted(set(notes), key=_note_key)


def _names_only_this_company(text: str, ctx: Context) -> bool:
    """True when a dropped line (a related-article link) names this company and no other."""
    norm = normalise(text)
    own = any(_rfind_name(norm, n) >= 0 for n in ctx.own_names)
    return own and not any(_rfind_name(norm, n) >= 0 for n in ctx.others)


def _note_key(note: str) -> tuple[int, str]:
    m = re.match(r"line (\d+)", note)
    return (int(m.group(1)) if m else 0, note)


# --------------------------------------------------------------------------- context


def _context(doc: Document, company: Company, period: Period) -> Context:
    companies = (lexicon.load("companies") or {}).get("companies", {})
    own_id = company.id if company.id in companies else _find_company(companies, company.name)
    own = companies.get(own_id, {}) if own_id else {}
    own_names = list(own.get("names", [])) + ([company.name] if company.name else [])
    segments: dict[str, str] = {}
    for canonical, aliases in (own.get("segments") or {}).items():
        for name in [canonical, *(aliases or [])]:
            segments[name] = canonical
    rules = load_rules()
    others = [n for cid, c in companies.items() if cid != own_id for n in c.get("names", [])]
    others = [n for n in others + rules.rivals if n not in own_names and n not in segments]
    fiscal_start = int(own.get("fiscal_year_start_month", 1) or 1)
    yuan = _yuan_currency(doc, own.get("currency"))
    ctx = Context(
        rules=rules,
        own_names=own_names,
        segments=segments,
        others=others,
        period=period,
        fiscal_start=fiscal_start,
        plain_quarters_are_calendar=_plain_quarters_are_calendar(doc, period, fiscal_start, rules),
        default_currency=_default_currency(doc, yuan, own.get("currency")),
        yuan_currency=yuan,
    )
    ctx.inherited = _inherited_cues(doc, rules)
    return ctx


def _find_company(companies: dict, name: str | None) -> str | None:
    if not name:
        return None
    for cid, c in sorted(companies.items()):
        if name == c.get("name") or name in c.get("names", []):
            return cid
    return None


def _calendar_quarter(period: Period) -> int | None:
    return (period.period_end.month - 1) // 3 + 1 if isinstance(period.period_end, date) else None


def _plain_quarters_are_calendar(doc: Document, period: Period, fiscal_start: int, rules: Rules) -> bool:
    """True when the text names quarters by calendar (四季度 for Oct-Dec) rather than by fiscal quarter."""
    cal = _calendar_quarter(period)
    if fiscal_start == 1 or cal is None or cal == period.fiscal_quarter:
        return True
    for line in doc.lines:
        for cue in rules.scope_cues(line.norm):
            if cue.quarter is not None and not cue.fiscal and cue.quarter == cal:
                return True
    return False


HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s|【[^】]*】\s*(?:[(（][^)）]*[)）])?\s*$|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)
COMPLETED_RE = re.compile(r"完成|实施完毕|执行完毕|completed")
"""After a month cue, before a figure: the figure totals something finished then, not the month's."""
HEADING_TAIL_RE = re.compile(
    r"^[^，,。:：;；!?！？、]{2,20}(?:概览|概况|回顾|摘要|要点|亮点|业绩|表现|财务数据)$"
)
"""A short unpunctuated line that ends as a section title does (2024年全年业绩概览)."""
INHERIT_LINES = 12
"""How many lines back a line without a scope cue looks for the cue of its paragraph or heading."""


def _is_heading(text: str) -> bool:
    """True for a heading line: Markdown #, 【…】, 一、…, (一)…, short and without a full stop."""
    stripped = text.strip()
    return (
        bool(stripped)
        and len(stripped) <= 40
        and "。" not in stripped
        and bool(HEADING_RE.match(stripped) or HEADING_TAIL_RE.match(stripped))
    )


def _inherited_cues(doc: Document, rules: Rules) -> dict[int, tuple[Cue, bool]]:
    """For each line, the last scope cue of the nearest earlier line (within INHERIT_LINES) that has one."""
    out: dict[int, tuple[Cue, bool]] = {}
    last: tuple[Cue, int] | None = None
    heading: Cue | None = None
    for line in doc.lines:
        if last is not None and line.number - last[1] <= INHERIT_LINES:
            out[line.number] = (last[0], False)
        elif heading is not None:
            out[line.number] = (heading, True)
        if not line.norm.strip():
            continue
        cues = rules.scope_cues(line.norm)
        cue = max(cues, key=lambda c: (c.end, c.end - c.start)) if cues else None
        if _is_heading(line.norm):
            heading, last = cue, None  # a heading's period holds until the next heading
        elif cue is not None:
            last = (cue, line.number)
    return out


YUAN_CURRENCIES = ("CNY", "TWD")
"""Currencies a bare 元 can stand for."""


def _yuan_currency(doc: Document, company_currency: str | None = None) -> str:
    """What a bare 元 means: TWD when the text names 新台币 / NT$ more often than 人民币 / RMB, CNY when
    the other way round; when the text names neither, the company's reporting currency (TWD for a
    Taiwanese company) if 元 can stand for it, else CNY."""
    counts = {"CNY": 0, "TWD": 0}
    for line in doc.lines:
        for a in find_amounts(line.norm):
            if a.currency in counts and not a.bare_yuan:
                counts[a.currency] += 1
    if counts["TWD"] != counts["CNY"]:
        return "TWD" if counts["TWD"] > counts["CNY"] else "CNY"
    return company_currency if company_currency in YUAN_CURRENCIES else "CNY"


def _default_currency(doc: Document, yuan: str = "CNY", company_currency: str | None = None) -> str:
    """The currency most often written with a magnitude in the document (a bare 元 counting as
    ``yuan``); when none is written, the company's reporting currency (CNY when unknown)."""
    counts: dict[str, int] = {}
    for line in doc.lines:
        for a in find_amounts(line.norm):
            currency = yuan if a.bare_yuan else a.currency
            if currency and a.has_magnitude:
                counts[currency] = counts.get(currency, 0) + 1
    if counts:
        return max(sorted(counts), key=lambda c: counts[c])
    return company_currency or "CNY"


# --------------------------------------------------------------------------- one line


def _sentences(text: str, protected: list[tuple[int, int]], rules: Rules) -> list[Span]:
    cuts = [
        m
        for m in SENTENCE_RE.finditer(text)
        if not _inside(m.start(), protected)
        and not (m.group(0).isspace() and _change_follows(text, m.end(), rules))
    ]
    spans, start = [], 0
    for m in cuts:
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return [s for s in spans if s.end > s.start]


def _change_follows(text: str, pos: int, rules: Rules) -> bool:
    """True when a change cue opens the text at ``pos`` (a wide-spaced row: 14.1亿　　按年 +3%)."""
    return bool(rules.yoy_re.match(text, pos) or rules.qoq_re.match(text, pos))


def _clause_starts(text: str, protected: list[tuple[int, int]]) -> list[int]:
    starts = [0] + [m.end() for m in CLAUSE_RE.finditer(text) if not _inside(m.start(), protected)]
    starts += [m.end() for m in SENTENCE_RE.finditer(text)]
    return sorted(set(starts))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _clause_of(pos: int, starts: list[int]) -> int:
    idx = 0
    for i, s in enumerate(starts):
        if s <= pos:
            idx = i
    return idx


def _parenthesised(text: str) -> list[tuple[int, int]]:
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            spans.append((stack.pop(), i + 1))
    return spans


def _abbreviation(word: Word, words: list[Word], parens: list[tuple[int, int]], text: str) -> bool:
    """True for a word in brackets right after a word of the same metric: 客户管理收入（CMR）."""
    for s, e in parens:
        if s < word.start and word.end <= e and not text[s + 1 : word.start].strip():
            return any(w.metric == word.metric and w.end <= s and not text[w.end : s].strip() for w in words)
    return False


def _line_entries(line: Line, ctx: Context, notes: list[str]) -> list[Entry]:
    text = line.norm
    amounts = find_amounts(text)
    percents = [p for p in find_percents(text) if not any(a.start <= p.start < a.end for a in amounts)]
    percents = sorted(percents + ctx.rules.wording_changes(text), key=lambda p: p.start)
    if not amounts and not percents:
        return []
    protected = [(a.start, a.end) for a in amounts] + [(p.start, p.end) for p in percents]
    words = [w for w in ctx.rules.find_words(text, ctx) if not _inside(w.start, protected)]
    if not words:
        return []
    parens = _parenthesised(text)
    words = [w for w in words if not _abbreviation(w, words, parens, text)]
    clauses = _clause_starts(text, protected)
    entries: list[Entry] = []
    for sentence in _sentences(text, protected, ctx.rules):
        entries.extend(
            _sentence_entries(line, sentence, clauses, parens, amounts, percents, words, ctx, notes)
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
) -> list[Entry]:
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
    for _, ev in sorted(events, key=lambda e: e[0]):
        if isinstance(ev, Word):
            entry = _open_entry(text, ev, sentence, last_figure_end, clauses, ctx, notes, line.number)
            if entry is None:
                if open_entry is not None and open_entry.word.metric != ev.metric:
                    open_entry, loose = None, []  # another metric's word: its figures are not the open one's
                continue
            if entry.excluded:
                open_entry = entry
                continue
            if entries and entry.segment is None and entry.segment_span is None:
                _unit_ratio(text, entries[-1], entry, ctx)
            if entries:
                _carry_adjusted(text, entries[-1], entry, ctx)
            for fig in reversed(loose):
                if _takes_following(text, fig, ev, entry, clauses, ctx):
                    _assign(text, entry, fig, sentence, clauses, ctx)
                    break
            loose = []
            entries.append(entry)
            open_entry = entry
            continue
        assert isinstance(ev, (Amount, Percent))
        fig = ev
        last_figure_end = max(last_figure_end, fig.end)
        reason = _skip_figure(text, fig, sentence, clauses, parens, ctx)
        if reason:
            if reason == "guidance" and open_entry is not None and not open_entry.excluded:
                notes.append(
                    f"line {line.number}: {open_entry.metric} {text[fig.start : fig.end].strip()} "
                    "is guidance or an outlook, not a reported figure; left out"
                )
            continue
        if open_entry is not None and not open_entry.excluded and _takes(text, open_entry, fig, clauses, ctx):
            _assign(text, open_entry, fig, sentence, clauses, ctx)
        elif open_entry is not None and (elided := _elided_adjusted(text, open_entry, fig, clauses, ctx)):
            _assign(text, elided, fig, sentence, clauses, ctx)
            entries.append(elided)
            open_entry = elided
        else:
            loose.append(fig)
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


def _unit_ratio(text: str, previous: Entry, entry: Entry, ctx: Context) -> None:
    """A bare ratio right after a product line's figure in the same sentence is that line's
    (互连类芯片产品线销售收入为15亿元，毛利率为64%): never the group's."""
    if ctx.rules.kind(entry.metric) != "ratio" or previous.segment_span is None:
        return
    if previous.sentence != entry.sentence or previous.word.start >= entry.word.start:
        return
    if entry.word.start > 0 and not CLAUSE_RE.match(text[entry.word.start - 1]):
        return  # 整体毛利率, 公司毛利率: words of its own before it
    written = text[previous.segment_span[0] : previous.segment_span[1]]
    if any(u in written for u in ctx.rules.unit_nouns):
        entry.segment, entry.segment_span = previous.segment, previous.segment_span


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
    if adjusted is None or _clause_of(fig.start, clauses) == entry.clause:
        return None
    before = text[_clause_start(fig.start, clauses, entry.sentence) : fig.start]
    if not rules.is_adjusted_lead(entry.metric, before) or not _fits(adjusted, fig, ctx):
        return None
    clause = _clause_of(fig.start, clauses)
    start = fig.start - len(before.lstrip())
    return replace(entry, metric=adjusted, amount=None, changes={}, ratio=None, start=start, clause=clause)


# --------------------------------------------------------------------------- tables


def _table_entries(
    doc: Document, ctx: Context, notes: list[str]
) -> tuple[list[tuple[Line, Entry]], set[int]]:
    """Entries of every headed table of results, and the lines those tables stand on."""
    entries: list[tuple[Line, Entry]] = []
    owned: set[int] = set()
    for table in find_tables(doc):
        if not set_columns(table, ctx.rules, lambda cue: _relation(cue, ctx)):
            continue
        owned |= table.lines()
        for row in table.rows:
            entries.extend(_row_entries(row, table, ctx, notes))
    return entries, owned


def _relation(cue, ctx: Context) -> str:
    """How the period a header names relates to the call's: same | yoy | qoq | other."""
    if _same_period(cue, ctx):
        return "same"
    p = ctx.period
    if p.fiscal_year is None or p.fiscal_quarter is None or p.period_end is None:
        return "other"
    end = p.period_end
    year_ago = Period(p.fiscal_year - 1, p.fiscal_quarter, end.replace(year=end.year - 1, day=28))
    if _same_period(cue, replace(ctx, period=year_ago)):
        return "yoy"
    month = end.month - 3 if end.month > 3 else end.month + 9
    prev = Period(
        p.fiscal_year - (p.fiscal_quarter == 1),
        p.fiscal_quarter - 1 or 4,
        date(end.year - (end.month <= 3), month, 28),
    )
    return "qoq" if _same_period(cue, replace(ctx, period=prev)) else "other"


def _row_entries(row: list[Cell], table: Table, ctx: Context, notes: list[str]) -> list[tuple[Line, Entry]]:
    """One entry per value column (with the change columns after it) of a table row."""
    if len(row) != len(table.columns) or not row[0].text:
        return []
    label = row[0]
    words = ctx.rules.find_words(label.text, ctx)
    if not words:
        return []
    w = words[0]
    word = Word(label.start + w.start, label.start + w.end, w.metric, w.loss)
    line = label.line
    sentence = Span(label.start, label.end)
    entry = _open_entry(line.norm, word, sentence, label.start, [0, label.start], ctx, notes, line.number)
    if entry is None or entry.excluded or ctx.rules.is_prior(label.text):
        return []
    entry.start = label.start
    out = []
    for i, column in enumerate(table.columns):
        if column.role != "value":
            continue
        changes = []
        for j in range(i + 1, len(row)):
            if table.columns[j].role == "value":
                break
            if table.columns[j].role in ("yoy", "qoq"):
                changes.append((table.columns[j].role, row[j]))
        found = _row_entry(entry, label, row[i], column.unit or table.unit, changes, ctx)
        if found is not None:
            found[1].table_scope = column.scope
            out.append(found)
    if not any(c.role == "value" for c in table.columns):
        changes = [(c.role, row[j]) for j, c in enumerate(table.columns) if c.role in ("yoy", "qoq")]
        found = _row_entry(entry, label, None, None, changes, ctx)
        if found is not None:
            out.append(found)
    return out


def _row_entry(
    base: Entry,
    label: Cell,
    value: Cell | None,
    unit: Unit | None,
    changes: list[tuple[str, Cell]],
    ctx: Context,
) -> tuple[Line, Entry] | None:
    """The entry of one value cell of a row and its change cells; None when nothing fits.

    Its evidence is the part of the value's line (the label's when there is no value cell) that
    holds the cells used; a row spread over several HTML lines keeps its value's line.
    """
    entry = replace(base, changes={}, from_table=True)
    kind = ctx.rules.kind(entry.metric)
    used = [label]
    if value is not None:
        if kind == "ratio":
            pcts = find_percents(value.text)
            if pcts and not pcts[0].points:
                p = pcts[0]
                entry.ratio = Percent(value.start + p.start, value.start + p.end, p.value, False)
        else:
            amount = cell_amount(value, unit if kind == "money" else None)
            if amount is not None and (
                _fits(entry.metric, amount, ctx) or kind == "money" and amount.value < 0
            ):
                entry.amount = amount
                entry.approximate = amount.approximate
        if entry.amount is None and entry.ratio is None:
            return None  # a row whose figure this column does not hold (a share count, a ratio of 元)
        used.append(value)
    for role, cell in changes:
        change = _cell_change(cell, kind, ctx)
        if change is not None and not entry.word.loss:
            key = "pp" if change[2].points else role
            entry.changes[key] = (change[0], change[2])
            used.append(cell)
    if not entry.has_figure():
        return None
    home = value.line if value is not None else label.line
    on_home = [c for c in used if c.line is home]
    entry.span = (min(c.start for c in on_home), max(c.end for c in on_home))
    entry.start = entry.span[0]
    return home, entry


def _cell_change(cell: Cell, kind: str, ctx: Context) -> tuple[float, str, Percent] | None:
    """(signed value, written text, Percent) of a change cell (-24.4%, +1.6pct, 下降3.9%), or None."""
    text = cell.text
    pcts = find_percents(text)
    if not pcts:
        return None
    p = pcts[0]
    if kind == "ratio" and not p.points:
        return None  # a margin's change in % is ambiguous (points or relative)
    if kind != "ratio" and p.points:
        return None
    value = float(p.value)
    if ctx.rules.down_re.search(text[: p.start]) or ctx.rules.down_re.search(text[p.end :]):
        value = -abs(value)
    pct = Percent(cell.start + p.start, cell.start + p.end, p.value, p.points)
    return value, text, pct


# --------------------------------------------------------------------------- entries


def _open_entry(
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
    clause = _clause_of(word.start, clauses)
    clause_start = max(clauses[clause], sentence.start)
    subject_limit = max(clause_start, min(window_start, word.start))
    if _prior_subject(text, sentence, clause_start, word, ctx):
        return None  # 与上年同期的净利润… / 去年同期,总营收为…: the earlier period's figure
    window_start = min(max(window_start, sentence.start), clause_start)
    entry = Entry(word=word, metric=word.metric, clause=clause, sentence=sentence, start=word.start)
    spec = rules.metrics[word.metric]
    window_end = _clause_end(text, word.end, clauses, sentence)
    digit = re.search(r"\d", text[word.end : window_end])
    variant = rules.variant(
        word.metric, text[window_start : word.end + digit.start() if digit else window_end]
    )
    if variant:
        entry.metric, entry.start = variant[0], min(entry.start, window_start + variant[1])
    subject = subject_before(text, word.start, word.end, subject_limit, ctx)
    if subject.kind == "other":
        entry.excluded = True  # 理想汽车二季度营收: another company's figure
        return entry
    segment = _segment_of(text, sentence, clause_start, word, subject, ctx)
    if subject.kind == "line" and segment is None and spec.get("subset_when_qualified"):
        return None  # SVIP活跃用户数: a subset's count, not the company's
    if (
        subject.kind == "unclear"
        and segment is None
        and rules.line_keep(text[word.start : word.end]) is not None
    ):
        entry.unclear = text[clause_start : word.end].strip()
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
        if seg_start >= _paragraph_start(text, sentence.start):
            entry.start = min(entry.start, seg_start)
    entry.excluded = rules.excluded(text[clause_start : word.start]) or _other_company(
        text[sentence.start : word.start], ctx
    )
    return entry


def _prior_subject(text: str, sentence: Span, clause_start: int, word: Word, ctx: Context) -> bool:
    """True when the word names an earlier period's figure: a prior marker in its clause, or an
    earlier clause that is only a prior marker (去年同期，总营收为…)."""
    rules = ctx.rules
    if rules.is_prior(text[clause_start : word.start]):
        return True
    before = text[sentence.start : clause_start]
    parts = [p.strip() for p in CLAUSE_RE.split(before)]
    for i in range(len(parts) - 1, -1, -1):
        part = re.sub(r"^(?:在|于|而|但)|(?:内|里|时|的|为)$", "", parts[i])
        if part and rules.prior_re.fullmatch(part):
            later = ",".join(parts[i + 1 :]) + text[clause_start : word.start]
            return rules.is_prior(parts[i] + later)
    return False


SegmentAt = tuple[str | None, tuple[int, int] | None, int]
"""A business unit: its canonical name (None when unknown), the [start, end) of its name as written
(None for a known unit), and where it starts in the line."""


def _segment_of(
    text: str, sentence: Span, clause_start: int, word: Word, subject: Subject, ctx: Context
) -> SegmentAt | None:
    """The business unit ``word`` belongs to; None for the group's figure."""
    rules = ctx.rules
    if rules.is_unit_metric(word.metric):
        return None  # 客户管理收入 of 淘天: the metric is a unit's by nature
    is_line_word = rules.line_keep(text[word.start : word.end]) is not None
    if subject.kind == "line":
        named: SegmentAt = (
            subject.name,
            None if subject.name else (subject.start, subject.end),
            subject.start,
        )
        unit_named = subject.name is not None or any(
            text[subject.start : subject.end].endswith(u) for u in rules.unit_nouns
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
    segment = _segment_before(text, _paragraph_start(text, sentence.start), word, ctx)
    if segment and ctx.rules.is_group_word(text[word.start : word.end]) and segment[1] < clause_start:
        return None  # 总收入 after a unit named in an earlier clause: the group's
    if segment is None and not ctx.rules.is_group_word(text[word.start : word.end]):
        label = line_label(text, ctx)
        if label is not None and label.end <= word.start:
            return label.name, None if label.name else (label.start, label.end), label.start
    return (segment[0], None, segment[1]) if segment else None


def _clause_start(pos: int, clauses: list[int], sentence: Span) -> int:
    return max(clauses[_clause_of(pos, clauses)], sentence.start)


def _clause_end(text: str, pos: int, clauses: list[int], sentence: Span) -> int:
    idx = _clause_of(pos, clauses)
    end = clauses[idx + 1] if idx + 1 < len(clauses) else len(text)
    return min(end, sentence.end)


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the full sentence (。!?) around ``pos``: a unit named before a ; still applies after it."""
    ends = [m.end() for m in re.finditer(r"[。!?！？]", text[:pos])]
    return ends[-1] if ends else 0


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


def _other_company(before: str, ctx: Context) -> bool:
    """True when the last company named in ``before`` is not this one.

    A business unit's name counts as naming this company only when it is distinctive (淘天集团,
    京东物流): a generic line name (在线音乐服务, 广告) after a rival's name is the rival's line.
    """
    before = CLOSED_ASIDE.sub(lambda m: " " * len(m.group()), before)  # (…美团股份…): an aside
    last_other = max((_rfind_name(before, n) for n in ctx.others), default=-1)
    if last_other < 0:
        return False
    own = ctx.own_names + [s for s in ctx.segments if _distinctive(s, ctx)]
    last_own = max((_rfind_name(before, n) for n in own), default=-1)
    return last_other > last_own


def _distinctive(segment: str, ctx: Context) -> bool:
    """True when a unit's name could only be this company's (it holds its name, or is a 集团)."""
    return segment.endswith("集团") or any(len(n) >= 2 and n in segment for n in ctx.own_names)


def _rfind_name(text: str, name: str) -> int:
    if name.isascii():
        found = [m.start() for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.I)]
        return found[-1] if found else -1
    return text.rfind(name)


def _skip_figure(
    text: str,
    fig: Amount | Percent,
    sentence: Span,
    clauses: list[int],
    parens: list[tuple[int, int]],
    ctx: Context,
) -> str | None:
    """Why a figure is not the company's result (conversion, earlier period, others', guidance…), or None."""
    rules = ctx.rules
    clause_start = max(clauses[_clause_of(fig.start, clauses)], sentence.start)
    before = text[clause_start : fig.start]
    if (
        isinstance(fig, Amount)
        and _inside(fig.start, parens)
        and any(
            s > sentence.start and re.search(r"\d", text[sentence.start : s])
            for s, e in parens
            if s <= fig.start < e
        )
    ):
        return "conversion"  # 2341.56亿元(约合322.92亿美元): the same figure converted
    if isinstance(fig, Amount) and rules.ends_with(before, rules.conversion_cues):
        return "conversion"
    if rules.prior_before(before) or rules.is_list(text[sentence.start : fig.start]):
        return "prior"
    kind = rules.excluded_kind(before)
    if kind and kind != "guidance":
        return "excluded"  # a consensus, the market, a share price
    if kind == "guidance" or rules.is_guidance(text[sentence.start : fig.start]):
        return "guidance"
    if rules.is_bound(text[fig.end : sentence.end]):
        return "guidance"  # 53%及以上的目标: a bound or a goal, not a result
    if rules.is_quote(text[sentence.start : sentence.end]):
        return "excluded"  # 收报406港元，成交额约120亿港元: a share quote
        return "guidance"
    paragraph_before = text[_paragraph_start(text, sentence.start) : fig.start]
    if _other_company(paragraph_before, ctx):
        return "excluded"  # 蔚来营收…；问界交付…: the paragraph's last company is not this one
    if rules.cites_others(paragraph_before):
        return "others"
    if rules.is_restated(text[sentence.start : fig.start]):
        return "restated"  # 按固定汇率计算，收入同比持平: the same figure on another basis
    if isinstance(fig, Amount):
        if rules.is_delta(before):
            return "delta"  # 同比增加50亿元: the change, not the level
        if rules.is_from(before, text[fig.end : sentence.end]):
            return "prior"  # 从8亿元收窄至3亿元: the starting figure
        if RANGE_AFTER.match(text[fig.end : sentence.end]) or RANGE_BEFORE.search(before):
            return "guidance"  # 1,150亿元至1,180亿元: a range is an outlook, not a result
    return None


def _takes(text: str, entry: Entry, fig: Amount | Percent, clauses: list[int], ctx: Context) -> bool:
    """True when the open ``entry`` takes the figure that follows it in the sentence."""
    if isinstance(fig, Percent):
        if ctx.rules.kind(entry.metric) == "ratio" and ctx.rules.is_ratio_effect(
            text[entry.word.end : fig.start]
        ):
            return False  # 毛利率稀释约2%: an effect on the margin, not its level
        fig_clause = text[_clause_start(fig.start, clauses, entry.sentence) : fig.start]
        if any(q in fig_clause for q in ctx.rules.other_quantities):
            return False  # 股本净减少1.4%: the change of another quantity
        change = ctx.rules.change_of(text, fig, _clause_start(fig.start, clauses, entry.sentence))
        if change is None:
            return entry.ratio is None and ctx.rules.kind(entry.metric) == "ratio" and not fig.points
        if change[0] == "pp" and ctx.rules.kind(entry.metric) != "ratio":
            return False  # 收入增速提升8个百分点: points are a ratio's change, not an amount's
        return change[0] not in entry.changes
    if entry.amount is not None or not _fits(entry.metric, fig, ctx):
        return False
    if ctx.rules.names_other_amount(entry.metric, text[entry.word.end : fig.start]):
        return False  # 回购计划，规模最高为30亿美元: an authorisation's size, not money spent
    if ctx.rules.kind(entry.metric) == "count" and not ctx.rules.counts_this(
        entry.metric, text[entry.word.end : fig.start]
    ):
        return False  # 交付设备1,200台: another object counted
    clause = _clause_of(fig.start, clauses)
    if clause == entry.clause:
        return True
    if not entry.has_figure():
        return True  # 可以用于回购的金额, 我们还有近300亿
    before = text[max(clauses[clause], entry.sentence.start) : fig.start].strip()
    return any(before.endswith(w) or before == w for w in ctx.rules.to_words)  # …下降31%, 至390.2亿元


def _takes_following(
    text: str, fig: Amount | Percent, word: Word, entry: Entry, clauses: list[int], ctx: Context
) -> bool:
    """True when a figure written just before ``word`` is its figure (165亿美元的股东回报, 5%的CMR增长)."""
    if _clause_of(fig.start, clauses) != _clause_of(word.start, clauses):
        return False
    gap = text[fig.end : word.start].strip()
    if isinstance(fig, Percent):
        start = _clause_start(fig.start, clauses, entry.sentence)
        return gap == "的" and ctx.rules.change_of(text, fig, start) is not None
    if fig.chinese or not _fits(entry.metric, fig, ctx):
        return False
    modifiers = ctx.rules.variant_cues(word.metric)
    return gap in ("", "的") or any(m in gap for m in modifiers)


def _fits(metric: str, amount: Amount, ctx: Context) -> bool:
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


def _assign(
    text: str, entry: Entry, fig: Amount | Percent, sentence: Span, clauses: list[int], ctx: Context
) -> None:
    if isinstance(fig, Amount):
        entry.amount = fig
        entry.approximate = fig.approximate or ctx.rules.approximate(text, fig, sentence.start)
        between = text[entry.word.end : fig.start] if entry.word.end <= fig.start else ""
        written_sign = re.search(r"[-−负]\s*$", text[: fig.start])
        entry.negative = bool(written_sign) or ctx.rules.says_loss(between)
        return
    change = ctx.rules.change_of(text, fig, _clause_start(fig.start, clauses, sentence))
    if change is None:
        entry.ratio = fig
    elif entry.word.loss:
        return  # the change of a loss has no agreed sign
    elif fig.wording and ctx.rules.kind(entry.metric) == "ratio":
        if change[1] == 0:
            entry.changes["pp"] = (0, fig)  # 毛利率同比持平: unchanged in points
    else:
        entry.changes[change[0]] = (change[1], fig)


# --------------------------------------------------------------------------- to Metric


def _to_metric(
    line: Line, entry: Entry, ctx: Context, notes: list[str], strict: bool = False
) -> Metric | None:
    """The Metric of a finished entry; None when its scope cue names another period.

    ``strict``: keep it only when a cue names this period's quarter or year (for headline lines).
    """
    text = line.norm
    anchor = min(x.start for x in _figures(entry))
    cue = None if entry.from_table else ctx.rules.nearest_scope(text, anchor)
    if cue is not None and not _same_period(cue, ctx):
        return None
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
            if _same_period(inh, ctx):
                own = inh.scope in (
                    "quarter",
                    _reporting_scope(ctx),
                )  # 上半年… then 毛利率为x% in an H1 record
                scope = inh.scope if heading or own else None
            elif heading and (inh.quarter is not None or inh.year is not None):
                return None  # under a heading that names another period
    if scope == "reporting_period":
        scope = _reporting_scope(ctx)  # 报告期内: the call's own period
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
            if a.bare_yuan:
                unit = ctx.yuan_currency
            if a.currency is None:
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
    return Metric(
        metric=entry.metric,
        evidence=Evidence(line=line.number, text=line.original_slice(start, end).strip()),
        segment=_segment_name(line, entry, ctx),
        scope=scope if not ctx.rules.is_point_in_time(entry.metric) else None,
        value=value,
        unit=unit,
        yoy_pct=changes.get("yoy"),
        qoq_pct=changes.get("qoq"),
        change_pp=changes.get("pp"),
        as_written=as_written,
        approximate=entry.approximate,
    )


def _reporting_scope(ctx: Context) -> str | None:
    """The scope of the call's own period: quarter, half_year or fiscal_year (None when unknown)."""
    period = ctx.period
    if period.fiscal_quarter is not None:
        return "quarter"
    if not isinstance(period.period_end, date):
        return None
    year_end_month = (ctx.fiscal_start - 2) % 12 + 1
    return "fiscal_year" if period.period_end.month == year_end_month else "half_year"


def _segment_name(line: Line, entry: Entry, ctx: Context) -> str | None:
    """The unit's name: the lexicon's canonical name (simplified, whatever the text's script) for a
    known unit; else its name as written, in simplified script, without a trailing 业务/板块."""
    if entry.segment_span is not None:
        written = to_simplified(line.original_slice(*entry.segment_span)).strip()
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


def _same_period(cue, ctx: Context) -> bool:
    """False when the scope cue names a quarter or year other than the call's."""
    period = ctx.period
    years = {y for y in (period.fiscal_year, period.period_end.year if period.period_end else None) if y}
    if cue.year is not None and years:
        if cue.fiscal and period.fiscal_year and cue.year != period.fiscal_year:
            return False
        if cue.year not in years:
            return False
    if cue.scope == "fiscal_year" and period.fiscal_quarter in (1, 2, 3):
        if cue.year is None or cue.year == period.fiscal_year:
            return False  # the year is not over: a full-year figure in a Q1-Q3 call is a plan
    if cue.quarter is not None and period.fiscal_quarter is not None:
        if cue.fiscal or not ctx.plain_quarters_are_calendar:
            return cue.quarter == period.fiscal_quarter
        return cue.quarter == (_calendar_quarter(period) or period.fiscal_quarter)
    return True


# --------------------------------------------------------------------------- dedup


def _deduplicate(
    metrics: list[Metric], notes: list[str], headline_lines: set[int], preferred: set[int]
) -> list[Metric]:
    """One metric per metric/segment/scope/value; value-less repeats of a valued one dropped; of two
    values of one figure, the one in the preferred wording (总收入, 归母净利润) kept."""
    groups: dict[tuple[str, str | None], list[Metric]] = {}
    for m in metrics:
        groups.setdefault((m.metric, m.segment), []).append(m)
    kept: list[Metric] = []
    for (metric_id, segment), group in groups.items():
        valued = [m for m in group if m.value is not None]
        clusters: list[list[Metric]] = []
        for m in sorted(valued, key=lambda m: (m.scope is None, m.evidence.line)):
            home = next((c for c in clusters if _same_figure(c[0], m)), None)
            if home is None:
                clusters.append([m])
            else:
                home.append(m)
        best = [_best(c, headline_lines) for c in clusters]
        best = _one_value(best, metric_id, segment, notes, preferred)
        kept.extend(best)
        by_scope: dict[str | None, list[Metric]] = {}
        for m in best:
            by_scope.setdefault(m.scope, []).append(m)
        for scope, ms in sorted(by_scope.items(), key=lambda kv: str(kv[0])):
            if len(ms) > 1:
                listed = ", ".join(f"{m.as_written} (line {m.evidence.line})" for m in sorted(ms, key=_order))
                label = f"{metric_id}{'/' + segment if segment else ''}/{scope or '-'}"
                notes.append(f"line {min(m.evidence.line for m in ms)}: several values for {label}: {listed}")
        bare: list[Metric] = []
        for m in sorted((m for m in group if m.value is None), key=lambda m: m.evidence.line):
            if any(_covers(v, m) for v in best + bare):
                continue
            bare.append(m)
        kept.extend(bare)
    return sorted(kept, key=_order)


ONE_VALUE = ("revenue", "net_income")
"""Figures a call states once per scope and currency: a second value is another unit's or another kind."""


def _one_value(
    best: list[Metric], metric_id: str, segment: str | None, notes: list[str], preferred: set[int]
) -> list[Metric]:
    """For the group's revenue and net income, one value per scope and currency: the one in total or
    attributable wording when only some are, else (revenue) the first the text states."""
    if metric_id not in ONE_VALUE or segment is not None:
        return best
    groups: dict[tuple[str | None, str | None], list[Metric]] = {}
    for m in best:
        groups.setdefault((m.scope, m.unit), []).append(m)
    out: list[Metric] = []
    for (scope, _unit), ms in sorted(groups.items(), key=lambda kv: str(kv[0])):
        ms = sorted(ms, key=lambda m: m.evidence.line)
        chosen = [m for m in ms if id(m) in preferred]
        if len(ms) > 1 and (len(chosen) == 1 or (not chosen and metric_id == "revenue")):
            keep = min(chosen or ms, key=_exactness)
            for m in ms:
                if m is not keep:
                    notes.append(
                        f"line {m.evidence.line}: {metric_id} {m.as_written} left out: the {metric_id} "
                        f"for {scope or 'the period'} is {keep.as_written} (line {keep.evidence.line})"
                    )
            out.append(keep)
        else:
            out.extend(ms)
    return out


def _exactness(m: Metric) -> tuple:
    """Rank of one of several values of a figure: an exact one (not 首破80亿美元) first, then the earliest."""
    return (bool(m.approximate), m.evidence.line)


def _order(m: Metric) -> tuple:
    return (m.evidence.line, m.metric, m.segment or "", m.scope or "", m.value if m.value is not None else 0)


def _same_figure(a: Metric, b: Metric) -> bool:
    if a.unit != b.unit or a.value is None or b.value is None:
        return False
    if a.scope is not None and b.scope is not None and a.scope != b.scope:
        return False
    big = max(abs(a.value), abs(b.value)) or 1
    return abs(a.value - b.value) / big <= 0.001


def _best(cluster: list[Metric], headline_lines: set[int]) -> Metric:
    """The most complete metric of a cluster (then the most precise, then body text, then the earliest)."""

    def score(m: Metric) -> tuple:
        filled = sum(x is not None for x in (m.value, m.yoy_pct, m.qoq_pct, m.change_pp)) + (
            m.scope is not None
        )
        digits = len(re.sub(r"\D", "", m.as_written or ""))
        return (-filled, -digits, m.evidence.line in headline_lines, m.evidence.line)

    return min(cluster, key=score)


def _covers(full: Metric, bare: Metric) -> bool:
    """True when ``bare`` (no value) says nothing that ``full`` does not."""
    if full.scope is not None and bare.scope is not None and full.scope != bare.scope:
        return False
    for key in ("yoy_pct", "qoq_pct", "change_pp"):
        b, f = getattr(bare, key), getattr(full, key)
        if b is not None and (f is None or abs(f - b) > 0.5):
            return False
    return True
