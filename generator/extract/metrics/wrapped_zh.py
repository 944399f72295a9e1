"""Hard-wrapped Chinese text (PDF and wire copy cut at a fixed width): a sentence running on over
several physical lines is read as one line, so that a metric word at the end of a line takes the
figure at the start of the next (營益率 / 12.6%), and a period named on one line scopes the figure
on the next (首三季純利 / 190.3億元).

A line is taken to run on when it holds Chinese characters, ends with no sentence-closing
punctuation, the next line opens with no list mark, and either the line is at least ``FULL_SHARE``
of the widest line of its paragraph (a run of non-blank lines; widths in display columns, a Chinese
character two, a digit one), that widest line being at least ``MIN_WIDTH`` columns, or the line
ends with a word that never ends a sentence (a currency written before its amount: 减少人民币).
The joined line keeps the first line's number; :meth:`JoinedLine.physical`
puts an evidence span back on the physical line its figure stands on (evidence is always quoted
from one line of the file).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.model import Line

FULL_SHARE = 0.8
"""A line this share of its paragraph's longest line (or longer) is as wide as the wrapping width."""
MIN_WIDTH = 30
"""A paragraph whose widest line is narrower (in display columns) is no wrapped text (titles, short items)."""
CLOSING = '。!?！？;；:：)）」』”"】]'
"""A line ending with one of these ends its sentence."""
LIST_MARK = re.compile(
    r"\s*(?:[*•·●■◆▲►\-–—]|\d{1,2}(?:[、)）]|\.(?!\d))|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])"
)
"""A line opening with one of these starts an item of its own."""
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_STOP = re.compile(r"[A-Za-z)”’\"]\.$")
"""An English sentence's full stop at a line's end (a Chinese name in an English report, 旺宏, makes it
no Chinese text: "…customer demand." ends its sentence)."""


@dataclass(frozen=True)
class JoinedLine(Line):
    """Several physical lines read as one; ``parts`` holds each one's start in ``text`` and itself."""

    parts: tuple[tuple[int, Line], ...] = field(default=())

    def physical(self, start: int, end: int, anchor: int) -> tuple[int, str]:
        """The number of the physical line holding ``anchor`` and the evidence [start, end) cut to it,
        quoted from that line's original text."""
        offset, line = self.parts[0]
        for off, part in self.parts:
            if off <= anchor:
                offset, line = off, part
        size = len(line.text)
        lo = min(max(start - offset, 0), size)
        hi = max(min(end - offset, size), lo)
        return line.number, line.original_slice(lo, hi)


def joined_lines(lines: list[Line], skip: set[int], run_on_endings: list[str]) -> list[Line]:
    """``lines`` with each run of hard-wrapped lines joined into one (lines in ``skip``, table rows,
    are kept as they are and end a run). A line ending with one of ``run_on_endings`` runs on
    whatever its width."""
    wrapped = _runs_on(lines, skip, tuple(run_on_endings))
    out: list[Line] = []
    run: list[Line] = []
    for line in lines:
        run.append(line)
        if line.number in wrapped:
            continue
        out.append(run[0] if len(run) == 1 else _join(run))
        run = []
    if run:
        out.append(run[0] if len(run) == 1 else _join(run))
    return out


def _width(text: str) -> int:
    """Display columns: a wide (Chinese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _runs_on(lines: list[Line], skip: set[int], endings: tuple[str, ...]) -> set[int]:
    """The numbers of the lines whose sentence runs on to the next line."""
    found: set[int] = set()
    paragraph: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.norm.strip() and line.number not in skip:
            paragraph.append(line)
            continue
        if len(paragraph) > 1:
            widths = [_width(p.norm.rstrip()) for p in paragraph]
            widest = max(widths)
            for k, (this, nxt) in enumerate(zip(paragraph, paragraph[1:], strict=False)):
                text = this.norm.rstrip()
                if (
                    text[-1] in CLOSING
                    or LATIN_STOP.search(text)
                    or not CJK.search(text)
                    or LIST_MARK.match(nxt.norm)
                ):
                    continue
                if (widest >= MIN_WIDTH and widths[k] >= FULL_SHARE * widest) or text.endswith(endings):
                    found.add(this.number)
        paragraph = []
    return found


def _join(run: list[Line]) -> JoinedLine:
    """One line made of ``run``: texts side by side (the line break dropped, as in Chinese), each
    character still mapped to the original text."""
    texts: list[str] = []
    norms: list[str] = []
    originals: list[str] = []
    origin: list[int] = []
    parts: list[tuple[int, Line]] = []
    length = original_length = 0
    for line in run:
        text = line.text.rstrip()
        parts.append((length, line))
        texts.append(text)
        norms.append(line.norm[: len(text)])
        originals.append(line.original)
        mapping = line.origin if line.origin is not None else range(len(line.text))
        origin.extend(original_length + i for i in list(mapping)[: len(text)])  # linear in the run
        length += len(text)
        original_length += len(line.original)
    first = run[0]
    return JoinedLine(
        number=first.number,
        original="".join(originals),
        text="".join(texts),
        norm="".join(norms),
        origin=tuple(origin),
        parts=tuple(parts),
    )
