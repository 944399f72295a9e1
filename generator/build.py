"""The whole chain: transcripts -> summaries -> pages -> MkDocs site -> search index.

Collect, then write: every summary is loaded before any page is rendered, because the
home, company, people and topic pages need the whole set. Problems with one file are
reported (one line each) and the rest goes on; under ``strict`` any problem fails the run.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__, lexicon
from generator.errors import BuildError, GeneratorError, LexiconError
from generator.extract.summarize import summarize
from generator.model import Document, Line, Summary
from generator.site.shards import SHARD_ENV, ShardRun, default_shard_count, shard_count_for
from generator.source.read import SOURCE_SUFFIXES, display_path, read_source
from generator.store.corrections import apply_corrections, corrections_path, load_corrections
from generator.store.summaries import load_summaries, summary_to_yaml
from generator.writer import OutputTree, locked


@dataclass
class Report:
    """What a stage did, and the problems it met."""

    written: int = 0
    unchanged: int = 0
    reused: int = 0
    """Summaries whose inputs were unchanged, taken as they were without reading or extraction."""
    rendered: int = 0
    """Units of the render (a call's page and downloads, a company's page and charts, a page) rendered."""
    kept: int = 0
    """Units of the render whose inputs were unchanged: their files kept without rendering."""
    removed: list[str] = field(default_factory=list)
    errors: list[GeneratorError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things worth knowing that are no problem (two sources of one call): never fail --strict."""
    fatal: bool = False
    """A problem that stopped the run before its work (a malformed lexicon, a failed site build)."""
    site: Path | None = None
    """The site folder, once a complete new site has replaced the old one."""

    def absorb(self, other: Report) -> None:
        """Add another stage's counts and problems to this one."""
        self.written += other.written
        self.unchanged += other.unchanged
        self.reused += other.reused
        self.rendered += other.rendered
        self.kept += other.kept
        self.removed += other.removed
        self.errors += other.errors
        self.warnings += other.warnings
        self.notes += other.notes
        self.fatal = self.fatal or other.fatal

    @property
    def problems(self) -> int:
        """Errors and warnings together (what --strict refuses)."""
        return len(self.errors) + len(self.warnings)


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its content and output (all relative to ``root``)."""

    root: Path
    transcripts: Path
    summaries: Path
    corrections: Path
    docs: Path
    site: Path

    @classmethod
    def of(cls, root: Path) -> Layout:
        """The standard layout of a project rooted at ``root``."""
        return cls(
            root=root,
            transcripts=root / "content" / "transcripts",
            summaries=root / "content" / "summaries",
            corrections=root / "content" / "corrections",
            docs=root / "docs",
            site=root / "site",
        )


BUILD_LOCK = ".build.lock"
"""The lock file in the project root that keeps two builds of one project apart."""
NAME_BYTES_MAX = 240
"""Longest output file name (in UTF-8 bytes) written; file systems allow 255."""


def shown(path: Path) -> str:
    """A path as text that can always be printed (bytes that are not UTF-8 escaped)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def name_problem(rel: Path) -> str | None:
    """Why a file's name cannot be used, or None: every part must be UTF-8."""
    for part in rel.parts:
        try:
            part.encode("utf-8")
        except UnicodeEncodeError:
            raw = os.fsencode(part)
            guess = raw.decode("gb18030", "replace")
            return (
                f"file name is not UTF-8 (read as GBK it says '{guess}'); rename it "
                "(e.g. unzip -O GBK, or convmv -f gbk -t utf-8)"
            )
    return None


def outside_problem(path: Path, allowed: list[Path]) -> str | None:
    """Why ``path`` may not be read, or None: it must lead to a file inside ``allowed``."""
    real = path.resolve()
    if any(real.is_relative_to(base) for base in allowed):
        return None
    return f"refused: a link to {shown(real)}, outside the project's content"


