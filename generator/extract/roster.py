"""Lists of participants: the attendees a heading lists (``出席人员:董事长 赵晋荣;总裁 陶海虹``),
a participant line (``Sandy Xu - 首席执行官``) and a name written in two scripts (``沈亚(Eric Shen)``).
"""

from __future__ import annotations

import re

from generator.extract.labels import parse_label
from generator.extract.names import (
    best_role,
    canonical_firm,
    is_chinese_name,
    is_name,
    is_person_name,
    known_firm,
)
from generator.extract.speaker import Speaker
from generator.extract.vocab import ANY_NAME, ENGLISH_NAME, HAN, vocab
from generator.lexicon.titles import titles
from generator.model import Document

_BULLET = " \t·•*-—–>#"
_ENTRY_SPLIT = re.compile(r"\s*[;]\s*")
_PIECE_SPLIT = re.compile(r"\s*[、,]\s*")


def attendee_entry(text: str) -> Speaker | None:
    """One attendee as :func:`_attendee`, else with the word closing its list or a page's line
    break dropped (``董秘杨笃志等``, ``副总 裁申柯``)."""
    stripped = text.strip(_BULLET + "。.")
    closed = _without_closer(stripped)
    entry = _attendee(closed) if closed != stripped else None  # "陈静等" is no name of three
    if entry is None:
        entry = _attendee(text)
    if entry is None and _HAN_GAP.search(closed):
        entry = _attendee(_HAN_GAP.sub("", closed))
    return entry


def _attendee(text: str) -> Speaker | None:
    """One attendee: ``董事长 赵晋荣``, ``赵晋荣 董事长``, ``Eric Shen(沈亚),董事长兼首席执行官``,
    ``Alicia Yap - 花旗``; a person with a role or a firm, else None."""
    text = vocab().honorific_re.sub("", text.strip(_BULLET + "。."))
    if not text or len(text) > 60:
        return None
    label = parse_label(text)
    if label is not None and label.kind == "speech" and label.who.name and (label.who.role or label.who.firm):
        return label.who
    titled = _titles_then_name(text)
    if titled is not None:
        return titled
    m = re.fullmatch(rf"({ANY_NAME})\s*(?:\(\s*({ANY_NAME})\s*\))?\s*(?:[,:\-–—]+\s*|\s+)(\S.*)", text)
    if m is None or not is_person_name(m.group(1)):
        return None
    alias = m.group(2) if m.group(2) and is_name(m.group(2)) else None
    rest = m.group(3).strip(" ,。")
    firm = known_firm(rest)
    if firm:
        return Speaker(m.group(1), "analyst", firm=canonical_firm(rest), alias=alias)
    titles = list(vocab().role_re.finditer(rest))
    if not titles or rest[titles[-1].end() :].strip():
        return None
    org = rest[: titles[0].start()].strip(" -—·,、") or None
    return Speaker(m.group(1), "management", best_role(rest), org=org, alias=alias)


_HAN_GAP = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")
"""One space between two Chinese characters: a line break of the page, no separator."""


def _without_closer(text: str) -> str:
    """The entry without the word closing its list (``杨笃志等`` -> ``杨笃志``, ``speakers.list_closers``)."""
    for word in vocab().words.list_closers:
        if text.endswith(word) and len(text) > len(word) + 1:
            return text[: -len(word)]
    return text


def _titles_then_name(text: str) -> Speaker | None:
    """``董事、执行委员会主席 陶海虹``: titles joined by 、/兼/和, then the name."""
    v = vocab()
    first = v.role_re.search(text)
    if first is None or first.start() > 12:
        return None
    end = first.end()
    words = "|".join(rf"\s*{re.escape(j)}\s" for j in titles().joints if len(j) > 1)  # " and "
    while True:
        joint = re.match(rf"(?:{words or '(?!)'}|[\s{v.joints}、&,/])*", text[end:], re.I)
        follow = v.role_re.match(text, end + (joint.end() if joint else 0))
        if follow is None:
            break
        end = follow.end()
    name = text[end:].strip(" ,:-—–")
    if not is_person_name(name):
        # "Vice President of Finance — Li Li": the title's function runs on to a dash, the name after it
        dash = _LAST_DASH.search(text, end)
        if dash is None or not is_person_name(text[dash.end() :].strip()):
            return None
        name = text[dash.end() :].strip()
    org = text[: first.start()].strip(" -—·,、") or None
    return Speaker(name, "management", best_role(text[first.start() : end]), org=org)


