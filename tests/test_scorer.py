"""The scorer's own conventions (scripts/score.py): what counts as a found figure and as a
must-not figure. Accuracy figures are only as honest as these rules."""

from __future__ import annotations

from tests.test_accuracy import load_scorer

score = load_scorer()


def summary(*metrics: dict) -> dict:
    return {"metrics": list(metrics)}


def test_a_gold_figure_without_an_amount_matches_a_summary_without_one() -> None:
    gold = {"metrics": [{"metric": "revenue", "value": None, "unit": "CNY", "yoy_pct": 4.5}]}
    found = score.score_one(gold, summary({"metric": "revenue", "value": None, "yoy_pct": 4.5}), None)
    assert found["core_found"] == 1


def test_a_gold_figure_without_an_amount_refuses_an_invented_amount_or_a_wrong_change() -> None:
    gold = {"metrics": [{"metric": "revenue", "value": None, "yoy_pct": 4.5}]}
    invented = score.score_one(gold, summary({"metric": "revenue", "value": 1.0e9, "yoy_pct": 4.5}), None)
    wrong = score.score_one(gold, summary({"metric": "revenue", "value": None, "yoy_pct": 5.5}), None)
    assert invented["core_found"] == 0
    assert wrong["core_found"] == 0


def test_a_figure_the_gold_lists_as_right_is_no_must_not_figure() -> None:
    gold = {
        "metrics": [{"metric": "operating_margin", "value": 12.24, "scope": "ytd", "tier": "extra"}],
        "must_not": [{"metric": "operating_margin", "value": 12.23}],
    }
    right = {"metric": "operating_margin", "value": 12.24, "scope": "ytd"}
    assert score.score_one(gold, summary(right), None)["must_not_violations"] == []


def test_a_must_not_figure_reported_is_still_counted() -> None:
    gold = {
        "metrics": [{"metric": "revenue", "value": 100.0}],
        "must_not": [{"metric": "revenue", "value": 90.0}],
    }
    got = summary({"metric": "revenue", "value": 100.0}, {"metric": "revenue", "value": 90.2})
    assert score.score_one(gold, got, None)["must_not_violations"] == ["revenue=90.0"]


def test_an_analyst_firm_matches_across_languages_through_the_firms_lexicon() -> None:
    gold = {"participants": {"analysts": [{"name": "Alicia Yap", "firm": "Citigroup"}]}}
    as_recorded = {"participants": [{"name": "Alicia Yap", "side": "analyst", "firm": "花旗"}]}
    other_firm = {"participants": [{"name": "Alicia Yap", "side": "analyst", "firm": "摩根士丹利"}]}
    assert score.score_one(gold, as_recorded, None)["analysts_found"] == 1
    assert score.score_one(gold, other_firm, None)["analysts_found"] == 0
