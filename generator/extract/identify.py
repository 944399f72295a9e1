"""Which company, which fiscal period, and when: the identity of a call.

* The company is the one the text is mostly about: mentions of every name in the
  ``companies`` lexicon are counted, those in the title and the first lines weigh more.
* Dates: the publication line (``2024年05月14日 23:19``), the call's own date
  (``北京时间8月10日…公布了…业绩``), and when the text states no date at all, the year
  guessed from context (``2024年`` figures reported as past -> written in 2025).
* The period: explicit fiscal wording (``2024财年第四财季``, ``FY2024 Q4``), a period end
  (``截至2023年6月30日``), calendar quarters (``去年四季度``, ``Q3 2024``), each resolved
  with the company's ``fiscal_year_start_month``; the best-supported period wins.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator import lexicon
from generator.extract import numbers
from generator.model import Company, Document, Line, Period
from generator.source import chinese

CN_DIGITS = {**numbers.CN_DIGITS, "十": 10}
"""Chinese numerals of quarters, months and days (一 … 十)."""
ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
HEAD_LINES = 8
"""How many content lines at the top may hold the publication date."""


def quarter_number(token: str) -> int | None:
    """1-4 from ``四``, ``4``, ``fourth``."""
    token = token.strip().lower()
    value = CN_DIGITS.get(token) or ENGLISH_ORDINALS.get(token) or (int(token) if token.isdigit() else None)
    return value if value in (1, 2, 3, 4) else None


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the numbers do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


# --- company -----------------------------------------------------------------------------


def _name_pattern(name: str) -> str:
    escaped = re.escape(name)
    return rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if name.isascii() else escaped


def company_mentions(doc: Document) -> dict[str, float]:
    """Weighted mentions of each lexicon company (title x5, first lines x3, elsewhere x1)."""
    companies = lexicon.load("companies")["companies"]
    owner: dict[str, str] = {}
    for cid, entry in companies.items():
        for name in entry.get("names", []):
            owner.setdefault(str(name).lower(), cid)
    if not owner:
        return {}
    pattern = re.compile(
        "|".join(_name_pattern(n) for n in sorted(owner, key=lambda n: (-len(n), n))), re.IGNORECASE
    )
    scores: dict[str, float] = {}
    weighted = [(chinese.normalise(doc.title or ""), 5.0)] + [
        (ln.norm, 3.0 if i < HEAD_LINES else 1.0) for i, ln in enumerate(doc.content_lines())
    ]
    for text, weight in weighted:
        for m in pattern.finditer(text):
            cid = owner[m.group(0).lower()]
            scores[cid] = scores.get(cid, 0.0) + weight
    return scores


def identify_company(doc: Document) -> Company:
    """The company the text is mostly about, with the tickers the text gives for it.

    A filing's own header (``证券代码:688008 证券简称:澜起科技``, ``某某股份有限公司`` heading the
    text) names it first, as the lexicon knows it or, when it does not, as the header writes it.
    Otherwise a lexicon company wins unless an entity the text itself presents as the subject (named
    before 财报/业绩会/季度 in the title, or beside a ticker) is not in the lexicon and is
    mentioned more: then that entity is the company, with ``id`` None.
    """
    scores = company_mentions(doc)
    companies = lexicon.load("companies")["companies"]
    listed = listed_company(doc)
    if listed is not None:
        owner = _lexicon_owner(listed.name, companies)
        if owner is None:
            return Company(name=listed.name, tickers=listed.tickers, id=None)
        entry = companies[owner]
        tickers = find_tickers(doc, entry.get("tickers", []))
        tickers += [t for t in listed.tickers if t in map(str, entry.get("tickers", [])) and t not in tickers]
        return Company(name=entry.get("name"), tickers=tickers, id=owner)
    guess = guess_company(doc)
    if guess is not None:
        owner = _lexicon_owner(guess.name, companies)
        if owner is None and guess.score > max(scores.values(), default=0.0):
            return Company(name=guess.name, tickers=guess.tickers, id=None)
        if owner is not None and guess.score >= max(scores.values(), default=0.0):
            scores[owner] = max(scores.values(), default=0.0) + guess.score
    if not scores:
        return Company()
    cid = min(scores, key=lambda c: (-scores[c], c))
    entry = companies[cid]
    return Company(name=entry.get("name"), tickers=find_tickers(doc, entry.get("tickers", [])), id=cid)


def find_tickers(doc: Document, tickers: list[str]) -> list[str]:
    """The company's tickers that stand in the text, in the lexicon's form.

    Digit tickers count only beside an exchange or in brackets (``09988.HK``, ``2454-TW``, ``HKEX: 9988``,
    ``腾讯(00700)``, ``$阿里巴巴-W(09988)$``); leading zeros as written do not matter. The lines the
    reader blanked (a share-quote bar: ``阿里巴巴-W 09988.HK 76.35``) are searched too.
    """
    blanked = [
        chinese.normalise(ln.original)
        for ln in doc.lines
        if not ln.text.strip() and ln.original.strip() and "<" not in ln.original
    ]
    text = "\n".join([ln.norm for ln in doc.content_lines()] + blanked)
    found = []
    for ticker in tickers:
        t = re.escape(str(ticker).lstrip("0") or "0")
        if str(ticker).isdigit():
            pattern = (
                rf"(?:HKEX|HK|SEHK|港交所|港股|股票代码|代码|SH|SZ|TWSE)\s*[:.]?\s*0*{t}(?!\d)"
                rf"|(?<![\d.])0*{t}\s*[.\-]\s*(?:HK|SH|SZ|TWO|TW)(?![A-Za-z])"
                rf"|\(\s*0*{t}\s*[),;、]|[;,、]\s*0*{t}\s*\)"
            )
            if re.search(pattern, text):
                found.append(str(ticker))
        elif re.search(rf"(?<![A-Za-z]){re.escape(str(ticker))}(?![A-Za-z])", text, re.IGNORECASE):
            found.append(str(ticker))
    return found


# --- a company the lexicon does not know -------------------------------------------------

HAN = r"\u3400-\u9fff"
_RESULT_WORDS = (
    r"(?:\s*(?:20\d\d\s*年?|FY\s*\d{2,4})?\s*(?:财年)?\s*"
    r"(?:第?[一二三四1-4]\s*(?:季度|财季|季)|[Qq][1-4]|上半年|下半年|全年|年度|中期|财报|业绩|电话会|季报|年报|中报))"
)
_TITLE_SUBJECT = re.compile(rf"([{HAN}A-Za-z][{HAN}A-Za-z.&]{{1,15}}?)(?:-[A-Z]{{1,3}})?{_RESULT_WORDS}")
_TICKER_SUBJECT = re.compile(
    rf"([{HAN}A-Za-z.&]{{2,16}})(?:-[A-Z]{{1,3}})?\s*\(\s*"
    r"(?:(NASDAQ|NYSE|HKEX|SEHK|港股代码|股票代码|代码)\s*:?\s*)?"
    r"([A-Z]{1,5}|\d{4,6})(?:\.(US|HK|SH|SZ|TW|O|N))?\s*[),;、]"
)
"""``蔚来(NIO.US)``, ``腾讯(00700)``, ``拼多多集团(NASDAQ: PDD)``: a name beside its ticker."""
_SUBJECT_SEPARATORS = re.compile(r"[|丨:,!?。;、\s【】\[\]()“”\"'《》]")


@dataclass
class CompanyGuess:
    """An entity the text presents as its subject, though the lexicon does not name it."""

    name: str
    """As written (simplified)."""
    score: float
    """Weighted mentions, counted as :func:`company_mentions` counts lexicon names."""
    tickers: list[str] = field(default_factory=list)


def _generic_subjects() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon.load("companies").get("generic_subjects", []))


def _ticker_form(code: str, exchange: str | None) -> str:
    """``09866`` + HK -> ``9866``; ``00700`` -> ``0700``; A-share and US codes unchanged."""
    if code.isdigit() and (exchange == "HK" or (exchange is None and len(code) == 5)):
        return code.lstrip("0").zfill(4)
    return code


_NOT_A_NAME = re.compile(r"[\d季年月日]|财报|业绩")


def _lexicon_suffix(run: str) -> str | None:
    """The longest lexicon company name ending ``run`` ("腾讯音乐" -> 腾讯音乐, not 音乐 or 腾讯)."""
    low = run.lower()
    names = [
        str(n)
        for entry in lexicon.load("companies")["companies"].values()
        for n in [entry.get("name"), *entry.get("names", [])]
        if n and len(str(n)) >= 2 and low.endswith(str(n).lower())
    ]
    return max(names, key=lambda n: (len(n), n)) if names else None


NAME_REPEATS = 3
"""How often a text repeats a company's full name at least (title, ticker line, body)."""


