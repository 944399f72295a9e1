"""Stage after MkDocs: the site's search index (Pagefind, plus an exact-match table).

Pagefind reads the built HTML, indexes the element marked ``data-pagefind-body`` (the
article; see overrides/main.html) and writes ``site/pagefind/``: a small entry file, a
WebAssembly matcher, index chunks split by word and one compressed fragment (text, title,
anchors) per page, so a browser downloads only what a query needs. The extended Pagefind
binary segments Chinese text (``<html lang="zh">``); the plain one would not.

Word segmentation alone cannot answer "which pages contain 全站推广": the index may split
it into 全站 + 推广 and Pagefind then also returns pages holding the two words apart, and
it drops query words it does not know (阿里云 finds pages with only 云). So we add an
exact-match table, ``site/pagefind/exact/``: for every character and every pair of
adjacent characters of a page's normalised text, the pages holding it, hashed into
shards. The browser (docs/assets/search.js) intersects the pairs of the query (a few small
shards), checks each shown page's text, and uses Pagefind's ranking for the order.

Both tables fold Traditional characters to Simplified (one character to one, the table of
:mod:`generator.source.chinese`), so 资本开支 finds 資本開支 and the reverse: ``meta.json``
carries the fold table for the characters the site holds, and the browser folds the query
with it. ``meta.json`` also lists the call pages, which the browser ranks above the pages
that gather calls (people, topics, lists): a term said in a call is first shown where it was said.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from generator.errors import BuildError
from generator.source.chinese import ts_table

BUNDLE = "pagefind"
"""The search bundle's folder inside the site."""
EXACT = "exact"
"""The exact-match table's folder inside the bundle."""
SHARD_POSTINGS = 8000
"""About this many (key, page) pairs per shard: a shard is a few KB compressed."""
MAX_SHARDS = 8192
FRAGMENT_SIGNATURE = b"pagefind_dcd"
SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
EXCLUDE_SELECTORS = (".headerlink", ".transcript .ln", "[data-search-exclude]")
"""Parts of an article not worth finding: permalink marks, transcript line numbers, marked blocks."""


def pagefind_executable() -> Path:
    """The extended Pagefind binary shipped by the ``pagefind[extended]`` package."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:
        raise BuildError(
            "the extended Pagefind binary is missing (pip install 'pagefind[extended]'); "
            "Chinese search needs it",
            "search",
        ) from exc
    return Path(get_executable())


def pagefind_command(site_dir: Path) -> list[str]:
    """The command line that indexes ``site_dir``."""
    cmd = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return cmd


def indexed_pages(site_dir: Path) -> dict[str, int]:
    """Pages indexed per language, as the bundle's entry file records them."""
    entry = site_dir / BUNDLE / "pagefind-entry.json"
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError(f"search index has no readable entry file: {exc}", str(entry)) from exc
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(data.get("languages", {}).items())}


