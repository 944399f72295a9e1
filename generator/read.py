"""Stage 1: a source file (.txt, .md, .html) -> a decoded, cleaned, line-numbered Document.

(Minimal first version: UTF-8 only, no cleaning. Replaced by the full reader.)
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from generator.errors import SourceError
from generator.model import Document, Line

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def normalise(text: str) -> str:
    """Per-character normalisation for matching; keeps the length of ``text``."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when inside it, with forward slashes."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read_source(path: Path, root: Path | None = None) -> Document:
    """Read one transcript file into a Document; raise SourceError when it cannot be read."""
    name = display_path(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror}", name) from exc
    if not data.strip():
        raise SourceError("empty file", name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError("not UTF-8 text", name) from exc
    lines = [
        Line(number=i + 1, original=raw, text=raw, norm=normalise(raw))
        for i, raw in enumerate(text.splitlines())
    ]
    title = next((ln.text.strip() for ln in lines if ln.text.strip()), None)
    return Document(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        lines=lines,
        title=title,
    )
