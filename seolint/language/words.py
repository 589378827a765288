"""Words, sentences and keyphrase matching.

Matching is case-, accent- and apostrophe-insensitive, ignores the language's function words
(``rules/lang/<lang>.toml``) and compares word forms (:mod:`seolint.language.wordforms`), so "réseau
professionnel" matches "Réseaux professionnels". Words are folded (lower case, accents and apostrophes removed)
*before* stemming, on both sides, so that a text written without accents matches one written
with them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from seolint.language.data import language
from seolint.language.fold import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: A word as a reader counts it: "l’art", "peut-être" and "3.5" are one word each.
_PROSE_WORD = re.compile(r"[^\W_]+(?:[’'\-.,][^\W_]+)*", re.UNICODE)
#: A sentence ends after . ! ? or … (with closing quotes or brackets), before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:[\s\u00a0\u202f]*[\"»”’)\]])*(?=[\s\u00a0\u202f]+\S)")
#: "e.g.", "U.S.A." and an initial ("J."): a full stop that ends no sentence.
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}|[A-ZÀ-Þ]\.")


def words_and_english(lang: str, key: str) -> list[str]:
    """A language file's list with English's after it: drafting tools and SEO briefs are
    often in English whatever the article's language."""
    own = language(lang).words(key)
    return own if lang == "en" else [*own, *language("en").words(key)]


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


#: A paragraph of at least this many comma-separated names is a list written inline.
INLINE_LIST_ITEMS = 20


def inline_list(text: str) -> bool:
    """Whether a block is a list written inline, not a sentence: at least
    :data:`INLINE_LIST_ITEMS` items between commas (or semicolons), nearly all of them a few
    words long, like a release's list of contributors."""
    if text.count(",") + text.count(";") + 1 < INLINE_LIST_ITEMS:
        return False
    items = [item.split() for item in re.split(r"[,;]", text)]
    short = sum(1 for item in items if 0 < len(item) <= 4)
    return len(items) >= INLINE_LIST_ITEMS and short >= 0.8 * len(items)


def _add(found: list[Sentence], candidate: str, line: int) -> None:
    words = prose_words(candidate)
    if words:
        found.append(Sentence(" ".join(candidate.split()), words, line))


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
    folded = {word: fold(word) for word in set(raw)}
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
