"""Duplicate sources (issue 7, case 9): the same transcript under two names, or two sources of
one company and period, are reported, shown once, and never counted twice in the downloads."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from sample_summaries import TENCENT_Q3, metric, tencent_q2, tencent_q3

from generator.model import SourceInfo, Summary
from generator.site.calls import build_calls
from generator.site.export import site_rows
from generator.site.render import RenderResult, render_pages
from generator.writer import OutputTree

FIRST = "content/transcripts/tencent/2024-11-13_2024-q3.txt"
COPY = "content/transcripts/tencent/copy-of-2024-q3.txt"
DIGEST = "content/transcripts/tencent/2024-11-14_2024-q3_digest.txt"
FIRST_PAGE = "calls/tencent/2024/tencent-2024-11-13_2024-q3.md"
COPY_PAGE = "calls/tencent/2024/tencent-copy-of-2024-q3.md"
DIGEST_PAGE = "calls/tencent/2024/tencent-2024-11-14_2024-q3_digest.md"
Q2_PAGE = "calls/tencent/2024/tencent-2024-08-14_2024-q2.md"


def copy_of_q3() -> Summary:
    """Tencent Q3 again: the same file (same SHA-256) saved under another name."""
    s = tencent_q3()
    return replace(s, source=replace(s.source, path=COPY))


def digest_of_q3() -> Summary:
    """Tencent Q3 from another text: one figure as in the transcript, one new, one restated."""
    s = tencent_q3()
    return replace(
        s,
        source=SourceInfo(path=DIGEST, sha256="d" * 64, title="腾讯三季度业绩会纪要", kind="digest"),
        call_date=s.call_date.replace(day=14) if s.call_date else None,
        metrics=[
            metric(
                "revenue", 2, "营收1671.93亿元", scope="quarter", value=167193000000, unit="CNY", yoy_pct=8.0
            ),
            metric("net_income", 3, "净利润532亿元", scope="quarter", value=53200000000, unit="CNY"),
            metric("mau", 4, "月活13.8亿", value=1380000000, unit="users"),
        ],
    )


def render(root: Path, summaries: list[Summary]) -> tuple[Path, RenderResult]:
    for path in (FIRST, COPY, DIGEST):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(TENCENT_Q3, encoding="utf-8")
    docs = root / "docs"
    tree = OutputTree(docs)
    result = render_pages(summaries, root, tree)
    tree.finish()
    return docs, result


def csv_rows(docs: Path, name: str = "data/metrics.csv") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((docs / name).read_text(encoding="utf-8")[1:])))


def test_same_content_under_two_names_is_one_call(tmp_path: Path) -> None:
    docs, result = render(tmp_path, [copy_of_q3(), tencent_q3()])
    assert (docs / FIRST_PAGE).is_file() and not (docs / COPY_PAGE).exists()
    page = (docs / FIRST_PAGE).read_text(encoding="utf-8")
    assert "**相同内容的其他来源** content/transcripts/tencent/copy-of-2024-q3.txt（" in page
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "共 1 场电话会" in home and home.count("2024 Q3") == 1
    assert len(csv_rows(docs)) == len(tencent_q3().metrics)
    assert {r["source_path"] for r in csv_rows(docs)} == {FIRST}
    assert not (docs / "data/calls/tencent-copy-of-2024-q3.csv").exists()
    analyst = (docs / "people/analysts/高盛/ronald-keung.md").read_text(encoding="utf-8")
    assert analyst.count("请问AI对广告的拉动") == 1
    topic = (docs / "topics/ai/tencent/2024.md").read_text(encoding="utf-8")
    assert topic.count("AI 提升了广告的点击率") == 1
    assert len(result.warnings) == 1
    assert COPY in result.warnings[0] and FIRST in result.warnings[0]


def test_same_company_and_period_keeps_both_pages_and_counts_each_figure_once(tmp_path: Path) -> None:
    docs, result = render(tmp_path, [digest_of_q3(), tencent_q2(), tencent_q3()])
    first = (docs / FIRST_PAGE).read_text(encoding="utf-8")
    digest = (docs / DIGEST_PAGE).read_text(encoding="utf-8")
    assert (
        "**同一业绩期的其他来源** [content/transcripts/tencent/2024-11-14&#95;2024-q3&#95;digest.txt]"
        in first
    )
    assert "(tencent-2024-11-14_2024-q3_digest.md)(要点摘要)\n\n**原标题**" in first
    assert "**同一业绩期的其他来源** [content/transcripts/tencent/2024-11-13&#95;2024-q3.txt]" in digest
    # the previous call of either source is the previous quarter, not the other source
    for page in (first, digest):
        assert f"上一次：[2024 Q2 业绩会]({Q2_PAGE.rsplit('/', 1)[1]})" in page
    rows = csv_rows(docs)
    q3 = [r for r in rows if r["period"] == "2024 Q3"]
    # the transcript's 3 figures, then only what the digest adds: net income and its restated MAU
    assert sorted((r["metric"], r["source_path"]) for r in q3) == sorted(
        [("revenue", FIRST), ("gross_margin", FIRST), ("mau", FIRST), ("net_income", DIGEST), ("mau", DIGEST)]
    )
    assert len(json.loads((docs / "data/metrics.json").read_text(encoding="utf-8"))["rows"]) == len(rows)
    assert "另有 1 行与较早来源重复" in (docs / "data/index.md").read_text(encoding="utf-8")
    assert (
        len(csv_rows(docs, "data/calls/tencent-2024-11-14_2024-q3_digest.csv")) == 3
    )  # its own download: all
    chart = (docs / "companies/tencent/charts/revenue-quarter-cny.svg").read_text(encoding="utf-8")
    assert chart.count("<rect") == 2  # Q2 and Q3, not Q3 twice
    assert result.warnings == []  # two sources of one call are normal: a note, never a --strict failure
    assert len(result.notes) == 1
    assert DIGEST in result.notes[0] and FIRST in result.notes[0]


def test_site_rows_give_each_figure_of_a_period_once_whatever_the_order() -> None:
    forward = site_rows(build_calls([tencent_q3(), digest_of_q3(), copy_of_q3()]))
    backward = site_rows(build_calls([copy_of_q3(), digest_of_q3(), tencent_q3()]))
    assert forward == backward
    figures = [(r["metric"], r["segment"], r["scope"], r["value"], r["unit"]) for r in forward]
    assert len(figures) == len(set(figures)) == 5


def test_unrelated_calls_are_not_duplicates(tmp_path: Path) -> None:
    docs, result = render(tmp_path, [tencent_q2(), tencent_q3()])
    assert result.warnings == [] and result.notes == []
    page = (docs / FIRST_PAGE).read_text(encoding="utf-8")
    assert "其他来源" not in page
    assert "另有" not in (docs / "data/index.md").read_text(encoding="utf-8")
