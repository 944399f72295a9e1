"""The metrics lexicon compiled into matchers: metric words, change wording, scope cues, exclusions.

All the wording lives in ``generator/lexicon/data/metrics.yaml``; this module only turns it into
regular expressions and small questions (is this a year-on-year change? which scope cue is
nearest?) that :mod:`generator.extract.metrics.extractor` asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator import lexicon
from generator.errors import SummaryError
from generator.extract.numbers import Amount, Percent

if TYPE_CHECKING:
    from generator.extract.metrics.extractor import Context, Word

CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "首": 1, "次": 2}  # 首季/次季: Hong Kong wording
PUNCT_OR_SPACE = re.compile(r"[\s\W\d_]")
JOINERS = "及和与、&"
"""Characters that join two business lines' names (在线营销服务及其他收入)."""
NEAR_DIRECTION = 6  # at most this many characters between 增长 and its percentage


@dataclass(frozen=True)
class Cue:
    """A scope cue found in a text."""

    start: int
    end: int
    scope: str
    quarter: int | None = None
    year: int | None = None
    fiscal: bool = False
    """True when the quarter or year is named as fiscal (第四财季, 2024财年)."""


def _pattern(words: list[str]) -> str:
    """An alternation of ``words``, longest first; ASCII words only match as whole words."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        esc = re.escape(w)
        parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if w.isascii() and w[-1:].isalpha() else esc)
    return "|".join(parts) if parts else r"(?!x)x"


def _regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(_pattern(words), re.IGNORECASE)


class Rules:
    """The metrics lexicon, ready to match against ``Line.norm``."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.metrics: dict[str, dict[str, Any]] = data["metrics"]
            self._word_to_metric: dict[str, tuple[str, bool]] = {}
            self._variants: dict[str, dict[str, list[str]]] = {}
            self._base: dict[str, str] = {}
            self._needs_head: set[str] = set()
            self._group_words: set[str] = set()
            self._line_words: dict[str, str] = {}
            self._preferred: set[str] = set()
            self._unit_metrics: set[str] = set()
            for mid, spec in self.metrics.items():
                for w in spec.get("words", []):
                    self._word_to_metric.setdefault(w.lower(), (mid, False))
                for w in spec.get("loss_words", []):
                    self._word_to_metric.setdefault(w.lower(), (mid, True))
                self._needs_head |= {w.lower() for w in spec.get("needs_head", [])}
                self._group_words |= {w.lower() for w in spec.get("group_words", [])}
                keep = spec.get("line_keep") or {}
                self._line_words |= {w.lower(): keep.get(w, "") for w in spec.get("line_words", [])}
                self._preferred |= {w.lower() for w in spec.get("preferred", [])}
                if spec.get("unit_metric"):
                    self._unit_metrics.add(mid)
                self._variants[mid] = {
                    vid: _flatten(cues) for vid, cues in (spec.get("variants") or {}).items()
                }
                for vid in self._variants[mid]:
                    self._base[vid] = mid
                if spec.get("segment_metric"):
                    self._base.setdefault(spec["segment_metric"], mid)
            self._ignore = {w.lower() for w in data.get("ignore", [])}
            self._words_re = _regex(list(self._word_to_metric) + list(self._ignore))
            self._heads = data.get("heads", [])
            self.yoy_re = _regex(data["yoy_cues"])
            self.qoq_re = _regex(data["qoq_cues"])
            self.up_re = _regex(data["up_words"])
            self.down_re = _regex(data["down_words"])
            self.direction_re = _regex(data["up_words"] + data["down_words"])
            self._up = {w.lower() for w in data["up_words"]}
            self.prior_re = _regex(data["prior_markers"])
            self.to_words: list[str] = data["to_words"]
            self._sentence_excluded_re = _regex(data.get("sentence_exclusions", []))
            self._cite_res = [re.compile(p, re.IGNORECASE) for p in data.get("cite_patterns", [])]
            self._own_sources = data.get("own_sources", [])
            self._restated_re = _regex(data.get("restated_cues", []))
            self.other_quantities: list[str] = data.get("other_quantities", [])
            self._gaap_re = _regex(data.get("gaap_cues", []))
            compare = data.get("comparison_words") or {}
            self._compare_before: list[str] = compare.get("before", [])
            self._compare_after: list[str] = compare.get("after", [])
            self._approx_before = sorted(data["approx_before"], key=len, reverse=True)
            self._approx_after = data["approx_after"]
            self.conversion_cues: list[str] = data["conversion_cues"]
            self._list_re = _regex(data["list_cues"])
            exclusions: dict[str, list[str]] = data["exclusions"]
            self.rivals: list[str] = exclusions.get("rivals", [])
            self._excluded_kinds = [(kind, _regex(ws)) for kind, ws in sorted(exclusions.items())]
            self._scope_res = [
                (scope, re.compile(p, re.IGNORECASE)) for scope, ps in data["scope_cues"].items() for p in ps
            ]
            self._point_in_time = set(data.get("point_in_time", []))
            self.unit_nouns: list[str] = data.get("unit_nouns", [])
            self._rate_nouns = sorted(data.get("rate_nouns", []), key=len, reverse=True)
            self._flat_re = _regex(data.get("flat_words", []))
            self._double_re = _regex(data.get("double_words", []))
            self._hedges = data.get("hedges", [])
            change_words = data.get("flat_words", []) + data.get("double_words", [])
            self._reset_re = _regex(
                data["up_words"]
                + data["down_words"]
                + ["至", "到", "达到", "变为"]
                + data["current_markers"]
                + change_words
            )
            self._guidance_re = _regex(data.get("guidance_cues", []))
            subjects = data.get("subjects") or {}
            self.period_words: list[str] = subjects.get("period_words", [])
            self.own_subjects: list[str] = subjects.get("own", [])
            self.fillers: list[str] = sorted(subjects.get("fillers", []), key=len, reverse=True)
            self.not_line_endings: list[str] = subjects.get("not_line_endings", [])
            self.not_in_line: list[str] = subjects.get("not_in_line", [])
            self.not_line_starts: list[str] = subjects.get("not_line_starts", [])
            self.group_prefixes: set[str] = {w.lower() for w in subjects.get("group", [])}
            self.max_line_chars = int(subjects.get("max_line_chars", 16))
            self.verbs: list[str] = sorted(subjects.get("verbs", []), key=len, reverse=True)
            self.dropped_unit_nouns: list[str] = subjects.get("dropped_unit_nouns", [])
            self.incomplete_names: list[str] = subjects.get("incomplete_names", [])
            not_units = subjects.get("not_units") or {}
            self.region_names: set[str] = set(not_units.get("regions", []))
            self.region_endings: list[str] = not_units.get("region_endings", [])
            self.audience_words: list[str] = not_units.get("audience_words", [])
            self.hedged_change_cues: list[str] = sorted(
                data.get("hedged_change_cues", []), key=len, reverse=True
            )
            self._ratio_effect_re = _regex(data.get("ratio_effects", []))
            self._after_bounds = sorted(data.get("after_bounds", []), key=len, reverse=True)
            self._quote_re = _regex(data.get("quote_cues", []))
            self._not_guidance_re = _regex(data.get("not_guidance", []))
            self._from_words: list[str] = data.get("from_words", [])
            self._loss_re = _regex(data.get("loss_cues", []))
            self._profit_re = _regex(data.get("profit_cues", []))
            to_ish = [w for w in data["up_words"] + data["down_words"] if w[-1:] in ("至", "到")]
            direction = [w for w in data["up_words"] + data["down_words"] if w not in to_ish]
            self._delta_re = re.compile(
                rf"(?:{_pattern(direction)})\s*(?:了|by|of)?\s*(?:{_pattern(data['approx_before'])})?\s*$",
                re.IGNORECASE,
            )
        except (KeyError, TypeError, AttributeError, re.error) as exc:
            raise SummaryError(
                f"metrics lexicon: missing or malformed field {exc}", "lexicons/metrics.yaml"
            ) from exc

    # ----------------------------------------------------------------- metric words

    def kind(self, metric: str) -> str:
        """money | per_share | per_user | ratio | users | count for any metric id (a variant: its base's)."""
        while metric not in self.metrics and metric in self._base:
            metric = self._base[metric]
        return self.metrics.get(metric, {}).get("kind", "money")

    def is_point_in_time(self, metric: str) -> bool:
        """True for balances (a remaining authorisation) that have no reporting scope."""
        return metric in self._point_in_time

    def find_words(self, text: str, ctx: Context) -> list[Word]:
        """Metric words in ``text``, longest match first, without ignored look-alikes."""
        from generator.extract.metrics.extractor import Word

        found = []
        for m in self._words_re.finditer(text):
            key = m.group(0).lower()
            if key in self._ignore and m.start() > 0 and text[m.start() - 1] in JOINERS:
                inner = self._inner_word(key)  # 在线营销服务及其他收入: a business line's name, not 其他收入
                if inner:
                    metric, loss = self._word_to_metric[inner]
                    found.append(Word(m.end() - len(inner), m.end(), metric, loss))
                continue
            if key in self._ignore or key not in self._word_to_metric:
                continue
            if (
                key in self._needs_head
                and key not in self._line_words
                and not self._has_head(text[: m.start()], ctx)
            ):
                continue
            metric, loss = self._word_to_metric[key]
            found.append(Word(m.start(), m.end(), metric, loss))
        return found

    def _inner_word(self, ignored: str) -> str | None:
        """The longest metric word an ignored look-alike ends with (收入 of 其他收入)."""
        for i in range(1, len(ignored)):
            if ignored[i:] in self._word_to_metric:
                return ignored[i:]
        return None

    def _has_head(self, before: str, ctx: Context) -> bool:
        """True when what stands before a bare word (收入) lets it name the whole figure."""
        before = before.rstrip()
        if not before or PUNCT_OR_SPACE.match(before[-1]):
            return True
        names = self._heads + ctx.own_names + list(ctx.segments)
        return any(before.endswith(n) for n in names)

    def is_group_word(self, word: str) -> bool:
        """True for words that name the whole group's figure (总收入)."""
        return word.lower() in self._group_words

    def line_keep(self, word: str) -> str | None:
        """For a word a business line's name may stand before (收入), what of it joins the name (销售 of
        销售收入); None for other words."""
        return self._line_words.get(word.lower())

    def is_preferred(self, word: str) -> bool:
        """True for the wording kept when a call gives two values of a figure (归母净利润, not 期内利润)."""
        return word.lower() in self._preferred or word.lower() in self._group_words

    def is_unit_metric(self, metric: str) -> bool:
        """True for figures only a business unit reports (CMR): a unit named before it is no segment."""
        return metric in self._unit_metrics

    def is_ratio_effect(self, between: str) -> bool:
        """True when the words between a ratio and its percentage make it an effect (毛利率稀释约2%)."""
        return bool(self._ratio_effect_re.search(between))

    def is_bound(self, after: str) -> bool:
        """True when the words right after a figure make it a bound or a goal (53%及以上的目标)."""
        after = after.lstrip()
        return any(after.startswith(w) for w in self._after_bounds)

    def is_quote(self, sentence: str) -> bool:
        """True when a sentence is a share quote (收报406港元, 成交额约120亿港元)."""
        return bool(self._quote_re.search(sentence))

    def variant(self, metric: str, window: str) -> tuple[str, int] | None:
        """The variant id whose modifier stands in ``window`` (and the modifier's offset)."""
        for vid, cues in sorted(self._variants.get(metric, {}).items()):
            m = _regex(cues).search(window)
            if m:
                return vid, m.start()
        return None

    def variant_cues(self, metric: str) -> list[str]:
        """Every modifier cue of ``metric``'s variants."""
        return [c for cues in self._variants.get(metric, {}).values() for c in cues]

    # ----------------------------------------------------------------- figures

    def excluded(self, text: str) -> bool:
        """True when ``text`` holds a cue of someone else's figure (market, consensus, share price…)."""
        return self.excluded_kind(text) is not None

    def excluded_kind(self, text: str) -> str | None:
        """The kind of exclusion cue in ``text`` (market, consensus, guidance…); guidance only when alone."""
        cleaned = self._not_guidance_re.sub(" ", text)  # 根据股份回购计划: a plan under way, not a plan
        kinds = [
            kind for kind, rx in self._excluded_kinds if rx.search(cleaned if kind == "guidance" else text)
        ]
        others = [k for k in kinds if k != "guidance"]
        return others[0] if others else (kinds[0] if kinds else None)

    def cites_others(self, text: str) -> bool:
        """True when a sentence prefix cites a third party's data (协会, 统计局, 据X数据, 根据X的预测…)."""
        if self._sentence_excluded_re.search(text):
            return True
        for rx in self._cite_res:
            for m in rx.finditer(text):
                source = m.group("src") if "src" in rx.groupindex else m.group(0)
                for cue in sorted(self.scope_cues(source), key=lambda c: -c.start):
                    source = source[: cue.start] + source[cue.end :]  # 根据第三季度的数据: our own period
                if re.search(r"[\u4e00-\u9fffA-Za-z]", source.replace("的", "")) and not any(
                    w in source for w in self._own_sources
                ):
                    return True
        return False

    def is_restated(self, sentence_before: str) -> bool:
        """True when a sentence restates a figure on another basis before it (按固定汇率计算…)."""
        return bool(self._restated_re.search(sentence_before))

    def names_gaap(self, text: str) -> bool:
        """True when ``text`` names the GAAP/IFRS figure itself (按美国通用会计准则)."""
        return bool(self._gaap_re.search(text))

    def is_adjusted_variant(self, metric: str) -> bool:
        """True for an adjusted (non-GAAP) variant id of another metric."""
        return metric.startswith("non_gaap_") and metric in self._base

    def adjusted_variant(self, metric: str) -> str | None:
        """The adjusted (non-GAAP) variant id of ``metric``, or None when it has none."""
        found = [v for v in self._variants.get(metric, {}) if v.startswith("non_gaap_")]
        return found[0] if found else None

    def is_adjusted_lead(self, metric: str, clause: str) -> bool:
        """True when a clause is only the adjusted modifier of ``metric`` before a figure
        (非美国通用会计准则下为): the adjusted value of the figure just given."""
        adjusted = self.adjusted_variant(metric)
        if adjusted is None:
            return False
        cues = _pattern(self._variants[metric][adjusted])
        lead = rf"\s*(?:{cues})\s*(?:下|口径下|口径|计|基础上)?\s*的?\s*(?:为|是|达|则为|则是)?\s*"
        return re.fullmatch(lead, clause, re.IGNORECASE) is not None

    def count_unit(self, metric: str) -> str | None:
        """For a count metric, the unit it is reported in (vehicles, orders)."""
        return self.metrics.get(metric, {}).get("unit")

    def counts_this(self, metric: str, gap: str) -> bool:
        """True when the words between a count's word and its figure name nothing else counted: only
        to-words, hedges and the metric's own objects (交付了…辆, 交付量达到…, 交付新车…)."""
        allowed = self.to_words + self._approx_before + self.metrics[metric].get("objects", []) + ["了", "的"]
        rest = re.sub(r"[\s,，]", "", gap)
        for w in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(w, "")
        return not rest

    def names_other_amount(self, metric: str, gap: str) -> bool:
        """True when the words between a metric word and an amount make the amount something else
        (股份回购计划，规模最高为30亿美元: a programme's size, not money spent)."""
        words = self.metrics.get(metric, {}).get("not_between", [])
        low = gap.lower()
        return any(str(w).lower() in low for w in words)

    def counters(self, metric: str) -> list[str]:
        """For a count metric, the counters its figures may carry (辆 -> vehicles)."""
        return list(self.metrics.get(metric, {}).get("counters", []))

    def is_list(self, text: str) -> bool:
        """True when ``text`` announces a list of figures for several periods (分别为)."""
        return bool(self._list_re.search(text))

    def prior_before(self, before: str) -> bool:
        """True when the figure right after ``before`` is an earlier period's (上年同期的2055.55亿元)."""
        last = None
        for m in self.prior_re.finditer(before):
            last = m
        if last is None:
            return False
        return not self._reset_re.search(before[last.end() :])

    is_prior = prior_before

    @staticmethod
    def ends_with(text: str, cues: list[str]) -> bool:
        """True when ``text`` (stripped) ends with one of ``cues``."""
        text = text.rstrip()
        return any(text.endswith(c) for c in cues)

    def approximate(self, text: str, amount: Amount, sentence_start: int) -> bool:
        """True when 近/约/超过… stands just before ``amount`` or 左右 just after it."""
        before = text[sentence_start : amount.start].rstrip()
        if any(before.endswith(w) for w in self._approx_before):
            return True
        after = text[amount.end :].lstrip()
        return any(after.startswith(w) for w in self._approx_after)

    def change_of(self, text: str, pct: Percent, clause_start: int) -> tuple[str, float] | None:
        """("yoy" | "qoq" | "pp", signed value) when ``pct`` is a change; None when it is a level."""
        before = text[clause_start : pct.start]
        if self.ends_with(before, self.to_words) and not self._rate_before_to(before):
            return None  # 增长至20.5%: a level (but 增幅为8% is a change)
        direction = None
        for m in self.direction_re.finditer(before):
            gap = before[m.end() :]
            if len(gap.strip()) <= NEAR_DIRECTION and not re.search(r"\d", gap):
                direction = m.group(0).lower()
        if direction is None:
            after = re.match(
                r"\s*的?[^,。;!?]{0,8}?(" + self.direction_re.pattern + ")", text[pct.end :], re.I
            )
            if after and not re.search(r"\d", after.group(0)):
                direction = after.group(1).lower()
        tail = re.match(r"[^,;。!?]{0,30}", text[pct.end :])
        following = tail.group(0) if tail else ""  # up 8% year over year: English names the period after
        qoq = self.qoq_re.search(before) or (not self.yoy_re.search(before) and self.qoq_re.search(following))
        yoy = self.yoy_re.search(before) or self.yoy_re.search(following)
        if pct.points:
            kind = "pp"
        elif qoq:
            kind = "qoq"
        elif yoy or direction is not None:
            kind = "yoy"
        else:
            return None
        if direction is None and not yoy and not qoq:
            return None
        value = float(pct.value)
        if direction is not None and direction not in self._up:
            value = -abs(value)
        return kind, value

    def _rate_before_to(self, before: str) -> bool:
        """True when ``before`` ends with a rate noun and a to-word (增幅为, 增速达)."""
        stem = before.rstrip()
        for w in sorted(self.to_words, key=len, reverse=True):
            if stem.endswith(w):
                stem = stem[: -len(w)].rstrip()
                break
        return any(stem.endswith(n) for n in self._rate_nouns)

    def wording_changes(self, text: str) -> list[Percent]:
        """Changes written in words after a yoy/qoq cue: 同比持平 (0), 同比翻倍 (+100)."""
        found = []
        for rx, value in ((self._flat_re, 0), (self._double_re, 100)):
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 8) : m.start()]
                cues = list(self.yoy_re.finditer(before)) + list(self.qoq_re.finditer(before))
                if not cues or any(before.rstrip().endswith(h) for h in self._hedges):
                    continue
                if not re.search(r"\d", before[max(c.end() for c in cues) :]):
                    found.append(Percent(m.start(), m.end(), value, points=False, wording=True))
        return found

    def is_guidance(self, sentence_before: str) -> bool:
        """True when a sentence speaks of the future before a figure (预计下季度收入…, 指引, 展望)."""
        cleaned = self._not_guidance_re.sub(" ", sentence_before)
        return bool(self._guidance_re.search(cleaned))

    def is_delta(self, before: str) -> bool:
        """True when the amount after ``before`` is a change (同比增加50亿元), not a level."""
        return bool(self._delta_re.search(before))

    def is_from(self, before: str, after: str) -> bool:
        """True for the starting figure of 从A…至B: ``before`` ends with 从 and a to-word follows."""
        if not self.ends_with(before, self._from_words):
            return False
        return any(w in after for w in ("至", "到", " to "))

    def says_loss(self, between: str) -> bool:
        """True when the words between a profit word and its amount make it a loss (净利润亏损3亿元)."""
        last_loss = max((m.end() for m in self._loss_re.finditer(between)), default=-1)
        if last_loss < 0:
            return False
        return not self._profit_re.search(between)

    # ----------------------------------------------------------------- scope

    def scope_cues(self, text: str) -> list[Cue]:
        """Every scope cue in ``text`` (except those inside 上季度 / 上年同期 wording or a metric word)."""
        priors = [(m.start(), m.end()) for m in self.prior_re.finditer(text)]
        words = [(m.start(), m.end()) for m in self._words_re.finditer(text)]
        cues = []
        for scope, rx in self._scope_res:
            for m in rx.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in priors):
                    continue
                if any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in words):
                    continue  # 年度股息: part of a metric's name, not a period
                if self._compared(text, m.start(), m.end()):
                    continue  # 较一季度的91.7%: the period compared with, not the figure's
                cues.append(_cue(scope, m))
        return cues

    def _compared(self, text: str, start: int, end: int) -> bool:
        """True when the period at [start, end) is named as a comparison (较一季度, 与上半年相比)."""
        before = text[max(0, start - 3) : start].rstrip()
        after = text[end : end + 4].lstrip()
        return any(before.endswith(w) for w in self._compare_before) or any(
            after.startswith(w) for w in self._compare_after
        )

    def nearest_scope(self, text: str, pos: int) -> Cue | None:
        """The scope cue that ends nearest before ``pos`` (the longest one on ties)."""
        before = [c for c in self.scope_cues(text) if c.end <= pos]
        return max(before, key=lambda c: (c.end, -c.start), default=None)


