"""Which files a run checks: explicit paths as given, folders walked for articles.

A folder walk skips hidden folders and ``node_modules``, never follows symbolic links to
folders (no loops), applies the config's ``exclude`` globs and, inside a git work tree,
leaves out what ``.gitignore`` ignores (asked of git itself, which knows every ignore
source). Explicit file paths are always checked, as in ruff.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
    absolute: str  # os.path.abspath(path), found once: the cache is keyed by it


def display_path(path: Path) -> str:
    """Relative to the current folder when below it, as found otherwise."""
    return _display(os.path.abspath(path), _cwd_prefix(), path.as_posix())


def _cwd_prefix() -> str:
    return os.path.join(os.path.abspath(os.getcwd()), "")


def _display(absolute_path: str, cwd_prefix: str, given: str) -> str:
    if absolute_path.startswith(cwd_prefix):
        return absolute_path[len(cwd_prefix):].replace(os.sep, "/")
    return given


def discover(
    paths: list[Path],
    excluded: Callable[[str], bool],
    respect_gitignore: Callable[[Path], bool],
) -> Iterator[Candidate]:
    """Every article to check, explicit paths first in the order given, then walks, sorted."""
    seen: set[str] = set()
    cwd = _cwd_prefix()
    for given in paths:
        if given.is_dir():
            found = sorted(_walk(str(given), excluded), key=lambda item: item[0].split(os.sep))
            absolutes = [os.path.abspath(name) for name, _ in found]
            if found and respect_gitignore(given):
                ignored = git_ignored(given, absolutes)
                kept = [index for index, name in enumerate(absolutes) if name not in ignored]
                found, absolutes = [found[index] for index in kept], [absolutes[index] for index in kept]
            folders: dict[str, str] = {}
            for (name, link), absolute_name in zip(found, absolutes):
                folder, base = os.path.split(name)
                if link:
                    key = os.path.realpath(name)
                else:  # the folder's real path, once per folder
                    if folder not in folders:
                        folders[folder] = os.path.realpath(folder)
                    key = os.path.join(folders[folder], base)
                if key not in seen:
                    seen.add(key)
                    path = Path(name)
                    yield Candidate(path, _display(absolute_name, cwd, path.as_posix()), False, absolute_name)
        else:
            key = str(real(given))
            if key not in seen:
                seen.add(key)
                yield Candidate(given, given.as_posix(), True, os.path.abspath(given))


def _walk(root: str, excluded: Callable[[str], bool]) -> Iterator[tuple[str, bool]]:
    """Every article below ``root``: its path and whether it is a symbolic link. Each folder's
    articles come before its subfolders', in name order; a stack, not recursion, so that no
    depth of nesting can exhaust Python's call stack."""
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            if folder != root or not isinstance(error, NotADirectoryError):
                reason = error.strerror or type(error).__name__
                sys.stderr.write(f"seolint: cannot read the folder {folder} ({reason}); skipped\n")
            continue
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            link = True  # when unsure: its real path is looked up on its own
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir()
            except OSError:  # a link loop, say: checked as a file, and reported (RUN001)
                is_dir = False
            if is_dir:  # a link to a folder is never followed (no loops), nor checked
                if not link and name not in SKIPPED_DIRS and not excluded(entry.path):
                    folders.append(entry.path)
            elif os.path.splitext(name)[1].lower() in EXTENSIONS and not excluded(entry.path):
                yield entry.path, link
            # a folder named like an article ("x.md") is walked like any folder, above
        pending.extend(reversed(folders))


def git_ignored(folder: Path, absolutes: list[str]) -> set[str]:
    """Which of these absolute paths git ignores; none outside a work tree or without git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "check-ignore", "--stdin", "-z"],
            input="\0".join(absolutes).encode(),
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    return set(result.stdout.decode(errors="replace").split("\0")) - {""}


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
