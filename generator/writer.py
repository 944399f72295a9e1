"""Writing generated files safely: atomic, never over a person's file, no collisions.

Every output folder (summaries, pages) keeps a manifest, ``.generated.json``: the
relative path and SHA-256 of each file the generator wrote there. A file may be
(over)written only when it does not exist yet, or when it is in the manifest and still
has the bytes the generator wrote. A file a person created or edited is never touched:
the write is refused with an :class:`OutputError` naming it. ``finish()`` removes the
generated files that this run did not write again (stale pages of removed transcripts)
and saves the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from generator.errors import OutputError

MANIFEST = ".generated.json"


def sha256_bytes(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class OutputTree:
    """A folder the generator writes into, guarded by its manifest."""

    def __init__(self, root: Path, prune: bool = True) -> None:
        self.root = root
        self.prune = prune
        self.previous = self._read_manifest()
        self.written: dict[str, str] = {}
        self.unchanged = 0

    def _read_manifest(self) -> dict[str, str]:
        path = self.root / MANIFEST
        if not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputError(f"unreadable manifest: {exc}", str(path)) from exc
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return {str(k): str(v) for k, v in files.items()}

    def _check_writable(self, rel: str, target: Path) -> None:
        if rel in self.written:
            raise OutputError("two items would write the same file", str(target))
        if not target.exists():
            return
        if target.is_dir():
            raise OutputError("a folder stands where a generated file goes", str(target))
        known = self.previous.get(rel)
        if known is None:
            raise OutputError(
                "not written by the generator; refusing to overwrite it (move or delete it)", str(target)
            )
        if sha256_bytes(target.read_bytes()) != known:
            raise OutputError(
                "edited since the generator wrote it; refusing to overwrite it "
                "(put lasting fixes in content/corrections/, or delete the file to regenerate)",
                str(target),
            )

    def write(self, rel: str, content: str | bytes) -> Path:
        """Write one file at ``rel`` (a forward-slash path relative to the root)."""
        rel = Path(rel).as_posix()
        if rel.startswith("../") or rel.startswith("/") or rel == MANIFEST:
            raise OutputError("path outside the output folder", rel)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = self.root / rel
        self._check_writable(rel, target)
        digest = sha256_bytes(data)
        if target.is_file() and target.read_bytes() == data:
            self.unchanged += 1
        else:
            write_atomic(target, data)
        self.written[rel] = digest
        return target

    def stale(self) -> list[str]:
        """Generated files of an earlier run that this run did not write."""
        return sorted(set(self.previous) - set(self.written))

    def finish(self) -> list[str]:
        """Remove stale generated files (when pruning) and save the manifest; return removed paths."""
        removed: list[str] = []
        kept: dict[str, str] = dict(self.written)
        for rel in self.stale():
            target = self.root / rel
            if not target.is_file():
                continue
            if not self.prune or sha256_bytes(target.read_bytes()) != self.previous[rel]:
                if self.prune:
                    continue  # edited by a person since: leave it, forget it
                kept[rel] = self.previous[rel]
                continue
            target.unlink()
            removed.append(rel)
            self._remove_empty_parents(target.parent)
        manifest = {"generator": "earnings-call generator", "files": dict(sorted(kept.items()))}
        text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        write_atomic(self.root / MANIFEST, text.encode("utf-8"))
        return removed

    def _remove_empty_parents(self, folder: Path) -> None:
        root = self.root.resolve()
        while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
