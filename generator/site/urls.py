"""Every page's path and every link between pages: the one owner of the site's URLs.

A page is named by its path under ``docs/`` (``calls/alibaba/2024/<call-id>.md``); MkDocs
turns the ``.md`` links into URLs and checks them. Catalog objects keep the paths this module
gives them (``Call.page``, ``Person.page``…), templates ask this module or those objects for a
page and :class:`Linker` for the relative link to it; nothing else assembles a path.
To move a page, change its function here.

Layout under ``docs/``::

    index.md                                   every call, newest first
    calls/index.md                             companies -> calls/<company>/index.md
    calls/<company>/index.md                   years     -> calls/<company>/<year>/index.md
    calls/<company>/<year>/index.md            the year's calls and their metrics
    calls/<company>/<year>/<call-id>.md        the call page
    companies/index.md, companies/<company>/index.md (+ charts/*.svg): the latest calls only
    people/management/<company>/<person>.md    an executive's quotes and answers
    people/analysts/<firm>/index.md            a firm (canonical name): its analysts and questions
    people/analysts/<firm>/<person>.md         an analyst's questions
    people/.../<person>/index.md, <year>.md    a person seen in many calls, by year
    people/analysts/<firm>/<year>.md           a firm's questions by year (many calls)
    topics/<topic>/index.md                    companies with anything on the topic
    topics/<topic>/<company>/index.md          its fiscal years -> topics/<topic>/<company>/<year>.md
    data/index.md, data/metrics.csv|json, data/calls/<call-id>.csv|json
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import quote

from generator.site.format import Md, md

TRANSCRIPTS_DIR = "content/transcripts"


# ---------------------------------------------------------------- slugs


SLUG_BYTES = 150
"""Longest slug in UTF-8 bytes: a page's file name stays well under the file system's 255."""


def slug(text: str, limit: int = 60) -> str:
    """A URL- and file-safe name: lower case, letters (any script) and digits, ``-`` between.

    At most ``limit`` characters and :data:`SLUG_BYTES` bytes; a name cut for bytes ends
    in a hash of the whole text, so two long names stay apart."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    out = re.sub(r"[^\w]+", "-", norm, flags=re.UNICODE).strip("-_")
    out = out[:limit].strip("-_")
    if len(out.encode("utf-8")) > SLUG_BYTES:
        cut = out.encode("utf-8")[: SLUG_BYTES - 9].decode("utf-8", "ignore").strip("-_")
        out = f"{cut}-{short_hash(text)}"
    return out if out and out != "index" else f"x-{short_hash(text)}"


def short_hash(text: str) -> str:
    """Eight hex digits of SHA-256: a stable tie-breaker for colliding slugs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def unique_slugs(keys: Iterable[str], base: dict[str, str] | None = None) -> dict[str, str]:
    """A slug per key; keys whose slugs collide each get ``-<hash>`` appended."""
    keys = sorted(set(keys))
    wanted = {k: (base or {}).get(k) or slug(k) for k in keys}
    counts = Counter(wanted.values())
    return {k: (s if counts[s] == 1 else f"{s}-{short_hash(k)}") for k, s in wanted.items()}


def call_slug(source_path: str) -> str:
    """The readable part of a call id: the path under content/transcripts, without suffix."""
    path = PurePosixPath(source_path.replace("\\", "/"))
    parts = list(path.with_suffix("").parts)
    prefix = PurePosixPath(TRANSCRIPTS_DIR).parts
    if tuple(parts[: len(prefix)]) == prefix:
        parts = parts[len(prefix) :]
    parts = [p for p in parts if p not in ("", ".", "..", "/")]
    return slug("-".join(parts), limit=100)


_RESERVED = re.compile(r"^(?:\d{4}|unknown|index)$")


def person_slugs(keys: list[str]) -> dict[str, str]:
    """File names of people in one folder: unique, never a year page's name."""
    base = {k: slug(k) for k in keys}
    return unique_slugs(keys, {k: f"p-{s}" if _RESERVED.match(s) else s for k, s in base.items()})


# ---------------------------------------------------------------- pages

HOME = "index.md"
CALLS = "calls/index.md"
COMPANIES = "companies/index.md"
PEOPLE = "people/index.md"
MANAGEMENT = "people/management/index.md"
ANALYSTS = "people/analysts/index.md"
TOPICS = "topics/index.md"
DATA = "data/index.md"


def call(company_id: str, year: str, call_id: str) -> str:
    """A call page: under its company and fiscal-year folder (``unknown`` when no year)."""
    return f"calls/{company_id}/{year}/{call_id}.md"


def call_data(call_id: str, fmt: str) -> str:
    """A call's metrics download (``csv`` or ``json``)."""
    return f"data/calls/{call_id}.{fmt}"


