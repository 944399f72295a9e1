"""Entries from headed tables of results: one per value column of a row, with its change columns.

The table itself is found by ``tables``; here each column's period is related to the
call's and each row's label is read as a metric word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.extract.metrics.attribution import other_company
from generator.extract.metrics.context import Context
from generator.extract.metrics.entries import new_entry
from generator.extract.metrics.figures import fits_metric
from generator.extract.metrics.scope import relation
from generator.extract.metrics.segments import known_segment
from generator.extract.metrics.shapes import Entry, Span, Word
from generator.extract.metrics.tables import (
    BARE_NUMBER,
    Cell,
    Table,
    Unit,
    cell_amount,
    find_tables,
    set_columns,
)
from generator.extract.numbers import Percent, find_percents
from generator.model import Document, Line


def table_entries(doc: Document, ctx: Context, notes: list[str]) -> tuple[list[tuple[Line, Entry]], set[int]]:
    """Entries of every headed table of results, and the lines those tables stand on."""
    entries: list[tuple[Line, Entry]] = []
    owned: set[int] = set()
    for table in find_tables(doc):
        if not set_columns(table, ctx.rules, lambda cue: relation(cue, ctx)):
            continue
        owned |= table.lines()
        for row in table.rows:
            entries.extend(_row_entries(row, table, ctx, notes))
    return entries, owned


def _row_entries(row: list[Cell], table: Table, ctx: Context, notes: list[str]) -> list[tuple[Line, Entry]]:
    """One entry per value column (with the change columns after it) of a table row."""
    if len(row) != len(table.columns) or not row[0].text:
        return []
    label = row[0]
    words = ctx.find_words(label.text)
    if not words:
        return _unit_row(row, table, ctx, notes)
    w = words[0]
    word = Word(label.start + w.start, label.start + w.end, w.metric, w.loss)
    line = label.line
    sentence = Span(label.start, label.end)
    entry = new_entry(line.norm, word, sentence, label.start, [0, label.start], ctx, notes, line.number)
    if entry is None or entry.excluded or ctx.rules.change.is_prior(label.text):
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
                changes.append((table.columns[j].role, row[j], table.columns[j].percent))
        found = _row_entry(entry, label, row[i], column.unit or table.unit, changes, ctx)
        if found is not None:
            found[1].table_scope = column.scope
            out.append(found)
    if not any(c.role == "value" for c in table.columns):
        changes = [
            (c.role, row[j], c.percent) for j, c in enumerate(table.columns) if c.role in ("yoy", "qoq")
        ]
        found = _row_entry(entry, label, None, None, changes, ctx)
        if found is not None:
            out.append(found)
    return out


def _unit_row(row: list[Cell], table: Table, ctx: Context, notes: list[str]) -> list[tuple[Line, Entry]]:
    """A row of a table by business unit (| Segment | Q3 2024 Revenue | YoY Change |): the label names
    the unit, the header of its one value column the metric (a money metric with a unit's id)."""
    label = row[0]
    header = table.header or []
    values = [i for i, c in enumerate(table.columns) if c.role == "value"]
    if len(values) != 1 or len(header) != len(row) or not re.search(r"[A-Za-z\u4e00-\u9fff]", label.text):
        return []
    found = ctx.find_words(header[values[0]].text)
    if len(found) != 1:
        return []
    seg_metric = ctx.rules.metrics.get(found[0].metric, {}).get("segment_metric")
    if not seg_metric or ctx.rules.kind(found[0].metric) != "money":
        return []
    name = label.text.strip().lower()
    whole = name in ctx.rules.en_group or name in ctx.rules.group_prefixes or ctx.rules.is_group_word(name)
    if (
        other_company(label.text, ctx)
        or ctx.rules.excluded(label.text)
        or ctx.rules.change.is_prior(label.text)
    ):
        return []
    word = Word(label.start, label.end, found[0].metric)
    metric = found[0].metric if whole else seg_metric  # | Total | $919 million |: the group's
    base = Entry(word=word, metric=metric, clause=0, sentence=Span(label.start, label.end), start=label.start)
    known = known_segment(label.text, ctx)
    if not whole:
        base.segment, base.segment_span = (known, None) if known else (None, (label.start, label.end))
    i = values[0]
    changes = [
        (table.columns[j].role, row[j], table.columns[j].percent)
        for j in range(i + 1, len(row))
        if table.columns[j].role in ("yoy", "qoq")
    ]
    found_entry = _row_entry(base, label, row[i], table.columns[i].unit or table.unit, changes, ctx)
    if found_entry is None:
        return []
    found_entry[1].table_scope = table.columns[i].scope
    return [found_entry]


def _row_entry(
    base: Entry,
    label: Cell,
    value: Cell | None,
    unit: Unit | None,
    changes: list[tuple[str, Cell, bool]],
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
                fits_metric(entry.metric, amount, ctx) or kind == "money" and amount.value < 0
            ):
                entry.amount = amount
                entry.approximate = amount.approximate
        if entry.amount is None and entry.ratio is None:
            return None  # a row whose figure this column does not hold (a share count, a ratio of 元)
        used.append(value)
    for role, cell, percent in changes:
        change = _cell_change(cell, kind, ctx, percent)
        if change is not None and not entry.word.loss:
            key = "pp" if change[2].points else role
            entry.changes[key] = (change[0], change[2])
            if key == "pp" and role in ("yoy", "qoq"):
                entry.pp_basis = role  # the column says what the points compare with
            used.append(cell)
    if not entry.has_figure():
        return None
    home = value.line if value is not None else label.line
    on_home = [c for c in used if c.line is home]
    entry.span = (min(c.start for c in on_home), max(c.end for c in on_home))
    entry.start = entry.span[0]
    return home, entry


def _cell_change(
    cell: Cell, kind: str, ctx: Context, percent: bool = False
) -> tuple[float, str, Percent] | None:
    """(signed value, written text, Percent) of a change cell (-24.4%, +1.6pct, 下降3.9%), or None;
    ``percent``: the column's header says its bare numbers are percentages (37.5, (44.8) in 增减(%))."""
    text = cell.text
    pcts = find_percents(text)
    bare = BARE_NUMBER.match(text.strip()) if percent and not pcts and kind != "ratio" else None
    if bare is not None:
        number = float(bare.group("num").replace(",", ""))
        value = -number if bare.group("neg") else number
        start = cell.start + text.index(bare.group("num"))
        pct = Percent(start, start + len(bare.group("num")), value, False)
        return value, text, pct
    if not pcts:
        return None
    p = pcts[0]
    if kind == "ratio" and not p.points:
        return None  # a margin's change in % is ambiguous (points or relative)
    if kind != "ratio" and p.points:
        return None
    value = float(p.value)
    if ctx.rules.change.down_re.search(text[: p.start]) or ctx.rules.change.down_re.search(text[p.end :]):
        value = -abs(value)
    pct = Percent(cell.start + p.start, cell.start + p.end, p.value, p.points)
    return value, text, pct
