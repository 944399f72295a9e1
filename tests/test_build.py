"""The whole chain on a small temporary project: deterministic site, escaped transcript text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.build import build_site

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = (
    "腾讯控股2024年第二季度业绩电话会\n"
    "2024年08月14日 21:00\n"
    "腾讯总裁刘炽平:本季度总收入为1611.17亿元,同比增长8%。<script>window.__pwned=1</script>\n"
    "刘炽平:我们看到<img src=x onerror=alert(1)>广告业务 | 表格 *强调* [链接](javascript:alert(2))。\n"
)


def make_project(tmp: Path) -> Path:
    """A copy of the project's site setup with two transcripts: a sample and a hostile one."""
    for name in ("mkdocs.yml", "overrides", "generator"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tmp / name)
    (tmp / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets")
    shutil.copy2(ROOT / "docs" / "summary-format.md", tmp / "docs" / "summary-format.md")
    transcripts = tmp / "content" / "transcripts"
    (transcripts / "alibaba").mkdir(parents=True)
    (transcripts / "tencent").mkdir(parents=True)
    sample = ROOT / "content/transcripts/alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt"
    shutil.copy2(sample, transcripts / "alibaba" / sample.name)
    (transcripts / "tencent" / "2024-08-14_2024-q2_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return tmp


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    root = make_project(tmp_path_factory.mktemp("project"))
    report = build_site(root, root / "site", strict=True)
    assert not report.errors, [str(e) for e in report.errors]
    first = {
        "summaries": tree_bytes(root / "content/summaries"),
        "docs": tree_bytes(root / "docs"),
        "site": tree_bytes(root / "site"),
    }
    return root, first  # type: ignore[return-value]


def test_build_twice_is_byte_identical(built: tuple[Path, dict]) -> None:
    root, first = built
    shutil.rmtree(root / "site")
    report = build_site(root, root / "site", strict=True)
    assert not report.errors and report.written == 0, "second run rewrote files"
    for part in ("summaries", "docs", "site"):
        again = tree_bytes(root / ("content/summaries" if part == "summaries" else part))
        assert sorted(again) == sorted(first[part]), part
        changed = [name for name in again if again[name] != first[part][name]]
        assert not changed, f"{part}: {changed[:5]}"


def test_every_call_has_a_page(built: tuple[Path, dict]) -> None:
    root, first = built
    pages = [p for p in first["site"] if p.startswith("calls/") and p.endswith("index.html")]
    assert any("hostile" in p for p in pages) and any("sina-call-transcript" in p for p in pages)


def test_transcript_markup_is_escaped_everywhere(built: tuple[Path, dict]) -> None:
    root, first = built
    for name, data in first["site"].items():
        if not name.endswith(".html"):
            continue
        html = data.decode("utf-8")
        assert "window.__pwned" not in re.sub(r"&lt;script&gt;window.__pwned", "", html), name
        assert "<img src=x" not in html, name
        assert 'href="javascript:' not in html, name
    page = next(d for n, d in first["site"].items() if "hostile" in n and n.endswith("index.html"))
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page.decode("utf-8")


def test_site_fetches_nothing_from_other_hosts(built: tuple[Path, dict]) -> None:
    root, first = built
    fetched = re.compile(r"""<(?:script|img|iframe|source)\b[^>]*\bsrc=["']?(?:https?:)?//""", re.I)
    links = re.compile(r"""<link\b[^>]*>""", re.I)
    remote_link = re.compile(r"""href=["']?(?:https?:)?//""", re.I)
    passive = re.compile(r"""rel=["']?(?:canonical|alternate|prev|next)\b""", re.I)

    def fetches_remote(html: str) -> bool:
        if fetched.search(html):
            return True
        return any(remote_link.search(tag) and not passive.search(tag) for tag in links.findall(html))

    offenders = [n for n, d in first["site"].items() if n.endswith(".html") and fetches_remote(d.decode())]
    assert not offenders, offenders[:5]