def find_transcripts(src: Path, report: Report, root: Path | None = None) -> list[Path]:
    """Every transcript file under ``src`` (or ``src`` itself), sorted; others are warned about.

    A file whose real location is outside ``src`` and the project's ``content/`` (a symbolic
    link to /etc/passwd) and a file name that is not UTF-8 are refused, one error line each.
    """
    if src.is_file():
        return [src]
    if not src.is_dir():
        report.errors.append(GeneratorError("no such file or folder", str(src)))
        return []
    allowed = [src.resolve()]
    if root is not None:
        allowed.append((root / "content").resolve())
    found = []
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        problem = name_problem(rel) or outside_problem(path, allowed)
        if problem:
            report.errors.append(GeneratorError(problem, shown(path)))
            continue
        if path.suffix.lower() in SOURCE_SUFFIXES:
            found.append(path)
        else:
            report.warnings.append(f"{path}: skipped, not a transcript type ({', '.join(SOURCE_SUFFIXES)})")
    return found


def bounded_name(name: str, limit: int = NAME_BYTES_MAX) -> str:
    """``name`` itself when short enough; else cut (on a character) and marked with a hash."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    tag = "-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10] + (f".{suffix}" if suffix else "")
    room = limit - len(tag.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", "ignore")
    return cut + tag


def summary_name(src: Path, transcript: Path) -> str:
    """The summary's path relative to the output folder: the transcript's, with .yaml."""
    rel = transcript.relative_to(src) if src.is_dir() else Path(transcript.name)
    parts = [bounded_name(p) for p in rel.with_suffix(".yaml").parts]
    return Path(*parts).as_posix()


def check_lexicons() -> GeneratorError | None:
    """Load every lexicon and run the extractor once on a tiny text; the first problem, or None.

    A malformed lexicon breaks every file alike: it is reported once, before any work."""
    try:
        lexicon.check()
        lines = [Line(number=i + 1, original=t, text=t, norm=t) for i, t in enumerate(PROBE)]
        summarize(Document(path="(lexicon check)", sha256="0" * 64, encoding="utf-8", lines=lines))
    except GeneratorError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a lexicon of the wrong shape fails anywhere
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        dirs = ", ".join(str(d) for d in lexicon.extra_dirs()) or "the bundled lexicons"
        return LexiconError(
            f"the extractor cannot run with these lexicons ({detail}); check {dirs}", "lexicons"
        )
    return None


PROBE = (
    "阿里巴巴2024财年第四季度业绩电话会",
    "首席执行官吴泳铭:本季度收入为2218.74亿元,同比增长7%。",
    "分析师:请问云业务的增长?",
)
"""A few lines that touch every lexicon: a company, a period, a speaker, a metric, a question."""


def summarize_one(
    path: Path, root: Path, corrections_file: Path | None, report: Report
) -> tuple[Summary, Document] | None:
    """Read, extract and correct one transcript; problems go to ``report``."""
    try:
        doc = read_source(path, root)
        summary = summarize(doc)
        if corrections_file is not None and corrections_file.is_file():
            corr = load_corrections(corrections_file)
            summary, warnings = apply_corrections(summary, corr, corrections_file, doc)
            report.warnings += warnings
    except GeneratorError as exc:
        report.errors.append(exc)
        return None
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        report.errors.append(
            GeneratorError(f"extraction failed ({detail}); this is a bug, please report it", str(path))
        )
        return None
    return summary, doc


PARALLEL_MIN = 8
"""Below this many transcripts, summarizing in one process is quicker than starting workers."""


def default_jobs() -> int:
    """Worker processes for summarizing: ``GENERATOR_JOBS``, else one per core."""
    env = os.environ.get("GENERATOR_JOBS", "")
    if env.strip().isdigit():
        return max(1, int(env))
    return os.cpu_count() or 1


Job = tuple[Path, Path, Path | None]
"""One transcript to summarize: its path, the project root, its corrections file."""
Outcome = tuple[str | None, list[tuple[str, str | None]], list[str]]
"""A job's result: the summary's YAML (None on failure), errors as (message, path), warnings."""


def summarize_job(job: Job) -> Outcome:
    """Summarize one transcript into YAML text (runs in a worker process or in this one)."""
    path, root, corrections_file = job
    report = Report()
    result = summarize_one(path, root, corrections_file, report)
    text = summary_to_yaml(result[0]) if result is not None else None
    return text, [(e.message, e.path) for e in report.errors], report.warnings


def run_jobs(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """The outcome of every job, in the jobs' order whatever the scheduling."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN:
        yield from map(summarize_job, jobs)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(summarize_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


EXTRACTOR_CODE = ("model.py", "errors.py", "source", "extract", "store", "lexicon")
"""The parts of the package a summary's bytes depend on (their Python files, under generator/)."""


def digest_files(paths: list[Path], base: Path) -> str:
    """One SHA-256 over the names (relative to ``base``) and bytes of ``paths``."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def extractor_version() -> str:
    """A digest of the extractor's code: any change to it makes every summary again."""
    package = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in EXTRACTOR_CODE:
        part = package / name
        files += sorted(part.rglob("*.py")) if part.is_dir() else [part]
    return f"{__version__}:{digest_files(files, package)}"


def lexicons_version() -> str:
    """A digest of every lexicon file read: the bundled ones and the project's extensions."""
    parts = []
    for folder in (lexicon.BUNDLED, *lexicon.extra_dirs()):
        files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        parts.append(digest_files(files, folder))
    return ":".join(parts)


def file_digest(path: Path | None) -> str | None:
    """SHA-256 of a file's bytes, or None when there is no such file."""
    if path is None or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_key(job: Job, versions: str) -> str | None:
    """The content key of one summary's inputs: the transcript (its bytes and the path it is
    shown under), its corrections file, the lexicons and the extractor (``versions``).
    None when the transcript cannot be read (it is then summarized, to report why)."""
    path, root, corrections_file = job
    try:
        transcript = file_digest(path)
    except OSError:
        return None
    if transcript is None:
        return None
    try:
        corrections = file_digest(corrections_file)
    except OSError:
        return None
    shown_as = display_path(path, root)
    text = json.dumps([versions, shown_as, transcript, corrections], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summarize_tree(
    src: Path,
    out: Path,
    root: Path,
    corrections: Path | None = None,
    prune: bool = False,
    jobs: int | None = None,
) -> Report:
    """Summarize every transcript under ``src`` into YAML files under ``out``.

    Nothing is lost: a transcript that fails to read, extract or correct keeps its earlier
    summary (the failure is reported); with ``prune`` only the summaries whose transcript
    is gone from ``src`` are removed. A lexicon problem stops the stage before any work.
    Transcripts are summarized by ``jobs`` worker processes (default: one per core); the
    summaries are written by this process in the transcripts' order, so output is the same
    whatever the number of workers.

    Incremental by content: a summary whose inputs have the key recorded for it in the
    output folder's manifest (see :func:`input_key`) is neither read nor extracted again;
    the warnings recorded with it are reported again, so ``--strict`` judges both runs alike.
    """
    report = Report()
    lexicon.use_project(root)
    problem = check_lexicons()
    if problem is not None:
        report.errors.append(problem)
        report.fatal = True
        return report
    with locked(out, "summarize"):
        transcripts = find_transcripts(src, report, root)
        tree = OutputTree(out, prune=prune and not report.errors)
        rels = [summary_name(src, path) for path in transcripts]
        work: list[Job] = [
            (path, root, corrections_path(corrections, Path(rel)) if corrections is not None else None)
            for path, rel in zip(transcripts, rels, strict=True)
        ]
        versions = f"{extractor_version()}|{lexicons_version()}"
        keys = [input_key(job, versions) for job in work]
        pairs = zip(rels, keys, strict=True)
        reused = [tree.reuse(rel, key) if key is not None else None for rel, key in pairs]
        todo = [job for job, record in zip(work, reused, strict=True) if record is None]
        outcomes = run_jobs(todo, jobs or default_jobs())
        for rel, key, record in zip(rels, keys, reused, strict=True):
            if record is not None:
                report.warnings += record.warnings
                report.reused += 1
                continue
            text, errors, warnings = next(outcomes)
            report.errors += [GeneratorError(message, path) for message, path in errors]
            report.warnings += warnings
            if text is None:
                tree.keep(rel)
                continue
            try:
                tree.write(rel, text, key=key if not errors else None, warnings=warnings)
            except GeneratorError as exc:
                report.errors.append(exc)
                tree.keep(rel)
        report.removed = tree.finish()
    report.written, report.unchanged = len(tree.written) - tree.unchanged, tree.unchanged
    return report


SUMMARY_CACHE_ENV = "GENERATOR_SUMMARY_CACHE"


def summary_cache(root: Path) -> Path | None:
    """The render's cache of parsed summaries (``build/summaries.pickle``; the environment
    variable ``GENERATOR_SUMMARY_CACHE`` names another file, or ``off``)."""
    setting = os.environ.get(SUMMARY_CACHE_ENV, "").strip()
    if setting.lower() == "off":
        return None
    return root / setting if setting else root / "build" / "summaries.pickle"


def render_tree(summaries_dir: Path, docs_dir: Path, root: Path, jobs: int | None = None) -> Report:
    """Load every summary, then render the site's Markdown pages into ``docs_dir``, the units
    keyed and rendered by ``jobs`` worker processes (default: one per core; the same files
    whatever the number).

    Pages are pruned only after a run without errors: a summary that fails to load, or a
    page that cannot be written, leaves every earlier page in place.
    """
    from generator.site.incremental import code_version
    from generator.site.render import render_pages

    report = Report()
    lexicon.use_project(root)
    summaries, errors = load_summaries(summaries_dir, summary_cache(root))
    report.errors += errors
    code = code_version(extractor_version(), lexicons_version())
    with locked(docs_dir, "render"):
        tree = OutputTree(docs_dir, prune=True)
        try:
            result = render_pages(summaries, root, tree, docs_dir, code, jobs or default_jobs())
        except GeneratorError as exc:
            report.errors.append(exc)
        else:
            if result is not None:
                report.errors += result.errors
                report.warnings += result.warnings
                report.notes += result.notes
                report.rendered, report.kept = result.rendered, result.reused
        tree.prune = not report.errors
        report.removed = tree.finish()
    report.written, report.unchanged = len(tree.written) - tree.unchanged, tree.unchanged
    return report


def build_date_epoch(root: Path) -> str:
    """A fixed SOURCE_DATE_EPOCH, so MkDocs' sitemap and gzip dates repeat byte for byte."""
    return os.environ.get("SOURCE_DATE_EPOCH", "0")


def run_mkdocs(root: Path, site_dir: Path, strict: bool, shard: tuple[int, int] | None = None) -> None:
    """``mkdocs build`` of the project's mkdocs.yml into ``site_dir`` (only shard ``k`` of
    ``n`` when ``shard`` is (k, n); see :mod:`generator.site.shards`).

    Never ``--quiet``: MkDocs 1.6 then drops warnings before they are counted, so
    ``--strict`` passed every warning and the page cache stored pages that had one."""
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-f",
        str(root / "mkdocs.yml"),
        "-d",
        str(site_dir),
    ]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_date_epoch(root)}
    env.pop(SHARD_ENV, None)
    if shard is not None:
        env[SHARD_ENV] = f"{shard[0]}/{shard[1]}"
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [ln for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
        detail = " | ".join(lines[-5:]) or f"exit status {done.returncode}"
        raise BuildError(f"mkdocs build failed: {detail}", "mkdocs.yml")


def run_mkdocs_shards(root: Path, site_dir: Path, strict: bool, shards: int) -> list[ShardRun]:
    """MkDocs in ``shards`` parallel processes, each writing its companies' pages (see
    :mod:`generator.site.shards`), merged into ``site_dir``: the same bytes as
    :func:`run_mkdocs`. The page cache is pruned to what the shards used together. Returns
    each shard's run (its CPU time and peak memory)."""
    from generator.site.shards import merge_sites, run_shards

    parts = site_dir.with_name(f"{site_dir.name}.shards")
    shutil.rmtree(parts, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_date_epoch(root)}
    try:
        runs = run_shards(root, parts, shards, strict, env)
        merge_sites([run.site for run in runs], site_dir)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    prune_page_cache(root)
    return runs


def prune_page_cache(root: Path) -> None:
    """Keep only the page-cache entries the shards that just ran listed as used."""
    from generator.site import hooks

    cache = hooks.cache_folder(root)
    used = hooks.shard_cache_used(cache) if cache is not None else None
    if cache is not None and used is not None:
        hooks.prune_cache(cache, used)


def merge_shards(parts: list[Path], site: Path, search: bool = True) -> Report:
    """One site from shard sites (each made by ``build --shard k/n`` with one n), with its
    search index; swapped in for ``site`` only when complete. The parts are left as they were."""
    from generator.site.shards import merge_sites

    report = Report()
    try:
        with fresh_site(site) as building:
            for part in parts:
                if not part.is_dir():
                    raise BuildError("no such shard site (a folder built by build --shard)", str(part))
            report.written = merge_sites(parts, building, move=False)
            if search:
                from generator.site.search import index_site

                index_site(building)
        report.site = site
    except GeneratorError as exc:
        report.errors.append(exc)
        report.fatal = True
    return report


def build_site(
    root: Path,
    site_dir: Path | None = None,
    strict: bool = False,
    search: bool = True,
    jobs: int | None = None,
    shards: int | None = 1,
    shard: tuple[int, int] | None = None,
) -> Report:
    """Summarize, render, build with MkDocs and index for search. Returns the report.

    One build at a time per project (a lock in the project root). The site is built in a
    folder beside ``site/`` and swapped in only when complete, so a failed or killed build
    leaves the previous site as it was. With ``shards`` above 1, MkDocs runs as that many
    parallel processes (at most one per company, plus one), merged into one site before
    the search index is made (:mod:`generator.site.shards`); with ``shards`` None, one per
    core (``jobs``) and per 1,000 pages (:func:`default_shard_count`): the same bytes. With
    ``shard`` (k, n) only shard k's part of the site is built, without search index: a CI
    job's part, for :func:`merge_shards`.
    """
    layout = Layout.of(root)
    report = Report()
    with locked(root, "build", BUILD_LOCK):
        report.absorb(
            summarize_tree(
                layout.transcripts, layout.summaries, root, layout.corrections, prune=True, jobs=jobs
            )
        )
        if report.fatal or (strict and report.problems):
            return report
        report.absorb(render_tree(layout.summaries, layout.docs, root, jobs))
        if strict and report.problems:
            return report
        site = site_dir or layout.site
        try:
            with fresh_site(site) as building:
                if shards is None:
                    count = default_shard_count(layout.docs, jobs or default_jobs())
                else:
                    count = shard_count_for(layout.docs, shards) if shards > 1 else 1
                if shard is not None:
                    run_mkdocs(root, building, strict, shard)
                    prune_page_cache(root)
                elif count > 1:
                    run_mkdocs_shards(root, building, strict, count)
                else:
                    run_mkdocs(root, building, strict)
                if search and shard is None:
                    from generator.site.search import index_site, search_cache

                    index_site(building, cache=search_cache(root))
            report.site = site
        except GeneratorError as exc:
            report.errors.append(exc)
            report.fatal = True
    return report


@contextmanager
def fresh_site(site: Path) -> Iterator[Path]:
    """A new, empty folder beside ``site`` to build into; swapped in for ``site`` on success.

    On any failure the new folder is removed and ``site`` is untouched. A swap interrupted
    between its two renames is repaired by the next build.
    """
    building = site.with_name(f".{site.name}.building")
    old = site.with_name(f".{site.name}.old")
    if old.is_dir() and not site.exists():
        old.rename(site)  # an earlier swap was killed half-way: the old site comes back
    for leftover in (building, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    building.mkdir(parents=True)
    try:
        yield building
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    if site.exists():
        site.rename(old)
    building.rename(site)
    shutil.rmtree(old, ignore_errors=True)
