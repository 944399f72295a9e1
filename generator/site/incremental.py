"""Pages rendered only when their inputs change: a key per unit of the render, and the lookups it made.

A *unit* is one part of the render that writes one or more files: a call's page and downloads
(:mod:`generator.site.pages.call`), a company's page and charts, or any single page. Its **key**
is a SHA-256 of the code and data every page is made from (:func:`code_version`: the generator's
site code and templates, the extractor's code, the lexicons) and of the unit's own inputs, taken
by value (:func:`Fingerprints.of`): a call stands for its summary (all of it), the bytes of its
transcript (the call page shows the text) and how the site names and places it (id, page, year,
copies, other sources of its period). A call's page is keyed by the call and what it shows of
the company's other calls (:class:`generator.site.pages.call.Neighbours`); an aggregate page by
the very values it is given (the list of calls, a person with their quotes…).

What a page looks up in the whole site while it renders (another person's page, a topic's page,
a firm's page, a company's name) is not in the key: each lookup and its answer is recorded, the
unit's **trace**. A later render reuses the unit's files when its key is the same, every lookup of
its trace gives the same answer in the new site, and every file still holds the bytes written
then (the output tree's manifest, :meth:`generator.writer.OutputTree.reuse_all`). So a new analyst
in one call does not render every page again, only the pages that link to them.

Records (key, trace, files) are kept beside the docs manifest in :data:`RECORDS`; a missing,
corrupt or foreign record means the unit is rendered (never a wrong page). A unit that met an
error is not recorded. ``GENERATOR_RENDER_CHECK=1`` renders every reusable unit anyway and fails
when its files would differ (a test of the keys; :mod:`tests.test_scale_render`).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import hashlib
import json
import os
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from generator.model import Summary
from generator.site.calls import Call

RECORDS = ".render-keys.json"
"""Under docs/, beside the output manifest: each unit's key, trace and files."""
FORMAT = 1
"""The records' format; another number is read as no record."""
CHECK_ENV = "GENERATOR_RENDER_CHECK"
"""Set to 1: reusable units are rendered anyway and compared (slow; for tests)."""

SITE_CODE = Path(__file__).resolve().parent


