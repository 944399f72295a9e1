"""Benchmark: how rendering scales with the number of calls (prints numbers, asserts nothing).

    .venv/bin/python scripts/bench_render.py [CALLS ...]     # default: 50 200 1000

Makes CALLS synthetic calls from the summaries in content/summaries (or the test samples
when there are none) spread over companies and years, renders them into a temporary
folder and prints the time, the number of pages and the size of the biggest pages.
"""

from __future__ import annotations

import copy
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generator.model import Period, Summary  # noqa: E402
from generator.site.render import render_pages  # noqa: E402
from generator.store.summaries import load_summaries  # noqa: E402
from generator.writer import OutputTree  # noqa: E402


def base_summaries() -> list[Summary]:
    """The project's summaries, else the hand-built samples of the tests."""
    summaries, _ = load_summaries(ROOT / "content" / "summaries")
    if summaries:
        return summaries
    from sample_summaries import sample_set

    return sample_set()


def synthetic(n: int, base: list[Summary]) -> list[Summary]:
    """``n`` calls: the base summaries copied over 20 companies and successive quarters."""
    out = []
    for i in range(n):
        s = copy.deepcopy(base[i % len(base)])
        company = f"co{i % 20:02d}"
        year, quarter = 2000 + (i // 20) // 4, (i // 20) % 4 + 1
        s.company = replace(s.company, id=company, name=f"公司{company}")
        s.period = Period(fiscal_year=year, fiscal_quarter=quarter, period_end=date(year, quarter * 3, 28))
        s.call_date = date(year, quarter * 3, 28)
        s.source = replace(s.source, path=f"content/transcripts/{company}/{year}-q{quarter}.txt")
        out.append(s)
    return out


def run(n: int, base: list[Summary]) -> None:
    summaries = synthetic(n, base)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for s in base:  # transcripts exist for the copies of summaries whose file is in the project
            src = ROOT / s.source.path
            if src.is_file():
                for copy_ in summaries:
                    if copy_.source.sha256 == s.source.sha256:
                        target = root / copy_.source.path
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(src.read_bytes())
        out = OutputTree(root / "docs")
        start = time.perf_counter()
        render_pages(summaries, root, out)
        out.finish()
        elapsed = time.perf_counter() - start
        md = sorted((p.stat().st_size, p.relative_to(root / "docs").as_posix()) for p in root.rglob("*.md"))
        total = sum(size for size, _ in md)
        print(f"{n:5d} calls: {elapsed:6.2f} s, {len(md):5d} pages, {total / 1e6:6.2f} MB Markdown")
        for size, name in md[-3:]:
            print(f"       biggest: {size / 1e3:7.1f} kB  {name}")
        for kind, size, name in biggest_by_kind(md):
            print(f"       {kind:>10}: {size / 1e3:7.1f} kB  {name}")


KINDS = (
    ("home", lambda p: p == "index.md"),
    ("call", lambda p: p.startswith("calls/") and not p.endswith("index.md")),
    ("company", lambda p: p.startswith("companies/")),
    ("topic", lambda p: p.startswith("topics/")),
    ("executive", lambda p: p.startswith("people/management/")),
    ("analyst", lambda p: p.startswith("people/analysts/") and p.count("/") >= 3),
)


def biggest_by_kind(md: list[tuple[int, str]]) -> list[tuple[str, int, str]]:
    """The largest page of each kind (home, call, company, topic, executive, analyst/firm)."""
    out = []
    for kind, match in KINDS:
        found = [(size, name) for size, name in md if match(name)]
        if found:
            size, name = max(found)
            out.append((kind, size, name))
    return out


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [50, 200, 1000]
    base = base_summaries()
    print(f"base: {len(base)} summaries")
    for n in sizes:
        run(n, base)


if __name__ == "__main__":
    main()
