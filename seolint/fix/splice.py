"""Splice new front-matter values into the original lines, touching only what changes.

YAML and TOML: each changed top-level key's entry is rendered alone and replaces that
entry's lines; a new key goes after a given key or after the last one. A YAML block list
keeps the lines of its unchanged items (and the comments between them). JSON: only the
changed member's value text is replaced, so spacing and escapes elsewhere stay.
"""

from __future__ import annotations

import io
import json
import re
from difflib import SequenceMatcher
from typing import Any

from seolint.source.document import Document
from seolint.source.frontmatter import FrontMatter

# --- YAML and TOML ------------------------------------------------------------------------


def _limit(lines: list[str], fm: FrontMatter) -> int:
    """The line before which top-level keys stand: TOML tables come after them."""
    if fm.format != "toml":
        return fm.last_line
    tables = [n for n in range(fm.first_line + 1, fm.last_line) if lines[n - 1].lstrip().startswith("[")]
    return min(tables, default=fm.last_line)


def _entry_ranges(lines: list[str], fm: FrontMatter) -> tuple[dict[str, tuple[int, int]], int]:
    """Each top-level key's lines [start, end] (whole-file), trailing blanks and comments
    left out, and the line after which a new key goes."""
    limit = _limit(lines, fm)
    starts = sorted((span.line, str(path[0])) for path, span in fm.positions.items()
                    if len(path) == 1 and span.line < limit)
    boundaries = [line for line, _ in starts] + [limit]
    ranges: dict[str, tuple[int, int]] = {}
    for index, (line, key) in enumerate(starts):
        end = boundaries[index + 1] - 1
        while end > line and _blank_or_comment(lines[end - 1]):
            end -= 1
        ranges[key] = (line, end)
    anchor = max((end for _, end in ranges.values()), default=limit - 1)
    return ranges, anchor


def _blank_or_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def entries(doc: Document, lines: list[str], values: dict[str, Any], after: dict[str, str | None]) -> list[str]:
    fm = doc.frontmatter
    assert fm is not None and doc.data is not None
    ranges, last = _entry_ranges(lines, fm)
    replace: dict[int, tuple[int, list[str]]] = {}
    inserts: dict[int, list[str]] = {}
    for key, value in values.items():
        if key in ranges:
            start, end = ranges[key]
            original = lines[start - 1 : end]
            rendered = _block_list(fm, key, doc.data.get(key), value, start, original)
            replace[start] = (end, rendered if rendered is not None else _render(fm.format, key, value, original))
        else:
            anchor_key = after.get(key)
            anchor = ranges[anchor_key][1] if anchor_key is not None and anchor_key in ranges else last
            inserts.setdefault(anchor, []).extend(_render(fm.format, key, value, []))
    out: list[str] = []
    number = 1
    while number <= len(lines):
        if number in replace:
            end, rendered = replace[number]
            out += rendered
            last_line = end
        else:
            out.append(lines[number - 1])
            last_line = number
        for inserted_after in range(number, last_line + 1):
            out += inserts.get(inserted_after, [])
        number = last_line + 1
    return out


def _render(fmt: str, key: str, value: Any, original: list[str]) -> list[str]:
    if fmt == "toml":
        import tomlkit

        return str(tomlkit.dumps({key: value})).rstrip("\n").split("\n")
    return _render_yaml(key, value, original)


def _render_yaml(key: str, value: Any, original: list[str]) -> list[str]:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    yaml = YAML(typ="rt")
    yaml.width = 4096
    head = original[0] if original else ""
    after_colon = head.split(":", 1)[1].lstrip() if ":" in head else ""
    indent = _sequence_indent(original)
    yaml.indent(mapping=2, sequence=indent + 2, offset=indent)
    if isinstance(value, str) and after_colon[:1] == '"':
        value = DoubleQuotedScalarString(value)
    elif isinstance(value, str) and after_colon[:1] == "'":
        value = SingleQuotedScalarString(value)
    elif isinstance(value, list) and (after_colon.startswith("[") or (not original or "," in after_colon)):
        value = CommentedSeq(value)
        value.fa.set_flow_style()
    stream = io.StringIO()
    yaml.dump({key: value}, stream)
    rendered = stream.getvalue().rstrip("\n").split("\n")
    comment = _END_COMMENT.match(after_colon)
    if comment and len(rendered) == 1:
        rendered[0] += comment.group(1)  # keep an end-of-line comment on a one-line entry
    return rendered


