"""Analyst exchanges: one per question, follow-ups kept inside, answerers in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Document, QAExchange
from generator.qa import QUESTION_MAX, first_sentences
from generator.read import read_source
from generator.summarize import summarize
from tests.seeds import IDS, PAIRS


def qa_of(tmp_path: Path, text: str) -> list[QAExchange]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return summarize(read_source(path, tmp_path)).qa


def test_clarification_stays_in_its_exchange(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "业绩会\n\n"
        "麦格理分析师Ellie Jiang:我有一个跟进问题,关于全站推广。\n"
        "吴泳铭:我想澄清一下你的问题,是这个意思吗?\n"
        "麦格理分析师Ellie Jiang:对,主要聚焦在全站推广上。\n"
        "吴泳铭:我觉得每个平台的变现都有特殊性。\n"
        "徐宏:我补充一点。\n"
        "花旗银行分析师Alicia Yap:我想跟进一下CMR增长。\n"
        "徐宏:我们的投资已经在显现成果。\n"
        "蔡崇信:消费者信心正在恢复。\n"
        "吴泳铭:我再补充一点。\n",
    )
    assert len(qa) == 2
    assert (qa[0].asker, qa[0].firm, qa[0].answered_by) == ("Ellie Jiang", "麦格理", ["吴泳铭", "徐宏"])
    assert qa[1].answered_by == ["徐宏", "蔡崇信", "吴泳铭"]
    assert qa[1].line == 8 and qa[1].answer_lines == [9, 10, 11]


def test_unnamed_digest(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "电话会实录:\n\nQ1: 云业务什么时候恢复增长?\n回答:我们预计下半年恢复双位数增长。\n\n"
        "Q2:股东回报会提高吗?\n回答:我们会继续回购。\n\n"
        "问:AI投入多大?\n答:未来三年投入超过过去十年。\n",
    )
    assert len(qa) == 3
    assert all(ex.asker is None and ex.answered_by == [] for ex in qa)
    assert "云" in qa[0].topics and "股东回报" in qa[1].topics and "AI" in qa[2].topics


def test_digest_with_named_answers(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "问答摘要\n问:明年的盈利目标是什么?\n陈睿:我们对全年盈利有信心。\n樊欣:补充一下费用。\n"
        "问:广告收入来自哪些行业?\n李旎:游戏和电商增长最快。\n",
    )
    assert [ex.answered_by for ex in qa] == [["陈睿", "樊欣"], ["李旎"]]


def test_first_sentences() -> None:
    text = "第一句话。" * 60
    short = first_sentences(text)
    assert len(short) <= QUESTION_MAX and short.endswith("。")
    assert first_sentences("没有标点" * 80).endswith("…")


@pytest.mark.parametrize(("doc", "gold"), PAIRS, ids=IDS)
def test_gold_exchanges(doc: Document, gold: dict) -> None:
    qa = summarize(doc).qa
    assert len(qa) == gold.get("qa_count", 0)
    if gold.get("qa_first_answerer"):
        assert [ex.answered_by[0] if ex.answered_by else None for ex in qa] == gold["qa_first_answerer"]
