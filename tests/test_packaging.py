"""A plain (non-editable) install carries the presets, language data and font metrics."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

DATA = ("presets/default.toml", "presets/strict.toml", "presets/yoast.toml",
        "presets/rankmath.toml", "lang/en.toml", "lang/fr.toml", "fonts/liberation-sans.json")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )
    [built] = out.glob("seolint_md-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_rules_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for item in DATA:
        assert f"seolint/_rules/{item}" in names
    assert "seolint/cli.py" in names
    assert "seolint/locale/fr/LC_MESSAGES/seolint.mo" in names  # messages in French
    assert "seolint/locale/fr/LC_MESSAGES/seolint-rules.mo" in names  # rule explanations in French
    assert not any(name.startswith("tests/") for name in names)


@pytest.mark.slow
def test_installed_wheel_runs_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # A venv that sees nothing of this one nor of the system: the wheel brings its declared
    # dependencies from the package index, as on a user's machine (an undeclared one fails).
    venv.create(env_dir, system_site_packages=False, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    where = subprocess.run(
        [str(python), "-c", "import seolint._data as d; print(d.rules_dir())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert where.startswith(str(env_dir)) and where.endswith("_rules")
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Hi\n---\n", encoding="utf-8")
    (tmp_path / "seolint.toml").write_text('extends = "strict"\n', encoding="utf-8")
    result = subprocess.run([str(env_dir / "bin" / "seolint"), "check", "--output-format", "concise", "a.md",
                             "--report", "html:audit.html"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    page = (tmp_path / "audit.html").read_text(encoding="utf-8")
    assert "prefers-color-scheme" in page and "hashchange" in page  # the style sheet and script ship
    assert "a.md:2:1: T001 [warning] Title is 2 characters long" in result.stdout
    assert "T002" not in result.stdout and "RUN002" not in result.stdout  # font table found
    # TOML front matter is rewritten with tomlkit, French syllables come from pyphen: both
    # must come with the wheel, not with a test extra or another package's dependencies.
    toml = tmp_path / "toml.md"
    toml.write_text('+++\ntitle = "Hi"\nkeywords = "a, b"\n+++\n\nText.\n', encoding="utf-8")
    fixed = subprocess.run([str(env_dir / "bin" / "seolint"), "fix", "toml.md"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert "Fixed toml.md" in fixed.stdout, fixed.stdout + fixed.stderr
    assert 'keywords = ["a", "b"]' in toml.read_text(encoding="utf-8")
    french = subprocess.run([str(python), "-I", "-c",
                             "from seolint.language.readability import syllables; print(syllables('professionnel', 'fr'))"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert french.returncode == 0 and int(french.stdout) >= 3, french.stderr


def test_every_imported_distribution_is_declared() -> None:
    """What the package imports comes from a dependency pyproject.toml names (not through
    another one's dependencies, nor the test extra)."""
    import ast
    import importlib.metadata
    import re

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # the runtime dependencies, and the extras of a command (server), not the test extra
    wanted = [*project["dependencies"], *(item for extra, items in project["optional-dependencies"].items()
                                         if extra != "test" for item in items)]
    declared = {_normal(re.split(r"[<>=!~; \[]", item, maxsplit=1)[0]) for item in wanted}
    providers = importlib.metadata.packages_distributions()
    missing = {}
    for module in (ROOT / "seolint").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "seolint":
                    continue
                dists = {_normal(dist) for dist in providers.get(top, [top])}
                if not dists & declared:
                    missing[top] = f"{module.relative_to(ROOT)} ({', '.join(sorted(dists))})"
    assert not missing, missing


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
