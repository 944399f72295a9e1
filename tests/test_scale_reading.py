"""Long inputs: a file above the size limit is refused with one line and stops nothing else;
a long single line is cut at sentence ends, a long transcript read whole (their speed is in scripts/bench.py)."""

from __future__ import annotations

from pathlib import Path

from generator.build import summarize_tree
from generator.source.read import SIZE_MAX, read_source
from generator.source.split import PIECE_MAX

LINE = "首席执行官吴泳铭:本季度收入为2218.74亿元,同比增长7%。"


def test_a_file_above_the_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    src = tmp_path / "content" / "transcripts" / "alibaba"
    src.mkdir(parents=True)
    (src / "dump.txt").write_bytes(b"a" * (SIZE_MAX + 1))
    (src / "2024-05-14_fy2024-q4_call.txt").write_text("阿里巴巴2024财年第四季度业绩电话会\n" + LINE + "\n")
    report = summarize_tree(src.parent, tmp_path / "summaries", tmp_path, jobs=1)
    assert [e.path for e in report.errors] == ["content/transcripts/alibaba/dump.txt"]
    message = str(report.errors[0])
    assert "too large" in message and "\n" not in message
    assert (tmp_path / "summaries" / "alibaba" / "2024-05-14_fy2024-q4_call.yaml").is_file()


def test_a_long_single_line_is_cut_at_sentence_ends_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    text = LINE * (1_000_000 // len(LINE.encode()))
    path.write_text(text + "\n分析师:请问?\n", encoding="utf-8")
    doc = read_source(path)
    pieces = doc.lines[:-1]
    assert len(pieces) > 1 and "".join(ln.original for ln in pieces) == text
    assert all(ln.original.endswith("。") and len(ln.text) <= PIECE_MAX for ln in pieces)
    assert [ln.number for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert doc.lines[-1].original == "分析师:请问?"


def test_ten_thousand_turns_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "turns.txt"
    path.write_text("\n".join(f"分析师{i}:请问第{i}个问题?" for i in range(10_000)) + "\n", encoding="utf-8")
    doc = read_source(path)
    assert len(doc.lines) == 10_000 and doc.lines[9_999].number == 10_000
