#!/usr/bin/env python3
"""Score generated call summaries against hand-labelled gold files.

Usage:
    python scripts/score.py [--summaries DIR] [--gold DIR] [--texts DIR] [--json]
    python scripts/score.py --summaries content/summaries      # what `make eval` runs

--summaries  folder searched recursively for *.yaml / *.yml summaries (default: content)
--gold       folder of gold *.yaml files (default: the project's tests/gold)
--texts      folder of the source texts, used to check that every metric's evidence
             really stands on the line it names (default: the project's content/transcripts)

The project's copy of the shared scorer, changed only so that it can be imported
(``score_one``, ``texts_by_sha``, ``find_summaries`` are used by tests/test_accuracy.py),
so that its defaults point into the project, and so that source texts that are not
UTF-8 (GB18030/GBK, Big5) are decoded before their lines are compared with evidence.

A summary is matched to its gold file by source.sha256 (the SHA-256 of the raw
transcript bytes).  The fields read are listed in ../spec/summary-contract.md.
The last line printed is the headline: core metric recall over all matched files.
Exit status is 0 whenever scoring ran, 2 when it could not run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    print("score.py needs PyYAML (pip install pyyaml)", file=sys.stderr)
    sys.exit(2)

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent

# Characters frequent in Chinese financial text, the same in simplified and traditional
# script; a legacy-encoded file decoded with the wrong codec yields almost none of them.
COMMON_CHARS = set("的是在年季度收入增同比元美我有和公司百分亿億")

SEGMENT_ALIASES = {
    "云智能集团": ["云智能", "阿里云", "cloud"],
    "淘天集团": ["淘天", "淘宝天猫", "淘宝和天猫", "taobao"],
    "国际数字商业集团": ["国际数字商业", "国际数字商务", "aidc", "国际业务", "国际商业"],
}


def norm(s) -> str:
    return unicodedata.normalize("NFKC", str(s or "")).strip().lower().replace(" ", "")


def close(a, b, tol_pct: float) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if b == 0:
        return abs(a) < 1e-9
    return abs(a - b) <= abs(b) * tol_pct / 100.0


def close_pct(a, b, tol: float = 0.51) -> bool:
    try:
        return abs(float(a) - float(b)) <= tol
    except (TypeError, ValueError):
        return False


def segment_matches(gold_seg, got_seg) -> bool:
    g, s = norm(gold_seg), norm(got_seg)
    if not s:
        return False
    names = [g] + [norm(a) for a in SEGMENT_ALIASES.get(gold_seg, [])]
    return any(n in s or s in n for n in names if n)


def metric_matches(gold: dict, got: dict) -> bool:
    if norm(got.get("metric")) != norm(gold["metric"]):
        return False
    if gold.get("segment") and not segment_matches(gold["segment"], got.get("segment")):
        return False
    if not gold.get("segment") and got.get("segment"):
        return False  # a segment's figure is not the group's
    if gold.get("scope") and got.get("scope") and norm(got["scope"]) != norm(gold["scope"]):
        return False
    if "value" in gold and gold["value"] is None:
        # the text states no amount (only a change): a summary that states none matches, one
        # that puts an amount there does not (nothing invented)
        if got.get("value") is not None:
            return False
    elif "value" in gold:
        tol = float(gold.get("tolerance_pct", 0.5))
        if not close(got.get("value"), gold["value"], tol):
            return False
        if gold.get("unit") and norm(got.get("unit")) != norm(gold["unit"]):
            return False
    for key in ("yoy_pct", "qoq_pct"):
        if key in gold and not close_pct(got.get(key), gold[key]):
            return False
    return True


def load_yaml(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def find_summaries(root: Path) -> dict[str, tuple[Path, dict]]:
    found: dict[str, tuple[Path, dict]] = {}
    for path in sorted(list(root.rglob("*.yaml")) + list(root.rglob("*.yml"))):
        try:
            doc = load_yaml(path)
        except Exception:
            continue
        if isinstance(doc, dict) and isinstance(doc.get("source"), dict) and doc["source"].get("sha256"):
            found[str(doc["source"]["sha256"]).lower()] = (path, doc)
    return found


def decode_text(data: bytes) -> str:
    """The text of a source file: UTF-8 when it is UTF-8, else the likelier of GB18030 and Big5."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[int, str] | None = None
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(1 for ch in text if ch in COMMON_CHARS)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else data.decode("utf-8", errors="replace")


