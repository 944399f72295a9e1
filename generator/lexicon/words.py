"""Words of a lexicon as regular expressions: the one place that turns word lists into patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def longest_first(words: Iterable[object]) -> list[str]:
    """The distinct words, longest first (ties in code-point order), so a longer word wins."""
    return sorted({str(w) for w in words if str(w)}, key=lambda w: (-len(w), w))


def alternation(words: Iterable[object]) -> str:
    """``a|b|c`` of the escaped words, longest first; ``(?!)`` (matches nothing) when empty."""
    ordered = longest_first(words)
    return "|".join(re.escape(w) for w in ordered) if ordered else "(?!)"


def word_pattern(words: Iterable[object], flags: int = 0) -> re.Pattern[str]:
    """The compiled alternation of ``words``."""
    return re.compile(alternation(words), flags)


def first_chars(words: Iterable[object], flags: int = 0) -> re.Pattern[str]:
    """A character class of the words' first characters (under ``flags``): where none of them
    occurs, no alternation of the words can match, so a cheap search of it guards a costly one."""
    chars = sorted({str(w)[0] for w in words if str(w)})
    return re.compile(f"[{''.join(re.escape(c) for c in chars)}]" if chars else "(?!)", flags)


def guarded_finditer(pattern: re.Pattern[str], guard: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only where ``guard`` finds a
    character a match can start with (``pattern`` never matches the empty string). Lookbehinds
    still see the text before each try."""
    pos = 0
    search, match = guard.search, pattern.match
    while True:
        hit = search(text, pos)
        if hit is None:
            return
        m = match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
        else:
            yield m
            pos = m.end()
