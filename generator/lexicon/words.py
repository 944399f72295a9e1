"""Words of a lexicon as regular expressions: the one place that turns word lists into patterns."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any


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


def trie(words: Iterable[object], bounded: Callable[[str], bool] = lambda w: False) -> str | None:
    """The alternation of the escaped ``words``, longest first, as a prefix tree: the same matches
    with or without ``re.IGNORECASE``, but at each place the engine follows one branch per character
    instead of trying every word. A word for which ``bounded`` is true matches only as a whole Latin
    word (``(?<![A-Za-z])word(?![A-Za-z])``). None when the tree could differ from the alternation:
    a cased character beyond ASCII, or two words that differ only by case (either may match where
    the other does, and a tree follows one of them)."""
    ordered = longest_first(words)
    root: dict[str, Any] = {}
    for w in ordered:
        if any(not c.isascii() and c.lower() != c.upper() for c in w):
            return None
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = bounded(w)
    lowered: set[str] = set()

    def emit(node: dict[str, Any], depth: int) -> str:
        branches = []
        for c in sorted(k for k in node if k):
            branches.append(re.escape(c) + emit(node[c], depth + 1))
        keys = [k for k in node if k]
        if len({k.lower() for k in keys}) != len(keys):
            lowered.add("")
        if "" in node:
            # the word ending here, after every longer one: a whole word when bounded
            branches.append(rf"(?![A-Za-z])(?<![A-Za-z](?s:.){{{depth}}})" if node[""] else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    out = emit(root, 0) if root else "(?!)"
    return None if lowered else out
