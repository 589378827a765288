"""seolint.source.markdown: the body's tokens and the facts every body rule reads (the outline here)."""

from __future__ import annotations

from typing import Any


def test_headings_know_what_a_reader_sees(document: Any) -> None:
    doc = document("## Install {#setup}\n\nSetext title\n============\n\n### The `git` ![CLI](c.png) tool\n\n"
                   "## <!-- hook -->\n\n## <span></span>\n")
    found = [(h.level, h.text, h.shown, h.source, h.line, h.markup) for h in doc.body.headings]
    assert found == [
        (2, "Install {#setup}", "Install", "Install {#setup}", 5, "##"),
        (1, "Setext title", "Setext title", "Setext title", 7, "="),
        (3, "The tool", "The git CLI tool", "The git CLI tool", 10, "###"),
        (2, "", "", "", 12, "##"),
        (2, "", "", "", 14, "##"),
    ]
    assert [(h.content, h.tags) for h in doc.body.headings[3:]] == [("<!-- hook -->", False), ("<span></span>", True)]
