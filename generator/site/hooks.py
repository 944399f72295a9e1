"""MkDocs hook: give each folder section of the navigation the title of its ``index.md``.

MkDocs names a section after its folder (``calls``, ``alibaba``, ``2024``). The
generated pages live in ASCII folders (stable, URL-safe) but every folder has an
``index.md`` whose front matter holds a Chinese title (电话会, 阿里巴巴, FY2024);
this hook puts that title on the section. Register in mkdocs.yml::

    hooks:
      - generator/site/hooks.py
"""

from __future__ import annotations

import posixpath
from typing import Any

import yaml


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
    """Retitle every section from its index page's front-matter title."""
    _retitle(nav.items)
    return nav
