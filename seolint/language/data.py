"""A language's data (``rules/lang/<lang>.toml``): its name, stemmer, function words and
abbreviations, and the lists the rules read (generic link texts, editorial markers...)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from seolint._data import rules_dir
from seolint.language.fold import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


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


def primary_subtag(tag: str) -> str:
    """``fr-FR``, ``fr_CA`` and ``FR`` all mean ``fr``."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
