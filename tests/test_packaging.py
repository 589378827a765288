"""A plain (non-editable) install carries the presets, language data and font metrics."""

from __future__ import annotations

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
    [built] = out.glob("seolint-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_rules_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for item in DATA:
        assert f"seolint/_rules/{item}" in names
    assert "seolint/cli.py" in names
    assert not any(name.startswith("tests/") for name in names)


@pytest.mark.slow
def test_installed_wheel_runs_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # The dependencies come from this environment; the wheel itself is installed for real.
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True)
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


def _imported_packages() -> set[str]:
    """The top-level names of the third-party packages that seolint's modules import."""
    import ast

    names: set[str] = set()
    for path in (ROOT / "seolint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names and name != "seolint"}


def test_every_imported_package_is_a_declared_dependency() -> None:
    import re
    from importlib.metadata import packages_distributions

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # The language server's packages come with the `server` extra, which `seolint server` asks for.
    wanted = [*project["dependencies"], *project["optional-dependencies"]["server"]]
    declared = {re.split(r"[<>=!~;\[ ]", item, maxsplit=1)[0].lower().replace("_", "-") for item in wanted}
    providers = packages_distributions()
    missing = sorted(
        name for name in _imported_packages()
        if name != "tomli" and not {dist.lower().replace("_", "-") for dist in providers.get(name, [name])} & declared
    )
    assert missing == [], f"imported but not declared in pyproject.toml: {missing}"
