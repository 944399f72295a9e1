"""Fixtures for the browser tests: a site built from the project's transcripts (plus one
hostile transcript) in a temp folder, served from 127.0.0.1, and Debian's Chromium driven
by Playwright (never a browser Playwright downloads itself)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.build import build_site

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    "测试公司 2024年第一季度业绩电话会\n"
    "2024年03月01日\n"
    "主持人:欢迎参加本次电话会议。\n"
    "首席执行官张三:本季度收入为12.5亿元,同比增长10%。\n"
    "<script>window.__pwned=1</script>这一行的脚本只是文字。\n"
    '<img src=x onerror="window.__pwned=2">图片也只是文字。\n'
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_project(dest: Path, site_url: str) -> Path:
    """A throwaway copy of what a build reads: config, theme overrides, assets, transcripts.

    ``site_url`` replaces the configured one: Material's instant navigation only follows
    links whose host and port match the sitemap's.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("overrides", "generator", "content/transcripts", "content/lexicons"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)
    # every asset the configuration loads (a list here once left lines.js out: the site's
    # evidence links then ran without it, and a browser test raced Material's scroll)
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets", ignore=ignore)
    return dest


@pytest.fixture(scope="session")
def port() -> int:
    """The loopback port the site is built for and served on."""
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, port: int) -> Path:
    """The built site (summaries -> pages -> MkDocs -> Pagefind) of the seeds + a hostile call."""
    root = copy_project(tmp_path_factory.mktemp("project"), f"http://127.0.0.1:{port}/")
    hostile = root / "content" / "transcripts" / "testco" / "2024-03-01_2024-q1_hostile.txt"
    hostile.parent.mkdir(parents=True, exist_ok=True)
    hostile.write_text(HOSTILE, encoding="utf-8")
    report = build_site(root, root / "site", strict=False)
    assert not report.errors, [str(e) for e in report.errors]
    return root / "site"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def base_url(site: Path, port: int) -> Iterator[str]:
    """The site served as a plain folder on 127.0.0.1 (a random free port)."""
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def requests_seen() -> list[str]:
    """Every URL the page requested (filled by the ``page`` fixture)."""
    return []


@pytest.fixture
def page(browser: Browser, requests_seen: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.on("request", lambda request: requests_seen.append(request.url))
    yield page
    context.close()
