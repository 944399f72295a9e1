"""Company identity beyond the companies lexicon: the listed registry, tickers, results subjects."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.company import identify_company
from tests.identity import doc_of


def test_a_person_in_the_headline_loses_to_the_company_of_the_results(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "泡泡玛特王宁:90%的媒体都说泡沫破了,但我们用业绩证明了自己\n"
        "2024年泡泡玛特实现营收130.4亿元,同比增长106.9%。\n"
        "王宁表示,泡泡玛特的海外收入增长375%。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name) == (None, "泡泡玛特")


def test_a_rival_in_the_headline_loses_to_the_subject_of_the_results(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "特斯拉'嫌弃'激光雷达?这家公司交出亮眼成绩单\n"
        "禾赛科技公布第三季度业绩,禾赛科技第三季度营收7.95亿元。\n"
        "特斯拉坚持纯视觉方案,禾赛科技则获得更多车企定点。禾赛科技表示出货量创新高。\n",
    )
    assert identify_company(doc).name == "禾赛科技"


@pytest.mark.parametrize(
    "line",
    [
        "今日公布业绩(NYSE: BEKE)。收入增长。",
        "今日公布业绩(股份代号:0772.HK)。收入增长。",
        "业绩交流会概要[QFIN.O]。收入增长。",
        "业绩公告 HK3660 收入增长。",
    ],
)
def test_a_ticker_in_any_common_form_names_its_issuer(tmp_path: Path, line: str) -> None:
    company = identify_company(doc_of(tmp_path, line + "\n"))
    assert company.name is not None and company.tickers


def test_a_registry_issuer_is_named_as_the_text_names_it_most(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path, "阅文集团公布2023年年度业绩\n阅文集团总收入为70亿元。阅文集团表示,阅文的IP业务增长。\n"
    )
    assert identify_company(doc).name == "阅文集团"


def test_a_traditional_name_is_named_in_simplified_characters(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, "華潤啤酒公布,上半年盈利42.9億元人民幣。\n華潤啤酒表示,高端化持續。\n")
    assert identify_company(doc).name == "华润啤酒"


def test_a_single_passing_mention_names_no_company(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "一、公司经营情况介绍\n公司本季度收入增长。\n毛利率提升。\n订单饱满。\n产能扩张。\n"
        "客户结构优化。\n海外收入增长。\n研发投入增加。\n与中国石化等客户合作顺利。\n",
    )
    assert identify_company(doc).name is None


def test_a_latin_name_beside_its_ticker_is_cut_only_between_words(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "Yum China (NYSE:YUMC) reports first quarter results\nChina sales grew. China stores opened.\n",
    )
    assert identify_company(doc).name == "百胜中国"


def test_a_lexicon_canonical_name_counts_as_a_mention(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "11 月 7 日消息:微博今天公布了第三季度财务报告。\n"
        "阿里巴巴的广告投放增多。阿里巴巴在微博的投放节奏一致。阿里巴巴的促销活动。\n",
    )
    assert identify_company(doc).id == "weibo"
