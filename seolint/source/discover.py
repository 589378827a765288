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

from seolint.errors import SeolintError
from seolint.i18n import msg
from seolint.printable import shown_name
from seolint.source.globs import absolute, real

EXTENSIONS = frozenset({".md", ".markdown", ".mdx"})
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


class Candidate:
    """One article to check: its path as found, as reported, whether it was named on the
    command line, and its absolute path (the cache's key).

    The path is kept as the string the walk found until a ``Path`` is asked for: building
    ten thousand ``Path`` objects took a fifth of a warm run's walk, and a warm run needs
    few of them."""

    __slots__ = ("_path", "display", "explicit", "absolute")

    def __init__(self, path: Path | str, display: str, explicit: bool, absolute: str) -> None:
        self._path = path
        self.display = shown_name(display)  # an undecodable or control byte escaped
        self.explicit = explicit
        self.absolute = absolute  # os.path.abspath(path), found once: the cache is keyed by it

    @property
    def path(self) -> Path:
        found = self._path
        if not isinstance(found, Path):
            found = self._path = Path(found)
        return found

    @property
    def name(self) -> str:
        """The path as a string, without building a ``Path``."""
        return str(self._path) if isinstance(self._path, Path) else self._path

    def _key(self) -> tuple[str, str, bool, str]:
        return (self.name, self.display, self.explicit, self.absolute)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Candidate(path={self.name!r}, display={self.display!r}, explicit={self.explicit!r})"

    def __getstate__(self) -> tuple[str, str, bool, str]:
        return self._key()

    def __setstate__(self, state: tuple[str, str, bool, str]) -> None:
        self._path, self.display, self.explicit, self.absolute = state


def display_path(path: Path) -> str:
    """Relative to the current folder when below it, as found otherwise."""
    return _display(os.path.abspath(path), _cwd_prefix(), path.as_posix())


def _cwd_prefix() -> str:
    return os.path.join(os.path.abspath(os.getcwd()), "")


def _display(absolute_path: str, cwd_prefix: str, given: str) -> str:
    if absolute_path.startswith(cwd_prefix):
        return absolute_path[len(cwd_prefix):].replace(os.sep, "/")
    return given


#: A folder a walk could not read: as shown, and the error.
Unreadable = tuple[str, OSError]


def discover(
    paths: list[Path],
    excluded: Callable[[str], bool],
    respect_gitignore: Callable[[Path], bool],
    unreadable: list[Unreadable] | None = None,
) -> Iterator[Candidate]:
    """Every article to check, explicit paths first in the order given, then walks, sorted.
    The folders a walk cannot list or enter are added to ``unreadable`` (each is a finding:
    the articles in it went unchecked)."""
    seen: set[str] = set()
    cwd = _cwd_prefix()
    problems = unreadable if unreadable is not None else []
    for given in paths:
        if given.is_dir():
            yield from _folder(given, excluded, respect_gitignore, cwd, seen, problems)
        else:
            key = str(real(given))
            if key not in seen:
                seen.add(key)
                yield Candidate(given, given.as_posix(), True, os.path.abspath(given))


def _folder(
    given: Path, excluded: Callable[[str], bool], respect_gitignore: Callable[[Path], bool], cwd: str,
    seen: set[str], unreadable: list[Unreadable],
) -> Iterator[Candidate]:
    """The articles below one folder named on the command line, in path order. Paths stay
    strings: each article's absolute and real paths are its folder's (found once for the
    walk's root: the walk never enters a link) joined with its name."""
    root = str(given)
    top, real_top = os.path.join(os.path.abspath(root), ""), os.path.join(os.path.realpath(root), "")
    failed: list[tuple[str, OSError]] = []
    found = list(_walk(root, excluded, failed))
    for folder, error in failed:
        unreadable.append((_display(os.path.abspath(folder), cwd, Path(folder).as_posix()), error))
    start = len(root) if root.endswith(os.sep) else len(root) + 1
    relatives = [name[start:] for name, _ in found]
    absolutes = [top + relative for relative in relatives]
    if found and respect_gitignore(given) and (_in_git_work_tree(real_top) or _in_git_work_tree(top)):
        ignored = git_ignored(given, absolutes)
        if ignored:
            kept = [index for index, name in enumerate(absolutes) if name not in ignored]
            found = [found[index] for index in kept]
            relatives = [relatives[index] for index in kept]
            absolutes = [absolutes[index] for index in kept]
    posix = os.sep == "/"
    for (name, link), relative, absolute_name in zip(found, relatives, absolutes):
        key = os.path.realpath(name) if link else real_top + relative
        if key not in seen:
            seen.add(key)
            if absolute_name.startswith(cwd):
                shown = absolute_name[len(cwd):]
                shown = shown if posix else shown.replace(os.sep, "/")
            else:
                shown = name if posix else Path(name).as_posix()
            yield Candidate(name, shown, False, absolute_name)


def _in_git_work_tree(folder: str) -> bool:
    """Whether git could ignore anything here: a ``.git`` in the folder or above it (git
    looks up from the real path; both are asked), or git told where its repository is.
    Outside one, asking ``git check-ignore`` costs a process for nothing."""
    if any(name in os.environ for name in ("GIT_DIR", "GIT_WORK_TREE")):
        return True
    current = folder.rstrip(os.sep) or os.sep
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent


def _walk(root: str, excluded: Callable[[str], bool], failed: list[tuple[str, OSError]]) -> Iterator[tuple[str, bool]]:
    """Every article below ``root``, in path order (as sorting the paths' parts would give):
    its path and whether it is a symbolic link. A stack, not recursion, so that no depth of
    nesting can exhaust Python's call stack. A folder that cannot be listed, or listed but
    not entered (read without execute permission), goes to ``failed``."""
    pending: list[tuple[str, bool] | str] = [root]  # a folder to read, or an article found
    while pending:
        item = pending.pop()
        if isinstance(item, tuple):
            yield item
            continue
        folder = item
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
            if entries and not os.access(folder, os.X_OK):  # names listed, files out of reach
                raise PermissionError(13, "Permission denied", folder)
        except OSError as error:
            if folder != root or not isinstance(error, NotADirectoryError):
                failed.append((folder, error))
            continue
        found: list[tuple[str, bool] | str] = []
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
                    found.append(entry.path)
            elif name[name.rfind("."):].lower() in EXTENSIONS and not excluded(entry.path):
                found.append((entry.path, link))
            # a folder named like an article ("x.md") is walked like any folder, above
        pending.extend(reversed(found))


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
        raise SeolintError(msg("--changed-since needs a git work tree; {folder} is not in one", folder=cwd))
    if not _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd).strip():
        raise SeolintError(msg("--changed-since: `{ref}` is not a commit git knows", ref=ref))
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
