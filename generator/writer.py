"""Writing generated files safely: atomic, never over a person's file, no collisions, no loss.

Every output folder (summaries, pages) keeps a manifest, ``.generated.json``: the
relative path and SHA-256 of each file the generator wrote there. A file may be
(over)written only when it does not exist yet, when it already holds exactly the bytes
the generator would write (a ``git checkout`` or a revert), or when it still has bytes the
generator wrote earlier. A file a person created or edited is never touched: the write is
refused with an :class:`OutputError` naming it.

Interruption: before each file is written, its path and digest are appended to a journal
(``.generated.journal``), so a build killed at any moment leaves a record the next build
reads; ``finish()`` folds the journal into the manifest.

Input keys: a caller may record, with each file it writes, a key of the inputs the file was
made from (a hash) and the warnings making it gave; the manifest keeps them (``inputs``). A
later run whose inputs have the same key calls :meth:`OutputTree.reuse` and skips making the
file again, as long as the file still holds the bytes recorded with that key. The key lives
in the manifest, not in the file, so the file's bytes do not depend on how it was made.

Pruning: ``finish()`` removes only what a run positively superseded: generated files that
the run did not write again and did not ``keep()`` (the caller keeps the outputs of an input
that failed, so a failure never deletes them). A caller that met errors it cannot pin to
one input passes ``prune=False`` and nothing is removed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import OutputError

MANIFEST = ".generated.json"
JOURNAL = ".generated.journal"
LOCK = ".generated.lock"


@dataclass(frozen=True)
class InputRecord:
    """What the manifest records of a file made from known inputs."""

    key: str
    """A hash of every input the file was made from."""
    sha256: str
    """The file's bytes when it was made (a later edit voids the record)."""
    warnings: tuple[str, ...] = ()
    """What making the file reported, repeated when the file is reused."""


