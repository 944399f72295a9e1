"""English sources: speaker formats, prepared remarks and Q&A, analysts with firms, executives
quoted in releases, and the source language (the same contract as for Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.labels import parse_label
from generator.extract.summarize import summarize
from generator.extract.turns import qa_start, source_language, split_turns
from generator.model import Participant, Summary
from generator.source.read import read_source


def summary_of(tmp_path: Path, text: str) -> Summary:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return summarize(read_source(path, tmp_path))


def people_of(tmp_path: Path, text: str) -> dict[str, Participant]:
    return {p.name: p for p in summary_of(tmp_path, text).participants}


@pytest.mark.parametrize(
    ("label", "name", "side", "firm"),
    [
        ("Alicia Yap -- Citigroup -- Analyst", "Alicia Yap", "analyst", "花旗"),
        ("Alicia Yap, Citibank Analyst", "Alicia Yap", "analyst", "花旗"),
        ("Alicia Yap (Analyst)", "Alicia Yap", "analyst", None),
        ("John Doe -- Foo Capital -- Analyst", "John Doe", "analyst", "Foo Capital"),
    ],
)
def test_analyst_labels_with_their_firms(label: str, name: str, side: str, firm: str | None) -> None:
    parsed = parse_label(label)
    assert parsed is not None
    assert (parsed.who.name, parsed.who.side, parsed.who.firm) == (name, side, firm)


@pytest.mark.parametrize(
    ("label", "name", "role"),
    [
        ("Sidney Huang - JD.com, Inc. - CFO", "Sidney Huang", "首席财务官"),
        ("Leaf Li -- Chairman and Chief Executive Officer", "Leaf Li", "首席执行官"),
        ("Lydia Liu (Head of Investor Relations)", "Lydia Liu", "投资者关系"),
        ("Juan Lin - IR Director", "Juan Lin", "投资者关系"),
    ],
)
def test_management_labels_with_titles(label: str, name: str, role: str) -> None:
    parsed = parse_label(label)
    assert parsed is not None
    assert (parsed.who.name, parsed.who.side, parsed.who.role) == (name, "management", role)


def test_operator_label_with_a_note() -> None:
    parsed = parse_label("Operator (participant)")
    assert parsed is not None and parsed.kind == "operator"


@pytest.mark.parametrize(
    "text", ["Key Takeaways", "Market Cap", "Manager. Operator", "Second Quarter Highlights"]
)
def test_headings_and_sentence_ends_are_no_speakers(text: str) -> None:
    assert parse_label(text) is None


def test_long_dashed_labels_name_a_title_or_an_analyst() -> None:
    manager = parse_label(
        "Mary Brown - Example Harbour Holdings Ltd - Chief Executive Officer, Executive Director"
    )
    assert manager is not None
    assert (manager.who.name, manager.who.side, manager.who.role) == (
        "Mary Brown",
        "management",
        "首席执行官",
    )
    analyst = parse_label("Peter Kumar Jones - Morgan Stanley, Research Division - Managing Director")
    assert analyst is not None
    assert (analyst.who.name, analyst.who.side, analyst.who.firm) == (
        "Peter Kumar Jones",
        "analyst",
        "摩根士丹利",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mary Brown - she told the meeting that the harbour business grew strongly this year",
        "Mary Brown - Example Harbour Holdings Ltd, a company listed in Hong Kong since 1972",
        "Mary Brown - Example Harbour Holdings Ltd - Chief Executive Officer. Revenue rose 5% in the year",
    ],
)
def test_long_dashed_lines_without_a_title_are_no_labels(text: str) -> None:
    assert parse_label(text) is None


def test_a_heading_above_a_list_is_no_speaker(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Alibaba reported revenue growth for the quarter.\n"
        "Cloud Growth\n"
        "- Alibaba Cloud revenue reached RMB 24.3 billion, up 6%.\n"
        "Market Cap: 139B USD\n",
    )
    assert people == {}


def test_dash_markers_open_questions_and_answers(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "Q - Alicia Yap\nThanks for taking my question. How is the cloud business doing?\n"
        "A - Daniel Zhang\nThank you. Cloud revenue grew well this quarter.\n",
        encoding="utf-8",
    )
    turns = split_turns(read_source(path, tmp_path))
    assert [(t.kind, t.speaker) for t in turns] == [("question", "Alicia Yap"), ("answer", "Daniel Zhang")]


TRANSCRIPT = """\
Alibaba Group (BABA) Q2 2025 Earnings Call Transcript
Prepared Remarks
Operator: Good day, ladies and gentlemen. I would now like to turn the call over to Lydia Liu, Head of Investor Relations. Please go ahead.
Lydia Liu: Good day, everyone. With us are Joe Tsai, Chairman; Eddie Wu, Chief Executive Officer; Toby Xu, Chief Financial Officer. Now let me cover the safe harbor.
Eddie Wu: Our core businesses maintained steady growth this quarter. We will keep investing in AI and cloud going forward.
Toby Xu: Revenue grew 5% year-over-year to RMB 236.5 billion. We expect margins to improve next year.
Questions and Answers
Operator: Your first question comes from Alicia Yap of Citigroup. Please go ahead.
Alicia Yap: Thanks for taking my question. How do you think about the take rate next year?
Eddie Wu: Thank you, Alicia. We expect the take rate to keep improving as the software service fee rolls out.
Operator: The next question comes from Kenneth Fong of Credit Suisse.
Kenneth Fong: Could you talk about cloud growth?
Toby Xu: Cloud revenue will accelerate in the coming quarters, driven by AI demand from our customers.
"""


def test_english_transcript_end_to_end(tmp_path: Path) -> None:
    summary = summary_of(tmp_path, TRANSCRIPT)
    people = {p.name: p for p in summary.participants}
    assert summary.source.language == "en"
    assert summary.source.kind == "transcript"
    assert (people["Joe Tsai"].side, people["Joe Tsai"].role) == ("management", "董事会主席")
    assert people["Eddie Wu"].role == "首席执行官" and people["Toby Xu"].role == "首席财务官"
    assert (people["Alicia Yap"].side, people["Alicia Yap"].firm) == ("analyst", "花旗")
    assert (people["Kenneth Fong"].side, people["Kenneth Fong"].firm) == ("analyst", "瑞士信贷")
    assert [(q.asker, q.firm, q.answered_by) for q in summary.qa] == [
        ("Alicia Yap", "花旗", ["Eddie Wu"]),
        ("Kenneth Fong", "瑞士信贷", ["Toby Xu"]),
    ]
    assert summary.quotes and all(q.speaker in ("Eddie Wu", "Toby Xu") for q in summary.quotes)
    assert all(len(q.text) < 330 for q in summary.quotes)  # sentences, not whole paragraphs


def test_prepared_remarks_speakers_are_management(tmp_path: Path) -> None:
    text = (
        "Operator: Welcome to the call.\n"
        "Grace Chen: Thank you. We grew revenue this quarter, and can you believe it? We did.\n"
        "Q&A\n"
        "Operator: First question.\n"
        "Tom Lee: Thanks. What is the outlook? Can you share more?\n"
        "Grace Chen: We expect steady growth.\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path, tmp_path)
    assert qa_start(doc) == 3
    people = people_of(tmp_path, text)
    assert people["Grace Chen"].side == "management"
    assert people["Tom Lee"].side == "analyst"


def test_executives_quoted_in_releases(tmp_path: Path) -> None:
    iqiyi = people_of(
        tmp_path,
        "iQIYI Announces Second Quarter 2024 Financial Results\n"
        "“We delivered a series of blockbusters,” commented Mr. Yu Gong, Founder, Director, and "
        "Chief Executive Officer of iQIYI. “We keep investing.”\n"
        '"We remain confident in our ability to deliver," says CEO Micky Pant.\n'
        "Li Yanhong, CEO of Baidu, said that AI will change every business.\n",
    )
    assert iqiyi["Yu Gong"].role == "首席执行官" and iqiyi["Micky Pant"].role == "首席执行官"
    assert "Li Yanhong" not in iqiyi  # another company's CEO
    baidu = people_of(
        tmp_path,
        "Baidu released its results. Li Yanhong, CEO of Baidu, said that AI will change every business. "
        "Luo Rong, CFO of Baidu, said that investment will continue.\n"
        "CTO Xie Yan stated that the chip is being tested.\n",
    )
    assert baidu["Li Yanhong"].role == "首席执行官" and baidu["Luo Rong"].role == "首席财务官"
    assert baidu["Xie Yan"].role == "首席技术官"
    assert all(p.side == "management" for p in [*iqiyi.values(), *baidu.values()])


def test_a_titled_person_quoted_by_surname_speaks(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "The result is an achievement by chief executive officer Rick Tsai, who took over in 2017.\n"
        "Gross margin is to hover at about 40.5 percent this quarter, Tsai told an investors' teleconference.\n",
    )
    assert people["Rick Tsai"].role == "首席执行官"


def test_a_courtesy_form_is_no_participant_of_its_own(tmp_path: Path) -> None:
    alone = people_of(tmp_path, "Mr. Cook: There are no plans to be in all stores. We hope to expand.\n")
    assert alone == {}
    people = people_of(
        tmp_path,
        "Apple CEO Tim Cook said demand was strong.\n"
        "Mr. Cook says Greater China revenue had a record quarter.\n",
    )
    assert set(people) == {"Tim Cook"}
    assert "Mr. Cook" in people["Tim Cook"].aliases


def test_participant_lists_under_headings_without_colons(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Bilibili (BILI) Q2 2025 Earnings Call Transcript\n\n"
        "CALL PARTICIPANTS\n\n"
        "Chief Executive Officer — Rui Chen\n\n"
        "Chief Financial Officer — Sam Fan\n\n"
        "Analysts\n\n"
        "Alicia Yap -- Citigroup -- Analyst\n\n"
        "TAKEAWAYS\n\n"
        "Total net revenues-- Total net revenues were RMB 7.3 billion.\n",
    )
    assert (people["Rui Chen"].role, people["Sam Fan"].role) == ("首席执行官", "首席财务官")
    assert (people["Alicia Yap"].side, people["Alicia Yap"].firm) == ("analyst", "花旗")
    assert set(people) == {"Rui Chen", "Sam Fan", "Alicia Yap"}


def test_host_introduction_names_the_attendees(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Operator: Welcome to the Futu first quarter earnings call.\n"
        "Daniel Yuan: Thanks operator. Joining me on the call today are Mr. Leaf Li, Chairman and Chief "
        "Executive Officer; Arthur Chen, Chief Financial Officer; and Robin Xu, Senior Vice President.\n"
        "Leaf Li: Thank you all for joining our earnings call today. We added new funded accounts.\n",
    )
    assert {"Leaf Li", "Arthur Chen", "Robin Xu", "Daniel Yuan"} <= set(people)
    assert people["Arthur Chen"].role == "首席财务官" and people["Robin Xu"].role == "副总裁"
    assert people["Daniel Yuan"].role is None  # "Chief of Staff to CEO" would be no CEO either


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("阿里巴巴CEO吴泳铭(Eddie Wu)表示,淘天集团的客户管理收入同比增长9%。\n", "zh"),
        ("Baidu Chairman and CEO Li Yanhong (李彦宏) said that revenue was 33.6 billion yuan.\n", "en"),
        ("12345 67890\n", None),
    ],
)
def test_source_language_from_the_text(tmp_path: Path, text: str, language: str | None) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert source_language(read_source(path, tmp_path)) == language


def test_a_role_told_by_the_operator_makes_the_host_management(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Operator: I would now like to turn the meeting over to your host for today's conference, "
        "Sean Zhang, Director of Investor Relations. Please go ahead.\n"
        "Sean Zhang: Thank you. For today's call, CEO of JD.com, Ms. Sandy Xu will kick off with her "
        "opening remarks; and our CFO, Mr. Ian Shan, will discuss the financial results. Sandy, please?\n"
        "Sandy Xu: Thank you, Sean. We delivered a solid set of results this quarter.\n",
    )
    assert (people["Sean Zhang"].side, people["Sean Zhang"].role) == ("management", "投资者关系")
    assert people["Ian Shan"].role == "首席财务官" and people["Sandy Xu"].role == "首席执行官"


def test_courtesy_forms_in_chinese_are_aliases(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "主持人:欢迎参加名创优品业绩会。我们非常高兴邀请到创始人兼首席执行官叶国富先生,以及我们的首席财务官张先生参加本次电话会。\n"
        "叶国富:谢谢大家,本季度收入增长。叶先生在此感谢各位。\n",
    )
    assert "张先生" not in people
    assert "叶先生" in people["叶国富"].aliases


def test_headings_and_bylines_are_no_people(tmp_path: Path) -> None:
    text = (
        "Zephyr Group Reports Third Quarter 2024 Results\n"
        "EditorAhmed Abdulazez Abdulkadir\n"
        "Management Commentary:\n"
        "Jin Hui, CEO, emphasized the strategic expansion of the network.\n"
        "Net Income: Slight decline of 1% year over year.\n"
        "In This Article:\n"
    )
    people = people_of(tmp_path, text)
    assert "Jin Hui" in people
    assert not [n for n in people if "Commentary" in n or "Income" in n or "Article" in n or "Editor" in n]


def test_titles_joined_by_and_then_the_name(tmp_path: Path) -> None:
    text = (
        "CALL PARTICIPANTS\n\n"
        "Chairman and Chief Executive Officer — Haijun Wang\n\n"
        "Chief Financial Officer — Jianfeng Wu\n\n"
        "Operator: Good morning and welcome to the call.\n"
    )
    people = people_of(tmp_path, text)
    assert people["Haijun Wang"].side == "management"
    assert people["Haijun Wang"].role == "首席执行官"
    assert people["Jianfeng Wu"].role == "首席财务官"


def test_a_long_title_before_an_executives_name_in_prose(tmp_path: Path) -> None:
    text = (
        "Zephyr Pharma reported its interim results for the six months ended June 30, 2024.\n"
        "Zephyr’s Chief Executive Officer, Dr. Weiguo Su, highlighted the company’s achievements.\n"
    )
    people = people_of(tmp_path, text)
    assert people["Weiguo Su"].side == "management"
    assert people["Weiguo Su"].role == "首席执行官"


def test_an_analysts_list_keeps_firms_the_lexicon_does_not_know(tmp_path: Path) -> None:
    text = (
        "Zephyr Corp (ZPH) Q2 2024 Earnings Conference Call July 23, 2024\n\n"
        "Company Participants\n\n"
        "Jane Roe - CFO\n\n"
        "Conference Call Participants\n\n"
        "Luca Solca - Sanford Bernstein\n"
        "Rogerio Fujimori - Foo Research\n"
        "Thomas Chauvet - Citi\n\n"
        "Jane Roe\n\n"
        "Good afternoon and welcome to today's conference call.\n"
    )
    people = people_of(tmp_path, text)
    got = {n: (p.side, p.firm) for n, p in people.items() if p.side == "analyst"}
    assert got == {
        "Luca Solca": ("analyst", "伯恩斯坦"),
        "Rogerio Fujimori": ("analyst", "Foo Research"),
        "Thomas Chauvet": ("analyst", "花旗"),
    }


def test_digest_bullet_labels_are_no_speakers(tmp_path: Path) -> None:
    text = (
        "Zephyr Corp (ZPH) Q3 2024 Earnings Call Highlights\n"
        "China Comp Growth: Negative 11%\n"
        "Staff Costs: Decreased by 2% in Q3.\n"
        "Total CapEx: $1.2 billion for the quarter.\n"
        "Price Action: Zephyr shares traded lower by 1.06% premarket.\n"
        "Jane Roe: We had a good quarter.\n"
    )
    people = people_of(tmp_path, text)
    assert not {"China Comp Growth", "Staff Costs", "Total CapEx", "Price Action"} & set(people)


FLATTENED = (
    "Example Solar first quarter 2025 earnings call. Operator: Good day and welcome. I would now like "
    "to turn the call over to Mary Brown, IR Manager at Example Solar. Please go ahead. Mary Brown: "
    "Thank you, operator. Joining us today is our CEO. Peter Long: Thank you, Mary. Our team kept "
    "executing on its long-term strategy through a difficult first quarter for the industry. "
    "Anna Stone: Thanks, Peter. Our energy unit delivered strong results in the quarter.\n"
)


def test_a_dialogue_flattened_onto_one_line(tmp_path: Path) -> None:
    summary = summary_of(tmp_path, FLATTENED)
    people = {p.name: p for p in summary.participants}
    assert set(people) == {"Mary Brown", "Peter Long", "Anna Stone"}
    assert all(p.side == "management" for p in people.values())
    # the quote is its speaker's own sentence, not given to the turn before it on the line
    assert [q.speaker for q in summary.quotes if "strategy" in q.text] == ["Peter Long"]


def test_one_name_and_colon_inside_prose_is_no_speaker(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Example Solar reported revenue growth for the quarter. Mary Brown: the company's "
        "investor relations head, said the results were strong. Revenue rose 5% to $1.1 billion.\n",
    )
    assert people == {}


def test_an_inline_answer_marker_naming_the_answerer_and_title(tmp_path: Path) -> None:
    summary = summary_of(
        tmp_path,
        "Q & A Highlights\n\n"
        "Q: Can you provide insights on the market share trends for October? A: Peter Long Wing Tat, CFO,\n",
    )
    people = {p.name: p for p in summary.participants}
    assert (people["Peter Long Wing Tat"].side, people["Peter Long Wing Tat"].role) == (
        "management",
        "首席财务官",
    )
    assert [q.answered_by for q in summary.qa] == [["Peter Long Wing Tat"]]


def test_a_long_label_without_a_dash_between_name_and_firm() -> None:
    parsed = parse_label("Peter Kumar Jones Morgan Stanley, Research Division - MD")
    assert parsed is not None
    assert (parsed.who.name, parsed.who.side, parsed.who.firm) == (
        "Peter Kumar Jones",
        "analyst",
        "摩根士丹利",
    )
    # without a firm of the lexicon there is no telling where the name ends: no label
    assert parse_label("Mary Brown Example Harbour Holdings Limited - Founder, Chairman & CEO") is None


def test_a_title_then_a_name_that_pointed_out(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Example Airways reported a profit for the half year. Chairman Peter Long pointed out that a "
        "strong US dollar would weigh on the company, but low fuel cost could offset some of the impact.\n",
    )
    assert (people["Peter Long"].side, people["Peter Long"].role) == ("management", "董事会主席")


def test_a_chief_commercial_officer_quoted_in_prose(tmp_path: Path) -> None:
    people = people_of(
        tmp_path,
        "Example Airways reported a profit for the half year. Peter Long, Chief Customer and Commercial "
        "Officer, said that inbound passenger numbers would likely decline in the next two months.\n",
    )
    assert (people["Peter Long"].side, people["Peter Long"].role) == ("management", "首席商务官")


def test_a_name_over_its_title_line_opens_a_turn(tmp_path: Path) -> None:
    text = (
        "Jane Roe\n"
        "Executive Vice President and Chief Financial Officer at Examplesoft\n"
        "Thank you, and good afternoon, everyone. This quarter, revenue was $6.9 billion, up 12%.\n"
    )
    people = people_of(tmp_path, text)
    assert "Jane Roe" in people
    assert (people["Jane Roe"].side, people["Jane Roe"].role) == ("management", "首席财务官")
    turns = split_turns(read_source(tmp_path / "t.txt", tmp_path))
    assert [t.speaker for t in turns] == ["Jane Roe"]
    assert [n for n, _ in turns[0].body] == [3]  # the title line is the label's, not speech


def test_a_title_line_without_speech_after_it_is_no_label(tmp_path: Path) -> None:
    text = "Jane Roe\nChief Financial Officer\nhttp://example.com/photo\n"
    assert split_turns_of(tmp_path, text) == []


def split_turns_of(tmp_path: Path, text: str) -> list:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return split_turns(read_source(path, tmp_path))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We expect a better margin," said Examplecorp CEO Peter Vandermeer.', "Peter Vandermeer"),
        ('"We keep improving," comments CEO Börje Lindqvist in a press release.', "Börje Lindqvist"),
        ("We see it clearly, says Börje Lindqvist to the news agency.", "Börje Lindqvist"),
        ("Examplecorp's outlook is firm, said Sam Ortega in a statement.", "Sam Ortega"),
    ],
)
def test_executives_quoted_after_the_verb(tmp_path: Path, text: str, name: str) -> None:
    people = people_of(tmp_path, "Examplecorp reported third-quarter results on Tuesday.\n" + text + "\n")
    assert name in people and people[name].side == "management"


def test_an_abbreviations_full_stop_ends_no_sentence_of_a_hosts_list(tmp_path: Path) -> None:
    text = (
        "Operator: Welcome to the call.\n"
        "Hello, everyone. Joining us on today's call will be Examplecorp, Inc. President and CEO, "
        "Jane Roe; and our Chief Financial Officer, Sam Ortega. We are sitting in one room.\n"
    )
    people = people_of(tmp_path, text)
    assert {"Jane Roe", "Sam Ortega"} <= set(people)
    assert people["Sam Ortega"].role == "首席财务官"


def test_a_participant_list_whose_line_breaks_were_lost(tmp_path: Path) -> None:
    text = (
        "Examplecorp Q3 2024 Earnings Call Transcript\n"
        "Executives: Jane Roe - IR Sam Ortega - CEO Lee Grant - CFO Max Stone - President, Cloud Group\n"
        "Analysts\n"
        ": Kirk Doe - Evercore ISI Charles Poe - Credit Suisse Ann Lowe - Northwind Capital Stacy Bell -\n"
        "JPMorgan\n"
        "Operator: Welcome to the call.\n"
    )
    people = people_of(tmp_path, text)
    assert {n: p.role for n, p in people.items() if p.side == "management"} == {
        "Jane Roe": "投资者关系",
        "Sam Ortega": "首席执行官",
        "Lee Grant": "首席财务官",
        "Max Stone": "总裁",
    }
    analysts = {n: p.firm for n, p in people.items() if p.side == "analyst"}
    assert analysts == {
        "Kirk Doe": "Evercore",
        "Charles Poe": "瑞士信贷",
        "Ann Lowe": "Northwind Capital",
        "Stacy Bell": None,
    }


def test_dashes_in_prose_are_no_flattened_list(tmp_path: Path) -> None:
    text = "Revenue grew - as expected - in the quarter - said the company - and margins held.\n"
    assert people_of(tmp_path, text) == {}
