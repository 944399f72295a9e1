"""The site built in shards: independent MkDocs builds, in parallel, merged into one site.

A shard is a set of companies (:func:`shard_key` names the company a page belongs to; the
pages that gather calls of every company are *shared* and go to shard 0 with the theme's
files). Companies are spread over the shards by :func:`assign`, largest first onto the
least loaded shard, so the plan depends only on the site's file list.

Every shard's MkDocs sees the complete file list, so its navigation (which Material puts
into every page) is the one an ordinary build makes; the hook ``generator/site/hooks.py``
then marks the other shards' files as not to be written (after the navigation was made
from all of them, and with their front matter read, so their titles are known), and only
shard 0 writes the site-wide templates (``404.html``, ``sitemap.xml`` with every page).
A shard's MkDocs is told its part by the environment: ``GENERATOR_SHARD=<k>/<n>``.

:func:`merge_sites` copies the shard sites into one folder (their files are disjoint; the
same path from two shards is an error unless the bytes are equal); the search index is
then made once over the merged site. The result is byte-identical to one build
(``tests/test_scale_shards.py``). Anchor links from a page to a page of another shard are
not checked (MkDocs checks an anchor only on a page it converted); links to pages are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import BuildError

SHARD_ENV = "GENERATOR_SHARD"
"""``<k>/<n>``: the MkDocs build writes only shard ``k`` (0-based) of ``n``."""
SHARED = ""
"""The shard key of the pages and files that belong to no company (always in shard 0)."""
COMPANY_FOLDERS = (("calls",), ("companies",), ("people", "management"), ("topics", None))
"""Where a company's folder sits in a page's path (see generator/site/urls.py): after these
parts (``None``: any one name). Only a file *inside* that folder belongs to the company."""


def shard_key(src_uri: str) -> str:
    """The company a site file belongs to (its folder name), or :data:`SHARED`."""
    parts = PurePosixPath(src_uri).parts
    for prefix in COMPANY_FOLDERS:
        depth = len(prefix)
        if len(parts) > depth + 1 and all(p is None or p == q for p, q in zip(prefix, parts, strict=False)):
            return parts[depth]
    return SHARED


def parse_shard(text: str) -> tuple[int, int]:
    """``"k/n"`` as (k, n), 0 <= k < n; ValueError otherwise."""
    k, sep, n = text.partition("/")
    if not sep or not k.strip().isdigit() or not n.strip().isdigit():
        raise ValueError(f"a shard is written k/n (0 <= k < n), not {text!r}")
    index, count = int(k), int(n)
    if count < 1 or index >= count:
        raise ValueError(f"a shard is written k/n (0 <= k < n), not {text!r}")
    return index, count


def assign(weights: dict[str, int], count: int) -> dict[str, int]:
    """The shard of every key: the shared key in shard 0, then each company, heaviest first
    (ties by name), onto the shard with the least weight so far (ties: the lowest number)."""
    loads = [0] * count
    plan = {SHARED: 0}
    loads[0] = weights.get(SHARED, 0)
    for key in sorted((k for k in weights if k != SHARED), key=lambda k: (-weights[k], k)):
        shard = min(range(count), key=lambda s: (loads[s], s))
        plan[key] = shard
        loads[shard] += weights[key]
    return plan


def plan_of(pages: Iterable[str], count: int) -> dict[str, int]:
    """:func:`assign` weighted by the number of pages (Markdown files) of each company."""
    weights: dict[str, int] = {}
    for src_uri in pages:
        key = shard_key(src_uri)
        weights[key] = weights.get(key, 0) + 1
    return assign(weights, count)


# --- building the shards and merging them ---------------------------------------------------


@dataclass
class ShardRun:
    """One shard's MkDocs build: where it wrote, and what it cost."""

    index: int
    site: Path
    cpu: float = 0.0
    """CPU seconds (user and system) of the process."""
    peak_mb: float = 0.0
    """Its largest resident set, sampled every :data:`POLL_SECONDS` (0 where /proc is missing)."""


POLL_SECONDS = 0.1


