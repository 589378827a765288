"""Inline and front-matter suppressions, through the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD = """---
title: Short
description: Too short.
date: 2024-05-02
{extra}---

"""


def found(seolint: Any, path: Path) -> set[tuple[str, int]]:
    result = seolint("check", "--output-format", "json", "--select", "T001,D001,FM001", path)
    return {(f["code"], f["line"]) for f in result.json()}


def test_front_matter_ignore(seolint: Any, write: Any, isolated: Path) -> None:
    plain = write("a.md", HEAD.format(extra=""))
    assert found(seolint, plain) == {("T001", 2), ("D001", 3)}
    quiet = write("b.md", HEAD.format(extra="seolint:\n  ignore: [T001, description-length]\n"))
    assert found(seolint, quiet) == set()
    single = write("c.md", HEAD.format(extra="seolint: {ignore: T001}\n"))
    assert found(seolint, single) == {("D001", 3)}


def test_disable_file_and_next_line(seolint: Any, write: Any, isolated: Path) -> None:
    everything = write("a.md", HEAD.format(extra="") + "<!-- seolint-disable-file -->\n")
    assert found(seolint, everything) == set()
    some = write("b.md", HEAD.format(extra="") + "<!-- seolint-disable-file D001 -->\n")
    assert found(seolint, some) == {("T001", 2)}
    yaml_comment = write("c.md", HEAD.format(extra="").replace(
        "title: Short", "# seolint-disable-next-line title-length\ntitle: Short"))
    assert found(seolint, yaml_comment) == {("D001", 4)}


def test_disable_enable_ranges(seolint: Any, write: Any, isolated: Path) -> None:
    text = "<!-- seolint-disable FM001 -->\nNo front matter here.\n<!-- seolint-enable -->\n"
    assert found(seolint, write("a.md", text)) == set()
    text = "No front matter.\n<!-- seolint-disable FM001 -->\n"
    assert found(seolint, write("b.md", text)) == {("FM001", 1)}  # the range starts later
    text = "<!-- seolint-disable-line FM001 --> No front matter.\n"
    assert found(seolint, write("c.md", text)) == set()


def test_a_directive_inside_text_does_not_silence_other_codes(seolint: Any, write: Any, isolated: Path) -> None:
    text = HEAD.format(extra="") + "<!-- seolint-disable-file L003 -->\n"
    assert found(seolint, write("a.md", text)) == {("T001", 2), ("D001", 3)}
