"""Apply the edits that findings carry (``seolint.findings.Edit``) to one file. No rule here.

An edit never re-serializes what it did not mean to change: a changed top-level key's entry
is re-rendered alone (ruamel.yaml for YAML, tomlkit for TOML) and spliced into the original
lines; in a YAML block list only the items that change are rendered, so comments between
items and on kept items stay; in JSON only the changed member's value is replaced. The
body, the BOM and each line's own ending stay as they were (``encode``). The result must
read back to exactly the intended values, or the file is left alone (``EditRefused``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from seolint.errors import SeolintError
from seolint.findings import AddItems, Edit, RemoveItem, RemoveLines, SetItem, SetKey
from seolint.fix import splice
from seolint.i18n import msg
from seolint.source import frontmatter
from seolint.source.document import Document


class EditRefused(SeolintError):
    """The edited text would not read back as intended: nothing is written."""


_MISSING = object()


@dataclass
class Plan:
    """The edits of one round that do not conflict, merged: new values and lines to cut."""

    data: dict[str, Any]  # the front matter as it is
    values: dict[str, Any] = field(default_factory=dict)  # key -> its new value
    after: dict[str, str | None] = field(default_factory=dict)  # where a new key goes
    cuts: set[int] = field(default_factory=set)  # whole-file lines to remove
    _changed: dict[str, dict[int, Any]] = field(default_factory=dict)  # key -> index -> item
    _removed: dict[str, set[int]] = field(default_factory=dict)
    _added: dict[str, list[Any]] = field(default_factory=dict)

    def take(self, edits: Iterable[Edit], body_line: int) -> bool:
        """Add one fix's edits, all or none: False (nothing taken) when one conflicts with
        what the plan holds; that fix waits for the next round."""
        edits = tuple(edits)
        if not all(self._fits(edit, body_line) for edit in edits):
            return False
        for edit in edits:
            if isinstance(edit, SetKey):
                self.values[edit.key] = edit.value
                self.after[edit.key] = edit.after
            elif isinstance(edit, SetItem):
                self._changed.setdefault(edit.key, {})[edit.position] = edit.value
            elif isinstance(edit, RemoveItem):
                self._removed.setdefault(edit.key, set()).add(edit.position)
            elif isinstance(edit, AddItems):
                self._added.setdefault(edit.key, []).extend(edit.items)
            else:
                self.cuts.update(range(edit.start, edit.end + 1))
        return True

    def _fits(self, edit: Edit, body_line: int) -> bool:
        if isinstance(edit, RemoveLines):
            return edit.start >= body_line
        touched = edit.key in self._changed or edit.key in self._removed or edit.key in self._added
        if isinstance(edit, SetKey):
            same = self.values.get(edit.key, _MISSING) == edit.value
            return not touched and (edit.key not in self.values or same)
        current = self.data.get(edit.key, _MISSING)
        if edit.key in self.values or not isinstance(current, list):
            return isinstance(edit, AddItems) and current is _MISSING and edit.key not in self.values
        if isinstance(edit, AddItems):
            return True
        if not 0 <= edit.position < len(current):
            return False
        changed = self._changed.get(edit.key, {})
        if isinstance(edit, SetItem):
            return edit.position not in self._removed.get(edit.key, set()) and (
                changed.get(edit.position, edit.value) == edit.value)
        return edit.position not in changed

    def new_values(self, fmt: str) -> dict[str, Any]:
        """Every key whose value changes, with its new value (as the format stores it)."""
        found = dict(self.values)
        for key in {*self._changed, *self._removed, *self._added}:
            old = self.data.get(key, [])
            changed, removed = self._changed.get(key, {}), self._removed.get(key, set())
            kept = [changed.get(index, item) for index, item in enumerate(old) if index not in removed]
            found[key] = kept + self._added.get(key, [])
        found = {key: _stored(value, fmt) for key, value in found.items()}
        return {key: value for key, value in found.items() if self.data.get(key, _MISSING) != value}


def _stored(value: Any, fmt: str) -> Any:
    """JSON has no dates: a date is written as its ISO text there."""
    if fmt == "json" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def plan(doc: Document, fixes: Iterable[tuple[Edit, ...]]) -> Plan | None:
    """What one round changes: the fixes' edits in order, each fix whole or not at all."""
    fm = doc.frontmatter
    if doc.data is None or fm is None:
        return None
    result = Plan(dict(doc.data))
    for edits in fixes:
        result.take(edits, fm.last_line + 1)
    return result if result.new_values(fm.format) or result.cuts else None


