"""Speaker labels, turns and the shape of a source, on small inline texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.labels import parse_label
from generator.extract.turns import source_kind, split_turns, turn_text
from generator.model import Document
from generator.source.read import read_source


def doc_of(tmp_path: Path, text: str, name: str = "t.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(path, tmp_path)


@pytest.mark.parametrize(
    ("label", "speaker", "side", "role", "firm"),
    [
        ("徐宏", "徐宏", None, None, None),
        ("瑞士信贷分析师Kenneth Fong", "Kenneth Fong", "analyst", None, "瑞士信贷"),
        ("吴泳铭(CEO)", "吴泳铭", "management", "首席执行官", None),
        ("主持人|投资者关系主管 刘丽娣(Lidia Liu)", "刘丽娣", "management", "投资者关系", None),
        ("腾讯总裁刘炽平", "刘炽平", "management", "总裁", None),
        ("首席执行官兼董事长张勇", "张勇", "management", "首席执行官", None),
        ("Sidney Huang - JD.com, Inc.", "Sidney Huang", None, None, None),
        ("Alicia Yap - Citigroup", "Alicia Yap", "analyst", None, "花旗"),
        ("大摩分析师Gary Yu", "Gary Yu", "analyst", None, "摩根士丹利"),
        ("Alex Ng(高盛)", "Alex Ng", "analyst", None, "高盛"),
    ],
)
def test_person_labels(
    label: str, speaker: str, side: str | None, role: str | None, firm: str | None
) -> None:
    parsed = parse_label(label)
    assert parsed is not None
    assert (parsed.who.name, parsed.who.side, parsed.who.role, parsed.who.firm) == (speaker, side, role, firm)


@pytest.mark.parametrize("label", ["Q1", "问", "Q", "提问"])
def test_question_markers(label: str) -> None:
    parsed = parse_label(label)
    assert parsed is not None and parsed.kind == "question" and parsed.who.name is None


@pytest.mark.parametrize("label", ["回答", "答", "A"])
def test_answer_markers(label: str) -> None:
    parsed = parse_label(label)
    assert parsed is not None and parsed.kind == "answer"


@pytest.mark.parametrize(
    "label",
    [
        "注",
        "详见",
        "专题",
        "看图",
        "责任编辑",
        "来源",
        "但我想说的是",
        "市场认为",
        "公司",
        "2024年05月14日 23",
    ],
)
def test_not_labels(label: str) -> None:
    assert parse_label(label) is None


def test_operator_label() -> None:
    for label in ("Operator", "会议助手", "主持人"):
        parsed = parse_label(label)
        assert parsed is not None and parsed.kind == "operator"


def test_turns_full_and_half_width(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "腾讯2024年第二季度业绩电话会\n\n"
        "摩根士丹利分析师Gary Yu：我的问题是关于游戏业务。\n"
        "腾讯总裁刘炽平:谢谢你的问题。我们对游戏很有信心。\n"
        "第二段回答,继续说明。\n"
        "注:以上内容有删减。\n",
    )
    turns = split_turns(doc)
    assert [(t.line, t.speaker) for t in turns] == [(3, "Gary Yu"), (4, "刘炽平")]
    assert [n for n, _ in turns[1].body] == [4, 5]
    assert doc.line(4).text[turns[1].body[0][1] :].startswith("谢谢")


def test_english_name_lines(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "JD Q4 call\n\nOperator\n\n第一个问题来自花旗的Alicia Yap。\n\n"
        "Alicia Yap - Citigroup\n\n我的问题是关于收入增长展望,谢谢。\n\n"
        "Sandy Xu - JD.com, Inc.\n\n谢谢Alicia的问题。我们的目标是稳健增长。\n\n"
        "Ian Su Shan - JD.com, Inc.\n\n补充一点,利润率会继续改善。\n",
    )
    turns = split_turns(doc)
    assert [(t.kind, t.speaker) for t in turns] == [
        ("operator", None),
        ("speech", "Alicia Yap"),
        ("speech", "Sandy Xu"),
        ("speech", "Ian Su Shan"),
    ]
    assert turns[2].org == "JD.com, Inc."
    assert source_kind(turns) == "transcript"


def test_traditional_labels(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "中芯國際業績會\n\n機構分析師Charlie Chan：請問毛利率的展望如何？\n趙海軍：我們預計毛利率會改善。\n"
        "機構分析師Randy Abrams：想問折舊。\n吳俊峰：折舊會增長。\n",
    )
    turns = split_turns(doc)
    assert [t.speaker for t in turns] == ["Charlie Chan", "赵海军", "Randy Abrams", "吴俊峰"]
    assert turns[0].side == "analyst"


def test_kinds(tmp_path: Path) -> None:
    digest = doc_of(
        tmp_path, "要点\n\n问:云业务怎么看?\n答:我们很乐观。\n问:利润率呢?\n答:会改善。\n", "d.txt"
    )
    assert source_kind(split_turns(digest)) == "digest"
    article = doc_of(tmp_path, "阿里财报点评\n吴泳铭表示,AI是最大的机会。\n专题:阿里巴巴财报\n", "a.txt")
    assert source_kind(split_turns(article)) == "article"


@pytest.mark.parametrize(
    ("label", "kind", "speaker", "side", "firm"),
    [
        ("答(王小明)", "answer", "王小明", "management", None),
        ("补充(刘强)", "answer", "刘强", "management", None),
        ("提问(花旗 Jenny Lam)", "question", "Jenny Lam", "analyst", "花旗"),
        ("【问题3】瑞银分析师Peter Tan", "question", "Peter Tan", "analyst", "瑞银"),
        ("[Q2]高盛分析师Mary Ho", "question", "Mary Ho", "analyst", "高盛"),
        ("张伟回答", "answer", "张伟", "management", None),
        ("李娜补充", "answer", "李娜", "management", None),
        ("分析师", "question", None, "analyst", None),
        ("花旗分析师", "question", None, "analyst", "花旗"),
    ],
)
def test_marker_and_narrated_labels(
    label: str, kind: str, speaker: str | None, side: str | None, firm: str | None
) -> None:
    parsed = parse_label(label)
    assert parsed is not None
    assert (parsed.kind, parsed.who.name, parsed.who.side, parsed.who.firm) == (kind, speaker, side, firm)


def test_title_with_commas_inside_brackets_and_after_name() -> None:
    bracket = parse_label("王小明(某某科技董事长、联席CEO)")
    assert bracket is not None and (bracket.who.name, bracket.who.side) == ("王小明", "management")
    assert bracket.who.role == "首席执行官"
    comma = parse_label("刘强,某某科技执行董事、首席财务官")
    assert comma is not None and (comma.who.name, comma.who.role, comma.who.org) == (
        "刘强",
        "首席财务官",
        "某某科技",
    )
    assert parse_label("我们认为,增长会放缓") is None


def test_headline_before_a_bar_is_not_a_role() -> None:
    assert parse_label("某某汽车Q3业绩会纪要|王小明") is None
    host = parse_label("主持人|王小明")
    assert host is not None and host.who.side == "operator"


def test_bracketed_person_after_a_marker(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某汽车业绩会纪要\n\n"
        "Q: [花旗 Jenny Lam] 明年的毛利率怎么看？\n"
        "A: [王小明] 我们预计会继续改善。\n"
        "A: [刘强] 补充一点，费用会下降。\n"
        "Q: [瑞银 Peter Tan] 海外市场的进展如何？\n"
        "A: [王小明] 进展顺利。\n",
    )
    turns = split_turns(doc)
    assert [(t.kind, t.speaker, t.firm) for t in turns] == [
        ("question", "Jenny Lam", "花旗"),
        ("answer", "王小明", None),
        ("answer", "刘强", None),
        ("question", "Peter Tan", "瑞银"),
        ("answer", "王小明", None),
    ]
    assert doc.line(3).text[turns[0].body[0][1] :].startswith("明年")
    assert source_kind(turns) == "digest"


def test_kind_of_narrated_qa_and_of_quotes_without_exchanges(tmp_path: Path) -> None:
    narrated = doc_of(
        tmp_path,
        "某某半导体业绩会\n\n"
        "分析师：请问毛利率的驱动因素是什么？\n王小明：主要是产能利用率提升。\n"
        "分析师：明年的资本开支如何？\n刘强：会保持稳定。\n",
        "n.txt",
    )
    assert source_kind(split_turns(narrated)) == "article"
    told = doc_of(
        tmp_path,
        "某某科技法说会\n\n"
        "提问(花旗 Jenny Lam)：需求可持续吗？\n王小明回答：需求是真实的。\n"
        "提问(瑞银 Peter Tan)：产能呢？\n王小明回答：正在扩充。\n刘强补充：成本会下降。\n",
        "t.txt",
    )
    assert source_kind(split_turns(told)) == "article"
    numbered = doc_of(
        tmp_path,
        "某某科技业绩会\n\n"
        "**【问题1】花旗分析师Jenny Lam：** 需求可持续吗？\n**王小明：** 需求是真实的。\n"
        "**【问题2】瑞银分析师Peter Tan：** 产能呢？\n**刘强：** 正在扩充。\n",
        "m.md",
    )
    assert source_kind(split_turns(numbered)) == "digest"
    quotes = doc_of(
        tmp_path,
        "某某科技财报速读\n\n本季度收入增长5%，我的看法如下。\n"
        "王小明(CEO)：“我们会继续投入。”\n刘强(CFO)：“回购会继续。”\n张伟(董事长)：“长期有信心。”\n",
        "q.txt",
    )
    assert source_kind(split_turns(quotes)) == "article"


def test_a_rule_ends_the_turn(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "业绩会纪要\n\nQ: [花旗 Jenny Lam] 毛利率怎么看？\nA: [王小明] 会继续改善。\n\n======\n\n"
        "某某科技周四收盘报5.25美元，跌2.6%。\n",
    )
    turns = split_turns(doc)
    assert [n for n, _ in turns[-1].body] == [4]


def test_numbered_record_with_question_and_answer_on_one_line(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某电子投资者关系活动记录表\n\n"
        "1、问：请问今年的产能规划如何？答：您好，新产线将在年底投产，感谢关注！\n"
        "2、问：海外收入占比是多少？\n答：您好，海外收入占比约三成。\n"
        "(3)问：分红政策会调整吗？ 答(董秘)：公司会保持稳定的分红。\n",
    )
    turns = split_turns(doc)
    assert [(t.line, t.kind) for t in turns] == [
        (3, "question"),
        (3, "answer"),
        (4, "question"),
        (5, "answer"),
        (6, "question"),
        (6, "answer"),
    ]
    assert turn_text(doc, turns[0]) == "请问今年的产能规划如何？"
    assert turn_text(doc, turns[1]).startswith("您好，新产线")
    assert turns[5].role == "董事会秘书" and turns[5].speaker is None
    assert source_kind(turns) == "digest"


def test_marker_line_naming_only_the_person(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某科技业绩会纪要\n\n"
        "Q2：瑞银 Peter Tan\n海外业务的利润率什么时候转正？\n\n"
        "A：王小明\n我们预计明年下半年转正。\n\n"
        "刘强补充：\n费用率也会继续下降。\n",
    )
    turns = split_turns(doc)
    assert [(t.kind, t.speaker, t.firm) for t in turns] == [
        ("question", "Peter Tan", "瑞银"),
        ("answer", "王小明", None),
        ("answer", "刘强", None),
    ]
    assert [n for n, _ in turns[0].body] == [4]
    assert turn_text(doc, turns[1]) == "我们预计明年下半年转正。"


def test_writers_lines_end_a_turn(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某股份业绩说明会\n\n问：下半年需求怎么看？\n\n"
        "王小明：我们看到订单在逐步回暖，对全年目标有信心。\n\n"
        "去年同期，某某股份营业收入为30.5亿元。\n\n"
        "截至今日收盘，某某股份报每股25.30元，总市值约300亿元。\n\n"
        "另外，有投资者问及海外工厂。王小明表示，工厂进展顺利。\n",
    )
    turns = split_turns(doc)
    assert [n for n, _ in turns[-1].body] == [5]


def test_title_with_a_longer_wording_before_the_name() -> None:
    label = parse_label("执行董事长王小明(Xiaoming Wang)")
    assert label is not None and (label.who.name, label.who.alias) == ("王小明", "Xiaoming Wang")
    assert label.who.role == "董事会主席"


def test_the_writer_telling_who_spoke_ends_a_turn(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某汽车三季度营收创新高\n\n王小明：不会打价格战\n"
        "在当晚的电话会上，某某汽车董事长兼CEO王小明表示，新车型订单超出预期。\n"
        "某某汽车CFO刘强表示，毛利率环比回升。\n",
    )
    turns = split_turns(doc)
    assert [(t.line, [n for n, _ in t.body]) for t in turns] == [(3, [3])]


def test_a_news_story_quoting_a_short_excerpt_of_the_qa_is_an_article(tmp_path: Path) -> None:
    body = "".join(
        f"某某汽车第三季度第{i}项业务收入增长，公司表示将继续扩大投入，提升长期竞争力。\n\n" for i in range(8)
    )
    text = (
        f"某某汽车三季度营收创新高\n\n{body}电话会问答（节选）\n\n"
        "问（花旗 Jenny Lam）：明年的销量目标是多少？\n王小明：我们对增长有信心。\n"
        "问（瑞银 Peter Tan）：毛利率能否保持？\n刘强：会保持在健康水平。\n"
    )
    doc = doc_of(tmp_path, text)
    assert source_kind(split_turns(doc), doc) == "article"
    short = doc_of(tmp_path, text.replace(body, ""), "s.txt")
    assert source_kind(split_turns(short), short) == "digest"


def test_numbered_questions_make_a_digest_however_long_the_preamble(tmp_path: Path) -> None:
    preamble = "".join(
        f"第{i}条：本次活动遵守信息披露相关规定，未出现未公开重大信息泄露等情况。\n" for i in range(12)
    )
    doc = doc_of(
        tmp_path,
        f"某某电子投资者关系活动记录表\n\n{preamble}\n"
        "1、问：今年的订单情况如何？\n答：订单饱满。\n2、问：毛利率会下降吗？\n答：会保持稳定。\n",
    )
    assert source_kind(split_turns(doc), doc) == "digest"


@pytest.mark.parametrize(
    ("line", "speaker", "firm"),
    [
        ("Q1：瑞银 Peter Tan：海外业务什么时候盈利？", "Peter Tan", "瑞银"),
        ("Q2（Morgan Stanley, Gary Yu）：海外业务什么时候盈利？", "Gary Yu", "摩根士丹利"),
        ("Q3：中金公司张雪：海外业务什么时候盈利？", "张雪", "中金公司"),
    ],
)
def test_marker_then_asker_then_question(tmp_path: Path, line: str, speaker: str, firm: str) -> None:
    doc = doc_of(tmp_path, f"某某科技业绩会纪要\n\n{line}\nA：王小明：明年实现盈利。\n")
    turns = split_turns(doc)
    assert [(t.kind, t.speaker, t.firm) for t in turns] == [
        ("question", speaker, firm),
        ("answer", "王小明", None),
    ]
    assert turn_text(doc, turns[0]) == "海外业务什么时候盈利？"


def test_roadshow_record_fields(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "问题3:\n提问者:投资者\n问题内容:分红比例会提高吗?\n"
        "回复人:董事会秘书 钱思远\n回复内容:公司会综合考虑。\n"
        "提问者:瑞银 Grace Lin\n问题内容:毛利率展望?\n回答人:钱思远\n回答内容:保持稳定。\n",
    )
    turns = split_turns(doc)
    assert [(t.kind, t.speaker, t.role) for t in turns] == [
        ("question", None, None),
        ("answer", "钱思远", "董事会秘书"),
        ("question", "Grace Lin", None),
        ("answer", "钱思远", None),
    ]
    assert turn_text(doc, turns[0]) == "分红比例会提高吗?"
    assert turn_text(doc, turns[1]) == "公司会综合考虑。"
    assert turns[2].firm == "瑞银"


def test_a_colon_after_separators_only_is_no_label(tmp_path: Path) -> None:
    from generator.extract.summarize import summarize
    from generator.source.read import read_source

    path = tmp_path / "t.txt"
    path.write_text("|:\n| | :正文\n", encoding="utf-8")
    summarize(read_source(path, tmp_path))  # must not raise