_LAST_DASH = re.compile(r"\s[-–—]\s(?!.*\s[-–—]\s)")
"""The last dash between spaces of a line (what stands after it is one piece)."""


def _heading_rest(norm: str) -> str | None:
    """The text after an attendee heading (``出席人员:``, ``上市公司接待人员姓名:``), or None."""
    text = norm.strip(_BULLET)
    headings = vocab().words.attendee_headings
    if text.rstrip(" :").lower() in {h.lower() for h in headings}:
        return ""  # "CALL PARTICIPANTS" alone on its line: the list follows below
    low = text.lower()
    start = 0
    for colon in (i for i, c in enumerate(text[:60]) if c == ":"):
        head = low[start:colon].strip(_BULLET)
        if head and any(h.lower() in head for h in headings) and colon - start <= 30:
            return text[colon + 1 :].strip(_BULLET)
        start = colon + 1  # "会议时间:2021 3 31 日 会议嘉宾:…": the list's heading after another field
    return None


def _split_entries(text: str) -> list[Speaker]:
    """The attendees listed on one line: ``;``-separated, else ``、``/``,``-separated when every
    piece is an attendee."""
    out = []
    for part in _ENTRY_SPLIT.split(text):
        entry = attendee_entry(part)
        if entry is not None:
            out.append(entry)
            continue
        pieces = [attendee_entry(p) for p in _join_titles(_PIECE_SPLIT.split(part)) if p.strip()]
        if pieces and all(pieces):
            out.extend(e for e in pieces if e is not None)
    return out


def _join_titles(pieces: list[str]) -> list[str]:
    """``公司董事``, ``副总裁张伟`` -> ``公司董事、副总裁张伟``: a piece holding only titles (after an
    organisation) belongs to the next."""
    v = vocab()
    out: list[str] = []
    pending = ""
    for piece in pieces:
        if re.fullmatch(rf"[^\s]{{0,8}}?(?:(?:{v.role_re.pattern})[\s{v.joints}&/]*)+", piece.strip(), re.I):
            pending += piece.strip() + "、"
            continue
        out.append(pending + piece)
        pending = ""
    return out + ([pending.rstrip("、")] if pending else [])


def attendee_lists(doc: Document) -> list[tuple[int, Speaker]]:
    """(line, attendee) from lists under a heading: on the heading's line (``出席人员:董事长 赵晋荣;
    总裁 陶海虹``) or one per line below it, until a line that is no attendee."""
    out: list[tuple[int, Speaker]] = []
    lines = doc.content_lines()
    analyst_headings = {h.lower() for h in vocab().words.analyst_headings}
    for i, ln in enumerate(lines):
        rest = _heading_rest(ln.norm)
        if rest is None:
            continue
        analysts_here = _heading_of(ln.norm).lower() in analyst_headings
        if rest:
            entries = _split_entries(rest) or _flattened(rest, analysts_here)
            out.extend((ln.number, e) for e in entries)
            continue
        analysts = ln.norm.strip(_BULLET).rstrip(" :").lower() in analyst_headings
        j = i + 1
        while j < len(lines):
            below, step = lines[j], 1
            entries = _split_entries(below.norm)
            if not entries and analysts:
                entries = [e for e in [_analyst_of_firm(below.norm)] if e is not None]
            if not entries and below.norm.lstrip().startswith(":"):  # "Analysts" / ": Kirk Materne - …"
                entries = _flattened(below.norm.lstrip(" :"), analysts)
            if not entries:
                after = lines[j + 1].norm if j + 1 < len(lines) else ""
                paired = _name_over_affiliation(below.norm, after, analysts)
                if paired is not None:
                    entries, step = [paired[0]], paired[1]
            if not entries:
                break
            out.extend((below.number, e) for e in entries)
            j += step
    return out


