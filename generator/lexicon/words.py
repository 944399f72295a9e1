"""Words of a lexicon as regular expressions: the one place that turns word lists into patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable


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


def first_chars(words: Iterable[object]) -> str:
    """A character class of the words' first characters; ``(?!)`` (matches nothing) when empty."""
    chars = sorted({str(w)[0] for w in words if str(w)})
    return f"[{''.join(re.escape(c) for c in chars)}]" if chars else "(?!)"


def guarded(pattern: str, words: Iterable[object], flags: int = 0) -> re.Pattern[str]:
    """``pattern`` -- whose every match starts with the first character of one of ``words``, as an
    alternation of them does -- compiled behind a lookahead for those characters: the same matches,
    but where no word can start, the engine tests one class instead of trying every alternative
    (a long line costs a pass over it, not a pass per word)."""
    return re.compile(f"(?={first_chars(words)})(?:{pattern})", flags)