def index_site(site_dir: Path) -> None:
    """Build the Pagefind index of the built site in ``site_dir`` (replacing any old one).

    Raises BuildError, with one line naming the problem, when the site is missing, Pagefind
    fails or indexes no page.
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise BuildError("no built site here (index.html missing): run mkdocs build first", str(site_dir))
    if "data-pagefind-body" not in (site_dir / "index.html").read_text(encoding="utf-8", errors="replace"):
        raise BuildError(
            "pages have no data-pagefind-body: the theme override overrides/main.html is not in use "
            "(theme.custom_dir in mkdocs.yml), so search would index menus and footers",
            str(site_dir),
        )
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    try:
        done = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"pagefind could not run: {exc}".splitlines()[0], str(site_dir)) from exc
    if done.returncode != 0:
        lines = [ln.strip() for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
        raise BuildError(f"pagefind failed: {' | '.join(lines[-3:]) or done.returncode}", str(site_dir))
    pages = indexed_pages(site_dir)
    if not sum(pages.values()):
        raise BuildError("pagefind indexed no page (no element has data-pagefind-body)", str(site_dir))
    write_exact_index(site_dir)


@cache
def fold_char(ch: str) -> str:
    """One character as the tables key it: NFKC, lower case, Traditional -> Simplified."""
    n = unicodedata.normalize("NFKC", ch).lower()
    return n.translate(ts_table())


def norm(text: str) -> str:
    """Text as the exact-match table keys it: per character NFKC, lower case, Simplified, no spaces.

    docs/assets/search.js normalises queries the same way (keep the two in step).
    """
    table = {ord(ch): fold_char(ch) for ch in set(text)}
    return SPACE.sub("", text.translate(table))


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """Traditional -> Simplified for every character whose Simplified form the texts hold
    (what a query in either script needs to meet them), sorted."""
    return fold_table_of({ch for text in texts for ch in norm(text)})


def fold_table_of(held: set[str]) -> dict[str, str]:
    """:func:`fold_table` for the set of characters the normalised texts hold."""
    return {chr(t): s for t, s in sorted(ts_table().items()) if s in held}


CALL_PAGE = re.compile(r"^/calls/[^/]+/[^/]+/[^/]+/$")
"""The URL of a call page (``/calls/<company>/<year>/<call-id>/``; see generator/site/urls.py)."""


def keys_of(text: str) -> set[str]:
    """Every character and every pair of adjacent characters of ``norm(text)``."""
    return keys_of_norm(norm(text))


def keys_of_norm(s: str) -> set[str]:
    """:func:`keys_of` for a text already normalised."""
    return set(s) | set(map(str.__add__, s, s[1:]))


def shard_of(key: str, shards: int) -> int:
    """The shard of a key: 32-bit FNV-1a over its code points, modulo ``shards``."""
    h = 0x811C9DC5
    for ch in key:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def read_fragments(bundle: Path) -> list[tuple[str, str, str]]:
    """(fragment id, page text, URL) of every page Pagefind indexed, sorted by id."""
    pages = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        try:
            raw = gzip.decompress(path.read_bytes())
            data = json.loads(raw.removeprefix(FRAGMENT_SIGNATURE))
        except (OSError, ValueError) as exc:
            raise BuildError(f"unreadable search fragment: {exc}", str(path)) from exc
        pages.append(
            (path.name.removesuffix(".pf_fragment"), str(data.get("content", "")), str(data.get("url", "")))
        )
    return pages


def shard_count(postings: int) -> int:
    """A power of two giving about SHARD_POSTINGS postings per shard."""
    shards = 1
    while shards * SHARD_POSTINGS < postings and shards < MAX_SHARDS:
        shards *= 2
    return shards


def write_exact_index(site_dir: Path) -> None:
    """Write ``pagefind/exact/``: meta.json (page ids, shard count) and ``<n>.json.gz`` shards."""
    bundle = site_dir / BUNDLE
    pages = read_fragments(bundle)
    postings: dict[str, list[int]] = defaultdict(list)
    held: set[str] = set()
    for number, (_, text, _) in enumerate(pages):
        normed = norm(text)
        held.update(normed)
        for key in keys_of_norm(normed):
            postings[key].append(number)
    shards = shard_count(sum(len(v) for v in postings.values()))
    grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for key, numbers in postings.items():
        grouped[shard_of(key, shards)][key] = deltas(numbers)
    out = bundle / EXACT
    out.mkdir(parents=True, exist_ok=True)
    meta = {
        "version": 2,
        "shards": shards,
        "pages": [page_id for page_id, _, _ in pages],
        "calls": [n for n, (_, _, url) in enumerate(pages) if CALL_PAGE.match(url.split("#")[0])],
        "fold": "".join(t + s for t, s in fold_table_of(held).items()),
    }
    (out / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    for number, table in enumerate(grouped):
        data = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        (out / f"{number}.json.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def deltas(numbers: Iterable[int]) -> list[int]:
    """Sorted page numbers as differences from the previous one (smaller JSON)."""
    out, last = [], 0
    for n in sorted(numbers):
        out.append(n - last)
        last = n
    return out