def _name_over_affiliation(name_line: str, next_line: str, analysts: bool) -> tuple[Speaker, int] | None:
    """A list that gives each person as a bulleted name over an affiliation line (StreetEvents:
    ``* Angus Guthrie`` / ``CLP Holdings Limited - Director of IR``; ``* Belle Chang`` / ``Morgan
    Stanley, Research Division - Strategist`` under an analysts' heading): the person and how many
    lines it takes; a bulleted name over another bulleted name stands alone. None otherwise."""
    if not name_line.lstrip().startswith(("*", "•", "·")):
        return None
    name = name_line.strip(_BULLET)
    if not re.fullmatch(ENGLISH_NAME, name) or not is_person_name(name):
        return None
    aff = next_line.strip()
    if aff.startswith(("*", "•", "·")) or not aff:
        return Speaker(name, "analyst" if analysts else "management"), 1
    if len(aff) > 120 or not re.search(r"\s[-–—]\s", aff) or re.search(r"[.!?]\s+[A-Z]", aff):
        return None
    org, rest = re.split(r"\s+[-–—]+\s+", aff, maxsplit=1)
    if analysts:
        return Speaker(name, "analyst", firm=canonical_firm(org.split(",")[0].strip())), 2
    role = best_role(rest)
    return (Speaker(name, "management", role), 2) if role else None


def _heading_of(norm: str) -> str:
    """The words before a heading line's first colon (``Analysts: …`` -> ``Analysts``)."""
    return norm.strip(_BULLET).split(":", 1)[0].strip(_BULLET)


def _flattened(text: str, analysts: bool) -> list[Speaker]:
    """A list whose line breaks were lost: ``Kirk Materne - Evercore ISI Charles Brennan - Credit
    Suisse …`` or ``Stefan Gruber - IR Bill McDermott - CEO …``. Between two dashes stand one
    person's affiliation and the next person's name (its last two words). Empty unless every name
    reads as a person's and there are three people or more."""
    parts = re.split(r"\s+[-–—]\s+", text.strip(_BULLET))
    if re.search(r"\s[-–—]\s*$", text):
        parts.append("")  # "… Stacy Pollard -": the last affiliation went to the next line
    if len(parts) < 4:
        return []
    out: list[Speaker] = []
    name = parts[0].strip()
    for i, part in enumerate(parts[1:], 1):
        words = part.split()
        if i == len(parts) - 1:
            affiliation, following = part.strip(), ""
        elif len(words) < 3:
            return []
        else:
            affiliation, following = " ".join(words[:-2]).rstrip(","), " ".join(words[-2:])
        if not re.fullmatch(ENGLISH_NAME, name) or not is_person_name(name):
            return []
        role = best_role(affiliation) if affiliation else None
        if analysts and not role:
            out.append(Speaker(name, "analyst", firm=canonical_firm(affiliation) if affiliation else None))
        else:
            out.append(Speaker(name, "management", role))
        name = following
    return out if len(out) >= 3 else []


def _analyst_of_firm(norm: str) -> Speaker | None:
    """``Luca Solca - Sanford Bernstein`` in an analysts' list: the firm as written when the firms
    lexicon does not know it (a short capitalised name, no digits)."""
    text = norm.strip(_BULLET)
    m = re.fullmatch(rf"({ANY_NAME})\s*[-–—:,|]+\s*([A-Z][^\d()]{{1,40}})", text)
    if m is None or not is_person_name(m.group(1)) or vocab().role_re.search(m.group(2)):
        return None
    return Speaker(m.group(1), "analyst", firm=canonical_firm(m.group(2).strip()))


def roster_entry(norm: str) -> Speaker | None:
    """A participant list line: ``Sandy Xu - 首席执行官``, ``Alicia Yap - 花旗``,
    ``- Eric Shen(沈亚),董事长兼首席执行官``."""
    text = norm.strip(" ·•*-")
    name = rf"(?:{ENGLISH_NAME}|[{HAN}]{{2,4}})"
    enclosed = _enclosed_entry(text, name)
    if enclosed is not None:
        return enclosed
    if not re.fullmatch(rf"{name}\s*(?:\([^)]{{2,30}}\)\s*)?[-–—:,]+\s*\S.{{0,50}}", text):
        # "Vice President of Finance — Li Li": titles first, the name after the line's last dash
        titled = _titles_then_name(text) if len(text) <= 60 and _LAST_DASH.search(text) else None
        return titled if titled is not None and titled.role else None
    who = attendee_entry(text)
    if who is None or not who.name or not (who.role or who.firm):
        return None
    return who


