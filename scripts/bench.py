"""Benchmark: build a synthetic corpus of N calls and print build, size and search figures.

    .venv/bin/python scripts/bench.py              # 1,000 calls (about 10 minutes on 2 cores)
    .venv/bin/python scripts/bench.py --calls 100  # quicker
    .venv/bin/python scripts/bench.py --calls 10000 --no-browser --no-long

The corpus is derived from the project's transcripts (content/transcripts): each copy
shifts the years (so calls land in other periods and year folders) and scales the
figures, so pages differ. It is written into a temporary project, built stage by stage
(summarize -> render -> mkdocs -> search index; wall and CPU seconds per stage, CPU
counting worker processes, which compares better on a shared machine) and served from 127.0.0.1; Debian's
Chromium (headless) then types a few queries into the search box and we count the bytes
it downloads and the time until the first result (or "no result") shows.
Then the incremental scenario: one transcript added and one changed, and the time until
the site is up to date again (summaries, pages, MkDocs with its page cache, search index),
stage by stage. Peak memory is the largest resident size of this process and of any child
(summarize workers, MkDocs). Last, long inputs: a 1, 2 and 4 MB transcript on a single line
and a 10,000-turn transcript, read and summarized in a child process that is stopped after
a time limit. This prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import multiprocessing
import os
import re
import resource
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import (  # noqa: E402
    Layout,
    default_jobs,
    fresh_site,
    render_tree,
    run_mkdocs_shards,
    summarize_tree,
)
from generator.site.hooks import CACHE_ENV  # noqa: E402
from generator.site.search import index_site, search_cache  # noqa: E402
from generator.site.shards import default_shard_count  # noqa: E402

QUERIES = ("全站推广", "云智能", "回购", "量子纠缠咖啡馆")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?!\d)")
DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def vary(text: str, shift: int, factor: float) -> str:
    """The text with every year moved back ``shift`` years and every decimal figure scaled."""
    text = YEAR.sub(lambda m: str(int(m.group(1)) - shift), text)

    def scale(m: re.Match[str]) -> str:
        decimals = len(m.group(2))
        return f"{float(m.group(0)) * factor:.{decimals}f}"

    return DECIMAL.sub(scale, text)


def synth_corpus(dest: Path, calls: int) -> int:
    """Write ``calls`` varied transcripts under ``dest``/<company>/; returns how many."""
    seeds = sorted(p for p in (ROOT / "content" / "transcripts").rglob("*") if p.is_file())
    if not seeds:
        raise SystemExit("no transcripts in content/transcripts to derive a corpus from")
    for i in range(calls):
        seed = seeds[i % len(seeds)]
        shift = (i // len(seeds)) % 25
        factor = 1 + (i % 13) / 100
        text = vary(seed.read_text(encoding="utf-8", errors="replace"), shift, factor)
        name = vary(seed.stem, shift, 1.0) + f"-s{i:04d}" + seed.suffix
        out = dest / seed.parent.name / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return calls


def make_project(root: Path, calls: int, site_url: str) -> None:
    """A project folder with the real config, theme, assets and a synthetic corpus."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", config), "utf-8")
    for folder in ("overrides", "generator"):
        shutil.copytree(ROOT / folder, root / folder, ignore=ignore)
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    synth_corpus(root / "content" / "transcripts", calls)


def cpu_seconds() -> float:
    """CPU time (user and system) of this process and of its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, times: dict[str, float], fn: Callable[[], Any]) -> Any:
    """Run ``fn``; print its wall time and CPU time (the machine is shared: CPU compares better)."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = fn()
    times[label] = time.perf_counter() - start
    used = cpu_seconds() - cpu
    times[f"{label} cpu"] = used
    print(f"  {label:<10} {times[label]:8.1f} s   cpu {used:8.1f} s", flush=True)
    return result


