"""One exception hierarchy; the CLI turns each into a single line naming the file."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base of every error the generator reports to a user."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SourceError(GeneratorError):
    """A transcript cannot be read: empty, binary, or in no encoding we know."""


class SummaryError(GeneratorError):
    """A YAML summary or corrections file is malformed or breaks the contract."""


class OutputError(GeneratorError):
    """Writing would overwrite a file the generator did not write, or collide."""


class BuildError(GeneratorError):
    """An external build step (MkDocs, the search indexer) failed."""


class LexiconError(SummaryError):
    """A lexicon file (bundled or a project's own) cannot be read or has the wrong shape."""
