"""Prose as the content rules see it: sentences and words on hand-made text, and real content.

The counts below are known by hand. Each block of the body (paragraph, heading, list item,
table cell, quote) ends a sentence; abbreviations and French typography do not.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from seolint.language import readability
from seolint.source.document import Document
from seolint.engine import Configs
from seolint.language.words import prose_words, sentences

from .conftest import CORPUS

NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space, narrow no-break space (before ; ! ?)


def document(folder: Path, body: str, lang: str = "en", name: str = "article.md") -> Document:
    path = folder / name
    path.write_text(f"---\ntitle: Probe\nlang: {lang}\n---\n\n{body}", encoding="utf-8")
    settings = Configs().for_file(path).settings_for(path, dt.date(2025, 1, 1))
    return Document.from_bytes(path, name, path.read_bytes(), settings)


def split(text: str, lang: str) -> list[tuple[str, int]]:
    return [(sentence.text, len(sentence.words)) for sentence in sentences(text, lang)]


# --- sentences within one block ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Hello world. This is a test! Is it? Yes.",
         [("Hello world.", 2), ("This is a test!", 4), ("Is it?", 2), ("Yes.", 1)]),
        ("en", "Use a tool, e.g. a crawler, to list pages. Dr. Smith agrees, i.e. she uses one. Then stop.",
         [("Use a tool, e.g. a crawler, to list pages.", 9),
          ("Dr. Smith agrees, i.e. she uses one.", 7), ("Then stop.", 2)]),
        ("en", "Call me at 5 p.m. tomorrow. See the U.S. office first.",
         [("Call me at 5 p.m. tomorrow.", 6), ("See the U.S. office first.", 5)]),
        ("en", "Version 3.5 is out. It costs 1,000 euros. Open index.html now.",
         [("Version 3.5 is out.", 4), ("It costs 1,000 euros.", 4), ("Open index.html now.", 3)]),
        ("en", "Wait… Then go.", [("Wait…", 1), ("Then go.", 2)]),
        ("fr", "M. Dupont est arrivé. Il a apporté des pommes, des poires, etc. et des prunes. "
               "Prenez p. ex. un carnet.",
         [("M. Dupont est arrivé.", 4), ("Il a apporté des pommes, des poires, etc. et des prunes.", 11),
          ("Prenez p. ex. un carnet.", 5)]),
        ("fr", f"Voir p.{NBSP}12. Le 1er janv. 2025, il pleuvait.",
         [("Voir p. 12.", 3), ("Le 1er janv. 2025, il pleuvait.", 6)]),
    ],
)
def test_sentences_and_words(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert split(text, lang) == expected


def test_french_typography() -> None:
    """No-break spaces before ; : ! ? and inside « », and the typographic apostrophe."""
    text = (f"Vraiment{NBSP}? Oui{NNBSP}! Il a dit{NBSP}: «{NBSP}Viens{NBSP}». "
            f"C’est l’heure{NNBSP}; partons.")
    assert split(text, "fr") == [
        ("Vraiment ?", 1), ("Oui !", 1), ("Il a dit : « Viens ».", 4), ("C’est l’heure ; partons.", 3),
    ]


def test_elisions_and_compounds_are_one_word() -> None:
    assert prose_words("C’est l’art d’aujourd’hui, peut-être.") == ["C’est", "l’art", "d’aujourd’hui", "peut-être"]
    assert prose_words("It's the editor's well-known 3.5 release") == [
        "It's", "the", "editor's", "well-known", "3.5", "release",
    ]


def test_closing_guillemet_after_a_no_break_space_stays_with_its_sentence() -> None:
    text = f"Puis «{NBSP}non{NBSP}!{NBSP}» Enfin rien."
    assert split(text, "fr") == [("Puis « non ! »", 2), ("Enfin rien.", 2)]


def test_a_one_letter_abbreviation_can_end_a_sentence() -> None:
    assert split("Il est arrivé à 10 h. Puis il est reparti.", "fr") == [
        ("Il est arrivé à 10 h.", 6), ("Puis il est reparti.", 4),
    ]


# --- sentences across blocks --------------------------------------------------------------------


def test_each_list_item_ends_a_sentence(tmp_path: Path) -> None:
    items = "\n".join(f"- item number {n}" for n in range(1, 11))
    doc = document(tmp_path, f"Ten things to bring\n\n{items}\n")
    assert [len(s.words) for s in doc.sentences] == [4] + [3] * 10
    assert doc.word_count == 34


def test_headings_cells_and_quotes_end_sentences(tmp_path: Path) -> None:
    body = (
        "# Un titre sans point\n\n"
        "Une phrase coupée\nsur deux lignes. Une autre\nphrase.\n\n"
        "| Outil | Usage |\n|---|---|\n| un tableur | trier les pages |\n\n"
        "> Une citation. Deux phrases.\n\n"
        "1. Premier pas\n2. Deuxième pas\n"
    )
    doc = document(tmp_path, body, "fr")
    assert [(s.text, s.line) for s in doc.sentences] == [
        ("Un titre sans point", 6),
        ("Une phrase coupée sur deux lignes.", 8),
        ("Une autre phrase.", 8),  # a sentence carries its block's first line
        ("Outil", 12), ("Usage", 12), ("un tableur", 14), ("trier les pages", 14),
        ("Une citation.", 16), ("Deux phrases.", 16),
        ("Premier pas", 18), ("Deuxième pas", 19),
    ]
    assert doc.word_count == 4 + 6 + 3 + 1 + 1 + 2 + 3 + 2 + 2 + 2 + 2


def test_code_urls_and_html_are_not_prose(tmp_path: Path) -> None:
    body = (
        "Run `npm run build` and read [the guide](https://example.org/guide) at https://example.com/raw today.\n\n"
        "```python\nprint('Not prose. Not at all.')\n```\n\n"
        "<div>Raw HTML block.</div>\n\n"
        "![An image alt text](cover.png)\n"
    )
    doc = document(tmp_path, body)
    assert [s.text for s in doc.sentences] == ["Run and read the guide at today."]
    assert doc.word_count == 7


def test_a_line_break_tag_separates_words(tmp_path: Path) -> None:
    doc = document(tmp_path, "First<br>second. Term<!-- note -->next.\n")
    assert [s.text for s in doc.sentences] == ["First second.", "Term next."]


# --- real content --------------------------------------------------------------------------------

@pytest.mark.slow
def test_astro_docs_fr_reading_ease_is_never_negative(tmp_path: Path) -> None:
    corpus = CORPUS / "astro-docs-fr"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here")
    config = tmp_path / "seolint.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    configs = Configs(explicit=config)
    negative: dict[str, float] = {}
    measured = 0
    for path in sorted(corpus.rglob("*.md*")):
        settings = configs.for_file(path).settings_for(path, dt.date(2025, 1, 1))
        doc = Document.from_bytes(path, path.name, path.read_bytes(), settings)
        found = doc.sentences
        syllables = sum(readability.syllables(word, "fr") for s in found for word in s.words)
        score = readability.reading_ease(doc.word_count, len(found), syllables, "fr")
        if score is None:
            continue
        measured += 1
        if score < 0:
            negative[path.relative_to(corpus).as_posix()] = round(score, 1)
    assert measured > 300
    assert negative == {}


@pytest.mark.slow
def test_content_and_keyphrase_rules_never_crash_on_real_content(seolint: Any, tmp_path: Path) -> None:
    """The C and K rules over astro-docs-fr, with each title as the focus keyphrase."""
    corpus = CORPUS / "astro-docs-fr"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here")
    copy = tmp_path / "astro"
    for path in corpus.rglob("*.md*"):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        title = re.search(r"^title:\s*(.+)$", text, re.MULTILINE)
        if title and text.startswith("---\n"):
            keyphrase = title.group(1).strip().strip("'\"").replace('"', "")
            text = text.replace("---\n", f'---\nkeyphrase: "{keyphrase}"\nkeywords: ["{keyphrase}", astro]\n', 1)
        target = copy / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (tmp_path / "seolint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    result = seolint("check", "--select", "C,K", "--output-format", "json", copy, cwd=tmp_path)
    assert result.code in (0, 1), result.err
    findings = result.json()
    assert [f"{f['path']}: {f['message']}" for f in findings if f["code"] == "RUN002"] == []
    codes = {f["code"] for f in findings}
    assert {"C003", "K005", "K006", "K007"} <= codes  # C001 is off on documentation pages (page kinds)
    assert "C001" not in codes