#: A one-line value (plain, or quoted whole) and the comment after it.
_END_COMMENT = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"#\s].*?)(\s+#.*)$""")


def _sequence_indent(original: list[str]) -> int:
    for line in original[1:]:
        stripped = line.lstrip()
        if stripped.startswith("- ") or stripped == "-":
            return len(line) - len(stripped)
    return 2


def _block_list(fm: FrontMatter, key: str, old: Any, new: Any, start: int, original: list[str]) -> list[str] | None:
    """A YAML block list's new lines, keeping the lines of the items that stay (with their
    comments) and every comment line between items; None when the entry is not a block list
    of one located item after another."""
    if fm.format != "yaml" or not isinstance(old, list) or not isinstance(new, list) or not old:
        return None
    head = original[0].split(":", 1)[1] if ":" in original[0] else "x"
    if head.strip() and not head.strip().startswith("#"):
        return None  # a flow list or a scalar on the key's line
    item_lines = [fm.positions.get((key, index)) for index in range(len(old))]
    found = [span.line - start for span in item_lines if span is not None]
    if len(found) != len(old) or found != sorted(set(found)) or found[0] < 1:
        return None
    extents = []  # each item's [first, last] line offsets in ``original``
    for index, first in enumerate(found):
        last = (found[index + 1] if index + 1 < len(found) else len(original)) - 1
        while last > first and _blank_or_comment(original[last]):
            last -= 1
        extents.append((first, last))
    out = original[: found[0]]
    matcher = SequenceMatcher(None, [repr(item) for item in old], [repr(item) for item in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1 and all(extents[i][0] == extents[i][1] for i in range(i1, i2)):
            for index, item in zip(range(i1, i2), new[j1:j2]):
                first, _ = extents[index]
                following = extents[index + 1][0] if index + 1 < len(extents) else len(original)
                out += _render_item(original[first], item, original) + original[first + 1 : following]
            continue
        if tag in ("replace", "insert"):
            for item in new[j1:j2]:
                out += _render_yaml(key, [item], original)[1:]
        for index in range(i1, i2):
            first, last = extents[index]
            following = extents[index + 1][0] if index + 1 < len(extents) else len(original)
            kept = original[first : last + 1] if tag == "equal" else []
            out += kept + original[last + 1 : following]  # the comments after the item stay
    return out


def _render_item(line: str, value: Any, original: list[str]) -> list[str]:
    """One list item's line with a new value, in the item's own quoting and with its
    comment: rendered as the value of a one-line entry, then given back its dash."""
    dash = re.match(r"\s*-\s+", line)
    if dash is not None and not isinstance(value, (list, dict)):
        rendered = _render_yaml("x", value, [f"x: {line[dash.end():]}"])
        if len(rendered) == 1 and rendered[0].startswith("x: "):
            return [dash.group(0) + rendered[0][3:]]
    return _render_yaml("x", [value], original)[1:]


def move_blocks(lines: list[str], fm: FrontMatter, wanted: list[str]) -> list[str]:
    """The top-level keys in the ``wanted`` order, each with the comment lines right above
    it; blank lines stay where they were, TOML tables after the keys."""
    limit = _limit(lines, fm)
    starts = sorted((span.line, str(path[0])) for path, span in fm.positions.items()
                    if len(path) == 1 and span.line < limit)
    if not starts:
        return lines
    heads = []
    for line, _ in starts:
        head = line
        while head - 1 > fm.first_line and lines[head - 2].lstrip().startswith("#"):
            head -= 1
        heads.append(head)
    ends = heads[1:] + [limit]
    tail_start = ends[-1]
    blocks: dict[str, list[str]] = {}
    gaps: list[list[str]] = []
    for (_, key), head, end in zip(starts, heads, ends):
        chunk = lines[head - 1 : end - 1]
        kept = len(chunk)
        while kept > 1 and not chunk[kept - 1].strip():
            kept -= 1
        blocks[key], gap = chunk[:kept], chunk[kept:]
        gaps.append(gap)
    order = [key for key in wanted if key in blocks]
    body = [line for slot, key in enumerate(order) for line in blocks[key] + gaps[slot]]
    return lines[: heads[0] - 1] + body + lines[tail_start - 1 :]


# --- JSON ---------------------------------------------------------------------------------

_SPACE = re.compile(r"\s*")


def _members(text: str) -> list[tuple[str, int, int, int]]:
    """The top-level members of a JSON object's text: (key, key start, value start, value
    end) offsets."""
    decoder = json.JSONDecoder()
    found = []
    at = _SPACE.match(text, text.index("{") + 1).end()  # type: ignore[union-attr]
    while at < len(text) and text[at] == '"':
        key, key_end = decoder.raw_decode(text, at)
        colon = _SPACE.match(text, key_end).end()  # type: ignore[union-attr]
        value_start = _SPACE.match(text, colon + 1).end()  # type: ignore[union-attr]
        _, value_end = decoder.raw_decode(text, value_start)
        found.append((str(key), at, value_start, value_end))
        at = _SPACE.match(text, value_end).end()  # type: ignore[union-attr]
        if at < len(text) and text[at] == ",":
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    return found


def _object(lines: list[str], fm: FrontMatter) -> tuple[str, int, int]:
    """The JSON object's text and its first and last line (whole-file)."""
    first, last = fm.first_line, fm.last_line
    return "\n".join(lines[first - 1 : last]), first, last


def _indent_at(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start:offset]
    return line[: len(line) - len(line.lstrip())]


def _json_value(value: Any, original: str, indent: str) -> str:
    if "\n" not in original:
        return json.dumps(value, ensure_ascii=False, default=str)
    inner = re.search(r"\n([ \t]*)\S", original)
    step = max(1, len(inner.group(1)) - len(indent)) if inner else 4
    dumped = json.dumps(value, ensure_ascii=False, indent=step, default=str)
    return dumped.replace("\n", "\n" + indent)


def json_members(lines: list[str], fm: FrontMatter, values: dict[str, Any],
                 after: dict[str, str | None]) -> list[str]:
    text, first, last = _object(lines, fm)
    members = _members(text)
    offsets = {key: (key_start, start, end) for key, key_start, start, end in members}
    changes: list[tuple[int, int, str]] = []
    for key, value in values.items():
        if key in offsets:
            key_start, start, end = offsets[key]
            changes.append((start, end, _json_value(value, text[start:end], _indent_at(text, key_start))))
            continue
        anchor = after.get(key)
        target = offsets.get(anchor) if anchor else None
        if target is None and members:
            target = offsets[members[-1][0]]
        if target is None:
            opening = text.index("{") + 1
            changes.append((opening, opening, f'\n    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, default=str)}'))
            continue
        key_start, start, end = target
        colon = ": " if re.match(r'"(?:[^"\\]|\\.)*":[ \t]', text[members[0][1]:]) else ":"
        indent = _indent_at(text, key_start)
        rendered = f",\n{indent}{json.dumps(key, ensure_ascii=False)}{colon}{json.dumps(value, ensure_ascii=False, default=str)}"
        changes.append((end, end, rendered))
    for start, end, replacement in sorted(changes, reverse=True):
        text = text[:start] + replacement + text[end:]
    return lines[: first - 1] + text.split("\n") + lines[last:]


def json_order(lines: list[str], fm: FrontMatter, wanted: list[str]) -> list[str]:
    """The members in the ``wanted`` order; what lies between them stays in place."""
    text, first, last = _object(lines, fm)
    members = _members(text)
    pieces = {key: text[key_start:end] for key, key_start, _, end in members}
    out, at = [], 0
    for (_, key_start, _, end), key in zip(members, wanted):
        out += [text[at:key_start], pieces[key]]
        at = end
    out.append(text[at:])
    return lines[: first - 1] + "".join(out).split("\n") + lines[last:]
