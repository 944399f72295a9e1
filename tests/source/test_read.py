"""Stage 1: reading source files into line-numbered Documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import SourceError
from generator.model import Document
from generator.source.read import SOURCE_SUFFIXES, display_path, read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"
SEEDS = Path(__file__).resolve().parents[2] / "content" / "transcripts" / "alibaba"

SIMPLIFIED = "阿里巴巴第四财季营收为2218.74亿元，同比增长7%。\n吴泳铭：我们对云业务的增长充满信心。\n"
TRADITIONAL = "阿里巴巴第四財季營收為2218.74億元，同比增長7%。\n吳泳銘：我們對雲業務的增長充滿信心。\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
        (TRADITIONAL, TRADITIONAL.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "big5", "utf-16-bom"],
)
def test_each_encoding_decodes_to_the_same_lines(
    tmp_path: Path, text: str, data: bytes, encoding: str
) -> None:
    doc = read_source(write(tmp_path, "call.txt", data))
    assert doc.encoding == encoding
    assert [ln.original for ln in doc.lines] == text.splitlines()
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_traditional_text_in_gbk_range_is_still_read_as_big5(tmp_path: Path) -> None:
    # Big5 bytes always decode as GB18030 too; the common-character score must pick Big5.
    text = "董事會主席蔡崇信表示，集團將繼續專注於核心業務，並且擴大雲計算的投入。"
    doc = read_source(write(tmp_path, "tw.txt", text.encode("big5")))
    assert doc.encoding == "big5"
    assert doc.lines[0].original == text


def test_utf8_cut_in_the_middle_of_a_character_is_still_utf8(tmp_path: Path) -> None:
    data = ("阿里巴巴第四财季营收为2218.74亿元，同比增长7%。" * 3).encode("utf-8")[:-1]
    doc = read_source(write(tmp_path, "cut.txt", data))
    assert doc.encoding == "utf-8"
    assert doc.lines[0].original.endswith("\ufffd")
    assert doc.lines[0].original.startswith("阿里巴巴第四财季营收")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \r\n\t\n", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b"abc\x00def\x00" * 10, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 20 + b"text", "binary"),
        (b"caf\xe9 au lait", "cannot decode"),
        (bytes(range(0x80, 0x100)), "cannot decode"),
    ],
    ids=["empty", "whitespace", "bom-only", "nul", "pdf", "png", "controls", "latin-1", "high-bytes"],
)
def test_unreadable_files_raise_one_clear_source_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(SourceError) as info:
        read_source(path, root=tmp_path)
    assert message in info.value.message
    assert str(info.value).startswith("bad.txt: ")
    assert "\n" not in str(info.value)


def test_missing_file_and_unknown_suffix_raise_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(SourceError, match="unsupported file type"):
        read_source(write(tmp_path, "call.pdf", "营收增长"))


def test_display_path_is_relative_to_root_with_forward_slashes(tmp_path: Path) -> None:
    path = write(tmp_path, "call.md", "营收")
    assert display_path(path, tmp_path) == "call.md"
    assert display_path(path, tmp_path / "elsewhere") == path.as_posix()
    assert read_source(path, root=tmp_path).path == "call.md"


# --- line numbering -------------------------------------------------------------------------


def test_every_line_is_kept_with_its_number_whatever_the_line_breaks(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r第三行\n\n第五行".encode()
    doc = read_source(write(tmp_path, "breaks.txt", data))
    assert [ln.number for ln in doc.lines] == [1, 2, 3, 4, 5]
    assert doc.line(5).text == "第五行"
    assert doc.line(4).text == ""


def test_title_is_the_first_meaningful_line(tmp_path: Path) -> None:
    text = "-----\n\n## 阿里巴巴业绩会实录\n正文内容很长。\n"
    assert read_source(write(tmp_path, "t.md", text)).title == "阿里巴巴业绩会实录"
    long = "业绩全面超预期，财报公布后，阿里巴巴美股盘前涨近5%。" + "后面还有很长的一段评论文字，" * 5 + "\n"
    assert (
        read_source(write(tmp_path, "l.txt", long)).title
        == "业绩全面超预期，财报公布后，阿里巴巴美股盘前涨近5%。"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "明報記者 邱潤青\n\n上半年泡泡瑪特經調整純利47.1億元。\n",
            "上半年泡泡瑪特經調整純利47.1億元。",
        ),  # byline
        ("本報記者 杜雨萌\n紫金礦業發布2021年一季度業績公告。\n", "紫金礦業發布2021年一季度業績公告。"),
        (
            "北京日报客户端 | 记者 袁璐\n新东方公布2023财年第一季度业绩。\n",
            "新东方公布2023财年第一季度业绩。",
        ),
        ("撰文| 文烨豪\n\n网易有道发布了2025年第四季度财报。\n", "网易有道发布了2025年第四季度财报。"),
        ("作者 | 秦酒\n陈玉卿出任复星医药董事长\n", "陈玉卿出任复星医药董事长"),
        ("來源:財華社\n\n舜宇光學科技公佈中期業績。\n", "舜宇光學科技公佈中期業績。"),  # source credit
        ("Operator\n感谢各位参加新东方业绩电话会议。\n", "感谢各位参加新东方业绩电话会议。"),  # speaker label
        ("主持人:\n携程2017年第四季度财报电话会议\n", "携程2017年第四季度财报电话会议"),
        ("Operator (participant)\nAlibaba Group Earnings Call\n", "Alibaba Group Earnings Call"),
        (
            "中文翻译\n显示英文\n\nOperator\n\n携程2017年第四季度财报电话会议\n",
            "携程2017年第四季度财报电话会议",
        ),
        ("网易首页 > 网易号 > 正文\n网易2024Q3业绩会纪要\n", "网易2024Q3业绩会纪要"),  # breadcrumb
        ("只有登录用户才可以评论\n网易2024Q3业绩会纪要\n", "网易2024Q3业绩会纪要"),  # comment prompt
        (
            "Sign in\n\nYou're signed outSign in or to get full access.\n\nBilibili - Q1 2023\n",
            "Bilibili - Q1 2023",
        ),
        ("omniture\n\n藥明康德發布2019年度報告\n", "藥明康德發布2019年度報告"),  # widget words
        (
            "close\npreloader icon\nLOGO\n唯品會公佈2021年第三季度財務業績\n",
            "唯品會公佈2021年第三季度財務業績",
        ),
        ("(資料圖片僅供參考)\n愛爾眼科披露2023年半年度報告\n", "愛爾眼科披露2023年半年度報告"),  # caption
        (
            " date 2025-08-22 快訊\n國泰金法說會／李長庚：股利盼維持\n",
            "國泰金法說會／李長庚：股利盼維持",
        ),  # dateline
        ("主营业务:\n奇富科技是一家信贷科技平台。\n", "奇富科技是一家信贷科技平台。"),  # heading with a colon
        ("Workflow\n搜索文档\n虎牙2022年第三季度业绩会\n", "虎牙2022年第三季度业绩会"),  # a viewer's words
        ("Generic selectors\nExact matches only\nSearch in title\n聯發科法說會\n", "聯發科法說會"),
        ("身份不明的发言人\n好的,谢谢大家。\n", "好的,谢谢大家。"),  # a speaker the transcript could not name
        ("Unidentified Speaker\nThank you all for joining.\n", "Thank you all for joining."),
    ],
)
def test_title_is_never_chrome_a_byline_or_a_speaker_label(tmp_path: Path, text: str, title: str) -> None:
    assert read_source(write(tmp_path, "t.txt", text)).title == title


def test_a_headline_that_merely_mentions_a_reporter_or_a_source_is_still_the_title(tmp_path: Path) -> None:
    for headline in (
        "记者手记:阿里巴巴业绩会上的三个细节",
        "原标题:华虹半导体低开10% 第四季度溢利同比下降46.53% 来源:格隆汇",
        "Operator commentary: Alibaba Q3 2025 earnings",
        "主持人李宁信心满满,业绩会上表示充满憧憬",
    ):
        assert read_source(write(tmp_path, "h.txt", headline + "\n正文。\n")).title == headline


def test_an_html_title_that_is_chrome_gives_way_to_the_first_meaningful_line(tmp_path: Path) -> None:
    page = "<html><head><title>omniture</title></head><body>\n<p>阅文集团公布2023年年度业绩</p>\n</body></html>\n"
    assert read_source(write(tmp_path, "p.html", page)).title == "阅文集团公布2023年年度业绩"


# --- HTML -----------------------------------------------------------------------------------


def test_html_keeps_one_line_per_original_line_and_only_visible_text() -> None:
    path = FIXTURES / "finance_article.html"
    doc = read_source(path)
    raw = path.read_text(encoding="utf-8").splitlines()
    assert len(doc.lines) == len(raw)
    every = "\n".join(ln.text for ln in doc.lines)
    for hidden in ("window.__DATA__", "不应出现", "line-height", "document.write", "广告", "首页", "正文"):
        assert hidden not in every
    assert "<" not in every and "&" + "nbsp;" not in every
    # a content line stays on its own line number, with entities decoded
    number = next(i for i, line in enumerate(raw, 1) if "季度营收为" in line)
    assert (
        doc.line(number).text
        == "某公司（NASDAQ: XYZ）公布第三季度财报。季度营收为 1,234.5亿元，同比增长12%。"
    )
    assert "“我们的经营利润率提升了2个百分点。”" in every
    assert "海外业务的增速如何？" in every
    assert "营收&利润双增长，R&D投入占比10%。" in every


def test_html_title_drops_the_site_name() -> None:
    doc = read_source(FIXTURES / "finance_article.html")
    assert doc.title == "某公司第三季度业绩会实录：营收同比增长12%"


def test_html_boilerplate_after_the_article_is_dropped() -> None:
    doc = read_source(FIXTURES / "finance_article.html")
    every = "\n".join(ln.text for ln in doc.lines)
    for chrome in ("责任编辑", "相关阅读", "某公司发布新品", "行业观察", "版权所有", "图片来源"):
        assert chrome not in every


def test_html_evidence_slices_back_to_verbatim_markup(tmp_path: Path) -> None:
    page = "<html><body>\n<p>营收为&nbsp;<b>2,218.74</b>亿元，同比增长7%</p>\n</body></html>\n"
    line = read_source(write(tmp_path, "p.html", page)).line(2)
    assert line.text == "营收为 2,218.74亿元，同比增长7%"
    start = line.text.index("2,218")
    span = line.original_slice(start, line.text.index("%") + 1)
    assert span == "2,218.74</b>亿元，同比增长7%"
    assert span in line.original
    assert len(line.origin or ()) == len(line.text)


def test_script_in_html_is_removed_but_literal_script_in_text_is_data(tmp_path: Path) -> None:
    snippet = "<script>alert('x')</script>"
    html_doc = read_source(write(tmp_path, "a.html", f"<p>营收增长</p>\n{snippet}\n<p>完</p>\n"))
    assert "alert" not in "".join(ln.text for ln in html_doc.lines)
    text_doc = read_source(write(tmp_path, "a.txt", f"有人在评论里写了 {snippet} 这样的代码。\n"))
    assert snippet in text_doc.line(1).text


def test_saved_web_page_with_txt_suffix_is_read_as_html(tmp_path: Path) -> None:
    doc = read_source(
        write(
            tmp_path,
            "page.txt",
            "<!DOCTYPE html>\n<html><head><title>标题</title></head>\n<body><p>正文</p></body></html>",
        )
    )
    assert doc.title == "标题"
    assert [ln.text for ln in doc.lines] == ["", "", "正文"]


def test_unclosed_and_broken_html_still_reads(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "b.htm", "<p>营收 &#xZZ; & < 5% <div class='x\n第二行</p><!-- x"))
    assert doc.line(1).text.startswith("营收")
    assert len(doc.lines) == 2


# --- seeds ----------------------------------------------------------------------------------


def seed(name: str) -> Document:
    return read_source(SEEDS / name)


def lines_containing(doc: Document, needle: str) -> list[int]:
    found = [ln.number for ln in doc.lines if needle in ln.original]
    assert found, f"{needle!r} not in {doc.path}"
    return found


@pytest.mark.parametrize(
    ("name", "boilerplate"),
    [
        (
            "2024-05-14_fy2024-q4_sina-call-transcript.txt",
            ["责任编辑", "瑞迪智驱 301596", "宏鑫科技 301539", "安装新浪财经客户端", "尽在新浪财经APP",
             "返回顶部", "扫描二维码关注", "热门推荐", "VIP课程推荐", "加载中", "送给你>>"],
        ),
        (
            "2023-08-10_fy2024-q1_qa-digest.txt",
            ["picx.zhimg.com", "pic1.zhimg.com", "风险警示", "本答案原始链接", "大概简介", "-----"],
        ),
    ],
)  # fmt: skip
def test_seed_boilerplate_lines_come_out_empty(name: str, boilerplate: list[str]) -> None:
    doc = seed(name)
    assert len(doc.lines) == len((SEEDS / name).read_text(encoding="utf-8").splitlines())
    for needle in boilerplate:
        for number in lines_containing(doc, needle):
            assert doc.line(number).text == "", (needle, number)


SINA = "2024-05-14_fy2024-q4_sina-call-transcript.txt"
DIGEST = "2023-08-10_fy2024-q1_qa-digest.txt"
COMMENTARY = "2025-02_fy2025-q3_call-commentary.txt"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (SINA, ["第四财季,营收为2218.74亿元,同比增长7%", "净利润为713.32亿元", "分析师Kenneth Fong", "(完)"]),
        (
            DIGEST,
            [
                "阿里巴巴第一财季营收为2341.56亿元",
                "MAU（月活跃用户数）达8.87亿",
                "Q7:怎么看",
                "来源：华尔街见闻",
            ],
        ),
        (
            COMMENTARY,
            ["阿里营收为 2801.54 亿元", "云智能集团收入 317.42 亿", "从上季度的 565.4 亿元下降 31%"],
        ),
    ],
)
def test_seed_content_lines_are_kept_intact(name: str, content: list[str]) -> None:
    doc = seed(name)
    for needle in content:
        for number in lines_containing(doc, needle):
            line = doc.line(number)
            assert line.text == line.original
            assert line.origin is None


def test_seed_inline_link_is_removed_and_evidence_stays_verbatim() -> None:
    doc = seed("2023-08-10_fy2024-q1_qa-digest.txt")
    [number] = lines_containing(doc, "zhihu.com/search")
    line = doc.line(number)
    assert "国际数字商业、大文娱" in line.text and "http" not in line.text
    start = line.text.index("国际数字")
    assert line.original_slice(start, start + 4) == "国际数字"
    assert line.original_slice(start + 4, start + 6) == "商业"


def test_seed_traditional_characters_are_simplified_in_norm_only() -> None:
    doc = seed("2025-02_fy2025-q3_call-commentary.txt")
    [number] = lines_containing(doc, "輕按兩下")
    line = doc.line(number)
    assert "輕按兩下" in line.text
    assert "轻按两下" in line.norm
    assert len(line.norm) == len(line.text)


def test_reading_is_deterministic() -> None:
    for path in sorted(SEEDS.iterdir()):
        assert read_source(path) == read_source(path)


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SOURCE_SUFFIXES))
def test_arbitrary_bytes_give_a_document_or_a_source_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path, "any" + suffix, data)
    try:
        doc = read_source(path)
    except SourceError as exc:
        assert exc.message and "\n" not in exc.message
        return
    check_invariants(doc)


PIECES = list("營收為（）：，％&;<>/\\[]()!#*_ \n\tunpbrāí") + [
    "&amp;",
    "<p>",
    "\\u003c",
    "(yíng)",
    "\\n",
    "责任编辑:",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.lists(st.characters(codec="utf-8") | st.sampled_from(PIECES), max_size=120).map("".join),
    suffix=st.sampled_from(SOURCE_SUFFIXES),
)
def test_any_text_reads_with_consistent_lines(tmp_path: Path, text: str, suffix: str) -> None:
    path = write(tmp_path, "any" + suffix, text)
    try:
        doc = read_source(path)
    except SourceError as exc:
        # UTF-8 text is only refused when it is blank or full of control characters
        blank = not text.encode("utf-8").removeprefix(b"\xef\xbb\xbf").strip()
        controls = any((ord(c) < 32 or c == "\x7f") and c not in "\t\n\r\x0b\x0c\x1b" for c in text)
        assert (blank and exc.message == "empty file") or (controls and "binary" in exc.message)
        return
    check_invariants(doc)
    assert [ln.original for ln in doc.lines] == text.removeprefix("\ufeff").splitlines()


def check_invariants(doc: Document) -> None:
    for i, line in enumerate(doc.lines):
        assert line.number == i + 1
        assert len(line.norm) == len(line.text)
        if line.origin is None:
            assert line.text == line.original
        else:
            assert len(line.origin) == len(line.text)
            assert all(0 <= o < len(line.original) for o in line.origin)
            assert list(line.origin) == sorted(line.origin)
        if line.text:
            assert line.original_slice(0, len(line.text)) in line.original


def test_markdown_front_matter_gives_the_title(tmp_path: Path) -> None:
    text = '---\ntitle: "网易 2024Q3 业绩会纪要"\ndate: 2024-11-14\n---\n\n正文第一段很长，说明情况。\n'
    doc = read_source(write(tmp_path, "notes.md", text))
    assert doc.title == "网易 2024Q3 业绩会纪要"
    assert doc.line(3).text == "date: 2024-11-14"


def test_html_chrome_is_hidden_by_class_name_unless_it_holds_most_of_the_page(tmp_path: Path) -> None:
    page = (
        "<body><div class='article'><p>营收同比增长26%，毛利率提升。</p><p>管理层表示将继续投入。</p></div>\n"
        "<section class='comments'><p>网友：终于盈利了！</p></section>\n"
        "<div id='ad_top'>开户送好礼</div>\n"
        "</body>"
    )
    doc = read_source(write(tmp_path, "c.html", page))
    assert doc.line(1).text == "营收同比增长26%，毛利率提升。 管理层表示将继续投入。"
    assert doc.line(2).text == "" and doc.line(3).text == ""
    wrapped = (
        "<div class='share-enabled'>\n<p>营收同比增长26%，毛利率提升，管理层表示将继续投入。</p>\n</div>"
    )
    assert read_source(write(tmp_path, "w.html", wrapped)).line(2).text.startswith("营收同比增长26%")
