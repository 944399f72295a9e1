"""A test corpus written as summaries (not extracted): one company's calls over six consecutive
quarters and a gap (2023 Q1 - 2024 Q2, then 2024 Q4), and one call in Traditional script.

Each summary's evidence stands verbatim on its line of a small transcript written beside it,
so the call pages show the full text and every link lands on its line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.model import (
    Company,
    Evidence,
    Forecast,
    Metric,
    Participant,
    Period,
    QAExchange,
    Quote,
    SourceInfo,
    Summary,
)
from generator.store.summaries import summary_to_yaml

COMPANY = "示例科技"
COMPANY_ID = "shili"
TRAD_COMPANY = "示例半導體"
TRAD_ID = "shilisemi"


@dataclass(frozen=True)
class Quarter:
    """One call of the corpus company: its quarter, revenue (亿元) and the changes it states."""

    year: int
    quarter: int
    revenue: float
    yoy: float | None
    qoq: float | None
    call_date: date


QUARTERS = [
    Quarter(2023, 1, 100.0, None, None, date(2023, 5, 10)),
    Quarter(2023, 2, 110.0, None, 10.0, date(2023, 8, 10)),
    Quarter(2023, 3, 120.0, None, 9.1, date(2023, 11, 10)),
    Quarter(2023, 4, 130.0, None, 8.3, date(2024, 3, 10)),
    Quarter(2024, 1, 125.0, 25.0, -3.8, date(2024, 5, 10)),
    Quarter(2024, 2, 143.0, 30.0, 14.4, date(2024, 8, 10)),
    # 2024 Q3 is missing: no call on file.
    Quarter(2024, 4, 169.0, 20.0, None, date(2025, 3, 10)),  # states +20%; computed +30%
]
"""Revenue (亿元). 2024 Q1: YoY 125/100 = +25%, QoQ 125/130 = -3.85%. 2024 Q4: YoY 169/130 = +30%
against a stated +20% (flagged); no QoQ (2024 Q3 is not on file)."""

LATEST = QUARTERS[-1]


@dataclass(frozen=True)
class Expected:
    """A revenue figure (亿元) a call expects: guidance for a later quarter, or the consensus for
    its own quarter (``quarter`` None), with the sentence that says so (line 9 of the call)."""

    kind: str
    year: int | None
    quarter: int | None
    sentence: str
    quoted: str
    value: float | None = None
    low: float | None = None
    high: float | None = None


EXPECTED = {
    (2023, 4): Expected(
        "guidance", 2024, 1, "李华:我们预计下季度营收约为130亿元。", "营收约为130亿元", value=130.0
    ),
    (2024, 1): Expected(
        "guidance",
        2024,
        2,
        "李华:我们预计下季度营收为140亿元至145亿元。",
        "营收为140亿元至145亿元",
        low=140.0,
        high=145.0,
    ),
    (2024, 2): Expected(
        "guidance",
        2024,
        3,
        "李华:我们预计下季度营收为150亿元至155亿元。",
        "营收为150亿元至155亿元",
        low=150.0,
        high=155.0,
    ),
    (2024, 4): Expected(
        "consensus", None, None, "李华:本季度营收高于市场预期的160亿元。", "市场预期的160亿元", value=160.0
    ),
}
"""Against the quarters above: 2024 Q1's 125 is below the 130 guided (低于指引); 2024 Q2's 143 is
within 140-145 (符合指引); 2024 Q3 is not on file (no actual); 2024 Q4's 169 beats the 160 expected
(超预期)."""
PERIOD_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def label(q: Quarter) -> str:
    """The period as the site names it (a calendar fiscal year): ``2024 Q1``."""
    return f"{q.year} Q{q.quarter}"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _number(x: float) -> str:
    return f"{x:g}"


def _pct(x: float | None) -> str:
    return "" if x is None else (f"增长{_number(x)}%" if x >= 0 else f"下降{_number(-x)}%")


def quarter_text(q: Quarter) -> tuple[str, dict[str, tuple[int, str]]]:
    """The call's transcript and, per figure, its (line, evidence text)."""
    revenue = f"营收为{_number(q.revenue)}亿元"
    if q.yoy is not None:
        revenue += f",同比{_pct(q.yoy)}"
    if q.qoq is not None:
        revenue += f",环比{_pct(q.qoq)}"
    lines = [
        f"{COMPANY}{q.year}年第{q.quarter}季度业绩电话会",
        f"{q.call_date.year}年{q.call_date.month:02d}月{q.call_date.day:02d}日",
        "主持人:欢迎参加本季度业绩电话会。",
        f"首席执行官王明:本季度{revenue}。",
        "首席财务官李华:资本开支为0.8亿元,月活跃用户达到3200万,海外收入为30亿美元。",
        "高盛分析师张伟:请问视频号商业化的进展如何?",
        "王明:视频号广告收入本季度增长明显,我们会继续投入,商业化节奏稳健。",
        "王明:我们对人工智能的长期投入不会改变。",
    ]
    expected = EXPECTED.get((q.year, q.quarter))
    if expected is not None:
        lines.append(expected.sentence)
    evidence = {
        "revenue": (4, revenue),
        "capex": (5, "资本开支为0.8亿元"),
        "mau": (5, "月活跃用户达到3200万"),
        "segment_revenue": (5, "海外收入为30亿美元"),
    }
    if expected is not None:
        evidence["expected"] = (9, expected.quoted)
    return "\n".join(lines) + "\n", evidence


