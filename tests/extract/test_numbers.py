"""Figures in text: Chinese numerals, magnitudes, currencies, percentages."""

import pytest

from generator.errors import LexiconError
from generator.extract.numbers import find_amounts, find_percents, parse_chinese_numeral
from generator.lexicon.currencies import currencies


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10),
        ("百亿", 10**10),
        ("三千万", 3 * 10**7),
        ("一百二十亿", 12 * 10**9),
        ("两万亿", 2 * 10**12),
        ("二十亿五千万", 2_050_000_000),
    ],
)
def test_chinese_numerals(text, value):
    assert parse_chinese_numeral(text) == value


def test_chinese_numeral_rejects_other_text():
    with pytest.raises(ValueError):
        parse_chinese_numeral("营收")


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("营收为2218.74亿元", 221_874_000_000, "CNY"),
        ("总收入为人民币1,671.9亿元", 167_190_000_000, "CNY"),
        ("净收入为2,606亿元人民币", 260_600_000_000, "CNY"),
        ("销售收入为21.7亿美元", 2_170_000_000, "USD"),
        ("回购了489亿港元", 48_900_000_000, "HKD"),
        ("营收为新台币8,686亿元", 868_600_000_000, "TWD"),
        ("revenue of US$1.2 billion", 1_200_000_000, "USD"),
        ("GMV 约 3.5 万亿元", 3_500_000_000_000, "CNY"),
        ("还有290多亿美金", 29_000_000_000, "USD"),
        ("每ADS收益17.37元人民币", 17.37, "CNY"),
        ("收入 317.42 亿,同比增长", 31_742_000_000, None),
    ],
)
def test_amounts(text, value, currency):
    (amount,) = find_amounts(text)
    assert amount.value == value
    assert amount.currency == currency


def test_amount_offsets_cover_the_written_figure():
    text = "营收为2341.56亿元(约合322.92亿美元)"
    first, second = find_amounts(text)
    assert text[first.start : first.end] == "2341.56亿元"
    assert text[second.start : second.end] == "322.92亿美元"


def test_more_marks_an_approximate_figure():
    (amount,) = find_amounts("做了130多亿美金的股东回报")
    assert amount.approximate and amount.value == 13_000_000_000


def test_bare_numbers_are_not_amounts():
    assert find_amounts("2027年3月,共有6个季度,5日达,88VIP") == []


def test_users_suffix():
    (amount,) = find_amounts("月均付费用户达3200万人")
    assert amount.users and amount.value == 32_000_000


def test_percents_and_points():
    found = find_percents("同比增长7%,同比下降-3.5%,提升2.8个百分点,下降50个基点,百分之十二点五")
    assert [(p.value, p.points) for p in found] == [
        (7, False),
        (-3.5, False),
        (2.8, True),
        (0.5, True),
        (12.5, False),
    ]


def test_percent_ranges_are_skipped():
    assert find_percents("约60%-70%是用于推理的") == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("revenue of 123.45 billion yuan", 123_450_000_000, "CNY"),
        ("Total revenues were RMB 97.06 billion", 97_060_000_000, "CNY"),
        ("净利润为两千亿元", 200_000_000_000, "CNY"),
        ("第三季營收為NT$7,596.9億", 759_690_000_000, "TWD"),
        ("营收为人民币970.6亿元", 97_060_000_000, "CNY"),
    ],
)
def test_more_amounts(text, value, currency):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


def test_bare_yuan_is_marked():
    bare, named, prefixed = find_amounts("营收100亿元,净利润10亿元人民币,回购新台币5亿元")
    assert (bare.bare_yuan, named.bare_yuan, prefixed.bare_yuan) == (True, False, False)


def test_pct_and_percentage_points_are_points():
    found = find_percents("毛利率+1.6pct,提升0.8 percentage points,增长8 percent")
    assert [(p.value, p.points) for p in found] == [(1.6, True), (0.8, True), (8, False)]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("营业利润为9.1万亿韩元", "KRW"),
        ("收入20亿日元", "JPY"),
        ("营收3亿欧元", "EUR"),
        ("净利NT$50亿", "TWD"),
    ],
)
def test_other_currencies_are_named(text, currency):
    (amount,) = find_amounts(text)
    assert amount.currency == currency and not amount.unknown_currency


