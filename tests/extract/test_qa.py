"""Analyst exchanges: one per question, follow-ups kept inside, answerers in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SummaryError
from generator.extract.qa import QUESTION_MAX, extract_end, first_sentences
from generator.extract.summarize import summarize
from generator.model import ANSWER_MAX, Document, QAExchange
from generator.source.read import read_source
from generator.store.summaries import summary_from_dict, summary_to_dict
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


def test_named_answer_markers_and_narrated_answers(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某旅行三季度业绩会\n\n"
        "问：出境游的恢复情况如何？\n答（王小明）：已经恢复至2019年同期的120%。\n补充（张伟）：长期潜力很大。\n"
        "问：股东回报有什么计划？\n答（Cindy Li）：我们会持续评估回购和分红。\n",
    )
    assert [(q.asker, q.answered_by) for q in qa] == [(None, ["王小明", "张伟"]), (None, ["Cindy Li"])]
    told = qa_of(
        tmp_path,
        "某某科技法说会：需求非常真实\n\n某某科技今日发布第三季度财报。\n\n"
        "提问（花旗 Jenny Lam）：毛利率高于指引的原因是什么？\n刘强回答：主要是产能利用率提升。\n"
        "提问（瑞银 Peter Tan）：海外工厂进展如何？\n王小明回答：进展顺利。\n刘强补充：成本会下降。\n",
    )
    assert [(q.asker, q.firm, q.answered_by) for q in told] == [
        ("Jenny Lam", "花旗", ["刘强"]),
        ("Peter Tan", "瑞银", ["王小明", "刘强"]),
    ]


def test_numbered_questions_keep_the_firm_clean(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "# 某某科技Q1业绩会\n\n**【问题1】摩根大通分析师Jenny Lam：** 广告增长来自哪些行业？\n\n"
        "**王小明：** 主要来自短剧和小游戏。\n\n**【问题2】中金公司分析师张雪：** 大模型的投入有多大？\n\n"
        "**刘强：** 投入会与回报相匹配。\n",
    )
    assert [(q.asker, q.firm, q.answered_by) for q in qa] == [
        ("Jenny Lam", "摩根大通", ["王小明"]),
        ("张雪", "中金公司", ["刘强"]),
    ]


def test_unnamed_analyst_paragraphs_in_an_article(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某半导体二季度营收增长\n\n某某半导体总裁王小明、首席财务官刘强出席了业绩说明会。\n\n"
        "分析师：毛利率的驱动因素是什么？\n\n刘强：主要是产能利用率提高。\n\n"
        "分析师：新产线什么时候投产？\n\n王小明：预计年底开始投产。\n\n另据了解，同行营收增长21.8%。\n",
    )
    got = [(q.asker, q.answered_by, q.answer_lines) for q in qa]
    assert got == [(None, ["刘强"], [7]), (None, ["王小明"], [11])]


def test_questions_told_in_prose(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某控股第三季纯利增长\n\n某某控股总裁张伟、首席财务官刘强其后出席业绩电话会议。\n\n"
        "花旗分析师Jenny Lam于会上问及电商的发展。张伟回应指，电商正处于早期阶段。\n\n"
        "瑞银分析师Peter Tan问及资本开支。刘强表示，资本开支将进一步上升。\n\n"
        "张伟补充，集团会审慎投资。\n\n"
        "另外，集团表示，上季收入为100亿元。\n\n"
        "高盛分析师Mary Ho关心游戏业务。管理层回应称，对长远增长有信心。\n",
    )
    assert [(q.asker, q.firm, q.answered_by, q.line, q.answer_lines) for q in qa] == [
        ("Jenny Lam", "花旗", ["张伟"], 5, [5]),
        ("Peter Tan", "瑞银", ["刘强", "张伟"], 7, [7, 9]),
        ("Mary Ho", "高盛", [], 13, [13]),
    ]
    assert qa[0].question.startswith("花旗分析师Jenny Lam")


def test_investor_relations_record(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "某某电子投资者关系活动记录表\n\n上市公司接待人员姓名：\n董事长 王小明\n董事会秘书 周杰\n\n"
        "1、问：请问今年的产能规划如何？答：您好，新产线将在年底投产，感谢关注！\n"
        "2、问：海外收入占比是多少？\n答：您好，海外收入占比约三成。\n"
        "3、问：分红政策会调整吗？ 答(董秘)：公司会保持稳定的分红。\n",
        encoding="utf-8",
    )
    summary = summarize(read_source(path, tmp_path))
    assert summary.source.kind == "digest"
    assert [(q.asker, q.answered_by, q.line, q.answer_lines) for q in summary.qa] == [
        (None, [], 7, [7]),
        (None, [], 8, [9]),
        (None, ["周杰"], 10, [10]),
    ]
    assert summary.qa[0].question == "请问今年的产能规划如何？"


def test_minutes_with_the_asker_on_the_marker_line(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某科技业绩会纪要\n\n首席执行官王小明（Tony Wang）：\n本季度收入稳步增长。\n\n"
        "Q1：瑞银 Peter Tan\n海外业务的利润率什么时候转正？\n\nA：王小明\n我们预计明年下半年转正。\n\n"
        "刘强补充：\n费用率也会继续下降。\n\n"
        "Q2：中金公司 张雪\n回购会加速吗？\n\nA：刘强\n我们会按计划执行。\n",
    )
    assert [(q.asker, q.firm, q.answered_by) for q in qa] == [
        ("Peter Tan", "瑞银", ["王小明", "刘强"]),
        ("张雪", "中金公司", ["刘强"]),
    ]


def test_the_investor_relations_host_never_answers(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某控股业绩电话会实录\n\n"
        "Nina Chen（投资者关系负责人）：欢迎参加电话会议。\n\n"
        "Alicia Yap（花旗）：请问利润率的展望如何？\n\n刘强（首席财务官）：我们预计利润率会稳中有升。\n\n"
        "Nina Chen：由于时间关系，我们接受最后一个问题。\n\n"
        "Jenny Lam（瑞银）：回购的节奏如何？\n\n刘强：我们会持续执行回购。\n\n"
        "Nina Chen：感谢各位参加，再见。\n",
    )
    assert [(q.asker, q.answered_by) for q in qa] == [("Alicia Yap", ["刘强"]), ("Jenny Lam", ["刘强"])]
    assert qa[0].answer_lines == [7]


def test_unnamed_askers_and_answers_in_the_next_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "某某股份上半年纯利增长\n2024年8月30日 18:00\n\n"
        "在业绩说明会上，某某股份总经理王小明、财务总监刘强出席并回答投资者提问。\n\n"
        "问：下半年需求怎么看？\n\n王小明：订单在逐步回暖。\n\n"
        "去年同期，某某股份营业收入为30.5亿元。\n\n"
        "另外，有投资者问及海外工厂的进展。王小明表示，工厂将在年底投产。\n\n"
        "截至今日收盘，某某股份报每股25.30元，总市值约300亿元。\n\n"
        "另有分析师关心分红政策。\n\n对此，刘强表示，公司会保持稳定的分红比例。\n",
        encoding="utf-8",
    )
    summary = summarize(read_source(path, tmp_path))
    assert [(q.line, q.answered_by, q.answer_lines) for q in summary.qa] == [
        (6, ["王小明"], [8]),
        (12, ["王小明"], [12]),
        (16, ["刘强"], [18]),
    ]


def test_a_news_story_telling_two_questions_stays_an_article(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "某某控股三季度收入增长8%\n2024年11月20日 08:00\n\n某某控股昨日晚间发布了第三季度业绩。\n\n"
        "在当晚的电话会上，某某控股首席执行官王小明表示，AI业务增长强劲。\n\n"
        "摩根士丹利分析师Gary Yu问及海外业务的盈利前景。王小明回应称，海外业务明年有望盈利。\n\n"
        "另有分析师关心股东回报。首席财务官刘强表示，回购会继续。\n",
        encoding="utf-8",
    )
    summary = summarize(read_source(path, tmp_path))
    assert summary.source.kind == "article"
    assert [(q.asker, q.answered_by) for q in summary.qa] == [("Gary Yu", ["王小明"]), (None, ["刘强"])]


def test_answers_marked_by_a_title_and_led_in_by_a_topic(tmp_path: Path) -> None:
    record = qa_of(
        tmp_path,
        "某某电子投资者关系互动记录\n\n出席人员：董事长 王小明；董事会秘书 周杰\n\n"
        "投资者提问：公司有回购计划吗？\n董秘回复：公司将根据市场情况审慎决策。\n"
        "投资者提问：海外客户进展如何？\n公司回复：海外客户验证顺利。\n",
    )
    assert [q.answered_by for q in record] == [["周杰"], []]
    told = qa_of(
        tmp_path,
        "某某股份上半年纯利增长\n2024年8月30日 18:00\n\n"
        "在业绩说明会上，某某股份总经理王小明出席并回答投资者提问。\n\n"
        "有投资者问及海外工厂的进展。\n\n对于海外市场，王小明表示，工厂将在年底投产。\n",
    )
    assert [(q.line, q.answered_by, q.answer_lines) for q in told] == [(6, ["王小明"], [8])]


def test_interactive_platform_record(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "某某电子：关于储能业务的投资者问答\n\n出席人员：董事会秘书 周杰\n\n"
        "投资者：请问公司储能产品的出货量如何？\n上市公司：您好，储能产品出货量稳步增长，感谢关注。\n\n"
        "网友：公司有海外建厂计划吗？\n董秘：您好，公司正在评估，如有进展将及时披露。\n",
        encoding="utf-8",
    )
    summary = summarize(read_source(path, tmp_path))
    assert summary.source.kind == "digest"
    assert [(q.asker, q.answered_by, q.answer_lines) for q in summary.qa] == [
        (None, [], [6]),
        (None, ["周杰"], [9]),
    ]


def test_an_analyst_the_story_names_only_by_firm(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "某某控股三季度收入增长8%\n2024年11月20日 08:00\n\n某某控股首席执行官王小明出席了业绩电话会。\n\n"
        "问答环节中，摩根士丹利分析师问及海外业务的盈利时间表。王小明表示，海外业务明年有望盈利。\n",
    )
    assert [(q.asker, q.firm, q.answered_by) for q in qa] == [(None, "摩根士丹利", ["王小明"])]


def test_roadshow_record_blocks_are_one_exchange_each(tmp_path: Path) -> None:
    summary_text = (
        "星河微电子2023年度业绩说明会\n"
        "召开时间:2024年04月18日 14:00\n"
        "出席人员:董事长 周明远;董事、副总经理 孙若岚\n\n"
        "问题1:\n"
        "提问者:投资者\n"
        "问题内容:请问今年海外订单的节奏如何?\n"
        "回复人:周明远(董事长)\n"
        "回复内容:您好!海外订单保持稳定,感谢您的关注。\n\n"
        "问题2:\n"
        "提问者:投资者\n"
        "问题内容:新产线何时投产?\n"
        "回复人:孙若岚 董事、副总经理\n"
        "回复内容:新产线预计下半年投产,谢谢!\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(summary_text, encoding="utf-8")
    summary = summarize(read_source(path, tmp_path))
    assert [ex.answered_by for ex in summary.qa] == [["周明远"], ["孙若岚"]]
    assert summary.qa[0].question.startswith("请问今年海外订单")
    assert summary.qa[1].asker is None
    managers = {p.name: p.role for p in summary.participants if p.side == "management"}
    assert managers == {"周明远": "董事会主席", "孙若岚": "副总经理"}


def test_answers_keep_speaker_extract_and_line(tmp_path: Path) -> None:
    long = "我们会继续投入,保持竞争力" * 12
    qa = qa_of(
        tmp_path,
        "业绩会\n\n"
        "花旗银行分析师Alicia Yap:我想跟进一下CMR增长。\n"
        f"徐宏:我们的投资已经在显现成果。第二句话也在这里。{long}。\n"
        f"蔡崇信:{long}。\n",
    )
    (ex,) = qa
    assert [(a.speaker, a.line) for a in ex.answers] == [("徐宏", 4), ("蔡崇信", 5)]
    assert ex.answers[0].text == "我们的投资已经在显现成果。第二句话也在这里。"
    second = ex.answers[1].text
    assert len(second) <= ANSWER_MAX and second.endswith("继续投入")
    lines = (tmp_path / "t.txt").read_text(encoding="utf-8").splitlines()
    assert all(a.text in lines[a.line - 1] for a in ex.answers)


def test_answer_extract_is_verbatim_from_the_original(tmp_path: Path) -> None:
    """Traditional script and full-width punctuation stay as written, not as normalised."""
    qa = qa_of(tmp_path, "業績會\n\n問:雲業務何時恢復增長?\n答:我們預計下半年恢復雙位數增長。其餘不變。\n")
    (ex,) = qa
    assert [(a.speaker, a.text, a.line) for a in ex.answers] == [
        (None, "我們預計下半年恢復雙位數增長。其餘不變。", 4)
    ]


def test_answers_told_in_prose(tmp_path: Path) -> None:
    qa = qa_of(
        tmp_path,
        "阿里巴巴业绩会\n\n首席执行官吴泳铭出席了电话会。\n"
        "高盛分析师Ronald Keung问及云业务的增长前景。吴泳铭表示,云业务将恢复双位数增长。\n",
    )
    answers = [a for ex in qa for a in ex.answers]
    assert answers and answers[0].line == 4 and answers[0].speaker == "吴泳铭"
    assert answers[0].text.startswith("吴泳铭表示") and "双位数增长" in answers[0].text


def test_extract_end_cuts_at_a_sentence_or_clause() -> None:
    text = "短句。" + "很" * 200
    assert extract_end(text, 0, len(text)) == 3
    clause = "甲" * 60 + "," + "乙" * 100
    assert extract_end(clause, 0, len(clause)) == 60
    assert extract_end("丙" * 300, 0, 300) == ANSWER_MAX


def test_answers_round_trip_and_old_summaries_load(tmp_path: Path) -> None:
    qa = qa_of(tmp_path, "业绩会\n\n问:云业务何时恢复增长?\n答:我们预计下半年恢复双位数增长。\n")
    summary = summarize(read_source(tmp_path / "t.txt", tmp_path))
    data = summary_to_dict(summary)
    assert data["qa"][0]["answers"] == [{"speaker": None, "text": qa[0].answers[0].text, "line": 4}]
    assert summary_from_dict(data).qa[0].answers == qa[0].answers
    del data["qa"][0]["answers"]  # a summary written before answers were kept
    assert summary_from_dict(data).qa[0].answers == []
    data["qa"][0]["answers"] = [{"speaker": "x", "text": None, "line": "4"}]
    with pytest.raises(SummaryError, match=r"qa\[0\]\.answers\[0\]\.(text|line)"):
        summary_from_dict(data)