def quarter_summary(q: Quarter, path: str, text: str, evidence: dict[str, tuple[int, str]]) -> Summary:
    """The summary of one corpus call, as the extractor would write it."""

    def ev(name: str) -> Evidence:
        line, quoted = evidence[name]
        return Evidence(line=line, text=quoted)

    metrics = [
        Metric(
            "revenue",
            scope="quarter",
            value=int(q.revenue * 1e8),
            unit="CNY",
            yoy_pct=q.yoy,
            qoq_pct=q.qoq,
            as_written=f"{_number(q.revenue)}亿元",
            evidence=ev("revenue"),
        ),
    ]
    if q is LATEST:
        metrics += [
            Metric(
                "capex",
                scope="quarter",
                value=80_000_000,
                unit="CNY",
                as_written="0.8亿元",
                evidence=ev("capex"),
            ),
            Metric("mau", value=32_000_000, unit="users", as_written="3200万", evidence=ev("mau")),
            Metric(
                "segment_revenue",
                segment="海外",
                scope="quarter",
                value=3_000_000_000,
                unit="USD",
                as_written="30亿美元",
                evidence=ev("segment_revenue"),
            ),
        ]
    month, day = PERIOD_ENDS[q.quarter]
    forecasts = {"guidance": [], "consensus": []}
    e = EXPECTED.get((q.year, q.quarter))
    if e is not None:

        def yuan(x: float | None) -> int | None:
            return None if x is None else int(x * 1e8)

        written = e.quoted.split("为")[-1].split("的")[-1]
        forecasts[e.kind].append(
            Forecast(
                "revenue",
                fiscal_year=e.year,
                fiscal_quarter=e.quarter,
                value=yuan(e.value),
                low=yuan(e.low),
                high=yuan(e.high),
                unit="CNY",
                as_written=written,
                evidence=ev("expected"),
            )
        )
    return Summary(
        source=SourceInfo(path=path, sha256=_sha(text), title=text.splitlines()[0], kind="transcript"),
        company=Company(name=COMPANY, id=COMPANY_ID),
        period=Period(fiscal_year=q.year, fiscal_quarter=q.quarter, period_end=date(q.year, month, day)),
        call_date=q.call_date,
        participants=[
            Participant("王明", "management", role="首席执行官"),
            Participant("李华", "management", role="首席财务官"),
            Participant("张伟", "analyst", firm="高盛"),
        ],
        metrics=metrics,
        qa=[
            QAExchange(
                question="请问视频号商业化的进展如何?",
                asker="张伟",
                firm="高盛",
                answered_by=["王明"],
                line=6,
                answer_lines=[7],
            )
        ],
        quotes=[Quote("王明", "我们对人工智能的长期投入不会改变。", 8)],
        guidance=forecasts["guidance"],
        consensus=forecasts["consensus"],
    )


TRAD_TEXT = (
    "示例半導體2024年第四季度業績電話會\n"
    "2025年02月12日\n"
    "首席財務官陳強:本季營收為50億美元。\n"
    "陳強:本季資本開支為30億美元,可持續投入先進製程。\n"
)


def trad_summary(path: str) -> Summary:
    """A call whose text is in Traditional script (its figures quote it verbatim)."""
    return Summary(
        source=SourceInfo(
            path=path, sha256=_sha(TRAD_TEXT), title="示例半導體2024年第四季度業績電話會", kind="article"
        ),
        company=Company(name=TRAD_COMPANY, id=TRAD_ID),
        period=Period(fiscal_year=2024, fiscal_quarter=4, period_end=date(2024, 12, 31)),
        call_date=date(2025, 2, 12),
        participants=[Participant("陈强", "management", role="首席财务官", aliases=["陳強"])],
        metrics=[
            Metric(
                "revenue",
                scope="quarter",
                value=5_000_000_000,
                unit="USD",
                as_written="50億美元",
                evidence=Evidence(3, "營收為50億美元"),
            ),
            Metric(
                "capex",
                scope="quarter",
                value=3_000_000_000,
                unit="USD",
                as_written="30億美元",
                evidence=Evidence(4, "資本開支為30億美元"),
            ),
        ],
    )


def write_corpus(root: Path) -> list[Summary]:
    """Write the transcripts under ``content/transcripts`` and the summaries under
    ``content/summaries`` of the project at ``root``; return the summaries."""
    out = []
    for q in QUARTERS:
        name = f"{q.call_date.isoformat()}_{q.year}-q{q.quarter}.txt"
        rel = f"content/transcripts/{COMPANY_ID}/{name}"
        text, evidence = quarter_text(q)
        out.append((rel, text, quarter_summary(q, rel, text, evidence)))
    rel = f"content/transcripts/{TRAD_ID}/2025-02-12_2024-q4.txt"
    out.append((rel, TRAD_TEXT, trad_summary(rel)))
    for rel, text, summary in out:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        yaml_path = (
            root / "content" / "summaries" / Path(rel).relative_to("content/transcripts").with_suffix(".yaml")
        )
        yaml_path.parent.mkdir(parents=True, exist_ok=True)
        yaml_path.write_text(summary_to_yaml(summary), encoding="utf-8")
    return [s for _, _, s in out]
