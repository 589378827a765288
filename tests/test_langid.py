"""An article's language without config: declared, detected, from a folder, or the default.

Every case runs the real command line over real files and reads the language seolint used
from the CSV audit report (its `language` column) and from the findings.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest

from seolint.source import langid

from .conftest import CORPUS, ROOT

REFERENCE = CORPUS.parent / "reference" / "networking-professionnel-2025.md"

FRENCH = (
    "Un réseau professionnel ne se résume pas à une liste de contacts sur LinkedIn. C’est "
    "l’ensemble des personnes qui vous connaissent, qui savent ce que vous faites et qui pensent "
    "à vous quand une occasion se présente : un poste qui s’ouvre, un client qui cherche un "
    "prestataire, un projet qui a besoin de renfort. Bonne nouvelle : un réseau se construit, et "
    "la méthode s’apprend. Commencez par lister les personnes que vous connaissez déjà, puis "
    "reprenez contact avec celles que vous avez perdues de vue depuis un an ou deux. Ensuite, "
    "participez à un événement par mois et proposez votre aide avant de demander quoi que ce soit.\n"
)
ENGLISH = (
    "A newsletter is the most direct line you have to your readers. It lands in their inbox, next "
    "to messages from friends and colleagues. That place is earned, and it can be lost quickly. "
    "Before you write a single issue, decide what readers get from you. Maybe it is three useful "
    "links every Monday. Perhaps it is one short lesson from your own work. Write that promise in "
    "one sentence and put it on the sign-up page. Readers who know what to expect are far more "
    "likely to stay, and they tell their friends about it when it is good.\n"
)


def article(body: str, *front: str) -> str:
    return "\n".join(["---", "title: Un article", *front, "---", "", body])


def languages(seolint: Any, folder: Path, *paths: str | Path) -> dict[str, str]:
    """The language seolint gave each article, from the CSV audit report."""
    report = folder / "audit.csv"
    result = seolint("check", "--no-cache", "-q", "--report", f"csv:{report}", *(paths or ["."]), cwd=folder)
    assert result.code in (0, 1), result.err
    with report.open(encoding="utf-8-sig", newline="") as handle:
        return {row["path"]: row["language"] for row in csv.DictReader(handle)}


def findings(seolint: Any, folder: Path, *paths: str | Path, select: str = "ALL") -> list[dict[str, Any]]:
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", select,
                     *(paths or ["."]), cwd=folder)
    assert result.code in (0, 1), result.err
    found: list[dict[str, Any]] = result.json()
    return found


# --- detection ------------------------------------------------------------------------------


def test_french_text_without_lang_is_french_with_no_c006(seolint: Any, isolated: Path, write: Any) -> None:
    write("guide.md", article(FRENCH * 2))
    assert languages(seolint, isolated) == {"guide.md": "fr"}
    assert [f for f in findings(seolint, isolated, select="C006")] == []


def test_english_text_under_a_french_default_is_english(seolint: Any, isolated: Path, write: Any) -> None:
    write("seolint.toml", 'lang = "fr"\n')
    write("newsletter.md", article(ENGLISH))
    write("court.md", article("Un mot ou deux.\n"))
    assert languages(seolint, isolated) == {"newsletter.md": "en", "court.md": "fr"}


@pytest.mark.parametrize(
    "body",
    [
        "Bonjour à tous, voici la suite.\n",  # too short to tell
        "Voici le code :\n\n```js\n" + "const réseau = créer(le, la, les, des);\n" * 80 + "```\n",
        "| clé | valeur |\n|---|---|\n" + "| la | le |\n" * 60,  # a table of words is no prose
    ],
    ids=["short", "code-heavy", "table"],
)
def test_too_little_prose_falls_back_to_the_default(seolint: Any, isolated: Path, write: Any, body: str) -> None:
    write("page.md", article(body))
    assert languages(seolint, isolated) == {"page.md": "en"}


def test_a_quotation_does_not_flip_the_language(seolint: Any, isolated: Path, write: Any) -> None:
    write("guide.md", article(FRENCH + "\n> " + ENGLISH[:200] + "\n\n" + FRENCH))
    assert languages(seolint, isolated) == {"guide.md": "fr"}


def test_detect_needs_a_clear_lead() -> None:
    french = ["et", "dans", "avec", "est", "réseau"] * 30
    assert langid.detect(french) == "fr"
    assert langid.detect(french[:25]) is None  # too few words
    assert langid.detect(french[:40]) == "fr"  # few, but a lead of 80 points
    assert langid.detect(["est", "the", "réseau", "code", "api"] * 10) is None  # few, and close
    mixed = ["et", "dans", "réseau", "the", "and", "network"] * 30  # as much English as French
    assert langid.detect(mixed) is None
    spanish_too = ["de", "la", "que", "en", "est", "réseau"] * 20  # words French and Spanish share
    assert langid.detect(spanish_too) == "fr"  # only « est » is French alone, and it leads
    assert langid.detect(["réseau", "professionnel"] * 60) is None  # no function words at all


# --- declared languages ---------------------------------------------------------------------


def test_front_matter_and_lang_paths_are_declared_and_checked(seolint: Any, isolated: Path, write: Any) -> None:
    write("seolint.toml", '[lang-paths]\n"fr/**" = "fr"\n')
    write("fr/newsletter.md", article(ENGLISH))
    write("en-declared.md", article(FRENCH, "lang: en"))
    found = {(f["path"], f["code"]): f["message"] for f in findings(seolint, isolated, select="C006")}
    assert set(found) == {("fr/newsletter.md", "C006"), ("en-declared.md", "C006")}
    assert '[lang-paths] "fr/**"' in found["fr/newsletter.md", "C006"]
    assert "`lang: en`" in found["en-declared.md", "C006"]
    assert languages(seolint, isolated) == {"fr/newsletter.md": "fr", "en-declared.md": "en"}


def test_the_site_hook_declares_a_language(seolint: Any, isolated: Path, write: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The site profile answers `site_language`; its answer beats detection and is checked."""
    monkeypatch.setattr(langid, "site_language", lambda path, settings: "fr" if "fr" in path.parts else None)
    write("fr/newsletter.md", article(ENGLISH))
    write("en/newsletter.md", article(ENGLISH))
    assert languages(seolint, isolated) == {"fr/newsletter.md": "fr", "en/newsletter.md": "en"}
    codes = {(f["path"], f["code"]) for f in findings(seolint, isolated, select="C006")}
    assert codes == {("fr/newsletter.md", "C006")}