def mkdocs(work: Path, site: Path, shards: int) -> None:
    """MkDocs into ``site``: one process, or ``shards`` processes merged; each process's peak
    memory (sampled from /proc: a child's ru_maxrss counts this process's memory at the fork)."""
    runs = run_mkdocs_shards(work, site, strict=False, shards=max(1, shards))
    peaks = ", ".join(f"{run.peak_mb:.0f}" for run in runs)
    cpus = ", ".join(f"{run.cpu:.1f}" for run in runs)
    together = sum(r.peak_mb for r in runs)
    print(f"    MkDocs x {len(runs)}: peak memory {peaks} MB (together {together:.0f} MB); cpu {cpus} s")


def stages(layout: Layout, work: Path, times: dict[str, float], shards: int | None = None) -> None:
    """Every stage of a build, timed; the site is built beside the old one and swapped in.
    MkDocs in ``shards`` processes; None: as many as ``build --shards auto`` picks (one per
    core and per 1,000 pages)."""
    timed("summarize", times, lambda: summarize_tree(layout.transcripts, layout.summaries, work))
    pages = timed("render", times, lambda: render_tree(layout.summaries, layout.docs, work))
    print(
        f"    render: {pages.rendered} units rendered, {pages.kept} kept (inputs unchanged), "
        f"{default_jobs()} processes"
    )
    if shards is None:
        shards = default_shard_count(layout.docs, default_jobs())
    with fresh_site(layout.site) as building:
        timed("mkdocs", times, lambda: mkdocs(work, building, shards))
        timed("search", times, lambda: search_stage(building, search_cache(work)))
    wall = sum(v for k, v in times.items() if not k.endswith(" cpu"))
    cpu = sum(v for k, v in times.items() if k.endswith(" cpu"))
    print(f"  {'total':<10} {wall:8.1f} s   cpu {cpu:8.1f} s", flush=True)


def search_stage(site: Path, cache: Path | None) -> None:
    """The search index in shards; how many were indexed again, and the largest Pagefind."""
    runs = index_site(site, cache=cache)
    made = [r for r in runs if not r.reused]
    peak = max((r.peak_mb for r in made), default=0.0)
    cpu = sum(r.cpu for r in made)
    print(f"    search: {len(made)} of {len(runs)} indexed, Pagefind peak {peak:.0f} MB, cpu {cpu:.1f} s")


def peak_memory() -> None:
    """The largest resident set of this process and of any child process so far."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory     {own:8.0f} MB this process, {children:.0f} MB largest child")


def shard_rows(work: Path, counts: list[int]) -> None:
    """MkDocs alone on the same pages in 1 and in N processes: cold (an empty page cache),
    then again from the cache that run filled."""
    print("MkDocs alone, one process against shards (same pages):")
    for count in counts:
        cache = work / "build" / f"bench-cache-{count}"
        shutil.rmtree(cache, ignore_errors=True)
        os.environ[CACHE_ENV] = str(cache)
        try:
            for label in ("cold", "cached"):
                site = work / "build" / f"bench-site-{count}"
                shutil.rmtree(site, ignore_errors=True)
                start, cpu = time.perf_counter(), cpu_seconds()
                mkdocs(work, site, count)
                wall, used = time.perf_counter() - start, cpu_seconds() - cpu
                name = f"{count} process{'es' if count > 1 else ''}, {label}"
                print(f"  {name:<20} {wall:8.1f} s   cpu {used:8.1f} s", flush=True)
                shutil.rmtree(site, ignore_errors=True)
        finally:
            del os.environ[CACHE_ENV]
            shutil.rmtree(cache, ignore_errors=True)


def incremental(layout: Layout, work: Path, shards: int | None = None) -> None:
    """One transcript added and one changed: the time until the site is up to date."""
    transcripts = sorted(p for p in layout.transcripts.rglob("*") if p.is_file())
    changed = transcripts[len(transcripts) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n总裁:谢谢大家。\n", encoding="utf-8")
    seed = transcripts[0]
    text = vary(seed.read_text(encoding="utf-8"), 30, 1.5)
    (seed.parent / (vary(seed.stem, 30, 1.0) + "-added" + seed.suffix)).write_text(text, encoding="utf-8")
    print(f"incremental: one transcript added, one changed ({changed.name}):")
    stages(layout, work, {}, shards)
    same_as_cold(layout, work)


def same_as_cold(layout: Layout, work: Path) -> None:
    """The incremental render's pages against a cold render of the same summaries (another folder)."""
    cold = work / "build" / "bench-cold-docs"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(layout.docs / "assets", cold / "assets")
    start, cpu = time.perf_counter(), cpu_seconds()
    render_tree(layout.summaries, cold, work)
    wall, used = time.perf_counter() - start, cpu_seconds() - cpu

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")
        }

    a, b = files(layout.docs), files(cold)
    differ = sorted(set(a) ^ set(b)) + [rel for rel in a if rel in b and a[rel] != b[rel]]
    verdict = "byte-identical" if not differ else f"{len(differ)} files differ, e.g. {differ[:3]}"
    print(f"  pages against a cold render ({wall:.1f} s, cpu {used:.1f} s): {len(a)} files, {verdict}")
    shutil.rmtree(cold, ignore_errors=True)


