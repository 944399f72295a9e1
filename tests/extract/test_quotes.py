"""Key quotes: verbatim, attributed, ranked deterministically."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.quotes import MAX_QUOTES, score_sentence
from generator.extract.summarize import summarize
from generator.model import Document, Summary
from generator.source.read import read_source
from tests.seeds import IDS, PAIRS


def summary_of(tmp_path: Path, text: str, encoding: str = "utf-8") -> tuple[Document, Summary]:
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_source(path, tmp_path)
    return doc, summarize(doc)


def test_scores_prefer_forward_looking_figures() -> None:
    strong = score_sentence("我们预计未来三年在云和AI的基础设施投入将超过过去十年的总和,达到3800亿元。")
    weak = score_sentence("我想先回答一下你的问题,谢谢。")
    assert strong > weak


def test_transcript_quotes_are_verbatim_and_attributed(tmp_path: Path) -> None:
    doc, summary = summary_of(
        tmp_path,
        "业绩会\n\n摩根士丹利分析师Gary Yu：我的问题有关云业务？\n"
        "吴泳铭：我们预计未来几个季度，公共云和AI相关收入将带来更大增长，云业务将恢复双位数增长。谢谢。\n"
        "高盛分析师Ronald Keung：股东回报呢？\n"
        "徐宏：2024财年我们回购了125亿美元，我们将继续执行回购计划，提升股东回报。\n"
        "吴泳铭：补充一下。\n",
    )
    assert summary.quotes, summary
    for quote in summary.quotes:
        assert quote.text in doc.line(quote.line).original
        assert quote.speaker in {"吴泳铭", "徐宏"}
    assert any("股东回报" in q.topics for q in summary.quotes)


def test_article_quotes_inside_quotation_marks(tmp_path: Path) -> None:
    doc, summary = summary_of(
        tmp_path,
        "阿里点评\n阿里巴巴本季度收入增长8%。\n"
        '吴泳铭表示," 未来三年在云和AI的基础设施投入,预计将超越过去十年的总和。"\n'
        '吴泳铭将云计算网络比作" 电网 "。\n'
        '" 我的问题也与 AI 和云有关 ",财报电话会上,分析师们都关注AI。\n',
    )
    assert [q.line for q in summary.quotes] == [3]
    assert summary.quotes[0].speaker == "吴泳铭"
    assert summary.quotes[0].text.startswith("未来三年")


def test_quotes_deterministic_and_bounded(tmp_path: Path) -> None:
    body = "".join(f"吴泳铭:我们预计第{i}项业务未来将增长{i}0%,这是我们的战略重点。\n" for i in range(1, 30))
    text = "业绩会\n\n花旗分析师Alicia Yap:请问未来的增长?\n" + body
    first = summary_of(tmp_path, text)[1].quotes
    second = summary_of(tmp_path, text)[1].quotes
    assert first == second and 0 < len(first) <= MAX_QUOTES


@pytest.mark.parametrize(("doc", "gold"), PAIRS, ids=IDS)
def test_gold_quotes_verbatim(doc: Document, gold: dict) -> None:
    summary = summarize(doc)
    assert len(summary.quotes) <= MAX_QUOTES
    speakers = {p.name for p in summary.participants if p.side == "management"}
    for quote in summary.quotes:
        assert quote.text and quote.text in doc.line(quote.line).original
        assert quote.speaker is None or quote.speaker in speakers


def test_a_quotation_opening_its_sentence_belongs_to_the_speaker_before(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "某某控股三季度收入增长8%\n2024年11月20日 08:00\n\n"
        "在当晚的电话会上，某某控股首席执行官王小明表示，AI业务增长强劲。"
        "“我们预计明年AI相关收入将继续保持50%以上的增长，并带动云业务加速。”\n\n"
        "分析师认为，估值仍有上升空间。“明年的利润率有望继续提升，估值仍有30%以上的空间。”\n",
        encoding="utf-8",
    )
    quotes = summarize(read_source(path, tmp_path)).quotes
    assert [(q.speaker, q.line) for q in quotes] == [("王小明", 4)]
