"""The currency registry: how a text writes each currency and how the site names it, loaded once per run.

One owner of currency knowledge (lexicon ``currencies``): the words written before and after a
number, what a bare 元 may stand for, the words of table captions, and the names the site prints.
The figure parser, the metric extractor and the site ask this registry; none keeps a table of
its own. A malformed entry is a :class:`LexiconError` naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set

WHERE = "currencies lexicon"


@dataclass(frozen=True)
class Currencies:
    """Every currency the lexicon knows, as written and as named."""

    prefixes: dict[str, str]
    """Written before a number (US$, 人民币, ¥) -> ISO code, in the lexicon's order."""
    suffixes: dict[str, str]
    """Written after a number (美元, 元, yuan) -> ISO code, in the lexicon's order."""
    yuan: tuple[str, ...]
    """The codes a bare 元 can stand for; the first is the default currency."""
    yuan_by_company: tuple[str, ...]
    """Codes a bare 元 stands for only in the accounts of a company that reports in them (HKD)."""
    yuan_wording: dict[str, tuple[str, ...]]
    """Code a bare 元 can stand for -> the wording of the market where it does (年增, 法说会 -> TWD)."""
    exchange_currencies: dict[str, str]
    """Exchange (TWSE) -> the currency its companies report in, where that is one a bare 元 can mean."""
    unknown_endings: tuple[str, ...]
    """How a currency word the lists do not know ends (越南盾, 泰铢)."""
    range_prefixes: tuple[str, ...]
    """Currency words that may open the second end of a range (至人民币120亿元)."""
    caption_before: tuple[str, ...]
    """In a table caption, the currency words written before the magnitude (人民币百万元)."""
    caption_after: tuple[str, ...]
    """In a table caption, the currency words written after the magnitude (亿元, million yuan)."""
    caption_named: tuple[str, ...]
    """Currency words a caption may name anywhere (RMB in millions)."""
    names: dict[str, str]
    """ISO code -> how the site names it after a magnitude (元, 美元)."""
    sort_rates: dict[str, float]
    """ISO code -> yuan per unit, rough: only what orders figures in several currencies."""
    declaration_before: tuple[str, ...] = ()
    """Words before a currency that declare it for every amount (所有金额以 港元 列示)."""
    declaration_after: tuple[str, ...] = ()
    """Words after the currency in such a declaration (列示, 为单位)."""
    yuan_wording_shared: tuple[str, ...] = ()
    """Wording several markets write (按年, 按季): it counts for none of them in ``yuan_wording``."""
    not_accounts: tuple[str, ...] = ()
    """Words of a clause whose amounts are no figure of the accounts (成交, 收报, 折合)."""
    listing_yuan: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Exchange (HKEX) -> what a bare 元 stands for in its market's press, for a company listed only
    there, and that press's wording (按年): (HKD, (按年, 按季))."""

    def sort_value(self, value: float, code: str) -> float:
        """``value`` in yuan at the rough sort rate (as is for a currency without one)."""
        return value * self.sort_rates.get(code.upper(), 1.0)

    @property
    def default(self) -> str:
        """The currency of a company that names none (the first a bare 元 stands for)."""
        return self.yuan[0]

    def code(self, word: str) -> str | None:
        """The ISO code of a written currency word (case aside), or None."""
        return self._codes().get(word.lower())

    def name(self, code: str) -> str | None:
        """How the site names the currency ``code`` (case aside), or None when it is no currency."""
        return self.names.get(code.upper())

    @cache  # noqa: B019 - the registry is immutable and lives as long as the run
    def _codes(self) -> dict[str, str]:
        codes: dict[str, str] = {}
        for table in (self.prefixes, self.suffixes):
            for word, code in table.items():
                codes.setdefault(word.lower(), code)
        return codes

    def __hash__(self) -> int:
        return id(self)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool) or str(value) == "":
        raise LexiconError(f"{where} must be a text", WHERE)
    return str(value)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise LexiconError(f"{where} must be a list", WHERE)
    return tuple(_text(v, f"{where}[{i}]") for i, v in enumerate(value))


def _table(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise LexiconError(f"{where} must map words to currency codes", WHERE)
    return {_text(k, where): _text(v, f"{where}.{k}") for k, v in value.items()}


def parse(data: Any) -> Currencies:
    """The ``currencies`` lexicon as a typed registry; LexiconError names a bad field."""
    if not isinstance(data, dict):
        raise LexiconError("the top level must be a mapping", WHERE)
    captions = data.get("captions")
    if not isinstance(captions, dict):
        raise LexiconError("captions must be a mapping", WHERE)
    yuan = _texts(data.get("yuan"), "yuan")
    if not yuan:
        raise LexiconError("yuan must name at least one currency", WHERE)
    wording = data.get("yuan_wording") or {}
    if not isinstance(wording, dict):
        raise LexiconError("yuan_wording must map currency codes to word lists", WHERE)
    declarations = data.get("declarations") or {}
    if not isinstance(declarations, dict):
        raise LexiconError("declarations must be a mapping", WHERE)
    return Currencies(
        prefixes=_table(data.get("prefixes"), "prefixes"),
        suffixes=_table(data.get("suffixes"), "suffixes"),
        yuan=yuan,
        yuan_by_company=_texts(data.get("yuan_by_company") or [], "yuan_by_company"),
        yuan_wording={_text(k, "yuan_wording"): _texts(v, f"yuan_wording.{k}") for k, v in wording.items()},
        exchange_currencies=_table(data.get("exchange_currencies") or {}, "exchange_currencies"),
        unknown_endings=_texts(data.get("unknown_endings"), "unknown_endings"),
        range_prefixes=_texts(data.get("range_prefixes"), "range_prefixes"),
        caption_before=_texts(captions.get("before"), "captions.before"),
        caption_after=_texts(captions.get("after"), "captions.after"),
        caption_named=_texts(captions.get("named"), "captions.named"),
        names=_table(data.get("names"), "names"),
        sort_rates=_rates(data.get("sort_rates") or {}),
        declaration_before=_texts(declarations.get("before") or [], "declarations.before"),
        declaration_after=_texts(declarations.get("after") or [], "declarations.after"),
        yuan_wording_shared=_texts(data.get("yuan_wording_shared") or [], "yuan_wording_shared"),
        not_accounts=_texts(data.get("not_accounts") or [], "not_accounts"),
        listing_yuan=_listing_yuan(data.get("listing_yuan") or {}),
    )


def _listing_yuan(value: Any) -> dict[str, tuple[str, tuple[str, ...]]]:
    if not isinstance(value, dict):
        raise LexiconError("listing_yuan must map exchanges to {currency, wording}", WHERE)
    out = {}
    for exchange, entry in value.items():
        where = f"listing_yuan.{exchange}"
        if not isinstance(entry, dict):
            raise LexiconError(f"{where} must be a mapping with currency and wording", WHERE)
        out[_text(exchange, "listing_yuan")] = (
            _text(entry.get("currency"), f"{where}.currency"),
            _texts(entry.get("wording"), f"{where}.wording"),
        )
    return out


def _rates(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise LexiconError("sort_rates must map currency codes to numbers", WHERE)
    out = {}
    for k, v in value.items():
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v <= 0:
            raise LexiconError(f"sort_rates.{k} must be a positive number", WHERE)
        out[_text(k, "sort_rates").upper()] = float(v)
    return out


@per_lexicon_set
def currencies() -> Currencies:
    """The registry of the current lexicons (bundled plus the project's), built once."""
    return parse(load("currencies"))
