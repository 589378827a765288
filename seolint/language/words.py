"""Words, language data and keyphrase matching.

Matching is case-, accent- and apostrophe-insensitive, ignores the language's function words
(``rules/lang/<lang>.toml``) and compares word forms (:mod:`seolint.language.wordforms`), so "réseau
professionnel" matches "Réseaux professionnels". Words are folded (lower case, accents and apostrophes removed)
*before* stemming, on both sides, so that a text written without accents matches one written
with them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from seolint._data import rules_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: A word as a reader counts it: "l’art", "peut-être" and "3.5" are one word each.
_PROSE_WORD = re.compile(r"[^\W_]+(?:[’'\-.,][^\W_]+)*", re.UNICODE)
#: A sentence ends after . ! ? or … (with closing quotes or brackets), before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:[\s\u00a0\u202f]*[\"»”’)\]])*(?=[\s\u00a0\u202f]+\S)")
#: "e.g.", "U.S.A." and an initial ("J."): a full stop that ends no sentence.
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}|[A-ZÀ-Þ]\.")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    stemmer: str | None
    function_words: frozenset[str]
    abbreviations: frozenset[str]
    data: dict[str, Any]

    def words(self, key: str) -> list[str]:
        """A list of phrases from the language file (empty when the file has none)."""
        value = self.data.get(key, [])
        return [str(item) for item in value] if isinstance(value, list) else []


def words_and_english(lang: str, key: str) -> list[str]:
    """A language file's list with English's after it: drafting tools and SEO briefs are
    often in English whatever the article's language."""
    own = language(lang).words(key)
    return own if lang == "en" else [*own, *language("en").words(key)]


@cache
def language(code: str) -> Language:
    """The data of a language by its primary subtag; an unknown one has no function words."""
    path = rules_dir() / "lang" / f"{code}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    words = frozenset(fold(word) for word in data.get("function-words", ()))
    abbreviations = frozenset(item.lower() for item in data.get("abbreviations", ()))
    return Language(code, str(data.get("name", code)), data.get("stemmer"), words, abbreviations, data)


def make_slug(text: str, lang: str) -> str:
    """A lowercase ASCII kebab-case slug, transliterated for the article's language."""
    from slugify import slugify

    replacements = language(lang).data.get("slug-replacements", [])
    return str(slugify(text, replacements=[tuple(pair) for pair in replacements]))


class Sentence(NamedTuple):
    text: str
    words: list[str]
    line: int  # the line of the block it belongs to


def prose_words(text: str) -> list[str]:
    return _PROSE_WORD.findall(text)


def sentences(text: str, lang: str, line: int = 0) -> list[Sentence]:
    """Split one block of prose into sentences, knowing the language's abbreviations."""
    abbreviations = language(lang).abbreviations
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.end()]
        raw = candidate.rstrip("\"»”’)] \u00a0\u202f").rsplit(None, 1)[-1] if candidate.strip() else ""
        if raw.lower() in abbreviations or _INITIALS.fullmatch(raw):
            continue  # "M.", "etc.", "e.g." and initials do not end a sentence
        _add(found, candidate, line)
        start = match.end()
    _add(found, text[start:], line)
    return found


def _add(found: list[Sentence], candidate: str, line: int) -> None:
    words = prose_words(candidate)
    if words:
        found.append(Sentence(" ".join(candidate.split()), words, line))


def primary_subtag(tag: str) -> str:
    """``fr-FR``, ``fr_CA`` and ``FR`` all mean ``fr``."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


#: Letters that Unicode does not decompose but transliteration (and python-slugify) spells
#: out: « cœur » is "coeur" in a slug and for a writer without the ligature on the keyboard.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Lower case, without accents or ligatures, with every apostrophe the same.

    Short texts are remembered: rules fold the same words and labels over and over. Long
    ones (sentences, paragraphs) rarely repeat, and would fill the memory of a long run.
    """
    return _fold_short(text) if len(text) <= _REMEMBERED else _fold(text)


#: The longest text ``fold`` remembers, and how many it remembers.
_REMEMBERED = 48


@lru_cache(maxsize=1 << 14)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower().replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")


#: A word before folding: letters and digits, with the combining accents a decomposed text
#: carries (folding removes them).
_RAW_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*", re.UNICODE)


def words(text: str) -> list[str]:
    """The folded words of ``text``; elisions (l’, d') and hyphens split words.

    Split first, then fold each word (remembered): a long text repeats its words, and
    folding character by character is what made a 20 MB article slow.
    """
    if text.isascii():
        return _WORD.findall(text.lower())
    raw = _RAW_WORD.findall(unicodedata.normalize("NFC", text))
    folded = {word: _fold_short(word) if len(word) <= _REMEMBERED else _fold(word) for word in set(raw)}
    if all(_WORD.fullmatch(word) for word in folded.values()):
        return [folded[word] for word in raw]
    found: list[str] = []  # "½" folds to "1⁄2": two words, as folding the whole text gives
    for word in raw:
        found += _WORD.findall(folded[word])
    return found


def stems(text: str, lang: str) -> list[str]:
    """The word-form keys of the content words of ``text``, in order (:mod:`seolint.language.wordforms`:
    inflections stripped, each distinct word worked out once)."""
    from seolint.language.wordforms import form

    function_words = language(lang).function_words
    return [form(word, lang) for word in words(text) if word not in function_words]


def content_words(text: str, lang: str) -> list[str]:
    data = language(lang)
    return [word for word in words(text) if word not in data.function_words]


def contains_phrase(text: str, phrase: str, lang: str) -> bool:
    """Every content word of ``phrase`` appears in ``text``, in any form and order.

    A phrase of function words only (« Qui sommes-nous ») must appear word for word.
    """
    wanted = set(stems(phrase, lang))
    if wanted:
        return wanted <= set(stems(text, lang))
    sequence = words(phrase)
    haystack = words(text)
    size = len(sequence)
    return bool(sequence) and any(
        haystack[i : i + size] == sequence for i in range(len(haystack) - size + 1)
    )


def starts_with_phrase(text: str, phrase: str, lang: str) -> bool:
    """The first content words of ``text`` are those of ``phrase`` (in any order)."""
    wanted = stems(phrase, lang)
    return bool(wanted) and set(stems(text, lang)[: len(wanted)]) == set(wanted)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours as one edit (optimal string alignment).

    Gives up, returning ``limit + 1``, as soon as the distance must exceed ``limit``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