def _best_suffix(run: str, text: str) -> str | None:
    """The name ending ``run`` ("周四收盘后蔚来" -> "蔚来"): a company of the lexicon ending it
    (the longest), else the longest ending (2+ characters) the text repeats at least half as
    often as its most repeated ending, or at least ``NAME_REPEATS`` times (so that a name
    written in full, 某某云音乐, is not cut to a word it ends with, 音乐)."""
    known = _lexicon_suffix(run)
    if known is not None:
        return known
    generic = _generic_subjects()
    counts = {
        run[i:]: text.count(run[i:])
        for i in range(len(run) - 1)
        if run[i:].lower() not in generic and not _NOT_A_NAME.search(run[i:])
    }
    if not counts:
        return None
    most = max(counts.values())
    enough = min((most + 1) // 2, NAME_REPEATS)
    return max((c for c in counts if counts[c] >= enough), key=lambda c: (len(c), c))


def guess_company(doc: Document) -> CompanyGuess | None:
    """The subject the title or a ticker names, with its weighted mentions; None when none."""
    lines = doc.content_lines()
    text = "\n".join(ln.norm for ln in lines)
    title = chinese.normalise(doc.title or "")
    candidates: list[str] = []
    for head in [title] + [ln.norm for ln in lines[:1]]:
        for piece in _SUBJECT_SEPARATORS.split(head)[:4]:
            m = _TITLE_SUBJECT.match(piece)
            if m:
                name = _best_suffix(m.group(1), text)
                if name:
                    candidates.append(name)
    tickers: dict[str, list[str]] = {}
    for m in _TICKER_SUBJECT.finditer(text):
        if not (m.group(2) or m.group(4) or m.group(3).isdigit()):
            continue  # "(ADR)", "(IFRS)": letters alone are no ticker
        name = _best_suffix(m.group(1), text)
        if name:
            candidates.append(name)
            form = _ticker_form(m.group(3), m.group(4))
            tickers.setdefault(name, [])
            if form not in tickers[name]:
                tickers[name].append(form)
    if not candidates:
        return None
    weighted = [(title, 5.0)] + [(ln.norm, 3.0 if i < HEAD_LINES else 1.0) for i, ln in enumerate(lines)]
    scored = {c: sum(w * t.count(c) for t, w in weighted) for c in set(candidates)}
    name = min(scored, key=lambda c: (-scored[c], -len(c), c))
    return CompanyGuess(name=name, score=scored[name], tickers=tickers.get(name, []))


A_SHARE_NAME = re.compile(rf"(?:证券|股票|公司)简称\s*:\s*((?:\*?ST)?[{HAN}A-Za-z0-9]{{2,10}})")
"""``证券简称:澜起科技``: a Chinese listed company's short name in a filing's header."""
A_SHARE_CODE = re.compile(r"(?:证券|股票|公司)代码\s*:\s*(\d{6})(?!\d)")
"""``证券代码:688008``: its six-digit code."""
LIMITED_COMPANY = re.compile(rf"^\s*([{HAN}]{{2,16}}?)股份有限公司\s*$")
"""``澜起科技股份有限公司`` on a line of its own: the issuer heading its filing."""
LISTED_HEAD_LINES = 8
"""How many first lines of a text may carry a filing's header."""


def listed_company(doc: Document) -> CompanyGuess | None:
    """The issuer a filing's header names (``证券简称:``, else a ``…股份有限公司`` line), with the
    ``证券代码:`` beside it; None when the text has no such header."""
    head = [ln.norm for ln in doc.content_lines()[:LISTED_HEAD_LINES]]
    codes = [m.group(1) for line in head for m in A_SHARE_CODE.finditer(line)]
    for line in head:
        m = A_SHARE_NAME.search(line)
        if m:
            return CompanyGuess(name=m.group(1), score=0.0, tickers=codes[:1])
    for line in head:
        m = LIMITED_COMPANY.match(line)
        if m and m.group(1).lower() not in _generic_subjects():
            return CompanyGuess(name=m.group(1), score=0.0, tickers=codes[:1])
    return None


def _lexicon_owner(name: str, companies: dict) -> str | None:
    """The lexicon company whose name ``name`` is or contains, or whose segment ``name`` is
    (a name that only contains a segment's, 某某云音乐, may be a company of its own)."""
    low = name.lower()
    best: tuple[int, str] | None = None
    for cid, entry in companies.items():
        names = [str(w or "").lower() for w in [entry.get("name"), *entry.get("names", [])]]
        segments = [str(w or "").lower() for w in (entry.get("segments") or {})]
        for seg_aliases in (entry.get("segments") or {}).values():
            segments.extend(str(w or "").lower() for w in seg_aliases or [])
        hits = [w for w in names if w and (w == low or (len(w) >= 2 and w in low))]
        hits += [w for w in segments if w and w == low]
        for w in hits:
            key = (len(w), cid)
            if best is None or key > best:
                best = key
    return best[1] if best else None


def fiscal_start(company: Company) -> int:
    """The month the company's fiscal year starts (1 when unknown)."""
    if company.id is None:
        return 1
    entry = lexicon.load("companies")["companies"].get(company.id, {})
    return int(entry.get("fiscal_year_start_month", 1) or 1)


def fiscal_period(end: date, start_month: int) -> Period:
    """The fiscal year and quarter whose quarter ends on ``end``'s month."""
    fiscal_year = end.year + (1 if start_month > 1 and end.month >= start_month else 0)
    quarter = ((end.month - start_month) % 12) // 3 + 1
    return Period(fiscal_year=fiscal_year, fiscal_quarter=quarter, period_end=month_end(end.year, end.month))


def quarter_end(fiscal_year: int, quarter: int | None, start_month: int) -> date:
    """Last day of fiscal quarter ``quarter`` (or of the whole year when None)."""
    first_year = fiscal_year - 1 if start_month > 1 else fiscal_year
    months = 3 * (quarter or 4)
    index = start_month - 1 + months - 1
    return month_end(first_year + index // 12, index % 12 + 1)


# --- dates -------------------------------------------------------------------------------

FULL_DATE = re.compile(r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?")
ENGLISH_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(20\d\d)\b")
CALL_DATE = re.compile(
    r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。;!?]{0,40}?"
    r"(?:发布|公布|召开|举行|披露|举办)[^。;!?]{0,40}?(?:财报|业绩|电话会|季报|年报)"
)
PUBLISHED_TODAY = re.compile(
    r"(?:今日|今天|今晨|今晚)[^。;!?]{0,20}?(?:发布|公布|召开|举行)[^。;!?]{0,40}?(?:财报|业绩|电话会)"
)
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
MEETING_TIME = re.compile(
    r"(?:(?:会议|电话会议?|业绩会|说明会|交流会|活动|召开)\s*(?:时间|日期)|^\s*时间)\s*:\s*[^0-9:]{0,12}?"
    r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})"
)
"""``会议时间:美国东部时间2024年8月20日…``, ``时间:2024年8月16日 15:00-16:00`` opening a line: the
call's date under a label of its own."""
RELATIVE_CALL = re.compile(
    r"(?:(昨日|昨天|昨晚|今日|今天|今晚|今晨)|(本|上)?(?:周|星期)([一二三四五六日天]))\s*"
    r"(?:[早晚]间|上午|下午|晚上|凌晨|早上|盘后|盘前|[早晚])?[^。;!?]{0,30}?"
    r"(?:发布|公布|召开|举行|披露|举办)[^。;!?]{0,30}?(?:财报|业绩|电话会|季报|年报)"
)
"""A call dated by its distance from the dateline: ``昨日晚间召开电话会``, ``周二晚间发布…业绩``."""


