"""A link's finding ends on its own line, counted as written (issue #16, item 11): a link
spanning two lines, or a target that markdown-it percent-encodes, put X005's end column
past the end of the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD = "---\ntitle: A title long enough for the title rules to stay quiet\ndescription: Short.\n---\n\n"


def test_x005_end_columns_stay_on_the_line(seolint: Any, write: Any, isolated: Path) -> None:
    body = ("See [the\npage](/missing-page-with-a-long-name/) here.\n\n"
            "Also [x](/café-déjà-vu-à-la-crème/).\n\n"
            "And [plain](/missing/) too.\n")
    write("a.md", HEAD + body)
    lines = (HEAD + body).split("\n")
    found = seolint("check", "a.md", "--select", "X005", "--no-cache", "--output-format", "json").json()
    assert len(found) == 3
    for item in found:
        assert item["end_line"] == item["line"]
        assert item["column"] < item["end_column"] <= len(lines[item["line"] - 1]) + 1, item
    encoded = next(item for item in found if "caf" in item["message"])
    line = lines[encoded["line"] - 1]
    assert line[encoded["column"] - 1:encoded["end_column"] - 1] == "[x](/café-déjà-vu-à-la-crème/"[:encoded["end_column"] - encoded["column"]]
    assert encoded["end_column"] - encoded["column"] == len("/café-déjà-vu-à-la-crème/")
    plain = next(item for item in found if "`/missing/`" in item["message"])
    assert (plain["column"], plain["end_column"]) == (5, 5 + len("/missing/"))  # unchanged


def test_x005_points_at_a_reference_link_where_its_text_starts(seolint: Any, write: Any, isolated: Path) -> None:
    body = "See [`a`][] and [the missing page][gone], or [b](/b) [c][].\n\n[`a`]: /z/\n[gone]: /gone/\n[c]: /c/\n"
    write("a.md", HEAD + body)
    found = seolint("check", "a.md", "--select", "X005", "--no-cache", "--output-format", "json").json()
    line = (HEAD + body).split("\n")[5]
    spans = {item["message"].split("`")[1]: (item["column"], item["end_column"]) for item in found}
    assert spans == {"/z/": (5, 8), "/gone/": (17, 23), "/b": (46, 48), "/c/": (54, 57)}
    assert all(line[column - 1] == "[" for column, _ in spans.values())
