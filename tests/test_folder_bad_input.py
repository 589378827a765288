"""Folder runs against hostile trees: files that vanish or change mid-run, odd names, a
folder of ten thousand articles, an interrupted run. Each gives a finding or a message for
that file, and the run completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from seolint import engine
from seolint.batch import runner
from tests.conftest import FRONT

ARTICLE = "---\ntitle: {title}\ndescription: Short.\n---\n\nSome text about {title}.\n"


def _tree(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"part-{number % 5}" / f"post-{number:04}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(title=f"Post {number}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_files_that_vanish_or_change_during_the_run(isolated: Path) -> None:
    paths = sorted(_tree(isolated, 12))
    configs = engine.Configs(None, None, True)

    def meddle(done: int, total: int) -> None:
        if done == 3:
            paths[5].unlink()  # vanishes after the walk listed it
            paths[7].write_text(ARTICLE.format(title="A changed title that is long enough to pass"),
                                encoding="utf-8")

    result = runner.run([Path(".")], configs, jobs=1, progress=meddle)
    assert result.files == 12
    gone = [f for f in result.findings if f.path == paths[5].relative_to(isolated).as_posix()]
    assert [(f.code, f.message) for f in gone] == [
        ("RUN001", "Cannot read this path: it does not exist (or vanished during the run)")]
    changed = paths[7].relative_to(isolated).as_posix()
    assert not [f for f in result.findings if f.path == changed and f.code == "T001"], \
        "the file is judged as it was read"
    again = runner.run([Path(".")], engine.Configs(None, None, True), jobs=1)
    fresh = runner.run([Path(".")], engine.Configs(None, None, False), jobs=1)
    assert again.findings == fresh.findings and again.files == 11


def test_names_with_spaces_and_accents(seolint: Any, write: Any, isolated: Path) -> None:
    write("mes articles/été 2025 — bilan.md", ARTICLE.format(title="Bilan"))
    write("日本語/記事.md", ARTICLE.format(title="記事"))
    result = seolint("check", ".", "--select", "T001", "--output-format", "json",
                     "--report", "csv:audit.csv", "--report", "sarif:out.sarif")
    paths = {finding["path"] for finding in result.json()}
    assert paths == {"mes articles/été 2025 — bilan.md", "日本語/記事.md"}
    csv_text = (isolated / "audit.csv").read_text(encoding="utf-8-sig")
    assert "mes articles/été 2025 — bilan.md" in csv_text
    sarif = json.loads((isolated / "out.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "mes%20articles/%C3%A9t%C3%A9%202025%20%E2%80%94%20bilan.md" in uris


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
@pytest.mark.parametrize("mode", [0, 0o444])
def test_unreadable_folder_is_a_finding(seolint: Any, write: Any, isolated: Path, mode: int) -> None:
    write("ok.md", ARTICLE.format(title="Fine"))
    write("locked/secret.md", ARTICLE.format(title="Hidden"))
    (isolated / "locked").chmod(mode)
    try:
        result = seolint("check", ".", "--select", FRONT, "--output-format", "concise")
    finally:
        (isolated / "locked").chmod(0o755)
    assert result.code == 1 and "ok.md" in result.out and "All clear" not in result.out
    assert "locked:1:1: RUN001 [error] Cannot read this folder: permission denied" in result.out


def _locked(monkeypatch: pytest.MonkeyPatch, folder: str, listable: bool) -> None:
    """Make ``folder`` behave as for a user without the permission (tests run as root)."""
    real_scandir, real_access = os.scandir, os.access

    def scandir(path: Any = ".") -> Any:
        if not listable and os.path.basename(os.fspath(path)) == folder:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if os.path.basename(os.fspath(path)) == folder and mode & os.X_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("listable", [False, True], ids=["chmod-000", "read-no-execute"])
def test_a_folder_that_cannot_be_read_fails_the_run(
    seolint: Any, write: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch, listable: bool
) -> None:
    write("ok.md", ARTICLE.format(title="A title long enough to pass the title rules"))
    write("locked/secret.md", ARTICLE.format(title="Hidden"))
    _locked(monkeypatch, "locked", listable)
    for command in (("check", "."), ("check", ".", "--no-cache"), ("fix", ".")):
        result = seolint(*command, "--select", "T001", "--output-format", "concise")
        assert result.code == 1, (command, result)
        assert "All clear" not in result.out
        assert "locked:1:1: RUN001 [error] Cannot read this folder: permission denied; " \
               "the articles in it were not checked" in result.out, command
        assert "secret.md" not in result.out


@pytest.mark.slow
def test_ten_thousand_articles_in_one_folder(seolint: Any, isolated: Path) -> None:
    folder = isolated / "flat"
    folder.mkdir()
    for number in range(10_000):
        (folder / f"{number:05}.md").write_text(ARTICLE.format(title=f"P{number}"), encoding="utf-8")
    result = seolint("check", "flat", "--select", "T001", "--output-format", "concise", "--no-cache", "-j", "2")
    assert result.code == 0  # T001 warns; only errors fail the run
    assert result.out.count(": T001 [warning]") == 10_000
    assert result.out.rstrip().endswith("in 10000 of 10000 files checked.")


@pytest.mark.slow
def test_an_interrupted_run_leaves_the_cache_usable(isolated: Path) -> None:
    _tree(isolated, 400)
    command = [sys.executable, "-m", "seolint", "check", ".", "-j", "2", "--output-format", "json"]
    for sig in (signal.SIGINT, signal.SIGKILL):
        process = subprocess.Popen(command, cwd=isolated, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   start_new_session=True)
        deadline = time.monotonic() + 60
        while not (isolated / ".seolint_cache").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        os.killpg(process.pid, sig)
        process.wait(timeout=60)
        assert process.returncode != 0, "the run was meant to be cut short"
    cached = subprocess.run(command, cwd=isolated, capture_output=True, text=True, timeout=300)
    fresh = subprocess.run([*command, "--no-cache"], cwd=isolated, capture_output=True, text=True, timeout=300)
    assert cached.returncode == fresh.returncode == 1
    assert json.loads(cached.stdout) == json.loads(fresh.stdout)
    assert "Traceback" not in cached.stderr


def test_concurrent_runs_share_one_cache(isolated: Path) -> None:
    _tree(isolated, 120)
    command = [sys.executable, "-m", "seolint", "check", ".", "-j", "1", "--output-format", "json"]
    runs = [subprocess.Popen(command, cwd=isolated, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    fresh = subprocess.run([*command, "--no-cache"], cwd=isolated, capture_output=True, text=True, timeout=300)
    for out, err in outputs:
        assert json.loads(out) == json.loads(fresh.stdout), err
    warm = subprocess.run(command, cwd=isolated, capture_output=True, text=True, timeout=300)
    assert json.loads(warm.stdout) == json.loads(fresh.stdout)
