"""Folding: the one normal form every comparison of words uses (lower case, no accents or
ligatures, one apostrophe)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


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