# --- language folders -----------------------------------------------------------------------


def test_a_language_folder_beside_another_tells_a_short_article(seolint: Any, isolated: Path, write: Any) -> None:
    write("content/en/about.md", article("Short.\n"))
    write("content/fr/a-propos.md", article("Court.\n"))
    write("notes/fr/memo.md", article("Court.\n"))  # a lone fr/ folder tells nothing
    assert languages(seolint, isolated) == {
        "content/en/about.md": "en", "content/fr/a-propos.md": "fr", "notes/fr/memo.md": "en",
    }


def test_the_text_beats_a_language_folder(seolint: Any, isolated: Path, write: Any) -> None:
    write("en/newsletter.md", article(ENGLISH))
    write("fr/newsletter.md", article(ENGLISH))  # not translated yet
    assert languages(seolint, isolated) == {"en/newsletter.md": "en", "fr/newsletter.md": "en"}
    assert findings(seolint, isolated, select="C006") == []


# --- the reference article and the examples -------------------------------------------------


@pytest.mark.skipif(not REFERENCE.is_file(), reason="../shared/reference is not here")
def test_reference_article_with_no_config(seolint: Any, isolated: Path) -> None:
    shutil.copy(REFERENCE, isolated / REFERENCE.name)
    found = findings(seolint, isolated)
    by_code: dict[str, list[dict[str, Any]]] = {}
    for finding in found:
        by_code.setdefault(finding["code"], []).append(finding)
    assert "C006" not in by_code
    assert any("Mots-clés SEO" in f["message"] for f in by_code["E001"])
    assert any("/quiz" in f["message"] for f in by_code["L004"])
    assert "Kandel–Moles pour la langue fr, détectée d’après le texte" in by_code["C004"][0]["message"]  # in French, the article's language


def test_french_examples_without_lang_stay_french(seolint: Any, isolated: Path) -> None:
    for source in sorted((ROOT / "examples" / "fr").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        (isolated / source.name).write_text(text.replace("\nlang: fr\n", "\n"), encoding="utf-8")
        assert "\nlang:" not in (isolated / source.name).read_text(encoding="utf-8")
    assert set(languages(seolint, isolated).values()) == {"fr"}
    found = findings(seolint, isolated)
    assert not [f for f in found if f["code"] == "C006"]
    assert not [f for f in found if f["code"] == "C004" and "Flesch reading ease" in f["message"]]
    guide = [f for f in found if f["path"] == "guide-reseau-professionnel.md"]
    assert {"E001", "L004"} <= {f["code"] for f in guide}


# --- the shared corpus ----------------------------------------------------------------------

SITES = {
    "putaindecode": ("fr", "articles"), "astro-docs-fr": ("fr", "guides"),
    "vue-docs-fr": ("fr", "src/guide"), "rust-blog": ("en", "."), "hugo-docs": ("en", "content/en/about"),
    "jekyll-docs": ("en", "docs/_docs"), "mkdocs-material": ("en", "docs/setup"),
}


@pytest.mark.parametrize("site", sorted(SITES))
def test_corpus_sites_get_their_language_without_config(site: str, seolint: Any, tmp_path: Path) -> None:
    lang, sub = SITES[site]
    folder = CORPUS / site / sub
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    files = sorted(p for p in folder.glob("*.md*") if p.name.lower() != "readme.md")[:12]
    got = languages(seolint, tmp_path, *files)
    measured = {path: code for path, code in got.items() if code != "en" or lang == "en"}
    assert measured and set(measured.values()) == {lang}, got
    found = findings(seolint, tmp_path, *files, select="C004,C006")
    assert not [f for f in found if f["code"] == "C006"]
    if lang == "fr":
        assert not [f for f in found if "Flesch reading ease" in f["message"]]
