"""Any text in, no crash out: the whole extraction on generated transcript-like texts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.summarize import summarize
from generator.source.read import read_source
from generator.store.summaries import summary_from_dict, summary_to_dict

PIECES = [
    "阿里巴巴",
    "腾讯",
    "京东",
    "本季度",
    "去年同期",
    "第三季度",
    "2024财年",
    "全年",
    "前三季度",
    "营收为",
    "收入",
    "净利润",
    "经调整",
    "毛利率",
    "同比增长",
    "按年增長",
    "环比下降",
    "至",
    "1,234.5亿元",
    "970亿",
    "12.5%",
    "3个百分点",
    "约",
    "近300亿美元",
    "人民币",
    "港元",
    "问:",
    "答:",
    "Q1:",
    "回答:",
    "高盛分析师Ronald Keung问及",
    "管理层回应",
    "吴泳铭:",
    "CFO徐宏",
    "Operator",
    "Sidney Huang - JD.com, Inc.",
    "主持人|投资者关系主管 刘丽娣(Lidia Liu):",
    "【问题1】",
    "(",
    ")",
    "(",
    ")",
    ":",
    ";",
    "。",
    ",",
    "、",
    "|",
    "\n",
    "\n\n",
    " ",
    "　",
    "<p>",
    "&nbsp;",
    "北京时间8月10日",
    "2024年05月14日",
    "13日",
    "詹姆斯‧米切爾",
    "——",
    "1、",
    "2.",
    "**",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_summarize_never_crashes_and_stays_valid(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text or "空", encoding="utf-8")
    try:
        doc = read_source(path, tmp_path)
    except Exception as exc:  # only the reader's own one-line errors are allowed
        assert type(exc).__name__ == "SourceError", exc
        return
    summary = summarize(doc)
    again = summary_from_dict(summary_to_dict(summary))  # every field passes validation
    assert summary_to_dict(again) == summary_to_dict(summary)
    for m in summary.metrics:
        line = doc.line(m.evidence.line).original
        assert m.evidence.text and m.evidence.text in line
