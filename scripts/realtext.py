#!/usr/bin/env python3
"""Score the real-text corpus (tests/realtext/<batch>/) one batch at a time.

Usage:
    python scripts/realtext.py                     # every batch: one table row each, then the total
    python scripts/realtext.py zh-b07 --record     # also append the row to FIRST_CONTACT.md

Each batch folder holds ``transcripts/`` (excerpts of real public pages, taken with the
search tool; the query and address of each are in ``SOURCES.md``) and ``gold/`` (labels
written blind, without reading the extractor). The batch is summarized into
``build/realtext/<batch>`` and scored with scripts/score.py's ``score_one``.

``--record`` is for a batch's first contact: run it once, before any fix that looks at the
batch, and never edit the recorded row afterwards. It refuses a batch already recorded.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from dataclasses import dataclass, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

from score import find_summaries, load_yaml, score_one, texts_by_sha  # noqa: E402

CORPUS = PROJECT / "tests" / "realtext"
RECORD = CORPUS / "FIRST_CONTACT.md"
HEADER = (
    "| date | batch | files | core recall | company | period | call date | must-not |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


@dataclass
class Row:
    batch: str
    files: int = 0
    core_found: int = 0
    core_total: int = 0
    company: int = 0
    period: int = 0
    call_date: int = 0
    must_not: int = 0
    kind: int = 0
    management_found: int = 0
    management_total: int = 0
    analysts_found: int = 0
    analysts_total: int = 0
    spurious: int = 0

    def add(self, other: Row) -> None:
        for f in fields(self):
            if f.name != "batch":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def cells(self) -> list[str]:
        recall = self.core_found / self.core_total if self.core_total else 0.0
        return [
            self.batch,
            str(self.files),
            f"{self.core_found}/{self.core_total} = {recall:.2f}",
            f"{self.company}/{self.files}",
            f"{self.period}/{self.files}",
            f"{self.call_date}/{self.files}",
            str(self.must_not),
        ]


def summarize(batch: Path) -> Path:
    out = PROJECT / "build" / "realtext" / batch.name
    subprocess.run(
        [sys.executable, "-m", "generator", "summarize", str(batch / "transcripts"), "--out", str(out)],
        cwd=PROJECT,
        check=False,
        capture_output=True,
    )
    return out


def score(batch: Path, verbose: bool) -> Row:
    out = summarize(batch)
    summaries = find_summaries(out)
    texts = texts_by_sha(batch / "transcripts")
    row = Row(batch.name)
    for gpath in sorted((batch / "gold").glob("*.yaml")):
        gold = load_yaml(gpath)
        row.files += 1
        wanted = [g for g in gold.get("metrics") or [] if g.get("tier", "core") == "core"]
        found = summaries.get(str(gold["sha256"]).lower())
        if found is None:
            row.core_total += len(wanted)
            print(f"  {gpath.stem}: NO SUMMARY")
            continue
        r = score_one(gold, found[1], texts.get(str(gold["sha256"]).lower()))
        row.core_found += r["core_found"]
        row.core_total += r["core_total"]
        row.company += bool(r["company_ok"])
        row.period += bool(r["period_ok"])
        row.call_date += bool(r["call_date_ok"])
        row.must_not += len(r["must_not_violations"])
        source = found[1].get("source") or {}
        kind = source.get("genre") or source.get("kind")
        row.kind += kind == gold.get("kind")
        row.management_found += r["management_found"]
        row.management_total += r["management_total"]
        row.analysts_found += r["analysts_found"]
        row.analysts_total += r["analysts_total"]
        row.spurious += len(r["people_spurious"])
        if verbose:
            company = (found[1].get("company") or {}).get("name")
            print(
                f"  {gpath.stem}: core {r['core_found']}/{r['core_total']}"
                f" company {'ok' if r['company_ok'] else 'WRONG (' + str(company) + ')'}"
                f" period {'ok' if r['period_ok'] else 'WRONG'} date {'ok' if r['call_date_ok'] else 'WRONG'}"
                + ("" if kind == gold.get("kind") else f" kind {kind} (gold {gold.get('kind')})")
                + (f" must-not {r['must_not_violations']}" if r["must_not_violations"] else "")
                + (f"\n      missed: {', '.join(r['core_missed'])}" if r["core_missed"] else "")
            )
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batches", nargs="*", help="batch folder names (default: every batch)")
    ap.add_argument("--record", action="store_true", help="append each batch's row to FIRST_CONTACT.md")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per file")
    args = ap.parse_args()
    names = args.batches or sorted(p.name for p in CORPUS.iterdir() if (p / "gold").is_dir())
    recorded = RECORD.read_text(encoding="utf-8") if RECORD.is_file() else ""
    if args.record:
        again = [n for n in names if f"| {n} |" in recorded]
        if again:
            print(
                f"already recorded, never scored twice as first contact: {', '.join(again)}", file=sys.stderr
            )
            return 2
    total = Row("total")
    rows = []
    for name in names:
        row = score(CORPUS / name, args.verbose)
        rows.append(row)
        total.add(row)
    # kind (the gold's kind against source.genre) and the participants are printed, not
    # recorded (FIRST_CONTACT.md keeps its columns).
    columns = "batch | files | core recall | company | period | call date | must-not | kind"
    print(f"| {columns} | management | analysts | people not in gold |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in [*rows, total]:
        people = [
            f"{row.kind}/{row.files}",
            f"{row.management_found}/{row.management_total}",
            f"{row.analysts_found}/{row.analysts_total}",
            str(row.spurious),
        ]
        print("| " + " | ".join([*row.cells(), *people]) + " |")
    if args.record:
        today = datetime.date.today().isoformat()
        with RECORD.open("a", encoding="utf-8") as fh:
            if not recorded:
                fh.write(HEADER)
            for row in rows:
                fh.write("| " + " | ".join([today, *row.cells()]) + " |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
