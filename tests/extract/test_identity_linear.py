"""Company, period and call date stay linear in a long line (a quadratic pattern takes minutes)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.identity import doc_of, identify

BOUND_SECONDS = 8.0
"""CPU seconds of this process (not wall time, which other jobs on a busy machine inflate): far
above the linear time of these lines (0.3 to 3 s each), far below a quadratic one (minutes)."""


@pytest.mark.parametrize(
    "line",
    [
        "蔚来" + " " * 60000 + "x",  # a day in brackets (昨(26)日) once scanned every run of spaces
        "龙湖集团 " * 20000,  # a short name before a company word, named once, not once a mention
        "Abc Def " * 15000,  # English names of several words beside a ticker
        "ABC DEF " * 15000,  # an English dateline's city in capitals
        "极氪 2024 年 " * 8000,  # spaces between Chinese and digits
    ],
)
def test_a_long_line_is_read_in_linear_time(tmp_path: Path, line: str) -> None:
    doc = doc_of(tmp_path, "标题\n" + line + "\n")
    start = time.process_time()
    identify(doc)
    assert time.process_time() - start < BOUND_SECONDS
