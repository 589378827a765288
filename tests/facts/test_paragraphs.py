"""seolint.source.facts.paragraphs: paragraphs line by line, and one-line paragraphs all in emphasis."""

from __future__ import annotations

from typing import Any

from seolint.source.facts.paragraphs import CODE, emphasis_lines, paragraphs


def test_paragraphs_keep_their_lines_links_and_lists(document: Any) -> None:
    doc = document("Run `make`\nthen [read](/r) it.\n\n- [Keywords](k.md): a, b\n- **SEO keywords**\n\n"
                   "> quoted\n\n| a |\n|---|\n| cell |\n")
    found = paragraphs(doc)
    assert [(p.lines, p.line, p.end_line, p.linked, p.emphasized) for p in found] == [
        ([f"Run  {CODE} ", "then read it."], 5, 6, False, False),
        (["Keywords: a, b"], 8, 8, True, False),
        (["SEO keywords"], 9, 9, False, True),
        (["quoted"], 11, 11, False, False),
    ]
    assert found[0].group is None and found[1].group == found[2].group is not None


def test_emphasis_lines_know_the_section_they_stand_under(document: Any) -> None:
    doc = document("**Before any heading**\n\n## Steps\n\n**Step 1: plan** <!-- note -->\n\n"
                   "**Bold** then plain.\n\n_two_\n_lines_\n\n- **in a list**\n")
    assert [(line.text, line.line, line.section) for line in emphasis_lines(doc)] == [
        ("Before any heading", 5, 1), ("Step 1: plan", 9, 2),
    ]
