"""Reading ease and syllables by language (seolint.language.readability), checked against textstat."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seolint.language import readability
from seolint.language.readability import Formula, formula, reading_ease, syllables

# Hand-made prose whose counts are unambiguous: no apostrophe, hyphen, digit or abbreviation,
# every sentence ends with a full stop and has more than two words (textstat ignores shorter
# "sentences"), every English word is in the CMU dictionary.
ENGLISH = (
    "The cat sat on the warm mat near the door. "
    "Readers like short sentences because they are easy to follow. "
    "Long words such as readability and organization make a text harder to read."
)
FRENCH = (
    "Le réseau professionnel aide les jeunes diplômés à trouver un premier emploi. "
    "Chaque rencontre peut ouvrir une porte inattendue. "
    "Prenez le temps de préparer vos questions avant un entretien."
)


def _split(text: str) -> tuple[list[str], int]:
    """The words and the number of sentences of ``text``, by the simplest splitting."""
    return re.findall(r"\w+", text), len(re.split(r"(?<=\.)\s+", text.strip()))


def _clear_caches() -> None:
    readability._cmu_lookup.cache_clear()
    readability._hyphenator.cache_clear()
    readability._textstat_constants.cache_clear()


class _NoSocket(socket.socket):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise OSError("network access in a test")


def _no_network(*args: Any, **kwargs: Any) -> Any:
    raise OSError("network access in a test")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a socket or resolve a name fails at once (rather than hanging)."""
    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)


@pytest.fixture
def fresh() -> Iterator[None]:
    _clear_caches()
    yield
    _clear_caches()


# --- (a) the same numbers as textstat ------------------------------------------------------


@pytest.fixture
def textstat_offline(offline: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """textstat whose CMU dictionary comes from pysyllables instead of ``nltk.download``.

    textstat (>= 0.7.9) looks English words up in NLTK's cmudict corpus, downloading it on
    first use; CI has no network. The stand-in gives each word the CMU syllable count that
    seolint uses, in the shape textstat reads (one phone with a stress digit per syllable),
    so what is compared is textstat's counting and formulas with the same dictionary.
    """
    counting = pytest.importorskip(
        "textstat.backend.counts._count_syllables", reason="textstat < 0.7.9 counts by pyphen only"
    )
    from textstat.backend import counts, metrics  # type: ignore[import-untyped, unused-ignore]

    import pysyllables  # type: ignore[import-untyped, unused-ignore]

    class Cmudict(dict[str, list[list[str]]]):
        def __missing__(self, word: str) -> list[list[str]]:
            count = pysyllables.get_syllable_count(word)
            if count is None:
                raise KeyError(word)
            return [["AH0"] * count]

    def get_cmudict(lang: str) -> Cmudict | None:
        return Cmudict() if lang.split("_")[0] == "en" else None

    def clear() -> None:
        for cached in (counts.count_syllables, metrics.syllables_per_word, metrics.flesch_reading_ease):
            cached.cache_clear()

    monkeypatch.setattr(counting, "get_cmudict", get_cmudict)
    clear()
    from textstat.textstat import textstatistics  # type: ignore[import-untyped, unused-ignore]

    yield textstatistics
    clear()


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en_US"), (FRENCH, "fr")])
def test_reading_ease_equals_textstat(textstat_offline: Any, text: str, lang: str) -> None:
    statistics = textstat_offline()  # an instance per language: no shared language
    statistics.set_lang(lang)
    words, sentences = _split(text)
    syllable_count = sum(syllables(word, lang) for word in words)

    # The counts are the same, so the comparison is of the syllables and the formula.
    assert len(words) == statistics.lexicon_count(text)
    assert sentences == statistics.sentence_count(text) == 3
    assert syllable_count == statistics.syllable_count(text)
    # Exact: the same integers through the same operations in the same order give the same
    # float (textstat >= 0.7.6 no longer rounds intermediate values).
    assert reading_ease(len(words), sentences, syllable_count, lang) == statistics.flesch_reading_ease(text)


def test_constants_are_textstats() -> None:
    from textstat.backend.utils.constants import LANG_CONFIGS  # type: ignore[import-untyped, unused-ignore]

    keys = ("fre_base", "fre_sentence_length", "fre_syll_per_word")
    expected = {lang: tuple(c[k] for k in keys) for lang, c in LANG_CONFIGS.items() if all(k in c for k in keys)}
    assert {lang: tuple(c) for lang, c in readability._textstat_constants().items()} == expected
    assert {"en", "fr", "de", "es", "it", "nl", "ru"} <= set(expected)
    for lang in expected:
        assert formula(lang) is not None


def test_reading_ease_values() -> None:
    # 100 words, 5 sentences, 150 syllables: 206.835 - 1.015 * 20 - 84.6 * 1.5
    assert reading_ease(100, 5, 150, "en") == pytest.approx(59.635)
    assert reading_ease(100, 5, 150, "fr-FR") == pytest.approx(207 - 1.015 * 20 - 73.6 * 1.5)
    assert reading_ease(100, 5, 150, "de_CH") == pytest.approx(180 - 20 - 58.5 * 1.5)
    assert reading_ease(100, 5, 150, "ES") == pytest.approx(206.84 - 1.02 * 20 - 60 * 1.5)


def test_formulas() -> None:
    assert formula("en") == Formula("Flesch reading ease", "Flesch 1948")
    assert formula("en-GB") == formula("en")
    assert formula("fr") == Formula("Kandel–Moles", "Kandel & Moles 1958")
    assert formula("fr_CA") == formula("fr")
    assert formula("de") == Formula("Amstad", "Amstad 1978")
    assert formula("es") == Formula("Fernández Huerta", "Fernández Huerta 1959")
    assert formula("it") == Formula("Flesch–Vacca", "Franchina & Vacca 1972")


def test_legacy_textstat_table(tmp_path: Path) -> None:
    """textstat <= 0.7.4 kept ``langs`` in textstat.py, es and it per 100 words."""
    source = tmp_path / "textstat.py"
    source.write_text(
        "import re\nlangs = {'en': {'fre_base': 206.835, 'fre_sentence_length': 1.015, "
        "'fre_syll_per_word': 84.6}, 'es': {'fre_base': 206.84, 'fre_sentence_length': 1.02, "
        "'fre_syll_per_word': 0.6}, 'pl': {'syllable_threshold': 4}}\n"
        "class textstatistics: pass\n",
        encoding="utf-8",
    )
    table = readability._literal(source, "langs")
    assert table is not None
    scaled = readability._per_word(table, legacy=True)
    assert scaled["es"]["fre_syll_per_word"] == pytest.approx(60)
    assert scaled["en"]["fre_syll_per_word"] == 84.6
    assert readability._literal(source, "LANG_CONFIGS") is None


# --- (b) no network, ever ------------------------------------------------------------------


def test_english_works_offline(offline: None, fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forget the loaded dictionary too, so that it is read again with the network cut.
    monkeypatch.delitem(sys.modules, "pysyllables", raising=False)
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 443))  # the fixture is in force
    assert syllables("lighthouse", "en") == 2
    assert syllables("unbelievable", "en") == 5
    assert syllables("seolint", "en") >= 2  # not in the dictionary: counted by rule
    assert reading_ease(12, 2, 17, "en") == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 17 / 12)


