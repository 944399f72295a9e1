"""Reading never loses an article: minified pages, UTF-16 without a byte-order mark (issue 7)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.extract.summarize import summarize
from generator.source.clean import Cleaned, boilerplate, remove_inline
from generator.source.decode import decode
from generator.source.read import read_source

ARTICLE = (
    "小米集团2024年第三季度业绩电话会纪要：总收入同比增长30.5%",
    "小米集团（01810.HK）11月18日公布2024年第三季度业绩。",
    "本季度总收入为925.1亿元，同比增长30.5%；经调整净利润为62.5亿元，同比增长4.4%。",
    "智能电动汽车等创新业务收入为97亿元，本季度交付小米SU7共39,790辆。",
    "卢伟冰：我们的手机业务毛利率为11.9%，环比下降0.2个百分点，主要受存储成本上升影响。",
    "分析师（中金公司）：请问汽车业务的毛利率展望如何？",
    "卢伟冰：汽车业务的毛利率为17.1%，我们对全年交付超过13万辆充满信心。",
)
CHROME = (
    "海量资讯、精准解读，尽在新浪财经APP",
    "风险提示：市场有风险，投资需谨慎。",
    "责任编辑：张倩",
)


def minified_page(*chrome: str) -> str:
    """A news page saved with all its markup on one line, the article and its chrome inside."""
    title, *paragraphs = ARTICLE
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    tail = "".join(f'<p class="article-end">{c}</p>' for c in chrome)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{title}_新浪财经_新浪网</title>"
        '<script>window.__INITIAL_STATE__={"channel":"finance","id":1810};</script>'
        "<style>.article p{line-height:1.8}</style></head><body>"
        '<div class="page"><div class="main-content"><h1 class="main-title">'
        f"{title}</h1>"
        '<div class="date-source"><span class="date">2024年11月18日 21:05</span>'
        '<a class="source" href="https://finance.sina.com.cn/">新浪财经</a></div>'
        f'<div class="article" id="artibody">{body}{tail}</div>'
        "</div></div></body></html>"
    )


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- case 8: a minified page keeps its article --------------------------------------------


@pytest.mark.parametrize("chrome", CHROME, ids=["app-promotion", "disclaimer", "editor-credit"])
def test_one_boilerplate_phrase_on_a_minified_page_removes_only_that_sentence(
    tmp_path: Path, chrome: str
) -> None:
    doc = read_source(write(tmp_path, "xiaomi.html", minified_page(chrome)))
    assert len(doc.lines) == 1
    text = doc.lines[0].text
    for sentence in ARTICLE[1:]:
        assert sentence in text
    assert chrome.rstrip("。") not in text
    assert "925.1亿元" in text and "新浪财经APP" not in text


def test_a_minified_page_with_its_chrome_still_gives_metrics_and_period(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "xiaomi.html", minified_page(*CHROME)))
    summary = summarize(doc)
    revenue = [m for m in summary.metrics if m.metric == "revenue"]
    assert revenue and revenue[0].value == 92_510_000_000
    assert summary.period.fiscal_quarter == 3
    line = doc.lines[0]
    evidence = revenue[0].evidence
    assert evidence.line == 1 and evidence.text in line.original


def test_removed_sentences_keep_evidence_verbatim() -> None:
    original = "本季度收入为925.1亿元。市场有风险,投资需谨慎。" + "经调整净利润为62.5亿元,同比增长4.4%。" * 30
    line = remove_inline(Cleaned.of(original), boilerplate())
    assert "投资需谨慎" not in line.text
    assert line.text.startswith("本季度收入为925.1亿元。经调整净利润")
    assert len(line.origin) == len(line.text)
    assert all(original[o] == ch for ch, o in zip(line.text, line.origin, strict=True))


def test_what_is_left_of_a_long_line_is_prose_for_the_block_comment_and_tail_rules(tmp_path: Path) -> None:
    disclaimers = " 市场有风险,投资需谨慎。" * 20
    lines = [
        "正文。",
        "相关阅读",
        f"收入为925.1亿元{disclaimers}",
        "评论区",
        f"用户6738:毛利率为11.9%{disclaimers}",
        "责任编辑:张倩",
        f"交付39,790辆{disclaimers}",
        "市场有风险,投资需谨慎。本文不构成投资建议。",
    ]
    doc = read_source(write(tmp_path, "call.txt", "\n".join(lines) + "\n"))
    assert [ln.text for ln in doc.lines] == [
        "正文。",
        "",
        "收入为925.1亿元",
        "",
        "用户6738:毛利率为11.9%",
        "",
        "交付39,790辆",
        "",  # a short line is still boilerplate as a whole
    ]


def test_a_four_megabyte_line_is_cleaned_sentence_by_sentence(tmp_path: Path) -> None:
    paragraphs = [f"第{i}段。{s}" for i in range(5_000) for s in ARTICLE[1:]]
    chrome = [*CHROME, "点击这里", "用户6738:说得好", "1/10"]
    line = " ".join(p + " " + chrome[i % len(chrome)] for i, p in enumerate(paragraphs))
    assert len(line.encode("utf-8")) > 4_000_000
    doc = read_source(write(tmp_path, "huge.txt", f"标题\n{line}\n"))  # its time is in make bench
    text = "".join(ln.text for ln in doc.lines[1:])  # cut at sentence ends (generator.source.split)
    assert text.count("925.1亿元") == 5_000 and "第4999段" in text
    assert "新浪财经APP" not in text and "投资需谨慎" not in text and "点击这里" not in text


# --- case 10: UTF-16 without a byte-order mark ----------------------------------------------

TRANSCRIPT = "\n".join(ARTICLE) + "\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    doc = read_source(write(tmp_path, "call.txt", TRANSCRIPT.encode(codec)))
    assert doc.encoding == codec
    assert [ln.original for ln in doc.lines] == list(ARTICLE)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Xiaomi Q3 2024 earnings call\r\n董事會主席雷軍表示，集團收入按年增長30.5%。\r\n",
        "第一季度一是收入，二是利润，一季度一如既往地一路增长" * 30 + "\n",  # 一 (U+4E00) has a NUL low byte
    ],
    ids=["ascii-and-traditional", "few-ascii-many-yi"],
)
def test_utf16_without_bom_is_decoded_whatever_its_mix_of_characters(codec: str, text: str) -> None:
    assert decode(text.encode(codec)) == (text, codec)


BINARY = [
    bytes(range(256)) * 40,
    b"\x00\x01\x00\x02" * 500,  # small 16-bit integers: control characters in either order
    b"A\x00\x01\x00\x02\x00\x03\x00" * 300,
    b"\x00\x00\x00\x00" * 100 + "收入".encode("utf-16-le") * 10,
    "营收增长12.5%\n".encode("utf-16-le") + b"\x00\xd8" + "完\n".encode("utf-16-le"),  # a lone surrogate
    b"abc\x00def\x00" * 10,  # decodes to rare characters in both orders
]


def test_utf16_without_bom_is_decoded_but_binary_with_nul_bytes_is_still_refused() -> None:
    text = "小米集团\n本季度总收入为925.1亿元。\n"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")
    for data in BINARY:
        with pytest.raises(SourceError, match="binary file"):
            decode(data)


# --- case 10: lines.js and a malformed fragment -----------------------------------------------

LINES_JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "lines.js"

HARNESS = """
const listeners = {};
const cited = [];
global.location = {hash: process.argv[2], pathname: "/calls/xiaomi/"};
global.window = {addEventListener: (name, f) => { listeners[name] = f; }};
global.innerHeight = 100;
global.document = {
  getElementById: (id) => ({
    id,
    classList: {add: () => cited.push(id)},
    scrollIntoView: () => {},
    getBoundingClientRect: () => ({top: 10, bottom: 20}),
  }),
  querySelectorAll: () => [],
  addEventListener: () => {},
};
global.setTimeout = (f) => f();
global.setInterval = () => 1;
global.clearInterval = () => {};
require(process.argv[1]);
listeners.load();
listeners.hashchange();
console.log(JSON.stringify(cited));
"""


FRAGMENTS = {"#%E4%": [], "#%": [], "#L%E4%B8": [], "#L12": ["L12", "L12"], "#%4C7": ["L7", "L7"]}
"""A fragment and the line ids the script highlights for it (on load, then on hashchange)."""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page script")
def test_lines_js_ignores_a_malformed_fragment_and_still_highlights_a_line() -> None:
    for fragment, cited in FRAGMENTS.items():
        run = subprocess.run(
            ["node", "-e", HARNESS, "--", str(LINES_JS), fragment], capture_output=True, text=True, timeout=60
        )
        assert run.returncode == 0, f"{fragment}: {run.stderr}"
        assert json.loads(run.stdout) == cited, fragment


def test_a_few_bytes_with_a_nul_are_no_utf16_text() -> None:
    """Found by the property test: '000\\x00' read as UTF-16 gave '〰0'."""
    from generator.errors import SourceError
    from generator.source.decode import decode

    with pytest.raises(SourceError, match="binary"):
        decode(b"000\x00")
