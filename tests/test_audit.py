"""Audit runs: scores and profiles, the CSV and summary reports, shards and their merge,
``--quiet`` and the progress bar — through the real command line on real files."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seolint.score import score
from tests.conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The shipped examples plus every cross-article fixture that fires, as one site, so that
    each rule across articles has something to find."""
    root = tmp_path / "site"
    shutil.copytree(EXAMPLES, root)
    for rule in sorted((FIXTURES / "rules").glob("X*")):
        shutil.copytree(rule / "fires", root / "content" / rule.name.lower())
    return root


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read accents"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_has_one_row_per_article_with_its_score(seolint: Any, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    result = seolint("check", ".", "--report", f"csv:{out}", "--output-format", "json", cwd=EXAMPLES)
    findings = result.json()
    rows = _csv(out)
    # examples/seolint.toml excludes the folder's README: it is not an article
    articles = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*/*.md*"))
    assert [row["path"] for row in rows] == articles
    guide = next(row for row in rows if row["path"] == "fr/guide-reseau-professionnel.md")
    own = [f for f in findings if f["path"] == guide["path"]]
    assert int(guide["errors"]) == sum(f["severity"] == "error" for f in own) > 0
    assert int(guide["warnings"]) == sum(f["severity"] == "warning" for f in own)
    assert int(guide["score"]) == max(0, 100 - 15 * int(guide["errors"]) - 5 * int(guide["warnings"])
                                      - int(guide["infos"]))
    assert guide["language"] == "fr" and guide["title"].startswith("Réseau professionnel")
    assert int(guide["words"]) > 1000 and 0 < float(guide["reading_ease"]) < 121


def test_csv_cells_never_become_formulas(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", '---\ntitle: "=HYPERLINK(\\"http://evil.example\\", \\"x\\")"\n---\n\nText.\n')
    write("b.md", '---\ntitle: "@SUM(A1)"\n---\n\nText.\n')
    seolint("check", ".", "--report", "csv:audit.csv")
    titles = [row["title"] for row in _csv(isolated / "audit.csv")]
    assert titles == ["'=HYPERLINK(\"http://evil.example\", \"x\")", "'@SUM(A1)"]


def test_unreadable_and_broken_files_still_get_a_row(seolint: Any, write: Any, isolated: Path) -> None:
    write("ok.md", "---\ntitle: Fine\n---\n\nSome text.\n")
    write("broken.md", "---\ntitle: [unclosed\n---\n\nText.\n")
    write("binary.md", b"\xff\xfe\x00garbage\x00")
    seolint("check", ".", "--report", "csv:audit.csv", "--report", "summary:run.json")
    rows = {row["path"]: row for row in _csv(isolated / "audit.csv")}
    assert set(rows) == {"binary.md", "broken.md", "ok.md"}
    assert int(rows["broken.md"]["errors"]) >= 1 and int(rows["broken.md"]["score"]) <= 85
    data = json.loads((isolated / "run.json").read_text(encoding="utf-8"))
    assert data["files"] == 3 and len(data["articles"]) == 3


def test_summary_report_matches_the_findings(seolint: Any, site: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    result = seolint("check", ".", "--report", f"summary:{out}", "--output-format", "json", cwd=site)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "seolint-summary" and data["shard"] is None
    printed = result.json()
    for finding in printed:  # the replacements are for reviewers, not kept in a run's summary
        if finding["fix"]:
            finding["fix"].pop("replacements", None)
    assert data["findings"] == printed
    assert {item["code"] for item in data["site"]["rules"]} >= {"X001", "X002", "X005"}
    for article in data["articles"]:
        own = [f for f in data["findings"] if f["path"] == article["path"]]
        assert article["score"] == max(0, 100 - sum({"error": 15, "warning": 5, "info": 1}[f["severity"]]
                                                     for f in own))


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_merged_shards_equal_one_run(seolint: Any, site: Path, tmp_path: Path, count: int) -> None:
    whole = seolint("check", ".", "--output-format", "json", "--no-cache", cwd=site)
    whole_text = seolint("check", ".", "--no-cache", cwd=site)
    assert any(f["code"].startswith("X") for f in whole.json()), "the site must exercise the X rules"
    parts = []
    seen: list[str] = []
    for index in range(1, count + 1):
        part = tmp_path / f"shard-{index}.json"
        shard = seolint("check", ".", "--shard", f"{index}/{count}", "--report", f"summary:{part}",
                        "--output-format", "json", "--no-cache", cwd=site)
        assert not any(f["code"].startswith("X") for f in shard.json()), "X rules wait for the merge"
        seen += [a["path"] for a in json.loads(part.read_text(encoding="utf-8"))["articles"]]
        parts.append(part)
    assert sorted(seen) == sorted(set(seen)), "an article fell in two shards"
    merged = seolint("merge", *reversed(parts), "--output-format", "json", "--report",
                     f"csv:{tmp_path / 'merged.csv'}", cwd=site)
    assert merged.out == whole.out
    assert merged.code == whole.code
    assert seolint("merge", *parts, cwd=site).out == whole_text.out
    seolint("check", ".", "--report", f"csv:{tmp_path / 'whole.csv'}", cwd=site)
    assert (tmp_path / "merged.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_merge_refuses_incomplete_or_mixed_shards(seolint: Any, site: Path, tmp_path: Path) -> None:
    for index in (1, 2):
        seolint("check", ".", "--shard", f"{index}/3", "--report", f"summary:{tmp_path / f's{index}.json'}",
                cwd=site)
    missing = seolint("merge", tmp_path / "s1.json", tmp_path / "s2.json")
    assert missing.code == 2 and "shard 3/3 is missing" in missing.err
    twice = seolint("merge", tmp_path / "s1.json", tmp_path / "s1.json")
    assert twice.code == 2 and "both shard 1/3" in twice.err
    (tmp_path / "junk.json").write_text('{"kind": "seolint-summary", "format": 1}', encoding="utf-8")
    junk = seolint("merge", tmp_path / "junk.json")
    assert junk.code == 2 and "seolint" in junk.err and len(junk.err.strip().splitlines()) == 1
    bad = seolint("check", ".", "--shard", "4/3", cwd=site)
    assert bad.code == 2 and "I/N" in bad.err


def test_shards_split_the_same_way_everywhere(seolint: Any, site: Path, tmp_path: Path) -> None:
    """The partition depends on the paths only: two runs (any job count) draw the same one."""
    first = seolint("check", ".", "--shard", "2/3", "--output-format", "json", "-j", "1", cwd=site)
    again = seolint("check", ".", "--shard", "2/3", "--output-format", "json", "-j", "2", cwd=site)
    assert first.out == again.out


def test_quiet_prints_the_findings_only(seolint: Any, write: Any, isolated: Path) -> None:
    write("a.md", "---\ntitle: Short\n---\n\nText.\n")
    loud = seolint("check", ".", "--output-format", "concise", "--shard", "1/1")
    quiet = seolint("check", ".", "--output-format", "concise", "--shard", "1/1", "--quiet")
    assert loud.out.startswith(quiet.out) and quiet.out
    assert "Found" in loud.out and "Found" not in quiet.out
    assert "Shard 1/1" in loud.err and "add --report summary:PATH" in loud.err and quiet.err == ""
    write("a.md", "---\ntitle: A title of a sensible length for a search result\n---\n")
    clean = seolint("check", "a.md", "--select", "T001", "--quiet")
    assert clean.code == 0 and clean.out == ""


def _run_in_terminal(args: list[str], cwd: Path) -> tuple[int, bytes]:
    """Run seolint with stderr (and stdout) on a pseudo-terminal; what the terminal showed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-m", "seolint", *args], cwd=cwd, env=env,
                               stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is gone
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=120), shown


@pytest.mark.slow
def test_a_terminal_sees_a_progress_bar_and_a_log_does_not(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for number in range(60):
        (folder / f"part{number // 20}").mkdir(parents=True, exist_ok=True)
        (folder / f"part{number // 20}" / f"post-{number}.md").write_text(
            f"---\ntitle: Post {number}\n---\n\nSome words here.\n", encoding="utf-8")
    args = ["check", ".", "--no-cache", "-j", "1", "--select", "T001", "--fail-on", "warning"]
    code, shown = _run_in_terminal(args, folder)
    assert code == 1
    assert b"Checking" in shown and b"60/60" in shown, shown[-500:]
    _, quiet = _run_in_terminal([*args, "--quiet"], folder)
    assert b"Checking" not in quiet
    logged = subprocess.run([sys.executable, "-m", "seolint", *args], cwd=folder, capture_output=True)
    assert logged.stderr == b""
    assert b"Checking" not in logged.stdout


def test_scores_follow_the_documented_weights() -> None:
    from seolint.findings import Finding, Severity

    def make(severity: Severity) -> Finding:
        return Finding("T001", "title-length", severity, "m", "a.md", 1, 1, 1, 2)

    assert score([]) == 100
    assert score([make(Severity.ERROR), make(Severity.WARNING), make(Severity.INFO)]) == 79
    assert score([make(Severity.ERROR)] * 7) == 0


def test_an_article_from_stdin_gets_its_row(seolint: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = EXAMPLES / "fr" / "guide-reseau-professionnel.md"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article.read_bytes())))
    out = tmp_path / "one.csv"
    seolint("check", "--stdin-filename", "fr/guide-reseau-professionnel.md", "--report", f"csv:{out}",
            cwd=EXAMPLES)
    (row,) = _csv(out)
    assert row["path"] == "fr/guide-reseau-professionnel.md" and row["language"] == "fr"
    assert int(row["words"]) > 1000 and int(row["score"]) < 100
