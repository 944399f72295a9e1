"""Tables of results in a Document: rows, cells and what each column holds.

Three table shapes are read, all from ``Line.norm`` with offsets kept so that evidence stays
a verbatim slice of the original line:

* Markdown pipe rows (``| 净利润 | 65.0 亿元 | -24.4% |``);
* tab- or wide-space-separated rows (text copied from a web page or a PDF);
* HTML ``<tr>``/``<td>`` rows (cells found from the reader's ``Line.origin`` map, one row may
  span several lines).

The first row of a table is its header when it holds no figure. Each header cell says what
its column holds (:class:`Column`): the metric's name, this period's figure (with its scope),
another period's figure, or a year-on-year / quarter-on-quarter change. Which wording means
what is read from the metrics lexicon (:class:`generator.extract.metrics.rules.Rules`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from generator.extract.metrics.rules import Rules
from generator.extract.metrics.shapes import Cue
from generator.extract.numbers import MAGNITUDES, Amount, as_number, find_amounts, find_percents
from generator.lexicon import per_lexicon_set
from generator.lexicon.currencies import currencies
from generator.lexicon.words import alternation
from generator.model import Document, Line

PIPE_SPLIT = re.compile(r"\|")
PLAIN_SPLIT = re.compile(r"\t+|\s{3,}")
HTML_TABLE = re.compile(r"<table[\s>]", re.I)
HTML_ROW = re.compile(r"<tr[\s>]", re.I)
HTML_CELL = re.compile(r"<t[dh][\s>]", re.I)
BARE_NUMBER = re.compile(
    r"^(?P<neg>[-−(（])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[)）]?$"
)
EMPTY_CELL = re.compile(r"^[\s\-—–/]*$|^(?:n\.?a\.?|n\.?m\.?|不适用|无|-)$", re.I)
ENGLISH_MAGNITUDES = {"thousand": Decimal(1000), "thousands": Decimal(1000), "m": Decimal(10) ** 6}
CAPTION_LINES = 3
"""How many lines above a table are searched for a unit caption (单位:人民币百万元)."""


@dataclass(frozen=True)
class Cell:
    """A cell of a table: ``line.norm[start:end]``."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.norm[self.start : self.end]


@dataclass(frozen=True)
class Unit:
    """The magnitude and currency a table's bare numbers are written in (单位:人民币百万元)."""

    factor: Decimal
    currency: str | None


@dataclass
class Column:
    """What one column of a table holds."""

    role: str
    """label | value | prior | yoy | qoq | change | other."""
    scope: str | None = None
    """For value columns: the scope its header names, or None."""
    unit: Unit | None = None
    """The unit its header names (金额(亿元)), or None."""
    percent: bool = False
    """For change columns: the header says its bare numbers are percentages (增减(%))."""


@dataclass
class Table:
    """Rows of cells; ``header`` is None when the first row holds figures."""

    rows: list[list[Cell]]
    header: list[Cell] | None = None
    sub_header: list[str] | None = None
    """A second header row's words, one per column after the label, each with its group's words
    (截至9月30日止3个月期间 2020年), when the header groups columns; None otherwise."""
    lines_under: set[int] = field(default_factory=set)
    """Lines of header rows that are no longer in ``rows``."""
    unit: Unit | None = None
    columns: list[Column] = field(default_factory=list)

    def lines(self) -> set[int]:
        """Numbers of the lines the table's rows stand on (header included)."""
        rows = self.rows + ([self.header] if self.header else [])
        return {c.line.number for row in rows for c in row} | self.lines_under


# --------------------------------------------------------------------------- rows


