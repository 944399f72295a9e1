"""Speed-ups of the extractor that must not change what it finds (issue 11, long inputs).

Each pattern given a first-character guard (``lexicon.words.guarded``) is compared with the same
pattern without it, on written cases and on every normalised line of the committed transcripts
and two real-text batches. No timing here (see ``scripts/bench.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics import segments
from generator.extract.metrics.rules import load_rules
from generator.lexicon import listed as listed_mod
from generator.lexicon.listed import listed
from generator.source.read import read_source

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted((ROOT / "content" / "transcripts").rglob("*.txt"))
REALTEXT = sorted((ROOT / "tests" / "realtext").glob("*/transcripts/*"))


def _lines() -> list[str]:
    """Every normalised line of the committed transcripts and of three real-text batches."""
    batches = ("zh-b01", "zh-b05", "en-b01")
    paths = TRANSCRIPTS + [p for p in REALTEXT if p.parent.parent.name in batches]
    return [ln.norm for p in paths for ln in read_source(p).lines if ln.norm.strip()]


def _unguarded(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without the lookahead ``guarded`` puts in front of it."""
    assert rx.pattern.startswith("(?=["), rx.pattern[:40]
    return re.compile(rx.pattern.split(")(?:", 1)[1][:-1], rx.flags)


WRITTEN = [
    "营运收入按年飙1.31倍,季增5.86倍,毛利升一成三",
    "净利润年减7成,收入跌近六成,成本升半成;成长升一成长",
    "收入同比增长1.5倍,较上年增加了约2倍",
    "revenue up 3倍 and Down 2倍",
]


def test_change_wording_guards_change_no_match() -> None:
    change = load_rules().change
    guarded = [rx for rx in (change._times_re, change._tenths_re) if rx is not None]
    assert len(guarded) == 2
    found = 0
    for rx in guarded:
        plain = _unguarded(rx)
        for text in WRITTEN + _lines():
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in rx.finditer(text)] == spans, text
            found += len(spans)
    assert found > 5  # the texts exercised both patterns


# Characters whose lower case is longer, or ASCII from a non-ASCII letter, or depends on context.
CASE_ALPHABET = "abAB kK\u212a\u0130i\u03a3\u03c3\u00df.阿里"


@settings(max_examples=400, deadline=None)
@given(st.text(CASE_ALPHABET, max_size=12), st.text("abAB kKi.阿里", max_size=5))
def test_starts_lowers_only_a_prefix_with_the_same_answer(text: str, name: str) -> None:
    if name.isascii():
        expected = bool(name) and text.lower().startswith(name.lower())
    else:
        expected = text.startswith(name)
    assert segments._starts(text, name) == expected


def test_starts_on_written_cases() -> None:
    assert segments._starts("Alibaba Cloud revenue", "alibaba")
    assert segments._starts("\u212aE Holdings", "ke")  # the Kelvin sign lowers to k
    assert segments._starts("\u0130nc", "i")  # İ lowers to i and a combining dot
    assert not segments._starts("Ali", "alibaba")
    assert not segments._starts("阿里云", "")
    assert segments._starts("阿里云收入", "阿里云")


NAMES_ALPHABET = "abAB kK\u212a\u0130i阿里巴"


@settings(max_examples=400, deadline=None)
@given(st.text(CASE_ALPHABET, max_size=8), st.lists(st.text(NAMES_ALPHABET, max_size=4), max_size=8))
def test_names_that_may_start_a_text_hold_every_name_that_starts_it(text: str, names: list[str]) -> None:
    """The same names (as a multiset: the order of the names is not kept, and does not matter to
    the callers, which take the longest or ask whether any)."""
    starting = sorted(n for n in names if segments._starts(text, n))
    assert sorted(n for n in segments._may_start(text, names) if segments._starts(text, n)) == starting


def test_names_that_may_start_a_text_follow_a_list_changed_in_place() -> None:
    names = ["美团", "Meituan"]
    assert segments._may_start("美团外卖", names) == ["美团"]
    assert segments._may_start("meituan", names) == ["Meituan"]
    names.append("京东")
    assert segments._may_start("京东物流", names) == ["京东"]
    names[:] = ["KE Holdings"]
    assert segments._may_start("\u212aE", names) == ["KE Holdings"]
    assert segments._may_start("美团", names) == []


def test_find_names_answers_the_same_from_its_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = listed()
    texts = [ln.norm for p in TRANSCRIPTS[:4] for ln in read_source(p).lines]
    registry._found.clear()
    registry._found_chars = 0
    first = [registry.find_names(t) for t in texts]
    assert any(first)  # the lines do name listed companies
    again = [registry.find_names(t) for t in texts]
    assert again == first and len(registry._found) > 0
    named = next(i for i, found in enumerate(first) if found)
    again[named].clear()
    assert registry.find_names(texts[named]) == first[named]  # a caller's change to a list is its own
    monkeypatch.setattr(listed_mod, "FOUND_CACHE", 500)
    registry._found.clear()
    registry._found_chars = 0
    bounded = [registry.find_names(t) for t in texts]
    assert bounded == first and registry._found_chars <= 500
