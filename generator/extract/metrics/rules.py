"""The metrics lexicon compiled into matchers: metric words, whose figure it is, exclusions.

All the wording lives in ``generator/lexicon/data/metrics.yaml``; this module only turns it into
regular expressions and small questions (which metric does this word name? is this someone
else's figure?). Change wording is compiled by :mod:`generator.extract.metrics.changes`
(``Rules.change``) and scope cues by :mod:`generator.extract.metrics.cues` (``Rules.cues``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator import lexicon
from generator.errors import SummaryError
from generator.extract.metrics.changes import ChangeWording
from generator.extract.metrics.cues import ScopeCues
from generator.extract.metrics.patterns import flatten, pattern, regex
from generator.extract.metrics.shapes import Word
from generator.lexicon.words import longest_first

PUNCT_OR_SPACE = re.compile(r"[\s\W\d_]")
JOINERS = "及和与、&"
"""Characters that join two business lines' names (在线营销服务及其他收入)."""


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
                    vid: flatten(cues) for vid, cues in (spec.get("variants") or {}).items()
                }
                for vid in self._variants[mid]:
                    self._base[vid] = mid
                if spec.get("segment_metric"):
                    self._base.setdefault(spec["segment_metric"], mid)
            self._ignore = {w.lower() for w in data.get("ignore", [])}
            self._words_re = regex(list(self._word_to_metric) + list(self._ignore))
            self._heads = data.get("heads", [])
            self.alias_cues: list[str] = data.get("alias_cues", [])
            self._contribution = longest_first(data.get("contribution_words", []))
            """Wording that gives a short name in brackets (以下简称“蜜雪集团”)."""
            self.change = ChangeWording(data)
            """Change wording: change or level, delta, earlier period, approximate, loss."""
            self.cues = ScopeCues(data, self.change.prior_re, self._words_re)
            """Scope cues: which period a text names."""
            self._sentence_excluded_re = regex(data.get("sentence_exclusions", []))
            self._cite_res = [re.compile(p, re.IGNORECASE) for p in data.get("cite_patterns", [])]
            self._own_sources = data.get("own_sources", [])
            self._restated_re = regex(data.get("restated_cues", []))
            self.shared_signs: dict[str, list[tuple[str, re.Pattern[str]]]] = {
                str(sign): [(str(code), regex([str(w) for w in words])) for code, words in by_code.items()]
                for sign, by_code in (data.get("shared_currency_signs") or {}).items()
            }
            """A sign two currencies share -> (currency, its words' pattern), usual one first."""
            self._without_effect_res = [re.compile(p, re.IGNORECASE) for p in data.get("without_effect", [])]
            self._adjusted_re = regex(flatten(data.get("adjusted_cues", [])))
            self.other_quantities: list[str] = data.get("other_quantities", [])
            self._gaap_re = regex(data.get("gaap_cues", []))
            self._cause_re = regex(data.get("cause_cues", []))
            self.conversion_cues: list[str] = data["conversion_cues"]
            exclusions: dict[str, list[str]] = data["exclusions"]
            self.rivals: list[str] = exclusions.get("rivals", [])
            self._excluded_kinds = [(kind, regex(ws)) for kind, ws in sorted(exclusions.items())]
            # and these patterns (an estimate year label, 2025E): kind -> regular expressions
            for kind, ps in sorted((data.get("exclusion_patterns") or {}).items()):
                self._excluded_kinds.append((kind, re.compile("|".join(f"(?:{p})" for p in ps))))
            self._excluded_kinds.sort(key=lambda pair: pair[0])
            self._point_in_time = set(data.get("point_in_time", []))
            self.unit_nouns: list[str] = data.get("unit_nouns", [])
            self._guidance_re = regex(data.get("guidance_cues", []))
            subjects = data.get("subjects") or {}
            self.period_words: list[str] = subjects.get("period_words", [])
            self.period_phrases = [re.compile(p) for p in subjects.get("period_phrases", [])]
            self.own_subjects: list[str] = subjects.get("own", [])
            self.fillers: list[str] = longest_first(subjects.get("fillers", []))
            self.qualifiers: list[str] = longest_first(flatten(subjects.get("qualifiers", [])))
            self.not_line_endings: list[str] = subjects.get("not_line_endings", [])
            self.not_in_line: list[str] = subjects.get("not_in_line", [])
            self.not_line_starts: list[str] = subjects.get("not_line_starts", [])
            self.group_prefixes: set[str] = {w.lower() for w in subjects.get("group", [])}
            self.max_line_chars = int(subjects.get("max_line_chars", 16))
            self.verbs: list[str] = longest_first(subjects.get("verbs", []))
            self.dropped_unit_nouns: list[str] = subjects.get("dropped_unit_nouns", [])
            self.incomplete_names: list[str] = subjects.get("incomplete_names", [])
            not_units = subjects.get("not_units") or {}
            self.audience_words: list[str] = not_units.get("audience_words", [])
            english = subjects.get("english") or {}
            self.en_stops: set[str] = {str(w).lower() for w in english.get("stops", [])}
            self.en_group: set[str] = {str(w).lower() for w in english.get("group", [])}
            self.en_after: list[str] = [str(w).lower() for w in english.get("after", [])]
            self.en_after_named: list[str] = [str(w).lower() for w in english.get("after_named", [])]
            self.en_not_units: set[str] = {str(w).lower() for w in english.get("not_units", [])}
            self.en_max_words = int(english.get("max_words", 6))
            self.en_pronouns: set[str] = {str(w).lower() for w in english.get("pronouns", [])}
            self.en_corporate: set[str] = {str(w).lower() for w in english.get("corporate", [])}
            self.en_opening_not_units: set[str] = {
                str(w).lower() for w in english.get("opening_not_units", [])
            }
            self.month_words: set[str] = {str(w).lower() for w in (data.get("month_words") or {})}
            respective = [str(w) for w in data.get("respective_cues", [])]
            leads = [str(w) for w in data.get("list_leads", [])]
            self.list_lead_re = re.compile("|".join(f"(?:{w})" for w in leads)) if leads else None
            self.respective_re = (
                re.compile(r"\s*(?:" + pattern(respective) + ")", re.IGNORECASE) if respective else None
            )
            nouns = longest_first([str(w) for w in english.get("change_nouns", [])])
            self._change_before_re = re.compile(
                rf"(?:(?:{self.change.yoy_re.pattern}|{self.change.qoq_re.pattern})\s*)?"
                rf"(?:{pattern(nouns)})\s+(?:in|of)(?:\s+(?:its|the|our|their))?"
                rf"(?:\s+(?:{pattern(sorted(self.en_group))}))*",  # "a 29% jump in consolidated net profit"
                re.IGNORECASE,
            )
            self.figure_before_gaps: set[str] = {str(w).lower() for w in english.get("figure_before", [])}
            self.figure_joiners: set[str] = {str(w).lower() for w in english.get("figure_joiners", [])}
            self.en_own: set[str] = {str(w).lower() for w in english.get("own", [])}
            self.en_possessives: set[str] = {str(w).lower() for w in english.get("possessives", [])}
            self.hedged_change_cues: list[str] = longest_first(data.get("hedged_change_cues", []))
            self._ratio_effect_re = regex(data.get("ratio_effects", []))
            self._aside_re = regex(data.get("aside_openers", []))
            self._unit_reference_re = regex(data.get("unit_references", []))
            wrapped = data.get("wrapped_lines") or {}
            needs_more = [str(w) for w in wrapped.get("needs_more", [])]
            marks = [str(w) for w in wrapped.get("carry_on_marks", [])]
            self.wrap_end_re = re.compile(
                rf"(?:\b(?:{pattern(needs_more)})|,)\s*$" if needs_more else r",\s*$", re.IGNORECASE
            )
            """The end of a hard-wrapped line that breaks off its sentence (at most a line's tail is read)."""
            self.wrap_start_re = re.compile(
                rf"\s*(?:[a-z0-9(\[),;]|(?:{pattern(marks)})\s?[\d.])" if marks else r"\s*[a-z0-9(\[),;]"
            )
            """The start of a line that carries the one before on."""
            back = data.get("back_references") or {}
            subjects = [str(w) for w in back.get("subjects", [])]
            links = [str(w) for w in back.get("verbs", [])]
            self.back_reference_re = (
                re.compile(rf"(?:^|(?<=[.!?]\s))\s*({pattern(subjects)})\s+(?:{pattern(links)})\b", re.I)
                if subjects and links
                else None
            )
            """A sentence that opens by pointing back at the figure before it (group 1: the subject)."""
            bases = [str(w) for w in data.get("share_base_before", [])]
            self._share_base_re = (
                re.compile(rf"\d\s*%\s*(?:{pattern(bases)})\s+$", re.IGNORECASE) if bases else None
            )
            effects = data.get("effect_verbs") or {}
            verbs = [str(w) for w in effects.get("verbs", [])]
            fillers = [str(w) for w in effects.get("fillers", [])]
            self._effect_before_re = (
                re.compile(
                    rf"\b(?:{pattern(verbs)})\s+(?:(?:{pattern(fillers)})\s+)*$"
                    if fillers
                    else rf"\b(?:{pattern(verbs)})\s+$",
                    re.IGNORECASE,
                )
                if verbs
                else None
            )
            self._effect_gap_re = re.compile(
                rf"\s*(?:{pattern(effects.get('gaps', ['by']))})\s*$", re.IGNORECASE
            )
            self._after_bounds = longest_first(data.get("after_bounds", []))
            self._quote_re = regex(data.get("quote_cues", []))
            self._not_guidance_re = regex(data.get("not_guidance", []))
            opener = data.get("guidance_opener")
            self._guidance_opener_re = re.compile(str(opener)) if opener else None
            periods = data.get("guidance_periods") or {}
            self._guided_periods = [
                (k, regex(periods.get(k, []))) for k in ("next_quarter", "next_year", "this_year")
            ]
            self._range_joiners: list[str] = [str(w).lower() for w in data.get("range_joiners", [])]
            links = [str(w) for w in data.get("compared_period_links", [])]
            self.compared_period_link_re = re.compile(
                rf"\s*(?:{pattern(links)})\s+" if links else r"(?!)", re.IGNORECASE
            )
            """The word that names the period after a change's starting figure ("from RMB28.6 million in")."""
            said = data.get("compared_basis_after") or {}
            said_parts = [
                f"(?P<{kind}>{pattern([str(w) for w in said.get(kind, [])])})"
                for kind in ("qoq", "yoy")
                if said.get(kind)
            ]
            self.compared_basis_re = (
                re.compile(rf"(?:{'|'.join(said_parts)})(?![A-Za-z])", re.IGNORECASE) if said_parts else None
            )
            """The basis after a change's starting figure ("from RMB343.8 million in last quarter")."""
            before = longest_first([str(w) for w in data.get("compared_before_words", [])])
            self.compared_before_re = re.compile("|".join(re.escape(w) for w in before)) if before else None
            compared = longest_first([str(w) for w in data.get("compared_period_words", [])])
            self.compared_period_re = (
                re.compile(
                    r"\s*(?:" + "|".join(re.escape(w) for w in compared) + r")\s+(?:the\s+)?", re.IGNORECASE
                )
                if compared
                else None
            )
        except (KeyError, TypeError, AttributeError, re.error) as exc:
            raise SummaryError(
                f"metrics lexicon: missing or malformed field {exc}", "lexicons/metrics.yaml"
            ) from exc

    # ----------------------------------------------------------------- metric words

    def refers_to_unit(self, text: str) -> bool:
        """True when ``text`` (between a metric word and its figure) says the figure is a unit's named
        before ("a gross margin increase in the segment to nearly 30%")."""
        return bool(self._unit_reference_re.search(text))

    def kind(self, metric: str) -> str:
        """money | per_share | per_user | ratio | users | count for any metric id (a variant: its base's)."""
        while metric not in self.metrics and metric in self._base:
            metric = self._base[metric]
        return self.metrics.get(metric, {}).get("kind", "money")

    def is_point_in_time(self, metric: str) -> bool:
        """True for balances (a remaining authorisation) that have no reporting scope."""
        return metric in self._point_in_time

    def find_words(self, text: str, heads: Iterable[str]) -> list[Word]:
        """Metric words in ``text``, longest match first, without ignored look-alikes.

        ``heads``: the company's names and its units', which let a bare word (收入) name a figure."""
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
                and not self._has_head(text[: m.start()], heads)
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

    def _has_head(self, before: str, heads: Iterable[str]) -> bool:
        """True when what stands before a bare word (收入) lets it name the whole figure."""
        before = before.rstrip()
        if not before or PUNCT_OR_SPACE.match(before[-1]):
            return True
        modifiers = [c for variants in self._variants.values() for cues in variants.values() for c in cues]
        return any(
            before.endswith(n)
            and not (n[:1].isascii() and n[:1].isalpha() and before[: -len(n)][-1:].isalpha())
            for n in [*self._heads, *heads, *modifiers]
        )  # 非国际财务报告准则盈利; "its profit" (not "units profit")

    def sized_as(self, metric: str, word: str | None) -> str | None:
        """The metric an ambiguous ``word`` of ``metric`` names when its figure is far below the
        metric's (净收入 -> net_income); with ``word`` None, that metric whatever the word."""
        spec = self.metrics.get(metric, {})
        target = spec.get("sized")
        if not target or (
            word is not None and word.lower() not in {w.lower() for w in spec.get("sized_words", [])}
        ):
            return None
        return str(target)

    def sized_above(self, metric: str, word: str) -> str | None:
        """The metric an ambiguous ``word`` of ``metric`` names when its figure is far above the metric's
        given by another word (an "operating income" of RMB 1,300 billion beside an operating profit of
        RMB 67.9 billion is the top line, 营业收入 translated), else None."""
        spec = self.metrics.get(metric, {})
        target = spec.get("sized_above")
        if not target or word.lower() not in {w.lower() for w in spec.get("sized_above_words", [])}:
            return None
        return str(target)

    def sized_unsure(self, metric: str, word: str) -> bool:
        """True when ``word`` of ``metric`` is a sized word that names it only above a profit figure
        of the same period (净收益: net revenues of a casino, net income of a translated filing)."""
        spec = self.metrics.get(metric, {})
        return word.lower() in {w.lower() for w in spec.get("sized_unsure", [])}

    def attributed(self, metric: str, word: str, before: str) -> str | None:
        """The metric an ambiguous word names after attribution wording (股东应占…净收入: net income,
        not net revenues), or None when ``before`` (its clause up to the word) holds none."""
        spec = self.metrics.get(metric, {})
        target = spec.get("attributed")
        if not target or word.lower() not in {w.lower() for w in spec.get("attributed_words", [])}:
            return None
        return target if regex(flatten(spec.get("attribution_cues", []))).search(before) else None

    def change_before_word(self, gap: str) -> bool:
        """True when ``gap`` (between a percentage and the metric word after it) makes the percentage
        the word's change: "45% year-over-year growth in (revenues)"."""
        return self._change_before_re.fullmatch(gap.strip()) is not None

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

    def is_contribution(self, before: str) -> bool:
        """True when the words right before a metric word make its figure a part's contribution
        (嘉里物流在第四季度并表贡献归母净利润约3.7亿元)."""
        before = before.rstrip()
        return any(before.endswith(w) for w in self._contribution)

    def is_bound(self, after: str) -> bool:
        """True when the words right after a figure make it a bound or a goal (53%及以上的目标, a closing
        quotation mark between: “MAU破3亿”的目标)."""
        after = after.lstrip().lstrip("”’」』\"'").lstrip()
        return any(after.startswith(w) for w in self._after_bounds)

    def is_quote(self, sentence: str) -> bool:
        """True when a sentence is a share quote (收报406港元, 成交额约120亿港元)."""
        return bool(self._quote_re.search(sentence))

    def variant(self, metric: str, window: str) -> tuple[str, int] | None:
        """The variant id whose modifier stands in ``window`` (and the modifier's offset)."""
        for vid, cues in sorted(self._variants.get(metric, {}).items()):
            m = regex(cues).search(window)
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
                for cue in sorted(self.cues.find(source), key=lambda c: -c.start):
                    source = source[: cue.start] + source[cue.end :]  # 根据第三季度的数据: our own period
                if re.search(r"[\u4e00-\u9fffA-Za-z]", source.replace("的", "")) and not any(
                    w in source for w in self._own_sources
                ):
                    return True
        return False

    def is_restated(self, sentence_before: str) -> bool:
        """True when a sentence restates a figure on another basis before it (按固定汇率计算…)."""
        if self._restated_re.search(sentence_before):
            return True
        without = any(rx.search(sentence_before) for rx in self._without_effect_res)
        return without and not self._adjusted_re.search(sentence_before)  # "excluding the X impact…"

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
        cues = pattern(self._variants[metric][adjusted])
        lead = rf"\s*(?:{cues})\s*(?:下|口径下|口径|计|基础上)?\s*的?\s*(?:为|是|达|则为|则是)?\s*"
        return re.fullmatch(lead, clause, re.IGNORECASE) is not None

    def count_unit(self, metric: str) -> str | None:
        """For a count metric, the unit it is reported in (vehicles, orders)."""
        return self.metrics.get(metric, {}).get("unit")

    def counts_this(self, metric: str, gap: str) -> bool:
        """True when the words between a count's word and its figure name nothing else counted: only
        to-words, hedges and the metric's own objects (交付了…辆, 交付量达到…, 交付新车…)."""
        objects = self.metrics[metric].get("objects", [])
        allowed = self.change.to_words + self.change.approx_before + objects + ["了", "的"]
        rest = re.sub(r"[\s,，]", "", gap)
        for w in longest_first(allowed):
            rest = rest.replace(w, "")
        return not rest

    def is_share_base(self, before: str) -> bool:
        """True when a metric word is the base of a share written before it ("33.2% of revenue"):
        the word names no figure of its own. ``before`` is a bounded window before the word."""
        return self._share_base_re is not None and bool(self._share_base_re.search(before))

    def in_aside(self, clause_before: str) -> bool:
        """True when the clause before a metric word opens an aside that says what a line is made of
        ("mainly consisting of … advertising revenues"): that word names no figure of its own."""
        return bool(self._aside_re.search(clause_before))

    def names_effect(self, before: str, gap: str) -> bool:
        """True when the metric word is the object of an effect verb and the figure its size
        ("impacting EBITDA by $165 million", "reduced net income by RMB20 million"): not its level.
        ``before`` is a bounded window before the word, ``gap`` the text between word and figure."""
        if self._effect_before_re is None or not self._effect_gap_re.fullmatch(gap):
            return False
        return bool(self._effect_before_re.search(before))

    def names_cause(self, gap: str) -> bool:
        """True when the words between a metric word and a figure open its cause (主要由于, due to):
        the figure after them is the cause's."""
        return bool(self._cause_re.search(gap))

    def names_other_amount(self, metric: str, gap: str) -> bool:
        """True when the words between a metric word and an amount make the amount something else
        (股份回购计划，规模最高为30亿美元: a programme's size, not money spent)."""
        words = self.metrics.get(metric, {}).get("not_between", [])
        low = gap.lower()
        return any(str(w).lower() in low for w in words)

    def counters(self, metric: str) -> list[str]:
        """For a count metric, the counters its figures may carry (辆 -> vehicles)."""
        return list(self.metrics.get(metric, {}).get("counters", []))

    def is_guidance(self, sentence_before: str) -> bool:
        """True when a sentence speaks of the future before a figure (预计下季度收入…, 指引, 展望)."""
        cleaned = self._not_guidance_re.sub(" ", sentence_before)
        return bool(self._guidance_re.search(cleaned))

    def opens_guidance(self, full_sentence_before: str) -> bool:
        """True when a full sentence (to its 。) opens with a clause that only says what is expected
        (台湾大预估，…；…；资本支出则为82.4亿元): every ;-part after it is the outlook too."""
        return self._guidance_opener_re is not None and bool(
            self._guidance_opener_re.match(full_sentence_before)
        )

    def guided_period(self, text: str) -> str | None:
        """next_quarter | next_year | this_year: the period ``text`` names relative to the call's."""
        found = [(m.start(), k) for k, rx in self._guided_periods if rx.pattern and (m := rx.search(text))]
        return max(found)[1] if found else None

    def joins_range(self, gap: str) -> bool:
        """True when ``gap`` (between two figures) joins them as a range (至, 到, -, to)."""
        return gap.strip().lower() in self._range_joiners


def load_rules() -> Rules:
    """The metrics lexicon (bundled + user extension), compiled once per set of lexicon folders."""
    return _rules()


@lexicon.per_lexicon_set
def _rules() -> Rules:
    return Rules(lexicon.load("metrics"))