@dataclass
class DateContext:
    """What the text says about when it was written."""

    published: date | None = None
    """The publication date from the head of the text."""
    year: int | None = None
    """The year the text was written in, for relative wording (去年, 本季度)."""
    year_guessed: bool = False
    """True when ``year`` was inferred from context, not read from a date."""
    notes: list[str] = field(default_factory=list)


def _head_texts(doc: Document) -> list[str]:
    """The first content lines, with the blanked (boilerplate) non-markup lines among them:
    a dateline is often boilerplate the reader blanked, so it is read from the original."""
    out: list[str] = []
    seen = 0
    for ln in doc.lines:
        if seen >= HEAD_LINES:
            break
        if ln.text.strip():
            seen += 1
            out.append(ln.norm.strip())
        elif ln.original.strip() and "<" not in ln.original:
            out.append(chinese.normalise(ln.original).strip())
    return out


def publication_date(doc: Document) -> date | None:
    """A full date standing in a short line at the top (a dateline), else None."""
    for text in _head_texts(doc):
        for m in FULL_DATE.finditer(text):
            if re.search(r"(?:截至|截止|至|到)\s*$", text[: m.start()]) or text[m.end() :].startswith("止"):
                continue  # "截至2024年9月30日止": a period's end, not a dateline
            short = len(text) <= 60 or re.match(r"\s*\d{1,2}:\d{2}", text[m.end() :])
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found and short:
                return found
        eng = ENGLISH_DATE.search(text)
        if eng and eng.group(1).lower() in MONTHS and len(text) <= 60:
            found = safe_date(int(eng.group(3)), MONTHS[eng.group(1).lower()], int(eng.group(2)))
            if found:
                return found
    return None