def apply(doc: Document, plan: Plan) -> str:
    """The document's new text (newlines as ``\\n``), verified to read back."""
    fm = doc.frontmatter
    assert fm is not None and doc.source is not None and doc.data is not None
    values = plan.new_values(fm.format)
    lines = doc.source.text.split("\n")
    if fm.format == "json":
        lines = splice.json_members(lines, fm, values, plan.after)
    else:
        lines = splice.entries(doc, lines, values, plan.after)
    offset = len(lines) - len(doc.lines)  # the body moved by this many lines
    kept = [line for number, line in enumerate(lines, 1)
            if number <= fm.last_line + offset or number - offset not in plan.cuts]
    text = "\n".join(kept)
    verify(text, {**doc.data, **values})
    return text


def verify(text: str, intended: dict[str, Any]) -> None:
    result = frontmatter.split(text)
    if result.frontmatter is None or result.frontmatter.data != intended:
        raise EditRefused("the fixed front matter would not read back to the intended values")


def reorder(text: str, order: list[str]) -> str:
    """Top-level front-matter keys in the configured order, unknown keys after them in their
    own order. Each key moves with the comment lines right above it."""
    split = frontmatter.split(text)
    fm = split.frontmatter
    if fm is None or fm.data is None or fm.problems:
        return text
    rank = {key: index for index, key in enumerate(order)}
    keys = [str(key) for key in fm.data]
    wanted = sorted(keys, key=lambda key: (rank.get(key, len(rank)), keys.index(key)))
    if wanted == keys:
        return text
    lines = text.split("\n")
    if fm.format == "json":
        result = "\n".join(splice.json_order(lines, fm, wanted))
    else:
        result = "\n".join(splice.move_blocks(lines, fm, wanted))
    verify(result, fm.data)
    return result


# --- bytes --------------------------------------------------------------------------------

_ENDING = re.compile(r"(\r\n|\r|\n)")


def encode(text: str, original: bytes) -> bytes:
    """``text`` (newlines as ``\\n``, as ``Document`` reads the file) as the file's bytes:
    the BOM kept, and each line that is still there with its own ending (``\\r\\n``, ``\\n``,
    or the lone ``\\r`` the reader took for one); a new line takes the ending of the line
    before it."""
    if original.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):  # UTF-32 LE: FF FE too
        raise SeolintError(msg("UTF-16 and UTF-32 files are checked but not rewritten"))
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    parts = _ENDING.split(original[len(bom):].decode("utf-8"))
    old, endings = parts[0::2], [*parts[1::2], ""]
    new = text.split("\n")
    common = common_prefix(old, new)
    tail = common_prefix(old[common:][::-1], new[common:][::-1])
    new_endings = endings[:common]
    default = max(set(endings[:-1]), key=endings.count) if len(endings) > 1 else "\n"
    matcher = SequenceMatcher(None, old[common:len(old) - tail], new[common:len(new) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            new_endings += endings[common + i1 : common + i2]
        else:
            near = endings[common + i1 - 1] if common + i1 > 0 else endings[0] if len(old) > 1 else default
            new_endings += [near or default] * (j2 - j1)
    new_endings += endings[len(old) - tail :]
    new_endings = [ending or default for ending in new_endings[:-1]] + [""]
    return bom + "".join(line + ending for line, ending in zip(new, new_endings)).encode("utf-8")


def common_prefix(a: list[str], b: list[str]) -> int:
    """How many items ``a`` and ``b`` share from their start."""
    count = 0
    for left, right in zip(a, b):
        if left != right:
            break
        count += 1
    return count
