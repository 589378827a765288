"""What a writer's hook and a reviewer's CI meet around the findings: force-exclude, runs
that find nothing, and the fix command's options."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

POST = ("---\ntitle: A title long enough to pass the length rule here\ndate: 2024-05-02\nslug: a-title\n"
        "description: A description.\nkeywords: a, b\n---\n\nText.\n")


def test_force_exclude_leaves_out_named_files_a_walk_would_skip(seolint: Any, write: Any, tmp_path: Path) -> None:
    write("README.md", "# Site\n")
    write(".github/ISSUE_TEMPLATE.md", "Say what broke.\n")
    write("drafts/wip.md", "no front matter\n")
    write("post.md", POST)
    write("seolint.toml", 'extend-exclude = ["drafts/**"]\n')
    named = ("README.md", ".github/ISSUE_TEMPLATE.md", "drafts/wip.md", "post.md")
    plain = seolint("check", "--output-format", "concise", "--select", "FM001", *named, cwd=tmp_path)
    assert "README.md:1:1: FM001" in plain.out and "drafts/wip.md:1:1: FM001" in plain.out  # as ruff: named = checked
    forced = seolint("check", "--output-format", "concise", "--force-exclude", *named, cwd=tmp_path)
    assert "README.md" not in forced.out and ".github" not in forced.out and "drafts" not in forced.out
    assert "post.md:" in forced.out and "in 1 of 1 file checked" in forced.out
    write("seolint.toml", 'extend-exclude = ["drafts/**"]\nforce-exclude = true\n')
    configured = seolint("check", "--output-format", "concise", *named, cwd=tmp_path)
    assert configured.out == forced.out
    fixed = seolint("fix", "--force-exclude", "README.md", cwd=tmp_path)
    assert fixed.code == 0 and "README" not in fixed.out + fixed.err and "warning" not in fixed.err


def test_a_folder_without_articles_says_so(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = seolint("check", "empty", cwd=tmp_path)
    assert result.code == 0
    assert "seolint: warning: no Markdown articles (.md, .markdown, .mdx) found in empty" in result.err
    assert seolint("fix", "empty", cwd=tmp_path).err == result.err


def test_fix_takes_checks_options(seolint: Any, write: Any, tmp_path: Path) -> None:
    write("post.md", POST)
    quiet = seolint("fix", "-q", "--no-cache", "--fail-on", "warning", "--output-format", "concise", "post.md",
                    cwd=tmp_path)
    assert quiet.code == 1 and "Fixed" not in quiet.out and "Found" not in quiet.out
    assert "post.md:" in quiet.out and "keywords: [a, b]" in (tmp_path / "post.md").read_text(encoding="utf-8")
    again = seolint("fix", "--fail-on", "error", "--changes-only", "post.md", cwd=tmp_path)
    assert again.code == 0 and again.err == ""
    assert again.out.endswith("remain in 1 file: `seolint check` lists them.\n") and "[" not in again.out


def test_fix_from_stdin_writes_the_article_to_stdout(monkeypatch: pytest.MonkeyPatch, capfd: Any,
                                                     tmp_path: Path) -> None:
    from seolint.cli import main

    monkeypatch.chdir(tmp_path)
    stdin = io.TextIOWrapper(io.BytesIO(POST.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = main(["fix", "--stdin-filename", "post.md", "--output-format", "concise", "--select", "FM004,T,D"])
    out, err = capfd.readouterr()
    assert out == POST.replace("keywords: a, b", "keywords: [a, b]")
    assert "post.md:" in err and code == 0, err
    assert not (tmp_path / "post.md").exists()


def test_fix_reports_the_findings_across_articles_that_remain(seolint: Any, write: Any, tmp_path: Path) -> None:
    write("a.md", POST.replace("keywords: a, b", "keywords: a, b\nslug: same"))
    write("b.md", POST.replace("keywords: a, b", "keywords: c, d\nslug: other"))
    fixed = seolint("fix", "--output-format", "concise", "--select", "FM004,X001", ".", cwd=tmp_path)
    assert "X001" in fixed.out, fixed.out
    checked = seolint("check", "--output-format", "concise", "--select", "FM004,X001", ".", cwd=tmp_path)
    assert [line for line in fixed.out.splitlines() if "X001" in line] == [
        line for line in checked.out.splitlines() if "X001" in line]


def test_the_example_pre_commit_config_names_no_missing_repository() -> None:
    text = (ROOT / "examples" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: local" in text and "github.com/seolint" not in text


def test_the_caret_stays_under_the_quoted_text_of_a_long_line(seolint: Any) -> None:
    article = ROOT / "examples" / "fr" / "lettre-de-motivation.md"
    result = seolint("check", "--no-cache", "--select", "L006", article.relative_to(ROOT), cwd=ROOT)
    head, quoted, caret = result.out.splitlines()[:3]
    assert head.startswith("examples/fr/lettre-de-motivation.md:38:212: L006")
    text = quoted.split(" | ", 1)[1]
    start = caret.split(" | ", 1)[1].index("^")
    width = caret.count("^")
    assert len(text) <= 160 and text.startswith("…") and text.endswith("…")
    assert text[start:start + width] == "[le dictionnaire des synonymes du CRISCO](http://crisco2.unicaen.fr/des/)"[:width]
    assert text[start:].startswith("[le dictionnaire")


def test_statistics_give_one_row_per_rule(seolint: Any, write: Any, tmp_path: Path) -> None:
    body = "# One\n\n# One again\n"
    write("a.md", POST.replace("Text.\n", body).replace("A title long enough to pass the length rule here", "One"))
    write("b.md", POST.replace("Text.\n", body))
    result = seolint("check", "--no-cache", "--statistics", "--select", "H001", ".", cwd=tmp_path)
    rows = [line for line in result.out.splitlines() if "H001" in line]
    assert len(rows) == 1 and rows[0].split()[0] == "4" and rows[0].endswith("[fixable]"), result.out


def test_the_ci_examples_install_this_project_and_publish_their_reports() -> None:
    import yaml

    github = yaml.safe_load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["seo"]["steps"]
    assert github["env"]["SEOLINT"].startswith("seolint-md @ git+")
    assert any(step.get("run") == 'pip install "$SEOLINT"' for step in steps)
    check = next(step["run"] for step in steps if "seolint check" in step.get("run", ""))
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "--report sarif:seolint.sarif" in check and upload["with"]["sarif_file"] == "seolint.sarif"
    assert upload["if"] == "always()" and github["permissions"]["security-events"] == "write"

    gitlab = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))["seolint"]
    assert gitlab["variables"]["SEOLINT"] == github["env"]["SEOLINT"]
    assert 'pip install "$SEOLINT"' in gitlab["before_script"]
    report = gitlab["artifacts"]["reports"]["codequality"]
    assert any(f"--report gitlab:{report}" in line for line in gitlab["script"])
    assert gitlab["artifacts"]["when"] == "always"

    texts = [path.read_text(encoding="utf-8") for path in (ROOT / "README.md", ROOT / "examples" / "README.md",
                                                          *sorted((ROOT / "examples" / "ci").iterdir()))]
    for text in texts:
        assert "pip install seolint\n" not in text and "github.com/seolint" not in text
        assert "install 'seolint[" not in text and 'install "seolint[' not in text  # another project's
        assert "seolint/seolint@" not in text and "not implemented" not in text


def test_the_closing_lines_say_how_many_findings_fix_would_mend(seolint: Any, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    site = tmp_path / "examples"
    fixes = [f["fix"]["applicability"] for f in seolint("check", "--output-format", "json", ".", cwd=site).json()
             if f["fix"]]
    safe, unsafe = fixes.count("safe"), fixes.count("unsafe")
    assert safe and unsafe
    line = f"{safe} fixable with `seolint fix` ({unsafe} more with `--unsafe-fixes`).\n"
    for _ in range(2):  # a cold run, then one answered from the cache's printed lines
        for form in ("concise", "full"):
            result = seolint("check", "--output-format", form, ".", cwd=site)
            assert result.out.endswith(" of 8 files checked.\n" + line), result.out[-300:]
    assert seolint("check", "-q", "--output-format", "concise", ".", cwd=site).out.count("fixable") == 0
    after = seolint("fix", "--output-format", "concise", ".", cwd=site)
    assert after.out.endswith(f"checked.\n{unsafe} fixable with `seolint fix --unsafe-fixes`.\n"), after.out[-300:]