def code_version(extractor: str, lexicons: str) -> str:
    """The part of every key that is not a page's own: the site's Python code and templates,
    the extractor's version and the lexicons' (a change to any renders every page again)."""
    from generator.site import templating

    digest = hashlib.sha256(f"{FORMAT}\0{extractor}\0{lexicons}\0".encode())
    for folder, suffix in ((SITE_CODE, ".py"), (Path(templating.TEMPLATES), ".j2")):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix == suffix):
            data = path.read_bytes()
            digest.update(f"{suffix}\0{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


class Untraceable(TypeError):
    """A value the fingerprint cannot take: its unit is rendered and not recorded."""


class Fingerprints:
    """Fingerprints of the values pages are made from, each catalog object computed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._memo: dict[int, tuple[object, str]] = {}
        """id -> (the object, kept alive so its id is not reused; its fingerprint)."""

    def transcript(self, source_path: str) -> str:
        """The bytes of a call's transcript (the call page shows it), or why there are none."""
        path = self.root / source_path
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            return f"unreadable:{type(exc).__name__}"

    def summary(self, s: Summary) -> str:
        return self._memoized(s, lambda: hashlib.sha256(repr(s).encode("utf-8")).hexdigest())

    def call(self, c: Call) -> str:
        """A call by everything a page can read of it (not its neighbours' own pages)."""

        def make() -> str:
            others = [(o.id, o.page, o.source_path, o.period, self.summary(o.summary)) for o in c.same_period]
            parts = [
                self.summary(c.summary),
                self.transcript(c.summary.source.path),
                c.id,
                c.company_id,
                c.company_name,
                c.year,
                c.year_title,
                c.period,
                c.page,
                [self.summary(s) for s in c.copies],
                others,
            ]
            return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()

        return self._memoized(c, make)

    def _memoized(self, obj: object, make: Any) -> str:
        found = self._memo.get(id(obj))
        if found is not None and found[0] is obj:
            return found[1]
        value: str = make()
        self._memo[id(obj)] = (obj, value)
        return value

    def of(self, value: object) -> str:
        """A SHA-256 of ``value`` (context of a page, or a unit's inputs) taken by value."""
        out: list[str] = []
        self._parts(value, 0, out)
        return hashlib.sha256("\0".join(out).encode("utf-8")).hexdigest()

    def _dataclass(self, value: Any, depth: int) -> str:
        """A dataclass by its fields (computed once per object: catalog objects recur)."""
        kind = type(value)
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        out = [f"{kind.__module__}.{kind.__qualname__}("]
        for name in names:
            out.append(name)
            self._parts(getattr(value, name), depth + 1, out)
        return hashlib.sha256("\0".join(out).encode("utf-8")).hexdigest()

    def _parts(self, value: object, depth: int, out: list[str]) -> None:
        if depth > 40:
            raise Untraceable("nested too deep")
        kind = type(value)
        if kind is str:
            out.append(f"str:{len(value)}:{value}")  # type: ignore[arg-type]
        elif value is None or kind in _SCALARS:
            out.append(f"{kind.__name__}:{value!r}")
        elif kind is Call:
            out.append(f"call:{self.call(value)}")  # type: ignore[arg-type]
        elif kind is list or kind is tuple:
            out.append(f"{kind.__name__}[{len(value)}")  # type: ignore[arg-type]
            for item in value:  # type: ignore[attr-defined]
                self._parts(item, depth + 1, out)
            out.append("]")
        elif isinstance(value, str):
            out.append(f"{kind.__name__}:{len(value)}:{value}")  # Md and str differ: one is escaped
        elif isinstance(value, Call):
            out.append(f"call:{self.call(value)}")
        elif isinstance(value, Summary):
            out.append(f"summary:{self.summary(value)}")
        elif isinstance(value, Traced):
            out.append(f"traced:{value.table}")
        elif isinstance(value, (list, tuple)):
            out.append(f"{kind.__name__}[{len(value)}")
            for item in value:
                self._parts(item, depth + 1, out)
            out.append("]")
        elif isinstance(value, dict):
            out.append(f"dict[{len(value)}")
            for k, v in value.items():
                self._parts(k, depth + 1, out)
                self._parts(v, depth + 1, out)
            out.append("]")
        elif isinstance(value, (set, frozenset)):
            if not all(isinstance(v, (str, int)) for v in value):
                raise Untraceable("a set of other values")
            out.append(f"set[{len(value)}")
            out.extend(sorted(repr(v) for v in value))
            out.append("]")
        elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
            out.append(f"function:{value.__module__}.{value.__qualname__}")
        elif isinstance(value, types.ModuleType):
            out.append(f"module:{value.__name__}")
        elif dataclasses.is_dataclass(value):
            out.append(f"{kind.__qualname__}:{self._memoized(value, lambda: self._dataclass(value, depth))}")
        else:
            raise Untraceable(f"no fingerprint for {kind.__qualname__}")


_SCALARS = (bool, int, float, decimal.Decimal, datetime.date, datetime.datetime)
_FIELDS: dict[type, tuple[str, ...]] = {}
"""Field names of each dataclass met (dataclasses.fields is slow)."""


class Traced(Mapping[str, Any]):
    """A lookup table of the whole site handed to a template: each key read is recorded in the
    unit's trace (the whole table when it is iterated)."""

    def __init__(self, table: str, data: Mapping[str, Any], trace: Trace) -> None:
        self.table = table
        self.data = data
        self.trace = trace

    def __getitem__(self, key: str) -> Any:
        self.trace.record(self.table, key, self.data.get(key))
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        value = self.data.get(key)
        self.trace.record(self.table, key, value)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        self.trace.record(self.table, str(key), self.data.get(str(key)))
        return key in self.data

    def __iter__(self) -> Iterator[str]:
        self.trace.record(self.table, None, whole(self.data))
        return iter(self.data)

    def __len__(self) -> int:
        self.trace.record(self.table, None, whole(self.data))
        return len(self.data)


def whole(data: Mapping[str, Any]) -> str:
    """A digest of a whole table of names and pages."""
    return hashlib.sha256(json.dumps(list(data.items()), ensure_ascii=False).encode("utf-8")).hexdigest()


class Trace:
    """The lookups of one unit: (table, key) -> the answer (a page path, a name, or None)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str | None], Any] = {}
        self.active = False

    def record(self, table: str, key: str | None, value: Any) -> None:
        if self.active:
            self.entries.setdefault((table, key), value)

    def rows(self) -> list[list[Any]]:
        return [[t, k, v] for (t, k), v in self.entries.items()]


@dataclasses.dataclass(frozen=True)
class Record:
    """What a unit's render left: its key, its trace, the files it wrote."""

    key: str
    trace: list[list[Any]]
    files: list[str]

    def final(self) -> str:
        """The key each of its files is recorded under in the output manifest (key and trace)."""
        text = json.dumps([self.key, self.trace], ensure_ascii=False, sort_keys=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_records(docs: Path, code: str) -> dict[str, Record]:
    """The records of the last render with the same code version; {} when missing or corrupt."""
    try:
        data = json.loads((docs / RECORDS).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code:
            return {}
        units = data["units"]
        out: dict[str, Record] = {}
        for name, rec in units.items():
            key, trace, files = rec["key"], rec["trace"], rec["files"]
            if isinstance(key, str) and isinstance(trace, list) and all(isinstance(f, str) for f in files):
                if all(isinstance(row, list) and len(row) == 3 for row in trace):
                    out[str(name)] = Record(key, trace, list(files))
        return out
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_records(docs: Path, code: str, records: dict[str, Record]) -> None:
    """Save this render's records (sorted, so the file is the same for the same render)."""
    from generator.writer import write_atomic

    units = {n: {"key": r.key, "trace": r.trace, "files": r.files} for n, r in sorted(records.items())}
    text = json.dumps({"format": FORMAT, "code": code, "units": units}, ensure_ascii=False, indent=0)
    write_atomic(docs / RECORDS, (text + "\n").encode("utf-8"))


def check_mode() -> bool:
    return os.environ.get(CHECK_ENV, "") == "1"
