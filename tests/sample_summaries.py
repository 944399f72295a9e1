"""Hand-built, realistic summaries (and their transcripts) for the rendering tests."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

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

HOSTILE = "<script>alert(1)</script> *粗* _斜_ | 竖线 [x](javascript:alert(2)) `code` &amp;"

ALIBABA_Q4 = "\n".join(
    [
        "全文|阿里Q4业绩会实录:大模型开发有三个重要目标",
        "2024年05月14日 23:19 新浪科技",
        "",
        "  阿里巴巴(NYSE: BABA;HKEX: 9988)今日发布了截至3月31日的2024财年第四财季及全年财报。"
        "第四财季,营收为2218.74亿元,同比增长7%。净利润为9.19亿元,同比下滑96%。",
        "  2024财年全年,营收为9411.68亿元,同比增长8%。",
        "  2024财年已回购125亿美元股份,账上还有近300亿美元可用于未来回购。",
        "  瑞士信贷分析师Kenneth Fong:我的问题有关集团的CMR与GMV。",
        "  徐宏:我先来回答你的问题,一会儿吴总可以再补充。",
        "  吴泳铭:我们会继续投入AI和云,这是长期战略。",
        "",
    ]
)

TENCENT_Q3 = """腾讯控股2024年第三季度业绩电话会
2024年11月13日
  总收入为1671.93亿元,同比增长8%。毛利率为53%,同比提升1.2个百分点。
  微信及WeChat的合并月活跃账户数为13.82亿。
  高盛分析师Ronald Keung:请问AI对广告的拉动?
  刘炽平:AI 提升了广告的点击率,我们看到营销服务收入增长17%。
  瑞银分析师Kenneth Fong:想问一下视频号的商业化进度?
