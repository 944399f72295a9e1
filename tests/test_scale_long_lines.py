"""Long inputs stay linear because costly patterns are tried only where a match can start (a class
of the words' first characters guards each big alternation) and look-backs are found once per
line. These tests check that no guard or cache changes what is found: on written cases, on
random texts, and on every line of the committed transcripts. No timing here (see
``scripts/bench.py``)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import company as company_mod
from generator.extract import mentions
from generator.extract.metrics import attribution
from generator.extract.metrics.context import Context
from generator.extract.summarize import summarize
from generator.extract.topics import patterns as topic_patterns
from generator.extract.vocab import vocab
from generator.lexicon.companies import companies
from generator.lexicon.listed import NameMatch, Registry, _bounded, listed, name_key
from generator.lexicon.titles import titles
from generator.lexicon.words import first_chars, guarded, longest_first
from generator.source.read import read_source
from generator.store.summaries import summary_to_yaml

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted((ROOT / "content" / "transcripts").rglob("*.txt"))
REALTEXT = sorted((ROOT / "tests" / "realtext").glob("*/transcripts/*"))


def _lines() -> list[str]:
    """Every normalised line of the committed transcripts and of two real-text batches."""
    paths = TRANSCRIPTS + [p for p in REALTEXT if p.parent.parent.name in ("zh-b01", "en-b01")]
    return [ln.norm for p in paths for ln in read_source(p).lines if ln.norm.strip()]


def _alternation(words: list[str]) -> str:
    parts = []
    for w in longest_first(words):
        esc = re.escape(w)
        parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if w.isascii() else esc)
    return "|".join(parts)


# --- the guard itself -----------------------------------------------------------------------------


def test_guarded_patterns_on_written_cases() -> None:
    words = ["NIO", "蔚来", "Kelvin", "腾讯音乐", "腾讯"]
    plain = re.compile(_alternation(words), re.IGNORECASE)
    text = "UNION nio 蔚来汽车与腾讯音乐、腾讯;\u212aelvin 的 kelvinS 与 kelvin."
    spans = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in guarded(_alternation(words), words, re.IGNORECASE).finditer(text)] == spans
    assert [text[a:b] for a, b in spans] == ["nio", "蔚来", "腾讯音乐", "腾讯", "\u212aelvin", "kelvin"]


def test_no_words_match_nothing() -> None:
    assert first_chars([]) == "(?!)"
    assert guarded("(?!)", []).search("任何文字 any text") is None


ALPHABET = "abAB kK\u212a阿里巴腾讯.-"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(ALPHABET, max_size=60),
)
def test_a_guarded_pattern_finds_what_the_plain_one_finds(words: list[str], text: str) -> None:
    plain = re.compile(_alternation(words), re.IGNORECASE)
    fast = guarded(_alternation(words), words, re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    names = tuple(words)
    assert attribution._names_in(text, list(names)) == any(
        attribution.rfind_name(text, n) >= 0 for n in names
    )


# --- the look-back for another company -----------------------------------------------------------


def _other_company_by_rescanning(before: str, ctx: Context) -> bool:
    """``other_company`` as it was: every name looked for in the whole text."""
    before = attribution.CLOSED_ASIDE.sub(lambda m: " " * len(m.group()), before)
    last_other = max((attribution.rfind_name(before, n) for n in ctx.others), default=-1)
    if last_other < 0:
        return False
    own = ctx.own_names + [s for s in ctx.segments if attribution._distinctive(s, ctx)]
    return last_other > max((attribution.rfind_name(before, n) for n in own), default=-1)


def _context(own: str) -> Context:
    registry = companies()
    entry = registry.entries[own]
    others = [n for e in registry for n in e.names if e is not entry and n not in entry.names]
    return cast(Context, SimpleNamespace(own_names=list(entry.names), segments={}, others=others))


def test_other_company_on_written_cases() -> None:
    ctx = cast(
        Context,
        SimpleNamespace(
            own_names=["阿里巴巴", "Alibaba"], segments={"淘天集团": "淘天集团"}, others=["美团", "JD"]
        ),
    )
    assert attribution.other_company("美团本季度收入", ctx)
    assert not attribution.other_company("美团之后,阿里巴巴收入", ctx)
    assert not attribution.other_company("阿里巴巴(美团股份)收入", ctx)  # a closed aside
    assert attribution.other_company("Alibaba and jd revenue", ctx)
    assert not attribution.other_company("JDX revenue", ctx)  # a Latin name only as a whole word
    assert not attribution.other_company("美团之后,淘天集团收入", ctx)
    assert not attribution.other_company("", ctx)


def test_other_company_agrees_with_a_full_rescan_on_every_line() -> None:
    lines = _lines()
    others = 0
    for own in sorted(companies().entries)[:4]:
        ctx = _context(own)
        for text in lines:
            for cut in range(0, len(text) + 1, max(1, len(text) // 7)):
                before = text[:cut]
                expected = _other_company_by_rescanning(before, ctx)
                assert attribution.other_company(before, ctx) == expected, (own, before)
                others += expected
    assert others > 100  # the lines do name other companies


# --- company mentions, topics, titles, sentences --------------------------------------------------


def test_guards_change_no_match_on_real_lines() -> None:
    owner, pattern = company_mod._mention_pattern()
    assert pattern is not None and pattern.pattern.startswith("(?=[")
    plain_names = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1], re.IGNORECASE)
    role_re, plain_roles = mentions._role_re(), vocab().role_re
    assert role_re.pattern != plain_roles.pattern and set(titles().role_of)
    topics = [
        (t, p, re.compile(p.pattern.split(")(?:", 1)[1][:-1], re.IGNORECASE)) for t, p in topic_patterns()
    ]
    found = {"company": 0, "role": 0, "topic": 0}
    for text in _lines():
        names = [m.span() for m in plain_names.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == names
        roles = [m.span() for m in plain_roles.finditer(text)]
        assert [m.span() for m in role_re.finditer(text)] == roles
        for _topic, fast, plain in topics:
            hits = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == hits
            found["topic"] += len(hits)
        found["company"] += len(names)
        found["role"] += len(roles)
    assert all(found.values()), found  # the lines did exercise every guard


def test_sentence_around_agrees_with_a_full_scan() -> None:
    text = "吴泳铭表示,我们很满意。Joe Tsai said. Then Mr. Li spoke!最后?没有;结束"
    for ending in (mentions._SENTENCE_END, mentions._english_sentence_end()):
        ends = [m.start() for m in ending.finditer(text)]
        for index in range(len(text) + 1):
            start = max((e for e in ends if e < index), default=-1)
            end = min((e for e in ends if e >= index), default=len(text))
            assert mentions._sentence_around(text, index, ending) == text[start + 1 : end]


# --- whole summaries ------------------------------------------------------------------------------


def test_summaries_do_not_depend_on_what_was_summarized_before() -> None:
    """The caches behind the guards hold nothing of one text that changes another's summary."""
    paths = TRANSCRIPTS[:3]
    first = [summary_to_yaml(summarize(read_source(p))) for p in paths]
    again = [summary_to_yaml(summarize(read_source(p))) for p in reversed(paths)]
    assert first == list(reversed(again))