def roster_list(norm: str) -> list[Speaker]:
    """A line listing people by name and title without a heading: ``;``-separated entries, every
    one an attendee (a caption's ``图左起:苏家碧 公司事务总监;邓智辉 物业总监;…``), or a table's
    lone ``董事长 李西廷`` (a title, a space, a name). Empty when the line is anything else."""
    text = norm.strip(_BULLET + "。.")
    caption = _caption(text)
    if caption is not None:
        return caption
    colon = text.find(":", 0, 10)
    parts = [p for p in _ENTRY_SPLIT.split(text[colon + 1 :]) if p.strip()]
    if len(parts) >= 2:
        entries = [attendee_entry(p) for p in parts]
        return [e for e in entries if e is not None] if all(entries) else []
    m = re.fullmatch(rf"(.{{0,12}}?(?:{vocab().role_re.pattern})\S*)\s+([{HAN}]{{2,4}})", text)
    entry = _titles_then_name(text) if m else None
    return [entry] if entry is not None and entry.name == m.group(2) else []  # type: ignore[union-attr]


def _caption(text: str) -> list[Speaker] | None:
    """The people a photo caption names in order (``左起 上石化驻港代表林敏杰、董事长王治卿、财务总监周美云
    王嘉杰摄``: ``speakers.caption_openers``, the photographer's credit dropped), or None when the
    line is no such caption. Pieces that read as no attendee are left out; two must read."""
    words = vocab().words
    head = text.lstrip("(（[【 ")
    opener = next(
        (w for w in sorted(words.caption_openers, key=len, reverse=True) if head.startswith(w)), None
    )
    if opener is None:
        return None
    body = head[len(opener) :].lstrip(" :)）]】")
    for credit in words.photo_credits:
        body = re.sub(rf"\s+\S{{2,12}}{re.escape(credit)}$", "", body)
    entries = [attendee_entry(p) for p in re.split(r"\s*[;、,]\s*", body) if p.strip()]
    found = [e for e in entries if e is not None and e.side == "management"]
    return found if len(found) >= 2 else None


def _enclosed_entry(text: str, name: str) -> Speaker | None:
    """A list line holding a name and, in brackets or after a slash, only a role or a firm:
    ``马智(轮值总裁)``, ``李婷/董事会主席兼CEO``, ``Timothy Zhao(高盛)``."""
    text = vocab().honorific_re.sub("", text)
    m = re.fullmatch(rf"({name})\s*(?:\(\s*([^()/]{{2,30}}?)\s*\)|/\s*([^()/]{{2,30}}))", text)
    if m is None:
        return None
    who = attendee_entry(f"{m.group(1)} {m.group(2) or m.group(3)}")
    if who is None or who.name != m.group(1) or not (who.role or who.firm):
        return None
    return who


def name_pairs(doc: Document) -> list[tuple[str, str]]:
    """(Chinese name, English name) written as one person: ``沈亚(Eric Shen)``, ``Eric Shen(沈亚)``."""
    pairs = []
    for ln in doc.content_lines():
        for m in re.finditer(rf"({ENGLISH_NAME})\s*\(\s*([{HAN}]{{2,4}})\s*\)", ln.norm):
            if is_chinese_name(m.group(2)) and is_name(m.group(1)):
                pairs.append((m.group(2), m.group(1)))
        for m in re.finditer(rf"\(\s*({ENGLISH_NAME})\s*\)", ln.norm):
            run = re.search(f"[{HAN}]{{2,}}$", ln.norm[: m.start()].rstrip())
            if run is None or not is_name(m.group(1)):
                continue
            titles = list(vocab().role_re.finditer(run.group(0)))
            name = run.group(0)[titles[-1].end() :] if titles else run.group(0)
            for size in (3, 2, 4):
                cand = name[-size:]
                if len(cand) == size and is_chinese_name(cand) and is_person_name(cand):
                    pairs.append((cand, m.group(1)))
                    break
    return pairs