YEAR_MENTION = re.compile(r"(?<![\d.])(20\d\d)\s*年(?!\s*\d{1,2}\s*月\s*\d)")
QUARTER_AFTER = re.compile(r"\s*(?:第?\s*[一二三四1-4]\s*季度|[Qq][1-4]|上半年|下半年|前三季度)")


def _words(key: str) -> re.Pattern[str]:
    words = sorted({str(w) for w in lexicon.load("periods")[key]}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def infer_year(doc: Document) -> int | None:
    """The earliest year the text can have been written in, from years it reports as past."""
    future, result = _words("future"), _words("result")
    best: int | None = None
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            for m in YEAR_MENTION.finditer(sentence):
                year, rest = int(m.group(1)), sentence[m.end() :]
                start = max(sentence.rfind(p, 0, m.start()) for p in ",:") + 1
                ends = [i for i in (sentence.find(p, m.end()) for p in ",:") if i >= 0]
                clause = sentence[start : min(ends) if ends else len(sentence)]
                before = sentence[max(0, m.start() - 2) : m.start()]
                if future.search(clause) or re.search(r"[到至]\s*$", before):
                    continue
                if QUARTER_AFTER.match(rest):
                    candidate = year
                elif result.search(rest) and re.search(r"\d", rest):
                    candidate = year + 1
                else:
                    continue
                best = candidate if best is None else max(best, candidate)
    return best


def date_context(doc: Document) -> DateContext:
    """Publication date and reference year of the text."""
    published = publication_date(doc)
    if published:
        return DateContext(published=published, year=published.year)
    explicit = [
        safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for ln in doc.content_lines()
        for m in FULL_DATE.finditer(ln.norm)
    ]
    dated = [d for d in explicit if d]
    if dated:
        return DateContext(year=max(dated).year)
    year = infer_year(doc)
    if year is None:
        return DateContext()
    note = (
        f"the text states no date: its year ({year}) was inferred from context "
        "(years it reports as past); period and dates resolved from it are a guess"
    )
    return DateContext(year=year, year_guessed=True, notes=[note])


def _year_for(
    month: int, day: int, after: date | None, fallback: int | None, weekday: str | None
) -> int | None:
    """The year of a month/day written without one."""
    if after is not None:
        year = after.year if (month, day) > (after.month, after.day) else after.year + 1
        return year
    if weekday in WEEKDAYS and fallback:
        for year in (fallback, fallback - 1, fallback + 1):
            d = safe_date(year, month, day)
            if d and d.weekday() == WEEKDAYS[weekday]:
                return year
    return fallback


def _meeting_time(doc: Document) -> date | None:
    """The date a ``会议时间:`` label gives."""
    for ln in doc.content_lines():
        m = MEETING_TIME.search(ln.norm)
        if m:
            found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    return None


def _relative_call_date(doc: Document, published: date, held: bool) -> date | None:
    """The call's date from 昨日 / 今日 / 周二 and the dateline (the latest such day up to it); with
    ``held``, only where the call itself is held (``昨日晚间召开电话会``)."""
    for ln in doc.content_lines():
        for m in RELATIVE_CALL.finditer(ln.norm):
            if held and not CALL_HELD.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12)):
                continue
            if m.group(1):
                return published - timedelta(days=1 if m.group(1).startswith("昨") else 0)
            weekday = WEEKDAYS[m.group(3)]
            if m.group(2) == "上":  # a day of the previous calendar week
                return published - timedelta(days=published.weekday() + 7 - weekday)
            return published - timedelta(days=(published.weekday() - weekday) % 7)
    return None


