"""Word alternations written as prefix trees (``lexicon.words.trie``) match what the plain
alternation, longest word first, matches (issue 11, extractor speed): on generated words and texts,
with and without ``re.IGNORECASE``, alone and followed by more pattern (so that backtracking into
the tree is exercised), and for every word list of the metrics lexicon on the lines of the committed
transcripts and three real-text batches. No timing here (see ``scripts/bench.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics import patterns
from generator.lexicon.words import longest_first, trie
from generator.source.read import read_source

ROOT = Path(__file__).resolve().parent.parent


def _plain(words: list[str], bounded: bool) -> str:
    """The alternation the tree replaces: every word escaped, longest first; a Latin word ending
    in a letter as a whole word when ``bounded``."""
    parts = []
    for w in longest_first(words):
        esc = re.escape(w)
        whole = bounded and w.isascii() and w[-1:].isalpha()
        parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if whole else esc)
    return "|".join(parts) if parts else "(?!)"


def _tree(words: list[str], bounded: bool) -> str | None:
    return trie(words, (lambda w: w.isascii() and w[-1:].isalpha()) if bounded else (lambda w: False))


SHAPES = ("{}", "(?:{})b", r"(?:{})\s*$", "x?(?:{})(?:{})")
"""Where the alternation is put: alone, and before more pattern that may fail and backtrack."""


def _same(words: list[str], texts: list[str], bounded: bool) -> int:
    """Assert the tree finds what the alternation finds; how many matches there were."""
    tree = _tree(words, bounded)
    if tree is None:
        return 0
    found = 0
    plain = _plain(words, bounded)
    for shape in SHAPES:
        for flags in (0, re.IGNORECASE):
            a = re.compile(shape.format(plain, plain), flags)
            b = re.compile(shape.format(tree, tree), flags)
            for text in texts:
                spans = [m.span() for m in a.finditer(text)]
                assert [m.span() for m in b.finditer(text)] == spans, (words, shape, flags, text)
                found += len(spans)
    return found


ALPHABET = "abAB x-.营收入"
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=5), max_size=8)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(st.text(ALPHABET + " b", max_size=16), min_size=1, max_size=4), st.booleans())
def test_tree_matches_the_alternation(words: list[str], texts: list[str], bounded: bool) -> None:
    _same(words, texts, bounded)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abAB\u212akK\u017fsS\u0130i阿", min_size=1, max_size=4), max_size=6))
def test_no_tree_where_case_could_make_it_differ(words: list[str]) -> None:
    """A cased character beyond ASCII (the Kelvin sign matches k case aside), or two words that
    differ only by case: no tree, the caller keeps the alternation."""
    tree = _tree(words, True)
    risky = any(not c.isascii() and c.lower() != c.upper() for w in words for c in w)
    keys = {w for w in words}
    clash = any(a != b and a.lower() == b.lower() for a in keys for b in keys)
    if risky or clash:
        assert tree is None


def test_written_cases() -> None:
    assert _tree([], True) == "(?!)"
    texts = ["net cash netcash Net revenue nets 营收 营业收入 营业", "xnet net-", "net"]
    assert _same(["net", "net cash", "营收", "营业收入", "营业", "ne"], texts, True) > 10
    rx = re.compile(_tree(["net", "net cash"], True) or "", re.I)
    assert [m.group() for m in rx.finditer("Net cash, net, nets, cnet")] == ["Net cash", "net"]
    assert _tree(["GMV", "gmv"], True) is None  # differ by case only


def _lines() -> list[str]:
    """Every normalised line of the committed transcripts and of three real-text batches."""
    paths = sorted((ROOT / "content" / "transcripts").rglob("*.txt"))
    batches = ("zh-b01", "zh-b05", "en-b01")
    paths += [
        p
        for p in sorted((ROOT / "tests" / "realtext").glob("*/transcripts/*"))
        if p.parent.parent.name in batches
    ]
    return [ln.norm for p in paths for ln in read_source(p).lines if ln.norm.strip()]


def test_every_metrics_word_list_matches_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list the metrics lexicon turns into a pattern, compiled as the tree and as the plain
    alternation (both behind the same guard, case aside), finds the same spans on real lines."""
    from generator.extract.metrics.rules import Rules
    from generator.lexicon import load

    lists: list[list[str]] = []
    real = patterns.pattern

    def spy(words: list[str]) -> str:
        lists.append(list(words))
        return real(words)

    patterns._regex.cache_clear()  # so that every list is compiled again, through the spy
    monkeypatch.setattr(patterns, "pattern", spy)
    for module in ("rules", "changes"):
        monkeypatch.setattr(f"generator.extract.metrics.{module}.pattern", spy, raising=False)
    Rules(load("metrics"))
    trees = [w for w in lists if _tree(w, True) is not None]
    assert len(trees) > 20
    lines = _lines()
    found = 0
    for words in trees:
        a = patterns.guarded(_plain(words, True), words, re.IGNORECASE)
        b = patterns.guarded(real(words), words, re.IGNORECASE)
        for text in lines:
            spans = [m.span() for m in a.finditer(text)]
            assert [m.span() for m in b.finditer(text)] == spans, (words[:5], text)
            found += len(spans)
    assert found > 1000


def test_topic_and_company_name_patterns_match_as_before() -> None:
    """The topics' keyword patterns and the pattern of every company name, as trees, find the
    spans the plain alternations found (Latin words whole, case aside) on real lines."""
    from generator.extract import company, topics
    from generator.lexicon import load
    from generator.lexicon.words import guarded

    def whole(words: list[str]) -> str:
        parts = []
        for w in longest_first(words):
            esc = re.escape(w)
            parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if w.isascii() else esc)
        return "|".join(parts)

    pairs = []
    for (_, new), words in zip(
        topics.patterns(), [w for w in load("topics")["topics"].values() if w], strict=True
    ):
        pairs.append((guarded(whole(words), words, re.IGNORECASE), new))
    owner, names = company._mention_pattern()
    assert names is not None and "(?<![A-Za-z](?s:.)" in names.pattern  # written as a tree
    pairs.append((guarded(whole(list(owner)), owner, re.IGNORECASE), names))
    found = 0
    for text in _lines():
        for old, new in pairs:
            spans = [m.span() for m in old.finditer(text)]
            assert [m.span() for m in new.finditer(text)] == spans, (new.pattern[:60], text)
            found += len(spans)
    assert found > 1000
