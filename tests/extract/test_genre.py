"""What kind of source a text is (source.kind), from its head's words and its turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.genre import contract_kind, source_genre
from generator.extract.turns import source_kind, split_turns
from generator.source.read import read_source

PROSE = "公司第三季度收入为120亿元,同比增长10%,管理层表示对明年的增长有信心。"


def genre_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path, tmp_path)
    return source_genre(doc, source_kind(split_turns(doc), doc))


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("全文|某某汽车Q1业绩会实录:交付量将创新高", "transcript"),
        ("某某公司 Q2 2025 Earnings Call Transcript", "transcript"),
        ("某某集团2025年Q3业绩电话会议纪要", "minutes"),
        ("某某股份有限公司投资者关系活动记录表", "minutes"),
        ("某某公司三季度业绩会要点:利润率改善", "digest"),
        ("Earnings call: Some Cloud reports growth\nKey Takeaways", "digest"),
        ("某某银行业绩点评:息差企稳", "commentary"),
        ("文|张三\n某某公司的增长还能持续吗?", "commentary"),
        ("某某公司公布第三季度业绩 收入增长10%", "article"),
    ],
)
def test_head_words(tmp_path: Path, head: str, kind: str) -> None:
    assert genre_of(tmp_path, f"{head}\n{PROSE}\n") == kind


def test_word_inside_prose_is_not_a_heading(tmp_path: Path) -> None:
    # 纪要 and 点评 stand inside a long sentence, not in a heading: the page is news
    long = "某某公司公布第三季度业绩," + "收入同比增长10%," * 8 + "分析师在会议纪要中点评称利润率改善。"
    assert len(long) > 80
    assert genre_of(tmp_path, f"某某公司公布第三季度业绩\n{long}\n") == "article"


def test_operator_label_marks_a_transcript(tmp_path: Path) -> None:
    text = "欢迎参加某某公司2025年第一季度业绩电话会议。\nOperator\n大家好,欢迎参加本次会议。[操作员说明]\n张三\n谢谢。\n"
    assert genre_of(tmp_path, text) == "transcript"
    english = "Some Company Q1 results\nOperator: Good day, and welcome to the call.\n"
    assert genre_of(tmp_path, english) == "transcript"


def test_turn_shape_decides_when_the_head_is_silent(tmp_path: Path) -> None:
    digest = "某某公司业绩会\n问:云业务怎么看?\n答:我们很乐观。\n问:利润率呢?\n答:会改善。\n"
    assert genre_of(tmp_path, digest) == "digest"


def test_heading_words_win_over_marks(tmp_path: Path) -> None:
    # minutes often keep the host's label; the title says what the page is
    assert genre_of(tmp_path, "某某公司业绩会纪要\n主持人\n欢迎各位。\n") == "minutes"


def test_traditional_heading(tmp_path: Path) -> None:
    assert genre_of(tmp_path, f"某某公司法說會實錄\n{PROSE}\n") == "transcript"
    assert genre_of(tmp_path, f"某某公司業績會紀要\n{PROSE}\n") == "minutes"


@pytest.mark.parametrize(
    ("genre", "shape", "kind"),
    [
        ("minutes", "article", "digest"),
        ("commentary", "article", "article"),
        ("transcript", "article", "transcript"),
        ("minutes", "transcript", "transcript"),  # minutes under speakers' labels
        ("commentary", "digest", "digest"),
    ],
)
def test_contract_kind(genre: str, shape: str, kind: str) -> None:
    assert contract_kind(genre, shape) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a heading run into the body on one long line: its opening is read
        (
            "Financial Data and Key Metrics Changes - The company reported revenue of RMB1.49 billion, " * 3,
            "digest",
        ),
        ("投资评级 - 维持优于大市评级,合理估值上调 " + "收入同比增长10%," * 10, "commentary"),
        ("本報告內容使用 AI 技術,根據法說會之官方影音檔進行摘要整理 " + "收入同比增长10%," * 10, "digest"),
    ],
)
def test_a_heading_run_into_a_long_line(tmp_path: Path, line: str, kind: str) -> None:
    assert len(line) > 80
    assert genre_of(tmp_path, f"{line}\n{PROSE}\n") == kind


@pytest.mark.parametrize(
    "head",
    [
        "VNET Group, Inc.\n\nQ1 2031 Earnings Conference Call\n\n5/27/2031",
        "Apr 28, 2031 / 07:00AM GMT\nCorporate Participants\nRodney Liu\nIR Officer",
        "身份不明的发言人\n马智(轮值总裁)",
    ],
)
def test_a_transcripts_heading_or_participants_list(tmp_path: Path, head: str) -> None:
    assert genre_of(tmp_path, f"{head}\n{PROSE}\n") == "transcript"


def test_transcript_heading_below_a_quote_box(tmp_path: Path) -> None:
    text = (
        "Orvane Holdings Inc\nHKEX:9999\n\nWatchlist Manager\nOrvane Holdings Inc Logo\nOrvane Holdings Inc\n"
        "HKEX:9999\nWatchlist\nPrice: 24.6 HKD -1.2% Market Closed\n\nEarnings Call Transcript\n2030-Q3\n\n"
        "Thanks for management's attendance. Revenue rose 12%.\n"
    )
    assert genre_of(tmp_path, text) == "transcript"


def test_call_participants_heading_and_speaker_label(tmp_path: Path) -> None:
    fool = "DATE\n\nThursday, August 14, 2030\n\nCALL PARTICIPANTS\n\nChief Financial Officer — Eric Zhou\n"
    label = (
        "10/28/2030\n\nspeaker\nOkada\nCorporate Communications\n\nLadies and gentlemen, we'll now begin.\n"
    )
    assert genre_of(tmp_path, fool) == "transcript"
    assert genre_of(tmp_path, label) == "transcript"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("文丨某某财经 特约作者:张三\n某某公司上半年业绩回顾", "commentary"),
        ("某某公司的利润增速\n作者 | 李四", "commentary"),
        ("某某公司50%的净利润增速能延续多久?", "commentary"),
        ("某某公司50%的净利润增速能延续多久？", "commentary"),
        ("重點摘要\n- 某某公司第四季营收214亿元", "digest"),
    ],
)
def test_bylines_question_headlines_and_key_points(tmp_path: Path, head: str, kind: str) -> None:
    assert genre_of(tmp_path, f"{head}\n{PROSE}\n") == kind


def test_a_question_inside_the_prose_is_no_headline(tmp_path: Path) -> None:
    line = "某某公司公布第三季度业绩 收入增长10%"
    assert genre_of(tmp_path, f"{line}\n{PROSE}分析师问:明年收入增速如何?\n") == "article"


@pytest.mark.parametrize(
    "text",
    [
        # an exchange with neither analyst nor operator recognised: A, B, A holding the text
        "Sam Lee: Hi, good morning. I wanted to clarify your comment on deposits, please.\n"
        "Ann Poe: Yes. So, I think that we do have that, and you will see it next quarter.\n"
        "Sam Lee: Got it. Okay. And then maybe on the credit side, how do you see it?\n",
        # a manager's prepared remarks under the name over the title line
        "Ann Poe\nChief Financial Officer at Examplecorp\n"
        "Thank you, and good afternoon, everyone. This quarter, revenue was $6.9 billion, up 12%. "
        "Gross margin grew, and we keep investing in the cloud.\n",
    ],
)
def test_speakers_turns_holding_the_text_are_a_transcript(tmp_path: Path, text: str) -> None:
    assert genre_of(tmp_path, text) == "transcript"


def test_one_quote_under_a_name_amid_prose_stays_an_article(tmp_path: Path) -> None:
    text = (
        "Examplecorp reported third-quarter revenue of $6.9 billion on Tuesday, up 12% from a year ago, "
        "beating estimates. Shares rose 3% in late trading, and the company raised its outlook.\n"
        "Analysts said the cloud business drove the quarter, and margins held up despite costs.\n"
        "Ann Poe: We are pleased.\n"
        "The company will report again in January, when holiday sales are counted.\n"
    )
    assert genre_of(tmp_path, text) == "article"


@pytest.mark.parametrize(
    "head", ["某某集团-港股公司深度报告:战略布局引领价值转型", "证券研究报告 | 2025年09月16日 某某集团"]
)
def test_research_reports_are_commentary(tmp_path: Path, head: str) -> None:
    assert genre_of(tmp_path, f"{head}\n{PROSE}\n") == "commentary"
