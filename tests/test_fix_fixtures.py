"""Fix fixtures: for each fixable rule, input → expected output, compared byte for byte.

``tests/fixtures/fixes/CODE/CASE.in.md`` is copied as ``CASE.md`` (the name is the article's
URL segment, which S005 reads) and fixed with ``seolint fix --select CODE``, with
``--unsafe-fixes`` when the rule's fix is unsafe; the result must equal ``CASE.out.md``.
An optional ``CASE.unsafe.md`` is the result with ``--unsafe-fixes`` for a rule whose fix is
safe in general. A second run must change nothing (convergence).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from seolint.checks import REGISTRY
from seolint.findings import FixSafety

from .conftest import FIXTURES

FIXES = FIXTURES / "fixes"
FIXABLE = sorted(code for code, rule in REGISTRY.items() if rule.fix is not None)


def _cases() -> list[tuple[str, str, bool]]:
    found = []
    for source in sorted(FIXES.glob("*/*.in.md")):
        code, case = source.parent.name, source.name[: -len(".in.md")]
        unsafe = REGISTRY[code].fix is FixSafety.UNSAFE
        found.append((code, case, unsafe))
        if (source.parent / f"{case}.unsafe.md").is_file():
            found.append((code, case, True))
    return found


def _fix(seolint: Any, folder: Path, code: str, case: str, unsafe: bool) -> bytes:
    path = folder / f"{case}.md"
    args = ["fix", "--select", code, "--output-format", "concise", *(["--unsafe-fixes"] if unsafe else [])]
    seolint(*args, path.name, cwd=folder)
    return path.read_bytes()


@pytest.mark.parametrize(("code", "case", "unsafe"), _cases())
def test_fix_gives_the_expected_bytes(seolint: Any, tmp_path: Path, code: str, case: str, unsafe: bool) -> None:
    source = FIXES / code / f"{case}.in.md"
    shutil.copyfile(source, tmp_path / f"{case}.md")
    expected_name = f"{case}.unsafe.md" if unsafe and REGISTRY[code].fix is FixSafety.SAFE else f"{case}.out.md"
    fixed = _fix(seolint, tmp_path, code, case, unsafe)
    assert fixed == (FIXES / code / expected_name).read_bytes()
    assert _fix(seolint, tmp_path, code, case, unsafe) == fixed, "a second run changed the file again"


@pytest.mark.parametrize("code", FIXABLE)
def test_every_fixable_rule_has_a_fix_fixture(code: str) -> None:
    folder = FIXES / code
    changed = [source for source in folder.glob("*.in.md")
               if any(source.read_bytes() != expected.read_bytes()
                      for expected in folder.glob(source.name[: -len(".in.md")] + ".*.md")
                      if expected != source)]
    assert changed, f"{code} is fixable but tests/fixtures/fixes/{code}/ has no case its fix changes"


def test_every_fixture_folder_is_a_fixable_rule() -> None:
    assert sorted(folder.name for folder in FIXES.iterdir() if folder.is_dir()) == FIXABLE
