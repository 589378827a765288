"""Findings about a group of articles (X001-X004) name a few members and count the rest,
so that a group of thousands costs output and memory in proportion to its size, not to its
square (issue #16, item 1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ARTICLE = "---\ntitle: {title}\ndescription: {description}\nslug: {slug}\nkeyphrase: {keyphrase}\n---\n\nText.\n"


def _group(folder: Path, count: int, **shared: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        values = {"title": f"Title {number}", "description": f"Description {number}",
                  "slug": f"slug-{number}", "keyphrase": f"phrase{number}"}
        values.update(shared)
        (folder / f"p{number:05}.md").write_text(ARTICLE.format(**values), encoding="utf-8")


@pytest.mark.parametrize(("code", "shared"), [
    ("X001", {"title": "One title for all"}),
    ("X002", {"description": "One description for all"}),
    ("X003", {"slug": "same"}),
    ("X004", {"keyphrase": "shared phrase"}),
])
def test_a_group_finding_names_three_members_and_counts_the_rest(
    seolint: Any, isolated: Path, code: str, shared: dict[str, str]
) -> None:
    _group(isolated / "c", 8, **shared)
    result = seolint("check", "c", "--select", code, "--no-cache", "--output-format", "json")
    found = result.json()
    assert len(found) == 8
    first = next(item for item in found if item["path"] == "c/p00000.md")
    message = first["message"]
    assert "c/p00001.md, c/p00002.md, c/p00003.md and 4 more" in message
    assert "c/p00004.md" not in message and "c/p00000.md" not in message
    assert ("7" in message) if code != "X003" else ("8 articles in all" in message)


def test_a_pair_keeps_its_message(seolint: Any, isolated: Path) -> None:
    _group(isolated / "c", 2, description="One description for both")
    result = seolint("check", "c", "--select", "X002", "--no-cache", "--output-format", "concise")
    assert "c/p00000.md:3:1: X002 [warning] Another article in the same language has the same " \
           "description: c/p00001.md" in result.out


def _run_peak(folder: Path, count: int) -> tuple[int, int]:
    """Output bytes and peak memory (KB) of a cold run over a group of ``count`` articles."""
    _group(folder, count, description="The one description every article shares here")
    script = ("import resource, sys\nfrom seolint.cli import main\n"
              "code = main(sys.argv[1:])\n"
              "sys.stderr.write('PEAK %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    out = folder.parent / f"out-{count}.json"
    with out.open("wb") as stream:
        done = subprocess.run([sys.executable, "-c", script, "check", str(folder), "--select", "X002",
                               "--no-cache", "-j", "1", "-q", "--output-format", "json"],
                              stdout=stream, stderr=subprocess.PIPE, check=False, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr
    peak = int(done.stderr.decode().rsplit("PEAK ", 1)[1].split()[0])
    assert len(json.loads(out.read_bytes())) == count
    return out.stat().st_size, peak


@pytest.mark.slow
def test_a_group_of_five_thousand_is_linear_in_output_and_memory(tmp_path: Path) -> None:
    small_out, small_peak = _run_peak(tmp_path / "small", 500)
    large_out, large_peak = _run_peak(tmp_path / "large", 5000)
    assert large_out < 12 * small_out, (small_out, large_out)  # quadratic: 100 times
    assert large_out / 5000 < 1000  # bytes per finding (pretty JSON: ~700)
    assert large_peak - small_peak < 60_000, (small_peak, large_peak)  # KB; quadratic: gigabytes
