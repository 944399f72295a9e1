"""The whole chain: transcripts -> summaries -> pages -> MkDocs site -> search index.

Collect, then write: every summary is loaded before any page is rendered, because the
home, company, people and topic pages need the whole set. Problems with one file are
reported (one line each) and the rest goes on; under ``strict`` any problem fails the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.corrections import apply_corrections, corrections_path, load_corrections
from generator.errors import BuildError, GeneratorError
from generator.model import Document, Summary
from generator.read import SOURCE_SUFFIXES, read_source
from generator.store import load_summaries, summary_to_yaml
from generator.summarize import summarize
from generator.writer import OutputTree


@dataclass
class Report:
    """What a stage did, and the problems it met."""

    written: int = 0
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    errors: list[GeneratorError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def absorb(self, other: Report) -> None:
        """Add another stage's counts and problems to this one."""
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.errors += other.errors
        self.warnings += other.warnings

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


def find_transcripts(src: Path, report: Report) -> list[Path]:
    """Every transcript file under ``src`` (or ``src`` itself), sorted; others are warned about."""
    if src.is_file():
        return [src]
    if not src.is_dir():
        report.errors.append(GeneratorError("no such file or folder", str(src)))
        return []
    found = []
    for path in sorted(src.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(src).parts):
            continue
        if path.suffix.lower() in SOURCE_SUFFIXES:
            found.append(path)
        else:
            report.warnings.append(f"{path}: skipped, not a transcript type ({', '.join(SOURCE_SUFFIXES)})")
    return found


def summary_name(src: Path, transcript: Path) -> str:
    """The summary's path relative to the output folder: the transcript's, with .yaml."""
    rel = transcript.relative_to(src) if src.is_dir() else Path(transcript.name)
    return rel.with_suffix(".yaml").as_posix()


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


def summarize_tree(
    src: Path, out: Path, root: Path, corrections: Path | None = None, prune: bool = False
) -> Report:
    """Summarize every transcript under ``src`` into YAML files under ``out``."""
    report = Report()
    transcripts = find_transcripts(src, report)
    tree = OutputTree(out, prune=prune)
    for path in transcripts:
        rel = summary_name(src, path)
        corr = corrections_path(corrections, Path(rel)) if corrections is not None else None
        result = summarize_one(path, root, corr, report)
        if result is None:
            continue
        try:
            tree.write(rel, summary_to_yaml(result[0]))
        except GeneratorError as exc:
            report.errors.append(exc)
    report.removed = tree.finish()
    report.written, report.unchanged = len(tree.written) - tree.unchanged, tree.unchanged
    return report


def render_tree(summaries_dir: Path, docs_dir: Path, root: Path) -> Report:
    """Load every summary, then render the site's Markdown pages into ``docs_dir``."""
    from generator.render import render_pages

    report = Report()
    summaries, errors = load_summaries(summaries_dir)
    report.errors += errors
    tree = OutputTree(docs_dir, prune=True)
    try:
        render_pages(summaries, root, tree)
    except GeneratorError as exc:
        report.errors.append(exc)
    report.removed = tree.finish()
    report.written, report.unchanged = len(tree.written) - tree.unchanged, tree.unchanged
    return report


def build_date_epoch(root: Path) -> str:
    """A fixed SOURCE_DATE_EPOCH, so MkDocs' sitemap and gzip dates repeat byte for byte."""
    return os.environ.get("SOURCE_DATE_EPOCH", "0")


def run_mkdocs(root: Path, site_dir: Path, strict: bool) -> None:
    """``mkdocs build`` of the project's mkdocs.yml into ``site_dir``."""
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        "-f",
        str(root / "mkdocs.yml"),
        "-d",
        str(site_dir),
    ]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_date_epoch(root)}
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [ln for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
        detail = " | ".join(lines[-5:]) or f"exit status {done.returncode}"
        raise BuildError(f"mkdocs build failed: {detail}", "mkdocs.yml")


def build_site(root: Path, site_dir: Path | None = None, strict: bool = False, search: bool = True) -> Report:
    """Summarize, render, build with MkDocs and index for search. Returns the report."""
    layout = Layout.of(root)
    report = Report()
    report.absorb(summarize_tree(layout.transcripts, layout.summaries, root, layout.corrections, prune=True))
    if strict and report.problems:
        return report
    report.absorb(render_tree(layout.summaries, layout.docs, root))
    if strict and report.problems:
        return report
    site = site_dir or layout.site
    try:
        run_mkdocs(root, site, strict)
        if search:
            from generator.search import index_site

            index_site(site)
    except GeneratorError as exc:
        report.errors.append(exc)
    return report
