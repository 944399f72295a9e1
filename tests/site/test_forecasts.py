"""Guidance against its actual and consensus beat or miss (generator/site/forecasts.py), on the
corpus of tests/browser/analyst_corpus.py; and summaries written before guidance, consensus and
change_pp_basis existed still load and render."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.build import render_tree
from generator.model import Summary
from generator.site.calls import build_calls
from generator.site.forecasts import (
    ABOVE,
    BELOW,
    CONSENSUS,
    GUIDANCE,
    INLINE_PCT,
    INLINE_PP,
    WITHIN,
    Ledger,
    compare_value,
)
from generator.site.likeforlike import period_index
from generator.store.summaries import summary_from_dict, summary_to_dict, summary_to_yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from analyst_corpus import COMPANY_ID, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Summary]:
    return write_corpus(tmp_path)


def test_in_line_is_within_the_tolerance_either_way() -> None:
    edge = 100 * (1 + INLINE_PCT / 100)
    assert compare_value(edge, 100, None, None, False) == WITHIN
    assert compare_value(edge + 0.01, 100, None, None, False) == ABOVE
    assert compare_value(100 * (1 - INLINE_PCT / 100) - 0.01, 100, None, None, False) == BELOW
    assert compare_value(30 + INLINE_PP, 30, None, None, True) == WITHIN  # a ratio: points
    assert compare_value(30 + INLINE_PP + 0.01, 30, None, None, True) == ABOVE
    # A range: inside (ends included) or out; an open end stays open.
    assert [compare_value(x, None, 140, 145, False) for x in (139.9, 140, 145, 145.1)] == [
        BELOW,
        WITHIN,
        WITHIN,
        ABOVE,
    ]
    assert compare_value(1e9, None, 100, None, False) == WITHIN
    assert compare_value(5, -3, None, None, False) is None  # no percentage around a loss


def test_each_expectation_meets_the_actual_of_its_period(corpus: list[Summary]) -> None:
    calls = build_calls(corpus)
    ledger = Ledger(period_index(calls))
    mine = sorted((c for c in calls if c.company_id == COMPANY_ID), key=lambda c: c.chrono_key())
    found = {
        (o.call.period, o.period_label): (o.verdict_label, o.actual_call.period if o.actual_call else None)
        for c in mine
        for kind in (GUIDANCE, CONSENSUS)
        for o in ledger.given(c, kind)
    }
    assert found == {
        ("2023 Q4", "2024 Q1"): ("低于指引", "2024 Q1"),  # 125 against 130: -3.8%
        ("2024 Q1", "2024 Q2"): ("符合指引", "2024 Q2"),  # 143 within 140-145
        ("2024 Q2", "2024 Q3"): ("", None),  # 2024 Q3 not on file
        ("2024 Q4", "2024 Q4"): ("超预期", "2024 Q4"),  # a consensus without a period: its own
    }
    q2 = next(c for c in mine if c.period == "2024 Q2")
    assert [o.call.period for o in ledger.about(q2, mine)] == ["2024 Q1"]
    q4 = next(c for c in mine if c.period == "2024 Q4")
    beside = ledger.reported(q4)
    revenue = next(m for m in q4.summary.metrics if m.metric == "revenue")
    assert [o.verdict_label for o in beside[id(revenue)]] == ["超预期"] and len(beside) == 1


def test_summaries_without_guidance_consensus_or_basis_still_load_and_render(
    corpus: list[Summary], tmp_path: Path
) -> None:
    root = tmp_path / "old"
    for s in corpus:
        d = summary_to_dict(s)
        d.pop("guidance", None)
        d.pop("consensus", None)
        for m in d["metrics"]:
            m.pop("change_pp_basis", None)
        old = summary_from_dict(d)
        assert old.guidance == [] and old.consensus == []
        assert all(m.change_pp_basis is None for m in old.metrics)
        rel = Path(s.source.path).relative_to("content/transcripts").with_suffix(".yaml")
        path = root / "content" / "summaries" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = summary_to_yaml(old)
        path.write_text(text.replace("guidance: []\n", "").replace("consensus: []\n", ""), encoding="utf-8")
        assert "guidance" not in path.read_text(encoding="utf-8")
    report = render_tree(root / "content" / "summaries", root / "docs", root)
    assert not report.errors, [str(e) for e in report.errors]
    pages = list((root / "docs" / "calls" / COMPANY_ID).rglob("*.md"))
    assert pages and not any("业绩指引" in p.read_text(encoding="utf-8") for p in pages)


def test_the_format_documents_guidance_consensus_and_the_change_basis() -> None:
    text = (ROOT / "docs" / "summary-format.md").read_text(encoding="utf-8")
    for field in ("`guidance`", "`consensus`", "`change_pp_basis`", "an old summary without"):
        assert field in text, field
