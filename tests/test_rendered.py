"""The printed lines kept per path (``cache.Rendered``) and the blob files of the cache: a
warm run prints what a cold one does, whatever changed in between."""

from __future__ import annotations


import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from seolint.batch import cache

from .conftest import ROOT
from .test_cache import ARTICLE

LINKED = ARTICLE.replace("Text.", "Text with [a link](/other-network/) to read.\n")
OTHER = ARTICLE.replace("professional-network", "other-network").replace("Build a professional", "Grow a professional")


def _cached(root: Path, prefix: str) -> list[Path]:
    return sorted((root / ".seolint_cache").rglob(f"{prefix}*"))


def _same_as_uncached(seolint: Any, *args: str, cwd: Path | None = None) -> str:
    """The run's output, checked against a run without the cache."""
    warm = seolint("check", *args, cwd=cwd)
    cold = seolint("check", "--no-cache", *args, cwd=cwd)
    assert (warm.out, warm.code) == (cold.out, cold.code)
    return str(warm.out)


def test_line_formats_print_the_same_warm_and_cold(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", site, ignore=shutil.ignore_patterns(".seolint_cache"))
    for output in ("concise", "github", "full", "concise", "github"):
        first = _same_as_uncached(seolint, "--output-format", output, ".", cwd=site)
        assert _same_as_uncached(seolint, "--output-format", output, ".", cwd=site) == first
    assert len(_cached(site, "render-")) == 2  # concise and github; full quotes the articles
    quiet = _same_as_uncached(seolint, "--quiet", "--output-format", "concise", ".", cwd=site)
    assert quiet and "Found" not in quiet.splitlines()[-1]


def test_lines_follow_changed_findings_own_and_across_articles(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", LINKED)
    before = _same_as_uncached(seolint, "--output-format", "concise", ".")
    assert "X005" in before  # the link leads nowhere
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == before
    write("b.md", OTHER)  # a.md is unchanged, but what the rules across articles find in it is not
    after = _same_as_uncached(seolint, "--output-format", "concise", ".")
    assert "X005" not in after and "b.md:" in after
    write("a.md", LINKED.replace("Text with", "Some text with"))  # its own findings change
    edited = _same_as_uncached(seolint, "--output-format", "concise", ".")
    assert edited != after
    assert _same_as_uncached(seolint, "--output-format", "github", ".") != edited


def test_lines_follow_the_displayed_path(seolint: Any, write: Any, isolated: Path) -> None:
    """The same findings shown under another path (another working folder, a path given
    from outside it) are printed with that path."""
    write("site/a.md", LINKED)
    (isolated / "other").mkdir()
    inside = _same_as_uncached(seolint, "--output-format", "concise", ".", cwd=isolated / "site")
    outside = _same_as_uncached(seolint, "--output-format", "concise", "site")
    beside = _same_as_uncached(seolint, "--output-format", "concise", "../site", cwd=isolated / "other")
    assert inside.startswith("a.md:") and outside.startswith("site/a.md:") and beside.startswith("../site/a.md:")
    assert _same_as_uncached(seolint, "--output-format", "concise", "site") == outside


def test_damaged_or_foreign_printed_lines_are_rendered_again(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", LINKED)
    write("b.md", OTHER)
    first = _same_as_uncached(seolint, "--output-format", "concise", ".")
    index = _cached(isolated, "render-")[0]
    lines = _cached(isolated, "lines-")[0]
    pristine_index, pristine_lines = index.read_bytes(), lines.read_bytes()
    known = cache.unseal(pristine_index)
    damages: list[Callable[[], object]] = [
        lambda: lines.write_bytes(pristine_lines.replace(b"a.md", b"z.md")),  # same size, other bytes
        lambda: lines.write_bytes(pristine_lines[:10]),
        lambda: lines.unlink(),
        lambda: index.write_bytes(b"not marshal"),
        lambda: index.write_bytes(cache.seal({**known, "lines": {key: ("x", 0, 1, 2) for key in known["lines"]}})),
        lambda: index.write_bytes(cache.seal({**known, "lines": {key: "text" for key in known["lines"]}})),
        lambda: index.write_bytes(cache.seal({**known, "files": ["../elsewhere"]})),
    ]
    for damage in damages:
        index.write_bytes(pristine_index)
        lines.write_bytes(pristine_lines)
        damage()
        assert _same_as_uncached(seolint, "--output-format", "concise", ".") == first
        assert _same_as_uncached(seolint, "--output-format", "concise", ".") == first


def test_blob_files_stay_few_as_articles_change(seolint: Any, write: Any, isolated: Path) -> None:
    """Each run that checks a changed article adds a small blob file; once they are many,
    a run copies what is used into one file and removes the others."""
    for name in "abcd":
        write(f"{name}.md", ARTICLE.replace("professional-network", f"network-{name}"))
    seolint("check", "--output-format", "concise", ".")
    for round_ in range(2 * cache.MAX_BLOB_FILES + 1):
        write("a.md", ARTICLE.replace("professional-network", "network-a") + f"\nRound {round_} words.\n" * round_)
        _same_as_uncached(seolint, "--output-format", "concise", ".")
        assert 1 <= len(_cached(isolated, "blobs-")) <= cache.MAX_BLOB_FILES
        assert 1 <= len(_cached(isolated, "lines-")) <= cache.MAX_BLOB_FILES
    index = cache.unseal(_cached(isolated, "index-")[0].read_bytes())
    assert sorted(index["files"]) == sorted(path.name.split("-")[-1][:-4] for path in _cached(isolated, "blobs-"))


def test_an_index_pointing_at_a_removed_blob_file_recomputes(seolint: Any, write: Any, isolated: Path) -> None:
    """Another run may compact and remove a blob file that an index written meanwhile still
    names: those entries are recomputed, never fatal."""
    for name in "ab":
        write(f"{name}.md", ARTICLE.replace("professional-network", f"network-{name}"))
    first = _same_as_uncached(seolint, "--output-format", "concise", ".")
    for blob_file in _cached(isolated, "blobs-") + _cached(isolated, "lines-"):
        os.remove(blob_file)
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == first
    assert _cached(isolated, "blobs-") and _cached(isolated, "lines-")


def test_a_run_over_part_of_the_site_keeps_the_others_lines(seolint: Any, write: Any, isolated: Path,
                                                            monkeypatch: Any) -> None:
    """Lines are dropped only when no run printed them for ``KEEP_DAYS``: checking one
    article between runs over the site does not make the next site run render afresh."""
    for name in "abc":
        write(f"{name}.md", ARTICLE.replace("professional-network", f"network-{name}"))
    whole = _same_as_uncached(seolint, "--output-format", "concise", ".")
    index = _cached(isolated, "render-")[0]
    _same_as_uncached(seolint, "--output-format", "concise", "a.md")
    kept = len(cache.unseal(index.read_bytes())["lines"])
    files = _cached(isolated, "lines-")
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == whole
    assert _cached(isolated, "lines-") == files  # every path was printed from the stored lines
    written = index.stat().st_mtime_ns
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == whole
    assert index.stat().st_mtime_ns == written  # nothing new printed: nothing written
    later = time.time() + (cache.KEEP_DAYS + 1) * 86_400
    monkeypatch.setattr("seolint.batch.cache.time", SimpleNamespace(time=lambda: later, time_ns=time.time_ns))
    _same_as_uncached(seolint, "--output-format", "concise", "a.md")
    assert len(cache.unseal(index.read_bytes())["lines"]) < kept


def test_lines_of_a_form_no_run_uses_any_more_are_dropped(seolint: Any, write: Any, isolated: Path,
                                                          monkeypatch: Any) -> None:
    """Each output form (format, colour, working folder) keeps its own copy of the site's
    lines: one no run saved for ``KEEP_DAYS`` is removed, index and blob files."""
    for name in "ab":
        write(f"{name}.md", ARTICLE.replace("professional-network", f"network-{name}"))
    concise = _same_as_uncached(seolint, "--output-format", "concise", ".")
    [kept] = _cached(isolated, "render-")
    _same_as_uncached(seolint, "--output-format", "github", ".")
    assert len(_cached(isolated, "render-")) == 2
    later = time.time() + (cache.KEEP_DAYS + 1) * 86_400
    monkeypatch.setattr("seolint.batch.cache.time", SimpleNamespace(time=lambda: later, time_ns=time.time_ns))
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == concise
    assert _cached(isolated, "render-") == [kept]
    name = kept.name[len("render-"):-len(".marshal")]
    assert all(blob.name.startswith(f"lines-{name}-") for blob in _cached(isolated, "lines-"))
    assert _same_as_uncached(seolint, "--output-format", "concise", ".") == concise
