"""English participants as web pages list them (issue 12, fifth round): a company's name on a
participant line, a possessive before a title and a company after one are no people."""

from __future__ import annotations

from pathlib import Path

from generator.extract.labels import parse_label
from generator.extract.names import is_english_name
from generator.extract.summarize import summarize
from generator.source.read import read_source


def _names(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return [p.name for p in summarize(read_source(path, tmp_path)).participants]


def test_a_company_line_is_no_person(tmp_path: Path) -> None:
    assert parse_label("Zephyr Holdings Limited - Director of IR") is None
    label = parse_label("Angus Guthrie - Director of IR")
    assert label is not None and label.who.name == "Angus Guthrie"
    text = (
        "Corporate Participants\n\n"
        "* Angus Guthrie\n\n"
        "Zephyr Holdings Limited - Director of IR\n\n"
        "Operator: Welcome to the call.\n"
    )
    assert "Zephyr Holdings Limited" not in _names(tmp_path, text)


def test_possessives_and_company_words_are_no_names() -> None:
    assert not is_english_name("Tuniu's Founder")
    assert not is_english_name("Wynn Resorts")
    assert not is_english_name("Orbit Group")
    assert is_english_name("Donald Yu")


def test_streetevents_lists_a_name_over_its_affiliation(tmp_path: Path) -> None:
    text = (
        "Corporate Participants\n\n"
        "* Angus Guthrie\n\n"
        "Zephyr Holdings Limited - Director of IR\n\n"
        "* Janice Cho\n\n"
        "* Richard Lancaster\n\n"
        "Zephyr Holdings Limited - CEO & Executive Director\n\n"
        "====================\n\n"
        "Conference Call Participants\n\n"
        "* Elaine Wu\n\n"
        "Foo Capital, Research Division - Lead Analyst\n\n"
        "====================\n\n"
        "Presentation\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    people = {p.name: p for p in summarize(read_source(path, tmp_path)).participants}
    assert {n for n, p in people.items() if p.side == "management"} == {
        "Angus Guthrie",
        "Janice Cho",
        "Richard Lancaster",
    }
    assert people["Richard Lancaster"].role is not None
    assert (people["Elaine Wu"].side, people["Elaine Wu"].firm) == ("analyst", "Foo Capital")
    assert not any("Zephyr" in n or "Presentation" in n for n in people)
