"""What a run says besides its findings, in the run's language: the Markdown summary,
``--statistics``, the lines of ``fix``, ``check --fix`` and ``publish``, the notes of
``check``; and the machine formats, whose codes, names and fields never follow the language."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from .conftest import REFERENCE, ROOT

pytestmark = pytest.mark.usefixtures("no_locale")

N = "\u202f"  # the narrow no-break space French puts before : ; ? !


def test_the_markdown_summary_of_a_french_article_is_in_french(seolint: Any, reference: Path) -> None:
    out = seolint("check", "--no-cache", "--output-format", "markdown", reference).out
    assert "| Gravité | Problèmes |" in out and "| Article | Score | Erreurs | Avertissements | Infos |" in out
    assert "| Emplacement | Code | Gravité | Message |" in out
    assert re.search(r"^\| avertissement \| \d+ \|$", out, re.MULTILINE)
    assert re.search(r"\| T001 title-length \| avertissement \| Le titre fait 69 caractères", out)
    assert " des " not in out.splitlines()[2] and out.splitlines()[2].endswith(" dans 1 fichier sur 1 vérifié.")
    assert not re.search(r"\| (error|warning|Severity|Findings|Location) \|", out)
    english = seolint("check", "--no-cache", "--messages-lang", "en", "--output-format", "markdown", reference).out
    assert "| Severity | Findings |" in english and "| T001 title-length | warning | Title is 69" in english


def test_statistics_in_french_keep_their_columns(seolint: Any, reference: Path) -> None:
    out = seolint("check", "--no-cache", "--statistics", reference).out
    lines = out.splitlines()
    assert re.fullmatch(r"\d+ problèmes en tout", lines[-1])
    rows = lines[:-1]
    assert any(" avertissement " in row for row in rows) and any(row.endswith(" [corrigeable]") for row in rows)
    marks = {row.index("[corrigeable]") for row in rows if "[corrigeable]" in row}
    assert len(marks) == 1  # the mark stays in one column whatever the severity's width
    english = seolint("check", "--no-cache", "--statistics", "--messages-lang", "en", reference).out.splitlines()
    assert re.fullmatch(r"\d+ findings in all", english[-1]) and any(row.endswith(" [fixable]") for row in english)
    assert [row.split()[:3] for row in english[:-1]] == [row.split()[:3] for row in rows]  # counts, codes, names


@pytest.mark.parametrize("command", [["fix"], ["check", "--fix"]], ids=["fix", "check-fix"])
def test_fixed_lines_are_in_french(seolint: Any, reference: Path, command: list[str]) -> None:
    folder = reference.parent
    text = reference.read_text("utf-8").replace("keywords:\n", "keywords: réseau, réseau\nx-old:\n", 1)
    reference.write_text(text, "utf-8")
    result = seolint(*command, "--no-cache", "--unsafe-fixes", REFERENCE.name, cwd=folder)
    assert result.out.startswith(f"Corrigé{N}: {REFERENCE.name}\n")
    assert "Fixed" not in result.out
    assert result.out.endswith(" dans 1 fichier sur 1 vérifié.\n")


def test_changes_only_and_diff_in_french(seolint: Any, reference: Path) -> None:
    folder = reference.parent
    diff = seolint("fix", "--no-cache", "--unsafe-fixes", "--diff", REFERENCE.name, cwd=folder).out
    assert diff.startswith(f"--- a/{REFERENCE.name}\n+++ b/{REFERENCE.name}\n")  # code: as it is
    changed = seolint("fix", "--no-cache", "--unsafe-fixes", "--changes-only", REFERENCE.name, cwd=folder).out
    assert changed.splitlines()[0] == f"Corrigé{N}: {REFERENCE.name}"
    assert re.fullmatch(rf"\d+ problèmes restent dans 1 fichier{N}: `seolint check` les liste\.",
                        changed.splitlines()[1])


def test_publish_says_what_it_did_in_french(seolint: Any, reference: Path, tmp_path: Path) -> None:
    held = seolint("publish", reference.parent, "--out", tmp_path / "dist", "--base-url", "https://example.org")
    assert held.code == 1
    assert held.err.splitlines()[0] == (f"seolint{N}: 1 article non publié (--allow-errors publie aussi ceux qui ont "
                                        f"des erreurs){N}:")
    assert held.err.splitlines()[1].startswith(f"{reference}{N}: E001")
    assert held.out == f"0 article publié dans {tmp_path / 'dist'}\n"
    sent = seolint("publish", reference.parent, "--out", tmp_path / "dist", "--base-url", "https://example.org",
                   "--allow-errors")
    assert sent.err.startswith(f"seolint{N}: 1 article publié malgré des erreurs{N}:\n")
    assert sent.out == f"1 article publié dans {tmp_path / 'dist'}\n"
    english = seolint("publish", reference.parent, "--out", tmp_path / "dist", "--base-url", "https://example.org",
                      "--allow-errors", "--messages-lang", "en")
    assert english.out == f"Published 1 article to {tmp_path / 'dist'}\n"
    assert english.err.startswith("seolint: 1 article published despite errors:\n")


def test_the_notes_of_check_are_in_french(seolint: Any, reference: Path, tmp_path: Path) -> None:
    shard = seolint("check", "--no-cache", "--shard", "1/1", reference)
    assert shard.err.startswith(f"Partie 1/1{N}: 1 article vérifié{N}; les règles entre articles")
    baseline = tmp_path / "baseline.json"
    wrote = seolint("check", "--no-cache", "--write-baseline", baseline, reference)
    assert re.fullmatch(rf"\d+ problèmes enregistrés dans {re.escape(str(baseline))}\n", wrote.err)
    empty = tmp_path / "empty"
    empty.mkdir()
    none = seolint("check", "--no-cache", "--messages-lang", "fr", empty)
    assert none.err == f"seolint{N}: avertissement{N}: aucun article Markdown (.md, .markdown, .mdx) trouvé dans {empty.as_posix()}\n"


# --- machine formats --------------------------------------------------------------------------

#: Where the machine formats carry text for people: only these may change with the language.
MESSAGE_TEXT = {
    "json": {"[].message", "[].hint", "[].fix.message"},
    "sarif": {".runs[].results[].message.text", ".runs[].results[].fixes[].description.text",
              *(f".runs[].tool.driver.rules[].{text}" for text in
                ("shortDescription.text", "fullDescription.text", "help.text", "help.markdown"))},
    "gitlab": {"[].description"},
    "rdjson": {".diagnostics[].message"},
}


def _differences(english: Any, french: Any, path: str = "") -> set[str]:
    """Where two documents hold different values; their shapes (keys, lengths) must agree."""
    if isinstance(english, dict):
        assert isinstance(french, dict) and english.keys() == french.keys(), path
        return set().union(*(_differences(english[key], french[key], f"{path}.{key}") for key in english))
    if isinstance(english, list):
        assert isinstance(french, list) and len(english) == len(french), path
        return set().union(*(_differences(a, b, f"{path}[]") for a, b in zip(english, french)))
    return set() if english == french else {path}


@pytest.mark.parametrize("name", sorted(MESSAGE_TEXT))
def test_machine_formats_change_only_their_message_text(seolint: Any, reference: Path, name: str) -> None:
    english, french = (seolint("check", "--no-cache", "--messages-lang", lang, "--output-format", name,
                               reference, cwd=reference.parent).json() for lang in ("en", "fr"))
    changed = _differences(english, french)
    assert changed and changed <= MESSAGE_TEXT[name]
    text = json.dumps(french, ensure_ascii=False)
    assert "Le titre fait 69 caractères" in text
    if name == "json":  # the suggested edits are found again in French too
        assert [item["fix"] for item in english if item["fix"] and "replacements" in item["fix"]]
        assert [(item["fix"] or {}).get("replacements") for item in english] == [
            (item["fix"] or {}).get("replacements") for item in french]


def test_junit_changes_only_its_message_text(seolint: Any, reference: Path) -> None:
    english, french = (ET.fromstring(seolint("check", "--no-cache", "--messages-lang", lang, "--output-format",
                                             "junit", reference, cwd=reference.parent).out)
                       for lang in ("en", "fr"))
    pairs = list(zip(english.iter(), french.iter()))
    assert len(pairs) == len(list(english.iter())) == len(list(french.iter()))
    for a, b in pairs:
        assert a.tag == b.tag and a.attrib.keys() == b.attrib.keys()
        assert {k: v for k, v in a.attrib.items() if k != "message"} == {
            k: v for k, v in b.attrib.items() if k != "message"}
    failures = [b for b in french.iter("failure")]
    assert failures and any("conseil\u202f: " in (b.text or "") for b in failures)
    assert any(b.get("message", "").startswith("Le titre fait 69") for b in failures)


def test_merged_shards_speak_their_articles_language(seolint: Any, reference: Path, tmp_path: Path) -> None:
    part = tmp_path / "part.json"
    seolint("check", "--no-cache", "-q", "--shard", "1/1", "--report", f"summary:{part}", reference)
    merged = seolint("merge", part, "--output-format", "concise", cwd=tmp_path).out
    assert merged.splitlines()[-2].endswith(" dans 1 fichier sur 1 vérifié.")
    english = seolint("merge", part, "--output-format", "concise", "--messages-lang", "en", cwd=tmp_path).out
    assert english.splitlines()[-2].endswith(" in 1 of 1 file checked.")


LOADED = """
import sys
from seolint import i18n
from seolint.cli import main
code = main(["check", "--no-cache", "--report", "html:" + sys.argv[2], "--report", "markdown:" + sys.argv[3],
             sys.argv[1]])
print(i18n._catalogue.cache_info().currsize)
"""


@pytest.mark.parametrize(("lang", "loaded"), [("en", "0"), ("fr", "1")])
def test_a_catalogue_is_read_only_by_a_run_that_speaks_its_language(tmp_path: Path, lang: str, loaded: str) -> None:
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text(f"---\ntitle: Hi\nlang: {lang}\n---\n\nShort text.\n", "utf-8")
    done = subprocess.run([sys.executable, "-c", LOADED, str(article), str(tmp_path / "a.html"),
                           str(tmp_path / "a.md.md")], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}, check=False)
    assert done.stdout.splitlines()[-1] == loaded, done.stderr


def test_fix_from_stdin_closes_in_the_articles_language(reference: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "seolint", "fix", "--stdin-filename", REFERENCE.name],
                          input=reference.read_bytes(), capture_output=True, cwd=tmp_path, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    said = done.stderr.decode("utf-8").splitlines()
    assert said[-2].endswith(" dans 1 fichier sur 1 vérifié.") and "conseil\u202f: " in "\n".join(said)
    assert done.stdout.startswith(b"---\n")
