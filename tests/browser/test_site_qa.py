"""The call page's Q&A in a real browser: each exchange shows its answers' extracts, each
linked to its line of the full text; the analyst / firm filter; the full text as speaker turns."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from generator.store.summaries import load_summary

ROOT = Path(__file__).resolve().parents[2]
CALL = "calls/alibaba/2024/alibaba-2024-05-14_fy2024-q4_sina-call-transcript/"
SUMMARY = ROOT / "content/summaries/alibaba/2024-05-14_fy2024-q4_sina-call-transcript.yaml"
IN_VIEW = "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"


def open_call(page: Page, base_url: str) -> None:
    page.goto(base_url + CALL)
    page.wait_for_selector(".qa-filter")


def test_exchange_shows_answer_extract_and_lands_on_its_line(page: Page, base_url: str) -> None:
    answer = next(a for q in load_summary(SUMMARY).qa for a in q.answers if a.line > 40)
    open_call(page, base_url)
    link = page.locator(f".qa-answers a.qa-answer[href$='#L{answer.line}']").first
    assert answer.text in link.inner_text()
    link.click()
    page.wait_for_function(f"location.hash === '#L{answer.line}'")
    page.wait_for_function(IN_VIEW, arg=f"L{answer.line}", timeout=5000)
    line = page.locator(f"[id='L{answer.line}']")
    assert line.inner_text().strip().startswith(str(answer.line))
    assert answer.text in line.inner_text()


def test_filter_by_analyst_and_firm(page: Page, base_url: str) -> None:
    qa = load_summary(SUMMARY).qa
    open_call(page, base_url)
    total = page.locator(".qa-list .qa").count()
    assert total == len(qa)
    asker = next(q.asker for q in qa if q.asker)
    page.select_option(".qa-filter select[name=asker]", asker)
    visible = page.locator(".qa-list .qa:visible")
    assert visible.count() == sum(q.asker == asker for q in qa) < total
    assert all(v == asker for v in visible.evaluate_all("els => els.map(e => e.dataset.asker)"))
    page.select_option(".qa-filter select[name=asker]", "*")
    firm = next(q.firm for q in qa if q.firm)
    page.select_option(".qa-filter select[name=firm]", firm)
    assert page.locator(".qa-list .qa:visible").count() == sum(q.firm == firm for q in qa)
    page.select_option(".qa-filter select[name=firm]", "*")
    assert page.locator(".qa-list .qa:visible").count() == total


def test_full_text_shown_as_speaker_turns(page: Page, base_url: str) -> None:
    summary = load_summary(SUMMARY)
    ex = next(q for q in summary.qa if q.asker and q.firm and q.line)
    open_call(page, base_url)
    head = page.locator(f".transcript [id='L{ex.line}']").locator("xpath=preceding-sibling::p[1]")
    assert head.get_attribute("class") == "turn-speaker"
    assert ex.asker is not None and ex.firm is not None
    assert ex.asker in head.inner_text() and ex.firm in head.inner_text()
    answer = ex.answers[0]
    head = page.locator(f".transcript [id='L{answer.line}']").locator("xpath=preceding-sibling::p[1]")
    role = next(p.role for p in summary.participants if p.name == answer.speaker)
    assert answer.speaker is not None and role is not None
    assert head.locator(".speaker").inner_text() == answer.speaker and role in head.inner_text()
    # every line keeps its anchor and number
    assert (
        page.locator(".transcript p[id^='L'] a.ln").count() == page.locator(".transcript p[id^='L']").count()
    )
