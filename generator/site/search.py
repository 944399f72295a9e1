"""Stage after MkDocs: the site's search index (Pagefind, plus an exact-match table), in shards.

Pagefind reads the built HTML, indexes the element marked ``data-pagefind-body`` (the
article; see overrides/main.html) and writes a bundle: a small entry file, a WebAssembly
matcher, index chunks split by word and one compressed fragment (text, title, anchors) per
page, so a browser downloads only what a query needs. The extended Pagefind binary segments
Chinese text (``<html lang="zh">``); the plain one would not.

The site is indexed in shards (:func:`shard_of_page`): the core (pages at most two folders
deep: home, lists, topics), :data:`BUCKETS` buckets of companies (hashed by company) and one
shard per deeper shared section (the analysts). Each shard is a bundle of its own,
``site/pagefind/<shard>/``, with its exact-match table; ``site/pagefind/shards.json`` lists
them, and the browser merges them with Pagefind's ``mergeIndex`` (docs/assets/search.js).
Pagefind is given, for each page, only what it reads of it (:func:`projection`: language,
title, the marked element; the index is the same as from the full page), so a shard's key,
the hash of its pages' projections and of the configuration, does not change when only the
navigation does. A shard whose key is in the cache (``build/search-cache/``) is linked from
there byte for byte instead of indexed again (``tests/test_scale_search.py``).

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
import hashlib
import json
import operator
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.errors import BuildError
from generator.site.shards import SHARED, high_water_mb, shard_key
from generator.source.chinese import ts_table

BUNDLE = "pagefind"
"""The search bundle's folder inside the site."""
EXACT = "exact"
"""The exact-match table's folder inside the bundle."""
SHARD_POSTINGS = 1000
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


def pagefind_command(site_dir: Path, output: Path | None = None) -> list[str]:
    """The command line that indexes ``site_dir`` into ``output`` (default: its ``pagefind/``)."""
    cmd = [str(pagefind_executable()), "--site", str(site_dir)]
    cmd += ["--output-path", str(output)] if output is not None else ["--output-subdir", BUNDLE]
    cmd.append("--quiet")
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return cmd


def shard_names(site_dir: Path) -> list[str]:
    """The index shards of a built site, as ``pagefind/shards.json`` lists them (core first)."""
    listing = site_dir / BUNDLE / SHARDS_FILE
    try:
        data = json.loads(listing.read_text(encoding="utf-8"))
        return [str(name) for name in data["shards"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BuildError(f"search index has no readable shard list: {exc}", str(listing)) from exc


def indexed_pages(site_dir: Path) -> dict[str, int]:
    """Pages indexed per language, summed over the shards' entry files."""
    counts: dict[str, int] = defaultdict(int)
    for name in shard_names(site_dir):
        entry = site_dir / BUNDLE / name / "pagefind-entry.json"
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BuildError(f"search index has no readable entry file: {exc}", str(entry)) from exc
        for lang, info in data.get("languages", {}).items():
            counts[lang] += int(info.get("page_count", 0))
    return dict(sorted(counts.items()))


# --- the site in index shards -----------------------------------------------------------------

SHARDS_FILE = "shards.json"
"""The list of index shards in the bundle folder; docs/assets/search.js reads it first."""
BUCKETS = 8
"""Index shards besides the core: groups of pages are hashed into this many buckets."""
CORE = "core"
"""The shard of the pages at most two folders deep (home, lists, topics): small, and changed by
every added call, so kept apart from the buckets."""
SEARCH_CACHE_ENV = "GENERATOR_SEARCH_CACHE"
SEARCH_CACHE_DIR = Path("build") / "search-cache"
"""Indexed shards by key, relative to the project root (``GENERATOR_SEARCH_CACHE``: another
folder, or ``off``)."""
PARALLEL = 2
"""Pagefind processes at once (each bounded by its shard's size)."""
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
LANG = re.compile(r"""\slang\s*=\s*["']?([^"'\s>]+)""", re.I)
TITLE = re.compile(r"<title>([^<]*)</title>", re.I)
BODY_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?\sdata-pagefind-body(?=[\s>/=])[^<>]*>")


def search_cache(root: Path) -> Path | None:
    """The folder of indexed shards of the project at ``root`` (None when switched off)."""
    setting = os.environ.get(SEARCH_CACHE_ENV, "").strip()
    if setting.lower() == "off":
        return None
    return root / setting if setting else root / SEARCH_CACHE_DIR


def shard_of_page(rel: str, buckets: int = BUCKETS) -> str:
    """The index shard of a page (its path in the site). A company's pages (see
    :func:`generator.site.shards.shard_key`) go to bucket ``b<n>`` of their company; the
    pages at most two folders deep to the core; other pages (an analyst's, under
    ``people/analysts/<firm>/``) to one shard ``s<n>`` per section (its first two folders),
    since a new call adds questions to analysts of many firms at once."""
    key = shard_key(rel)
    if key != SHARED:
        return f"b{shard_of(key, buckets):02d}"
    parts = rel.split("/")
    return f"s{shard_of('/'.join(parts[:2]), buckets):02d}" if len(parts) > 3 else CORE


def body_element(html: str) -> tuple[int, str] | None:
    """Where the element marked ``data-pagefind-body`` starts, and the element (from its start
    tag to its end tag); None without one.

    Linear: one scan for the start tag, then one for the same tag name's opening and closing
    tags, counting the nesting."""
    at, start = 0, None
    while start is None:  # each mark is looked at once, from the tag opening before it
        at = html.find("data-pagefind-body", at) + 1
        if at == 0:
            return None
        start = BODY_OPEN.match(html, max(0, html.rfind("<", 0, at)))
    tag = re.compile(rf"<(/?){re.escape(start.group(1))}\b[^<>]*>", re.I)
    depth = 1
    for m in tag.finditer(html, start.end()):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return start.start(), html[start.start() : m.end()]
    return start.start(), html[start.start() :]


def projection(html: str) -> str | None:
    """What Pagefind reads of a page: its language, its title and the element marked
    ``data-pagefind-body``; None for a page without one (Pagefind then skips it). Indexing
    these instead of the full pages gives the same index, and the navigation, which changes
    on every page when a call is added, no longer touches a shard's key."""
    found = body_element(html)
    if found is None:
        return None
    head, body = html[: found[0]], found[1]
    tag = HTML_TAG.search(head)
    lang = LANG.search(tag.group(0)) if tag else None
    title = TITLE.search(head)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.group(1) if lang else ""}"><head><meta charset="utf-8">'
        f"<title>{title.group(1) if title else ''}</title></head><body>{body}</body></html>\n"
    )


