"""Topic tagging: which themes of the ``topics`` lexicon a text touches."""

from __future__ import annotations

import re

from generator import lexicon
from generator.lexicon import per_lexicon_set
from generator.lexicon.words import guarded, longest_first, trie


@per_lexicon_set
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(topic, keyword pattern) in lexicon order (behind a lookahead for the keywords' first
    characters: see :func:`generator.lexicon.words.guarded`)."""
    out = []
    for topic, words in lexicon.load("topics")["topics"].items():
        parts = []
        for word in longest_first(words or []):
            escaped = re.escape(word)
            parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if word.isascii() else escaped)
        if parts:
            alternatives = trie(words or [], str.isascii) or "|".join(parts)  # the same matches, quicker
            out.append((str(topic), guarded(alternatives, words or [], re.IGNORECASE)))
    return out


def topic_hits(text: str) -> dict[str, int]:
    """How many keyword hits each topic has in ``text`` (simplified, half-width)."""
    hits = {}
    for topic, pattern in patterns():
        count = len(pattern.findall(text))
        if count:
            hits[topic] = count
    return hits


def tag(text: str, limit: int = 3) -> list[str]:
    """The ``limit`` topics with most hits, in lexicon order."""
    hits = topic_hits(text)
    order = {topic: i for i, (topic, _) in enumerate(patterns())}
    best = sorted(hits, key=lambda t: (-hits[t], order[t]))[:limit]
    return sorted(best, key=lambda t: order[t])
