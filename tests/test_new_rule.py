"""scripts/new_rule.py writes a rule's stub, fixtures and page, in a copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("seolint", "scripts", "rules", "docs/rules"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests" / "fixtures" / "rules").mkdir(parents=True)
    return tmp_path


def new_rule(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(project / "scripts" / "new_rule.py"), *args],
                          capture_output=True, text=True, cwd=project)


def in_project(project: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=project, check=True).stdout


def test_writes_a_stub_fixtures_and_the_page(project: Path) -> None:
    result = new_rule(project, "T900", "title-shouting", "title")
    assert result.returncode == 0, result.stderr
    assert "wrote seolint/checks/title.py" in result.stdout
    # The copy's registry holds the rule, after the family's other rules, with its stub check.
    shown = in_project(project, (
        "import seolint.checks as c; r = c.REGISTRY['T900']; "
        "print(r.name, r.check.__name__, list(c.REGISTRY)[list(c.REGISTRY).index('T900') - 1])"
    ))
    assert shown.split() == ["title-shouting", "title_shouting", "T005"]
    page = (project / "docs" / "rules" / "T900.md").read_text(encoding="utf-8")
    assert page.startswith("# title-shouting (T900)\n") and "## Why is this bad?" in page
    assert "[T900](T900.md) | title-shouting" in (project / "docs" / "rules" / "README.md").read_text()
    fires = (project / "tests" / "fixtures" / "rules" / "T900" / "fires.md").read_text(encoding="utf-8")
    passes = (project / "tests" / "fixtures" / "rules" / "T900" / "passes.md").read_text(encoding="utf-8")
    assert "<!-- expect: T900 -->" in fires and "expect:" not in passes


def test_the_stub_finds_nothing_so_the_firing_fixture_fails_until_written(project: Path) -> None:
    assert new_rule(project, "H900", "heading-shouting", "H").returncode == 0
    fires = project / "tests" / "fixtures" / "rules" / "H900" / "fires.md"
    out = in_project(project, (
        "import sys; from seolint.cli import main; "
        f"sys.argv = ['seolint', 'check', '--no-cache', '--select', 'H900', {str(fires)!r}]; main()"
    ))
    assert "H900" in fires.read_text(encoding="utf-8")
    assert out.strip() == "All clear: no findings in 1 file."


@pytest.mark.parametrize(("args", "reason"), [
    (("T001", "title-other", "title"), "T001 is already defined"),
    (("T901", "title-length", "title"), "'title-length' is already used"),
    (("T901", "title-new", "images"), "belongs to the family 'title'"),
    (("X900", "site-new", "site"), "rules across articles (X)"),
    (("T9", "title-new", "title"), "is not a rule code"),
    (("T901", "Title_New", "title"), "is not a kebab-case name"),
])
def test_refuses_what_would_break_the_catalogue(project: Path, args: tuple[str, ...], reason: str) -> None:
    before = (project / "seolint" / "checks" / "title.py").read_text(encoding="utf-8")
    result = new_rule(project, *args)
    assert result.returncode == 2 and reason in result.stderr
    assert (project / "seolint" / "checks" / "title.py").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("family", ["FM", "T", "D", "S", "K", "keyphrase", "I", "H", "C", "L", "unlinked", "E"])
def test_every_family_gets_a_stub_the_layer_test_accepts(project: Path, family: str, monkeypatch: Any) -> None:
    """Families span several modules (K: keywords and keyphrase); a module with no room under
    the 400-line limit hands the stub to another of its family, or to a new module."""
    from tests import test_layers

    prefix = family if family.isupper() else {"keyphrase": "K", "unlinked": "L"}[family]
    code = f"{prefix}{'9' * (3 if len(prefix) == 1 else 3)}"
    result = new_rule(project, code, "rule-stub-test", family)
    assert result.returncode == 0, result.stderr
    written = result.stdout.split()[1]
    assert written.startswith("seolint/checks/")
    if not family.isupper():
        assert written == f"seolint/checks/{family}.py"
    shown = in_project(project, f"import seolint.checks as c; r = c.REGISTRY[{code!r}]; print(r.check.__module__)")
    assert shown.strip() == written.removesuffix(".py").replace("/", ".")
    monkeypatch.setattr(test_layers, "ROOT", project)
    monkeypatch.setattr(test_layers, "PACKAGE", project / "seolint")
    test_layers.test_every_module_is_at_most_400_lines()
    test_layers.test_checks_import_only_facts_and_the_rule_framework()
    test_layers.test_no_import_cycle()
