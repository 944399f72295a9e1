"""Hard-wrapped English lines joined into one logical line for the metrics reader.

Press releases copied from some pages break a sentence every few words ("- Net revenues were
RMB703.1" / "million, increased by 30.7% from RMB537.8 million in the same period of" / "2022.").
A metric word and its figure then stand on different physical lines and no line holds both. Here
consecutive Latin-script lines are joined when the first does not end a sentence and the next
carries it on (it starts with a small letter, a digit, a currency or a bracket, or the first ends
with a word that needs more: "was", "of", "to"…). A line with Chinese characters, a list item's
start or a table row is never joined, so Chinese texts and transcripts in paragraphs read as
before. Pages that put every phrase of a sentence in its own element come out with blank lines
between the pieces ("Revenues" / "" / "were" / "" / "RMB978.2 million"): at most MAX_GAP blank lines
between two pieces are bridged, under the same test. A carried-on line's indentation is not read
(a sentence wrapped at "22.5% quarter" / "        over quarter" reads "quarter over quarter").

Evidence stays on one physical line: :func:`Joined.ground` clips a joined line's evidence to the
physical line holding the figure (the whole evidence when it stands on one line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Evidence, Line

MAX_PARTS = 12
"""At most this many physical lines make one logical line (a paragraph's sentence, not a page)."""

MAX_GAP = 3
"""At most this many blank lines between two pieces of one sentence (a page's inline elements)."""

TAIL = 80
"""Only a line's last characters are read for how it ends (linear on any line)."""

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ENDS_SENTENCE = re.compile(r"[.!?:;。；：”\"]$")
TRAILING_BULLET = re.compile(r"(?:\s[-–—•])+$")
STARTS_ITEM = re.compile(r"\s*(?:[-–—•*|]|\d+[.)]\s)")


@dataclass
class Joined:
    """One logical line and the physical lines it was joined from."""

    line: Line
    parts: list[tuple[int, Line]]
    """Each physical line with the offset of its original text in ``line.original``."""

    def ground(self, evidence: Evidence, written: str | None) -> Evidence:
        """``evidence`` (quoted from the joined line) clipped to the physical line holding ``written``
        (the figure as written), else to the physical line holding most of it."""
        if len(self.parts) == 1:
            return evidence
        start = self.line.original.find(evidence.text)
        if start < 0:
            return evidence
        end = start + len(evidence.text)
        at = evidence.text.find(written) if written else -1
        anchor = start + at if at >= 0 else None
        best: tuple[int, int, Line, int] | None = None
        for offset, part in self.parts:
            lo, hi = max(start, offset), min(end, offset + len(part.original))
            if anchor is not None and offset <= anchor < offset + len(part.original) + 1:
                best = (1 << 30, lo, part, hi)
                break
            if hi > lo and (best is None or hi - lo > best[0]):
                best = (hi - lo, lo, part, hi)
        if best is None:
            return evidence
        _, lo, part, hi = best
        offset = next(o for o, p in self.parts if p is part)
        text = part.original[max(0, lo - offset) : max(0, hi - offset)].strip()
        return Evidence(line=part.number, text=text) if text else evidence


def join_wrapped(
    lines: Iterable[Line], ends: re.Pattern[str], starts: re.Pattern[str], blank: frozenset[int] = frozenset()
) -> list[Joined]:
    """The lines given (in order, none empty after cleaning), hard-wrapped runs joined. ``ends``: a
    line's end that breaks off its sentence; ``starts``: a line's start that carries it on (the
    metrics lexicon's ``wrapped_lines``, compiled by ``Rules``); ``blank``: the numbers of the empty
    lines a sentence may be carried across (at most MAX_GAP of them in a row)."""
    out: list[Joined] = []
    run: list[Line] = []
    for line in lines:
        apart = run and (not _adjacent(run[-1].number, line.number, blank) or len(run) >= MAX_PARTS)
        if run and (apart or not _continues(run[-1], line, ends, starts)):
            out.append(_join(run))
            run = []
        run.append(line)
    if run:
        out.append(_join(run))
    return out


def _adjacent(before: int, after: int, blank: frozenset[int]) -> bool:
    """True when only blank lines (at most MAX_GAP) stand between lines ``before`` and ``after``."""
    gap = after - before - 1
    return gap == 0 or (0 < gap <= MAX_GAP and all(n in blank for n in range(before + 1, after)))


def _continues(first: Line, then: Line, ends: re.Pattern[str], starts: re.Pattern[str]) -> bool:
    """True when ``then`` carries on the sentence ``first`` breaks off."""
    a, b = first.norm, then.norm
    if CJK.search(a) or CJK.search(b) or STARTS_ITEM.match(b):
        return False
    a = TRAILING_BULLET.sub("", a.rstrip()[-TAIL:]).rstrip()
    if not a or a in "-–—•*" or ENDS_SENTENCE.search(a):
        return False
    return bool(starts.match(b) or ends.search(a))


def _join(run: list[Line]) -> Joined:
    if len(run) == 1:
        return Joined(run[0], [(0, run[0])])
    original, text, norm = [], [], []
    origin: list[int] = []
    parts: list[tuple[int, Line]] = []
    offset = 0
    for i, line in enumerate(run):
        own = line.origin if line.origin is not None else range(len(line.text))
        lo = len(line.text) - len(line.text.lstrip()) if i else 0  # a carried-on line's indentation
        hi = len(line.text.rstrip()) if i < len(run) - 1 else len(line.text)
        hi = max(lo, hi)
        if i:
            origin.append(offset - 1)  # the joining space stands for the line break
            text.append(" ")
            norm.append(" ")
        parts.append((offset, line))
        origin.extend(offset + k for k in own[lo:hi])
        original.append(line.original)
        text.append(line.text[lo:hi])
        norm.append(line.norm[lo:hi])
        offset += len(line.original) + 1
    joined = Line(run[0].number, " ".join(original), "".join(text), "".join(norm), tuple(origin))
    return Joined(joined, parts)
