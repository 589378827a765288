"""Code actions in-process: suppressions that really silence, and minimal edits."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

from seolint.lsp import actions  # noqa: E402
from seolint.lsp.session import Buffer, Session  # noqa: E402
from tests.lsp.client import apply  # noqa: E402

ARTICLE = """\
---
title: "Short 🚀 title"
description: "A guide to the café in Nice, with the opening hours, the menu and the prices, for the visitor who comes from far away."
slug: cafe-nice
---

> Voilà 😀 café: the best. [click here](https://example.org/menu) for the menu.
"""


def silenced(tmp_path: Path, text: str, code: str, title: str) -> tuple[str, set[str]]:
    """The text after the action called ``title`` for the first finding of ``code``, and the
    codes a check of that text finds."""
    path = tmp_path / "cafe.md"
    session = Session()
    found, _ = session.check(path, text)
    buffer = Buffer(path.as_uri(), 1, path, text)
    wanted = [f for f in found if f.code == code]
    offered = actions.suppress_actions(buffer, wanted, session.frontmatter(path, text))
    action = next(a for a in offered if a.title == title)
    assert action.edit is not None
    after = apply(text, action.edit)
    return after, {f.code for f in session.check(path, after)[0]}


def test_disable_for_a_front_matter_line_is_a_yaml_comment(tmp_path: Path) -> None:
    after, codes = silenced(tmp_path, ARTICLE, "T001", "Disable T001 for this line")
    assert '---\n# seolint-disable-next-line T001\ntitle: "Short 🚀 title"\n' in after
    assert "T001" not in codes and "L003" in codes


def test_disable_for_a_body_line_keeps_the_blockquote(tmp_path: Path) -> None:
    after, codes = silenced(tmp_path, ARTICLE, "L003", "Disable L003 for this line")
    assert "\n> <!-- seolint-disable-next-line L003 -->\n> Voilà" in after
    assert "L003" not in codes and "E003" in codes


def test_disable_for_the_file_goes_after_the_front_matter(tmp_path: Path) -> None:
    after, codes = silenced(tmp_path, ARTICLE, "T001", "Disable T001 for this file")
    assert "slug: cafe-nice\n---\n<!-- seolint-disable-file T001 -->\n\n> Voilà" in after
    assert "T001" not in codes and "L003" in codes


def test_minimal_edit_replaces_only_the_lines_that_differ() -> None:
    old = "a\n😀 b\nc\nd\n"
    edit = actions.minimal_edit(old, "a\n😀 B\nc\nd\n", "utf-16")
    assert edit is not None
    assert edit.range == types.Range(types.Position(1, 0), types.Position(2, 0))
    assert edit.new_text == "😀 B\n"
    assert actions.minimal_edit(old, old, "utf-16") is None
    grown = actions.minimal_edit("x", "x\ny\n", "utf-16")
    assert grown is not None and grown.range.start == types.Position(0, 0) and grown.new_text == "x\ny\n"
