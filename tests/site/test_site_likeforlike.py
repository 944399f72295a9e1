"""Like-for-like changes, the true period axis, magnitudes, search folding and the source's
address, through the public functions, on the corpus of tests/browser/analyst_corpus.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.build import render_tree
from generator.model import Evidence, Metric, SourceInfo, Summary
from generator.site.calls import build_calls
from generator.site.format import value_text
from generator.site.likeforlike import QOQ, YOY, LikeForLike, quarter_before, year_ago
from generator.site.search import fold_table, norm
from generator.site.series import period_axis
from generator.store.summaries import summary_from_dict, summary_to_dict, summary_to_yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from analyst_corpus import COMPANY_ID, write_corpus  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> list[Summary]:
    return write_corpus(tmp_path)


def by_period(calls: list, label: str):  # type: ignore[no-untyped-def]
    return next(c for c in calls if c.company_id == COMPANY_ID and c.period == label)


def test_neighbouring_periods() -> None:
    assert quarter_before(("x", 2024, 1)) == ("x", 2023, 4)
    assert quarter_before(("x", 2024, 3)) == ("x", 2024, 2)
    assert quarter_before(("x", 2024, None)) is None
    assert year_ago(("x", 2024, 2)) == ("x", 2023, 2)


def test_changes_are_computed_against_the_right_periods(corpus: list[Summary]) -> None:
    calls = build_calls(corpus)
    lfl = LikeForLike(calls)
    q1 = by_period(calls, "2024 Q1")
    [(revenue, changes)] = lfl.table(q1)
    assert revenue.metric == "revenue"
    yoy, qoq = changes
    assert (yoy.basis, yoy.base_call.period, yoy.change) == (YOY, "2023 Q1", 25.0)
    assert (qoq.basis, qoq.base_call.period, round(qoq.change or 0, 2)) == (QOQ, "2023 Q4", -3.85)
    assert not yoy.mismatch and not qoq.mismatch  # stated -3.8%: within the tolerance
    q4 = by_period(calls, "2024 Q4")
    [(_, [only])] = [(m, c) for m, c in lfl.table(q4) if m.metric == "revenue"]
    assert only.basis == YOY and only.change == 30.0 and only.stated == 20.0 and only.mismatch
    assert lfl.previous(q4) is None  # 2024 Q3 is not on file: no "since the last call"
    assert lfl.previous(q1) is by_period(calls, "2023 Q4")


def test_the_period_axis_keeps_the_gap(corpus: list[Summary]) -> None:
    calls = sorted(build_calls(corpus), key=lambda c: c.chrono_key())
    points = [(c, c.summary.metrics[0]) for c in calls if c.company_id == COMPANY_ID]
    axis = period_axis(points, annual=False, limit=12)
    labels = [label for label, _ in axis]
    assert labels[-3:] == ["2024 Q2", "2024 Q3", "2024 Q4"]
    assert [label for label, point in axis if point is None] == ["2024 Q3"]
    assert [label for label, _ in period_axis(points, annual=False, limit=3)] == labels[-3:]


def test_large_values_keep_their_digits() -> None:
    assert value_text(1_084_700_000_000, "CNY") == "10,847 亿元"
    assert value_text(1_160_000_000_000, "CNY") == "1.16 万亿元"


def test_search_folds_traditional_to_simplified() -> None:
    assert norm("資本開支") == norm("资本开支") == "资本开支"
    assert norm("可持續") == norm("可持续")
    table = fold_table(["资本开支"])
    assert table.get("資") == "资" and table.get("開") == "开"
    assert "續" not in table  # only the characters the site holds


def test_source_url_is_optional_and_round_trips() -> None:
    s = Summary(
        source=SourceInfo(path="a.txt", sha256="0" * 64, url="https://example.com/a"),
        metrics=[Metric("revenue", value=1, unit="CNY", evidence=Evidence(1, "x"))],
    )
    assert summary_from_dict(summary_to_dict(s)).source.url == "https://example.com/a"
    s.source.url = None
    assert "url" not in summary_to_yaml(s)  # old summaries and unknown addresses: no key


def test_pages_are_deterministic_and_mark_computed_changes(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        root = tmp_path / name
        write_corpus(root)
        report = render_tree(root / "content" / "summaries", root / "docs", root)
        assert not report.errors
        outputs.append(
            {p.relative_to(root / "docs"): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
        )
    assert outputs[0] == outputs[1]
    page = outputs[0][Path(f"calls/{COMPANY_ID}/2024/{COMPANY_ID}-2025-03-10_2024-q4.md")].decode()
    assert "## 同比与环比" in page and "计算，对比" in page and "⚠ 与所述不符" in page
    assert "## 与上一次电话会相比" not in page
