"""Which files a run checks: explicit paths as given, folders walked for articles.

A folder walk skips hidden folders and ``node_modules``, never follows symbolic links to
folders (no loops), applies the config's ``exclude`` globs and, inside a git work tree,
leaves out what ``.gitignore`` ignores (asked of git itself, which knows every ignore
source). Explicit file paths are always checked, as in ruff.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from seolint.errors import SeolintError
from seolint.paths import absolute, real

EXTENSIONS = frozenset({".md", ".markdown", ".mdx"})
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


class Candidate(NamedTuple):
    path: Path
    display: str
    explicit: bool


def display_path(path: Path) -> str:
    """Relative to the current folder when below it, as found otherwise."""
    try:
        return absolute(path).relative_to(absolute(Path.cwd())).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def discover(
    paths: list[Path],
    excluded: Callable[[Path], bool],
    respect_gitignore: Callable[[Path], bool],
) -> Iterator[Candidate]:
    """Every article to check, explicit paths first in the order given, then walks, sorted."""
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            found = sorted(_walk(given, excluded))
            if found and respect_gitignore(given):
                ignored = git_ignored(given, found)
                found = [path for path in found if path not in ignored]
            for path in found:
                key = real(path)
                if key not in seen:
                    seen.add(key)
                    yield Candidate(path, display_path(path), False)
        else:
            key = real(given)
            if key not in seen:
                seen.add(key)
                yield Candidate(given, given.as_posix(), True)


def _walk(root: Path, excluded: Callable[[Path], bool]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(
            name for name in dirs
            if not name.startswith(".") and name not in SKIPPED_DIRS and not excluded(here / name)
        )
        for name in files:
            path = here / name
            if path.suffix.lower() in EXTENSIONS and not name.startswith(".") and not excluded(path):
                yield path
        # a folder named like an article ("x.md") is walked like any folder, above


def git_ignored(folder: Path, paths: list[Path]) -> set[Path]:
    """The paths that git ignores; empty outside a work tree or without git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "check-ignore", "--stdin", "-z"],
            input="\0".join(str(absolute(path)) for path in paths).encode(),
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    ignored = {Path(item) for item in result.stdout.decode(errors="replace").split("\0") if item}
    return {path for path in paths if absolute(path) in ignored}


def changed_since(ref: str, cwd: Path) -> list[Path]:
    """Files added, modified or renamed since ``ref`` (working tree included, deletions not),
    plus new untracked files; paths as git gives them, relative to the work tree's top."""
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    if not top:
        raise SeolintError(f"--changed-since needs a git work tree; {cwd} is not in one")
    if not _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd).strip():
        raise SeolintError(f"--changed-since: `{ref}` is not a commit git knows")
    changed = _git(["diff", "--name-only", "-z", "--diff-filter=AMR", ref, "--"], cwd)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], cwd)
    names = sorted({name for name in (changed + untracked).split("\0") if name})
    return [Path(top) / name for name in names]


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else ""


def within(path: Path, roots: list[Path]) -> bool:
    """Whether ``path`` is one of ``roots`` or below one of them."""
    target = absolute(path)
    return any(target == absolute(root) or target.is_relative_to(absolute(root)) for root in roots)
