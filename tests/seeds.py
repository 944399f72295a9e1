"""Load the project's transcripts with their hand-labelled gold files (matched by sha256)."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.model import Document
from generator.source.read import read_source

ROOT = Path(__file__).resolve().parent.parent


def gold_pairs() -> list[tuple[Document, dict]]:
    """(document, gold) for every transcript under content/transcripts that has a gold file."""
    golds = {}
    for path in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        golds[str(gold["sha256"]).lower()] = gold
    pairs = []
    for path in sorted((ROOT / "content" / "transcripts").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md", ".html", ".htm"):
            doc = read_source(path, ROOT)
            if doc.sha256 in golds:
                pairs.append((doc, golds[doc.sha256]))
    return pairs


PAIRS = gold_pairs()
IDS = [doc.path for doc, _ in PAIRS]