def identify_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date as stated in the text, else the publication's, else None.

    In order: a ``会议时间:`` label; a date (month and day, or 昨日 / 周二 counted back from the
    dateline) where the call is held (``8月20日晚间召开电话会``); one beside the results
    (``8月21日发布财报``); a day without its month; the dateline.
    """
    meeting = _meeting_time(doc)
    if meeting is not None and (period.period_end is None or meeting > period.period_end):
        return meeting
    relative = _relative_call_date(doc, ctx.published, True) if ctx.published else None
    for found in [*_stated_dates(doc, ctx, period, True), relative, *_stated_dates(doc, ctx, period, False)]:
        if found is not None and (period.period_end is None or found > period.period_end):
            return found
    relative = _relative_call_date(doc, ctx.published, False) if ctx.published else None
    if relative is not None and (period.period_end is None or relative > period.period_end):
        return relative
    day_only = _day_only_call_date(doc, ctx, period)
    return day_only or ctx.published


CALL_HELD = re.compile(r"(?:召开|举行|举办)[^。;!?]{0,40}?(?:电话会|业绩会|说明会|交流会|沟通会|分析师会)")
"""The call itself being held (not the results being released)."""


def _stated_dates(doc: Document, ctx: DateContext, period: Period, held: bool) -> list[date]:
    """Month-and-day dates beside the results or the call, in text order; with ``held``, only
    those of the call being held (``8月20日晚间召开电话会``), which the release date may precede."""
    out = []
    for ln in doc.content_lines():
        for m in CALL_DATE.finditer(ln.norm):
            if held and not CALL_HELD.search(ln.norm, m.start(), min(len(ln.norm), m.end() + 12)):
                continue
            month, day = int(m.group(2)), int(m.group(3))
            weekday = re.match(
                r"\s*(?:周|星期)([一二三四五六日天])", ln.norm[m.start(3) + len(m.group(3)) + 1 :]
            )
            if m.group(1):
                year: int | None = int(m.group(1))
            elif ctx.year_guessed and period.period_end is None:
                continue
            else:
                year = _year_for(
                    month, day, period.period_end, ctx.year, weekday.group(1) if weekday else None
                )
            found = safe_date(year, month, day) if year else None
            if found is not None:
                out.append(found)
    return out


DAY_ONLY = re.compile(
    r"(?:(?:周|星期)([一二三四五六日天])\s*\(?\s*)?(?<![\d月/.\-])(?:本月\s*)?([1-3]?\d)\s*日(?![\d元])"
)
"""A day written without its month: ``13日``, ``本月13日``, ``周三(13日)``."""
DAY_ONLY_CONTEXT = re.compile(r"^\s*\)?\s*(?:专讯|电|讯)|(?:发布|公布|召开|举行|披露|举办)")
REPORT_LAG_DAYS = (10, 120)
"""How long after its period's end a call is held: the window a day without a month is placed in."""


