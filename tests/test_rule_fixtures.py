"""Every rule's fixtures carry their expected findings; this runs them all.

Layout: ``tests/fixtures/rules/<CODE>/*.md`` (also ``.mdx``, ``.markdown``), optionally in
sub-folders holding a ``seolint.toml`` that sets the rule's options. A line expects a finding
of a code on that very line when it carries ``expect: CODE`` in a comment — ``# expect: T001``
in YAML/TOML front matter, ``<!-- expect: T001 -->`` in the body — or anywhere with an
explicit line, ``<!-- expect: T001@2 -->`` (for JSON front matter, which has no comments).
Only the fixture folder's own code (and codes marked in the file) are compared, with the
rule selected explicitly, so that a default-off rule is tested too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from seolint.checks import REGISTRY

from .conftest import FIXTURES

RULES_DIR = FIXTURES / "rules"
MARKER = re.compile(r"expect:\s*([A-Z]+[0-9]+(?:@\d+)?(?:\s*,\s*[A-Z]+[0-9]+(?:@\d+)?)*)")
ENGINE_RULES = {"RUN001", "RUN002", "RUN003"}  # the engine reports them (tests/test_reading.py: RUN003)


def expected(path: Path) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        for group in MARKER.findall(line):
            for item in re.split(r"\s*,\s*", group):
                code, _, at = item.partition("@")
                found.add((code, int(at) if at else number))
    return found


def fixture_files() -> list[Path]:
    return sorted(
        path for path in RULES_DIR.rglob("*")
        if path.suffix in {".md", ".mdx", ".markdown"} and not _is_site(path)
    )


def _is_site(path: Path) -> bool:
    """Rules across articles (X) are checked one folder (a small site) at a time."""
    return path.relative_to(RULES_DIR).parts[0].startswith("X")


def site_folders() -> list[Path]:
    return sorted(folder for code in RULES_DIR.glob("X*") for folder in code.iterdir() if folder.is_dir())


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.relative_to(RULES_DIR).as_posix())
def test_fixture(path: Path, seolint: Any) -> None:
    code = path.relative_to(RULES_DIR).parts[0]
    wanted = expected(path)
    codes = {code} | {item[0] for item in wanted}
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", ",".join(sorted(codes)),
                     path, cwd=path.parent)  # no cache: nothing written into the source tree
    assert result.code in (0, 1), result.err
    got = {(f["code"], f["line"]) for f in result.json() if f["code"] in codes}
    assert got == wanted


@pytest.mark.parametrize("folder", site_folders(), ids=lambda p: p.relative_to(RULES_DIR).as_posix())
def test_site_fixture(folder: Path, seolint: Any) -> None:
    code = folder.relative_to(RULES_DIR).parts[0]
    files = [p for p in folder.rglob("*") if p.suffix in {".md", ".mdx", ".markdown"}]
    wanted = {(p.relative_to(folder).as_posix(), c, line) for p in files for c, line in expected(p)}
    codes = {code} | {c for _, c, _ in wanted}
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", ",".join(sorted(codes)), ".",
                     cwd=folder)
    assert result.code in (0, 1), result.err
    got = {(f["path"], f["code"], f["line"]) for f in result.json() if f["code"] in codes}
    assert got == wanted


def test_every_rule_has_fixtures_that_fire_and_pass() -> None:
    for code in REGISTRY:
        if code in ENGINE_RULES:
            continue
        folder = RULES_DIR / code
        files = [p for p in folder.rglob("*") if p.suffix in {".md", ".mdx", ".markdown"}]
        assert any(any(c == code for c, _ in expected(p)) for p in files), f"{code}: no firing case"
        assert any(not any(c == code for c, _ in expected(p)) for p in files), f"{code}: no passing case"


def test_every_rule_is_documented() -> None:
    for rule in REGISTRY.values():
        doc = rule.documentation()
        for heading in ("## What it does", "## Why is this bad?", "## References"):
            assert heading in doc, f"{rule.code} lacks {heading}"
        if rule.code not in ENGINE_RULES:
            assert "## Example" in doc, f"{rule.code} lacks an example"
        if rule.fix is not None:
            assert "## Fix safety" in doc
