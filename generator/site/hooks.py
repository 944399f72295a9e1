"""MkDocs hooks: section titles from each folder's ``index.md``, a cache of rendered pages,
and no unused search bundle. Register in mkdocs.yml::

    hooks:
      - generator/site/hooks.py

Section titles: MkDocs names a section after its folder (``calls``, ``alibaba``, ``2024``).
The generated pages live in ASCII folders (stable, URL-safe) but every folder has an
``index.md`` whose front matter holds a Chinese title (电话会, 阿里巴巴, FY2024); the
section takes that title.

Page cache: converting Markdown is about half of MkDocs' time, and most pages are the
same from one build to the next. Each page's HTML body, table of contents and anchors are
kept in ``build/page-cache/`` (``GENERATOR_PAGE_CACHE`` names another folder, or ``off``)
under a key: the hash of its Markdown, its path and URL, mkdocs.yml, this file and the
versions of MkDocs, Markdown and Material. A page whose key is known is not converted
again; the theme still renders it with the current navigation, so the output is the same
byte for byte. Only pages with a front-matter title (the title then never comes from the
body), whose conversion logged no warning and whose every relative link led to a file of
the site are stored, and a stored page is used only while every file it links to is still
part of the site; a build removes the entries it did not use. This hook must be the first
to change a page's Markdown (it is listed first in mkdocs.yml).

Themed-output cache (:mod:`generator.site.themecache`): a page whose every input to the
theme (its HTML, toc, front matter, URL, previous/next pages, the navigation as it renders
it, the config, overrides/, the hooks, the versions) is as in an earlier build gets its
stored output instead of being themed by Material again. Its entries are the page cache's
``<key>.html`` files, pruned with them. ``GENERATOR_THEME_CACHE=off`` turns it off;
``GENERATOR_THEME_CHECK=1`` themes every page and fails on any stored output that differs.

Shards (``GENERATOR_SHARD=<k>/<n>``, set by :mod:`generator.site.shards`): this build
writes only shard ``k``'s files. After the navigation is made from every file, the other
shards' files are marked as drafts (MkDocs then neither converts, writes nor copies them;
links to them are still resolved); their pages in the navigation have their front matter
read (and, lacking a front-matter title, are converted once for the title of their first
heading), so every page's navigation is the one of an ordinary build. Only shard 0 writes
the site-wide templates, its ``sitemap.xml`` listing every page as an ordinary build's
does. The page cache is shared by the shards: each lists the entries it used in
``used-<k>-of-<n>.txt`` and leaves pruning to :func:`prune_cache` once all have run.

Ready HTML (:class:`_RawBlocks`): a template writes a stretch of HTML that Markdown would
pass through unchanged (quotes, questions and answers, the transcript) between the lines
``<!-- raw -->`` and ``<!-- /raw -->``. Markdown then never sees it: it is cut out before
conversion (one placeholder paragraph in its place) and put back, byte for byte as Markdown
would have printed it, into the converted page; the ``id``s it holds are added to the page's
anchors, as MkDocs collects them from raw HTML. Python-Markdown and MkDocs otherwise parse
such HTML twice per page (the HTML-block preprocessor and MkDocs' anchor collector): the
largest part of converting a page. Links in it are left as written, as MkDocs leaves links
in raw HTML. A marker line without its pair is an error (the build fails on it).

Search bundle: the site searches with Pagefind (generator/site/search.py); Material's lunr
search worker and its language files are copied by the theme but never loaded (our search
box carries no ``data-md-component="search"``), so they are left out of the site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from html import unescape as html_unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

# MkDocs loads this file by its path, from any folder (a test's project, a shard's): the
# package it belongs to is imported from the folder that holds it.
_PROJECT = str(Path(__file__).resolve().parents[2])
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from generator.site.themecache import ThemeCache, package_version  # noqa: E402

CACHE_ENV = "GENERATOR_PAGE_CACHE"
CACHE_DIR = Path("build") / "page-cache"
"""The cache's folder relative to the project root (next to mkdocs.yml); ignored by git."""
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
"""Theme files the site never loads (Material's own search), left out of the site."""
VERSIONED = ("mkdocs", "markdown", "mkdocs-material", "pymdown-extensions")
LINK = re.compile(r"""\s(?:href|src)\s*=\s*["']([^"']*)["']""")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
RAW_OPEN, RAW_CLOSE = "<!-- raw -->", "<!-- /raw -->"
"""The lines around a stretch of ready HTML in a page's Markdown (see :class:`_RawBlocks`)."""
RAW_BLOCK = re.compile(r"^<!-- raw -->\n(.*?)\n<!-- /raw -->$\n?", re.MULTILINE | re.DOTALL)
RAW_MARKER = re.compile(r"^<!-- /?raw -->$", re.MULTILINE)
NOT_SPACE = re.compile(r"\S")
BLANK_THEN_TEXT = re.compile(r"[ \t]*\n\s*\S")
MARKDOWN_TAB = 4
"""Python-Markdown's ``tab_length`` (MkDocs leaves it at its default)."""
ANCHOR = re.compile(r"""<([A-Za-z][^\s/>]*)([^>]*)>""")
ANCHOR_ATTR = re.compile(r"""\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


# --- section titles -------------------------------------------------------------------


def _front_matter_title(text: str) -> str | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return None
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else None


def _retitle(items: list[Any]) -> None:
    for item in items:
        children = getattr(item, "children", None)
        if not children or getattr(item, "is_section", False) is False:
            continue
        _retitle(children)
        for child in children:
            file = getattr(child, "file", None)
            if file is None or posixpath.basename(file.src_uri) != "index.md":
                continue
            title = _front_matter_title(file.content_string)
            if title:
                item.title = title
            break


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Retitle every section from its index page's front-matter title; in a shard build,
    leave the other shards' files unwritten (see the module's docstring)."""
    _retitle(nav.items)
    _shard.limit(config, files)
    _theme.navigation(nav)
    return nav


# --- shards ---------------------------------------------------------------------------


SHARD_ENV = "GENERATOR_SHARD"
"""``<k>/<n>``: this build writes only shard ``k`` (0-based) of ``n``."""


@dataclass
class _Shard:
    index: int = 0
    count: int = 1
    pages: list[Any] = field(default_factory=list)
    """Every page an ordinary build writes, in its order (for shard 0's sitemap)."""

    def start(self) -> None:
        self.__init__()  # type: ignore[misc]
        setting = os.environ.get(SHARD_ENV, "").strip()
        if setting:
            from generator.site.shards import parse_shard

            self.index, self.count = parse_shard(setting)

    @property
    def active(self) -> bool:
        return self.count > 1

    def limit(self, config: Any, files: Any) -> None:
        """Mark the other shards' files as drafts, once the navigation holds them all."""
        if not self.active:
            return
        from generator.site.shards import plan_of, shard_key

        self.pages = list(files.documentation_pages())
        plan = plan_of([f.src_uri for f in self.pages], self.count)
        for file in list(files):
            if file.inclusion.is_excluded() or plan.get(shard_key(file.src_uri), 0) == self.index:
                continue
            if file.is_documentation_page():
                page = file.page if file.page is not None else Page(None, file, config)
                if file.inclusion.is_in_nav():
                    page.read_source(config)
                    if "title" not in page.meta:
                        page.render(config, files)  # its title is its first heading's
            file.inclusion = InclusionLevel.DRAFT

    def context(self, context: Any, template_name: str) -> Any:
        if self.active and template_name == "sitemap.xml":
            context["pages"] = self.pages
        return context

    def template(self, output: str) -> str:
        return "" if self.active and self.index != 0 else output


_shard = _Shard()


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """Shard 0's sitemap lists every page of the site, not only its own."""
    return _shard.context(context, template_name)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Only shard 0 writes the site-wide templates (404 page, sitemap): an empty output is
    not written."""
    return _shard.template(output_content)


# --- unused theme files ---------------------------------------------------------------


def on_files(files: Any, config: Any) -> Any:
    """Leave Material's lunr search bundle (Pagefind searches the site) and developers'
    pages out of the site."""
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FILES) and not file.is_documentation_page():
            files.remove(file)
    _shard.start()
    _raw.pending.clear()
    _cache.start(config, files)
    _theme.start(_cache.folder)
    return files


# --- page cache -----------------------------------------------------------------------


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs (a page logging one is not cached)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class _PageCache:
    folder: Path | None = None
    salt: str = ""
    urls: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    hits: dict[str, dict[str, Any]] = field(default_factory=dict)
    misses: dict[str, tuple[str, int]] = field(default_factory=dict)
    warnings: _Warnings = field(default_factory=_Warnings)

    def start(self, config: Any, files: Any) -> None:
        """A new build: where the cache is, the key's salt, the URLs of the site's files."""
        self.__init__()  # type: ignore[misc]
        setting = os.environ.get(CACHE_ENV, "")
        if setting.strip().lower() == "off":
            return
        config_file = Path(config.config_file_path)
        self.folder = cache_folder(config_file.parent)
        parts = [config_file.read_bytes(), Path(__file__).read_bytes()]
        parts += [package_version(name).encode() for name in VERSIONED]
        self.salt = hashlib.sha256(b"\0".join(parts)).hexdigest()
        self.urls = {_path_of(f.url) for f in files}
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def key(self, markdown: str, page: Any) -> str:
        text = json.dumps([self.salt, page.file.src_uri, page.url, markdown], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def lookup(self, markdown: str, page: Any) -> str:
        """The Markdown to convert: empty when the page's HTML is known, else ``markdown``."""
        if self.folder is None or not page.meta.get("title"):
            return markdown
        key = self.key(markdown, page)
        entry = self._read(key)
        if entry is not None and all(url in self.urls for url in entry["targets"]):
            self.hits[page.file.src_uri] = entry
            self.used.add(key)
            _skip_conversion(page)
            return ""
        self.misses[page.file.src_uri] = (key, self.warnings.count)
        return markdown

    def content(self, html: str, page: Any, files: Any) -> str:
        """The page's HTML: the cached one on a hit (its toc and anchors restored), else ``html``."""
        entry = self.hits.pop(page.file.src_uri, None)
        if entry is not None:
            page.toc = TableOfContents([_anchor(t) for t in entry["toc"]])
            if page.toc.items:
                page.toc.items[0].active = True
            page.present_anchor_ids = set(entry["anchors"])
            if page.links_to_anchors is not None:
                page.links_to_anchors = {
                    files.get_file_from_path(src): links for src, links in entry["links"].items()
                }
            return str(entry["html"])
        miss = self.misses.pop(page.file.src_uri, None)
        if miss is not None and miss[1] == self.warnings.count:
            self._store(miss[0], html, page)
        return html

    def _store(self, key: str, html: str, page: Any) -> None:
        base = "/" + page.url
        targets = set()
        for href in set(LINK.findall(html)):
            if not href or href.startswith("#") or SCHEME.match(href):
                continue
            target = _path_of(urljoin(base, href))
            if target not in self.urls:
                return  # a link MkDocs could not resolve: convert this page every time
            targets.add(target)
        entry = {
            "html": html,
            "toc": [_token(item) for item in page.toc.items],
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
            "targets": sorted(targets),
        }
        assert self.folder is not None
        path = self.folder / key[:2] / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        self.used.add(key)

    def _read(self, key: str) -> dict[str, Any] | None:
        assert self.folder is not None
        path = self.folder / key[:2] / f"{key}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def finish(self) -> None:
        """Remove the entries this build did not use (a complete build); stop counting warnings.
        A shard lists the entries it used instead (the others' are not its to remove)."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.folder is None:
            return
        if _shard.active:
            self.folder.mkdir(parents=True, exist_ok=True)
            used = self.folder / f"used-{_shard.index}-of-{_shard.count}.txt"
            used.write_text("".join(f"{key}\n" for key in sorted(self.used)), encoding="utf-8")
            return
        prune_cache(self.folder, self.used)


def _skip_conversion(page: Any) -> None:
    """MkDocs converts every page after ``on_page_markdown``, building a Markdown parser with
    every extension even for an empty text (a fifth of a build from the cache). A page whose
    HTML the cache holds gets, for this one call, a ``render`` that leaves what converting an
    empty text leaves (no content, toc, title or anchors); :meth:`_PageCache.content` then
    restores the cached ones."""

    def render(config: Any, files: Any) -> None:
        del page.render  # the class's own again
        page.content = ""
        page.toc = TableOfContents([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        if logging.getLogger(Page.__module__).getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}

    page.render = render


def cache_folder(root: Path) -> Path | None:
    """The page cache's folder of the project at ``root`` (None when it is off)."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.strip().lower() == "off":
        return None
    return root / setting if setting else root / CACHE_DIR


def shard_cache_used(folder: Path) -> set[str] | None:
    """The union of the entries the shards listed as used (the lists are removed); None when
    no shard listed any."""
    lists = sorted(folder.glob("used-*-of-*.txt")) if folder.is_dir() else []
    if not lists:
        return None
    used: set[str] = set()
    for path in lists:
        used.update(path.read_text(encoding="utf-8").split())
        path.unlink()
    return used


def prune_cache(folder: Path, used: set[str]) -> None:
    """Remove every entry of the cache in ``folder`` (page cache ``.json``, themed output
    ``.html``) whose key is not in ``used``."""
    if not folder.is_dir():
        return
    for path in folder.glob("*/*"):
        if path.stem not in used or path.suffix not in (".json", ".html"):
            path.unlink(missing_ok=True)


def _path_of(url: str) -> str:
    """A site-relative URL as a normalised path (no query or fragment, unquoted)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    normal = posixpath.normpath("/" + path)
    return normal + "/" if path.endswith("/") and normal != "/" else normal


def _token(item: AnchorLink) -> dict[str, Any]:
    return {
        "title": item.title,
        "id": item.id,
        "level": item.level,
        "children": [_token(c) for c in item.children],
    }


def _anchor(token: dict[str, Any]) -> AnchorLink:
    anchor = AnchorLink(token["title"], token["id"], token["level"])
    anchor.children = [_anchor(c) for c in token["children"]]
    return anchor


# --- ready HTML -----------------------------------------------------------------------


def raw_anchors(html: str) -> set[str]:
    """The anchors a stretch of HTML defines: every element's ``id``, an ``<a>``'s ``name``
    (what MkDocs collects from raw HTML)."""
    found: set[str] = set()
    for tag in ANCHOR.finditer(html):
        for attr in ANCHOR_ATTR.finditer(tag.group(2)):
            name = attr.group(1).lower()
            if name == "id" or (name == "name" and tag.group(1).lower() == "a"):
                value = next(v for v in attr.group(2, 3, 4) if v is not None)
                found.add(html_unescape(value))
    return found


def as_printed(block: str, after: str) -> str:
    """A raw HTML block as Python-Markdown prints it: whitespace normalised as its first
    preprocessor does (no STX/ETX or CR, tabs expanded to 4 columns, lines of spaces
    emptied) and, when a blank line and more text follow it, one newline kept at its end."""
    block = block.replace("\x02", "").replace("\x03", "").replace("\r\n", "\n").replace("\r", "\n")
    block = "\n".join(line.expandtabs(MARKDOWN_TAB) for line in block.split("\n"))
    block = re.sub(r"(?<=\n) +(?=\n)", "", f"\n{block}\n")[1:-1]
    if BLANK_THEN_TEXT.match(after):
        block += "\n"
    return block


@dataclass
class _RawBlocks:
    """Stretches of ready HTML cut out of a page's Markdown before conversion and put back
    after it (see the module's docstring)."""

    pending: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per page (source path): placeholder -> the HTML it stands for."""

    def cut(self, markdown: str, page: Any) -> str:
        if RAW_OPEN not in markdown and RAW_CLOSE not in markdown:
            return markdown
        nonce = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
        blocks: dict[str, str] = {}

        def hold(match: re.Match[str]) -> str:
            start = match.start()
            opens = markdown.endswith(("\n\n", RAW_CLOSE + "\n"), 0, start) or not NOT_SPACE.search(
                markdown, 0, start
            )
            if not opens:
                where = markdown.count("\n", 0, start) + 1
                raise PluginError(f"{page.file.src_uri}: {RAW_OPEN} must open a block (line {where})")
            token = f"generator-raw-{nonce}-{len(blocks)}"
            blocks[token] = as_printed(match.group(1), markdown[match.end() :])
            return f"\n{token}\n\n"

        text = RAW_BLOCK.sub(hold, markdown)
        stray = RAW_MARKER.search(text)
        if stray is not None:
            line = text.count("\n", 0, stray.start()) + 1
            raise PluginError(f"{page.file.src_uri}: {stray.group(0)} without its pair (line {line})")
        if blocks:
            self.pending[page.file.src_uri] = blocks
        return text

    def restore(self, html: str, page: Any) -> str:
        blocks = self.pending.pop(page.file.src_uri, None)
        if not blocks:
            return html
        anchors: set[str] = set()
        parts: list[str] = []
        done = 0
        for match in re.finditer(r"<p>(generator-raw-[0-9a-f]{16}-\d+)</p>", html):
            block = blocks.pop(match.group(1), None)
            if block is None:
                continue
            parts += [html[done : match.start()], block]
            done = match.end()
            anchors |= raw_anchors(block)
        if blocks:
            raise PluginError(
                f"{page.file.src_uri}: a block of ready HTML ({RAW_OPEN}) is not a paragraph of its own"
            )
        parts.append(html[done:])
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        return "".join(parts)


_cache = _PageCache()
_theme = ThemeCache()
_raw = _RawBlocks()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Skip converting a page whose HTML the cache holds (see the module's docstring); cut
    the ready HTML out of one that is converted."""
    return _raw.cut(_cache.lookup(markdown, page), page)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The ready HTML put back; the cached HTML of a page that was not converted; store a
    converted one."""
    return _cache.content(_raw.restore(html, page), page, files)


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Every page converted: the themed-output cache's keys; known pages get their stored output."""
    _theme.plan(config, files)
    return env


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """A page whose themed output is stored: the output, for its template."""
    return _theme.context(context, page)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Store a themed page's output (check mode: compare it with the stored one)."""
    return _theme.output(output, page)


def on_post_build(config: Any) -> None:
    """Prune the cache to this build's pages (converted and themed); in the theme cache's
    check mode, fail on a stored output that differs."""
    _theme.finish()
    _cache.used |= _theme.used
    _cache.finish()


def on_build_error(error: Exception) -> None:
    """A failed build keeps the cache as it is."""
    logging.getLogger("mkdocs").removeHandler(_cache.warnings)