def long_input(path: Path, limit: float) -> str:
    """Read and summarize ``path`` in a child process; its times, or how long it was let run."""
    queue: multiprocessing.Queue[str] = multiprocessing.Queue()
    child = multiprocessing.get_context("fork").Process(target=_long_child, args=(path, queue))
    child.start()
    child.join(limit)
    stopped = child.is_alive()
    if stopped:
        child.kill()
        child.join()
    said = "failed"
    while not queue.empty():
        said = queue.get()
    return f"{said}, stopped after {limit:.0f} s" if stopped else said


def _long_child(path: Path, queue: multiprocessing.Queue[str]) -> None:
    from generator.extract.summarize import summarize
    from generator.source.read import read_source

    start = time.perf_counter()
    doc = read_source(path)
    read = time.perf_counter() - start
    queue.put(f"read {read:6.2f} s   summarize did not finish")
    summarize(doc)
    summary = time.perf_counter() - start - read
    queue.put(f"read {read:6.2f} s   summarize {summary:7.2f} s")


def long_inputs(folder: Path, limit: float) -> None:
    """1, 2 and 4 MB of transcript on a single line, and a 10,000-turn transcript."""
    seed = (ROOT / "content/transcripts/alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt").read_text(
        encoding="utf-8"
    )
    flat = seed.replace("\n", " ").encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"long inputs (summarize stopped after {limit:.0f} s):")
    for mb in (1, 2, 4):
        size = mb * 1_000_000
        path = folder / f"one-line-{mb}mb.txt"
        path.write_bytes((flat * (size // len(flat) + 1))[:size].decode("utf-8", "ignore").encode())
        print(f"  {mb} MB, one line       {long_input(path, limit)}", flush=True)
    lines = [ln for ln in seed.splitlines() if ln.strip()]
    turns = folder / "turns-10000.txt"
    turns.write_text("\n".join(lines[i % len(lines)] for i in range(10_000)) + "\n", encoding="utf-8")
    megabytes = turns.stat().st_size / 1e6
    print(f"  10,000 turns ({megabytes:.1f} MB) {long_input(turns, limit)}", flush=True)


def site_figures(site: Path) -> None:
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    bundle = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    exact = sum(p.stat().st_size for p in (site / "pagefind").glob("*/exact/*") if p.is_file())
    html = sum(p.stat().st_size for p in pages)
    largest = pages[-1]
    print(f"  HTML pages      {len(pages):8d}")
    print(f"  site size       {total / 1e6:8.1f} MB   (HTML {html / 1e6:.1f} MB)")
    print(f"  search bundle   {bundle / 1e6:8.1f} MB   (exact-match table {exact / 1e6:.1f} MB)")
    print(f"  average page    {html / len(pages) / 1e3:8.1f} KB")
    print(f"  largest page    {largest.stat().st_size / 1e3:8.1f} KB   {largest.relative_to(site)}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(site: Path, port: int) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


DONE = """q => { const b = document.querySelector('[data-pagefind-search]');
  return b.dataset.searchQuery === q && ['done', 'error'].includes(b.dataset.searchState); }"""
FIRST = """q => { const b = document.querySelector('[data-pagefind-search]');
  return document.querySelector('.md-search-result__item') !== null || b.dataset.searchQuery === q; }"""


def measure_query(page: Any, query: str) -> tuple[float, int, int, str]:
    """Type ``query``; return (seconds to first result, bytes, requests, result line)."""
    sizes: list[int] = []

    def finished(request: Any) -> None:
        try:
            s = request.sizes()
            sizes.append(int(s.get("responseBodySize", 0)) + int(s.get("responseHeadersSize", 0)))
        except Exception:
            pass

    page.on("requestfinished", finished)
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("")
    page.wait_for_timeout(200)
    sizes.clear()
    start = time.perf_counter()
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(FIRST, arg=query, timeout=60000, polling=10)
    first = time.perf_counter() - start
    page.wait_for_function(DONE, arg=query, timeout=60000)
    page.wait_for_timeout(300)
    page.remove_listener("requestfinished", finished)
    return first, sum(sizes), len(sizes), page.inner_text(".md-search-result__meta").strip()


def browser_figures(base_url: str) -> None:
    """Each query in a fresh browser (cold cache), then all of them in one session."""
    from playwright.sync_api import sync_playwright

    def row(label: str, query: str, page: Any) -> None:
        first, size, count, meta = measure_query(page, query)
        print(f"  {query:<10} {label:<8} {first * 1000:7.0f} ms {size / 1024:7.0f} KB {count:5d}  {meta}")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"  {'query':<10} {'browser':<8} {'1st result':>10} {'download':>10} {'reqs':>5}  shown")
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base_url)
            page.wait_for_load_state("networkidle")
            row("fresh", query, page)
            context.close()
        context = browser.new_context()
        page = context.new_page()
        page.goto(base_url)
        page.wait_for_load_state("networkidle")
        for query in QUERIES:
            row("session", query, page)
        context.close()
        browser.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1000, help="number of synthetic calls (default 1000)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search figures in Chromium")
    parser.add_argument("--no-long", action="store_true", help="skip the long-input rows")
    parser.add_argument("--limit", type=float, default=120, help="seconds a long input may take (120)")
    parser.add_argument(
        "--shards",
        default="1",
        metavar="N[,M…]",
        help="MkDocs in N processes by company (generator build --shards); with more counts, "
        "MkDocs alone is also timed with each; auto: as `build --shards auto` picks, one per "
        "core and per 1,000 pages (default 1)",
    )
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental scenario")
    args = parser.parse_args(argv)
    port = free_port()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"corpus: {args.calls} calls in {work}", flush=True)
        make_project(work, args.calls, f"http://127.0.0.1:{port}/")
        layout = Layout.of(work)
        counts: list[int | None] = [
            None if n.strip() == "auto" else int(n) for n in args.shards.split(",") if n.strip()
        ] or [None]
        first = counts[0]
        print(f"cold build{f' (MkDocs in {first} shards)' if first is not None and first > 1 else ''}:")
        stages(layout, work, {}, first)
        peak_memory()
        print("site:")
        site_figures(layout.site)
        if len(counts) > 1:
            shard_rows(work, [n or default_shard_count(layout.docs, default_jobs()) for n in counts])
        if not args.no_incremental:
            incremental(layout, work, first)
            peak_memory()
        if not args.no_browser:
            print("search in headless Chromium on loopback (cold = fresh browser cache):")
            with serve(layout.site, port) as base_url:
                browser_figures(base_url)
        if not args.no_long:
            long_inputs(work / "long", args.limit)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
