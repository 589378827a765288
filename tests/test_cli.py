"""The command line: the JSON contract, exit codes, output formats, rule docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seolint.checks import REGISTRY

from .conftest import FRONT, ROOT

GOOD = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
image: cover.png
---

Text.
"""

SHORT_TITLE = GOOD.replace("Build a professional network that lasts for years", "Professional network")

REFERENCE = ROOT / "examples" / "fr" / "guide-reseau-professionnel.md"


def test_json_contract(seolint: Any, write: Any, isolated: Path) -> None:
    write("posts/cover.png", b"\x89PNG\r\n\x1a\n")
    write("posts/short.md", SHORT_TITLE)
    result = seolint("check", "--output-format", "json", "posts")
    assert result.code == 0  # a warning does not fail by default
    findings = result.json()
    assert isinstance(findings, list)
    [finding] = [f for f in findings if f["code"] == "T001"]
    assert set(finding) >= {"code", "name", "severity", "message", "path", "line", "column",
                            "end_line", "end_column", "fix"}
    assert finding["name"] == "title-length"
    assert finding["severity"] == "warning"
    assert finding["path"] == "posts/short.md"  # relative to the current folder
    assert (finding["line"], finding["column"]) == (2, 1)
    assert finding["end_line"] == 2 and finding["end_column"] > finding["column"]
    assert finding["fix"] is None
    assert "20 characters" in finding["message"] and "30" in finding["message"]


def test_json_fix_object(seolint: Any, write: Any, isolated: Path) -> None:
    name = "build-a-professional-network-that-lasts-for-years.md"  # the slug keeps this URL
    write(name, GOOD.replace("slug: professional-network\n", ""))
    findings = seolint("check", "--output-format", "json", name).json()
    [s005] = [f for f in findings if f["code"] == "S005"]
    assert s005["fix"]["applicability"] == "safe"
    assert s005["fix"]["message"] == "Add `slug: build-a-professional-network-that-lasts-for-years`"
    [insertion] = s005["fix"]["replacements"]
    assert insertion["text"] == "slug: build-a-professional-network-that-lasts-for-years\n"
    assert (insertion["line"], insertion["column"]) == (insertion["end_line"], insertion["end_column"])
    assert s005["path"] == name  # explicit paths are reported as given


def test_exit_codes_and_fail_on(seolint: Any, write: Any, isolated: Path) -> None:
    write("cover.png", b"\x89PNG\r\n\x1a\n")
    write("good.md", GOOD)
    write("warn.md", SHORT_TITLE)
    assert seolint("check", "--select", FRONT, "good.md").code == 0
    assert seolint("check", "--select", FRONT, "warn.md").code == 0
    assert seolint("check", "--select", FRONT, "--fail-on", "warning", "warn.md").code == 1
    assert seolint("check", "--select", FRONT, "--fail-on", "warning", "good.md").code == 0
    write("error.md", GOOD.replace("date: 2024-05-02", "date: 2024-02-30"))
    assert seolint("check", "error.md").code == 1
    assert seolint("check", "--select", "NOPE", "good.md").code == 2
    assert seolint("check", "--output-format", "xml", "good.md").code == 2


def test_full_format_quotes_the_line_and_the_hint(seolint: Any) -> None:
    result = seolint("check", "--no-color", "--messages-lang", "en", "--select", "T001", REFERENCE)
    assert result.code == 0
    lines = result.out.splitlines()
    head = f"{REFERENCE.as_posix()}:2:1: T001 [warning] Title is 74 characters long, over the 60 maximum"
    assert lines[0] == head
    assert lines[1].startswith("  2 | title: ")
    assert lines[2].strip().startswith("| ^^^")
    assert lines[3].startswith("  hint: ") and "Drop at least 14 characters" in lines[3]
    assert lines[-1] == "Found 1 warning in 1 of 1 file checked."


def test_concise_format_and_summary(seolint: Any, write: Any, isolated: Path) -> None:
    write("cover.png", b"\x89PNG\r\n\x1a\n")
    write("good.md", GOOD)
    write("bad.md", "no front matter\n")
    result = seolint("check", "--output-format", "concise", "--select", FRONT, ".")
    assert result.out.splitlines() == [
        "bad.md:1:1: FM001 [error] The article has no front matter: search engines get no title, description or date",
        "Found 1 error in 1 of 2 files checked.",
    ]
    clean = seolint("check", "--output-format", "concise", "--select", FRONT, "good.md")
    assert clean.out.strip() == "All clear: no findings in 1 file."


def test_reference_article_gets_its_findings(seolint: Any) -> None:
    result = seolint("check", "--output-format", "json", REFERENCE, cwd=ROOT / "examples")
    codes = {f["code"] for f in result.json()}
    # The front matter: too long and too wide a title, too long a description, an SVG cover.
    assert {"T001", "T002", "D001", "I002"} <= codes
    # The body: its H1 repeats the title, bold lines stand in for headings, the assistant's
    # notes are still there, the /quiz call to action is not a link, no internal link.
    assert {"H001", "H003", "E001", "L004", "L001"} <= codes
    # What it does right: descriptive link texts, no placeholder, keyphrase in the intro.
    assert not codes & {"L003", "E003", "K006", "T003", "D003", "S001", "S003", "T005"}


def test_select_ignore_and_names(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", SHORT_TITLE)
    def codes(*args: str) -> set[str]:
        return {f["code"] for f in seolint("check", "--output-format", "json", *args, "a.md").json()}
    assert codes("--select", "T") == {"T001"}
    assert codes("--select", "title-length") == {"T001"}
    assert "I003" not in codes("--ignore", "I003,T001") and "T001" not in codes("--ignore", "I003,T001")
    assert codes("--select", "T001", "--extend-select", "S005") == {"T001"}


def test_rule_prints_its_explanation(seolint: Any) -> None:
    by_code = seolint("rule", "T002")
    by_name = seolint("rule", "title-width")
    assert by_code.code == 0 and by_code.out == by_name.out
    assert "## Why is this bad?" in by_code.out and "580 px" in by_code.out
    assert "Rank Math" in by_code.out  # the source of the threshold
    missing = seolint("rule", "Z999")
    assert missing.code == 2 and "Z999" in missing.err


def test_rules_lists_every_rule_with_its_state(seolint: Any, write: Any, isolated: Path) -> None:
    result = seolint("rules", "--output-format", "json")
    rows = {row["code"]: row for row in result.json()}
    assert set(rows) == set(REGISTRY)
    assert rows["T004"]["state"] == "off" and rows["T001"]["state"] == "warning"
    write("seolint.toml", 'extend-select = ["T004"]\nignore = ["I001"]\n[severity]\nT001 = "error"\n')
    rows = {row["code"]: row for row in seolint("rules", "--output-format", "json").json()}
    assert rows["T004"]["state"] == "warning"
    assert rows["I001"]["state"] == "off"
    assert rows["T001"]["state"] == "error"
    text = seolint("rules").out
    assert "S001    slug-format" in text and "unsafe" in text


def test_version(seolint: Any) -> None:
    result = seolint("--version")
    assert result.code == 0 and "seolint, version" in result.out
