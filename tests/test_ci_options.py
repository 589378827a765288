"""CI and editor options: --changed-since, --stdin-filename, --statistics, --report, baselines."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

SHORT = "---\ntitle: Short\ndescription: Too short.\ndate: 2024-05-02\n---\n\nText.\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin:/usr/local/bin"})


def paths_of(result: Any) -> set[str]:
    return {finding["path"] for finding in result.json()}


def test_changed_since_checks_only_added_modified_and_renamed(seolint: Any, write: Any, isolated: Path) -> None:
    git(isolated, "init", "-q")
    write("content/old.md", SHORT)
    write("content/edited.md", SHORT)
    write("content/moved.md", SHORT)
    write("content/gone.md", SHORT)
    git(isolated, "add", ".")
    git(isolated, "commit", "-qm", "base")
    write("content/edited.md", SHORT.replace("Text.", "More text."))
    git(isolated, "mv", "content/moved.md", "content/renamed.md")
    git(isolated, "rm", "-q", "content/gone.md")
    write("content/new.md", SHORT)
    result = seolint("check", "--output-format", "json", "--changed-since", "HEAD", "content")
    assert paths_of(result) == {"content/edited.md", "content/renamed.md", "content/new.md"}
    assert "2 files" not in result.err
    bad = seolint("check", "--changed-since", "no-such-ref", "content")
    assert bad.code == 2 and "no-such-ref" in bad.err


def test_changed_since_outside_git_is_an_error(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", SHORT)
    result = seolint("check", "--changed-since", "HEAD", ".")
    assert result.code == 2 and "git work tree" in result.err


def test_stdin_filename(seolint: Any, write: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write("site/seolint.toml", 'ignore = ["D001"]\n')
    stdin = io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    result = seolint("check", "--output-format", "json", "--stdin-filename", "site/drafts/new.md")
    findings = result.json()
    assert {f["path"] for f in findings} == {"site/drafts/new.md"}
    codes = {f["code"] for f in findings}
    assert "T001" in codes and "D001" not in codes  # the config beside NAME applies


def test_statistics(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", SHORT)
    write("b.md", SHORT)
    write("c.md", "no front matter\n")
    lines = seolint("check", "--statistics", ".").out.splitlines()
    rows = [line.split()[:2] for line in lines[:-1]]
    counts = [int(count) for count, _ in rows]
    assert counts == sorted(counts, reverse=True)  # most frequent first
    assert ["2", "T001"] in rows and ["2", "D001"] in rows and ["1", "FM001"] in rows
    assert rows.index(["2", "D001"]) < rows.index(["2", "T001"])  # ties by code
    assert lines[-1].endswith("in all")


def test_report_writes_a_second_format(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", SHORT)
    result = seolint("check", "--output-format", "concise", "--report", "json:out/findings.json", "a.md")
    assert any(line.startswith("a.md:2:1: T001 [warning]") for line in result.out.splitlines())
    saved = json.loads((isolated / "out" / "findings.json").read_text(encoding="utf-8"))
    assert {f["code"] for f in saved} >= {"T001", "D001"}
    bad = seolint("check", "--report", "nope.txt", "a.md")
    assert bad.code == 2 and "FORMAT:PATH" in bad.err


def test_baseline_survives_inserted_lines(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", SHORT)
    written = seolint("check", "--write-baseline", "baseline.json", "a.md")
    assert written.code == 0 and "Wrote" in written.err
    assert seolint("check", "--baseline", "baseline.json", "a.md").code == 0
    quiet = seolint("check", "--output-format", "json", "--baseline", "baseline.json", "a.md")
    assert quiet.json() == []
    # Lines inserted above the known findings do not bring them back...
    write("a.md", SHORT.replace("---\ntitle", "---\nauthor: Ana\nlang: en\ntitle"))
    moved = seolint("check", "--output-format", "json", "--baseline", "baseline.json", "a.md").json()
    assert {f["code"] for f in moved} == set()
    # ...but a new problem is reported.
    write("a.md", SHORT.replace("date: 2024-05-02", "date: 2024-02-30"))
    fresh = seolint("check", "--output-format", "json", "--baseline", "baseline.json", "a.md")
    assert {f["code"] for f in fresh.json()} == {"FM007"} and fresh.code == 1


@pytest.mark.parametrize("content", [None, "", "{not json", '{"version": 1}', '{"version": 1, "findings": [3]}', "[]"])
def test_bad_baseline_is_an_error(seolint: Any, write: Any, isolated: Path, content: str | None) -> None:
    write("a.md", SHORT)
    if content is not None:
        write("baseline.json", content)
    result = seolint("check", "--baseline", "baseline.json", "a.md")
    assert result.code == 2
    assert "baseline" in result.err and result.err.count("\n") == 1