def test_a_long_line_and_the_same_text_in_many_lines_give_the_same_figures(tmp_path: Path) -> None:
    """A transcript written on one line is cut into pieces at read time; its figures are the
    figures of the same sentences written one per line (values, metrics, periods)."""
    sentence = "阿里巴巴集团首席财务官徐宏表示,本季度收入为2218.74亿元,同比增长7%。"
    many = tmp_path / "2024-05-14_fy2024-q4_alibaba-many.txt"
    one = tmp_path / "2024-05-14_fy2024-q4_alibaba-one.txt"
    head = "阿里巴巴2024财年第四季度业绩电话会\n"
    many.write_text(head + "\n".join([sentence] * 300) + "\n", encoding="utf-8")
    one.write_text(head + sentence * 300 + "\n", encoding="utf-8")
    a, b = summarize(read_source(many)), summarize(read_source(one))
    assert a.metrics
    assert [(m.metric, m.value, m.unit) for m in a.metrics] == [
        (m.metric, m.value, m.unit) for m in b.metrics
    ]
    assert (a.company, a.period) == (b.company, b.period)


def test_opens_with_speech_is_a_speech_mention_at_the_start() -> None:
    texts = ["徐宏还提到,本季度收入增长。", "本季度,徐宏表示收入增长。", "Joe Tsai said revenue grew.", ""]
    sentences = texts + [s for text in _lines() for s in re.split(r"(?<=[。!?;])", text) if s]
    opening = 0
    for s in sentences:
        expected = any(m.position == 0 for m in mentions.speech_mentions(s))
        assert mentions.opens_with_speech(s) == expected, s
        opening += expected
    assert mentions.opens_with_speech(texts[0]) and not mentions.opens_with_speech(texts[1])
    assert opening > 1


def test_the_possessive_ticker_name_finds_what_the_greedy_one_finds() -> None:
    fast = company_mod._TICKER_SUBJECT
    greedy = re.compile(fast.pattern.replace("{2,16}+", "{2,16}"))
    assert greedy.pattern != fast.pattern
    written = "蔚来(NIO.US)、腾讯控股有限公司旗下的腾讯音乐娱乐集团(NYSE: TME)与拼多多集团-W (PDD)。"
    texts = [written, "一二三四五六七八九十一二三四五六七八九十(00700)"] + _lines()
    spans = 0
    for text in texts:
        plain = [(m.span(), m.groups()) for m in greedy.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == plain
        spans += len(plain)
    assert spans > 3


def _names_by_every_place(registry: Registry, text: str) -> list[NameMatch]:
    """``find_names`` as it was: a Python loop over every place of the text."""
    norm = name_key(text)
    out: list[NameMatch] = []
    i = 0
    while i < len(norm) - 1:
        found = 0
        for length in registry._starts.get(norm[i : i + 2], ()):
            key = norm[i : i + length]
            if len(key) == length and key in registry._findable and _bounded(text, norm, i, i + length):
                found = length
                out.append(NameMatch(i, i + length, text[i : i + length], registry._names[key]))
                break
        i += found or 1
    return out


def test_listed_names_skipping_places_find_what_every_place_finds() -> None:
    registry = listed()
    written = "贵州茅台与中国平安、腾讯控股；NIO in UNION，Alibaba Group 和 阿里巴巴集团控股有限公司。"
    texts = [written, written[::-1], "茅", ""] + _lines()
    found = 0
    for text in texts:
        expected = _names_by_every_place(registry, text)
        assert registry.find_names(text) == expected
        found += len(expected)
    assert found > 10
    joined = "".join(texts)  # one long line: names across the joins included
    assert registry.find_names(joined) == _names_by_every_place(registry, joined)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["贵州茅台", "茅台", "中国平安", "腾讯", "控股", "NIO", "Union", " ", "的", "a"]),
        max_size=30,
    )
)
def test_listed_names_on_random_joins(parts: list[str]) -> None:
    registry = listed()
    text = "".join(parts)
    assert registry.find_names(text) == _names_by_every_place(registry, text)