def _day_only_call_date(doc: Document, ctx: DateContext, period: Period) -> date | None:
    """The call's date from a day written without its month (``【…13日专讯】腾讯公布…业绩``).

    The month is the publication's (or the one before it); without a publication date, the first
    month after the period's end where that day is a weekday (the given one, if any) in the
    usual reporting window -- a guess, noted for review. None when neither is known.
    """
    for ln in doc.content_lines():
        for sentence in re.split(r"[。!?;]", ln.norm):
            results = re.search(r"财报|业绩|电话会|季报|年报|业绩会", sentence)
            for m in DAY_ONLY.finditer(sentence):
                context = DAY_ONLY_CONTEXT.search(sentence[m.end() :])
                if not results or not context or context.start() > 40:
                    continue
                found = _place_day(int(m.group(2)), m.group(1), ctx, period)
                if found is not None:
                    return found
    return None


def _place_day(day: int, weekday: str | None, ctx: DateContext, period: Period) -> date | None:
    """The date of ``day`` (of an unwritten month) for a call about ``period``."""
    if ctx.published is not None:
        month_start = ctx.published.replace(day=1)
        if day > ctx.published.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        return safe_date(month_start.year, month_start.month, day)
    if period.period_end is None:
        return None
    low, high = (period.period_end + timedelta(days=d) for d in REPORT_LAG_DAYS)
    wanted = WEEKDAYS.get(weekday) if weekday else None
    year, month = period.period_end.year, period.period_end.month
    for _ in range(5):
        month = month % 12 + 1
        year += 1 if month == 1 else 0
        found = safe_date(year, month, day)
        if found is None or not low <= found <= high:
            continue
        if found.weekday() < 5 if wanted is None else found.weekday() == wanted:
            ctx.notes.append(
                f"the call date {found.isoformat()} is a guess: the text gives only the day ({day}日); "
                "the month is the first after the period's end in which that day is a weekday"
            )
            return found
    return None


# --- period ------------------------------------------------------------------------------


@dataclass
class _Candidate:
    end: date
    quarter: bool
    """True for a period shorter than the year (a quarter, a half, a quarter's end date)."""
    weight: float
    position: int
    kind: str = "quarter"
    """quarter (named as a quarter) | half (上半年, 半年度, H1) | end (a date: 截至6月30日) | year."""
    own: bool = False
    """True when the text names it as the period it reports (``第二季度业绩``, ``2024年度业绩说明会``):
    a results word follows in the clause, no future word (``第一季度报告将于…披露``), not in a
    bulleted list."""


FISCAL_YQ = [
    re.compile(r"(20\d\d)\s*财年\s*(?:的\s*)?第?\s*([一二三四1-4])\s*(?:财季|财政季度|季度|季)"),
    re.compile(r"(20\d\d)\s*财年\s*[Qq]([1-4])"),
    re.compile(r"\b[Ff][Yy]\s*'?(20\d\d|\d\d)\s*[Qq]([1-4])\b"),
    re.compile(r"\b[Qq]([1-4])\s*[Ff][Yy]\s*'?(20\d\d|\d\d)\b", re.I),
    re.compile(
        r"\b(first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+of\s+fiscal\s+(?:year\s+)?(20\d\d)", re.I
    ),
]
FISCAL_Q = re.compile(
    r"(?<![上下本前])第\s*([一二三四1-4])\s*(?:财季|财政季度)|(?<![上下本前])([一二三四])\s*财季"
)
FISCAL_YEAR = re.compile(r"(20\d\d)\s*财年|\b[Ff]iscal\s+(?:[Yy]ear\s+)?(20\d\d)\b|\b[Ff][Yy]\s*(20\d\d)\b")
PERIOD_END = re.compile(
    r"截至\s*(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日|"
    r"(?:quarter|three months|period|year)\s+ended\s+([A-Z][a-z]+)\s+(\d{1,2}),?\s+(20\d\d)"
)
CAL_Q = re.compile(
    r"(?:(20\d\d)\s*年\s*|(今年|本年|去年|上年|前年)\s*)(?:的\s*)?(?:第\s*)?([一二三四1-4])\s*季度|"
    r"(20\d\d)\s*年?\s*[Qq]([1-4])(?![0-9])|(?<![A-Za-z])[Qq]([1-4])\s*(20\d\d)|"
    r"(first|second|third|fourth)\s+quarter\s+(?:of\s+)?(20\d\d)"
)
TITLE_Q = re.compile(r"(?<![A-Za-z])[Qq]([1-4])(?![0-9])")
HALF = re.compile(
    r"(?:(20\d\d)\s*(?:年|财年)?\s*度?\s*)?"
    r"(?:上半年|上半财年|半年度|首半年|中期(?=业绩|报告|财报|业绩会|业绩说明会)|(?<=止)\s*六个月"
    r"|(?<![A-Za-z])(?:H1|1H)(?![0-9A-Za-z]))"
)
"""The first half of a year: ``2024年上半年``, ``半年度业绩说明会``, ``中期业绩``, ``截至6月30日止六个月``,
``2024H1``."""
HALF_YEAR_FIRST = re.compile(r"(?<![A-Za-z])(?:1H|H1)\s*'?(\d\d)(?!\d)")
"""``1H24``: a half named before its two-digit year."""
QUARTER_WORD = re.compile(
    r"(?:第\s*)?([一二三四1-4])\s*(?:季度|财季|季(?![节度]))|(?<![A-Za-z])[Qq]([1-4])(?![0-9])"
)
YEARLESS_QUARTER = re.compile(
    r"(?<![前上下本每近单首后两\d])(?:第\s*)?([一二三四1-4])\s*(?:季度|季(?![节度]))"
    r"|(?<![A-Za-z0-9])[Qq]([1-4])(?![0-9])"
)
"""A quarter named without its year (``第三季``, ``三季度``, ``Q3``); not ``前三季`` (year to date)."""
ANNUAL = re.compile(
    r"(20\d\d)\s*年\s*(?:年度|全年|度)(?!\s*[第一二三四1-4上下半])|(?<![半\d年])(?:年度|全年)"
)
"""A whole year: ``2024年度``, ``2024年年度报告``, ``2024年全年``, a bare ``年度业绩`` / ``全年业绩``."""
OWN_REACH = 14
"""How far after a period the results word may stand for the period to be the one reported."""
LIST_ITEM = re.compile(r"\s*(?:[·•▪◦●○>]|[*\-]\s)")
"""A bulleted line (related links, other companies' briefings): it names no period of its own text."""
YEARLESS_LAG_DAYS = 130
"""A quarter named without its year is the latest one ended at most this long before the dateline."""


