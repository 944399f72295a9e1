"""Rebuild the listed-company registry (generator/lexicon/data/listed/*.tsv) from public lists.

Never run at build time and needs no network: download the sources first, then point this
script at them. Names, codes and exchanges are facts; the sources' own files are not copied.

    pip download --no-deps adata twstock -d /tmp/src      # then unzip both wheels
    # jacktth/ga-hk_stock_info: hk-listings/date.json, shanghai-connect/date.json,
    #                           shenzhen-connect/date.json
    # JerBouma/FinanceDatabase: database/equities/{SHH,SHZ,HKG,TAI,TWO,NGM,NCM,ASE,NMS,NYQ}.csv
    #   (any that are present) and, from commit 251f979 (2023-03-08), the per-industry files
    #   Database/Equities/Countries/{China,Hong Kong,Macau,Taiwan}/**/*.json
    python scripts/build_listed.py --adata adata/stock/cache/code.csv \\
        --twstock twstock/codes --hk-listings hk-listings/date.json \\
        --connect shanghai-connect/date.json --connect shenzhen-connect/date.json \\
        --fd database/equities --fd-countries Database/Equities/Countries

Which fields come from which source, and which are derived, is written into each file's header.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.lexicon.listed import COLUMNS, DATA, core_english, core_name, name_key, strip_legal  # noqa: E402
from generator.source.chinese import to_simplified  # noqa: E402

csv.field_size_limit(1 << 24)

SOURCES = {
    "adata": "PyPI adata 2.9.5, adata/stock/cache/code.csv (https://pypi.org/project/adata/; "
    "https://github.com/1nchaos/adata), Apache-2.0 (LICENSE file; the classifier says MIT)",
    "connect": "jacktth/ga-hk_stock_info shanghai-connect/date.json and shenzhen-connect/date.json "
    "(https://github.com/jacktth/ga-hk_stock_info), MIT as declared in its README "
    "(commit 9b560ab, 2023-05-31; the current README no longer states it and there is no LICENSE file)",
    "hk": "jacktth/ga-hk_stock_info hk-listings/date.json (https://github.com/jacktth/ga-hk_stock_info), "
    "MIT as declared in its README (commit 9b560ab, 2023-05-31; the current README no longer states "
    "it and there is no LICENSE file)",
    "twstock": "PyPI twstock 1.5.1, twstock/codes/twse_equities.csv and tpex_equities.csv "
    "(https://pypi.org/project/twstock/; https://github.com/mlouielu/twstock), MIT",
    "fd": "JerBouma/FinanceDatabase database/equities/*.csv (current) and "
    "Database/Equities/Countries/*/**.json (commit 251f979, 2023-03-08) "
    "(https://github.com/JerBouma/FinanceDatabase), MIT",
}

US_EXCHANGES = {"NMS": "NASDAQ", "NGM": "NASDAQ", "NCM": "NASDAQ", "NYQ": "NYSE", "ASE": "NYSE American"}
US_COUNTRIES = {"China", "Hong Kong", "Macau", "Taiwan"}
NOT_A_COMPANY = re.compile(
    r"\b(acquisition|warrants?|rights?|units?|depositary receipts? when issued|when issued)\b", re.I
)
SECURITY = re.compile(
    r"\s+((Sponsored|Unsponsored)\s+(ADR|GDR)|American Depositary Shares?|Ordinary Shares?|Class [A-C]\b"
    r"|Common Stock).*$",
    re.I,
)
TW_TYPES = {"股票", "創新板", "臺灣存託憑證(TDR)"}


@dataclass
class Row:
    """One listing as it will be written."""

    code: str
    exchange: str
    short: str = ""
    short_hant: str = ""
    full: str = ""
    full_hant: str = ""
    english: str = ""
    aliases: list[str] = field(default_factory=list)
    also: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        own = {self.short, self.full, self.short_hant, self.full_hant, self.english}
        # The loader keys Simplified names by their lower case; a name the matcher reads
        # otherwise (昇 is read as 升) also gets the form it is read as.
        plain = [self.short, self.full, self.english, *self.aliases]
        read_as = [name_key(n) for n in plain if n and name_key(n) != n.lower()]
        aliases = [a for a in dict.fromkeys(self.aliases + read_as) if a and a not in own]
        return [
            self.code,
            self.exchange,
            self.short,
            self.short_hant if self.short_hant != self.short else "",
            self.full,
            self.full_hant if self.full_hant != self.full else "",
            self.english,
            "|".join(aliases),
            "|".join(sorted(set(self.also))),
        ]


def clean(name: str | None) -> str:
    """A name as written in the registry: NFKC (full-width letters and digits made plain),
    no spaces between Chinese characters, single spaces elsewhere."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    text = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text)
    return re.sub(r"\s+", " ", text)


