"""The navigation Material renders into every page stays small: topic pages per company and
year are built but left out of it (mkdocs.yml ``not_in_nav``), every other page is in it."""

from __future__ import annotations

from pathlib import Path

import pathspec.gitignore
import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' ``!ENV`` tag; its value does not matter here."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def not_in_nav() -> pathspec.gitignore.GitIgnoreSpec:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    return pathspec.gitignore.GitIgnoreSpec.from_lines(
        config["not_in_nav"].splitlines()
    )  # as MkDocs reads it


def test_topic_pages_per_company_and_year_are_not_in_the_navigation() -> None:
    spec = not_in_nav()
    assert spec.match_file("topics/ai/tencent/2024.md")
    assert spec.match_file("topics/云/alibaba/fy2025.md")


def test_every_other_page_is() -> None:
    spec = not_in_nav()
    for page in (
        "index.md",
        "topics/index.md",
        "topics/ai/index.md",
        "topics/ai/tencent/index.md",
        "calls/alibaba/2024/index.md",
        "calls/alibaba/2024/alibaba-2024-05-14_fy2024-q4_sina-call-transcript.md",
        "people/management/alibaba/吴泳铭.md",
    ):
        assert not spec.match_file(page), page