def _two_digit(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _candidates(line: Line, start_month: int, ctx: DateContext, offset: int) -> list[_Candidate]:
    text = line.norm
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    results, future = _words("results_words"), _words("future")
    listed = LIST_ITEM.match(text) is not None

    def add(
        end: date | None, quarter: bool, weight: float, span: tuple[int, int], kind: str = "quarter"
    ) -> None:
        if end is not None and not any(a < span[1] and span[0] < b for a, b in taken):
            after = re.split(r"[,。;!?]", text[span[1] : span[1] + OWN_REACH], maxsplit=1)[0]
            own = not listed and results.search(after) is not None and future.search(after) is None
            out.append(_Candidate(end, quarter, weight, offset + span[0], kind, own))
            taken.append(span)

    for i, pattern in enumerate(FISCAL_YQ):
        for m in pattern.finditer(text):
            if i in (3, 4):
                q, y = quarter_number(m.group(1)), _two_digit(m.group(2))
            else:
                y, q = _two_digit(m.group(1)), quarter_number(m.group(2))
            if q:
                add(quarter_end(y, q, start_month), True, 3.0, m.span())
    for m in PERIOD_END.finditer(text):
        if m.group(2):
            month, day = int(m.group(2)), int(m.group(3))
            year = int(m.group(1)) if m.group(1) else ctx.year
            if (
                year
                and ctx.published
                and not m.group(1)
                and (month, day) > (ctx.published.month, ctx.published.day)
            ):
                year -= 1
        else:
            month, day, year = MONTHS.get(m.group(4).lower(), 0), int(m.group(5)), int(m.group(6))
        end = safe_date(year, month, day) if year and month else None
        if end and end == month_end(end.year, end.month) and end.month % 3 == (start_month - 1) % 3:
            add(end, True, 3.0, m.span(), "end")
    for m in CAL_Q.finditer(text):
        if m.group(3):
            year = (
                int(m.group(1))
                if m.group(1)
                else (ctx.year + RELATIVE_YEARS[m.group(2)] if ctx.year else None)
            )
            q = quarter_number(m.group(3))
        elif m.group(5):
            year, q = int(m.group(4)), quarter_number(m.group(5))
        elif m.group(6):
            year, q = int(m.group(7)), quarter_number(m.group(6))
        else:
            year, q = int(m.group(9)), quarter_number(m.group(8))
        if year and q:
            add(month_end(year, 3 * q), True, 2.0, m.span())
    for m in FISCAL_Q.finditer(text):
        q = quarter_number(m.group(1) or m.group(2))
        if q and ctx.year:
            add(_latest_fiscal_quarter_end(q, start_month, ctx), True, 1.0, m.span())
    for m in HALF.finditer(text):
        fiscal = "财年" in m.group(0)
        if m.group(1) and (fiscal or start_month == 1):
            add(quarter_end(int(m.group(1)), 2, start_month), True, 2.0, m.span(), "half")
        elif not m.group(1) and ctx.year:
            add(_latest_fiscal_quarter_end(2, start_month, ctx), True, 0.5, m.span(), "half")
    for m in FISCAL_YEAR.finditer(text):
        y = int(next(g for g in m.groups() if g))
        add(quarter_end(y, None, start_month), False, 1.0, m.span(), "year")
    for m in ANNUAL.finditer(text):
        if m.group(1) and start_month == 1:
            add(quarter_end(int(m.group(1)), None, start_month), False, 1.0, m.span(), "year")
        elif not m.group(1) and ctx.year:
            add(_latest_fiscal_quarter_end(4, start_month, ctx), False, 0.5, m.span(), "year")
    if start_month == 1 and ctx.published is not None and not ctx.year_guessed:
        for m in YEARLESS_QUARTER.finditer(text):
            q = quarter_number(m.group(1) or m.group(2))
            end = _latest_fiscal_quarter_end(q, start_month, ctx) if q else None
            if end is not None and (ctx.published - end).days <= YEARLESS_LAG_DAYS:
                add(end, True, 0.5, m.span())
    return out


def _latest_fiscal_quarter_end(quarter: int, start_month: int, ctx: DateContext) -> date | None:
    """The end of fiscal quarter ``quarter`` most recently before the text was written."""
    assert ctx.year is not None
    limit = ctx.published or date(ctx.year, 12, 31)
    ends = [quarter_end(y, quarter, start_month) for y in range(ctx.year - 1, ctx.year + 2)]
    past = [e for e in ends if e <= limit]
    return max(past) if past else None


def _half_year_call(doc: Document, candidates: list[_Candidate], end: date) -> bool:
    """True when the text reports the half ending on ``end`` rather than its second quarter: it
    names the half (上半年, 半年度, H1) more than the quarter (第二季度, Q2, 二季), counting the
    title twice."""
    own_half = any(c.own for c in candidates if c.end == end and c.kind == "half")
    own_quarter = any(c.own for c in candidates if c.end == end and c.kind == "quarter")
    if own_half != own_quarter:
        return own_half  # the text names one of them as the period it reports
    half = sum(c.weight for c in candidates if c.end == end and c.kind == "half")
    quarter = sum(c.weight for c in candidates if c.end == end and c.kind == "quarter")
    title = chinese.normalise(doc.title or "")
    title_half = bool(HALF.search(title) or HALF_YEAR_FIRST.search(title))
    title_quarter = any((m.group(1) or m.group(2)) in ("2", "二") for m in QUARTER_WORD.finditer(title))
    yearless = sum(
        0.5
        for ln in doc.content_lines()
        for m in QUARTER_WORD.finditer(ln.norm)
        if (m.group(1) or m.group(2)) in ("2", "二")
    )
    half += 2.0 * title_half
    quarter += 2.0 * title_quarter + yearless
    return half > quarter


def _annual_call(candidates: list[_Candidate], head: int) -> date | None:
    """The end of the year an annual-results call reports, or None: the text names a year as its
    period (``2024年度业绩说明会``, ``2024年年度报告``) more than any quarter or half, and never its
    fourth quarter (a ``第四季度及全年业绩`` call is the fourth quarter's). Cues in the first lines
    count three times."""
    totals: dict[tuple[str, date], float] = {}
    for c in candidates:
        if c.own:
            key = ("year" if c.kind == "year" else "part", c.end)
            totals[key] = totals.get(key, 0.0) + c.weight * (3.0 if c.position < head else 1.0)
    years = {end: w for (kind, end), w in totals.items() if kind == "year"}
    if not years:
        return None
    end = max(years, key=lambda e: (years[e], e))
    if ("part", end) in totals:
        return None
    rival = max((w for (kind, _), w in totals.items() if kind == "part"), default=0.0)
    return end if years[end] > rival else None


def identify_period(doc: Document, start_month: int, ctx: DateContext) -> Period:
    """The fiscal period the call reports: the best-supported quarter, else a fiscal year."""
    candidates: list[_Candidate] = []
    title = doc.title or ""
    for m in TITLE_Q.finditer(title):
        if ctx.year:
            end = _latest_fiscal_quarter_end(int(m.group(1)), start_month, ctx)
            if end:
                candidates.append(_Candidate(end, True, 1.0, -1))
    offset = 0
    for ln in doc.content_lines():
        candidates.extend(_candidates(ln, start_month, ctx, offset))
        offset += len(ln.norm) + 1
    limit = ctx.published or (date(ctx.year, 12, 31) if ctx.year else None)
    if limit:
        candidates = [c for c in candidates if c.end <= limit]
    annual = _annual_call(candidates, len("\n".join(ln.norm for ln in doc.content_lines()[:HEAD_LINES])))
    if annual is not None:
        fiscal_year = annual.year + (1 if start_month > 1 and annual.month >= start_month else 0)
        return Period(fiscal_year=fiscal_year, fiscal_quarter=None, period_end=annual)
    quarters = [c for c in candidates if c.quarter] or candidates
    if not quarters:
        return Period()
    totals: dict[date, float] = {}
    for c in quarters:
        totals[c.end] = totals.get(c.end, 0.0) + c.weight
    end = max(totals, key=lambda e: (totals[e], e))
    if quarters[0].quarter:
        period = fiscal_period(end, start_month)
        if period.fiscal_quarter == 2 and _half_year_call(doc, quarters, end):
            return Period(fiscal_year=period.fiscal_year, fiscal_quarter=None, period_end=end)
        return period
    fiscal_year = end.year + (1 if start_month > 1 and end.month >= start_month else 0)
    return Period(fiscal_year=fiscal_year, fiscal_quarter=None, period_end=end)