def site_shards(site_dir: Path, buckets: int = BUCKETS) -> dict[str, dict[str, bytes]]:
    """Every indexed page's projection by shard and path, sorted."""
    shards: dict[str, dict[str, bytes]] = defaultdict(dict)
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(BUNDLE + "/"):
            continue
        text = projection(path.read_text(encoding="utf-8", errors="replace"))
        if text is not None:
            shards[shard_of_page(rel, buckets)][rel] = text.encode("utf-8")
    return {name: shards[name] for name in sorted(shards, key=lambda n: (n != CORE, n))}


@cache
def config_key() -> bytes:
    """What besides the pages decides a shard's index: Pagefind's version and options, and this
    module's code (the projection and the exact-match table)."""
    import importlib.metadata

    try:
        version = importlib.metadata.version("pagefind_bin_extended")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    h = hashlib.sha256()
    for part in (version, *EXCLUDE_SELECTORS, Path(__file__).read_text(encoding="utf-8")):
        h.update(part.encode("utf-8") + b"\0")
    return h.digest()


def shard_key_of(name: str, pages: dict[str, bytes]) -> str:
    """The key of a shard's index: the configuration, then every page's path and projection."""
    h = hashlib.sha256(config_key())
    h.update(name.encode() + b"\0")
    for rel, data in pages.items():
        h.update(rel.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


@dataclass
class ShardIndex:
    """One index shard of a build: reused from the cache or made by Pagefind."""

    name: str
    pages: int
    key: str
    reused: bool = False
    cpu: float = 0.0
    """CPU seconds of its Pagefind process (0 when reused)."""
    peak_mb: float = 0.0
    """The largest resident set of its Pagefind process (0 when reused)."""


def run_pagefind(source: Path, output: Path, run: ShardIndex) -> None:
    """Pagefind over ``source`` into ``output``; its CPU time and peak memory into ``run``."""
    try:
        process = subprocess.Popen(
            pagefind_command(source, output), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
    except OSError as exc:
        raise BuildError(f"pagefind could not run: {exc}".splitlines()[0], str(source)) from exc
    assert process.stdout is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(process.stdout.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    started = time.monotonic()
    while True:
        run.peak_mb = max(run.peak_mb, high_water_mb(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > 1800:
            process.kill()
        time.sleep(0.05)
    reader.join()
    process.returncode = code = os.waitstatus_to_exitcode(status)
    run.cpu = usage.ru_utime + usage.ru_stime
    if code != 0:
        lines = [ln.strip() for ln in b"".join(chunks).decode("utf-8", "replace").splitlines() if ln.strip()]
        raise BuildError(f"pagefind failed: {' | '.join(lines[-3:]) or code}", str(source))


def make_shard(pages: dict[str, bytes], output: Path, run: ShardIndex, work: Path) -> None:
    """Index one shard's pages (their projections, written under ``work``) into ``output``."""
    source = work / run.name
    for rel, data in pages.items():
        target = source / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    try:
        run_pagefind(source, output, run)
    finally:
        shutil.rmtree(source, ignore_errors=True)
    write_exact_index(output)


def copy_tree(src: Path, dest: Path) -> None:
    """``src`` copied to ``dest`` (a new folder), file by file: hard links where the file
    system allows (the same bytes; nothing writes into a bundle once made), else copies."""
    link = True
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        base = Path(dirpath)
        target = dest / base.relative_to(src)
        target.mkdir(parents=True, exist_ok=True)
        for name in sorted(filenames):
            if link:
                try:
                    os.link(base / name, target / name)
                    continue
                except OSError:
                    link = False
            shutil.copyfile(base / name, target / name)


def index_site(site_dir: Path, cache: Path | None = None, buckets: int = BUCKETS) -> list[ShardIndex]:
    """Build the search index of the built site in ``site_dir`` (replacing any old one), in
    shards: ``pagefind/<shard>/`` per shard, each a Pagefind bundle with its exact-match table,
    and ``pagefind/shards.json`` listing them. With ``cache``, a shard whose key (its pages'
    projections and the configuration) is stored there is copied byte for byte instead of
    indexed again; the shards made are stored, and entries no build used are removed.

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
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    shards = site_shards(site_dir, buckets)
    if not shards:
        raise BuildError("pagefind indexed no page (no element has data-pagefind-body)", str(site_dir))
    runs = [ShardIndex(name, len(pages), shard_key_of(name, pages)) for name, pages in shards.items()]
    todo = []
    for run in runs:
        stored = cache / run.key if cache is not None else None
        if stored is not None and (stored / "pagefind-entry.json").is_file():
            copy_tree(stored, bundle / run.name)
            run.reused = True
        else:
            todo.append(run)
    bundle.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="search-shards-"))
    try:
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            jobs = [pool.submit(make_shard, shards[r.name], bundle / r.name, r, work) for r in todo]
            for job in jobs:
                job.result()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for run in runs:
        pages = indexed_pages_of(bundle / run.name)
        if not sum(pages.values()):
            raise BuildError(f"pagefind indexed no page of shard {run.name}", str(site_dir))
    listing = {"version": 1, "shards": [run.name for run in runs]}
    (bundle / SHARDS_FILE).write_text(json.dumps(listing, separators=(",", ":")) + "\n", encoding="utf-8")
    if cache is not None:
        store_shards(cache, bundle, runs)
    return runs


def indexed_pages_of(shard: Path) -> dict[str, int]:
    """Pages indexed per language in one shard's bundle (0 pages when unreadable)."""
    try:
        data = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {lang: int(info.get("page_count", 0)) for lang, info in sorted(data.get("languages", {}).items())}


def store_shards(cache: Path, bundle: Path, runs: list[ShardIndex]) -> None:
    """Store the shards just made under their keys; remove the entries this build did not use."""
    cache.mkdir(parents=True, exist_ok=True)
    for run in runs:
        if run.reused:
            continue
        stored = cache / run.key
        if stored.exists():
            shutil.rmtree(stored)
        partial = cache / f".{run.key}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        copy_tree(bundle / run.name, partial)
        partial.rename(stored)
    used = {run.key for run in runs}
    for entry in cache.iterdir():
        if entry.name not in used:
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)


@cache
def fold_char(ch: str) -> str:
    """One character as the tables key it: NFKC, lower case, Traditional -> Simplified."""
    n = unicodedata.normalize("NFKC", ch).lower()
    return n.translate(ts_table())


class _Folds(dict[int, str]):
    """``str.translate`` table of every character met: its folded form without spaces
    (:func:`fold_char`, then :data:`SPACE` removed; the class is one of single characters, so
    removing it from each character's form equals removing it from the joined text)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = SPACE.sub("", fold_char(chr(code)))
        return folded


_FOLDS = _Folds()


def norm(text: str) -> str:
    """Text as the exact-match table keys it: per character NFKC, lower case, Simplified, no spaces.

    docs/assets/search.js normalises queries the same way (keep the two in step).
    """
    return text.translate(_FOLDS)


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


def write_exact_index(bundle: Path) -> None:
    """Write ``exact/`` in a Pagefind bundle: meta.json (page ids, shard count) and
    ``<n>.json.gz`` shards."""
    pages = read_fragments(bundle)
    postings: dict[str, list[int]] = defaultdict(list)
    held: set[str] = set()
    for number, (_, text, _) in enumerate(pages):
        normed = norm(text)
        held.update(normed)
        for key in keys_of_norm(normed):
            postings[key].append(number)
    shards = shard_count(sum(map(len, postings.values())))
    grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for key, numbers in postings.items():  # numbers ascend: pages are taken in order
        grouped[shard_of(key, shards)][key] = numbers[:1] + list(map(operator.sub, numbers[1:], numbers))
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
    ordered = sorted(numbers)
    return ordered[:1] + list(map(operator.sub, ordered[1:], ordered))