def a_share_aliases(short: str) -> list[str]:
    """The short name without a risk-warning prefix (ST, *ST, PT, S) or a share-class or
    listing-status suffix (A, B, -U, -W, -UW)."""
    out = []
    bare = re.sub(r"^(S\*ST|\*ST|SST|ST|PT|S)(?=[^\x00-\x7f])", "", short)
    bare = re.sub(r"-(U|W|UW|WD|D)$", "", bare)
    if bare != short:
        out.append(bare)
    if re.search(r"[^\x00-\x7f][AB]$", bare):
        out.append(bare[:-1])
    return out


def cn_exchange(code: str) -> tuple[str, str] | None:
    """(exchange, suffix) of a mainland code, or None for a code that is no share."""
    if code.startswith(("60", "68", "900")):
        return "SSE", "SH"
    if code.startswith(("00", "30", "200")):
        return "SZSE", "SZ"
    if code.startswith(("43", "83", "87", "92")):
        return "BSE", "BJ"
    return None


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def fd_current(folder: Path | None, exchange: str) -> list[dict[str, str]]:
    """FinanceDatabase's current rows for one exchange file, or none when the file is absent."""
    path = folder / f"{exchange}.csv" if folder else None
    return list(read_csv(path)) if path and path.is_file() else []


def fd_countries(folder: Path | None) -> dict[str, dict[str, str]]:
    """FinanceDatabase 2023 per-industry JSON: symbol -> {name, exchange, country}."""
    out: dict[str, dict[str, str]] = {}
    if not folder:
        return out
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for symbol, info in sorted(data.items()):
            if isinstance(info, dict):
                name = info.get("long_name") or info.get("short_name") or ""
                out[symbol] = {
                    "name": name,
                    "exchange": info.get("exchange") or "",
                    "country": info.get("country") or "",
                }
    return out


def english_name(name: str | None) -> str:
    """A FinanceDatabase name without the security it names (Sponsored ADR, Ordinary Shares…)."""
    return SECURITY.sub("", clean(name))


def english_names(rows: Iterable[dict[str, str]], suffix: str) -> dict[str, str]:
    """FinanceDatabase English names by bare code for one exchange suffix (.SS, .SZ, .HK, .TW)."""
    out: dict[str, str] = {}
    for row in rows:
        symbol, name = row.get("symbol", ""), english_name(row.get("name"))
        if symbol.endswith(suffix) and name:
            out[symbol[: -len(suffix)]] = name
    return out


def build_cn(args: argparse.Namespace, fd_dir: Path | None, old: dict[str, dict[str, str]]) -> list[Row]:
    short = {r["stock_code"]: clean(r["short_name"]) for r in read_csv(args.adata)}
    hant: dict[str, str] = {}
    for path in args.connect or []:
        for item in json.loads(path.read_text(encoding="utf-8")):
            code = str(item.get("symbol", "")).zfill(6)
            if cn_exchange(code) and item.get("zhName"):
                hant[code] = clean(item["zhName"])
    english = english_names(fd_current(fd_dir, "SHH"), ".SS") | english_names(
        fd_current(fd_dir, "SHZ"), ".SZ"
    )
    for symbol, info in old.items():
        for suffix in (".SS", ".SZ"):
            if symbol.endswith(suffix) and info["name"]:
                english.setdefault(symbol[: -len(suffix)], english_name(info["name"]))
    rows = []
    for code in sorted(set(short) | set(hant) | set(english)):
        where = cn_exchange(code)
        if where is None or not code.isdigit() or len(code) != 6:
            continue
        if code not in short and code not in hant:
            continue  # English alone: FinanceDatabase also lists funds under these suffixes
        former = short.get(code, "")
        name = to_simplified(hant[code]) if code in hant else former
        if former and name_key(former) == name_key(name):
            name = former  # adata's Simplified spelling, where the Connect list agrees with it
        row = Row(f"{code}.{where[1]}", where[0], short=name, short_hant=hant.get(code, ""))
        row.english = english.get(code, "")
        # a company renamed since adata's list keeps its former short name as an alias
        row.aliases = a_share_aliases(name) + ([former, *a_share_aliases(former)] if former != name else [])
        if row.english:
            row.aliases.append(core_english(row.english))
        rows.append(row)
    return rows


