"""A line of a whole page (no line breaks) is cut into lines of a few sentences at read time:
the pieces give the line back verbatim, evidence points to the lines the call page shows,
and ordinary lines are never touched."""

from __future__ import annotations

from pathlib import Path

from generator.extract.summarize import summarize
from generator.model import Line
from generator.source.read import clean_lines, read_source
from generator.source.split import PIECE, PIECE_MAX, SPLIT_OVER, cut_points, split_long_lines

SENTENCE = "首席执行官吴泳铭:本季度收入为2218.74亿元,同比增长7%。"
ENGLISH = "Revenue was RMB 221.9 billion, up 7% year over year. "


def line(text: str, number: int = 1) -> Line:
    return Line(number=number, original=text, text=text, norm=text)


def test_lines_up_to_the_limit_are_the_same_objects() -> None:
    lines = [line("a" * SPLIT_OVER, 1), line(SENTENCE, 2)]
    assert split_long_lines(lines) is lines


def test_cuts_fall_after_sentence_ends_and_pieces_stay_short() -> None:
    text = ENGLISH * (3 * SPLIT_OVER // len(ENGLISH))
    cuts = cut_points(text)
    assert cuts and all(text[c - 2 : c] == ". " for c in cuts)
    bounds = [0, *cuts, len(text)]
    assert all(PIECE <= b - a <= PIECE_MAX for a, b in zip(bounds, bounds[1:], strict=False))


def test_text_without_sentence_ends_is_cut_at_spaces_or_at_the_maximum() -> None:
    spaced = "word " * (2 * SPLIT_OVER // 5)
    assert all(spaced[c - 1] == " " for c in cut_points(spaced))
    solid = "字" * (2 * SPLIT_OVER)
    assert cut_points(solid)[0] == PIECE_MAX


def test_a_cleaned_html_line_keeps_verbatim_originals(tmp_path: Path) -> None:
    body = "".join(f"<span>{SENTENCE}</span>" for _ in range(SPLIT_OVER // len(SENTENCE) * 3))
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>{body}</p></body></html>\n", encoding="utf-8")
    doc = read_source(path)
    long = [ln for ln in doc.lines if ln.text]
    assert len(long) > 1
    assert "".join(ln.original for ln in doc.lines) == path.read_text(encoding="utf-8").rstrip("\n")
    for ln in long:
        assert ln.origin is not None
        assert ln.original_slice(0, len(ln.text)).startswith("首席执行官")
        assert "<span>" not in ln.text


def test_evidence_points_to_the_line_that_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "2024-05-14_fy2024-q4_alibaba-call.txt"
    path.write_text("阿里巴巴2024财年第四季度业绩电话会 " + SENTENCE * 400 + "\n", encoding="utf-8")
    doc = read_source(path)
    assert len(doc.lines) > 1
    summary = summarize(doc)
    assert summary.metrics
    for metric in summary.metrics:
        assert metric.evidence.text in doc.line(metric.evidence.line).original


def test_ordinary_transcripts_are_read_as_before() -> None:
    root = Path(__file__).resolve().parent.parent / "content" / "transcripts"
    for path in sorted(root.rglob("*.txt"))[:20]:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines, _ = clean_lines(text, False)
        assert split_long_lines(lines) is lines