def texts_by_sha(root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not root.is_dir():
        return out
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            out[sha] = decode_text(data).splitlines()
    return out


def grounded(metric: dict, lines: list[str] | None) -> bool | None:
    """True when the metric's evidence text stands on the line it names."""
    if lines is None:
        return None
    ev = metric.get("evidence") or {}
    line, text = ev.get("line"), ev.get("text")
    if not isinstance(line, int) or not text or not (1 <= line <= len(lines)):
        return False

    def squash(s: str) -> str:
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

    needle, hay = squash(text), squash(lines[line - 1])
    return bool(needle) and needle in hay


def person_names(summary: dict, side: str) -> list[dict]:
    people = summary.get("participants") or []
    return [p for p in people if isinstance(p, dict) and norm(p.get("side")) == side]


def score_one(gold: dict, summary: dict, lines) -> dict:
    r: dict = {}
    metrics = [m for m in (summary.get("metrics") or []) if isinstance(m, dict)]
    for tier in ("core", "extra"):
        wanted = [g for g in gold.get("metrics", []) if g.get("tier", "core") == tier]
        hit = [g for g in wanted if any(metric_matches(g, m) for m in metrics)]
        r[f"{tier}_found"], r[f"{tier}_total"] = len(hit), len(wanted)
        r[f"{tier}_missed"] = [
            f"{g['metric']}{'/' + g['segment'] if g.get('segment') else ''}/{g.get('scope', '-')}"
            for g in wanted
            if g not in hit
        ]
    bad = []
    # a reported figure the gold lists as right (core or extra) is no must-not figure, however
    # near a must-not value it lies (a segment's revenue beside the group's prior-year revenue)
    right = [m for m in metrics if any(metric_matches(g, m) for g in gold.get("metrics", []))]
    for g in gold.get("must_not", []):
        for m in metrics:
            if m in right:
                continue
            if norm(m.get("metric")) == norm(g["metric"]) and close(m.get("value"), g["value"], 0.5):
                bad.append(f"{g['metric']}={g['value']}")
    r["must_not_violations"] = bad
    checks = [grounded(m, lines) for m in metrics]
    r["metrics_reported"] = len(metrics)
    r["metrics_grounded"] = sum(1 for c in checks if c)
    r["grounding_checked"] = lines is not None

    gp = gold.get("period") or {}
    sp = summary.get("period") or {}
    r["period_ok"] = all(
        str(sp.get(k)) == str(gp.get(k)) for k in ("fiscal_year", "fiscal_quarter", "period_end")
    )
    r["period_tier"] = gp.get("tier", "core")
    r["call_date_ok"] = (
        str(summary.get("call_date")) == str(gold.get("call_date"))
        if gold.get("call_date")
        else summary.get("call_date") in (None, "")
    )
    company = norm((summary.get("company") or {}).get("name"))
    gc = gold.get("company") or {}
    r["company_ok"] = bool(company) and any(
        company == norm(n) or norm(n) in company for n in [gc.get("name")] + gc.get("aliases", [])
    )

    mgmt = [norm(p.get("name")) for p in person_names(summary, "management")]
    gm = gold.get("participants", {}).get("management", [])

    def names_of(p: dict) -> set[str]:
        return {norm(p["name"])} | {norm(a) for a in p.get("aliases", [])}

    r["management_found"] = sum(1 for p in gm if names_of(p) & set(mgmt))
    r["management_total"] = len(gm)
    analysts = person_names(summary, "analyst")
    ga = gold.get("participants", {}).get("analysts", [])
    r["analysts_found"] = sum(
        1
        for p in ga
        if any(
            norm(a.get("name")) in names_of(p)
            and any(
                norm(f) in norm(a.get("firm")) or _canon(f) == _canon(a.get("firm"))
                for f in [p["firm"]] + p.get("firm_aliases", [])
            )
            for a in analysts
        )
    )
    r["analysts_total"] = len(ga)
    names_all = set().union(*[names_of(p) for p in gm + ga]) if gm or ga else set()
    r["people_spurious"] = sorted(
        p.get("name")
        for p in (summary.get("participants") or [])
        if isinstance(p, dict) and norm(p.get("name")) not in names_all
    )
    qa = summary.get("qa") or []
    r["qa_count"] = len(qa)
    r["qa_count_ok"] = len(qa) == gold.get("qa_count", 0)
    if gold.get("qa_first_answerer"):
        got = []
        for ex in qa:
            ans = (ex or {}).get("answered_by") or []
            got.append(norm(ans[0]) if ans else "")
        want = [norm(n) for n in gold["qa_first_answerer"]]
        r["qa_answerer_ok"] = sum(1 for a, b in zip(got, want, strict=False) if a == b)
        r["qa_answerer_total"] = len(want)
    return r


def _canon(name: object) -> str:
    """A firm through the firms lexicon (Morgan Stanley and 摩根士丹利 alike)."""
    project = str(Path(__file__).resolve().parent.parent)
    if project not in sys.path:
        sys.path.insert(0, project)
    from generator.lexicon.firms import firms

    return firms().canonical(str(name or "")) if name else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summaries", default="content")
    ap.add_argument("--gold", default=str(PROJECT / "tests" / "gold"))
    ap.add_argument("--texts", default=str(PROJECT / "content" / "transcripts"))
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    a = ap.parse_args()
    sroot, groot = Path(a.summaries), Path(a.gold)
    if not groot.is_dir():
        print(f"no gold folder at {groot}", file=sys.stderr)
        return 2
    summaries = find_summaries(sroot) if sroot.is_dir() else {}
    texts = texts_by_sha(Path(a.texts))
    results = {}
    for gpath in sorted(groot.glob("*.yaml")):
        gold = load_yaml(gpath)
        sha = str(gold["sha256"]).lower()
        if sha not in summaries:
            results[gpath.stem] = None
            continue
        spath, summary = summaries[sha]
        results[gpath.stem] = score_one(gold, summary, texts.get(sha))
        results[gpath.stem]["summary_file"] = str(spath)
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    tot = {
        k: 0
        for k in (
            "core_found",
            "core_total",
            "extra_found",
            "extra_total",
            "metrics_reported",
            "metrics_grounded",
            "management_found",
            "management_total",
            "analysts_found",
            "analysts_total",
        )
    }
    missing = []
    for name, r in results.items():
        if r is None:
            missing.append(name)
            gold = load_yaml(groot / f"{name}.yaml")
            for g in gold.get("metrics", []):
                tot["core_total" if g.get("tier", "core") == "core" else "extra_total"] += 1
            tot["management_total"] += len(gold.get("participants", {}).get("management", []))
            tot["analysts_total"] += len(gold.get("participants", {}).get("analysts", []))
            print(f"{name}: NO SUMMARY (no YAML under {sroot} has this source.sha256)")
            continue
        for k in tot:
            tot[k] += r.get(k, 0)
        print(
            f"{name}: core {r['core_found']}/{r['core_total']} extra {r['extra_found']}/{r['extra_total']}"
            f" | grounded {r['metrics_grounded']}/{r['metrics_reported']}"
            f" | must-not {len(r['must_not_violations'])}"
            f" | period {'ok' if r['period_ok'] else 'WRONG'}({r['period_tier']})"
            f" call_date {'ok' if r['call_date_ok'] else 'WRONG'}"
            f" company {'ok' if r['company_ok'] else 'WRONG'}"
            f" | mgmt {r['management_found']}/{r['management_total']}"
            f" analysts {r['analysts_found']}/{r['analysts_total']}"
            f" spurious {len(r['people_spurious'])}"
            f" | qa {r['qa_count']}{'' if r['qa_count_ok'] else ' WRONG'}"
            + (f" answerers {r['qa_answerer_ok']}/{r['qa_answerer_total']}" if "qa_answerer_ok" in r else "")
        )
        if r["core_missed"]:
            print(f"    missed core: {', '.join(r['core_missed'])}")
        if r["must_not_violations"]:
            print(f"    must-not reported: {', '.join(r['must_not_violations'])}")
        if r["people_spurious"]:
            print(f"    people not in gold: {', '.join(map(str, r['people_spurious']))}")
    ct = tot["core_total"] or 1
    print(
        f"TOTAL core metric recall {tot['core_found']}/{tot['core_total']} = {tot['core_found'] / ct:.2f}; "
        f"extra {tot['extra_found']}/{tot['extra_total']}; "
        f"grounded {tot['metrics_grounded']}/{tot['metrics_reported']}; "
        f"management {tot['management_found']}/{tot['management_total']}; "
        f"analysts {tot['analysts_found']}/{tot['analysts_total']}"
        + (f"; files without summary: {len(missing)}" if missing else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
