"""Keyphrase matching: case, accents, apostrophes, function words and word forms."""

from __future__ import annotations

import pytest

from seolint.language.words import contains_phrase, edit_distance, starts_with_phrase, stems, words


@pytest.mark.parametrize(
    ("text", "phrase", "lang"),
    [
        ("Réseaux professionnels : le guide", "réseau professionnel", "fr"),
        ("Reseau professionnel en 2025", "réseau professionnel", "fr"),
        ("L’art du réseau", "art de réseau", "fr"),
        ("Networking guides for freelancers", "guide to networking", "en"),
        ("THE PROFESSIONAL NETWORK", "professional networks", "en"),
        ("Don’t panic", "don't panic", "en"),
    ],
)
def test_matches(text: str, phrase: str, lang: str) -> None:
    assert contains_phrase(text, phrase, lang)


@pytest.mark.parametrize(
    ("text", "phrase", "lang"),
    [
        ("Le guide du réseau", "réseau professionnel", "fr"),
        ("Networking guide", "network security", "en"),
        ("Anything", "de la", "fr"),  # only function words: nothing to look for
    ],
)
def test_does_not_match(text: str, phrase: str, lang: str) -> None:
    assert not contains_phrase(text, phrase, lang)


def test_position_and_words() -> None:
    assert starts_with_phrase("Le réseau professionnel, pas à pas", "réseau professionnel", "fr")
    assert not starts_with_phrase("Guide : le réseau professionnel", "réseau professionnel", "fr")
    assert words("L’été d'Anaïs") == ["l", "ete", "d", "anais"]
    assert stems("les réseaux", "fr") == stems("réseau", "fr")
    assert stems("unknown language words", "xx") == ["unknown", "language", "words"]


def test_edit_distance() -> None:
    assert edit_distance("descripton", "description", 2) == 1
    assert edit_distance("titel", "title", 2) == 1  # a swap is one edit
    assert edit_distance("slug", "tags", 1) == 2  # gave up past the limit


def test_slugs_follow_the_language() -> None:
    from seolint.language.words import make_slug

    assert make_slug("Größe und Übung", "de") == "groesse-und-uebung"
    assert make_slug("Größe und Übung", "en") == "grosse-und-ubung"
    assert make_slug("Réseau professionnel : l’été", "fr") == "reseau-professionnel-l-ete"
