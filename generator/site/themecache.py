"""The themed-output cache of the MkDocs build (used by :mod:`generator.site.hooks`).

Theming a page (Material's ``main.html``, the navigation two thirds of it) is most of a
build whose pages come from the page cache. A page's themed output is a function of what
the template can read for that page; when all of it is as in an earlier build, the output
stored then is written again and the theme is not rendered.

**Key** (SHA-256) of everything the theme reads for a page:

- the page: its converted HTML, table of contents, front matter (``meta``), title, URL,
  file path, canonical and edit URLs, build date, whether it is the home page, and its
  previous and next pages (title and URL);
- the navigation **as this page renders it** (:func:`nav_projection`). With
  ``navigation.prune`` (and neither ``navigation.sections`` nor ``navigation.tabs``: else
  every item is kept whole) Material expands only the sections holding the page; a section
  it does not expand is one link, to the first page found by following first children, with
  the section's title. So the key holds every top-level item, every item of an expanded
  section, and of every other section its title, the number of children along its chain of
  first children and that first page's URL. Of each item: its title, URL, the front-matter
  fields Material shows in the navigation (``icon``, ``subtitle``, ``status``), whether it
  is an index page, and the home page's URL;
- the site: mkdocs.yml (bytes, and the values Material reads from the resolved config,
  so ``!ENV`` settings such as ``SITE_URL`` count), every file of the theme's
  ``custom_dir`` (overrides/), every hook file, this file, and the versions of MkDocs,
  Material, pymdown-extensions, Markdown and Jinja2.

**Hit**: the key's output is stored. The page's ``template`` (MkDocs' documented front-matter
setting, read after every page is converted) is set to :data:`TEMPLATE`, a template of
``overrides/`` that prints the stored output, which :meth:`ThemeCache.context` puts in the
page's template context. The keys of every page are made in ``on_env``, once every page is
converted and before any is themed, so changing ``template`` never reaches another key.

**Miss**: the page is themed as ever and its output stored (``on_post_page``, before any
later hook changes it). Entries live in the page cache's folder as ``<key>.html`` next to the
page cache's ``<key>.json`` and are pruned with them (entries a build did not use go).

``GENERATOR_THEME_CACHE=off`` turns it off (the page cache stays; ``GENERATOR_PAGE_CACHE=off``
turns off both). ``GENERATOR_THEME_CHECK=1`` renders every page whose output is stored and
fails the build when a stored output differs from the rendered one (a key that misses an
input).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

THEME_ENV = "GENERATOR_THEME_CACHE"
"""``off``: pages are always themed (the page cache is kept)."""
CHECK_ENV = "GENERATOR_THEME_CHECK"
"""``1``: theme the pages whose output is stored too, and fail on any difference."""
TEMPLATE = "theme-cache.html"
"""The template of overrides/ that prints a stored output."""
OUTPUT = "theme_cache_output"
"""The name of the stored output in :data:`TEMPLATE`'s context."""
VERSIONED = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2")
NAV_META = ("icon", "subtitle", "status")
"""Front-matter fields of a page that Material shows in the navigation (nav-item.html)."""
CONFIG_READ = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "edit_uri",
    "use_directory_urls",
    "extra",
    "extra_css",
    "extra_javascript",
    "mdx_configs",
    "markdown_extensions",
)
"""Resolved settings the theme reads (mkdocs.yml's bytes are in the key besides)."""