def sha256_bytes(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The temporary name is short whatever the target's name, so a name near the file
    system's limit (255 bytes) still works.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def locked(folder: Path, what: str = "build", name: str = LOCK) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (a file ``name`` in it) for the block.

    A second build of the same project waits for the first, saying so on stderr once.
    The lock is released by the operating system when the process ends, killed or not.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting: another {what} is running in {folder} (lock {path.name})", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class OutputTree:
    """A folder the generator writes into, guarded by its manifest and journal."""

    def __init__(self, root: Path, prune: bool = True) -> None:
        self.root = root
        self.prune = prune
        manifest = self._read_manifest()
        self.known = self._read_records(manifest)
        self.recorded = self._read_inputs(manifest)
        """The input record of each file, as the previous run left it."""
        """Every digest the generator is known to have written at each path."""
        self.previous = {rel: digests[-1] for rel, digests in self.known.items()}
        """The last recorded digest of each path (the manifest, updated by the journal)."""
        self.written: dict[str, str] = {}
        self.kept: set[str] = set()
        self.unchanged = 0
        self.inputs: dict[str, InputRecord] = {}
        """The input record of each file written or reused in this run (saved by ``finish()``)."""

    # --- records ----------------------------------------------------------------------

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputError(f"unreadable manifest: {exc}", str(path)) from exc
        return data if isinstance(data, dict) else {}

    def _read_inputs(self, data: dict[str, Any]) -> dict[str, InputRecord]:
        inputs = data.get("inputs", {})
        records: dict[str, InputRecord] = {}
        if not isinstance(inputs, dict):
            return records
        for rel, record in inputs.items():
            if isinstance(record, dict) and isinstance(record.get("key"), str):
                notes = record.get("warnings", [])
                records[str(rel)] = InputRecord(
                    key=record["key"],
                    sha256=str(record.get("sha256", "")),
                    warnings=tuple(str(n) for n in notes) if isinstance(notes, list) else (),
                )
        return records

    def _read_records(self, data: dict[str, Any]) -> dict[str, list[str]]:
        records: dict[str, list[str]] = {}
        files = data.get("files", {})
        if isinstance(files, dict):
            for rel, digest in files.items():
                records[str(rel)] = [str(digest)]
        journal = self.root / JOURNAL
        if journal.is_file():
            # an earlier run was interrupted: what it wrote (or was about to write) is ours
            for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
                rel, sep, digest = line.rpartition("\t")
                if sep and rel and len(digest) == 64:
                    records.setdefault(rel, []).append(digest)
        return records

    def _journal(self, rel: str, digest: str) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / JOURNAL).open("a", encoding="utf-8") as fh:
            fh.write(f"{rel}\t{digest}\n")

    # --- writing ----------------------------------------------------------------------

    def _check_writable(self, rel: str, target: Path, data: bytes) -> None:
        if rel in self.written:
            raise OutputError("two items would write the same file", str(target))
        if not target.exists():
            return
        if target.is_dir():
            raise OutputError("a folder stands where a generated file goes", str(target))
        current = target.read_bytes()
        if current == data:
            return  # exactly what we would write: never a person's edit
        known = self.known.get(rel)
        if known is None:
            raise OutputError(
                "not written by the generator; refusing to overwrite it (move or delete it)", str(target)
            )
        if sha256_bytes(current) not in known:
            raise OutputError(
                "edited since the generator wrote it; refusing to overwrite it "
                "(put lasting fixes in content/corrections/, or delete the file to regenerate)",
                str(target),
            )

    def write(
        self, rel: str, content: str | bytes, key: str | None = None, warnings: Sequence[str] = ()
    ) -> Path:
        """Write one file at ``rel`` (a forward-slash path relative to the root).

        ``key`` identifies the inputs the file was made from, and ``warnings`` what making it
        reported; both are recorded so that a later run with the same key can :meth:`reuse` it.
        """
        rel = Path(rel).as_posix()
        if rel.startswith("../") or rel.startswith("/") or rel in (MANIFEST, JOURNAL, LOCK):
            raise OutputError("path outside the output folder", rel)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = self.root / rel
        self._check_writable(rel, target, data)
        digest = sha256_bytes(data)
        if target.is_file() and target.read_bytes() == data:
            self.unchanged += 1
        else:
            self._journal(rel, digest)
            write_atomic(target, data)
        self.written[rel] = digest
        if key is not None:
            self.inputs[rel] = InputRecord(key=key, sha256=digest, warnings=tuple(warnings))
        return target

    def reuse(self, rel: str, key: str) -> InputRecord | None:
        """Take the file at ``rel`` as this run's output when it was made from inputs with ``key``.

        Returns the file's input record (its warnings are the ones making it reported), or None
        when the file must be made again: another key, no record, or bytes changed since.
        """
        rel = Path(rel).as_posix()
        record = self.recorded.get(rel)
        if record is None or record.key != key or rel in self.written:
            return None
        target = self.root / rel
        if not target.is_file() or sha256_bytes(target.read_bytes()) != record.sha256:
            return None
        self.written[rel] = record.sha256
        self.inputs[rel] = record
        self.unchanged += 1
        return record

    def reuse_all(self, rels: list[str], key: str) -> bool:
        """:meth:`reuse` for a group of files made together: all of them, or none (False)."""
        found: list[tuple[str, InputRecord]] = []
        for rel in (Path(r).as_posix() for r in rels):
            record = self.recorded.get(rel)
            if record is None or record.key != key or rel in self.written:
                return False
            target = self.root / rel
            if not target.is_file() or sha256_bytes(target.read_bytes()) != record.sha256:
                return False
            found.append((rel, record))
        for rel, record in found:
            self.written[rel] = record.sha256
            self.inputs[rel] = record
            self.unchanged += 1
        return True

    def set_key(self, rel: str, key: str) -> None:
        """Record ``key`` for a file this run wrote (known only once the file's group is done)."""
        rel = Path(rel).as_posix()
        if rel in self.written:
            self.inputs[rel] = InputRecord(key=key, sha256=self.written[rel])

    def keep(self, rel: str) -> None:
        """Keep the earlier output at ``rel`` as it is (its input failed this run)."""
        self.kept.add(Path(rel).as_posix())

    # --- finishing --------------------------------------------------------------------

    def stale(self) -> list[str]:
        """Generated files of an earlier run that this run neither wrote nor kept."""
        return sorted(set(self.previous) - set(self.written) - self.kept)

    def finish(self) -> list[str]:
        """Remove stale generated files (when pruning) and save the manifest; return removed paths."""
        removed: list[str] = []
        kept: dict[str, str] = dict(self.written)
        for rel in sorted(self.kept - set(self.written)):
            target = self.root / rel
            if rel in self.previous and target.is_file():
                current = sha256_bytes(target.read_bytes())
                if current in self.known[rel]:
                    kept[rel] = current
        for rel in self.stale():
            target = self.root / rel
            if not target.is_file():
                continue
            current = sha256_bytes(target.read_bytes())
            if current not in self.known[rel]:
                continue  # edited by a person since: leave it, forget it
            if not self.prune:
                kept[rel] = current
                continue
            target.unlink()
            removed.append(rel)
            self._remove_empty_parents(target.parent)
        files = dict(sorted(kept.items()))
        manifest: dict[str, Any] = {"generator": "earnings-call generator", "files": files}
        if self.inputs:
            manifest["inputs"] = {
                rel: {"key": r.key, "sha256": r.sha256, "warnings": list(r.warnings)}
                for rel, r in sorted(self.inputs.items())
                if kept.get(rel) == r.sha256
            }
        text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        write_atomic(self.root / MANIFEST, text.encode("utf-8"))
        (self.root / JOURNAL).unlink(missing_ok=True)
        return removed

    def _remove_empty_parents(self, folder: Path) -> None:
        root = self.root.resolve()
        while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
