"""Line cleaning: escapes, markup, pinyin, boilerplate, and the simplified/half-width norm."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import SummaryError
from generator.model import Document, Line
from generator.source import chinese
from generator.source.clean import Cleaned, clean_syntax
from generator.source.read import normalise, read_source


def clean(text: str) -> Cleaned:
    return clean_syntax(Cleaned.of(text))


def read_text(tmp_path: Path, text: str, name: str = "call.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(path)


def as_line(original: str, cleaned: Cleaned) -> Line:
    return Line(1, original, cleaned.text, normalise(cleaned.text), cleaned.origin)


# --- pinyin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "text", "word", "verbatim"),
    [
        ("營(yíng)收為2,218.74億元", "營收為2,218.74億元", "營收", "營(yíng)收"),
        ("营（yíng）收同比增长7%", "营收同比增长7%", "营收", "营（yíng）收"),
        ("阿里的营(yíng shou)收", "阿里的营收", "营收", "营(yíng shou)收"),
        ("蔡崇信(Cài Chóngxìn)表示", "蔡崇信表示", "信表", "信(Cài Chóngxìn)表"),
    ],
)
def test_pinyin_gloss_is_removed_and_evidence_slices_back_verbatim(
    original: str, text: str, word: str, verbatim: str
) -> None:
    line = as_line(original, clean(original))
    assert line.text == text
    start = line.text.index(word)
    assert line.original_slice(start, start + len(word)) == verbatim


@pytest.mark.parametrize(
    "text",
    [
        "吴泳铭(CEO)表示",
        "刘湘雯(Lidia Liu)认为",
        "净利润为1574.79亿元(注:阿里巴巴财年与自然年不同步)",
        "大模型（llm）应用",
        "收入增长(yoy)",
        "见附录(a)",
        "résumé (café) and naïve",
    ],
)
def test_brackets_that_are_not_pinyin_stay(text: str) -> None:
    assert clean(text).text == text


# --- literal markup and escapes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "text"),
    [
        ("\\u003cp\\u003e营收同比增长7%\\u003c/p\\u003e", "营收同比增长7%"),
        ("第一段\\n\\n第二段", "第一段第二段"),
        ("revenue\\ngrew 7%", "revenue grew 7%"),
        ("营收&nbsp;2218.74亿元&amp;净利润", "营收 2218.74亿元&净利润"),
        ("<p>营收增长</p><br/>利润<BR>下滑", "营收增长利润下滑"),
        ('<span style="color:red">重点</span>内容', "重点内容"),
        ("\\u4e2d\\u6587 \\ud83d\\ude00", "中文 😀"),
        ("零宽\u200b字符\ufeff", "零宽字符"),
        ("**营收**同比增长", "营收同比增长"),
        ("## 第四财季业绩", "第四财季业绩"),
        ("> 引用的话", "引用的话"),
        ("详见[阿里巴巴财报](https://example.com/a)的数据", "详见阿里巴巴财报的数据"),
    ],
)
def test_literal_markup_is_cleaned_with_verbatim_origins(original: str, text: str) -> None:
    cleaned = clean(original)
    assert cleaned.text == text
    line = as_line(original, cleaned)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert line.original_slice(start, end) in original


@pytest.mark.parametrize(
    "text", ["营收<10亿元", "a < b > c", "<script>alert(1)</script>", "x &unknown; y", "5 ** 2"]
)
def test_text_that_only_looks_like_markup_stays(text: str) -> None:
    assert clean(text).text == text


# --- boilerplate ----------------------------------------------------------------------------

BOILERPLATE = [
    "安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址",
    "海量资讯、精准解读，尽在新浪财经APP",
    "下载APP",
    "新浪首页 语音播报 相关新闻 返回顶部",
    "返回顶部",
    "收起",
    "加载中...",
    "责任编辑：张三",
    "编辑/校对：李四",
    "(责任编辑：王晓_NF5619)",
    "  • 04-29 瑞迪智驱 301596 25.92",
    "[https://picx.zhimg.com/50/v2-abc_720w.jpg?source=1940ef5c]",
    "![图片](https://img.example.com/a.png)",
    "https://www.example.com/news/123.html",
    "## 本答案原始链接: https://www.zhihu.com/question/1/answer/",
    "### 大概简介: undefined",
    "----------------------------------------",
    "风险警示：文中内容都有其特定立场，投资有风险，交易需谨慎。",
    "免责声明：本文仅供参考，不构成投资建议。",
    "风险提示及免责条款",
    "市场有风险，投资需谨慎。",
    "24小时滚动播报最新的财经资讯和视频，更多粉丝福利扫描二维码关注(sinafinance)",
    "关注智通财经公众号",
    "股市回暖，抄底炒股先开户！智能定投、条件单、个股雷达……送给你>>",
    "首页 > 财经 > 正文",
    "图片来源：视觉中国",
    "版权所有 © 某某网 All Rights Reserved",
    "專題：阿里巴巴第四財季營收2218.74億元",
    "責任編輯：劉明亮",
]


def test_each_kind_of_boilerplate_line_is_emptied_and_keeps_its_number(tmp_path: Path) -> None:
    content = "阿里巴巴第四财季营收为2218.74亿元，同比增长7%。"
    lines = [x for b in BOILERPLATE for x in (content, b)]
    doc = read_text(tmp_path, "\n".join(lines) + "\n")
    assert len(doc.lines) == len(lines)
    for number, (line, original) in enumerate(zip(doc.lines, lines, strict=True), 1):
        assert line.number == number and line.original == original
        if original == content:
            assert line.text == content
        else:
            assert line.text == "", original


@pytest.mark.parametrize(
    "text",
    [
        "智通财经APP获悉，阿里巴巴公布2024财年第四财季业绩，营收同比增长7%。",
        "淘宝APP 6月日均DAU达4.02亿，MAU达8.87亿。",
        "公司表示，下载量同比增长20%，编辑器产品的用户数持续提升。",
        "吴泳铭(CEO)：编辑和校对工作将由AI完成一部分。",
        "徐宏：我们对投资有风险意识，但会坚持长期投入。",
        "关于股东回报，我们会继续回购。",
        "分析师问：云业务的利润率展望如何？",
        "Q1: 618以后消费的趋势",
        "来源：华尔街见闻",
        "2024年05月14日 23:19 新浪科技",
        "吴泳铭：",
        "(完)",
    ],
)
def test_content_that_resembles_boilerplate_is_kept(tmp_path: Path, text: str) -> None:
    doc = read_text(tmp_path, f"标题\n{text}\n正文的最后一句话很长，说明文章到这里就结束了。\n")
    assert doc.line(2).text == text


def test_related_links_block_is_dropped_up_to_the_next_paragraph(tmp_path: Path) -> None:
    text = (
        "第一段正文，营收同比增长7%。\n"
        "相关阅读\n"
        "阿里巴巴发布新一季财报\n"
        "\n"
        "淘天集团客户管理收入增长\n"
        "第二段正文：管理层表示将继续加大对云业务和人工智能的投入，并保持股东回报。\n"
        "短标题\n"
    )
    doc = read_text(tmp_path, text)
    assert [ln.text != "" for ln in doc.lines] == [True, False, False, False, False, True, True]


def test_page_chrome_after_the_editor_credit_is_dropped(tmp_path: Path) -> None:
    text = "正文最后一段，营收同比增长7%。(完)\n责任编辑：刘明亮\n阿里\nAPP专享直播\n股市直播\n7X24小时\n"
    doc = read_text(tmp_path, text)
    assert [ln.text for ln in doc.lines] == ["正文最后一段，营收同比增长7%。(完)", "", "", "", "", ""]


def test_an_editor_credit_before_the_article_does_not_swallow_it(tmp_path: Path) -> None:
    text = "责任编辑：刘明亮\n蔡崇信：\n我们对未来充满信心，营收会继续增长。\n徐宏：\n谢谢。\n"
    doc = read_text(tmp_path, text)
    assert [ln.text for ln in doc.lines] == [
        "",
        "蔡崇信：",
        "我们对未来充满信心，营收会继续增长。",
        "徐宏：",
        "谢谢。",
    ]


def test_users_can_extend_the_boilerplate_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "lexicons"
    extra.mkdir()
    (extra / "boilerplate.yaml").write_text(
        "line:\n  house_ads:\n    - '^本站自定义广告'\n", encoding="utf-8"
    )
    monkeypatch.setenv("GENERATOR_LEXICONS", str(extra))
    doc = read_text(tmp_path, "本站自定义广告：欢迎订阅\n责任编辑：张三\n营收增长。\n")
    assert [ln.text for ln in doc.lines] == ["", "", "营收增长。"]


def test_invalid_user_pattern_is_reported_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "bad"
    extra.mkdir()
    (extra / "boilerplate.yaml").write_text("line:\n  broken:\n    - '(unclosed'\n", encoding="utf-8")
    monkeypatch.setenv("GENERATOR_LEXICONS", str(extra))
    with pytest.raises(SummaryError, match=r"line\.broken\[0\]"):
        read_text(tmp_path, "营收增长。\n")


# --- Chinese normalisation ------------------------------------------------------------------


def test_norm_is_simplified_and_half_width(tmp_path: Path) -> None:
    doc = read_text(tmp_path, "營收為2,218.74億元（同比增長7％）：淨利潤\n")
    line = doc.line(1)
    assert line.text == "營收為2,218.74億元（同比增長7％）：淨利潤"
    assert line.norm == "营收为2,218.74亿元(同比增长7%):净利润"


def test_to_simplified_keeps_punctuation_and_length() -> None:
    assert chinese.to_simplified("吳泳銘：雲業務（AI）") == "吴泳铭：云业务（AI）"
    assert chinese.normalise("ＡＢＣ１２３　，。") == "ABC123 ,。"


@given(st.text())
def test_normalisation_never_changes_length(text: str) -> None:
    assert len(chinese.normalise(text)) == len(text)
    assert len(chinese.to_simplified(text)) == len(text)
    assert len(normalise(text)) == len(text)


@given(st.text())
def test_cleaning_any_text_keeps_verbatim_origins(text: str) -> None:
    for original in text.splitlines() or [text]:
        cleaned = clean(original)
        assert len(cleaned.origin) == len(cleaned.text)
        assert list(cleaned.origin) == sorted(cleaned.origin)
        assert all(0 <= o < len(original) for o in cleaned.origin)


@pytest.mark.parametrize(
    ("original", "text"),
    [
        ("*本文为个人整理的会议纪要。*", "本文为个人整理的会议纪要。"),
        ("| --- | :---: | ---: |", ""),
        ("[TOC]", ""),
        ("营收增长<!-- 更新记录：补充 -->。", "营收增长。"),
        ("| 净收入 | 262.1 亿元 | -3.9% |", "| 净收入 | 262.1 亿元 | -3.9% |"),
        ("2*3*4 = 24", "2*3*4 = 24"),
    ],
)
def test_more_markdown_syntax(original: str, text: str) -> None:
    assert clean(original).text == text


def test_reader_comments_after_their_heading_are_dropped(tmp_path: Path) -> None:
    text = (
        "公司本季度营收为120亿元，同比增长9%。\n"
        "网友评论（12）\n"
        "股海小白：营收300亿元，太强了。\n"
        "老李2024-05-01 10:20：明年利润翻倍吧\n"
        "赞 8\n"
        "本季度公司在海外市场的业务发展良好，管理层对全年的增长保持信心。\n"
    )
    doc = read_text(tmp_path, text)
    assert [ln.text != "" for ln in doc.lines] == [True, False, False, False, False, True]


def test_a_speaker_line_without_a_comment_heading_stays(tmp_path: Path) -> None:
    text = "评论\n王强：我们本季度营收为120亿元。\n"
    doc = read_text(tmp_path, text)
    assert doc.lines[1].text == "王强：我们本季度营收为120亿元。"


def test_bulleted_related_links_are_dropped_even_with_a_full_width_dot(tmp_path: Path) -> None:
    text = (
        "正文：公司本季度营收为120亿元。\n延伸閱讀\n"
        "． 某公司10月營收50億元 月增3%\n・ 另一家公司法說會：營收估季減\n"
    )
    doc = read_text(tmp_path, text)
    assert [ln.text != "" for ln in doc.lines] == [True, False, False, False]
