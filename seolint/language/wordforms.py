"""Word forms: which words count as the same word when a keyphrase is matched.

Only *inflections* are stripped — plural, feminine, verb tense — never *derivations*, which
make a word of another meaning: "networks" and "networking" match "network", « réseaux » and
« professionnelle » match « réseau professionnel », but "maintainers" is not "maintain",
"accessibility" is not "access" and « compilateur » is not « compiler ». That is what Yoast
SEO's English word forms do (``determineStem`` in yoastseo: plural nouns to the singular, verb
forms to the infinitive, nothing derivational); a Snowball stemmer goes further and merges
the derivations too.

The endings are language data (``[word-forms]`` in ``rules/lang/<lang>.toml``): a language
without them falls back to its Snowball stemmer (``stemmer``), or to the folded word itself.
Each form is a key, not a word: "making" and "make" are both ``mak``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Endings:
    """One language's inflections, as its data file gives them."""

    plural: tuple[tuple[str, str], ...]  # (ending, replacement), the first that fits applies
    not_plural: tuple[str, ...]  # endings that look plural and are not ("ss", "us")
    endings: tuple[tuple[str, str], ...]  # applied again and again while one fits
    not_ending: tuple[str, ...]  # endings left alone when their rule cannot apply ("need")
    undouble: tuple[str, ...]  # doubled letters made single once an ending went ("runn")
    y_to_i: bool  # a final y after a consonant is i: "cry", "cries", "cried" are one key
    min_stem: int  # letters that must stay, with a vowel among them
    invariant: frozenset[str]  # words left alone ("news", « fois »)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Endings:
        def pairs(key: str) -> tuple[tuple[str, str], ...]:
            return tuple((str(a), str(b)) for a, b in data.get(key, ()))

        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(key, ()))

        return cls(
            pairs("plural"), strings("not-plural"), pairs("endings"), strings("not-ending"),
            strings("undouble"), bool(data.get("y-to-i", False)), int(data.get("min-stem", 3)),
            frozenset(strings("invariant")),
        )

    def key(self, word: str) -> str:
        """The form key of one folded word."""
        if word in self.invariant or not word.isalpha():
            return word
        stripped = False
        if not word.endswith(self.not_plural):
            word, stripped = self._strip(word, self.plural, ())
        while True:
            word, once = self._strip(word, self.endings, self.not_ending)
            if not once:
                break
            stripped = True
        if stripped and word[-2:] in self.undouble and self._keeps(word[:-1]):
            word = word[:-1]
        if self.y_to_i and len(word) > 2 and word[-1] == "y" and word[-2] not in _VOWELS:
            word = word[:-1] + "i"
        return word

    def _strip(
        self, word: str, rules: tuple[tuple[str, str], ...], final: tuple[str, ...]
    ) -> tuple[str, bool]:
        """Apply the first rule whose ending fits and leaves enough of the word; a rule that
        fits but would leave too little passes on to the next, unless the word ends with one
        of ``final`` ("need" keeps its "eed", "cried" goes on from "ied" to "ed")."""
        for ending, replacement in rules:
            if word.endswith(ending):
                stem = word[: len(word) - len(ending)]
                if self._keeps(stem):
                    return stem + replacement, True
                if word.endswith(final):
                    break
        return word, False

    def _keeps(self, stem: str) -> bool:
        return len(stem) >= self.min_stem and any(char in _VOWELS for char in stem)


@cache
def endings(lang: str) -> Endings | None:
    from seolint.language.words import language

    data = language(lang).data.get("word-forms")
    return Endings.from_data(data) if isinstance(data, dict) else None


@cache
def _snowball(name: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=1 << 16)  # prose repeats its words: each distinct one is worked out once
def form(word: str, lang: str) -> str:
    """The key under which ``word`` (folded, a content word) matches its other forms."""
    rules = endings(lang)
    if rules is not None:
        return rules.key(word)
    from seolint.language.words import language

    stemmer = language(lang).stemmer
    if stemmer is None:
        return word
    found: str = _snowball(stemmer).stemWord(word)
    return found
