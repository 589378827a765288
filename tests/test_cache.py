"""The cache: same findings warm as cold, invalidated by what findings depend on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .conftest import ROOT

ARTICLE = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
image: /images/cover.png
---

Text.
"""


def entries(root: Path) -> list[Path]:
    return sorted((root / ".seolint_cache").rglob("*.json"))


def test_warm_run_gives_the_same_findings(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", site)
    cold = seolint("check", "--output-format", "json", ".", cwd=site)
    assert entries(site), "the cold run filled the cache"
    warm = seolint("check", "--output-format", "json", ".", cwd=site)
    assert warm.out == cold.out and warm.code == cold.code
    uncached = seolint("check", "--no-cache", "--output-format", "json", ".", cwd=site)
    assert uncached.out == cold.out


def test_changes_invalidate(seolint: Any, write: Any, isolated: Path) -> None:
    write("seolint.toml", 'static-roots = ["static"]\n')
    write("static/images/other.png", b"png")
    write("post.md", ARTICLE)
    def codes() -> set[str]:
        return {f["code"] for f in seolint("check", "--output-format", "json", "post.md").json()}
    assert "I003" in codes()  # the cover is missing
    write("static/images/cover.png", b"png")
    assert "I003" not in codes()  # a new file under a static root is seen
    write("post.md", ARTICLE.replace("Build a professional", "A professional"))
    assert "T003" not in codes()
    write("seolint.toml", 'static-roots = ["static"]\nignore = ["T"]\n')
    assert not any(code.startswith("T") for code in codes())  # a config change is seen


def test_corrupt_and_foreign_entries_are_ignored(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE)
    cold = seolint("check", "--output-format", "json", "post.md").out
    for index, entry in enumerate(entries(isolated)):
        if index % 2:
            entry.write_text("{not json", encoding="utf-8")
        else:
            entry.write_text(json.dumps({"format": 1, "key": "someone-else", "findings": []}), encoding="utf-8")
    assert seolint("check", "--output-format", "json", "post.md").out == cold
    assert seolint("check", "--output-format", "json", "post.md").out == cold


def test_clean(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE)
    seolint("check", "post.md")
    assert (isolated / ".seolint_cache" / "CACHEDIR.TAG").is_file()
    result = seolint("clean")
    assert result.code == 0 and "Removed" in result.out
    assert not (isolated / ".seolint_cache").exists()
