"""Word lists of the metrics lexicon as regular expressions (Latin words match only as whole words)."""

from __future__ import annotations

import re
from typing import Any

from generator.lexicon.words import guarded, longest_first


def pattern(words: list[str]) -> str:
    """An alternation of ``words``, longest first; ASCII words only match as whole words."""
    parts = []
    for w in longest_first(words):
        esc = re.escape(w)
        parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if w.isascii() and w[-1:].isalpha() else esc)
    return "|".join(parts) if parts else "(?!)"


def regex(words: list[str]) -> re.Pattern[str]:
    """The compiled :func:`pattern` of ``words``, case aside, tried only where a word can start."""
    return guarded(pattern(words), words, re.IGNORECASE)


def flatten(items: Any) -> list[str]:
    """A cue list with its nested lists (YAML aliases of shared lists) spliced in."""
    if not isinstance(items, list):
        return [items]
    return [w for item in items for w in flatten(item)]
