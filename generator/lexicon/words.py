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
