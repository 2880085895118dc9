"""Deinflection: undo Japanese conjugation so an inflected word finds its dictionary form.

One rule table, as Yomitan (and rikaichan before it) keep theirs: each rule replaces a
suffix (``kana_in``) by another (``kana_out``) and names what it undid. A rule applies to
the text as written, or to the result of an earlier rule whose word class is one of the
rule's ``classes_in``; its result is of the classes ``classes_out``. Chains are how
compound forms come apart: 食べなかった → (past) 食べない [adj-i] → (negative) 食べる [v1].

A result is only a *candidate*: the caller keeps it when a dictionary entry with that
headword (or reading) has a part of speech in the result's classes (see
:func:`pos_classes`); the text as written (no rule) matches any entry.

Word classes: ``v1`` ichidan, ``v5`` godan, ``vk`` 来る, ``vs`` する (and する verbs),
``vs-n`` a noun that takes する, ``adj-i``, ``adj-na``, and ``te`` (a te-form that
progressive and completive endings lead back to).

    >>> [(d.term, d.reasons) for d in deinflect("食べた") if d.term == "食べる"]
    [('食べる', ('past',))]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: (kana_in, kana_out) per godan ending: a-stem, i-stem, e-stem, o-stem, te, ta.
_GODAN: dict[str, tuple[str, str, str, str, str, str]] = {
    "う": ("わ", "い", "え", "お", "って", "った"),
    "く": ("か", "き", "け", "こ", "いて", "いた"),
    "ぐ": ("が", "ぎ", "げ", "ご", "いで", "いだ"),
    "す": ("さ", "し", "せ", "そ", "して", "した"),
    "つ": ("た", "ち", "て", "と", "って", "った"),
    "ぬ": ("な", "に", "ね", "の", "んで", "んだ"),
    "ぶ": ("ば", "び", "べ", "ぼ", "んで", "んだ"),
    "む": ("ま", "み", "め", "も", "んで", "んだ"),
    "る": ("ら", "り", "れ", "ろ", "って", "った"),
}

#: Endings on the i-stem (masu stem) of every verb: (ending, reason, classes_in).
_I_STEM: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("ます", "polite", frozenset()),
    ("ました", "polite past", frozenset()),
    ("ません", "polite negative", frozenset()),
    ("ませんでした", "polite past negative", frozenset()),
    ("ましょう", "polite volitional", frozenset()),
    ("まして", "polite te-form", frozenset()),
    ("たい", "-tai (want to)", frozenset({"adj-i"})),
    ("そう", "-sou (looks like)", frozenset()),
    ("ながら", "-nagara (while)", frozenset()),
    ("なさい", "-nasai (imperative)", frozenset()),
    ("すぎる", "-sugiru (too much)", frozenset({"v1"})),
)
#: Endings on the a-stem (nai stem) of godan verbs, the bare stem of ichidan verbs.
_A_STEM: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("ない", "negative", frozenset({"adj-i"})),
    ("ず", "negative (-zu)", frozenset()),
    ("ずに", "negative (-zu ni)", frozenset()),
    ("ないで", "negative te-form", frozenset()),
)


@dataclass(frozen=True)
class Rule:
    """Replace the suffix ``kana_in`` by ``kana_out``; ``reason`` names the inflection undone."""

    reason: str
    kana_in: str
    kana_out: str
    classes_in: frozenset[str]
    classes_out: frozenset[str]


def _r(reason: str, kana_in: str, kana_out: str, classes_in: Iterable[str], classes_out: Iterable[str]) -> Rule:
    return Rule(reason, kana_in, kana_out, frozenset(classes_in), frozenset(classes_out))


def _verb_rules() -> list[Rule]:
    rules: list[Rule] = []
    v5, v1, vk, vs, adj = {"v5"}, {"v1"}, {"vk"}, {"vs"}, {"adj-i"}
    # Godan verbs, row by row.
    for u, (a, i, e, o, te, ta) in _GODAN.items():
        for ending, reason, cin in _I_STEM:
            rules.append(_r(reason, i + ending, u, cin, v5))
        for ending, reason, cin in _A_STEM:
            rules.append(_r(reason, a + ending, u, cin, v5))
        rules += [
            _r("masu stem", i, u, (), v5),
            _r("past", ta, u, (), v5),
            _r("te-form", te, u, {"te"}, v5),
            _r("-tara (conditional)", ta + "ら", u, (), v5),
            _r("-tari", ta + "り", u, (), v5),
            _r("passive", a + "れる", u, v1, v5),
            _r("causative", a + "せる", u, v1, v5),
            _r("causative", a + "す", u, v5, v5),
            _r("potential", e + "る", u, v1, v5),
            _r("conditional (-ba)", e + "ば", u, (), v5),
            _r("imperative", e, u, (), v5),
            _r("volitional", o + "う", u, (), v5),
        ]
    # 行く: いって, not いいて.
    for head in ("行", "い", "ゆ"):
        rules += [
            _r("past", head + "った", head + "く", (), v5),
            _r("te-form", head + "って", head + "く", {"te"}, v5),
            _r("-tara (conditional)", head + "ったら", head + "く", (), v5),
            _r("-tari", head + "ったり", head + "く", (), v5),
        ]
    # Ichidan verbs: the stem is the dictionary form less る.
    for ending, reason, cin in _I_STEM + _A_STEM:
        rules.append(_r(reason, ending, "る", cin, v1))
    rules += [
        _r("past", "た", "る", (), v1),
        _r("te-form", "て", "る", {"te"}, v1),
        _r("-tara (conditional)", "たら", "る", (), v1),
        _r("-tari", "たり", "る", (), v1),
        _r("passive / potential", "られる", "る", v1, v1),
        _r("potential (colloquial)", "れる", "る", v1, v1),
        _r("causative", "させる", "る", v1, v1),
        _r("causative", "さす", "る", v5, v1),
        _r("conditional (-ba)", "れば", "る", (), v1),
        _r("imperative", "ろ", "る", (), v1),
        _r("imperative", "よ", "る", (), v1),
        _r("volitional", "よう", "る", (), v1),
    ]
    # 来る (kana and kanji) and する: stems differ by form.
    for kuru, ko, ki in (("くる", "こ", "き"), ("来る", "来", "来")):
        for ending, reason, cin in _I_STEM:
            rules.append(_r(reason, ki + ending, kuru, cin, vk))
        for ending, reason, cin in _A_STEM:
            rules.append(_r(reason, ko + ending, kuru, cin, vk))
        rules += [
            _r("past", ki + "た", kuru, (), vk),
            _r("te-form", ki + "て", kuru, {"te"}, vk),
            _r("-tara (conditional)", ki + "たら", kuru, (), vk),
            _r("passive / potential", ko + "られる", kuru, v1, vk),
            _r("causative", ko + "させる", kuru, v1, vk),
            _r("conditional (-ba)", kuru[:-1] + "れば", kuru, (), vk),
            _r("imperative", ko + "い", kuru, (), vk),
            _r("volitional", ko + "よう", kuru, (), vk),
        ]
    for ending, reason, cin in _I_STEM:
        rules.append(_r(reason, "し" + ending, "する", cin, vs))
    for ending, reason, cin in _A_STEM:
        rules.append(_r(reason, "し" + ending, "する", cin, vs))
    rules += [
        _r("past", "した", "する", (), vs),
        _r("te-form", "して", "する", {"te"}, vs),
        _r("-tara (conditional)", "したら", "する", (), vs),
        _r("-tari", "したり", "する", (), vs),
        _r("passive", "される", "する", v1, vs),
        _r("causative", "させる", "する", v1, vs),
        _r("potential", "できる", "する", v1, vs),
        _r("conditional (-ba)", "すれば", "する", (), vs),
        _r("imperative", "しろ", "する", (), vs),
        _r("imperative", "せよ", "する", (), vs),
        _r("volitional", "しよう", "する", (), vs),
        _r("negative (-zu)", "せず", "する", (), vs),
        # 勉強する → 勉強: the noun that takes する.
        _r("+ suru", "する", "", vs, {"vs-n"}),
    ]
    # After a te-form: progressive, completive, preparatory.
    for te in ("て", "で"):
        rules += [
            _r("progressive (-te iru)", te + "いる", te, v1, {"te"}),
            _r("progressive (-te iru)", te + "る", te, v1, {"te"}),
            _r("completive (-te shimau)", te + "しまう", te, v5, {"te"}),
            _r("preparatory (-te oku)", te + "おく", te, v5, {"te"}),
            _r("resultative (-te aru)", te + "ある", te, v5, {"te"}),
        ]
    rules += [
        _r("completive (-chau)", "ちゃう", "て", v5, {"te"}),
        _r("completive (-chau)", "じゃう", "で", v5, {"te"}),
    ]
    # -i adjectives.
    rules += [
        _r("negative", "くない", "い", adj, adj),
        _r("past", "かった", "い", adj, adj),
        _r("te-form", "くて", "い", (), adj),
        _r("adverbial", "く", "い", (), adj),
        _r("conditional (-ba)", "ければ", "い", (), adj),
        _r("-tara (conditional)", "かったら", "い", (), adj),
        _r("noun (-sa)", "さ", "い", (), adj),
        _r("-sou (looks like)", "そう", "い", (), adj),
        _r("-sugiru (too much)", "すぎる", "い", v1, adj),
        _r("polite", "いです", "い", (), adj),
        _r("polite negative", "くありません", "い", (), adj),
        _r("polite past", "かったです", "い", (), adj),
    ]
    # な adjectives: the copula and particles after the stem.
    for ending, reason in (
        ("な", "attributive (na)"),
        ("に", "adverbial (ni)"),
        ("だ", "copula (da)"),
        ("です", "polite copula (desu)"),
        ("だった", "past copula (datta)"),
        ("でした", "polite past copula (deshita)"),
        ("じゃない", "negative (ja nai)"),
        ("ではない", "negative (de wa nai)"),
        ("で", "te-form (de)"),
        ("なら", "conditional (nara)"),
    ):
        rules.append(_r(reason, ending, "", (), {"adj-na"}))
    return rules


#: The rule table: every rule, in a fixed order.
RULES: tuple[Rule, ...] = tuple(_verb_rules())
_BY_SUFFIX: dict[str, list[Rule]] = {}
for _rule in RULES:
    _BY_SUFFIX.setdefault(_rule.kana_in, []).append(_rule)
_LONGEST_SUFFIX = max(len(k) for k in _BY_SUFFIX)
#: Chains longer than this are not Japanese (食べさせられたくなかった is 5).
MAX_DEPTH = 7


@dataclass(frozen=True)
class Deinflection:
    """One candidate dictionary form of an inflected text.

    ``term``: the candidate (a headword or reading to look up); ``classes``: the word classes
    it must have (empty for the text as written: any entry); ``reasons``: the inflections
    undone, in the order their endings are written (食べさせられなかった: causative, passive / potential,
    negative, past).
    """

    term: str
    classes: frozenset[str]
    reasons: tuple[str, ...]


def deinflect(text: str) -> list[Deinflection]:
    """Every candidate dictionary form of ``text``, the text itself first.

    Returns a list of :class:`Deinflection`, no two with the same (term, classes); never
    raises (an empty text gives ``[Deinflection("", frozenset(), ())]``). Cost: a few
    microseconds per rule that applies; a word-length text gives at most a few dozen results.
    """
    results = [Deinflection(text, frozenset(), ())]
    seen = {(text, frozenset[str]())}
    frontier = [results[0]]
    for _ in range(MAX_DEPTH):
        nxt: list[Deinflection] = []
        for d in frontier:
            for size in range(min(_LONGEST_SUFFIX, len(d.term)), 0, -1):
                for rule in _BY_SUFFIX.get(d.term[-size:], ()):
                    if d.classes and not (d.classes & rule.classes_in):
                        continue
                    term = d.term[:-size] + rule.kana_out
                    if not term:
                        continue
                    key = (term, rule.classes_out)
                    if key in seen:
                        continue
                    seen.add(key)
                    found = Deinflection(term, rule.classes_out, (*d.reasons, rule.reason))
                    results.append(found)
                    nxt.append(found)
        if not nxt:
            break
        frontier = nxt
    return [Deinflection(d.term, d.classes, tuple(reversed(d.reasons))) for d in results]


#: Part-of-speech tags (EDICT/JMdict) → the word classes of the rules.
def pos_classes(pos: Iterable[str]) -> frozenset[str]:
    """The word classes an entry with these part-of-speech tags belongs to.

    ``v5k-s`` and every ``v5…`` → ``v5``; ``v1``/``v1-s`` → ``v1``; ``vk``; ``vs-i``/``vs-s`` → ``vs``;
    ``vs`` (a noun taking する) → ``vs-n``; ``adj-i``/``adj-ix`` → ``adj-i``; ``adj-na``.
    """
    out: set[str] = set()
    for p in pos:
        if p.startswith("v5"):
            out.add("v5")
        elif p in ("v1", "v1-s"):
            out.add("v1")
        elif p == "vk":
            out.add("vk")
        elif p in ("vs-i", "vs-s"):
            out.add("vs")
        elif p == "vs":
            out.add("vs-n")
        elif p in ("adj-i", "adj-ix"):
            out.add("adj-i")
        elif p == "adj-na":
            out.add("adj-na")
    return frozenset(out)
