"""Call dates met on real English pages (issue 9), as classes: a release's own dateline against
the repost's page date, labelled dates, dates written day first, period ends that date nothing,
and a month and day beside the results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.identity import doc_of, identify


def _call(tmp_path: Path, text: str) -> date | None:
    return identify(doc_of(tmp_path, text))[3]


def test_a_reposted_release_keeps_its_own_dateline(tmp_path: Path) -> None:
    text = (
        "2030-08-27 Qorvix Mobility Holding LimitedHaiPress\n"
        'HANGZHOU,China,Aug. 21,2030 -- Qorvix Mobility Holding Limited ("Qorvix" or the "Company") '
        "(NYSE: QVX) today announced its unaudited financial results for the second quarter ended June 30,2030.\n"
        "Total revenues were RMB20,040.1 million for the second quarter of 2030.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 21)


def test_a_dateline_split_over_two_lines(tmp_path: Path) -> None:
    text = (
        "BEIJING, Aug. 30,\n2030 /PRNewswire/ -- Tandema Learning Inc. (NYSE: TDMA)\n"
        "today announced its unaudited financial results for the second quarter ended June\n30, 2030.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 30)


def test_a_period_end_on_a_short_line_dates_nothing(tmp_path: Path) -> None:
    text = (
        "Summary: Hostelo Group Limited Reports Third Quarter 2030 Financial Results\n"
        "for the third quarter concluded on September 30, 2030.\nRevenue rose 10%.\n"
    )
    assert _call(tmp_path, text) is None


def test_a_labelled_release_date_far_down(tmp_path: Path) -> None:
    lines = [f"- Item {i}: revenue rose {i}%." for i in range(12)]
    text = (
        "In This Article:\n"
        + "\n".join(lines)
        + "\nRelease Date: November 06, 2030\nThe quarter was strong.\n"
    )
    assert _call(tmp_path, text) == date(2030, 11, 6)


def test_a_date_written_day_first(tmp_path: Path) -> None:
    text = "Orvane Releases 2030 Interim Results\n\n8 August 2030\n\nOrvane announced its first half of 2030 results.\n"
    assert _call(tmp_path, text) == date(2030, 8, 8)


def test_a_month_and_day_beside_the_results_beat_a_later_page_date(tmp_path: Path) -> None:
    text = (
        "2033-02-21 Update From: Tech News\n\n"
        "On the evening of August 30, Beijing time, Viquo (Nasdaq:VQ) today released its financial results "
        "for the second quarter of 2030, which ended on June 30.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 30)


def test_a_date_beside_a_financial_report(tmp_path: Path) -> None:
    text = (
        "5月15日,某某有道(NYSE:DAX)公布了2030年第一季度未经审计的财务报告。报告期内收入增长。\n"
        "财报显示:净收入13.1亿元。\n"
    )
    assert _call(tmp_path, text) == date(2030, 5, 15)


def test_the_call_named_then_its_day(tmp_path: Path) -> None:
    text = (
        "某某酒业2030年半年度业绩说明会于9月9日举行。董事长出席并回答投资者提问。\n2030年上半年收入增长。\n"
    )
    assert _call(tmp_path, text) == date(2030, 9, 9)


def test_a_release_dateline_before_a_dash(tmp_path: Path) -> None:
    text = (
        "附件 99.1\n某某视频公布2030年第一季度财务业绩\n"
        "中国北京,2030年5月21日–中国领先的在线视频平台某某视频今天公布了截至2030年3月31日的第一季度未经审计的"
        "财务业绩,总收入同比增长,会员服务收入稳步增长。\n"
    )
    assert _call(tmp_path, text) == date(2030, 5, 21)


def test_a_range_after_a_dash_is_no_dateline(tmp_path: Path) -> None:
    # (a line long enough that a date on it is no page date either)
    text = (
        "附件\n某某公司公告\n本次激励计划的考核期为2030年1月1日—2030年12月31日,某某公司收入增长,"
        "利润增长,现金流改善,各项业务稳步推进。\n"
    )
    assert _call(tmp_path, text) is None


def test_a_day_in_brackets(tmp_path: Path) -> None:
    # Taiwanese news: 昨(26)日 and a company's (12日)
    text = "某某電子昨(26)日舉行法說會,公布今(2030)年第一季財報,合併營收374.2億元。\n"
    assert _call(tmp_path, text) == date(2030, 4, 26)
    text = "date 2031-01-13 某某電信新聞\n某某電信（12日）公布114年12月及全年自結財務概況,全年營收創新高。\n"
    assert _call(tmp_path, text) == date(2031, 1, 12)


def test_an_ir_record_labelled_with_its_visit_date(tmp_path: Path) -> None:
    text = (
        "投资者关系活动记录表\n调研日期: 2030-08-19 某某威视数字技术股份有限公司成立于2001年,是一家专注技术创新的"
        "科技公司,产品与服务覆盖全球一百多个国家和地区。\n2030年上半年收入增长。\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 19)


def test_a_labelled_date_glued_to_the_next_label(tmp_path: Path) -> None:
    text = (
        "NYSE:TSX Q2 2030 Earnings Report Announcement DetailsQuarterQ2 2030Conference Call DateThursday, "
        "July 17, 2030Conference Call Time2:00AM ETUpcoming Earnings\n"
    )
    assert _call(tmp_path, text) == date(2030, 7, 17)


def test_today_counts_from_a_news_dateline_without_its_year(tmp_path: Path) -> None:
    text = (
        "财联社1月20日讯(记者 某某)六座梯级电站发电量同比增加。\n"
        "某某电力今日晚间发布2030年度业绩快报,2030年公司营业总收入841.98亿元,同比增长7%。\n"
    )
    assert _call(tmp_path, text) == date(2031, 1, 20)


def test_a_news_dateline_alone_is_no_call_date(tmp_path: Path) -> None:
    text = "财联社1月20日讯(记者 某某)某某电力2030年度业绩:公司营业总收入841.98亿元,同比增长7%。\n"
    assert _call(tmp_path, text) is None


def test_a_meeting_after_the_page_is_not_the_call(tmp_path: Path) -> None:
    text = (
        "date 2031-02-27 某某電腦（2399）昨（26）日公布去年第4季獲利221.97億元,創單季新高,季增逾35%。\n"
        "某某電腦預計5月29日舉行年度股東常會,通過財報與股利等議案。\n"
    )
    assert _call(tmp_path, text) == date(2031, 2, 26)


def test_a_day_then_the_meeting_held(tmp_path: Path) -> None:
    text = (
        "智通财经APP讯,某某控股(002999.SZ)在3月30日接受调研时表示,2030年公司收入和业务量创纪录,"
        "2030年全年营业收入2072亿元。\n"
    )
    assert _call(tmp_path, text) == date(2031, 3, 30)


def _published(tmp_path: Path, text: str) -> date | None:
    return identify(doc_of(tmp_path, text))[1].published


def test_an_eight_digit_stamp_before_a_byline_dates_the_page(tmp_path: Path) -> None:
    text = "某某电子法说会\n20300815王小明/台北报导\n某某电子第2季营收120亿元,年增8%。\n"
    assert _published(tmp_path, text) == date(2030, 8, 15)
    assert identify(doc_of(tmp_path, text))[2].period_end == date(2030, 6, 30)


def test_a_minguo_stamp_after_the_editor_dates_the_page(tmp_path: Path) -> None:
    text = "某某海运法说会\n某某海运第1季营收120亿元,船队运能增加6艘。(編輯:王小明)1190607\n"
    assert _published(tmp_path, text) == date(2030, 6, 7)


def test_eight_digits_without_a_byline_date_nothing(tmp_path: Path) -> None:
    text = "某某电子法说会\n订单编号20300815已出货。\n(编号:王小明)1190607\n"
    assert _published(tmp_path, text) is None


def test_an_english_date_between_a_chinese_headline_and_its_body(tmp_path: Path) -> None:
    text = "某某中国去年转赚54.1亿元 不派末期息 Feb 16, 2030 某某中国公布,去年录得54.1亿港元利润,前年则录得亏损。\n"
    assert _published(tmp_path, text) == date(2030, 2, 16)


def test_a_date_written_month_first_in_numbers(tmp_path: Path) -> None:
    text = (
        "Orvane Ltd ADR ORV\nQ1 2031 Earnings Call Transcript\nTranscript Call Date 07/17/2030\n\n"
        "Operator: Good evening, and welcome to the Orvane Quarter 1 Result Conference Call.\n"
        "For this quarter, the net revenue growth was up 19.7%.\n"
    )
    assert _call(tmp_path, text) == date(2030, 7, 17)


def test_minutes_titled_by_the_company_and_the_calls_date(tmp_path: Path) -> None:
    text = (
        "Workflow\n某某讯飞20300422\n002230某某讯飞(002230)2030-04-24 09:55\n\n"
        "纪要涉及的公司 某某讯飞 经营情况 - 2029 年营收 249.5 亿元,同比增长 21%。\n"
    )
    assert _call(tmp_path, text) == date(2030, 4, 22)
