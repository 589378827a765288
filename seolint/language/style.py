"""Style facts of a sentence: whether it holds a transition word (C007), where its passive
voice is (C008). The word lists are the language's data (``rules/lang/<lang>.toml``,
``[transitions]`` and ``[passive]``); a language without them has neither fact.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

from seolint.language.data import language
from seolint.language.words import prose_words, words


# --- transition words ------------------------------------------------------------------------


class _Transitions(NamedTuple):
    phrases: frozenset[tuple[str, ...]]
    longest: int
    pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    #: The lengths of the phrases starting with each word, longest first: most words of a
    #: sentence start none, and are passed over with one dictionary look-up.
    starts: dict[str, tuple[int, ...]]


@cache
def _transitions(lang: str) -> _Transitions | None:
    table = language(lang).data.get("transitions")
    if not isinstance(table, dict) or not table.get("words"):
        return None
    phrases = frozenset(tuple(words(str(item))) for item in table["words"]) - {()}
    pairs = tuple((tuple(words(str(first))), tuple(words(str(second))))
                  for first, second in table.get("pairs", ()))
    starts: dict[str, set[int]] = {}
    for phrase in phrases:
        starts.setdefault(phrase[0], set()).add(len(phrase))
    return _Transitions(phrases, max(map(len, phrases)), pairs,
                        {word: tuple(sorted(sizes, reverse=True)) for word, sizes in starts.items()})


def has_transitions(lang: str) -> bool:
    return _transitions(lang) is not None


def transition_examples(lang: str) -> list[str]:
    table = language(lang).data.get("transitions")
    return [str(item) for item in table.get("examples", ())] if isinstance(table, dict) else []


def _find(sequence: list[str], phrase: tuple[str, ...], start: int = 0) -> int:
    """Where ``phrase`` starts in ``sequence`` at or after ``start``; -1 when absent."""
    size = len(phrase)
    index = start
    while True:
        try:
            index = sequence.index(phrase[0], index)  # the first word, found at C speed
        except ValueError:
            return -1
        if tuple(sequence[index : index + size]) == phrase:
            return index
        index += 1


def transition(text: str, lang: str) -> str | None:
    """The first transition word or phrase of a sentence (folded), or None."""
    data = _transitions(lang)
    if data is None:
        return None
    found = words(text)
    for index, word in enumerate(found):
        for size in data.starts.get(word, ()):
            candidate = tuple(found[index : index + size])
            if len(candidate) == size and candidate in data.phrases:
                return " ".join(candidate)
    for first, second in data.pairs:
        at = _find(found, first)
        if at >= 0 and _find(found, second, at + len(first)) >= 0:
            return f"{' '.join(first)} … {' '.join(second)}"
    return None


# --- passive voice ---------------------------------------------------------------------------


class _Passive(NamedTuple):
    auxiliaries: frozenset[str]
    between: frozenset[str]
    irregular: frozenset[str]
    excluded: frozenset[str]  # "-ed" words that are no participle (en); active participles (fr)
    french: bool


def _lower(word: str) -> str:
    """Lower case with one apostrophe, accents kept: « construite » must stay apart from
    "construite"-less forms, and French participles are told by their « é »."""
    return unicodedata.normalize("NFC", word.lower()).replace("\u2019", "'")


@cache
def _passive(lang: str) -> _Passive | None:
    table = language(lang).data.get("passive")
    if not isinstance(table, dict) or not table.get("auxiliaries"):
        return None

    def listed(key: str) -> frozenset[str]:
        return frozenset(_lower(str(item)) for item in table.get(key, ()))

    excluded = listed("not-participles") | listed("active")
    return _Passive(listed("auxiliaries"), listed("between"), listed("irregular"), excluded, lang == "fr")


def has_passive(lang: str) -> bool:
    return _passive(lang) is not None


def _french_participle(word: str, data: _Passive) -> bool:
    for ending in ("es", "e", "s", ""):
        if ending and not word.endswith(ending):
            continue
        base = word[: len(word) - len(ending)] if ending else word
        if base in data.excluded:
            return False
        if base.endswith("é") and len(base) > 2 or base in data.irregular:
            return True
    return False


def _english_participle(word: str, data: _Passive) -> bool:
    if word in data.excluded:
        return False
    return word in data.irregular or (word.endswith("ed") and len(word) > 3 and word.isalpha())


def passive(text: str, lang: str) -> str | None:
    """The first passive construction of a sentence (« est construite », "was built"), or None.

    A form of the auxiliary, then at most three of the words allowed between (negation,
    adverbs), then a past participle: any other word ends the search, so "is a trusted
    source" and « est la plus appréciée » are not passive. In French, « s’est », « c’est »
    and the like are no auxiliary: pronominal verbs and presentatives are active.
    """
    data = _passive(lang)
    if data is None:
        return None
    written = prose_words(text)
    found = _lower(" ".join(written)).split(" ")  # one normalization a sentence, not one a word
    if len(found) != len(written):
        found = [_lower(word) for word in written]
    for index, word in enumerate(found):
        if word not in data.auxiliaries or (data.french and _reflexive(found[max(0, index - 2) : index])):
            continue
        for gap, following in enumerate(found[index + 1 : index + 5]):
            participle = (_french_participle if data.french else _english_participle)(following, data)
            if participle:
                return " ".join(written[index : index + gap + 2])
            if following not in data.between:
                break
    return None


def _reflexive(before: list[str]) -> bool:
    """« se sont lancés », « nous nous sommes inscrits »: a pronominal verb, not a passive."""
    return bool(before) and (before[-1] in ("se", "me", "te") or before in (["nous", "nous"], ["vous", "vous"]))
