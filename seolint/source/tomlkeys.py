"""Where the keys of TOML front matter stand, line by line (tomllib gives values only)."""

from __future__ import annotations

import re

from seolint.findings import Span

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_TABLE = re.compile(rf"^\s*\[(\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]")


def _key_parts(text: str) -> list[str]:
    parts = re.findall(_KEY_PART, text)
    return [part[1:-1] if part[:1] in "\"'" else part for part in parts]


def locate_keys(positions: dict[tuple[str | int, ...], Span], offset: int, lines: list[str]) -> None:
    """Where each key and table of TOML front matter stands (``lines`` start at file line
    ``offset + 1``), added to ``positions``: tomllib does not say."""
    table: tuple[str | int, ...] = ()
    array_counts: dict[tuple[str, ...], int] = {}
    in_string: str | None = None
    for index, line in enumerate(lines):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _TABLE.match(line)
        if header:
            name = tuple(_key_parts(header.group(2)))
            table = name
            if header.group(1):  # [[array.of.tables]]: keys below belong to item N
                count = array_counts.get(name, 0)
                array_counts[name] = count + 1
                positions.setdefault(name, Span.at_line(index + offset + 1, line))
                table = (*name, count)
            positions.setdefault(table, Span.at_line(index + offset + 1, line))
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, *_key_parts(key.group(1)))
            positions.setdefault(path, Span.at_line(index + offset + 1, line))
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