def test_unknown_currency_is_flagged():
    (amount,) = find_amounts("营收为5,000亿越南盾")
    assert amount.currency is None and amount.unknown_currency


@pytest.mark.parametrize("text", ["毛利率介于57%至59%之间", "稀释约为2%到3%", "同比增长11.0%至14.7%"])
def test_both_ends_of_a_percent_range_are_skipped(text):
    assert find_percents(text) == []


def test_change_before_an_amount_is_not_a_range():
    (pct,) = find_percents("收入按年增长9%至826.45亿元")
    assert pct.value == 9


@pytest.mark.parametrize(
    ("text", "value", "counter"),
    [
        ("本季交付新车76,420辆", 76_420, "vehicles"),
        ("交付了1.8万台", 18_000, "units"),
        ("总订单数为3.2亿单", 320_000_000, "orders"),
        ("完成交易5,000笔", 5_000, "orders"),
    ],
)
def test_counted_figures_carry_what_they_count(text, value, counter):
    [amount] = find_amounts(text)
    assert (amount.value, amount.counter, amount.currency, amount.users) == (value, counter, None, False)
    assert text[amount.start : amount.end].endswith(text[-1])


def test_a_counter_after_money_or_people_is_not_a_count():
    [money] = find_amounts("单季收入为3亿元单")
    assert (money.currency, money.counter, money.end) == ("CNY", None, len("单季收入为3亿元"))
    [people] = find_amounts("员工2万人")
    assert (people.users, people.counter) == (True, None)
    assert find_amounts("第3季度的12个月") == []


def test_percent_with_thousands_separator_is_one_figure():
    found = find_percents("利润较去年同期增长2,345.60%，毛利率为41.2%")
    assert [p.value for p in found] == [2345.6, 41.2]


# --------------------------------------------------------------------------- the currency lexicon


def test_a_project_lexicon_adds_a_currency(tmp_path, monkeypatch):
    (tmp_path / "currencies.yaml").write_text(
        "suffixes:\n  越南盾: VND\nnames:\n  VND: 越南盾\n", encoding="utf-8"
    )
    assert find_amounts("营收5万亿越南盾")[0].unknown_currency
    monkeypatch.setenv("GENERATOR_LEXICONS", str(tmp_path))
    amount = find_amounts("营收5万亿越南盾")[0]
    assert (amount.value, amount.currency, amount.unknown_currency) == (5 * 10**12, "VND", False)
    assert currencies().name("vnd") == "越南盾" and currencies().name("USD") == "美元"


def test_a_malformed_currency_lexicon_names_the_field(tmp_path, monkeypatch):
    (tmp_path / "currencies.yaml").write_text("suffixes:\n  越南盾: [VND]\n", encoding="utf-8")
    monkeypatch.setenv("GENERATOR_LEXICONS", str(tmp_path))
    with pytest.raises(LexiconError, match=r"suffixes\.越南盾 must be a text"):
        currencies()


def test_hundred_millions_then_ten_thousands_make_one_amount():
    found = find_amounts("收益总额为港币452亿8,200万元,净亏损33亿6200万元,营收100亿2024年")
    assert [(a.value, a.currency) for a in found] == [
        (45_282_000_000, "HKD"),
        (3_362_000_000, "CNY"),
        (10_000_000_000, None),
    ]


def test_a_signed_change_before_yoy_in_brackets_is_a_percentage_without_its_sign():
    (p,) = find_percents("稅後獲利106.9億元(+72YoY)、EPS 1.31元")
    assert (p.value, p.points) == (72, False)
    assert find_percents("(-3 QoQ)")[0].value == -3


def test_a_bare_number_before_yoy_is_no_percentage_unless_signed_after_a_bracket():
    assert find_percents("增长(72 YoY)") == []
    assert find_percents("营收 +72YoY)") == []
