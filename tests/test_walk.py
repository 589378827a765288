"""The folder walk: articles in path order, paths as strings until needed, git asked only
inside a work tree."""

from __future__ import annotations

import os
import pickle
import subprocess
from pathlib import Path
from typing import Any

import pytest

from seolint import engine

from seolint.source import discover
from seolint.source.discover import Candidate


def _found(paths: list[str]) -> list[Candidate]:
    return list(engine.candidates([Path(path) for path in paths], engine.Configs()))


def test_walk_order_is_the_sorted_order_of_the_paths_parts(write: Any, isolated: Path) -> None:
    names = ["a.md", "a/x.md", "a/b/y.md", "a.b/z.md", "B.md", "b/c.mdx", "b.md", "z/A.markdown",
             "a/b.md", "notes.txt", ".hidden/h.md", "node_modules/n.md", "x.md/inner.md"]
    for name in names:
        write(name, "---\ntitle: t\n---\n")
    expected = sorted((name for name in names if not name.startswith((".", "node_modules")) and
                       not name.endswith(".txt")), key=lambda name: name.split("/"))
    assert [candidate.display for candidate in _found(["."])] == expected
    assert [candidate.display for candidate in _found([str(isolated)])] == expected
    nested = _found(["a/"])
    assert [candidate.display for candidate in nested] == [name for name in expected if name.startswith("a/")]
    assert all(candidate.absolute == os.path.abspath(candidate.path) for candidate in nested)


def test_outside_the_folder_paths_stay_as_given(write: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write("site/posts/a.md", "x\n")
    monkeypatch.chdir(tmp_path / "site" / "posts")
    found = _found(["../posts", "."])
    assert [(candidate.display, candidate.path) for candidate in found] == [("a.md", Path("../posts/a.md"))]
    assert found[0].absolute == str(tmp_path / "site" / "posts" / "a.md")


def test_candidates_keep_their_path_as_a_string_until_asked(write: Any, isolated: Path) -> None:
    write("a/b.md", "x\n")
    candidate = _found(["."])[0]
    assert candidate.name == os.path.join(".", "a", "b.md")
    assert candidate.path == Path("a/b.md")
    again = pickle.loads(pickle.dumps(candidate))  # as sent to the worker processes
    assert again == candidate and again.path == candidate.path and again.display == "a/b.md"
    assert Candidate(Path("x.md"), "x.md", True, "/x.md") == Candidate("x.md", "x.md", True, "/x.md")


def test_git_is_not_asked_outside_a_work_tree(write: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if discover._in_git_work_tree(str(isolated)):
        pytest.skip("the temporary folder is inside a git work tree")
    write("a.md", "x\n")
    asked: list[Any] = []

    def ignored(*args: Any) -> set[str]:
        asked.append(args)
        return set()

    monkeypatch.setattr(discover, "git_ignored", ignored)
    assert [candidate.display for candidate in _found(["."])] == ["a.md"]
    assert not asked
    subprocess.run(["git", "init", "-q"], check=True)
    assert [candidate.display for candidate in _found(["."])] == ["a.md"]
    assert asked
