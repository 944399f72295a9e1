"""Very long lines -> several lines of a few sentences each, so that extraction stays linear.

A transcript saved without line breaks (a whole page on one line, megabytes long) would make
every look "around a figure" (its clause, its sentence, the nearest period named before it)
scan the whole line, once per figure: time quadratic in the line. Such a line is cut, once,
at read time, into pieces that end at a sentence end; each piece is a :class:`Line` of its own,
numbered in order, so the call page shows exactly the lines that evidence points to (the
page and the summary both read the file through :func:`generator.source.read.read_source`).

Each piece's ``original`` is the verbatim stretch of the file's line it was cleaned from
(the pieces of one line, joined, give that line back), and ``origin`` indexes into it, so
quotes stay verbatim. Lines up to :data:`SPLIT_OVER` characters are untouched: an ordinary
transcript is read exactly as before.
"""

from __future__ import annotations

import re

from generator.model import Line

SPLIT_OVER = 4000
"""A cleaned line longer than this (in characters) is cut into pieces. The longest paragraph
of the project's and the real-text corpus' transcripts is about 2,000 characters."""
PIECE = 600
"""A piece ends at the first sentence end at or after this many characters."""
PIECE_MAX = 2000
"""A piece with no sentence end in this many characters is cut after a space, or here."""

SENTENCE_END = re.compile(r"[。!?;…]+[\"'”’)\]】」』]*|[.!?;](?=\s)")
"""A sentence end in normalised text (half-width punctuation), with the quotes closing it."""
SPACE = re.compile(r"\s")


def split_long_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with every line longer than :data:`SPLIT_OVER` cut into pieces, renumbered
    from 1 in order; ``lines`` itself when no line is that long."""
    if all(len(line.text) <= SPLIT_OVER for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        pieces = [line] if len(line.text) <= SPLIT_OVER else list(_pieces(line))
        for piece in pieces:
            out.append(_numbered(piece, len(out) + 1))
    return out


def cut_points(norm: str) -> list[int]:
    """Where to cut ``norm``: after a sentence end once a piece has :data:`PIECE` characters,
    or, with none in :data:`PIECE_MAX`, after the last space before it (else right there)."""
    cuts = []
    start = 0
    while len(norm) - start > PIECE_MAX:
        end = SENTENCE_END.search(norm, start + PIECE, start + PIECE_MAX)
        if end is not None:
            cut = end.end()
        else:
            space = norm.rfind(" ", start + PIECE, start + PIECE_MAX)
            cut = space + 1 if space > 0 else start + PIECE_MAX
        while cut < len(norm) and SPACE.match(norm, cut):
            cut += 1  # the spaces after a sentence stay with it
        if cut >= len(norm):
            break
        cuts.append(cut)
        start = cut
    return cuts


def _pieces(line: Line) -> list[Line]:
    """``line`` cut at :func:`cut_points`; each piece keeps its verbatim stretch of the original."""
    bounds = [0, *cut_points(line.norm), len(line.text)]
    origin = line.origin if line.origin is not None else tuple(range(len(line.original)))
    pieces = []
    for i, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        first, last = i == 0, end == len(line.text)
        lo = 0 if first else origin[start]
        hi = len(line.original) if last else origin[end]
        original = line.original[lo:hi]
        text = line.text[start:end]
        shifted = tuple(o - lo for o in origin[start:end])
        same = text == original and shifted == tuple(range(len(text)))
        pieces.append(
            Line(
                number=line.number,
                original=original,
                text=text,
                norm=line.norm[start:end],
                origin=None if same else shifted,
            )
        )
    return pieces


def _numbered(line: Line, number: int) -> Line:
    if line.number == number:
        return line
    return Line(number=number, original=line.original, text=line.text, norm=line.norm, origin=line.origin)
