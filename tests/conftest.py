"""Shared test helpers: run the real CLI in-process, and locate the shared corpus."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from seolint.cli import main
from seolint.source.document import Document

ROOT = Path(__file__).resolve().parent.parent
#: The rules judged from the front matter alone, for tests whose articles have tiny bodies.
FRONT = "FM,T001,T002,T003,D,S001,S002,S003,S005,K001,K002,K003,K004,I001,I002,I003"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


class Result(NamedTuple):
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def seolint(capsys: pytest.CaptureFixture[str]) -> Any:
    """``seolint("check", "x.md")`` runs the command line in-process and captures it."""

    def run(*args: str | Path, cwd: Path | None = None) -> Result:
        previous = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            capsys.readouterr()
            code = main([str(arg) for arg in args])
            captured = capsys.readouterr()
        finally:
            os.chdir(previous)
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Any:
    """``write("a.md", text)`` creates a file (and its folders) under tmp_path."""

    def make(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return make


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder as the current directory, with no config above it that matters."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.fixture
def document(write: Any, isolated: Path) -> Any:
    """``document(body)`` writes an article with that body and reads it as the engine does
    (front matter on lines 1-3, a blank line, the body from line 5)."""
    from seolint.engine import Configs

    def make(body: str, name: str = "article.md", frontmatter: str = "title: A page\n") -> Document:
        path = write(name, f"---\n{frontmatter}---\n\n{body}")
        settings = Configs().for_file(path).settings_for(path, dt.date(2025, 1, 1))
        return Document.from_bytes(path, name, path.read_bytes(), settings)

    return make


#: The reference article of ../shared: French, no `lang` key, every typical defect.
REFERENCE = ROOT.parent / "shared" / "reference" / "networking-professionnel-2025.md"


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LC_ALL, LC_MESSAGES or LANG: the messages' language comes from the run alone."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """The French reference article (no lang key: French is detected), alone in a folder."""
    if not REFERENCE.is_file():
        pytest.skip("the shared reference article is absent")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / REFERENCE.name).write_bytes(REFERENCE.read_bytes())
    return folder / REFERENCE.name
