"""seolint.site.anchors: the ids generators give headings, and X005 over them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from seolint.site.anchors import anchor


@pytest.mark.parametrize(("text", "style", "expected"), [
    ("I-unsound issues (🦀)", "zola", "i-unsound-issues-crab"),  # rust-blog: deunicode names emoji
    ("Relink don't Rebuild", "zola", "relink-don-t-rebuild"),
    ("`cargo update --precise <yanked>`", "zola", "cargo-update-precise-yanked"),
    ("Développeur été", "zola", "developpeur-ete"),
    ("Relink don't Rebuild", "github", "relink-dont-rebuild"),
    ("`cargo update --precise <yanked>`", "github", "cargo-update---precise-yanked"),
    ("Développeur été", "hugo", "développeur-été"),
])
def test_each_generator_makes_its_own_ids(text: str, style: str, expected: str) -> None:
    assert anchor(text, style) == expected


def test_without_a_generator_an_id_any_of_them_gives_is_there(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    head = "---\ntitle: {0}\ndescription: d\ndate: 2022-02-01\n---\n\n"
    (tmp_path / "ambitions.md").write_text(head.format("Ambitions") + "### I-unsound issues (🦀)\n\nText.\n",
                                           encoding="utf-8")
    (tmp_path / "links.md").write_text(
        head.format("Links") + "See [the issues](ambitions.md#i-unsound-issues-crab), [GitHub's id]"
        "(ambitions.md#i-unsound-issues-) and [nothing](ambitions.md#no-such-heading).\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X005", tmp_path)
    (finding,) = result.json()  # only the fragment no generator gives
    assert "no-such-heading" in finding["message"]


def test_a_zola_site_makes_zola_ids(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('base_url = "https://blog.example.org"\n', encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    head = "+++\ntitle = \"{0}\"\ndescription = \"d\"\ndate = 2022-02-01\n+++\n\n"
    (content / "ambitions.md").write_text(head.format("Ambitions") + "### I-unsound issues (🦀)\n\nText.\n",
                                          encoding="utf-8")
    (content / "links.md").write_text(head.format("Links") + "See [the issues](@/ambitions.md#i-unsound-issues-crab) "
                                      "and [GitHub's id](@/ambitions.md#i-unsound-issues-).\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X005", tmp_path)
    assert [finding["line"] for finding in result.json()] == [7]
    assert "i-unsound-issues-" in result.json()[0]["message"]
