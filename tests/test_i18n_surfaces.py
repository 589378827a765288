"""The rest of what a French run prints, surface by surface, in French (and the same run in
English stays English): the severity tags of the line formats, the error and warning lines
of the command line, ``seolint rules`` and ``seolint site``, the language server's
diagnostics and hover, SARIF's rule texts. Codes, names, keys and fields never change."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

REFERENCE = ROOT.parent / "shared" / "reference" / "networking-professionnel-2025.md"
N = "\u202f"  # the narrow no-break space French puts before : ; ? !
ENGLISH = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
lang: en
---

Text.
"""


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """The French reference article (no lang key: French is detected), alone in a folder."""
    if not REFERENCE.is_file():
        pytest.skip("the shared reference article is absent")
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copyfile(REFERENCE, folder / REFERENCE.name)
    return folder / REFERENCE.name


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
