"""The hooks, run by the real pre-commit against this checkout (pre-commit try-repo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BAD = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
keywords: professional network, networking,  career
image: cover.png
---

Text.
"""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    home = tmp_path_factory.mktemp("pre-commit-home")
    environment = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never",
                       GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                       GIT_COMMITTER_EMAIL="t@t")
    return environment


@pytest.mark.slow
def test_hooks_stop_a_bad_article_fix_it_and_then_pass(tmp_path: Path, env: dict[str, str]) -> None:
    repo = tmp_path / "site"
    repo.mkdir()
    _run(["git", "init", "-q"], repo, env)
    (repo / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (repo / "post.md").write_text(BAD, encoding="utf-8")
    (repo / "unstaged.md").write_text("no front matter at all\n", encoding="utf-8")
    _run(["git", "add", "post.md", "cover.png"], repo, env)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT)]

    check = _run([*pre_commit, "seolint"], repo, env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "post.md:7:1: FM004 [error] `keywords` is a comma-separated string" in check.stdout
    assert "unstaged.md" not in check.stdout  # only the staged files are checked

    fixed = _run([*pre_commit, "seolint-fix"], repo, env)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "Fixed post.md" in fixed.stdout
    # what it changed and a count of what remains; the check hook lists the findings
    assert "remain in 1 file: `seolint check` lists them." in fixed.stdout
    assert "[warning]" not in fixed.stdout and "[info]" not in fixed.stdout
    assert "keywords: [professional network, networking, career]\n" in (repo / "post.md").read_text(encoding="utf-8")

    _run(["git", "add", "post.md"], repo, env)
    again = _run([*pre_commit, "seolint-fix"], repo, env)
    assert again.returncode == 0, again.stdout + again.stderr
    final = _run([*pre_commit, "seolint"], repo, env)
    assert final.returncode == 0, final.stdout + final.stderr


def _post(slug: str, links: str) -> str:
    return (f"---\ntitle: Networking advice, part {slug}, for people who start out\n"
            f"description: Part {slug} of a series on networking, where to meet people, what to say, and how to "
            f"keep in touch.\ndate: 2024-05-02\nslug: {slug}\n---\n\n{links}\n")


@pytest.mark.slow
def test_hook_sees_the_whole_site_for_the_staged_articles(tmp_path: Path, env: dict[str, str]) -> None:
    """A commit of one article that links to others gets no X005, in one batch or in
    several (``--all-files`` splits the files among processes); a broken link still does."""
    repo = tmp_path / "site"
    (repo / "en").mkdir(parents=True)
    _run(["git", "init", "-q"], repo, env)
    for name in "bcde":
        (repo / "en" / f"{name}.md").write_text(_post(name, "Back to [the first part](/en/a/)."), encoding="utf-8")
    (repo / "en/a.md").write_text(_post("a", "See [b](/en/b/), [c](c.md) and [d](/en/d/)."), encoding="utf-8")
    _run(["git", "add", "en/a.md"], repo, env)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "seolint", "--verbose"]

    staged = _run(pre_commit, repo, env)
    assert "en/a.md" in staged.stdout and "FM002" not in staged.stdout, staged.stdout + staged.stderr
    assert "X005" not in staged.stdout, staged.stdout
    _run(["git", "add", "en"], repo, env)
    every = _run([*pre_commit, "--all-files"], repo, env)
    assert "en/e.md" in every.stdout and "X005" not in every.stdout, every.stdout + every.stderr

    (repo / "en/a.md").write_text(_post("a", "See [b](/en/b/) and [gone](/en/nowhere/)."), encoding="utf-8")
    _run(["git", "add", "en/a.md"], repo, env)
    broken = _run(pre_commit, repo, env)
    assert broken.returncode == 1
    assert "en/a.md:8:" in broken.stdout and "X005 [error] Link to `/en/nowhere/` leads nowhere" in broken.stdout


WARNED = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
keywords: [professional network, networking, career]
image: cover.png
---

Text.
"""


@pytest.mark.slow
def test_the_documented_local_config_runs_and_shows_warnings(tmp_path: Path, env: dict[str, str]) -> None:
    """examples/.pre-commit-config.yaml, as written but for the path of the clone: hooks from a
    local path, README.md and .github/ left out even when staged, warnings shown on a
    passing commit, errors blocking it."""
    repo = tmp_path / "site"
    (repo / ".github").mkdir(parents=True)
    _run(["git", "init", "-q"], repo, env)
    example = (ROOT / "examples" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert example.count('"/path/to/seolint"') == 2
    (repo / ".pre-commit-config.yaml").write_text(example.replace("/path/to/seolint", str(ROOT)), encoding="utf-8")
    (repo / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (repo / "post.md").write_text(WARNED, encoding="utf-8")
    (repo / "README.md").write_text("# My site\n", encoding="utf-8")
    (repo / ".github" / "PULL_REQUEST_TEMPLATE.md").write_text("Describe the change.\n", encoding="utf-8")
    _run(["git", "add", "."], repo, env)
    run = [sys.executable, "-m", "pre_commit", "run"]

    passed = _run(run, repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "[warning]" in passed.stdout and "post.md:" in passed.stdout  # seen, though not blocking
    assert "README.md" not in passed.stdout and "PULL_REQUEST_TEMPLATE" not in passed.stdout

    (repo / "post.md").write_text(WARNED.replace("date: 2024-05-02\n", ""), encoding="utf-8")
    _run(["git", "add", "post.md"], repo, env)
    blocked = _run(run, repo, env)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "post.md:1:1: FM003 [error]" in blocked.stdout