"""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def metric(name: str, line: int, text: str, **kw: object) -> Metric:
    """A metric whose evidence is ``text`` on ``line``."""
    return Metric(metric=name, evidence=Evidence(line=line, text=text), **kw)  # type: ignore[arg-type]


def alibaba_q4() -> Summary:
    """Alibaba FY2024 Q4 (a full transcript with Q&A)."""
    path = "content/transcripts/alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt"
    return Summary(
        source=SourceInfo(
            path=path, sha256=_sha(ALIBABA_Q4), title="全文|阿里Q4业绩会实录", kind="transcript"
        ),
        company=Company(name="阿里巴巴", tickers=["BABA", "9988"], id="alibaba"),
        period=Period(fiscal_year=2024, fiscal_quarter=4, period_end=date(2024, 3, 31)),
        call_date=date(2024, 5, 14),
        participants=[
            Participant("吴泳铭", "management", role="首席执行官", aliases=["吴总"]),
            Participant("徐宏", "management", role="首席财务官"),
            Participant("Kenneth Fong", "analyst", firm="瑞士信贷"),
        ],
        metrics=[
            metric(
                "revenue",
                4,
                "营收为2218.74亿元,同比增长7%",
                scope="quarter",
                value=221874000000,
                unit="CNY",
                yoy_pct=7.0,
                as_written="2218.74亿元",
            ),
            metric(
                "net_income",
                4,
                "净利润为9.19亿元,同比下滑96%",
                scope="quarter",
                value=919000000,
                unit="CNY",
                yoy_pct=-96.0,
                as_written="9.19亿元",
            ),
            metric(
                "revenue",
                5,
                "营收为9411.68亿元,同比增长8%",
                scope="fiscal_year",
                value=941168000000,
                unit="CNY",
                yoy_pct=8.0,
            ),
            metric(
                "share_repurchase",
                6,
                "已回购125亿美元股份",
                scope="fiscal_year",
                value=12500000000,
                unit="USD",
                corrected=True,
            ),
            metric(
                "repurchase_authorization_remaining",
                6,
                "近300亿美元",
                value=30000000000,
                unit="USD",
                approximate=True,
                as_written="近300亿美元",
            ),
        ],
        qa=[
            QAExchange(
                question="我的问题有关集团的CMR与GMV。",
                asker="Kenneth Fong",
                firm="瑞士信贷",
                answered_by=["徐宏", "吴总"],
                topics=["电商", "变现"],
                line=7,
                answer_lines=[8, 9],
            ),
        ],
        quotes=[
            Quote(speaker="吴泳铭", text="我们会继续投入AI和云,这是长期战略。", line=9, topics=["AI", "云"])
        ],
        review=[
            "期末日期由财年推算",
            "line 6: share_repurchase taken from a headline line <b>check</b>",
            "line 99: beyond the end of the file",
        ],
        corrections=["metrics[3]"],
    )


def alibaba_q1() -> Summary:
    """Alibaba FY2024 Q1 (a digest; its transcript file is missing on purpose)."""
    return Summary(
        source=SourceInfo(
            path="content/transcripts/alibaba/2023-08-10_fy2024-q1_qa-digest.txt",
            sha256="0" * 64,
            kind="digest",
        ),
        company=Company(name="阿里巴巴", tickers=["BABA"], id="alibaba"),
        period=Period(fiscal_year=2024, fiscal_quarter=1, period_end=date(2023, 6, 30)),
        call_date=date(2023, 8, 10),
        participants=[Participant("张勇", "management", role="首席执行官")],
        metrics=[
            metric(
                "revenue",
                6,
                "营收为2341.56亿元",
                scope="quarter",
                value=234156000000,
                unit="CNY",
                yoy_pct=14.0,
            ),
            metric("non_gaap_eps_ads", 6, "调整后每ADS收益17.37元", scope="quarter", value=17.37, unit="CNY"),
            metric("dau", 11, "DAU达4.02亿", value=402000000, unit="users"),
            metric(
                "segment_revenue",
                9,
                "营收158.5亿美元",
                segment="淘天集团",
                scope="quarter",
                value=15850000000,
                unit="USD",
                yoy_pct=12.0,
            ),
        ],
        qa=[QAExchange(question="Q1:关于云业务的增长?", answered_by=["张勇"], topics=["云"], line=20)],
        quotes=[Quote(speaker="张勇", text="云是我们的第二增长曲线。", line=21, topics=["云"])],
    )


def tencent_q3() -> Summary:
    """Tencent 2024 Q3 (calendar fiscal year)."""
    return Summary(
        source=SourceInfo(
            path="content/transcripts/tencent/2024-11-13_2024-q3.txt",
            sha256=_sha(TENCENT_Q3),
            title="腾讯控股2024年第三季度业绩电话会",
        ),
        company=Company(name="腾讯控股", tickers=["0700", "TCEHY"], id="tencent"),
        period=Period(fiscal_year=2024, fiscal_quarter=3, period_end=date(2024, 9, 30)),
        call_date=date(2024, 11, 13),
        participants=[
            Participant("刘炽平", "management", role="总裁"),
            Participant("Ronald Keung", "analyst", firm="高盛"),
            Participant("Kenneth Fong", "analyst", firm="瑞银"),
        ],
        metrics=[
            metric(
                "revenue",
                3,
                "总收入为1671.93亿元,同比增长8%",
                scope="quarter",
                value=167193000000,
                unit="CNY",
                yoy_pct=8.0,
            ),
            metric(
                "gross_margin",
                3,
                "毛利率为53%,同比提升1.2个百分点",
                scope="quarter",
                value=53,
                unit="%",
                change_pp=1.2,
            ),
            metric("mau", 4, "月活跃账户数为13.82亿", value=1382000000, unit="users"),
        ],
        qa=[
            QAExchange(
                question="请问AI对广告的拉动?",
                asker="Ronald Keung",
                firm="高盛",
                answered_by=["刘炽平"],
                topics=["AI", "广告"],
                line=5,
            ),
            QAExchange(
                question="想问一下视频号的商业化进度?",
                asker="Kenneth Fong",
                firm="瑞银",
                answered_by=["刘炽平"],
                topics=["变现"],
                line=7,
            ),
        ],
        quotes=[Quote(speaker="刘炽平", text="AI 提升了广告的点击率", line=6, topics=["AI"])],
    )


def tencent_q2() -> Summary:
    """Tencent 2024 Q2: no transcript file, Ronald Keung asks again (so people span calls)."""
    return Summary(
        source=SourceInfo(path="content/transcripts/tencent/2024-08-14_2024-q2.txt", sha256="1" * 64),
        company=Company(name="腾讯控股", tickers=["0700"], id="tencent"),
        period=Period(fiscal_year=2024, fiscal_quarter=2, period_end=date(2024, 6, 30)),
        call_date=date(2024, 8, 14),
        participants=[Participant("Ronald Keung", "analyst", firm="Goldman Sachs")],
        metrics=[
            metric(
                "revenue",
                3,
                "总收入为1611.17亿元",
                scope="quarter",
                value=161117000000,
                unit="CNY",
                yoy_pct=8.0,
            ),
            metric("mau", 4, "13.71亿", value=1371000000, unit="users"),
        ],
        qa=[
            QAExchange(
                question="游戏业务的展望?",
                asker="Ronald Keung",
                firm="Goldman Sachs",
                answered_by=["刘炽平"],
                topics=["游戏"],
                line=5,
            )
        ],
    )


def sample_set() -> list[Summary]:
    """Four calls of two companies, deliberately out of order."""
    return [tencent_q2(), alibaba_q4(), tencent_q3(), alibaba_q1()]


def write_transcripts(root: Path) -> None:
    """Write the transcripts that exist (Alibaba Q4, Tencent Q3) under ``root``."""
    for summary, text in ((alibaba_q4(), ALIBABA_Q4), (tencent_q3(), TENCENT_Q3)):
        target = root / summary.source.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
