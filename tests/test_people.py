"""Participants: one entry per person, roles and firms, passing mentions left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Document, Participant
from generator.read import read_source
from generator.summarize import summarize
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