def _plain(value: Any) -> Any:
    """A JSON form of a config value or front-matter field (dates, paths, scripts)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _dump(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def package_version(name: str) -> str:
    """``name=<installed version>`` (``none`` when not installed), for cache keys."""
    try:
        return f"{name}={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}=none"


def _folder_bytes(folder: Path) -> list[bytes]:
    """Every file of ``folder`` (its path and bytes), in a fixed order."""
    if not folder.is_dir():
        return []
    parts: list[bytes] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        parts += [path.relative_to(folder).as_posix().encode("utf-8"), path.read_bytes()]
    return parts


def site_salt(config: Any) -> str:
    """The part of every page's key that is the same for the whole site."""
    parts = [Path(config.config_file_path).read_bytes(), Path(__file__).read_bytes()]
    hooks = config.get("hooks") or {}
    for name in sorted(hooks):
        module_file = getattr(hooks[name], "__file__", None)
        parts += [name.encode("utf-8"), Path(module_file).read_bytes() if module_file else b""]
    custom_dir = config.theme.custom_dir
    parts += [b"custom_dir"] + (_folder_bytes(Path(custom_dir)) if custom_dir else [])
    parts += [package_version(name).encode() for name in VERSIONED]
    settings = {name: config.get(name) for name in CONFIG_READ}
    settings["theme"] = {k: config.theme[k] for k in sorted(config.theme)}
    settings["plugins"] = sorted(config.plugins)
    parts.append(_dump(settings).encode("utf-8"))
    return hashlib.sha256(b"\0".join(hashlib.sha256(p).digest() for p in parts)).hexdigest()


# --- the navigation as one page renders it ----------------------------------------------


def _looks(item: Any) -> list[Any]:
    """What Material shows of an item besides its title (nav-item.html ``render_content``)."""
    meta = getattr(item, "meta", None) or {}
    return [
        {k: _plain(meta[k]) for k in NAV_META if k in meta} if isinstance(meta, dict) else str(meta),
        bool(getattr(item, "encrypted", False)),
        _plain(getattr(item, "typeset", None)),
    ]


@dataclass
class NavProjection:
    """The navigation of each page as Material renders it with ``navigation.prune``."""

    nav: Any
    prune: bool
    collapsed: dict[int, str] = field(default_factory=dict)

    def of(self, page: Any) -> str:
        """The navigation as ``page`` renders it, as a string (in the page's key)."""
        active = {id(page)}
        parent = getattr(page, "parent", None)
        while parent is not None:
            active.add(id(parent))
            parent = getattr(parent, "parent", None)
        homepage = getattr(self.nav, "homepage", None)
        items = [self._item(item, active) for item in self.nav.items]
        return _dump([getattr(homepage, "url", None), items])

    def _item(self, item: Any, active: set[int]) -> Any:
        if id(item) not in active:
            key = id(item)
            if key not in self.collapsed:
                self.collapsed[key] = self._inactive(item)
            return self.collapsed[key]
        return self._active(item, active)

    def _inactive(self, item: Any) -> str:
        children = getattr(item, "children", None)
        if not children:
            return _dump(self._leaf(item))
        if not self.prune:
            return _dump(self._section(item, set()))
        counts, node = [], item
        while True:  # render_pruned: follow first children down to a page or link
            counts.append(len(node.children))
            first = node.children[0]
            if getattr(first, "children", None):
                node = first
                continue
            return _dump(["pruned", item.title, _looks(item), counts, self._leaf(first)])

    def _active(self, item: Any, active: set[int]) -> Any:
        if getattr(item, "children", None):
            return self._section(item, active)
        return ["current", self._leaf(item)]  # the page itself (its toc is in its own key)

    def _section(self, item: Any, active: set[int]) -> Any:
        return [
            "section",
            id(item) in active,
            item.title,
            _looks(item),
            [self._item(child, active) for child in item.children],
        ]

    @staticmethod
    def _leaf(item: Any) -> list[Any]:
        return [
            type(item).__name__,
            getattr(item, "title", None),
            getattr(item, "url", None),
            bool(getattr(item, "is_index", False)),
            _looks(item),
        ]


def prunes(features: list[str]) -> bool:
    """True when Material renders only the current page's branches (nav-item.html): with
    ``navigation.prune`` and without ``navigation.sections`` or ``navigation.tabs`` (which
    keep some sections expanded on every page)."""
    return (
        "navigation.prune" in features
        and "navigation.sections" not in features
        and "navigation.tabs" not in features
    )


