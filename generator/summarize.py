"""Stage 2: a Document -> a Summary (the contract of docs/summary-format.md).

This module only orchestrates; each kind of extraction has its own module.
(First version: fills what can be known for sure and leaves the rest null.)
"""

from __future__ import annotations

from generator.model import Document, SourceInfo, Summary


def summarize(doc: Document) -> Summary:
    """Extract the summary of one transcript. Never invents: unknown fields stay None."""
    source = SourceInfo(path=doc.path, sha256=doc.sha256, title=doc.title, encoding=doc.encoding)
    summary = Summary(source=source)
    summary.review.append("extraction not yet implemented: company, period and metrics are empty")
    return summary
