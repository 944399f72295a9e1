"""The working shapes of metric extraction: the pieces a sentence is read into.

``Span``, ``Word`` and ``Cue`` are found in a line; an ``Entry`` gathers a metric word and the
figures that belong to it before it becomes a :class:`generator.model.Metric`. Every module of the
package imports them from here; this module imports nothing of the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.numbers import Amount, Percent


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


@dataclass(frozen=True)
class Cue:
    """A scope cue found in a text."""

    start: int
    end: int
    scope: str
    quarter: int | None = None
    year: int | None = None
    fiscal: bool = False
    """True when the quarter or year is named as fiscal (第四财季, 2024财年)."""
    month: int | None = None
    """The calendar month an English month cue names ("the month of October 2020")."""


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
    pp_basis: str | None = None
    """yoy | qoq: what the change in points compares with, when the text says."""
    excluded: bool = False
    excluded_kind: str | None = None
    """Why the entry is excluded when a cue before its word says (guidance, consensus, market…)."""
    other_subject: bool = False
    """True when the words right before its word name another company (台湾大全年营收): excluded."""
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
class Pending:
    """A figure left out of the metrics because it is guidance or a consensus, with the entry whose
    metric it speaks of (it becomes a :class:`generator.model.Forecast`)."""

    kind: str
    """guidance | consensus."""
    entry: Entry
    figure: Amount | Percent
