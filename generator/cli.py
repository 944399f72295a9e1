"""The command line: ``python -m generator COMMAND``. Errors are one line each, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__
from generator.build import Report, build_site, merge_shards, render_tree, summarize_tree
from generator.errors import GeneratorError
from generator.site.shards import parse_shard
from generator.store.summaries import load_summaries

DESCRIPTION = """\
Turn earnings-call transcripts into YAML summaries, Markdown pages and a searchable site.

pipeline: transcripts (.txt .md .html) -> summarize -> content/summaries/*.yaml
          -> render -> docs/*.md -> mkdocs build + search index -> site/
"""

JOBS_HELP = "worker processes for summarizing and rendering (default: GENERATOR_JOBS, else one per core)"

EXAMPLES = {
    "summarize": "example:\n  python -m generator summarize content/transcripts --out content/summaries",
    "render": "example:\n  python -m generator render content/summaries --out docs",
    "build": "example:\n  python -m generator build --strict\n  python -m generator build --shards 4",
    "check": "example:\n  python -m generator check content/summaries",
    "merge": "example (the parts made by `build --shard 0/2` and `build --shard 1/2`):\n"
    "  python -m generator merge part-0 part-1 --site site",
}


def _shards(text: str) -> int | None:
    """A shard count, or None for 'auto'."""
    if text.strip() == "auto":
        return None
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"a shard count is a number from 1, or auto, not {text!r}")
    return count


def _shard(text: str) -> tuple[int, int]:
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=DESCRIPTION,
        epilog="example:\n  python -m generator build    # the whole chain, as `make site` runs it",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = command("summarize", "extract one YAML summary per transcript found under SRC (recursively)")
    p.add_argument("src", type=Path, metavar="SRC", help="a transcript file or a folder of them")
    p.add_argument("--out", type=Path, required=True, metavar="DEST", help="folder for the YAML summaries")
    p.add_argument(
        "--corrections",
        type=Path,
        default=Path("content/corrections"),
        metavar="DIR",
        help="folder of a person's corrections, merged into every summary (default: %(default)s)",
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="remove summaries this tool wrote earlier for transcripts now gone",
    )
    p.add_argument(
        "--root", type=Path, default=Path("."), help="project root; source paths are relative to it"
    )
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning or bad file")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help=JOBS_HELP)

    p = command("render", "render every summary under SUMMARIES into the site's Markdown pages")
    p.add_argument("summaries", type=Path, metavar="SUMMARIES", help="folder of YAML summaries")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("docs"),
        metavar="DOCS",
        help="MkDocs docs folder (default: %(default)s)",
    )
    p.add_argument(
        "--root", type=Path, default=Path("."), help="project root, where transcripts are read from"
    )
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning or bad file")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help=JOBS_HELP)

    p = command(
        "build", "the whole chain: summarize content/transcripts, render docs/, build site/ with search"
    )
    p.add_argument(
        "--root", type=Path, default=Path("."), help="project root holding mkdocs.yml and content/"
    )
    p.add_argument(
        "--site", type=Path, default=None, metavar="DIR", help="output folder (default: ROOT/site)"
    )
    p.add_argument("--no-search", action="store_true", help="skip the search index (faster previews)")
    p.add_argument("--strict", action="store_true", help="stop on the first stage with a warning or bad file")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help=JOBS_HELP)
    p.add_argument(
        "--shards",
        type=_shards,
        default=1,
        metavar="N",
        help="run MkDocs as N parallel processes, by company, merged into one site "
        "(the same bytes as one process; 'auto': one per core (--jobs) and per 1,000 pages; "
        "default: %(default)s)",
    )
    p.add_argument(
        "--shard",
        type=_shard,
        default=None,
        metavar="K/N",
        help="build only shard K (0 to N-1) of N, without search index, for `merge` (one CI job per shard)",
    )

    p = command("merge", "merge the shard sites made by `build --shard K/N` into one site, with search")
    p.add_argument("parts", type=Path, nargs="+", metavar="PART", help="a shard's site folder (all N)")
    p.add_argument("--site", type=Path, required=True, metavar="DIR", help="the merged site's folder")
    p.add_argument("--no-search", action="store_true", help="skip the search index")

    p = command("check", "validate YAML summaries against the contract (docs/summary-format.md)")
    p.add_argument("summaries", type=Path, metavar="SUMMARIES", help="folder of YAML summaries")
    return parser


def _finish(report: Report, strict: bool, what: str) -> int:
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"{what}: {report.written} written, {report.unchanged} unchanged, {len(report.removed)} removed; "
        f"{len(report.errors)} errors, {len(report.warnings)} warnings"
    )
    if report.fatal:
        return 1
    if strict and (report.errors or report.warnings):
        return 1
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "summarize":
        report = summarize_tree(
            args.src, args.out, args.root, args.corrections, prune=args.prune, jobs=args.jobs
        )
        return _finish(report, args.strict, "summaries")
    if args.command == "render":
        report = render_tree(args.summaries, args.out, args.root, jobs=args.jobs)
        return _finish(report, args.strict, "pages")
    if args.command == "build":
        report = build_site(
            args.root,
            args.site,
            strict=args.strict,
            search=not args.no_search,
            jobs=args.jobs,
            shards=args.shards,
            shard=args.shard,
        )
        code = _finish(report, args.strict, "build")
        if report.site is not None:
            print(f"site: {report.site}")
        else:
            print("site: not rebuilt; the previous site is unchanged", file=sys.stderr)
            code = code or (1 if args.strict else 0)
        return code
    if args.command == "merge":
        report = merge_shards(args.parts, args.site, search=not args.no_search)
        code = _finish(report, False, "merge")
        if report.site is not None:
            print(f"site: {report.site}")
        return code
    if args.command == "check":
        summaries, errors = load_summaries(args.summaries)
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        print(f"{len(summaries)} valid, {len(errors)} invalid")
        return 1 if errors else 0
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
