"""Participants: one entry per person, roles and firms, passing mentions left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.summarize import summarize
from generator.model import Document, Participant
from generator.source.read import read_source
from tests.seeds import IDS, PAIRS


def people_of(tmp_path: Path, text: str) -> dict[str, Participant]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return {p.name: p for p in summarize(read_source(path, tmp_path)).participants}


def test_transcript_roles_firms_and_aliases(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "阿里巴巴业绩会\n2024年05月14日 23:19\n\n"
        "阿里巴巴集团董事会主席蔡崇信,CEO吴泳铭,CFO徐宏出席了电话会议。\n\n"
        "瑞士信贷分析师Kenneth Fong:我的问题有关CMR。\n"
        "徐宏:我先来回答,一会儿吴总可以再补充。\n"
        "吴泳铭(CEO):我再补充一下。\n"
        "大摩分析师Gary Yu:我的问题有关云业务?\n"
        "吴泳铭:云业务会恢复增长。我和蔡总都很有信心。\n"
        "蔡崇信:我补充一点。\n\n"
        "责任编辑:刘明亮\n",
    )
    assert set(people) == {"蔡崇信", "吴泳铭", "徐宏", "Kenneth Fong", "Gary Yu"}
    assert (people["蔡崇信"].side, people["蔡崇信"].role) == ("management", "董事会主席")
    assert people["吴泳铭"].role == "首席执行官" and "吴总" in people["吴泳铭"].aliases
    assert people["徐宏"].role == "首席财务官"
    assert (people["Gary Yu"].side, people["Gary Yu"].firm) == ("analyst", "摩根士丹利")
    assert people["Kenneth Fong"].firm == "瑞士信贷"


def test_article_speakers_but_not_passing_mentions(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "阿里站在AI肩膀上\n阿里巴巴本季度收入增长8%。\n"
        "吴泳铭在财报电话会上提及,推理需求爆发。\n"
        '两日后,蔡崇信回应了合作传闻,"我们非常荣幸能够与伟大的公司做生意。"\n'
        "上周,马云出现在了一场座谈会上。马云现身阿里园区。\n"
        "腾讯总裁刘炽平表示,腾讯也在加大AI投入。\n"
        "高盛分析师Ronald Keung表示,阿里估值仍低。\n",
    )
    assert set(people) == {"吴泳铭", "蔡崇信"}
    assert all(p.side == "management" for p in people.values())


def test_english_transcript_with_operator_intros(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "JD.com Q4 2023 Earnings Call\n2024年3月6日\n\n"
        "Sandy Xu - 首席执行官\nIan Su - 首席财务官\n\n"
        "Operator\n\n第一个问题来自花旗的Alicia Yap。\n\n"
        "Alicia Yap\n\n我的问题是关于收入增长,请问管理层怎么看?\n\n"
        "Sandy Xu - JD.com, Inc.\n\n谢谢你的问题。我们的目标是稳健增长。\n\n"
        "Ian Su - JD.com, Inc.\n\n补充一点,利润率会继续改善。\n",
    )
    assert people["Sandy Xu"].role == "首席执行官" and people["Sandy Xu"].side == "management"
    assert people["Ian Su"].side == "management"
    assert (people["Alicia Yap"].side, people["Alicia Yap"].firm) == ("analyst", "花旗")


def test_traditional_names_are_one_person_under_their_simplified_name(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "中芯國際第三季業績會\n2024年11月8日\n\n"
        "機構分析師Charlie Chan：請問毛利率的展望如何？\n趙海軍：我們預計毛利率會改善。\n"
        "機構分析師Randy Abrams：想問折舊。\n吳俊峰：折舊會增長。趙總也提過。\n",
    )
    assert "赵海军" in people and "趙海軍" in people["赵海军"].aliases  # as written, kept as an alias
    assert "趙海軍" not in people
    assert people["Charlie Chan"].side == "analyst"
    assert people["吴俊峰"].side == "management"


@pytest.mark.parametrize(("doc", "gold"), PAIRS, ids=IDS)
def test_gold_participants(doc: Document, gold: dict) -> None:
    got = summarize(doc).participants
    forms = {p.name for p in got} | {a for p in got for a in p.aliases}
    for person in gold["participants"]["management"]:
        names = {person["name"], *person.get("aliases", [])}
        assert names & {p.name for p in got if p.side == "management"} or names & forms, person["name"]
    for person in gold["participants"]["analysts"]:
        match = [p for p in got if p.name == person["name"] and p.side == "analyst"]
        firms = [person["firm"], *person.get("firm_aliases", [])]
        assert match and any(f in (match[0].firm or "") for f in firms), person["name"]
    gold_names = {
        n
        for group in gold["participants"].values()
        for p in group
        for n in [p["name"], *p.get("aliases", [])]
    }
    assert [p.name for p in got if p.name not in gold_names] == []


def test_executives_introduced_in_prose_then_labelled(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "星河汽车2024Q2业绩会纪要｜王小明：明年实现盈利\n\n"
        "出席本次电话会的有：星河汽车创始人、董事长兼CEO王小明（Xiaoming Wang），"
        "首席财务官曲晓（Xiao Qu）。\n\n"
        "王小明：二季度交付量持续回升，我们有信心在四季度实现目标。\n"
        "曲晓：二季度毛利率回升，主要得益于规模效应。\n\n"
        "Q: [摩根士丹利 Jenny Lam] 新车型的销量预期如何？\n"
        "A: [王小明] 我们希望在四季度达到月交付1万台。\n"
        "Q: [美银 Ming-Hsun Lee] 盈利的路径是什么？\n"
        "A: [曲晓] 主要依靠销量增长和费用效率。\n",
    )
    assert (people["王小明"].side, people["王小明"].role) == ("management", "首席执行官")
    assert "Xiaoming Wang" in people["王小明"].aliases
    assert (people["曲晓"].side, people["曲晓"].role) == ("management", "首席财务官")
    assert (people["Jenny Lam"].side, people["Jenny Lam"].firm) == ("analyst", "摩根士丹利")
    assert people["Ming-Hsun Lee"].side == "analyst" and "美银" in (people["Ming-Hsun Lee"].firm or "")
    assert not any(p.side == "operator" for p in people.values())


@pytest.mark.parametrize("dot", ["·", "‧", "・"])
def test_names_with_middle_dots_stay_whole(tmp_path: Path, dot: str) -> None:
    people = people_of(
        tmp_path,
        "某某控股第三季业绩\n\n"
        f"某某控股总裁张伟、首席战略官约翰{dot}史密斯(John Smith)其后出席业绩电话会议。\n",
    )
    name = "约翰·史密斯"  # every middle-dot variant is one name, canonical with U+00B7
    assert name in people and (people[name].side, people[name].role) == ("management", "首席战略官")
    assert "John Smith" in people[name].aliases
    assert "约翰" not in people


def test_analysts_asking_in_prose(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某控股第三季业绩\n\n某某控股总裁张伟出席业绩电话会议。\n"
        "花旗分析师Jenny Lam于会上问及海外业务。张伟回应指，海外业务增长稳健。\n"
        "另有瑞银分析师Peter Tan问及回购。张伟表示，回购会继续。\n",
    )
    assert (people["Jenny Lam"].side, people["Jenny Lam"].firm) == ("analyst", "花旗")
    assert (people["Peter Tan"].side, people["Peter Tan"].firm) == ("analyst", "瑞银")


def test_attendee_lists_on_one_line_and_one_per_line(tmp_path: Path) -> None:
    one_line = people_of(
        tmp_path,
        "某某电子投资者关系活动记录表\n\n"
        "出席人员：董事长 王小明；总经理 刘强；董事、副总裁 张伟；财务总监 陈静\n\n"
        "问：今年的订单情况如何？\n答：订单饱满。\n",
    )
    assert {n: (p.side, p.role) for n, p in one_line.items()} == {
        "王小明": ("management", "董事会主席"),
        "刘强": ("management", "首席执行官"),
        "张伟": ("management", "副总裁"),
        "陈静": ("management", "首席财务官"),
    }
    per_line = people_of(
        tmp_path,
        "某某电子业绩说明会\n\n公司参会人员：\n王小明 董事长\n独立董事 孙丽\n董事会秘书 周杰\n\n"
        "会议内容：公司介绍了上半年经营情况。\n",
    )
    assert {n: p.role for n, p in per_line.items()} == {
        "王小明": "董事会主席",
        "孙丽": "独立董事",
        "周杰": "董事会秘书",
    }


@pytest.mark.parametrize(
    "roster",
    ["- Tony Wang（王小明），董事长兼首席执行官", "- 王小明（Tony Wang），董事长兼首席执行官"],
)
def test_english_labels_take_the_chinese_name_the_text_gives(tmp_path: Path, roster: str) -> None:
    people = people_of(
        tmp_path,
        f"某某控股2024年第二季度业绩电话会实录\n\n**公司出席人员**：\n\n{roster}\n"
        "- Nina Chen，投资者关系负责人\n\n"
        "**Nina Chen**：欢迎参加本次电话会议，现在请管理层发言。\n\n"
        "**Tony Wang**：大家好，本季度收入稳步增长，我们对全年有信心。\n\n"
        "**Alicia Yap（花旗）**：请问利润率的展望如何？\n\n"
        "**Tony Wang**：我们预计利润率会稳中有升。\n",
    )
    assert "Tony Wang" not in people
    assert (people["王小明"].role, people["王小明"].aliases) == ("首席执行官", ["Tony Wang"])
    assert people["Nina Chen"].role == "投资者关系"


def test_adverbs_after_a_name_are_not_part_of_it(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某控股第三季度收入增长8%\n2024年11月20日 08:00\n\n"
        "在当晚的电话会上，某某控股首席执行官刘强表示，AI业务增长强劲。\n\n"
        "刘强还提到，明年资本开支将增加。\n\n首席财务官陈静表示，利润率会改善。\n\n"
        "陈静也表示，回购计划将继续执行。陈静并强调，现金流充裕。\n",
    )
    assert set(people) == {"刘强", "陈静"}


def test_a_simplified_text_keeps_the_characters_a_name_is_written_with(tmp_path: Path) -> None:
    simplified = people_of(
        tmp_path,
        "某某控股第三季度收入增长8%\n\n在当晚的电话会上，某某控股首席财务官刘甦表示，利润率继续提升。\n"
        "刘甦还提到，公司将继续回购股份。\n",
    )
    assert "刘甦" in simplified and "刘苏" in simplified["刘甦"].aliases
    traditional = people_of(
        tmp_path,
        "某某控股第三季度收入增長8%\n\n在當晚的電話會上，某某控股首席財務官劉甦表示，利潤率繼續提升。\n",
    )
    assert "刘苏" in traditional and "劉甦" in traditional["刘苏"].aliases


def test_attendees_with_courtesy_titles_and_shared_titles(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某科技业绩说明会记录\n\n"
        "参会人员：公司董事、总经理王小明先生、财务总监刘强女士、董事会秘书周杰先生\n\n"
        "问：今年的订单情况如何？\n答：订单饱满。\n",
    )
    assert {n: p.role for n, p in people.items()} == {
        "王小明": "首席执行官",
        "刘强": "首席财务官",
        "周杰": "董事会秘书",
    }


def test_a_role_only_the_speech_gives(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某控股业绩电话会实录\n\n"
        "Operator：欢迎参加电话会议，现在把时间交给公司投资者关系负责人Nina Chen女士。\n\n"
        "Nina Chen：谢谢。请管理层发言。\n\n刘强（首席财务官）：本季度收入稳步增长。\n\n"
        "Alicia Yap（花旗）：请问利润率的展望如何？\n\n刘强：利润率会稳中有升。\n",
    )
    assert (people["Nina Chen"].side, people["Nina Chen"].role) == ("management", "投资者关系")


def test_the_operator_introduces_executives_by_title_and_both_names(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某控股2024年第三季度业绩电话会实录\n\n"
        "**Operator**：欢迎参加电话会议。出席会议的有公司董事长兼首席执行官王小明（Tony Wang）先生、"
        "首席财务官刘强（Leo Liu）先生。\n\n"
        "**Tony Wang**：大家好，本季度收入同比增长5%。\n\n**Leo Liu**：本季度净利润为20亿元。\n\n"
        "**Operator**：第一个问题来自高盛的Lincoln Kong。\n\n**Lincoln Kong**：利润率展望如何？\n\n"
        "**Leo Liu**：利润率会稳中有升。\n",
    )
    assert {n: (p.role, p.aliases) for n, p in people.items() if p.side == "management"} == {
        "王小明": ("首席执行官", ["Tony Wang"]),
        "刘强": ("首席财务官", ["Leo Liu"]),
    }


def test_preposition_after_a_two_character_name_is_not_part_of_it() -> None:
    from generator.extract.mentions import speech_mentions

    names = [m.who.name for m in speech_mentions("谈到需求,周宁在回答分析师提问时称,订单在回升。")]
    assert names == ["周宁"]
    assert [m.who.name for m in speech_mentions("孙立对此表示乐观。")] == ["孙立"]


def test_unit_title_in_a_chain_is_not_the_persons_own_role() -> None:
    from generator.extract.mentions import title_mentions

    found = title_mentions("高级副总裁、某某汽车事业部总裁陈海出席了会议。", set())
    assert [(m.who.name, m.who.role) for m in found] == [("陈海", "副总裁")]


def test_host_opening_names_managers_with_courtesy_words(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某科技2024年第三季度业绩电话会实录\n\n"
        "主持人:大家好,欢迎参加某某科技2024年第三季度财报电话会议。今天与我一同参加电话会议的有董事会主席"
        "周明远先生、首席执行官孙洁女士以及首席财务官冯立博士。\n\n"
        "周明远:本季度收入同比增长5%。\n",
    )
    managers = {n: p.role for n, p in people.items() if p.side == "management"}
    assert managers == {"周明远": "董事会主席", "孙洁": "首席执行官", "冯立": "首席财务官"}


def test_a_name_does_not_run_on_into_the_joining_word() -> None:
    from generator.extract.mentions import title_mentions

    found = title_mentions(
        "董事长兼CEO陈睿、副董事长兼首席运营官李旎以及CFO樊欣等公司高管出席了电话会议。", set()
    )
    assert [m.who.name for m in found] == ["陈睿", "李旎", "樊欣"]


def test_a_number_word_or_a_listed_company_before_a_speech_verb_is_no_person() -> None:
    from generator.extract.mentions import speech_mentions

    assert speech_mentions("平台新增约30万名作家和60万本小说,新增字数160亿。") == []
    assert speech_mentions("同业华硕表示,需求平稳。") == []
    assert [m.who.name for m in speech_mentions("周明远表示,需求平稳。")] == ["周明远"]


def test_courtesy_words_days_and_venues_between_a_titled_name_and_its_verb() -> None:
    from generator.extract.mentions import title_mentions

    for line in (
        "集团董事长兼首席执行官周明远先生表示,本季度表现强劲。",
        "中钢董事长冯立日前指出,钢价将走高。",
        "领展董事会主席欧敦勤于业绩发布会上指出,零售市场面临转变。",
        "日月光投控营运长吴田玉表示,先进封测供不应求。",
    ):
        found = title_mentions(line, set())
        assert [m.speaks for m in found] == [True], line


def test_a_hosts_list_split_by_semicolons_is_at_the_call() -> None:
    from generator.extract.mentions import title_mentions

    line = "今天与我一同参加电话会议的有:董事会主席周明远先生;首席运营官孙洁女士;以及首席财务官冯立女士。"
    found = title_mentions(line, set())
    assert [(m.who.name, m.at_call) for m in found] == [("周明远", True), ("孙洁", True), ("冯立", True)]
    assert [m.at_call for m in title_mentions("董事长周明远;首席财务官冯立。", set())] == [False, False]


def test_an_article_counts_the_companys_own_titled_executive_not_a_rivals(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "长城汽车2024年三季度业绩:收入同比增长5%\n\n"
        "长城汽车2024年第三季度营业收入为500亿元,同比增长5%。\n\n"
        "长城汽车董事长魏建军曾多次谈到出海。比亚迪董事长王传福也在推进海外工厂。\n",
    )
    assert {n: p.side for n, p in people.items()} == {"魏建军": "management"}


def test_a_list_line_with_the_role_or_firm_in_brackets_or_after_a_slash() -> None:
    from generator.extract.roster import roster_entry

    def entry(text: str) -> tuple[str | None, str | None, str | None, str | None] | None:
        who = roster_entry(text)
        return (who.name, who.side, who.role, who.firm) if who else None

    assert entry("马智(轮值总裁)") == ("马智", "management", "总裁", None)
    assert entry("李婷/董事会主席兼CEO") == ("李婷", "management", "首席执行官", None)
    assert entry("Timothy Zhao(高盛)") == ("Timothy Zhao", "analyst", None, "高盛")
    assert entry("王小明(左)") is None and entry("腾讯(00700)") is None


def test_a_caption_list_and_a_tables_title_name_line_without_a_heading() -> None:
    from generator.extract.roster import roster_list

    caption = roster_list("图左起:苏家碧 公司事务总监;邓智辉 物业总监;梁国权 行政总裁")
    assert [(e.name, e.role) for e in caption] == [
        ("苏家碧", "总监"),
        ("邓智辉", "总监"),
        ("梁国权", "首席执行官"),
    ]
    assert [e.name for e in roster_list("上市公司接 董事会秘书 李文楣")] == ["李文楣"]
    assert roster_list("收入 100亿;利润 20亿") == []
    assert roster_list("阿里巴巴CEO吴泳铭") == [] and roster_list("董事长 李西廷表示,需求平稳") == []


def test_surname_yu_and_brackets_before_the_verb() -> None:
    from generator.extract.mentions import speech_mentions, title_mentions

    assert speech_mentions("广达(2382)于法说会中表示,需求强劲。") == []
    found = title_mentions("董事长及首席执行官于敦德,首席财务官杨嘉宏出席了电话会议。", set())
    assert [m.who.name for m in found] == ["于敦德", "杨嘉宏"]
    quoted = title_mentions("集团首席执行官兼总裁杜嘉祺(Mark Tucker)(图)表示,增长良好。", set())
    assert [(m.who.name, m.speaks) for m in quoted] == [("杜嘉祺", True)]


def test_the_company_quoted_like_a_person_is_no_participant(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Tata Consultancy Services reports second quarter results\n\n"
        "Revenue rose 4.3 percent to USD3.4 billion, Tata Consultancy said.\n\n"
        '"We are confident in the second half," chief executive officer Jan Craps said at an earnings '
        "conference call.\n",
    )
    assert "Tata Consultancy" not in people
    assert "Jan Craps" in people


def test_the_pages_writer_is_no_participant(tmp_path: Path) -> None:
    text = (
        "Some Motors Beats Estimates - Live Blog\n\nEric Lee\n\n"
        "Some Motors reported revenue of $6.04 billion for the quarter.\n\n"
        "TheStreet's tech columnist, Eric Lee, is following the call with analysts.\n\n"
        "Eric Lee\n\nEditor\n\n"
        "Chief executive officer Jane Roe said on the call that deliveries will grow.\n"
    )
    people = people_of(tmp_path, text)
    assert "Eric Lee" not in people
    assert "Jane Roe" in people


@pytest.mark.parametrize("verb", ["称", "说"])
def test_a_one_character_speech_verb_after_a_titled_name_is_not_part_of_it(tmp_path: Path, verb: str) -> None:
    people = people_of(
        tmp_path,
        f"某某地产业绩会\n\n某某地产总裁莫斌{verb},去年行业下行速度远超预期,公司收入为100亿元。\n",
    )
    assert "莫斌" in people and f"莫斌{verb}" not in people


def test_a_list_of_titled_names_at_the_results_briefing(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某酒业业绩说明会\n\n某某酒业于5月20日召开了2020年度业绩说明会,包括公司董事长李秋喜,总经理谭忠豹,"
        "独立董事张远堂,副总经理李俊及董秘王涛等在内的多位高管亲临现场。公司收入为100亿元。\n",
    )
    assert {"李秋喜", "谭忠豹", "张远堂", "李俊", "王涛"} <= set(people)
    assert "王涛等" not in people and "李俊及" not in people


def test_an_abbreviation_between_a_title_and_the_name(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某科技财报\n\n财报发布后,某某科技董事长兼首席执行官(CEO)谭思亮、联合首席财务官(CO-CFO)王静波"
        "等高管出席了随后举行的分析师电话会议。公司收入为10亿元。\n",
    )
    assert {"谭思亮", "王静波"} <= set(people)


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Vice President of Finance — Li Li", "Li Li", "副总裁"),
        ("Investor Relations Manager — Luhan Tang", "Luhan Tang", "投资者关系"),
        ("Rishi Basu - India & APAC Head - Corporate Communications", "Rishi Basu", "负责人"),
    ],
)
def test_roster_lines_with_a_titles_function_or_a_long_affiliation(line: str, name: str, role: str) -> None:
    from generator.extract.roster import roster_entry

    who = roster_entry(line)
    assert who is not None and (who.name, who.side, who.role) == (name, "management", role)


def test_an_attendee_list_after_another_field_on_its_line(tmp_path: Path) -> None:
    # the heading after another field, a title broken by a page's space, the list closed by 等
    people = people_of(
        tmp_path,
        "某某重工业绩解读会议纪要\n"
        "会议时间:2021 3 31 日 会议嘉宾:副总裁王小明(农机部负责人)、副总裁/财务总监刘强,副总 裁申柯,董秘陈静等\n"
        "1. 公司毛利率水平下降的原因?\n答:原材料价格上涨。\n",
    )
    assert {n: p.role for n, p in people.items() if p.side == "management"} == {
        "王小明": "副总裁",
        "刘强": "首席财务官",
        "申柯": "副总裁",
        "陈静": "董事会秘书",
    }


def test_a_name_and_title_with_a_space_keep_the_space(tmp_path: Path) -> None:
    people = people_of(
        tmp_path, "图左起:苏家碧 公司事务总监;梁国权 行政总裁;许亮华 财务总监\n公司公布全年业绩。\n"
    )
    assert {"苏家碧", "梁国权", "许亮华"} <= set(people)


def test_a_photo_caption_names_the_people_shown(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "某某石化公布中期业绩。\n左起 驻港代表林小明、董事长王治国、财务总监周美丽 王大伟摄\n公司上半年收入下降。\n",
    )
    assert {n: p.role for n, p in people.items()} == {"王治国": "董事会主席", "周美丽": "首席财务官"}


def test_a_day_word_after_a_titled_name(tmp_path: Path) -> None:
    people = people_of(tmp_path, "某某纸业执行董事及财务总监李伟强昨于业绩会中表示,经营利润率下降。\n")
    assert people["李伟强"].role == "首席财务官"
