"""The `full` format quotes a window of a long line, not the whole line (issue #16, item 2),
and never passes a control sequence to the terminal (item 11)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

HEAD = "---\ntitle: A title long enough for the title rules to stay quiet\ndescription: Short.\n---\n\n"


def test_a_long_line_is_quoted_as_a_window_with_the_carets_under_each_link(seolint: Any, write: Any,
                                                                          isolated: Path) -> None:
    line = " ".join(f"[link {number}](/missing-{number:04}/)" for number in range(2000))  # ~64 KB
    write("a.md", HEAD + line + "\n")
    result = seolint("check", "a.md", "--select", "X005", "--no-cache", "--output-format", "full")
    blocks = [block for block in result.out.split("\n\n") if "X005" in block]
    assert len(blocks) == 2000
    assert len(result.out) < 2000 * 400  # the whole line each time: 128 MB
    for block in (blocks[0], blocks[1000], blocks[-1]):
        head, quoted, carets = block.splitlines()[:3]
        number = int(re.search(r"/missing-(\d+)/", head).group(1))  # type: ignore[union-attr]
        column = int(head.split(":")[2])
        text = quoted.split(" | ", 1)[1]
        offset = carets.split(" | ", 1)[1]
        start = len(offset) - len(offset.lstrip(" "))
        assert text[start:start + 30] == line[column - 1:column + 29]  # the caret under its character
        assert line[column - 1:].startswith(f"[link {number}]")
        assert len(text) <= 122
        assert text.startswith("…") == (number > 0) and text.endswith("…") == (number < 1999)


def test_a_short_line_is_quoted_whole(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", HEAD + "See [the page](/missing/) here.\n")
    result = seolint("check", "a.md", "--select", "X005", "--no-cache", "--output-format", "full")
    assert "  6 | See [the page](/missing/) here.\n    |     ^" in result.out


def test_control_sequences_never_reach_the_terminal(seolint: Any, write: Any, isolated: Path) -> None:
    osc = "\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x1b[2J\x9b31m"
    write("a.md", HEAD + f"Text {osc} and [a link](/missing/{osc}).\n")
    write(f"name{osc.replace('/', '')}.md", HEAD + "Text.\n")
    for form in ("full", "concise", "github"):
        result = seolint("check", ".", "--no-cache", "--output-format", form)
        assert "name\\x1b]0;owned" in result.out, form
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.out), form
    statistics = seolint("check", ".", "--no-cache", "--statistics")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", statistics.out)