def site_data(fmt: str) -> str:
    """The whole site's metrics download (``csv`` or ``json``)."""
    return f"data/metrics.{fmt}"


def calls_company(company_id: str) -> str:
    """A company's years of calls."""
    return f"calls/{company_id}/index.md"


def calls_year(company_id: str, year: str) -> str:
    """A company's calls of one fiscal year, and their metrics."""
    return f"calls/{company_id}/{year}/index.md"


def company(company_id: str) -> str:
    """A company's page: its latest calls, changes, charts and metrics."""
    return f"companies/{company_id}/index.md"


def company_chart(company_id: str, key: Iterable[str]) -> str:
    """A company's chart of one series (its metric key's parts name the file)."""
    name = slug("-".join(part for part in key if part) or "metric")
    return f"companies/{company_id}/charts/{name}.svg"


def management(company_id: str) -> str:
    """A company's executives."""
    return f"people/management/{company_id}/index.md"


def management_folder(company_id: str) -> str:
    """The folder of a company's executives' pages."""
    return f"people/management/{company_id}"


def firm(firm_slug: str) -> str:
    """A firm's page."""
    return f"{firm_folder(firm_slug)}/index.md"


def firm_folder(firm_slug: str) -> str:
    """The folder of a firm's page, its year pages and its analysts' pages."""
    return f"people/analysts/{firm_slug}"


def person(folder: str, person_slug: str, split: bool) -> str:
    """A person's page in ``folder``: ``<slug>.md``, or ``<slug>/index.md`` when split by year."""
    return f"{folder}/{person_slug}/index.md" if split else f"{folder}/{person_slug}.md"


def year_page(index_page: str, year: str) -> str:
    """The page of one year beside a split page's ``index.md`` (a person's or firm's)."""
    return f"{posixpath.dirname(index_page)}/{year}.md"


def topic(topic_slug: str, company_id: str | None = None, year: str | None = None) -> str:
    """A topic's landing page, its index for one company, or its page for one company and year."""
    if company_id is None:
        return f"topics/{topic_slug}/index.md"
    return f"topics/{topic_slug}/{company_id}/{year or 'index'}.md"


# ---------------------------------------------------------------- links


@lru_cache(maxsize=65536)
def relative(folder: str, target: str) -> str:
    """``target`` relative to ``folder`` (both forward-slash paths under docs/, "" = docs/)."""
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


@lru_cache(maxsize=65536)
def site_url(path: str) -> str:
    """The URL MkDocs gives the page at ``path`` (under docs/) with ``use_directory_urls``
    (mkdocs.yml): ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``, ``index.md`` -> ``./``;
    quoted as MkDocs quotes it."""
    stem = path[:-3] if path.endswith(".md") else path
    if not path.endswith(".md"):
        url = path
    elif stem == "index" or stem.endswith("/index"):
        url = (posixpath.dirname(stem) or ".") + "/"
    else:
        url = stem + "/"
    return quote(url)


def _parts(url: str) -> list[str]:
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []


@lru_cache(maxsize=65536)
def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (both site URLs), as MkDocs writes a link."""
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


@dataclass
class Linker:
    """Relative links from one page to the others (MkDocs validates ``.md`` links)."""

    page: str

    def url(self, target: str, anchor: str = "") -> Md:
        """The relative URL of ``target`` (a path under docs/) from this page."""
        if target == self.page:
            return Md(f"#{anchor}")
        rel = relative(posixpath.dirname(self.page), target)
        return Md(f"{rel}#{anchor}" if anchor else rel)

    def to(self, target: str, text: object, anchor: str = "") -> Md:
        """A Markdown link to ``target`` with escaped ``text`` (just the text on the page itself)."""
        if target == self.page and not anchor:
            return md(text)
        return Md(f"[{md(text)}]({self.url(target, anchor)})")

    def href(self, target: str, anchor: str = "") -> str:
        """The link to the page ``target`` as it stands in the built site (what MkDocs makes of
        :meth:`url`): for links in raw HTML, which MkDocs neither converts nor checks."""
        if target == self.page:
            return f"#{anchor}"
        rel = relative_url(site_url(target), site_url(self.page))
        return f"{rel}#{anchor}" if anchor else rel

    def a(self, target: str, text: object, anchor: str = "", cls: str = "") -> Md:
        """:meth:`to` as an HTML link (for a raw HTML block): the same element MkDocs would write."""
        if target == self.page and not anchor:
            return md(text)
        attr = f' class="{html.escape(cls, quote=True)}"' if cls else ""
        return Md(f'<a{attr} href="{html.escape(self.href(target, anchor), quote=True)}">{md(text)}</a>')
