"""Word lists of the metrics lexicon as regular expressions (Latin words match only as whole words)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from generator.lexicon.words import guarded, longest_first, trie


def pattern(words: list[str]) -> str:
    """An alternation of ``words``, longest first; ASCII words only match as whole words."""
    tree = trie(words, _bounded)
    if tree is not None:
        return tree
    parts = []
    for w in longest_first(words):
        esc = re.escape(w)
        parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if _bounded(w) else esc)
    return "|".join(parts) if parts else "(?!)"


def _bounded(word: str) -> bool:
    """Whether ``word`` matches only as a whole word: a Latin word ending in a letter."""
    return word.isascii() and word[-1:].isalpha()


def regex(words: list[str]) -> re.Pattern[str]:
    """The compiled :func:`pattern` of ``words``, case aside, tried only where a word can start."""
    key = tuple(words)
    if all(isinstance(w, str) for w in key):
        return _regex(key)
    return guarded(pattern(words), words, re.IGNORECASE)  # a word that is no string: not cached


@lru_cache(maxsize=1024)
def _regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """:func:`regex`, made once per word list (some are asked for every figure)."""
    return guarded(pattern(list(words)), words, re.IGNORECASE)


def flatten(items: Any) -> list[str]:
    """A cue list with its nested lists (YAML aliases of shared lists) spliced in."""
    if not isinstance(items, list):
        return [items]
    return [w for item in items for w in flatten(item)]
