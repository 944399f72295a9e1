"""Summary <-> YAML: round trips, deterministic text, and clear errors on bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SummaryError
from generator.model import (
    Company,
    Evidence,
    Metric,
    Participant,
    Period,
    QAExchange,
    Quote,
    SourceInfo,
    Summary,
)
from generator.store.summaries import (
    load_summaries,
    load_summary,
    summary_from_dict,
    summary_to_dict,
    summary_to_yaml,
)

text = st.text(min_size=1, max_size=30)
maybe_text = st.none() | text
number = (
    st.none()
    | st.integers(-(10**15), 10**15)
    | st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 4))
)

metrics = st.builds(
    Metric,
    metric=st.sampled_from(["revenue", "net_income", "segment_revenue", "dau"]),
    evidence=st.builds(Evidence, line=st.integers(1, 5000), text=text),
    segment=maybe_text,
    scope=st.none() | st.sampled_from(["quarter", "fiscal_year"]),
    value=number,
    unit=st.none() | st.sampled_from(["CNY", "USD", "%", "users"]),
    yoy_pct=number,
    qoq_pct=number,
    change_pp=number,
    as_written=maybe_text,
    approximate=st.booleans(),
    corrected=st.booleans(),
)
summaries = st.builds(
    Summary,
    source=st.builds(
        SourceInfo,
        path=text,
        sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
        title=maybe_text,
        kind=st.sampled_from(["transcript", "article", "digest"]),
        encoding=st.none() | st.just("utf-8"),
    ),
    company=st.builds(Company, name=maybe_text, tickers=st.lists(text, max_size=3), id=maybe_text),
    period=st.builds(
        Period,
        fiscal_year=st.none() | st.integers(1990, 2100),
        fiscal_quarter=st.none() | st.integers(1, 4),
        period_end=st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    ),
    call_date=st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    participants=st.lists(
        st.builds(
            Participant,
            name=text,
            side=st.sampled_from(["management", "analyst"]),
            role=maybe_text,
            firm=maybe_text,
            aliases=st.lists(text, max_size=2),
        ),
        max_size=3,
    ),
    metrics=st.lists(metrics, max_size=4),
    qa=st.lists(
        st.builds(
            QAExchange,
            question=text,
            asker=maybe_text,
            firm=maybe_text,
            answered_by=st.lists(text, max_size=3),
            topics=st.lists(text, max_size=2),
            line=st.none() | st.integers(1, 999),
            answer_lines=st.lists(st.integers(1, 999), max_size=3),
        ),
        max_size=3,
    ),
    quotes=st.lists(
        st.builds(
            Quote, speaker=maybe_text, text=text, line=st.integers(1, 999), topics=st.lists(text, max_size=2)
        ),
        max_size=3,
    ),
    review=st.lists(text, max_size=2),
    corrections=st.lists(text, max_size=2),
)


def _normal(s: Summary) -> dict:
    """The dict form, with integral floats as ints (what YAML keeps)."""
    return summary_to_dict(s)


@settings(max_examples=150, deadline=None)
@given(summaries)
def test_round_trip_through_yaml(summary: Summary) -> None:
    text_ = summary_to_yaml(summary)
    back = summary_from_dict(yaml.safe_load(text_))
    assert _normal(back) == _normal(summary)
    assert summary_to_yaml(back) == text_  # deterministic: dumping again gives the same bytes
    assert text_.endswith("\n")


def test_yaml_keeps_unicode_and_contract_order() -> None:
    s = Summary(
        source=SourceInfo(path="a.txt", sha256="0" * 64), company=Company(name="阿里巴巴", tickers=["9988"])
    )
    out = summary_to_yaml(s)
    assert "阿里巴巴" in out and "'9988'" in out
    keys = [ln.split(":")[0] for ln in out.splitlines() if ln and not ln.startswith((" ", "#", "-"))]
    assert keys[:6] == ["schema", "source", "company", "period", "call_date", "participants"]


def test_every_problem_is_named_with_its_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "source: {path: a.txt, sha256: abc}\n"
        "period: {fiscal_quarter: 7, period_end: not-a-date}\n"
        "metrics:\n  - {metric: revenue, value: lots, evidence: {line: 0, text: x}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SummaryError) as err:
        load_summary(bad)
    message = str(err.value)
    assert message.startswith(str(bad))
    for field in (
        "period.fiscal_quarter",
        "period.period_end",
        "metrics[0].value",
        "metrics[0].evidence.line",
    ):
        assert field in message


def test_malformed_yaml_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("source:\n  path: [unclosed\n", encoding="utf-8")
    with pytest.raises(SummaryError) as err:
        load_summary(bad)
    assert str(bad) in str(err.value) and "line" in str(err.value) and "\n" not in str(err.value)


def test_load_summaries_keeps_going_past_bad_files(tmp_path: Path) -> None:
    good = Summary(source=SourceInfo(path="a.txt", sha256="0" * 64))
    (tmp_path / "good.yaml").write_text(summary_to_yaml(good), encoding="utf-8")
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "list.yaml").write_text("- just a list\n", encoding="utf-8")
    loaded, errors = load_summaries(tmp_path)
    assert [s.source.path for s in loaded] == ["a.txt"]
    assert len(errors) == 2
    assert all(str(tmp_path) in str(e) for e in errors)


def test_a_metric_is_written_in_the_order_of_its_fields() -> None:
    from dataclasses import fields

    m = Metric("revenue", evidence=Evidence(3, "营收"), value=2.0, approximate=True, corrected=True)
    doc = summary_to_dict(Summary(source=SourceInfo("t.txt", "0" * 64), metrics=[m]))
    assert list(doc["metrics"][0]) == [f.name for f in fields(Metric)]
    assert doc["metrics"][0]["value"] == 2 and doc["metrics"][0]["evidence"] == {"line": 3, "text": "营收"}
    back = summary_from_dict(doc).metrics[0]
    assert back == m


def test_a_bad_metric_names_required_fields_first() -> None:
    doc = {"source": {"path": "t.txt", "sha256": "0"}, "metrics": [{"value": "x", "scope": "week"}]}
    with pytest.raises(SummaryError) as err:
        summary_from_dict(doc)
    message = str(err.value)
    assert message.index("metrics[0].metric") < message.index("metrics[0].evidence")
    assert message.index("metrics[0].evidence") < message.index("metrics[0].scope")
    assert message.index("metrics[0].scope") < message.index("metrics[0].value")