def build_hk(args: argparse.Namespace) -> list[Row]:
    rows = []
    for item in json.loads(args.hk_listings.read_text(encoding="utf-8")):
        code = f"{int(item['symbol']):04d}"
        full_hant = clean(item.get("zhName"))
        if full_hant.isascii():
            full_hant = ""  # the list repeats the English name where there is no Chinese one
        short_hant = strip_legal(full_hant)
        row = Row(f"{code}.HK", "HKEX", english=clean(item.get("engName")))
        row.full_hant, row.full = full_hant, to_simplified(full_hant)
        row.short_hant, row.short = short_hant, to_simplified(short_hant)
        row.aliases = [core_name(row.short)] if row.short else []
        if row.english:
            row.aliases.append(core_english(row.english))
        rows.append(row)
    return sorted(rows, key=lambda r: r.code)


def build_tw(args: argparse.Namespace, fd_dir: Path | None, old: dict[str, dict[str, str]]) -> list[Row]:
    english = english_names(fd_current(fd_dir, "TAI"), ".TW") | english_names(
        fd_current(fd_dir, "TWO"), ".TWO"
    )
    for symbol, info in old.items():
        for suffix in (".TWO", ".TW"):
            if symbol.endswith(suffix) and info["name"]:
                english.setdefault(symbol[: -len(suffix)], english_name(info["name"]))
                break
    rows = []
    for file, exchange, suffix in (("twse_equities.csv", "TWSE", "TW"), ("tpex_equities.csv", "TPEx", "TWO")):
        for item in read_csv(args.twstock / file):
            if item["type"] not in TW_TYPES:
                continue
            hant = clean(item["name"])
            row = Row(f"{item['code']}.{suffix}", exchange, short=to_simplified(hant), short_hant=hant)
            row.english = english.get(item["code"], "")
            if row.english:
                row.aliases.append(core_english(row.english))
            rows.append(row)
    return sorted(rows, key=lambda r: r.code)


def build_us(fd_dir: Path | None, old: dict[str, dict[str, str]]) -> list[Row]:
    found: dict[str, tuple[str, str]] = {}
    for symbol, info in old.items():
        if info["exchange"] in US_EXCHANGES and info["country"] in US_COUNTRIES:
            found[symbol] = (english_name(info["name"]), US_EXCHANGES[info["exchange"]])
    for exchange, label in US_EXCHANGES.items():
        for item in fd_current(fd_dir, exchange):
            if item["symbol"] in found and item.get("delisted") == "True":
                del found[item["symbol"]]
            elif item.get("country") in US_COUNTRIES and item.get("delisted") != "True":
                found[item["symbol"]] = (english_name(item["name"]), label)
    rows = []
    for symbol, (name, exchange) in sorted(found.items()):
        if not name or not re.fullmatch(r"[A-Z]{1,5}", symbol) or NOT_A_COMPANY.search(name):
            continue
        base = found.get(symbol[:-1])
        if symbol[-1] in "UWR" and base and base[0] == name:
            continue  # the unit, warrant or right of a share listed under the shorter ticker
        rows.append(Row(symbol, exchange, english=name, aliases=[core_english(name)]))
    return rows


def english_key(name: str) -> str:
    """An English name for joining two lists: lower case, no punctuation, no legal form."""
    words = re.sub(r"[^a-z0-9 ]", " ", core_english(name).lower()).split()
    return " ".join(w for w in words if w not in {"the", "cayman", "holding", "holdings", "group"})


