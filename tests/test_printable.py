"""File names that are not UTF-8, and control characters, in every output (issue #16,
items 4 and 11): each format is valid in its encoding and shows the name losslessly."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from seolint.printable import name_bytes, shown_name, terminal

RAW = b"caf\xe9-\xff.md"  # Latin-1 é and a byte no encoding decodes
SHOWN = "caf\\xe9-\\xff.md"
ARTICLE = b"---\ntitle: A\ndescription: Same for both.\n---\n\nSome text.\n"


@pytest.fixture
def odd_name(isolated: Path) -> Path:
    (isolated / os.fsdecode(RAW)).write_bytes(ARTICLE)
    (isolated / "other.md").write_bytes(ARTICLE)
    return isolated


@pytest.mark.parametrize("form", ["full", "concise", "json", "github", "sarif", "junit", "gitlab", "rdjson", "markdown"])
def test_every_output_format_is_utf8_and_shows_the_name(seolint: Any, odd_name: Path, form: str) -> None:
    result = seolint("check", ".", "--no-cache", "-q", "--output-format", form)
    assert result.code == 1, result.err
    text = result.out.encode("utf-8").decode("utf-8")  # raises on a lone surrogate
    if form == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(text)["runs"][0]["results"]}
        assert "caf%E9-%FF.md" in uris  # the file's own bytes, percent-encoded
    elif form in ("json", "rdjson", "gitlab"):
        assert SHOWN in _strings(json.loads(text))
    elif form == "junit":
        assert SHOWN in ElementTree.tostring(ElementTree.fromstring(text), encoding="unicode")
    elif form == "markdown":
        assert SHOWN.replace("\\", "\\\\") in text  # Markdown escapes a backslash
    else:
        assert SHOWN in text
    assert "X002" in text or form == "markdown"
    assert "other.md" in text


def _strings(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_strings, value)) if value else set()
    return {value} if isinstance(value, str) else set()


@pytest.mark.parametrize("form", ["csv", "summary", "html"])
def test_every_report_is_utf8_and_shows_the_name(seolint: Any, odd_name: Path, form: str) -> None:
    result = seolint("check", ".", "--no-cache", "-q", "--report", f"{form}:report.{form}")
    assert result.code == 1 and "internal error" not in result.err, result.err
    text = (odd_name / f"report.{form}").read_bytes().decode("utf-8")
    if form == "csv":
        assert any(SHOWN in cell for row in csv.reader(io.StringIO(text)) for cell in row)
    elif form == "summary":
        data = json.loads(text)
        assert any(s["path"].endswith(os.fsdecode(RAW)) for s in data["summaries"])  # lossless for merge
        merged = seolint("merge", f"report.{form}", "--output-format", "concise", cwd=odd_name)
        assert f"{SHOWN}:" in merged.out
    else:
        assert SHOWN in text or SHOWN.replace("\\", "&#92;") in text or "caf\\\\xe9" in text


def test_names_round_trip() -> None:
    for raw in (RAW, b"plain.md", b"back\\slash-\xff.md", b"esc\x1b]0;title\x07.md", "été.md".encode()):
        name = os.fsdecode(raw)
        shown = shown_name(name)
        assert shown.encode("utf-8")  # valid UTF-8
        assert name_bytes(shown) == raw
    assert shown_name("été/plain.md") == "été/plain.md"  # only odd names change


def test_terminal_text_has_no_control_sequences() -> None:
    assert terminal("\x1b]0;owned\x07 and \x1b[2J") == "\\x1b]0;owned\\x07 and \\x1b[2J"
    assert terminal("\x9b31m") == "\\x9b31m"
    assert terminal("tab\tkept") == "tab\tkept"
