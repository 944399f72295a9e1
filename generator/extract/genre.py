"""What kind of source a text is (``source.genre``): transcript, minutes, digest, commentary or
article, from the words of its head (lexicon ``genres.yaml``) and the shape of its turns; and
its ``source.kind`` in the contract's three words (minutes are a digest, commentary an article).

The turn shape (:func:`generator.extract.turns.source_kind`) is what the rest of extraction
reads (who speaks, where the Q&A is); this module only names the source for the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator import lexicon
from generator.lexicon.words import word_pattern
from generator.model import Document
from generator.source.chinese import normalise

CONTRACT_KIND = {"minutes": "digest", "commentary": "article"}
"""The contract's ``source.kind`` of a genre that the contract does not name."""

HEAD_KINDS = ("transcript", "minutes", "digest")
"""Kinds the head's words decide before the turn shape is looked at."""


@dataclass(frozen=True)
class _Genres:
    head_lines: int
    commentary_lines: int
    heading_max: int
    words: dict[str, re.Pattern[str]]
    mark_lines: frozenset[str]
    mark_words: re.Pattern[str]
    question_ends: tuple[str, ...]


@lexicon.per_lexicon_set
def _genres() -> _Genres:
    data = lexicon.load("genres")
    marks = data.get("transcript_marks") or {}
    return _Genres(
        head_lines=int(data.get("head_lines", 6)),
        commentary_lines=int(data.get("commentary_lines", data.get("head_lines", 6))),
        heading_max=int(data.get("heading_max", 80)),
        words={k: word_pattern(data.get(k) or [], re.IGNORECASE) for k in (*HEAD_KINDS, "commentary")},
        mark_lines=frozenset(normalise(str(w)).casefold() for w in marks.get("lines") or []),
        mark_words=word_pattern(marks.get("words") or [], re.IGNORECASE),
        question_ends=tuple(str(w) for w in data.get("commentary_title_ends") or []),
    )


def _head(doc: Document, count: int) -> list[str]:
    """The title and the first ``count`` meaningful lines, normalised."""
    lines = [normalise(doc.title)] if doc.title else []
    for ln in doc.content_lines()[:count]:
        lines.append(normalise(ln.text.strip()))
    return lines


def contract_kind(genre: str, shape: str) -> str:
    """``source.kind`` (transcript | article | digest): the turn ``shape`` when the turns show
    one (minutes laid out under speakers' labels are a transcript), else ``genre`` in the
    contract's words."""
    if shape in ("transcript", "digest"):
        return shape
    return CONTRACT_KIND.get(genre, genre)


def _marked(line: str, g: _Genres) -> bool:
    """Whether ``line`` is the call's own: an operator's label alone or opening the line
    with a colon, or an operator's bracketed instruction."""
    label = line.split(":", 1)[0].strip().casefold() if ":" in line else line.casefold()
    return label in g.mark_lines or bool(g.mark_words.search(line))


def source_genre(doc: Document, shape: str) -> str:
    """The kind of source: the words of the head's headings first (transcript, minutes,
    digest), then the call's own marks (a transcript), then the turn ``shape`` (transcript or
    digest), then commentary words or a headline that asks a question; otherwise an article."""
    g = _genres()
    head = _head(doc, g.head_lines)
    # a long line's opening is its heading run into the body ("Financial Data and Key Metrics
    # Changes - The company…", "文 | 某某 在全球经济…"): only that much of it is read
    cut = [t if len(t) <= g.heading_max else t[: g.heading_max // 2] for t in head]
    headings = "\n".join(cut)
    for kind in HEAD_KINDS:
        if g.words[kind].search(headings):
            return kind
    if any(_marked(t, g) for t in head):
        return "transcript"
    if shape in ("transcript", "digest"):
        return shape
    if g.words["commentary"].search("\n".join(cut[: g.commentary_lines + (1 if doc.title else 0)])):
        return "commentary"
    if head and len(head[0]) <= g.heading_max and head[0].rstrip().endswith(g.question_ends or ("\0",)):
        return "commentary"
    return "article"