def test_english_needs_neither_nltk_nor_textstat() -> None:
    """In a new interpreter: cheap import, and the English path never loads NLTK."""
    code = textwrap.dedent(
        """
        import socket, sys
        class NoSocket(socket.socket):
            def __init__(self, *args, **kwargs):
                raise OSError("network access")
        def refuse(*args, **kwargs):
            raise OSError("network access")
        socket.socket = NoSocket
        socket.create_connection = socket.getaddrinfo = refuse
        import seolint.language.readability as r
        assert "pysyllables" not in sys.modules and "pyphen" not in sys.modules
        assert r.syllables("readability", "en") == 5
        assert r.formula("en") is not None
        assert r.reading_ease(10, 1, 15, "en") is not None
        print(sorted(m for m in ("nltk", "textstat") if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- (c) languages do not leak into each other ---------------------------------------------

WORDS = ["fire", "table", "possible", "image", "orange", "réseau", "professionnel", "article"]


def test_interleaved_languages_do_not_leak(fresh: None) -> None:
    isolated: dict[str, list[int]] = {}
    for lang in ("en", "fr", "de"):
        _clear_caches()
        isolated[lang] = [syllables(word, lang) for word in WORDS]
    assert isolated["en"] != isolated["fr"]  # else the test would prove nothing

    _clear_caches()
    for index, word in enumerate(WORDS):
        for lang in ("fr", "en", "de", "en", "fr"):
            assert syllables(word, lang) == isolated[lang][index], (word, lang)

    french, english = reading_ease(100, 5, 150, "fr"), reading_ease(100, 5, 150, "en")
    for _ in range(3):
        assert reading_ease(100, 5, 150, "en") == english
        assert reading_ease(100, 5, 150, "fr") == french
    assert french != english


# --- (d) no formula, no number -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "pl", "pt", "xx", ""])
def test_unknown_language_has_no_reading_ease(lang: str) -> None:
    # textstat itself would apply the English constants to these (pl has only a threshold).
    assert formula(lang) is None
    assert reading_ease(100, 5, 150, lang) is None


def test_no_words_or_no_sentences() -> None:
    assert reading_ease(0, 1, 0, "en") is None
    assert reading_ease(10, 0, 12, "fr") is None


def test_language_without_hyphenation_dictionary() -> None:
    assert syllables("banana", "xx") == 3  # a syllable per group of vowels
    assert syllables("", "xx") == 0


# --- (e) syllables of known words ----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lang", "count"),
    [
        ("readability", "en", 5),
        ("the", "en", 1),
        ("Readability", "en-US", 5),
        ("don't", "en", 1),
        ("don’t", "en", 1),
        ("well-known", "en", 2),
        ("hmm", "en", 1),  # no vowel in the dictionary, but a word has a syllable
        ("réseau", "fr", 2),  # ré-seau
        ("professionnel", "fr", 4),  # pro-fes-sion-nel
        ("l'homme", "fr", 1),  # counted as "lhomme", as textstat does
        ("lettergrepen", "nl", 4),  # let-ter-gre-pen
        ("Silbentrennung", "de", 4),  # Sil-ben-tren-nung
    ],
)
def test_syllables_of_known_words(word: str, lang: str, count: int) -> None:
    assert syllables(word, lang) == count


@pytest.mark.parametrize("word", ["2024", "", "...", "—", "42%"])
def test_no_letters_no_syllables(word: str) -> None:
    assert syllables(word, "en") == 0
    assert syllables(word, "fr") == 0


def test_rules_for_words_outside_the_dictionary() -> None:
    rules = readability._english_by_rules
    assert [rules(w) for w in ("make", "table", "asked", "wanted", "boxes", "media", "html")] == [1, 2, 1, 2, 2, 3, 4]


def test_the_syllable_table_is_read_as_pysyllables_reads_it() -> None:
    import pysyllables  # type: ignore[import-untyped, unused-ignore]

    readability._cmu_lookup.cache_clear()
    lookup = readability._cmu_lookup()
    words = ["a", "Networking", "professional", "don't", "'bout", "zebra", "aaa", "zzzzqx", "hello-world", "", "résumé"]
    for word in words:
        assert lookup(word) == pysyllables.get_syllable_count(word), word