def link(markets: dict[str, list[Row]]) -> None:
    """Join listings of one issuer across markets by their English names (derived ``also``);
    a US listing with no Chinese name takes the one of the listing it is joined to."""
    keys: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for market, rows in markets.items():
        for row in rows:
            if row.english:
                keys[english_key(row.english)][market].append(row)
    for key, by_market in keys.items():
        unique = {m: rs[0] for m, rs in by_market.items() if len(rs) == 1}
        if not key or len(unique) < 2:
            continue
        for row in unique.values():
            row.also.extend(r.code for r in unique.values() if r is not row)
        us = unique.get("us")
        source = next((unique[m] for m in ("hk", "cn", "tw") if m in unique), None)
        if us and source and not us.short:
            us.short, us.short_hant = source.short, source.short_hant
            us.full, us.full_hant = source.full, source.full_hant
            us.aliases.extend(a for a in source.aliases if not a.isascii())


def header(market: str, sources: list[str], derived: list[str], today: str) -> list[str]:
    lines = [f"# Listed companies: {market}. Built {today} by scripts/build_listed.py; do not edit by hand."]
    lines += [f"# Source: {SOURCES[s]}" for s in sources]
    lines.append(
        "# Names, codes and exchanges are facts taken from these lists; none of their files is copied."
    )
    lines += [f"# Derived: {d}" for d in derived]
    lines.append(
        "# Columns: short/full are Simplified; short_hant/full_hant are Traditional, left empty where "
        "they equal the Simplified form; aliases and also are '|'-separated."
    )
    return lines


DERIVED_COMMON = [
    "aliases = the names without legal form (有限公司, Limited, Inc.), risk-warning prefix (ST, *ST) "
    "or share-class suffix (A, B, -W), and without a trailing 控股/集团 (core names)",
    "also = the codes of the same issuer on other markets, joined by English name (unique matches only)",
]


def write(path: Path, head: list[str], rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(head) + "\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([c.replace("\t", " ") for c in row.cells()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--adata", type=Path, required=True, help="adata's stock/cache/code.csv")
    parser.add_argument("--twstock", type=Path, required=True, help="twstock's codes/ folder")
    parser.add_argument(
        "--hk-listings", type=Path, required=True, help="ga-hk_stock_info hk-listings/date.json"
    )
    parser.add_argument("--connect", type=Path, action="append", help="ga-hk_stock_info *-connect/date.json")
    parser.add_argument("--fd", type=Path, help="FinanceDatabase database/equities/ folder")
    parser.add_argument(
        "--fd-countries", type=Path, help="FinanceDatabase (2023) Database/Equities/Countries/"
    )
    parser.add_argument("--out", type=Path, default=DATA, help="output folder (default: the bundled one)")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="date written in the headers")
    args = parser.parse_args(argv)

    old = fd_countries(args.fd_countries)
    markets = {
        "cn": build_cn(args, args.fd, old),
        "hk": build_hk(args),
        "tw": build_tw(args, args.fd, old),
        "us": build_us(args.fd, old),
    }
    link(markets)
    described = {
        "cn": (
            "Chinese mainland (SSE, SZSE, BSE)",
            ["adata", "connect", "fd"],
            [
                "short = adata's short name; where the Connect list (newer) gives another name or adata "
                "lacks the code, the Simplified form of the Connect list's Traditional name "
                "(generator.source.chinese.to_simplified), adata's name kept among the aliases",
                "short_hant = the Connect lists' Traditional short name (Connect-eligible shares only)",
                "english = FinanceDatabase's English name",
            ],
        ),
        "hk": (
            "Hong Kong (HKEX)",
            ["hk"],
            [
                "full, short = the Simplified forms of the Traditional names (to_simplified)",
                "short_hant = full_hant without its legal form (有限公司, 股份有限公司…)",
            ],
        ),
        "tw": (
            "Taiwan (TWSE, TPEx)",
            ["twstock", "fd"],
            [
                "short = the Simplified form of twstock's Traditional short name (to_simplified)",
                "english = FinanceDatabase's English name",
            ],
        ),
        "us": (
            "US-listed issuers from China, Hong Kong, Macau and Taiwan (NASDAQ, NYSE, NYSE American)",
            ["fd", "hk", "adata", "twstock"],
            [
                "short, full, short_hant, full_hant = the names of the Hong Kong, mainland or Taiwan listing "
                "joined to it by English name; empty when there is none",
            ],
        ),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for market, rows in markets.items():
        title, sources, derived = described[market]
        write(args.out / f"{market}.tsv", header(title, sources, derived + DERIVED_COMMON, args.date), rows)
        print(f"{market}: {len(rows)} rows -> {args.out / f'{market}.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
