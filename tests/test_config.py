"""Config discovery, presets, extends, selection, options and errors, through the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ARTICLE = """---
title: Short title
description: A description that is clearly too short.
date: 2024-05-02
slug: short-title
keyphrase: short title
image: /cover.png
---

Text.
"""


def codes(seolint: Any, *args: str | Path) -> set[str]:
    result = seolint("check", "--output-format", "json", *args)
    assert result.code in (0, 1), result.err
    return {finding["code"] for finding in result.json()}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("seolint.toml", 'ignore = ["T001"]\n'),
        (".seolint.toml", 'ignore = ["T001"]\n'),
        ("pyproject.toml", '[project]\nname = "site"\n\n[tool.seolint]\nignore = ["T001"]\n'),
    ],
)
def test_discovery(seolint: Any, write: Any, isolated: Path, name: str, text: str) -> None:
    write("content/a.md", ARTICLE)
    assert "T001" in codes(seolint, "content/a.md")
    write(name, text)
    assert "T001" not in codes(seolint, "content/a.md")


def test_closest_config_wins_and_pyproject_without_table_is_skipped(
    seolint: Any, write: Any, isolated: Path
) -> None:
    write("seolint.toml", 'ignore = ["T001"]\n')
    write("content/fr/seolint.toml", 'ignore = ["D001"]\n')
    write("content/fr/pyproject.toml", '[project]\nname = "x"\n')
    write("content/fr/a.md", ARTICLE)
    write("content/en/a.md", ARTICLE)
    assert {"T001"} <= codes(seolint, "content/fr/a.md") and "D001" not in codes(seolint, "content/fr/a.md")
    found = codes(seolint, "content/en/a.md")
    assert "D001" in found and "T001" not in found


def test_presets(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", ARTICLE.replace("title: Short title", "title: Short title with seventeen"))
    write("seolint.toml", 'extends = "rankmath"\n')
    assert "T001" not in codes(seolint, "a.md")  # Rank Math accepts 15-60 characters
    write("seolint.toml", 'extends = "yoast"\n')
    assert "T004" in {row["code"] for row in seolint("rules", "--output-format", "json").json()
                      if row["state"] != "off"}
    write("seolint.toml", 'extends = "strict"\n')
    write("b.md", ARTICLE.replace("image: /cover.png", "image: missing.png\nmood: happy"))
    result = seolint("check", "--output-format", "json", "b.md").json()
    assert any(f["code"] == "FM005" and "mood" in f["message"] for f in result)
    assert any(f["code"] == "S004" for f in result)  # strict turns every rule on
    assert {f["severity"] for f in result if f["code"] == "I003"} == {"warning"}


def test_extends_a_file_and_layers_apply_in_order(seolint: Any, write: Any, isolated: Path) -> None:
    write("base.toml", 'select = ["T", "D"]\n[rules.T001]\nmax = 5\n')
    write("site/seolint.toml", 'extends = "../base.toml"\nignore = ["D"]\n[rules.T001]\nmin = 1\n')
    write("site/a.md", ARTICLE)
    assert codes(seolint, "site/a.md") == {"T001"}  # max 5 from the base, D ignored here


def test_severity_override_and_per_file_ignores(seolint: Any, write: Any, isolated: Path) -> None:
    write(
        "seolint.toml",
        '[severity]\nT001 = "error"\nD = "off"\n[per-file-ignores]\n"legacy/**" = ["title-length"]\n',
    )
    write("new/a.md", ARTICLE)
    write("legacy/a.md", ARTICLE)
    result = seolint("check", "--output-format", "json", "new/a.md")
    assert result.code == 1
    assert [f["severity"] for f in result.json() if f["code"] == "T001"] == ["error"]
    assert not any(f["code"].startswith("D") for f in result.json())
    assert "T001" not in codes(seolint, "legacy/a.md")


def test_lang_paths_choose_the_matching_language(seolint: Any, write: Any, isolated: Path) -> None:
    body = ARTICLE.replace("keyphrase: short title", "keyphrase: guide du réseau").replace(
        "title: Short title", "title: Le guide des réseaux, tout savoir"
    )
    write("seolint.toml", '[lang-paths]\n"fr/**" = "fr"\n')
    write("fr/a.md", body)
    write("en/a.md", body)
    # In French « du » and « des » are function words, so the keyphrase is in the title.
    assert "T003" not in codes(seolint, "fr/a.md")
    assert "T003" in codes(seolint, "en/a.md")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('selct = ["T001"]\n', "unknown key `selct`"),
        ('ignore = "T001"\n', "`ignore`"),
        ('[rules.T001]\nmaxx = 3\n', "unknown option `maxx`"),
        ('[rules.T001]\nmax = "long"\n', "`max`"),
        ('[rules.T001]\nmin = 70\n', "min (70) is greater than max (60)"),
        ('select = ["T9"]\n', "unknown rule or prefix `T9`"),
        ('[severity]\nT001 = "loud"\n', "`severity.T001`"),
        ('extends = "nonexistent"\n', "neither a preset"),
        ("title = [\n", "invalid TOML"),
        ('[fields.custom.rating]\ntype = "stars"\n', "`fields.custom.rating.type`"),
    ],
)
def test_config_errors_name_the_key_and_the_file(
    seolint: Any, write: Any, isolated: Path, text: str, expected: str
) -> None:
    write("seolint.toml", text)
    write("a.md", ARTICLE)
    result = seolint("check", "a.md")
    assert result.code == 2
    assert expected in result.err
    assert "seolint.toml" in result.err
    assert result.err.count("\n") == 1  # one line, no traceback


def test_extends_loop_is_an_error(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.toml", 'extends = "b.toml"\n')
    write("b.toml", 'extends = "a.toml"\n')
    write("x.md", ARTICLE)
    result = seolint("check", "--config", "a.toml", "x.md")
    assert result.code == 2 and "loops" in result.err


def test_explicit_config_missing(seolint: Any, isolated: Path) -> None:
    result = seolint("check", "--config", "nowhere.toml", ".")
    assert result.code == 2 and "nowhere.toml" in result.err


def test_exclude_and_default_excludes(seolint: Any, write: Any, isolated: Path) -> None:
    write("content/README.md", "# About this folder\n")
    write("content/drafts/a.md", "no front matter\n")
    write("content/a.md", ARTICLE)
    write("seolint.toml", 'extend-exclude = ["drafts"]\n')
    result = seolint("check", "--output-format", "json", "content")
    assert {f["path"] for f in result.json()} == {"content/a.md"}
    write("seolint.toml", "exclude = []\n")
    result = seolint("check", "--output-format", "json", "content")
    assert {f["path"] for f in result.json()} == {"content/a.md", "content/README.md", "content/drafts/a.md"}


def test_custom_fields_and_required(seolint: Any, write: Any, isolated: Path) -> None:
    write(
        "seolint.toml",
        '[fields]\nrequired = ["title", "category"]\n'
        '[fields.custom.category]\nenum = ["guide", "news"]\n'
        '[fields.custom.reading_level]\ntype = "string"\npattern = "^[A-C][12]$"\n',
    )
    write("a.md", ARTICLE.replace("image: /cover.png", "image: /cover.png\nreading_level: Z9"))
    result = seolint("check", "--output-format", "json", "--select", "FM", "a.md").json()
    messages = {(f["code"], f["line"]): f["message"] for f in result}
    assert messages[("FM003", 1)] == "Required field `category` is missing"
    assert "does not match the required pattern ^[A-C][12]$" in messages[("FM004", 8)]
    write("b.md", ARTICLE.replace("image: /cover.png", "category: recipe"))
    result = seolint("check", "--output-format", "json", "--select", "FM", "b.md").json()
    assert [f["message"] for f in result] == ["`category` should be one of 'guide' or 'news', not the text 'recipe'"]


def test_field_keys_are_configurable(seolint: Any, write: Any, isolated: Path) -> None:
    write("seolint.toml", '[fields.keys]\ndescription = ["teaser"]\n')
    write("a.md", ARTICLE.replace("description:", "teaser:"))
    assert "FM003" not in codes(seolint, "a.md")
    write("b.md", ARTICLE)  # `description` no longer feeds the field
    assert "FM003" in codes(seolint, "b.md")


def test_gitignore_is_respected_in_a_work_tree(seolint: Any, write: Any, isolated: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q"], check=True)
    write(".gitignore", "generated/\n")
    write("generated/a.md", "no front matter\n")
    write("a.md", ARTICLE)
    paths = {f["path"] for f in seolint("check", "--output-format", "json", ".").json()}
    assert paths == {"a.md"}
    explicit = seolint("check", "--output-format", "json", "--select", "FM", "generated/a.md").json()
    assert {f["code"] for f in explicit} == {"FM001"}  # explicit paths are always checked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('lang = "en"\nextend = "strict"\n', "seolint.toml:2: unknown key `extend` (did you mean `extends`?)"),
        ('lang = "en"\n\nignores = ["T001"]\n', "seolint.toml:3: unknown key `ignores` (did you mean `ignore`?)"),
        ('lang = "en"\nignore = ["T0001"]\n', "seolint.toml:2: unknown rule or prefix `T0001` (did you mean `T001`?)"),
        ('[site]\nbase-ur = "x"\n', "seolint.toml:2: unknown key `site.base-ur` (did you mean `base-url`?)"),
        ('[severity]\n"title-lenght" = "error"\n', "seolint.toml:2 [severity]: unknown rule or prefix `title-lenght` "
                                                   "(did you mean `title-length`?)"),
    ],
)
def test_config_typos_get_a_line_and_a_suggestion(
    seolint: Any, write: Any, isolated: Path, text: str, expected: str
) -> None:
    write("seolint.toml", text)
    write("a.md", ARTICLE)
    result = seolint("check", "a.md")
    assert result.code == 2 and expected in result.err, result.err
