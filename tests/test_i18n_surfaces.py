"""The rest of what a French run prints, surface by surface, in French (and the same run in
English stays English): the severity tags of the line formats, the error and warning lines
of the command line, ``seolint rules`` and ``seolint site``, the language server's
diagnostics and hover, SARIF's rule texts. Codes, names, keys and fields never change."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.usefixtures("no_locale")

N = "\u202f"  # the narrow no-break space French puts before : ; ? !
ENGLISH = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
lang: en
---

Text.
"""


# --- the line formats' severity tags ----------------------------------------------------------


@pytest.mark.parametrize("output", ["concise", "full"])
def test_severity_tags_follow_the_runs_language(seolint: Any, reference: Path, output: str) -> None:
    french = seolint("check", "--no-cache", "--output-format", output, reference).out
    heads = [line for line in french.splitlines() if line.startswith(str(reference))]
    assert heads and all(re.search(r" \[(erreur|avertissement|info)\] ", line) for line in heads)
    assert f"T001 [avertissement] Le titre fait 69 caractères" in french
    assert not re.search(r"\[(error|warning)\]", french)
    english = seolint("check", "--no-cache", "--messages-lang", "en", "--output-format", output, reference).out
    assert "T001 [warning] Title is 69 characters" in english
    assert not re.search(r"\[(erreur|avertissement)\]", english)


