"""Fixes as replacement text: JSON ``fix.replacements``, SARIF ``fixes``, rdjson ``suggestions``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from seolint.findings import Replacement
from seolint.fix.suggest import replacements

from .test_report_formats import validate_sarif

ARTICLE = (
    "---\r\ntitle: Réseau professionnel\r\nkeywords:\r\n  - seo   # main\r\n  # a comment\r\n"
    "  - SEO\r\n  - été\r\n---\r\n\r\n# Réseau professionnel\r\n\r\nText.\r\n"
)


def _apply(text: str, found: list[Replacement] | tuple[Replacement, ...]) -> str:
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    for item in sorted(found, reverse=True):
        text = text[: offset(item.line, item.column)] + item.text + text[offset(item.end_line, item.end_column):]
    return text


@pytest.mark.parametrize(("old", "new"), [
    ("a\nb\nc\n", "a\nB\nc\n"),
    ("a\r\nb\r\nc", "a\r\nx\r\nb\r\nc"),
    ("title: x\nkeywords: [a, b, a]  # c\nbody\n", "title: x\nkeywords: [a, b]  # c\nbody\n"),
    ("one\rtwo\nthree\n", "one\rthree\n"),
    ("é\n", "é\nà\n"),
])
def test_replacements_turn_the_old_text_into_the_new(old: str, new: str) -> None:
    found = replacements(old, new)
    assert _apply(old, found) == new
    assert all(len(item.text) <= len(new) for item in found)


def test_a_changed_character_is_the_whole_replacement() -> None:
    assert replacements("keywords: [seo, SEO]\n", "keywords: [seo]\n") == (Replacement(1, 15, 1, 20, ""),)


def _article(write: Any) -> Path:
    path: Path = write("reseau-professionnel.md", ARTICLE.encode("utf-8"))
    return path


def test_json_replacements_are_the_fix_of_each_finding(seolint: Any, write: Any, isolated: Path) -> None:
    path = _article(write)
    found = seolint("check", "--select", "K002,S005,H001", "--output-format", "json", path.name).json()
    by_code = {item["code"]: item for item in found}
    assert set(by_code) == {"K002", "S005", "H001"}
    original = path.read_bytes().decode("utf-8")
    fixed_keywords = _apply(original, [Replacement(**r) for r in by_code["K002"]["fix"]["replacements"]])
    assert fixed_keywords == original.replace("  - SEO\r\n", "")  # the comments stay
    with_slug = _apply(original, [Replacement(**r) for r in by_code["S005"]["fix"]["replacements"]])
    assert with_slug == original.replace("professionnel\r\nkeywords", "professionnel\r\nslug: reseau-professionnel\r\nkeywords")
    # the same text as `seolint fix` gives for that rule alone
    seolint("fix", "--select", "K002", path.name)
    assert path.read_bytes().decode("utf-8") == fixed_keywords


def test_sarif_fixes_validate_against_the_schema(seolint: Any, write: Any, isolated: Path) -> None:
    path = _article(write)
    log = validate_sarif(seolint("check", "--select", "K002,S005,H001", "--output-format", "sarif", path.name).out)
    fixes = {result["ruleId"]: result["fixes"] for result in log["runs"][0]["results"]}
    change = fixes["H001"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "reseau-professionnel.md"
    assert change["replacements"][0]["insertedContent"]["text"] == ""
    assert "unsafe" in fixes["H001"][0]["description"]["text"]


def test_rdjson_suggestions_count_utf8_bytes(seolint: Any, write: Any, isolated: Path) -> None:
    text = "---\ntitle: été  à la plage\n---\n\nBody.\n"
    write("a.md", text)
    found = json.loads(seolint("check", "--select", "FM010", "--output-format", "rdjson", "a.md").out)
    [suggestion] = found["diagnostics"][0]["suggestions"]
    # "été " is 6 bytes in UTF-8: the doubled space starts at byte column 8 + 6 = 14 (1-based)
    assert suggestion["range"]["start"] == {"line": 2, "column": len("title: été ".encode()) + 1}
    assert suggestion["text"] == ""


def test_formats_without_replacements_are_unchanged(seolint: Any, write: Any, isolated: Path) -> None:
    path = _article(write)
    concise = seolint("check", "--select", "K002", "--output-format", "concise", path.name).out
    assert "replacements" not in concise
