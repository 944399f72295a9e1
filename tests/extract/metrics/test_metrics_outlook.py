"""Guidance and consensus: kept as their own lists, never as the company's metrics."""

import pytest

from generator.extract.metrics.extractor import extract_figures
from generator.model import Company
from generator.source.read import read_source
from generator.store.summaries import summary_from_dict
from tests.metrics_cases import Q2_2024, Q3_2024


def figures(tmp_path, text, period=Q2_2024):
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path, tmp_path)
    found = extract_figures(doc, Company(name="示例科技"), period)
    for f in found.guidance + found.consensus:
        assert f.evidence.text in doc.line(f.evidence.line).original
    return found


def test_guided_range_for_next_quarter(tmp_path):
    found = figures(tmp_path, "示例科技预计下季度收入为1,150亿元至1,180亿元。")
    assert not found.metrics
    (g,) = found.guidance
    assert (g.metric, g.low, g.high, g.unit) == ("revenue", 115_000_000_000, 118_000_000_000, "CNY")
    assert (g.fiscal_year, g.fiscal_quarter) == (2024, 3)


def test_english_guidance_names_its_quarter(tmp_path):
    found = figures(
        tmp_path,
        "Example Tech expects revenue of $2.1 billion to $2.2 billion for the fourth quarter.",
        Q3_2024,
    )
    (g,) = found.guidance
    assert (g.low, g.high, g.unit) == (2_100_000_000, 2_200_000_000, "USD")


def test_consensus_kept_apart(tmp_path):
    found = figures(tmp_path, "示例科技第二季度收入为100亿元，同比增长8%，高于市场预期的95亿元。")
    assert [m.value for m in found.metrics] == [10_000_000_000]
    (c,) = found.consensus
    assert (c.metric, c.value, c.unit, c.as_written) == ("revenue", 9_500_000_000, "CNY", "95亿元")


def test_english_consensus(tmp_path):
    found = figures(tmp_path, "Non-GAAP EPS was $0.90, compared with expectations of $0.86.")
    assert [m.value for m in found.metrics] == [0.9]
    assert [c.value for c in found.consensus] == [0.86]


def test_old_summary_without_lists_loads():
    s = summary_from_dict({"source": {"path": "a.txt", "sha256": "x"}})
    assert s.guidance == [] and s.consensus == []


def test_bad_guidance_entry_is_refused():
    with pytest.raises(Exception, match="guidance"):
        summary_from_dict(
            {"source": {"path": "a.txt", "sha256": "x"}, "guidance": [{"metric": "revenue", "value": "x"}]}
        )


@pytest.mark.parametrize(
    "text",
    [
        "示例科技指，明年将继续向股东回馈15亿美元，除了股息外，计划于上半年进行总额约4.6亿美元的股票回购。",
        "示例科技宣布派发股息每股0.1美元，并拟展开最多达20亿美元的股份回购。",
        "示例科技董事会批准回购授权，预计未来12个月回购不超过50亿美元。",
        "The board expects to launch a share repurchase program of up to US$5 billion next year.",
    ],
)
def test_buyback_authorisation_is_no_guidance(tmp_path, text):
    found = figures(tmp_path, text)
    assert [g for g in found.guidance if g.metric != "shareholder_return"] == []


def test_guidance_beside_a_buyback_sentence_kept(tmp_path):
    found = figures(tmp_path, "示例科技预计下季度收入为1,150亿元至1,180亿元。公司已完成股份回购。")
    (g,) = found.guidance
    assert (g.metric, g.low) == ("revenue", 115_000_000_000)
