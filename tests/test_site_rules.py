"""The rules across articles over a whole run: what a crashing one leaves, with and without
the cache, and runs large enough to set their findings aside on disk — through the real
command line on real files."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seolint import spill
from seolint.checks import REGISTRY
from seolint.findings import Span, Violation
from seolint.site import Summaries, Summary
from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The shipped examples plus every cross-article fixture that fires, as one site."""
    root = tmp_path / "site"
    shutil.copytree(ROOT / "examples", root)
    for rule in sorted((FIXTURES / "rules").glob("X*")):
        shutil.copytree(rule / "fires", root / "content" / rule.name.lower())
    return root


def _crashing(summaries: Summaries, root: str, options: Any) -> Iterator[tuple[Summary, Violation]]:
    """Finds something on the first two articles, then crashes."""
    for index, summary in enumerate(summaries):
        if index == 2:
            raise RuntimeError("boom")
        yield summary, Violation("Found before the crash", Span(1, 1, 1, 1), "None.")


@pytest.mark.parametrize("cache", [False, True])
def test_a_crashing_rule_across_articles_leaves_one_finding(
    seolint: Any, site: Path, monkeypatch: pytest.MonkeyPatch, cache: bool
) -> None:
    monkeypatch.setitem(REGISTRY, "X006", dataclasses.replace(REGISTRY["X006"], site_check=_crashing))
    monkeypatch.setattr("seolint.engine._CHUNK", 1)  # what it found is packed before the crash
    flags = [] if cache else ["--no-cache"]
    result = seolint("check", ".", "--output-format", "json", *flags, cwd=site)
    found = result.json()
    crashes = [f for f in found if f["code"] == "RUN002"]
    assert [f["message"] for f in crashes] == ["Rule X006 (orphan-article) crashed: RuntimeError: boom"]
    assert not [f for f in found if f["code"] == "X006"], "what it found before the crash is dropped"
    assert [f for f in found if f["code"] == "X005"], "the other rules across articles still report"
    assert result.code == 1


def test_findings_set_aside_on_disk_print_as_kept_in_memory(
    seolint: Any, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = seolint("check", ".", "--no-cache", cwd=site)
    monkeypatch.setattr(spill, "BUDGET", 0)  # every blob of the run goes to the temporary file
    monkeypatch.setattr("seolint.engine._SUMMARIES_BUDGET", 0)
    spilled = seolint("check", ".", "--no-cache", cwd=site)
    assert "X005" in kept.out and "X00" in spilled.out
    assert (spilled.code, spilled.out) == (kept.code, kept.out)