def _flatten(items: Any) -> list[str]:
    """A cue list with its nested lists (YAML aliases of shared lists) spliced in."""
    if not isinstance(items, list):
        return [items]
    return [w for item in items for w in _flatten(item)]


def _cue(scope: str, m: re.Match[str]) -> Cue:
    groups = {k: v for k, v in m.groupdict().items() if v}
    quarter = year = None
    fiscal = False
    if "fq" in groups:
        quarter, fiscal = _quarter(groups["fq"]), True
    elif "q" in groups or "q2" in groups or "q3" in groups:
        quarter = _quarter(groups.get("q") or groups.get("q2") or groups["q3"])
        fiscal = "财年" in m.group(0)
    if "fy" in groups or "fy2" in groups:
        y = int(groups.get("fy") or groups["fy2"])
        year, fiscal = (y + 2000 if y < 100 else y), True
    elif "y" in groups or "yy" in groups:
        year = int(groups["y"]) if "y" in groups else 2000 + int(groups["yy"])
        fiscal = fiscal or "财年" in m.group(0)
    return Cue(m.start(), m.end(), scope, quarter, year, fiscal)


def _quarter(text: str) -> int:
    return CN_QUARTER.get(text) or int(text)


_COMPILED: dict[int, Rules] = {}


def load_rules() -> Rules:
    """The metrics lexicon (bundled + user extension), compiled once per loaded lexicon."""
    data = lexicon.load("metrics")
    if id(data) not in _COMPILED:
        _COMPILED[id(data)] = Rules(data)
    return _COMPILED[id(data)]
