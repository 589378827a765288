"""Inline suppressions, markdownlint-style, in HTML comments (and YAML/TOML comments in
front matter, where HTML comments cannot go):

- ``<!-- seolint-disable-file [CODES] -->``: the whole file;
- ``<!-- seolint-disable [CODES] -->`` … ``<!-- seolint-enable [CODES] -->``: a range;
- ``<!-- seolint-disable-next-line [CODES] -->`` and ``<!-- seolint-disable-line [CODES] -->``;
- ``# seolint-disable-next-line [CODES]`` on a front-matter line of its own.

Without codes a directive covers every rule. Codes, names and prefixes are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_HTML = re.compile(r"<!--\s*seolint-(disable-file|disable-next-line|disable-line|disable|enable)\b(.*?)-->")
_HASH = re.compile(r"^\s*#\s*seolint-(disable-next-line|disable-line)\b(.*)$")
_ALL: frozenset[str] = frozenset({"*"})

Resolve = Callable[[str], "set[str]"]


@dataclass
class Suppressions:
    file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    ranges: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)
    #: (line, word) of each code, name or prefix that names no rule (RUN004 reports them)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def covers(self, code: str, line: int) -> bool:
        if _hit(self.file, code) or _hit(self.lines.get(line, set()), code):
            return True
        return any(start <= line <= end and _hit(codes, code) for start, end, codes in self.ranges)


def _hit(codes: set[str] | frozenset[str], code: str) -> bool:
    return "*" in codes or code in codes


def _codes(text: str, resolve: Resolve, unknown: list[str]) -> frozenset[str]:
    listed = [word for word in re.split(r"[\s,]+", text.strip()) if word]
    if not listed:
        return _ALL
    found: set[str] = set()
    for word in listed:
        codes = resolve(word)  # an unknown code (a newer rule, a typo) silences nothing...
        if not codes:
            unknown.append(word)  # ...and is reported (RUN004)
        found |= codes
    return frozenset(found)


def parse(lines: list[str], frontmatter_end: int, resolve: Resolve) -> Suppressions:
    """Read the directives of a file; ``frontmatter_end`` is the closing fence's line (0: none)."""
    result = Suppressions()
    open_ranges: dict[frozenset[str], int] = {}
    for number, line in enumerate(lines, 1):
        if "seolint-" not in line:
            continue
        directives = [(m.group(1), m.group(2)) for m in _HTML.finditer(line)]
        hashed = _HASH.match(line) if number <= frontmatter_end else None
        if hashed:
            directives.append((hashed.group(1), hashed.group(2)))
        for kind, text in directives:
            unknown: list[str] = []
            codes = _codes(text, resolve, unknown)
            result.unknown += [(number, word) for word in unknown]
            if kind == "disable-file":
                result.file |= codes
            elif kind == "disable-next-line":
                result.lines.setdefault(number + 1, set()).update(codes)
            elif kind == "disable-line":
                result.lines.setdefault(number, set()).update(codes)
            elif kind == "disable":
                open_ranges.setdefault(codes, number)
            else:
                _close(open_ranges, codes, number, result)
    for codes, start in open_ranges.items():
        result.ranges.append((start, len(lines), codes))
    return result


def _close(open_ranges: dict[frozenset[str], int], codes: frozenset[str], line: int, result: Suppressions) -> None:
    """``enable`` without codes closes every open range; with codes, the ranges it names."""
    for opened in list(open_ranges):
        if codes == _ALL or opened & codes or opened == _ALL:
            start = open_ranges.pop(opened)
            result.ranges.append((start, line, opened))