def high_water_mb(pid: int) -> float:
    """The peak resident memory of a running process (``VmHWM``), 0 once it has ended.

    Not ``wait4``'s ``ru_maxrss``: Linux counts in it the memory of the parent at the fork."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def mkdocs_command(root: Path, site_dir: Path, strict: bool) -> list[str]:
    """The ``mkdocs build`` command line of the project's mkdocs.yml into ``site_dir`` (not
    ``--quiet``, which keeps ``--strict`` from counting warnings; see ``build.run_mkdocs``)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    cmd += ["-d", str(site_dir)]
    return cmd + (["--strict"] if strict else [])


def run_shards(root: Path, folder: Path, count: int, strict: bool, env: dict[str, str]) -> list[ShardRun]:
    """MkDocs for shards 0..count-1 at once, each into ``folder/<k>``; the runs in shard order.

    Every process is waited for; the first failure (by shard number) is raised as one line."""
    folder.mkdir(parents=True, exist_ok=True)
    runs, processes, logs = [], [], []
    for index in range(count):
        site = folder / str(index)
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        shard_env = {**env, SHARD_ENV: f"{index}/{count}"}
        cmd = mkdocs_command(root, site, strict)
        processes.append(subprocess.Popen(cmd, cwd=root, env=shard_env, stdout=log, stderr=log))
        runs.append(ShardRun(index, site))
        logs.append(log)
    codes: dict[int, int] = {}
    pending = list(zip(processes, runs, strict=True))
    while pending:  # each waited for by its own id; its memory sampled while it runs
        for process, run in list(pending):
            run.peak_mb = max(run.peak_mb, high_water_mb(process.pid))
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid == 0:
                continue
            pending.remove((process, run))
            process.returncode = codes[run.index] = os.waitstatus_to_exitcode(status)
            run.cpu = usage.ru_utime + usage.ru_stime
        if pending:
            time.sleep(POLL_SECONDS)
    for run, log in zip(runs, logs, strict=True):
        log.seek(0)
        output = log.read()
        log.close()
        if codes[run.index] != 0:
            lines = [ln for ln in output.splitlines() if ln.strip()]
            detail = " | ".join(lines[-5:]) or f"exit status {codes[run.index]}"
            raise BuildError(f"mkdocs build of shard {run.index}/{count} failed: {detail}", "mkdocs.yml")
    return runs


def merge_sites(shards: list[Path], dest: Path, move: bool = True) -> int:
    """Move (or copy) every shard's files into ``dest``; the number of files. A path written
    by two shards must hold the same bytes (else BuildError): shards write disjoint parts."""
    owner: dict[str, Path] = {}
    for shard in shards:
        for dirpath, dirnames, filenames in os.walk(shard):
            dirnames.sort()
            base = Path(dirpath)
            for name in sorted(filenames):
                src = base / name
                rel = src.relative_to(shard).as_posix()
                target = dest / rel
                if rel in owner:
                    if target.read_bytes() != src.read_bytes():
                        raise BuildError(f"two shards wrote {rel} with different bytes", str(shard))
                    continue
                owner[rel] = shard
                target.parent.mkdir(parents=True, exist_ok=True)
                if move:
                    shutil.move(src, target)
                else:
                    shutil.copy2(src, target)
    return len(owner)


def shard_count_for(docs: Path, wanted: int) -> int:
    """At most one shard per company, plus the shared one; at least one."""
    companies = {shard_key(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")} - {SHARED}
    return max(1, min(wanted, len(companies) + 1))


PAGES_PER_SHARD = 1000
"""The default shard count gives each shard at least this many pages: a shard's fixed work
(starting MkDocs, reading every file, the whole navigation) is about 0.6 s of CPU at 100
calls, while 2,000 pages take some 20 s in one process (docs/scaling.md)."""


def default_shard_count(docs: Path, cores: int) -> int:
    """The shard count of ``build --shards auto``: one per core, but no more than one per
    :data:`PAGES_PER_SHARD` pages (a small site is built in one process), and at most one per
    company plus one (:func:`shard_count_for`)."""
    pages = sum(1 for _ in docs.rglob("*.md"))
    wanted = max(1, min(cores, pages // PAGES_PER_SHARD))
    return shard_count_for(docs, wanted) if wanted > 1 else 1
