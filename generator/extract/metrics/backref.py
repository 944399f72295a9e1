"""English sentences that point back at the figure before them ("Revenue was RMB 13 billion. That was
up 26.3 percent from the second quarter"; "These figures represent an increase of 4.8 per cent").

The pointing subject (metrics lexicon ``back_references``) is read as the metric word of the last
valued figure before it (earlier on the line, else on the BACK_LINES lines before), and the
changes its sentence states complete that figure: they are never a figure of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.metrics.context import Context
from generator.extract.metrics.entries import line_entries
from generator.extract.metrics.shapes import Entry, Pending, Word
from generator.model import Line, Metric

BACK_LINES = 4
"""How many lines back a pointing sentence's figure may stand (a related-article link may come between)."""


@dataclass
class Pointers:
    """What the reader remembers from line to line: the last valued figure, and the pointing entries."""

    last: tuple[int, Entry] | None = None
    referred: dict[int, tuple[int, int]] = field(default_factory=dict)
    """id of a pointing entry -> (line number, word start) of the figure it points at."""

    def read(self, line: Line, ctx: Context, notes: list[str], waiting: list[Pending]) -> list[Entry]:
        """The entries of ``line`` (as :func:`line_entries`), its pointing subjects read as the words of
        the figures they point at."""
        found = line_entries(line, ctx, notes, waiting)
        rx = ctx.rules.back_reference_re
        starts = [m.span(1) for m in rx.finditer(line.norm)] if rx is not None else []
        pointers: list[tuple[Word, tuple[int, int]]] = []
        for start, end in starts:
            before = [e for e in found if e.word.start < start and _valued(e)]
            if before:
                target: tuple[int, Entry] | None = (line.number, before[-1])
            elif self.last is not None and line.number - self.last[0] <= BACK_LINES:
                target = self.last
            else:
                target = None
            if target is not None:
                number, entry = target
                pointers.append((Word(start, end, entry.word.metric), (number, entry.word.start)))
        if pointers:
            waiting.clear()
            found = line_entries(line, ctx, notes, waiting, [w for w, _ in pointers])
            for e in found:
                for word, key in pointers:
                    if (e.word.start, e.word.end) == (word.start, word.end):
                        self.referred[id(e)] = key
        valued = [e for e in found if _valued(e) and id(e) not in self.referred]
        if valued:
            self.last = (line.number, valued[-1])
        return found


def _valued(entry: Entry) -> bool:
    return entry.amount is not None and not entry.excluded and entry.unclear is None


def complete(target: Metric, entry: Entry) -> None:
    """The pointing ``entry``'s changes given to the metric it points at, where that has none of the kind."""
    for kind, (value, _) in sorted(entry.changes.items()):
        name = CHANGE_FIELDS.get(kind)
        if name is None or getattr(target, name) is not None:
            continue
        setattr(target, name, value)
        if kind == "pp":
            target.change_pp_basis = entry.pp_basis


CHANGE_FIELDS = {"yoy": "yoy_pct", "qoq": "qoq_pct", "pp": "change_pp"}
