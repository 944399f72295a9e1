"""Ready HTML (generator/site/hooks.py, ``_RawBlocks``): a stretch of HTML between the lines
``<!-- raw -->`` and ``<!-- /raw -->`` is not parsed by Markdown; it is put back into the
converted page as Markdown would have printed it, and its anchors count as the page's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import _HTMLHandler
from test_scale_incremental import build, make_project, tree_bytes

from generator.build import run_mkdocs
from generator.site import hooks
from generator.site.hooks import CACHE_ENV, RAW_CLOSE, RAW_OPEN, raw_anchors

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]
"""mkdocs.yml's Markdown extensions (toc without its permalink: not what is tested here)."""


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def page(src: str = "p.md") -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), present_anchor_ids={"intro"})


def through_hook(text: str, target: Any | None = None) -> str:
    """``text`` converted as the hook does it: ready HTML cut out, Markdown, put back."""
    blocks = hooks._RawBlocks()
    target = target or page()
    return blocks.restore(convert(blocks.cut(text, target)), target)


def unmarked(text: str) -> str:
    """The same Markdown without the marker lines (what Markdown alone is given)."""
    return re.sub(r"^<!-- /?raw -->\n", "", text, flags=re.MULTILINE)


def raw(block: str) -> str:
    return f"{RAW_OPEN}\n{block}\n{RAW_CLOSE}\n"


QUOTE = '<div class="quote">\n<p><strong>张三</strong> · <a href="#L4">原文 L4</a></p>\n<blockquote>\n<p>好。</p>\n</blockquote>\n</div>'
ODD = '<div class="t" markdown="0">\n<p id="L1">a\tb &amp; *c*</p>\n   \n<p id="L2">_d_  </p>\n</div>'

CASES = {
    "one block, then a heading": "# 标题\n\n" + raw(QUOTE) + "## 下一节\n\n段落。\n",
    "blocks in a row, no blank line": "## 引述\n\n" + raw(QUOTE) + raw(QUOTE) + raw(QUOTE) + "## 原文\n",
    "a blank line and a raw block after": "文字。\n\n" + raw(ODD) + "\n<div hidden><span></span></div>\n",
    "a blank line and a paragraph after": raw(QUOTE) + "\n段落 **粗体**。\n",
    "blank lines between blocks": raw(QUOTE) + "\n" + raw(QUOTE) + "\n\n\n" + raw(ODD) + "\n文字\n",
    "the last block of the page": "文字。\n\n" + raw(ODD),
    "the last block, blank lines after": "文字。\n\n" + raw(QUOTE) + "\n\n\n",
    "inside a markdown div": '<div class="list" markdown="1">\n\n'
    + raw(QUOTE)
    + raw(QUOTE)
    + "</div>\n\n尾。\n",
    "tabs and lines of spaces": raw(ODD) + "## 末\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ready_html_is_printed_as_markdown_prints_it(name: str) -> None:
    text = CASES[name]
    expected = convert(unmarked(text))
    assert through_hook(text) == expected
    assert "generator-raw" not in expected and "<!--" not in through_hook(text)


def test_the_blocks_are_not_given_to_markdown() -> None:
    blocks = hooks._RawBlocks()
    target = page()
    cut = blocks.cut(CASES["blocks in a row, no blank line"], target)
    assert "<div" not in cut and "<p>" not in cut
    assert len(blocks.pending["p.md"]) == 3


def test_a_page_without_markers_is_left_alone() -> None:
    blocks = hooks._RawBlocks()
    text = "# 标题\n\n" + QUOTE + "\n"
    assert blocks.cut(text, page()) is text
    assert blocks.restore("<p>x</p>", page()) == "<p>x</p>"


def test_the_anchors_of_ready_html_are_the_pages() -> None:
    target = page()
    through_hook(
        CASES["a blank line and a raw block after"]
        + "\n"
        + raw('<p><a name="n&amp;1">x</a><span ID=L9>y</span></p>'),
        target,
    )
    assert target.present_anchor_ids == {"intro", "L1", "L2", "n&1", "L9"}


@pytest.mark.parametrize(
    "html",
    [
        ODD,
        QUOTE,
        '<p id=\'a b\' class="x"><a name=top></a><span name="not-an-anchor"></span><img id="i"/></p>',
    ],
)
def test_anchors_are_those_mkdocs_collects_from_raw_html(html: str) -> None:
    parser = _HTMLHandler()
    parser.feed(html)
    parser.close()
    assert raw_anchors(html) == parser.present_anchor_ids


@pytest.mark.parametrize(
    "text",
    [
        "文字\n" + raw(QUOTE),  # would have been part of the paragraph
        RAW_OPEN + "\n" + QUOTE + "\n",  # never closed
        "文字。\n\n" + QUOTE + "\n" + RAW_CLOSE + "\n",  # never opened
    ],
)
def test_a_misplaced_marker_fails_the_build(text: str) -> None:
    with pytest.raises(PluginError):
        hooks._RawBlocks().cut(text, page())


def test_the_site_is_the_one_markdown_makes_without_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The committed templates' pages (call pages with quotes, Q&A and the transcript; people,
    topic and firm pages) build the same site, byte for byte, as the same Markdown without the
    marker lines converted by Markdown alone."""
    root = make_project(tmp_path / "project")
    monkeypatch.setenv(CACHE_ENV, "off")
    build(root)
    marked = sum(p.read_text(encoding="utf-8").count(RAW_OPEN) for p in (root / "docs").rglob("*.md"))
    assert marked > 50
    plain = tmp_path / "plain"
    shutil.copytree(root, plain)
    shutil.rmtree(plain / "site")
    for path in (plain / "docs").rglob("*.md"):
        path.write_text(unmarked(path.read_text(encoding="utf-8")), encoding="utf-8")
    run_mkdocs(plain, plain / "site", strict=True)
    a, b = tree_bytes(root / "site"), tree_bytes(plain / "site")
    assert sorted(a) == sorted(b)
    assert [rel for rel in a if a[rel] != b[rel]] == []