# --- the cache --------------------------------------------------------------------------


def _toc(items: Any) -> list[Any]:
    return [[t.title, t.id, t.level, _toc(t.children)] for t in items]


def _link(page: Any) -> list[Any] | None:
    return None if page is None else [page.title, page.url]


@dataclass
class ThemeCache:
    folder: Path | None = None
    check: bool = False
    salt: str = ""
    nav: Any = None
    keys: dict[str, str] = field(default_factory=dict)
    """The key of every page this build themes (by source path)."""
    hits: set[str] = field(default_factory=set)
    """The pages whose stored output is written (source paths)."""
    used: set[str] = field(default_factory=set)
    differ: list[str] = field(default_factory=list)
    stored: int = 0

    def start(self, folder: Path | None) -> None:
        """A new build, with the page cache's folder (None: off)."""
        self.__init__()  # type: ignore[misc]
        if os.environ.get(THEME_ENV, "").strip().lower() == "off":
            return
        self.folder = folder
        self.check = os.environ.get(CHECK_ENV, "").strip() not in ("", "0")

    def navigation(self, nav: Any) -> None:
        self.nav = nav

    def plan(self, config: Any, files: Any) -> None:
        """Every page's key, once every page is converted (``on_env``); a page whose output
        is stored is given :data:`TEMPLATE` (not in check mode)."""
        if self.folder is None or self.nav is None:
            return
        self.salt = site_salt(config)
        projection = NavProjection(self.nav, prunes(list(config.theme.get("features") or [])))
        pages = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_included)]
        for page in pages:
            if page is not None:
                self.keys[page.file.src_uri] = self.key(page, projection)
        for page in pages:
            if page is None:
                continue
            key = self.keys[page.file.src_uri]
            if self._path(key).is_file():
                self.hits.add(page.file.src_uri)
                self.used.add(key)
                if not self.check:
                    page.meta["template"] = TEMPLATE

    def key(self, page: Any, projection: NavProjection) -> str:
        content = hashlib.sha256((page.content or "").encode("utf-8")).hexdigest()
        text = _dump(
            [
                self.salt,
                page.file.src_uri,
                page.url,
                page.canonical_url,
                page.edit_url,
                getattr(page, "update_date", None),
                page.is_homepage,
                page.title,
                page.meta,
                _toc(page.toc),
                content,
                _link(page.previous_page),
                _link(page.next_page),
                projection.of(page),
            ]
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def context(self, context: Any, page: Any) -> Any:
        """The stored output, for :data:`TEMPLATE` (``on_page_context``)."""
        if page.file.src_uri in self.hits and not self.check:
            context[OUTPUT] = self._path(self.keys[page.file.src_uri]).read_bytes().decode("utf-8")
        return context

    def output(self, output: str, page: Any) -> str:
        """Store a page's themed output; in check mode, compare it with the stored one."""
        src = page.file.src_uri
        key = self.keys.get(src)
        if key is None or (src in self.hits and not self.check):
            return output
        path = self._path(key)
        if src in self.hits:
            if path.read_bytes() != output.encode("utf-8", errors="surrogatepass"):
                self.differ.append(src)
            return output
        try:
            data = output.encode("utf-8")
        except UnicodeEncodeError:
            return output  # not stored: MkDocs writes such a page with character references
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
        self.used.add(key)
        self.stored += 1
        return output

    def finish(self) -> None:
        """Report what was reused; fail when check mode found a stored output that differs."""
        if self.folder is not None:
            logging.getLogger("mkdocs").info(
                "theme cache: %d of %d pages from stored output%s, %d themed and stored",
                len(self.hits),
                len(self.keys),
                " (checked: themed too)" if self.check else "",
                self.stored,
            )
        if self.differ:
            shown = ", ".join(self.differ[:5])
            raise PluginError(
                f"theme cache: {len(self.differ)} stored pages differ from their rendered output "
                f"(a key misses an input): {shown}"
            )

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.html"
