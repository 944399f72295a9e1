"""Bytes -> text: a deterministic strict-decoding cascade for Chinese sources.

Order: byte-order marks (UTF-8, UTF-16, UTF-32); refuse empty files; UTF-16 without a
byte-order mark, told by its NUL bytes; refuse binary files; strict UTF-8; UTF-8 with a
handful of broken bytes (a scraper cut a character in half); then GB18030 (a superset of GBK
and GB2312) against Big5, decided by which decodes strictly and yields more common CJK
characters. A result made mostly of rare characters is mojibake, and is refused rather than
passed on.

Errors are :class:`generator.errors.SourceError` without a path; the reader adds it.
"""

from __future__ import annotations

import codecs
from collections import Counter
from functools import lru_cache

from generator.errors import SourceError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks and the codec that reads past them (UTF-32 LE first: it starts like UTF-16 LE)."""

MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"{\\rtf", "RTF document"),
)
"""Signatures of file types that are often saved under a text name by mistake."""

BIG5_CODECS = ("big5", "cp950", "big5hkscs")
"""Big5 and its supersets, tried in this order; the first that decodes strictly is used."""

CONTROL_BYTES = frozenset([*range(0, 9), *range(14, 27), *range(28, 32), 127])
"""Control bytes that plain text does not hold (tab, newlines, form feed and ESC are allowed)."""

MAX_CONTROL_SHARE = 0.02
"""More control bytes than this share of the file means it is binary."""

MAX_UTF8_REPAIRS = 8
"""At most this many broken sequences are repaired (as U+FFFD) in an otherwise UTF-8 file..."""

UTF8_GOOD_PER_BAD = 10
"""...and only when there are at least this many good non-ASCII characters per broken one."""

UTF16_GOOD_PER_BAD = 3
"""UTF-16 without a byte-order mark is a guess: its non-ASCII characters must hold at least
this many common ones per rare one (the wrong byte order, or binary data, gives mostly rare)."""


UTF16_ASCII_NULS = 0.9
"""Text in Latin letters read as UTF-16 has a NUL high byte in nearly every character."""
UTF16_MIN_CHARS = 4
UTF16_MIN_COMMON = 2
"""Chinese text read as UTF-16 must show at least this many common characters: a few stray
bytes with a NUL among them (``000\\x00``) are no UTF-16 text."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode a source file's bytes; return ``(text, encoding)`` or raise SourceError."""
    if not data.strip():
        raise SourceError("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _with_bom(data, codec)
    _refuse_magic(data)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _repaired_utf8(data)
    if repaired is not None:
        return repaired, "utf-8"
    return _decode_cjk(data)


def _with_bom(data: bytes, codec: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SourceError(f"starts with a {codec.upper()} byte-order mark but is not valid {codec}") from exc
    if not text.strip():
        raise SourceError("empty file")
    return text, codec


def _refuse_magic(data: bytes) -> None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise SourceError(f"binary file ({kind}), not text")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` when ``data`` is UTF-16 (LE or BE) without a byte-order mark, else None.

    An ASCII character (a line break, a digit) has a NUL high byte: at odd offsets in LE, even
    ones in BE, so the side holding more NULs says which byte order to try first. A decoding
    counts only when it is strict and reads as text: few control characters, its non-ASCII
    characters mostly common (the wrong order turns CJK into rare characters).
    """
    if len(data) % 2 or b"\x00" not in data:
        return None
    order = ("utf-16-le", "utf-16-be")
    if data[0::2].count(0) > data[1::2].count(0):
        order = order[::-1]
    for codec in order:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        high = data[1::2] if codec == "utf-16-le" else data[0::2]
        ascii_text = high.count(0) >= UTF16_ASCII_NULS * len(high) and len(high) >= UTF16_MIN_CHARS
        if _reads_as_text(text) and (ascii_text or _common_count(text) >= UTF16_MIN_COMMON):
            return text, codec
    return None


def _common_count(text: str) -> int:
    """How many characters of ``text`` are common CJK characters (punctuation aside)."""
    common = common_chars()
    return sum(1 for ch in text if ch in common)


def _reads_as_text(text: str) -> bool:
    """Something visible, few control characters, and mostly common non-ASCII characters."""
    controls = sum(text.count(chr(c)) for c in CONTROL_BYTES)
    good, bad = tally(text)
    return (
        bool(text.strip()) and controls <= MAX_CONTROL_SHARE * len(text) and good >= UTF16_GOOD_PER_BAD * bad
    )


def _refuse_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise SourceError("binary file (contains NUL bytes), not text")
    controls = sum(data.count(bytes([b])) for b in CONTROL_BYTES)
    if controls > MAX_CONTROL_SHARE * len(data):
        raise SourceError("binary file (mostly control bytes), not text")


def _repaired_utf8(data: bytes) -> str | None:
    """The text when ``data`` is UTF-8 but for a few broken sequences, else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if 0 < bad <= MAX_UTF8_REPAIRS and good >= UTF8_GOOD_PER_BAD * bad:
        return text
    return None


def _decode_cjk(data: bytes) -> tuple[str, str]:
    """GB18030 against Big5: the strict decoding with the better score wins (GB18030 on a tie)."""
    candidates: list[tuple[int, str, str, tuple[int, int]]] = []
    for group in (("gb18030",), BIG5_CODECS):
        for codec in group:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            good, bad = tally(text)
            candidates.append((good - bad, codec, text, (good, bad)))
            break
    if not candidates:
        raise SourceError("cannot decode: not UTF-8, GB18030/GBK or Big5 text")
    _, codec, text, (good, bad) = max(candidates, key=lambda c: c[0])  # the first of equals: gb18030
    if good < bad:
        raise SourceError("cannot decode: not UTF-8, GB18030/GBK or Big5 text (decodes to gibberish)")
    return text, codec


def tally(text: str) -> tuple[int, int]:
    """How many non-ASCII characters are common CJK or punctuation (good), how many not (bad).

    The right decoding scores high; a wrong one turns into rare characters. Text whose
    non-ASCII characters are mostly rare is not text in that encoding.
    """
    common = common_chars()
    good = bad = 0
    for ch, n in Counter(text).items():
        if ord(ch) < 128:
            continue
        if ch in common or _is_punctuation(ch):
            good += n
        else:
            bad += n
    return good, bad


def _is_punctuation(ch: str) -> bool:
    """CJK and full-width punctuation, general punctuation (“” … —) and the middle dot."""
    code = ord(ch)
    return 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x206F or code == 0xB7


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The everyday characters of both scripts: GB2312 level 1 and Big5 常用字."""
    chars: set[str] = set()
    for lead, trails, codec in (
        (range(0xB0, 0xD8), range(0xA1, 0xFF), "gb2312"),
        (range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)], "big5"),
    ):
        for b1 in lead:
            for b2 in trails:
                try:
                    chars.add(bytes((b1, b2)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(chars)
