"""Messages in the writer's language: the catalogues, the choice of language, French output."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from seolint import i18n
from seolint.i18n import msg, msg_n, render

from .conftest import REFERENCE, ROOT

pytestmark = pytest.mark.usefixtures("no_locale")

#: The rules converted to messages so far (the test widens as families are converted).
CONVERTED = "T,D,C,H,I,L,E,K,S,FM,X"
#: Words of English sentences that no French message, hint or closing line contains.
ENGLISH = re.compile(r"\b(the|is|are|and|of|with|should|this|that|found|characters?|hint|fix|"
                     r"all clear|checked|missing|link|heading|words?|sentences?)\b", re.IGNORECASE)


def _catalogues() -> Any:
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_a_french_entry_with_the_same_placeholders_and_a_current_mo() -> None:
    pytest.importorskip("babel")
    catalogues = _catalogues()
    found = [problem for domain in catalogues.DOMAINS for problem in catalogues.problems(domain, "fr")]
    assert found == []


def test_a_missing_entry_or_a_wrong_placeholder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("babel")
    catalogues = _catalogues()
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "seolint" / "locale", locale)
    po = locale / "fr" / "LC_MESSAGES" / "seolint.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('ne figure pas dans {field}"', 'ne figure pas dans {champ}"')
    text = text.replace('msgstr "Le titre"', 'msgstr ""')
    po.write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogues, "LOCALE", locale)
    found = "\n".join(catalogues.problems(catalogues.DOMAINS[0], "fr"))
    assert "placeholders ['champ', 'phrase'] differ" in found
    assert "empty fr translation of 'Title'" in found
    assert "is not compiled from its .po" in found


def test_numbers_take_the_decimal_comma_and_a_narrow_space_between_thousands_in_french() -> None:
    message = msg("This file is {size:,} bytes, over the limit of {limit:,} (max-file-size): not checked",
                  size=12345678, limit=10485760)
    assert message == "This file is 12,345,678 bytes, over the limit of 10,485,760 (max-file-size): not checked"
    assert render(message, "fr") == ("Ce fichier fait 12\u202f345\u202f678 octets, au-delà de la limite de "
                                     "10\u202f485\u202f760 (max-file-size)\u202f: il n’est pas vérifié")
    assert i18n.number_fr("48.2") == "48,2"


def test_french_plurals_are_singular_for_0_and_1() -> None:
    said = [render(msg_n("{count} file", "{count} files", n), "fr") for n in (0, 1, 2)]
    assert said == ["0 fichier", "1 fichier", "2 fichiers"]
    assert [msg_n("{count} file", "{count} files", n) for n in (0, 1)] == ["0 files", "1 file"]


def test_a_message_without_a_french_entry_stays_english() -> None:
    assert render(msg("Not in any catalogue {x}", x=1.5), "fr") == "Not in any catalogue 1,5"


def test_the_language_is_the_articles_then_the_locales_then_english(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.choose("auto", "fr") == "fr"
    assert i18n.choose("auto", "en") == "en"
    assert i18n.choose("auto", "de") == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.choose("auto", "de") == "fr" and i18n.choose("auto", "en") == "en"
    monkeypatch.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert i18n.choose("auto", "de") == "en"
    monkeypatch.setenv("LC_ALL", "fr_CA")
    assert i18n.choose("auto", "de") == "fr"
    assert i18n.choose("en", "fr") == "en" and i18n.choose("fr", "en") == "fr"
    monkeypatch.setenv("LC_ALL", "C")
    assert i18n.choose("auto", "de") == "en"


def _french_throughout(result: Any) -> None:
    found = result.json()
    assert found, "the reference article has findings"
    for item in found:
        texts = [item["message"], item["hint"] or "", (item["fix"] or {}).get("message", "")]
        for text in texts:
            assert not ENGLISH.search(text), f"{item['code']}: English left in {text!r}"


@pytest.mark.parametrize("how", [[], ["--messages-lang", "fr"]], ids=["auto", "option"])
def test_the_french_reference_article_reads_in_french(seolint: Any, tmp_path: Path, how: list[str]) -> None:
    article = tmp_path / REFERENCE.name
    shutil.copyfile(REFERENCE, article)  # no lang key: French is detected from the text
    result = seolint("check", "--no-cache", "--select", CONVERTED, "--output-format", "json", *how, article)
    _french_throughout(result)
    full = seolint("check", "--no-cache", "--select", CONVERTED, *how, article).out
    assert "conseil\u202f: " in full and "hint:" not in full
    closing = next(line for line in full.splitlines() if line.endswith(" dans 1 fichier sur 1 vérifié."))
    assert full.rstrip("\n").splitlines()[-1] == "3 corrigeables avec `seolint fix --unsafe-fixes`."
    assert not ENGLISH.search(closing)


def test_messages_en_keeps_english_and_machine_fields_never_change(seolint: Any, tmp_path: Path) -> None:
    article = tmp_path / REFERENCE.name
    shutil.copyfile(REFERENCE, article)
    english = seolint("check", "--no-cache", "--messages-lang", "en", "--output-format", "json", article).json()
    french = seolint("check", "--no-cache", "--messages-lang", "fr", "--output-format", "json", article).json()
    fields = ("code", "name", "severity", "path", "line", "column", "end_line", "end_column")
    assert [[item[key] for key in fields] for item in english] == [[item[key] for key in fields] for item in french]
    title = next(item for item in english if item["code"] == "T001")
    assert title["message"] == "Title is 69 characters long, over the 60 maximum"
    assert next(item for item in french if item["code"] == "T001")["message"] == (
        "Le titre fait 69 caractères, au-delà du maximum de 60")


def test_the_config_chooses_and_the_cache_keeps_each_language_apart(seolint: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Hi\ndescription: Hi\n---\n\nShort.\n", encoding="utf-8")
    config = tmp_path / "seolint.toml"
    config.write_text('messages = "fr"\n', encoding="utf-8")
    first = seolint("check", "--select", "T001", "--output-format", "concise", cwd=tmp_path).out
    assert "Le titre fait 2 caractères, en deçà du minimum de 30" in first
    assert first.endswith("1 avertissement dans 1 fichier sur 1 vérifié.\n")
    config.write_text('messages = "en"\n', encoding="utf-8")
    second = seolint("check", "--select", "T001", "--output-format", "concise", cwd=tmp_path).out
    assert "Title is 2 characters long, under the 30 minimum" in second
    assert second.endswith("Found 1 warning in 1 of 1 file checked.\n")
    config.write_text('messages = "de"\n', encoding="utf-8")
    assert seolint("check", cwd=tmp_path).code == 2


def test_an_english_article_stays_english_under_a_french_locale(
        seolint: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Hi\nlang: en\n---\n\nShort.\n", encoding="utf-8")
    out = seolint("check", "--no-cache", "--select", "T001", "--output-format", "concise", article).out
    assert "Title is 2 characters long" in out and out.endswith("Found 1 warning in 1 of 1 file checked.\n")
    article.write_text("---\ntitle: Hi\nlang: de\n---\n\nShort.\n", encoding="utf-8")
    out = seolint("check", "--no-cache", "--select", "T001", "--output-format", "concise", article).out
    assert "Le titre fait 2 caractères" in out


def test_a_run_speaks_the_language_most_of_its_articles_are_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C")
    assert i18n.for_run("auto", i18n.Tally(["fr"] * 376 + ["en"] * 44)) == "fr"  # astro-docs-fr
    assert i18n.for_run("auto", i18n.Tally(["fr", "en"])) == "en"  # no majority: the locale's, else English
    assert i18n.for_run("en", i18n.Tally(["fr"] * 3)) == "en"  # the configured choice wins
    assert i18n.for_run("auto", {"fr", "en"}) == "en"  # a set tells no majority


def test_french_entries_keep_french_typography() -> None:
    from babel.messages.pofile import read_po

    with open(i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "seolint.po", "rb") as handle:
        catalogue = read_po(handle, locale="fr")
    wrong = []
    for message in catalogue:
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            if text and (re.search(r" [:;?!](\s|$)", text) or "« " in text or " »" in text):
                wrong.append(text)
    assert wrong == []  # a no-break space before : ; ? ! and inside « »