def test_printed_lines_kept_in_one_language_are_not_reused_in_another(
        seolint: Any, reference: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A French article beside an English one: each keeps its messages' language, and the run
    speaks the locale's (no majority). The French article's findings are the same in both
    runs, so only the run's language tells their printed lines apart."""
    folder = reference.parent
    (folder / "english.md").write_text(ENGLISH, "utf-8")
    args = ("check", "--output-format", "concise", ".")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    french = seolint(*args, cwd=folder).out
    assert f"{reference.name}:2:1: T001 [avertissement] Le titre fait 69" in french
    assert list((folder / ".seolint_cache").rglob("render-*"))  # the printed lines were kept
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = seolint(*args, cwd=folder).out
    assert f"{reference.name}:2:1: T001 [warning] Le titre fait 69" in english  # its messages stay French
    assert "[avertissement]" not in english
    assert english == seolint(*args[:1], "--no-cache", *args[1:], cwd=folder).out
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert seolint(*args, cwd=folder).out == french


# --- the command line's error and warning lines -----------------------------------------------


def test_errors_of_a_french_run_are_in_french(seolint: Any, reference: Path) -> None:
    french = seolint("check", "--messages-lang", "fr", "--report", "bad", reference)
    assert french.code == 2
    assert french.err == (f"seolint{N}: erreur{N}: --report attend FORMAT:PATH avec un format parmi concise, csv, "
                          "full, github, gitlab, html, json, junit, markdown, rdjson, sarif, summary, pas `bad`\n")
    english = seolint("check", "--messages-lang", "en", "--report", "bad", reference)
    assert english.err.startswith("seolint: error: --report takes FORMAT:PATH with a format among concise,")
    typo = seolint("check", "--messages-lang", "fr", "--select", "T0O1", reference).err
    assert typo == (f"seolint{N}: erreur{N}: la ligne de commande{N}: règle ou préfixe inconnu `T0O1` "
                    f"(vouliez-vous dire `T001`{N}?)\n")


def test_a_config_that_says_french_gets_its_errors_in_french(seolint: Any, reference: Path) -> None:
    folder = reference.parent
    (folder / "seolint.toml").write_text('messages = "fr"\n[rules.T0]\nmax = 3\n', "utf-8")
    broken = seolint("check", reference.name, cwd=folder).err
    assert broken.startswith(f"seolint{N}: erreur{N}: ") and "[rules.T0] doit nommer une seule règle" in broken
    (folder / "seolint.toml").write_text('messages = "fr"\n[fields]\nrequierd = ["title"]\n', "utf-8")
    typo = seolint("check", reference.name, cwd=folder).err  # the file does not load: its key is read as TOML
    assert typo.endswith(f"seolint.toml:3{N}: clé inconnue `fields.requierd` (vouliez-vous dire `required`{N}?)\n")
    assert typo.startswith(f"seolint{N}: erreur{N}: ")
    (folder / "seolint.toml").write_text('messages = "fr"\n', "utf-8")
    missing = seolint("check", "--baseline", "absent.json", reference.name, cwd=folder).err
    assert missing == (f"seolint{N}: erreur{N}: absent.json{N}: fichier de référence introuvable "
                       "(créez-le avec --write-baseline)\n")
    english = seolint("check", "--messages-lang", "en", "--baseline", "absent.json", reference.name, cwd=folder).err
    assert english == "seolint: error: absent.json: baseline file not found (create it with --write-baseline)\n"


def test_an_error_after_the_articles_were_read_speaks_their_language(seolint: Any, reference: Path) -> None:
    """``auto``: the French article makes the run French, and so the error that ends it."""
    blocked = reference.parent / "blocked"
    blocked.write_text("a file where the report's folder should be", "utf-8")
    french = seolint("check", "--no-cache", "--report", f"json:{blocked}/out.json", reference).err
    assert french.startswith(f"seolint{N}: erreur{N}: impossible d’écrire le rapport {blocked}/out.json{N}: ")
    english = seolint("check", "--no-cache", "--messages-lang", "en", "--report", f"json:{blocked}/out.json",
                      reference).err
    assert english.startswith(f"seolint: error: cannot write the report {blocked}/out.json: ")


# --- seolint rules and seolint site -----------------------------------------------------------


def test_the_rules_listing_says_states_and_families_in_french(seolint: Any, tmp_path: Path) -> None:
    french = seolint("rules", "--messages-lang", "fr", cwd=tmp_path).out.splitlines()
    english = seolint("rules", "--messages-lang", "en", cwd=tmp_path).out.splitlines()
    assert [line.split()[:2] for line in french] == [line.split()[:2] for line in english]  # codes, names
    fm004 = next(line for line in french if line.startswith("FM004 "))
    assert fm004.split()[2:4] == ["erreur", "sûr"]
    assert any(line.split()[2] == "avertissement" for line in french)
    assert any(line.startswith("C0") and line.endswith(" contenu et lisibilité") for line in french)
    assert next(line for line in english if line.startswith("FM004 ")).split()[2:4] == ["error", "safe"]
    columns = {line.index(line.split()[2]) for line in french}
    assert len(columns) == 1  # the states stay in one column, however long the French word
    listed = json.loads(seolint("rules", "--messages-lang", "fr", "--output-format", "json", cwd=tmp_path).out)
    assert {row["state"] for row in listed} <= {"error", "warning", "info", "off"}  # JSON: English values


def test_site_headings_in_french_values_as_they_are(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Mon blog\nlang: fr\n", "utf-8")
    (site / "_posts" / "2024-05-02-reseau.md").write_text("---\ntitle: Réseau\n---\n\nTexte.\n", "utf-8")
    french = seolint("site", "--messages-lang", "fr", site).out
    english = seolint("site", "--messages-lang", "en", site).out
    assert re.search(rf"^générateur{N}: +jekyll$", french, re.MULTILINE)
    assert re.search(rf"^titre tiré du H1{N}: +(oui|non)$", french, re.MULTILINE)
    assert re.search(rf"^exemples{N}:$", french, re.MULTILINE) and "_posts/2024-05-02-reseau.md -> " in french
    assert re.search(r"^generator: +jekyll$", english, re.MULTILINE) and "exemples" not in english
    widths = {line.index(line.split(":")[1].strip()) for line in french.splitlines()
              if ":" in line and not line.startswith(" ") and line.split(":")[1].strip()}
    assert len(widths) == 1  # the values line up after the longest French heading


def test_clean_says_what_it_removed_in_the_locales_language(
        seolint: Any, reference: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = reference.parent
    seolint("check", "-q", ".", cwd=folder)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert seolint("clean", cwd=folder).out == f"Supprimé{N}: .seolint_cache\n"
    seolint("check", "-q", ".", cwd=folder)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert seolint("clean", cwd=folder).out == "Removed .seolint_cache\n"


# --- SARIF: the rules' texts -----------------------------------------------------------------


def test_sarif_rule_texts_follow_the_run_ids_and_properties_do_not(seolint: Any, reference: Path) -> None:
    french = seolint("check", "--no-cache", "--output-format", "sarif", reference).json()["runs"][0]
    english = seolint("check", "--no-cache", "--messages-lang", "en", "--output-format", "sarif",
                      reference).json()["runs"][0]
    rules_fr, rules_en = french["tool"]["driver"]["rules"], english["tool"]["driver"]["rules"]
    t001 = next(rule for rule in rules_fr if rule["id"] == "T001")
    assert t001["shortDescription"]["text"].startswith("Signale un titre plus court ou plus long")
    assert "## Ce que fait la règle" in t001["help"]["markdown"]
    assert next(rule for rule in rules_en if rule["id"] == "T001")["shortDescription"]["text"].startswith(
        "Reports a title shorter or longer")
    for fr, en in zip(rules_fr, rules_en):
        assert {key: fr[key] for key in ("id", "name", "defaultConfiguration", "properties")} == \
            {key: en[key] for key in ("id", "name", "defaultConfiguration", "properties")}
        assert not fr["shortDescription"]["text"].startswith("Reports")


# --- the language server ----------------------------------------------------------------------


def test_the_language_server_speaks_a_french_documents_language(reference: Path) -> None:
    pytest.importorskip("pytest_lsp")
    import asyncio

    from lsprotocol import types

    from tests.lsp.client import diagnostics, open_document, session

    async def scenario() -> tuple[list[types.Diagnostic], types.Hover | None, list[types.CodeAction]]:
        async with session() as client:
            uri = open_document(client, reference)
            found = await diagnostics(client, uri)
            hover = await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(1, 3)))
            title = next(d for d in found if d.code == "T001")
            actions = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), title.range, types.CodeActionContext(diagnostics=[title])))
            return found, hover, list(actions or [])

    found, hover, actions = asyncio.run(scenario())
    assert next(d for d in found if d.code == "T001").message.startswith("Le titre fait 69 caractères")
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert f"**T001** `title-length`{N}: Le titre fait 69" in text
    assert f"**Aperçu dans les résultats de recherche** (environ 643 px sur 580 px en Arial 20 px){N}: " in text
    assert f"Google le coupe après «\u00a0" in text and "## Ce que fait la règle" in text
    assert "**SERP preview**" not in text and "## What it does" not in text
    titles = [action.title for action in actions]
    assert "Désactiver T001 pour cette ligne" in titles and "Désactiver T001 pour ce fichier" in titles
    assert not [title for title in titles if title.startswith(("Disable", "Fix "))]
