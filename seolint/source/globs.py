"""Glob matching for config patterns (``exclude``, ``lang-paths``, ``per-file-ignores``).

Patterns are matched against paths relative to the config file's folder, with ``/`` as the
separator: ``*`` stays within one folder, ``**`` crosses folders, and a pattern without a
``/`` also matches a file's bare name (as in ruff and .gitignore).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path


def real(path: Path) -> Path:
    """The path with symbolic links resolved; never raises on a loop (unlike Path.resolve)."""
    return Path(os.path.realpath(path))


@cache
def real_folder(folder: Path) -> Path:
    """``real`` for folders, remembered: a walk asks it for every file of a folder."""
    return real(folder)


def absolute(path: Path) -> Path:
    """The absolute path, links left as they are (a dangling link keeps its own name)."""
    return Path(os.path.abspath(path))


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    pattern = pattern.strip().removeprefix("./")
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        i += 1
    # A folder pattern ("drafts/" or "drafts") also covers everything below it.
    body = "".join(out).rstrip("/")
    return re.compile(f"^{body}(?:/.*)?$")


def matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a /-separated path) matches ``pattern``."""
    if _compile(pattern).match(relative):
        return True
    if "/" not in pattern.strip("/"):
        return any(_compile(pattern).match(part) for part in relative.split("/"))
    return False


def matches_any(patterns: list[str] | tuple[str, ...], relative: str) -> bool:
    return matcher(tuple(patterns))(relative)


@cache
def matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One compiled test for a list of patterns (the exclusions are asked once per file)."""
    return folder_matcher(patterns, "")


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The patterns as one regex over a whole path, and those without a / (which match any
    part of the path) as one regex over a part."""
    anchored = re.compile("|".join(f"(?:{_compile(p).pattern})" for p in patterns))
    names = [p for p in patterns if "/" not in p.strip("/")]
    by_part = re.compile("|".join(f"(?:{_compile(p).pattern})" for p in names)) if names else None
    return anchored, by_part


def folder_matcher(patterns: tuple[str, ...], folder: str) -> Callable[[str], bool]:
    """``matcher(patterns)`` for the names in one folder (``folder`` is /-separated, empty or
    with a trailing /): the folder's own parts are tested once, not once per file."""
    if not patterns:
        return lambda name: False
    anchored, by_part = _compiled(patterns)
    if by_part is not None and any(by_part.match(part) for part in folder.split("/") if part):
        return lambda name: True

    def test(name: str) -> bool:
        relative = folder + name
        if anchored.match(relative):
            return True
        return by_part is not None and any(by_part.match(part) for part in name.split("/"))

    return test


Stamp = tuple[int, int, int, int, int]  # mode, size, mtime_ns, ctime_ns, inode


def stamp(path: str | Path) -> Stamp | None:
    """What changes when a file is written, replaced or removed (None: it does not exist)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return (found.st_mode, found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def kind(path: str | Path) -> str:
    """``file``, ``dir``, ``other`` or ``missing``: what an existence test sees."""
    found = stamp(path)
    if found is None:
        return "missing"
    mode = found[0]
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
