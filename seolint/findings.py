"""Findings: what a rule reports, and where.

Positions are 1-based lines and columns in whole-file coordinates (front matter lines count);
``end_column`` is exclusive, as in SARIF.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FixSafety(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at_line(cls, line: int, text: str = "") -> Span:
        """The whole visible content of one line (column 1 when it is empty)."""
        stripped = text.rstrip()
        start = len(stripped) - len(stripped.lstrip()) + 1
        return cls(line, start, line, max(start, len(stripped) + 1))


# --- edits: what a fix changes, as data (applied by seolint.fix.edits) ----------------------


class SetKey(NamedTuple):
    """Set a top-level front-matter key; a missing key is added after ``after`` (at the end
    when None)."""

    key: str
    value: Any
    after: str | None = None


class SetItem(NamedTuple):
    """Replace item number ``position`` (from 0) of the list at ``key``."""

    key: str
    position: int
    value: Any


class RemoveItem(NamedTuple):
    """Remove item number ``position`` (from 0) of the list at ``key``."""

    key: str
    position: int


class AddItems(NamedTuple):
    """Append items to the list at ``key`` (the key is added at the end when missing)."""

    key: str
    items: tuple[Any, ...]


class RemoveLines(NamedTuple):
    """Remove the body lines ``start`` to ``end`` (whole-file numbers, inclusive)."""

    start: int
    end: int


Edit = SetKey | SetItem | RemoveItem | AddItems | RemoveLines


class Violation(NamedTuple):
    """What a check yields: the engine adds the rule's code, name, severity and path."""

    message: str
    span: Span
    hint: str = ""
    fix: str | None = None  # what the fix would do, when the rule has one
    edits: tuple[Edit, ...] = ()  # how: the fix's edits (none: described only)
    safety: FixSafety | None = None  # this fix's safety, when it differs from the rule's


class Replacement(NamedTuple):
    """A fix as text: what replaces the region from (line, column) to (end_line, end_column),
    end exclusive, in the file as it is (an empty region: an insertion)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


class Fix(NamedTuple):
    applicability: FixSafety
    message: str
    edits: tuple[Edit, ...] = ()  # as the check yielded them (not kept in the cache)
    replacements: tuple[Replacement, ...] = ()  # the edits as text, for the CI formats

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {"applicability": self.applicability.value, "message": self.message}
        if self.replacements:
            found["replacements"] = [replacement._asdict() for replacement in self.replacements]
        return found


class Finding(NamedTuple):
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    hint: str = ""
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint or None,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": None if self.fix is None else self.fix.to_json(),
        }
