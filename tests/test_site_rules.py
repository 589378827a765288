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

from seolint.batch import spill
from seolint.checks import REGISTRY
from seolint.findings import Span, Violation
from seolint.site.summaries import Summaries, Summary
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
    monkeypatch.setattr("seolint.batch.across._CHUNK", 1)  # what it found is packed before the crash
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
    monkeypatch.setattr("seolint.batch.runner._SUMMARIES_BUDGET", 0)
    spilled = seolint("check", ".", "--no-cache", cwd=site)
    assert "X005" in kept.out and "X00" in spilled.out
    assert (spilled.code, spilled.out) == (kept.code, kept.out)


def test_a_language_prefix_is_the_served_folder_without_a_generator_file(seolint: Any, tmp_path: Path) -> None:
    """A folder of French articles copied out of its site (no generator file) is served under
    `/fr/`: `/fr/b/#suite` leads to the French article b.md, from a French article or from one
    whose text reads as English (astro-docs-fr's untranslated error pages); `/de/b/` and
    `/fr/c/` (an English article) still lead nowhere."""
    body = "Un article en français qui mène vers la suite.\n"
    (tmp_path / "a.md").write_text(
        "---\ntitle: Premier\nlang: fr\n---\n\n" + body + "\n[la suite](/fr/b/#la-suite) et [ailleurs](/de/b/).\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Second\nlang: fr\n---\n\n## La suite\n\n" + body, encoding="utf-8")
    (tmp_path / "en.md").write_text("---\ntitle: English\nlang: en\n---\n\nSee [the French page](/fr/b/).\n",
                                    encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: Third\nlang: en\n---\n\nSee [the page](/fr/en/) and [this](/en/c/).\n",
                                   encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--messages-lang", "en", "--output-format", "json", "--select", "X005",
                     tmp_path)
    found = sorted((Path(item["path"]).name, item["message"]) for item in result.json())
    assert [(name, message.split(" leads")[0]) for name, message in found] == [
        ("a.md", "Link to `/de/b/`"), ("c.md", "Link to `/fr/en/`")]


def test_a_no_break_space_in_a_heading_is_dropped_from_its_id(seolint: Any, tmp_path: Path) -> None:
    """French typography puts a no-break space before `:`; GitHub's slugger (Astro, VitePress)
    drops it with the colon, so `## Référence : Syntaxe` is `#référence-syntaxe`."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: Guide\nlang: fr\n---\n\n## R\u00e9f\u00e9rence\u00a0: Syntaxe\n\n"
        "Voir la [r\u00e9f\u00e9rence](#r%C3%A9f%C3%A9rence-syntaxe) et [rien](#r%C3%A9f%C3%A9rence--syntaxe).\n",
        encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", "X005", tmp_path)
    assert [item["message"].split("`")[1] for item in result.json()] == ["#r%C3%A9f%C3%A9rence--syntaxe"]