def _split(line: Line, splitter: re.Pattern[str]) -> list[Cell]:
    """Cells of ``line`` cut at ``splitter``, stripped, empty border cells dropped."""
    text, cells, start = line.norm, [], 0
    for m in list(splitter.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        cells.append(_stripped(line, start, end))
        start = m.end() if m else end
    if cells and cells[0].start == cells[0].end and text.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and cells[-1].start == cells[-1].end and text.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _stripped(line: Line, start: int, end: int) -> Cell:
    text = line.norm
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Cell(line, start, end)


def _text_row(line: Line) -> list[Cell] | None:
    """The cells of a Markdown pipe row or a tab / wide-space row, or None."""
    text = line.norm.strip()
    if text.count("|") >= 2 and (text.startswith("|") or text.count("|") >= 3):
        return _split(line, PIPE_SPLIT)
    if "\t" in text or re.search(r"\S\s{3,}\S", text):
        cells = _split(line, PLAIN_SPLIT)
        return cells if len(cells) >= 3 else None
    return None


def _html_rows(doc: Document) -> list[list[list[Cell]]]:
    """Tables of ``<tr>`` / ``<td>`` rows, from where each visible character of a line came from."""
    if not any(HTML_CELL.search(line.original) for line in doc.lines):
        return []
    cells: dict[tuple[int, int, int], list[tuple[Line, int]]] = {}
    table_no = row_no = cell_no = 0
    for line in doc.lines:
        tags = sorted(
            [(m.start(), "table") for m in HTML_TABLE.finditer(line.original)]
            + [(m.start(), "row") for m in HTML_ROW.finditer(line.original)]
            + [(m.start(), "cell") for m in HTML_CELL.finditer(line.original)]
        )
        positions = line.origin if line.origin is not None else range(len(line.text))
        t = 0
        for i, pos in enumerate(positions):
            while t < len(tags) and tags[t][0] <= pos:
                table_no, row_no, cell_no = _html_step(tags[t][1], table_no, row_no, cell_no)
                t += 1
            if cell_no and not line.text[i].isspace() or (table_no, row_no, cell_no) in cells:
                cells.setdefault((table_no, row_no, cell_no), []).append((line, i))
        for _pos, kind in tags[t:]:
            table_no, row_no, cell_no = _html_step(kind, table_no, row_no, cell_no)
    tables: dict[int, dict[int, list[Cell]]] = {}
    for (tno, rno, cno), chars in sorted(cells.items(), key=lambda kv: kv[0]):
        if not cno:
            continue
        line = chars[0][0]
        offsets = [i for ln, i in chars if ln is line]  # a cell is kept on its first line
        tables.setdefault(tno, {}).setdefault(rno, []).append(_stripped(line, offsets[0], offsets[-1] + 1))
    return [[row for _, row in sorted(rows.items())] for _, rows in sorted(tables.items())]


def _html_step(kind: str, table_no: int, row_no: int, cell_no: int) -> tuple[int, int, int]:
    if kind == "table":
        return table_no + 1, 0, 0
    if kind == "row":
        return table_no, row_no + 1, 0
    return table_no, row_no, cell_no + 1


def find_tables(doc: Document) -> list[Table]:
    """Every table of two rows or more, in document order."""
    tables: list[Table] = []
    current: list[list[Cell]] = []
    last_line = 0
    for line in doc.lines:
        row = _text_row(line) if line.norm.strip() else None
        if row is not None:
            if current and not _only_blank_between(doc, last_line, line.number):
                tables.append(Table(current))
                current = []
            current.append(row)
            last_line = line.number
    if current:
        tables.append(Table(current))
    tables.extend(Table(rows) for rows in _html_rows(doc))
    tables = [t for t in tables if len(t.rows) >= 2]
    for t in tables:
        _set_header(t, doc)
    return tables


def _only_blank_between(doc: Document, after: int, before: int) -> bool:
    return all(not doc.line(n).norm.strip() for n in range(after + 1, before))


def _set_header(table: Table, doc: Document) -> None:
    first = table.rows[0]
    if any(_has_figure(c.text) for c in first[1:]):
        return
    table.header, table.rows = first, table.rows[1:]
    _set_sub_header(table)
    top = min(c.line.number for c in first)
    above = [doc.line(n).norm for n in range(max(1, top - CAPTION_LINES), top)]
    for text in [first[0].text, *reversed(above)]:
        unit = unit_of(text)
        if unit is not None:
            table.unit = unit
            break


def _set_sub_header(table: Table) -> None:
    """A header of column groups (截至9月30日止3个月期间 | 截至9月30日止9个月期间) over a row of
    figure-free words (2021年 | 2020年 | 增减(%) | 2021年 | …): each column is read with its group's
    words and its own, the groups splitting the row's words evenly in order."""
    if not table.rows or table.header is None:
        return
    row = table.rows[0]
    words = [c.text.strip() for c in row if not EMPTY_CELL.match(c.text.strip())]
    groups = [c.text.strip() for c in table.header[1:] if not EMPTY_CELL.match(c.text.strip())]
    if len(groups) < 2 or len(words) <= len(groups) or len(words) % len(groups):
        return
    if any(_has_figure(w) and not YEAR_ONLY.match(w) for w in words):
        return
    if not all(YEAR_ONLY.match(w) or CHANGE_WORDS.search(w) for w in words):
        return
    size = len(words) // len(groups)
    table.sub_header = [f"{groups[i // size]} {w}" for i, w in enumerate(words)]
    table.lines_under.update(c.line.number for c in row)
    table.rows = table.rows[1:]


YEAR_ONLY = re.compile(r"^(?:19|20)\d{2}\s*年?(?:度)?$")


def _has_figure(text: str) -> bool:
    return bool(find_amounts(text) or find_percents(text) or BARE_NUMBER.match(text))


def _unit_re() -> re.Pattern[str]:
    """A magnitude with the currency written before or after it (人民币百万元, 亿元, RMB millions)."""
    return _unit_patterns()[0]


def _named_re() -> re.Pattern[str]:
    """A currency a caption names anywhere (RMB in millions)."""
    return _unit_patterns()[1]


@per_lexicon_set
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    money = currencies()
    unit_re = re.compile(
        rf"(?<![\d.])(?P<cur1>{alternation(money.caption_before)})?\s*"
        r"(?P<mag>万亿|千亿|百亿|十亿|亿|千万|百万|万|千|billions?|millions?|thousands?|bn|mn|m)\s*"
        rf"(?P<cur2>{alternation(money.caption_after)})?(?![A-Za-z])",
        re.I,
    )
    return unit_re, re.compile(alternation(money.caption_named), re.I)


def unit_of(text: str) -> Unit | None:
    """The unit a caption or header names (单位:人民币百万元, 金额(亿元), RMB in millions), or None."""
    for m in _unit_re().finditer(text):
        cur = m.group("cur1") or m.group("cur2")
        mag = m.group("mag").lower()
        if mag == "m" and not cur:
            continue
        if not cur and not re.search(r"单位|unit|in\s", text, re.I):
            continue
        factor = ENGLISH_MAGNITUDES.get(mag) or MAGNITUDES.get(mag) or MAGNITUDES.get(mag.rstrip("s"))
        if factor is None:
            factor = Decimal(1000) if mag == "千" else None
        if factor is None:
            continue
        if not cur:
            named = _named_re().search(text)
            cur = named.group(0) if named else None
        return Unit(factor, currencies().code(cur) if cur else None)
    if re.search(r"单位[:：]?\s*(?:人民币)?元|\((?:人民币)?元\)", text):
        return Unit(Decimal(1), "CNY")
    return None


# --------------------------------------------------------------------------- columns


CHANGE_WORDS = re.compile(
    r"同比|环比|按年|按季|变动|变化|增减|增长|增幅|增速|降幅|幅度|年增|季增|年减|季减|成长|"
    r"yoy|qoq|y/y|q/q|change|growth|%",
    re.I,
)
VALUE_WORDS = re.compile(r"金额|数值|数据|实际|本期|当期|本季|本年|value|amount|actual|result", re.I)


def set_columns(table: Table, rules: Rules, relation: Callable[[Cue], str]) -> bool:
    """Give each column of a headed table its role; True when the header names a period or a change.

    ``relation(cue)`` tells how a period named in a header relates to the call's period:
    "same", "yoy" (a year earlier), "qoq" (the quarter before) or "other".
    """
    if table.header is None:
        return False
    texts = table.sub_header or [c.text for c in table.header[1:]]
    columns = [Column("label")] + [_column(t, rules, relation) for t in texts]
    columns += [Column("other") for _ in range(len(table.header) - len(columns))]  # empty trailing cells
    values = [c for c in columns if c.role == "value"]
    if len(values) > 1:  # several value columns of unnamed periods: which is this period's is unclear
        for c in values:
            if c.scope is None:
                c.role = "other"
    kinds = {c.role.split(":")[1] for c in columns if c.role.startswith("prior:")}
    for c in columns:
        if c.role == "change":
            c.role = kinds.pop() if len(kinds) == 1 and "other" not in kinds else "other"
        elif c.role.startswith("prior"):
            c.role = "prior"
    table.columns = columns
    return any(c.role in ("value", "prior", "yoy", "qoq") for c in columns)


def _column(text: str, rules: Rules, relation: Callable[[Cue], str]) -> Column:
    unit = unit_of(text)
    cues = rules.cues.find(text)
    years = [c for c in cues if c.scope == "fiscal_year" and c.year is not None]
    narrow = [c for c in cues if c.scope != "fiscal_year" and c.year is None]
    if len(years) == 1 and narrow:  # 截至9月30日止3个月期间 2020年: that year's quarter
        cues = [replace(c, year=years[0].year) for c in narrow]
    if CHANGE_WORDS.search(text):
        percent = bool(re.search(r"[(（]\s*[%％]\s*[)）]", text))  # 增减(%)
        if rules.change.qoq_re.search(text) or re.search(r"季增|季减", text):
            return Column("qoq", percent=percent)
        if rules.change.yoy_re.search(text) or re.search(r"年增|年减", text):
            return Column("yoy", percent=percent)
        return Column("change", percent=percent)
    if rules.change.prior_re.search(text):
        return Column("prior:" + (_prior_kind(text) or "other"))
    related = {relation(c) for c in cues}
    if related - {"same"}:
        kinds = related - {"same"}
        return Column("prior:" + (kinds.pop() if len(kinds) == 1 else "other"))
    if cues:
        cue = max(cues, key=lambda c: (c.end - c.start, -c.start))
        return Column("value", scope=cue.scope, unit=unit)
    if VALUE_WORDS.search(text) or unit is not None or not text.strip():
        return Column("value", unit=unit)
    return Column("other")


def _prior_kind(text: str) -> str | None:
    """yoy when ``text`` names the year-earlier period, qoq when it names the previous quarter."""
    if re.search(r"上年|去年|上一年|前一年|一年前|year ago|prior year|last year", text, re.I):
        return "yoy"
    if re.search(r"上季|上一季|上个季|前一季|previous quarter|prior quarter|last quarter", text, re.I):
        return "qoq"
    return None


# --------------------------------------------------------------------------- cells


def cell_amount(cell: Cell, unit: Unit | None) -> Amount | None:
    """The amount a value cell holds (signed: -7.3 and (7.3) are negative), or None."""
    text = cell.text
    if EMPTY_CELL.match(text):
        return None
    found = find_amounts(text)
    negative = bool(re.match(r"^\s*[-−(（]", text))
    if found:
        a = found[0]
        value = -abs(a.value) if negative else a.value
        if unit is not None and not a.has_magnitude and a.currency is None and not a.users:
            return None
        return Amount(
            cell.start + a.start,
            cell.start + a.end,
            value,
            a.currency or (unit.currency if unit else None),
            a.has_magnitude,
            a.approximate,
            a.chinese,
            a.users,
            a.shares,
            a.bare_yuan,
        )
    m = BARE_NUMBER.match(text)
    if m is None or unit is None:
        return None
    try:
        exact = Decimal(m.group("num").replace(",", "")) * unit.factor
    except InvalidOperation:
        return None
    number = as_number(exact)
    return Amount(
        cell.start + m.start("num"),
        cell.start + m.end("num"),
        -number if m.group("neg") else number,
        unit.currency,
        True,
        False,
        False,
        False,
    )
