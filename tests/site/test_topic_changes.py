"""Topic changes between two calls come from the calls' whole text, not from three quotes."""

from __future__ import annotations

from pathlib import Path

from generator.site.calls import build_calls
from generator.site.pages.call import call_topics
from generator.site.series import compare
from tests.sample_summaries import tencent_q2, tencent_q3


def _calls(root: Path, q2_text: str | None, q3_text: str) -> tuple:
    q2, q3 = tencent_q2(), tencent_q3()
    for summary, text in ((q2, q2_text), (q3, q3_text)):
        if text is None:
            continue
        target = root / summary.source.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    calls = {c.summary.period.fiscal_quarter: c for c in build_calls([q2, q3])}
    return calls[2], calls[3]


def test_a_topic_still_in_the_text_is_not_gone(tmp_path: Path) -> None:
    prev, cur = _calls(
        tmp_path, "主持人：欢迎。\n管理层：腾讯云收入增长，游戏稳健。\n", "管理层：腾讯云继续增长。\n"
    )
    by_text = compare(prev, cur, lambda c: call_topics(tmp_path, c))
    assert "云" in call_topics(tmp_path, cur)
    assert "云" not in by_text.topics_gone
    assert "游戏" in by_text.topics_gone  # named in the earlier call only


def test_an_unreadable_text_falls_back_to_qa_and_quotes(tmp_path: Path) -> None:
    prev, cur = _calls(tmp_path, None, "管理层：腾讯云继续增长。\n")
    assert call_topics(tmp_path, prev) == prev.topics()
