"""MkDocs hook: the navigation's order, grouped by company and year, newest first.

MkDocs lists folders alphabetically. After ``generator/nav_titles.py`` has titled each
section from its ``index.md``, this hook orders them without a hand-written ``nav:``:

- top-level pages first (the home page leading), then the top-level folders in the order
  of ``extra.nav_order`` in mkdocs.yml, then any other folder;
- folders named as a year (``2024``, ``fy2024``) newest first, and the pages in them too
  (call pages are named after their date); a section's ``index.md`` stays first.

Previous/next links follow the new order. With ``navigation.prune`` each page then
carries only its own company/year branch of the navigation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

YEAR = re.compile(r"^(?:fy)?\d{4}$", re.IGNORECASE)


def _first_page(item: Any) -> Page | None:
    """The first page inside a nav item (the item itself when it is a page)."""
    if isinstance(item, Page):
        return item
    for child in getattr(item, "children", None) or []:
        page = _first_page(child)
        if page is not None:
            return page
    return None


def _folder(item: Any, depth: int) -> str | None:
    """The folder name of a section ``depth`` levels below docs/ (None for a page)."""
    page = _first_page(item) if isinstance(item, Section) else None
    if page is None:
        return None
    parts = page.file.src_uri.split("/")
    return parts[depth] if len(parts) > depth + 1 else None


def _is_index(item: Any) -> bool:
    return isinstance(item, Page) and item.file.name == "index"


def _is_year_page(item: Any) -> bool:
    """True for a page named as a year (``2024.md``) or as the unknown year (``unknown.md``)."""
    return isinstance(item, Page) and (bool(YEAR.match(item.file.name)) or item.file.name == "unknown")


def _is_year(item: Any, depth: int) -> bool:
    """True for a section whose folder is named as a year."""
    return bool(YEAR.match(_folder(item, depth) or ""))


def _arrange(items: list[Any], depth: int) -> None:
    """Order the year sections of one level newest first, and their pages; then recurse."""
    for item in items:
        if isinstance(item, Section):
            _arrange(item.children, depth + 1)
    years = [i for i in items if _is_year(i, depth)]
    years.sort(key=lambda s: (_folder(s, depth) or "").lower().removeprefix("fy"), reverse=True)
    items[:] = [i for i in items if not _is_year(i, depth)] + years
    year_pages = [i for i in items if _is_year_page(i)]  # topics/<t>/<company>/2024.md, unknown.md
    year_pages.sort(
        key=lambda p: p.file.name.lower().removeprefix("fy") if YEAR.match(p.file.name) else "", reverse=True
    )
    items[:] = [i for i in items if i not in year_pages] + year_pages
    for year in years:
        pages = [c for c in year.children if isinstance(c, Page) and not _is_index(c)]
        pages.sort(key=lambda p: p.file.src_uri, reverse=True)
        year.children[:] = [c for c in year.children if c not in pages] + pages


def _top_level(items: list[Any], order: list[str]) -> list[Any]:
    """Top-level pages first (home page leading), then the folders in ``order``, then the rest."""

    def key(item: Any) -> tuple[int, int, str]:
        if isinstance(item, Page):
            return (0, 0 if _is_index(item) else 1, item.file.src_uri)
        folder = _folder(item, 0) or ""
        return (1, order.index(folder) if folder in order else len(order), folder)

    return sorted(items, key=key)


def _pages(items: list[Any]) -> Iterator[Page]:
    """Every page of the navigation, depth first, in display order."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


def on_nav(nav: Navigation, config: Any, files: Any) -> Navigation:
    """Order the sections and pages (see the module docstring)."""
    order = [str(name) for name in (config.extra.get("nav_order") or [])]
    _arrange(nav.items, 0)
    nav.items[:] = _top_level(nav.items, order)
    nav.pages[:] = list(_pages(nav.items))
    for i, page in enumerate(nav.pages):  # previous/next follow the new order
        page.previous_page = nav.pages[i - 1] if i > 0 else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav
