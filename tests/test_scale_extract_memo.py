"""Counts kept per text in the company step (issue 11, extractor speed): the same answers as
counting again, whatever the order of the texts asked about; one text kept at a time. No timing
here (see ``scripts/bench.py``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import company


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("阿里巴ab", max_size=30), min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 2), st.text("阿里巴ab", min_size=1, max_size=3)), max_size=20),
)
def test_count_answers_as_str_count(texts: list[str], asks: list[tuple[int, str]]) -> None:
    for i, part in asks:
        text = texts[i % len(texts)]
        assert company._count(text, part) == text.count(part)


def test_count_keeps_one_text_and_tells_equal_texts_apart_by_object() -> None:
    a = "阿里巴巴" * 3
    b = "".join(["阿里", "巴巴"]) * 3  # equal to a, another object
    assert company._count(a, "阿里") == 3
    assert company._count(b, "巴巴") == 3
    assert company._COUNTED[0] is b and set(company._COUNTED[1]) == {"巴巴"}
    assert company._count(a, "阿里巴巴阿") == a.count("阿里巴巴阿") == 1  # counted apart, not overlapping
    assert company._COUNTED[0] is a
