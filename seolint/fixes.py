"""Fixes: compute the intended front-matter values, then edit only the lines they live on.

A fix never re-serializes what it did not mean to change: each changed top-level key's
entry is re-rendered alone (ruamel.yaml for YAML, tomlkit for TOML) and spliced into the
original lines, so comments, unknown keys, the formatting of untouched keys, the body, the
newline style, the BOM and the trailing newline stay as they were. JSON front matter is
re-dumped with its own indentation. The result must read back to exactly the intended values,
or the file is left alone.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from seolint import frontmatter
from seolint.document import Document
from seolint.errors import SeolintError
from seolint.findings import Finding


class FixRefused(SeolintError):
    """The fixed text would not read back as intended: nothing is written."""


class Patch(NamedTuple):
    key: str
    value: Any
    after: str | None = None  # for a new key: the key it goes after (None: at the end)


@dataclass
class Plan:
    data: dict[str, Any]  # the intended front matter
    patches: dict[str, Patch] = field(default_factory=dict)
    cuts: set[int] = field(default_factory=set)  # body lines to remove (whole-file numbers)

    def set(self, key: str, value: Any, after: str | None = None) -> None:
        if key in self.patches and after is None:
            after = self.patches[key].after
        self.patches[key] = Patch(key, value, after)
        self.data[key] = value


Fixer = Callable[[Document, Plan, list[Finding]], None]


def _collapse(value: str) -> str:
    return " ".join(value.split())


def fix_whitespace(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # FM010
    for name in ("title", "description", "slug", "keyphrase", "image", "author", "lang", "keywords", "tags"):
        key = doc.article.keys.get(name)
        value = plan.data.get(key) if key else None
        if isinstance(value, str) and _collapse(value) != value:
            plan.set(key, _collapse(value))  # type: ignore[arg-type]
        elif isinstance(value, list) and any(isinstance(v, str) and _collapse(v) != v for v in value):
            plan.set(key, [_collapse(v) if isinstance(v, str) else v for v in value])  # type: ignore[arg-type]


def fix_comma_lists(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # FM004
    for name in ("keywords", "tags"):
        key = doc.article.keys.get(name)
        value = plan.data.get(key) if key else None
        if key and isinstance(value, str):
            plan.set(key, [item.strip() for item in value.split(",") if item.strip()])


def fix_duplicate_keywords(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # K002
    from seolint.text import fold

    key = doc.article.keys.get("keywords")
    value = plan.data.get(key) if key else None
    if not key or not isinstance(value, list):
        return
    seen: set[str] = set()
    kept = []
    for item in value:
        folded = " ".join(fold(str(item)).split())
        if folded not in seen:
            seen.add(folded)
            kept.append(item)
    if kept != value:
        plan.set(key, kept)


def fix_dates(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # FM007
    """Rewrite the dates whose finding names their ISO form (the rule read them)."""
    import datetime as dt

    json = doc.frontmatter is not None and doc.frontmatter.format == "json"
    for finding in findings:
        found = re.match(r"Rewrite `(.+)` as (\d{4}-\d{2}-\d{2})$", finding.fix.message if finding.fix else "")
        if found and isinstance(plan.data.get(found.group(1)), str):
            iso = found.group(2)
            plan.set(found.group(1), iso if json else dt.date.fromisoformat(iso))


def fix_missing_slug(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # S005
    from seolint.checks.slug import file_slug, make_slug

    current = plan.data.get("slug")
    if isinstance(current, str) and current.strip():
        return
    title = doc.article.text("title")
    slug = make_slug(title if title else file_slug(doc), doc.lang)
    if slug:
        plan.set("slug", slug, after=None if "slug" in plan.data else doc.article.keys.get("title"))


def fix_slug_format(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # S001, unsafe
    from seolint.checks.slug import make_slug

    slug = plan.data.get("slug")
    if isinstance(slug, str) and slug.strip():
        better = make_slug(slug, doc.lang)
        if better and better != slug:
            plan.set("slug", better)


def cut_blocks(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # H001, E001, E002
    """Remove the block each finding points at, and one blank line after it."""
    starts = {finding.line for finding in findings}
    for block in doc.body.blocks:
        if block.line in starts:
            plan.cuts.update(range(block.line, block.end_line + 1))
            if not doc.line_text(block.end_line + 1).strip():
                plan.cuts.add(block.end_line + 1)


_KEYWORD_LABEL = re.compile(
    r"^(?:seo\s+)?(?:mots?[- ]cle?f?s?|mots? cles?|keywords?|key ?phrases?|palabras? clave|"
    r"schlusselworter?|expressions?[- ]cles?|requetes? cibles?)\b"
)


def cut_notes(doc: Document, plan: Plan, findings: list[Finding]) -> None:  # E001
    """Remove editorial notes; the keywords a note lists join the front matter's keywords."""
    from seolint.text import fold

    starts = {finding.line for finding in findings}
    listed: list[str] = []
    for block in doc.body.blocks:
        label, sep, rest = block.text.partition(":")
        if block.line in starts and sep and _KEYWORD_LABEL.match(fold(label).strip()):
            listed += [item.strip(" .") for item in re.split(r"[,;]", rest) if item.strip(" .")
                       and not item.strip().startswith("#")]
    cut_blocks(doc, plan, findings)
    if not listed:
        return
    key = doc.article.keys.get("keywords", "keywords")
    current = plan.data.get(key)
    if current is not None and not isinstance(current, list):
        return  # a shape FM004 did not fix: leave the keywords alone
    merged = list(current or [])
    seen = {" ".join(fold(str(item)).split()) for item in merged}
    for item in listed:
        if " ".join(fold(item).split()) not in seen:
            seen.add(" ".join(fold(item).split()))
            merged.append(item)
    if merged != (current or []):
        plan.set(key, merged)


#: Applied in this order; codes without a fixer here are reported, not fixed.
FIXERS: dict[str, Fixer] = {
    "FM004": fix_comma_lists,
    "FM010": fix_whitespace,
    "FM007": fix_dates,
    "K002": fix_duplicate_keywords,
    "S005": fix_missing_slug,
    "S001": fix_slug_format,
    "H001": cut_blocks,
    "E001": cut_notes,
    "E002": cut_blocks,
}


def plan_fixes(doc: Document, findings: list[Finding]) -> Plan | None:
    """What to change for the fixable findings of one document; None when nothing."""
    if doc.data is None or doc.frontmatter is None:
        return None
    plan = Plan(dict(doc.data))
    for code, fixer in FIXERS.items():
        mine = [finding for finding in findings if finding.code == code and finding.fix is not None]
        if mine:
            fixer(doc, plan, mine)
    changed = {key for key, patch in plan.patches.items() if doc.data.get(key, _MISSING) != patch.value}
    plan.patches = {key: patch for key, patch in plan.patches.items() if key in changed}
    return plan if plan.patches or plan.cuts else None


_MISSING = object()


# --- rendering ---------------------------------------------------------------------------


def apply(doc: Document, plan: Plan) -> str:
    """The document's new text (newlines normalized to \\n), verified to read back."""
    fm = doc.frontmatter
    assert fm is not None and doc.source is not None
    lines = doc.source.text.split("\n")
    if fm.format == "json":
        lines = _render_json(doc, plan, lines)
    else:
        lines = _render_entries(doc, plan, lines)
    offset = len(lines) - len(doc.lines)  # the body moved by this many lines
    kept = [line for number, line in enumerate(lines, 1) if number - offset not in plan.cuts or number <= fm.last_line + offset]
    text = "\n".join(kept)
    _verify(text, plan.data)
    return text


def _verify(text: str, intended: dict[str, Any]) -> None:
    result = frontmatter.split(text)
    if result.frontmatter is None or result.frontmatter.data != intended:
        raise FixRefused("the fixed front matter would not read back to the intended values")


def _entry_ranges(doc: Document) -> tuple[dict[str, tuple[int, int]], int]:
    """Each top-level key's lines [start, end] (whole-file), trailing blanks and comments
    left out, and the line after which a new key goes. Keys inside TOML tables are not
    top-level: a new top-level key must come before the first table."""
    fm = doc.frontmatter
    assert fm is not None
    limit = fm.last_line
    if fm.format == "toml":
        tables = [n for n in range(fm.first_line + 1, fm.last_line) if doc.line_text(n).lstrip().startswith("[")]
        limit = min(tables, default=fm.last_line)
    starts = sorted((span.line, str(path[0])) for path, span in fm.positions.items()
                    if len(path) == 1 and span.line < limit)
    boundaries = [line for line, _ in starts] + [limit]
    ranges: dict[str, tuple[int, int]] = {}
    for index, (line, key) in enumerate(starts):
        end = boundaries[index + 1] - 1
        while end > line and (not doc.line_text(end).strip() or doc.line_text(end).lstrip().startswith("#")):
            end -= 1
        ranges[key] = (line, end)
    anchor = max((end for _, end in ranges.values()), default=limit - 1)
    return ranges, anchor


def _render_entries(doc: Document, plan: Plan, lines: list[str]) -> list[str]:
    fm = doc.frontmatter
    assert fm is not None
    ranges, last = _entry_ranges(doc)
    replace: dict[int, tuple[int, list[str]]] = {}
    inserts: dict[int, list[str]] = {}
    for key, patch in plan.patches.items():
        if key in ranges:
            start, end = ranges[key]
            replace[start] = (end, _render(fm.format, key, patch.value, lines[start - 1 : end]))
        else:
            after = ranges.get(patch.after) if patch.after else None
            anchor = after[1] if after else last
            inserts.setdefault(anchor, []).extend(_render(fm.format, key, patch.value, []))
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
    comment = re.search(r"\s+#.*$", head) if after_colon and not after_colon.startswith(("'", '"')) else None
    if comment and len(rendered) == 1:
        rendered[0] += comment.group(0)  # keep an end-of-line comment on a one-line entry
    return rendered


def _sequence_indent(original: list[str]) -> int:
    for line in original[1:]:
        stripped = line.lstrip()
        if stripped.startswith("- ") or stripped == "-":
            return len(line) - len(stripped)
    return 2


def _render_json(doc: Document, plan: Plan, lines: list[str]) -> list[str]:
    fm = doc.frontmatter
    assert fm is not None
    indent = 4
    for line in lines[fm.first_line : fm.last_line - 1]:
        if line.strip():
            indent = len(line) - len(line.lstrip()) or 4
            break
    dumped = json.dumps(plan.data, indent=indent, ensure_ascii=False, default=str)
    return lines[: fm.first_line - 1] + dumped.split("\n") + lines[fm.last_line :]


# --- canonical key order -----------------------------------------------------------------


def reorder(text: str, order: list[str]) -> str:
    """Top-level front-matter keys in the configured order, unknown keys after them in their
    own order. Each key moves with the comment lines right above it; JSON is re-dumped."""
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
        indent = next((len(l) - len(l.lstrip()) for l in lines[1 : fm.last_line - 1] if l.strip()), 4)
        dumped = json.dumps({key: fm.data[key] for key in wanted}, indent=indent or 4, ensure_ascii=False)
        result = "\n".join(lines[: fm.first_line - 1] + dumped.split("\n") + lines[fm.last_line :])
    else:
        result = _move_blocks(lines, fm, wanted)
    _verify(result, fm.data)
    return result


def _move_blocks(lines: list[str], fm: frontmatter.FrontMatter, wanted: list[str]) -> str:
    limit = fm.last_line
    if fm.format == "toml":
        tables = [n for n in range(fm.first_line + 1, fm.last_line) if lines[n - 1].lstrip().startswith("[")]
        limit = min(tables, default=fm.last_line)
    starts = sorted((span.line, str(path[0])) for path, span in fm.positions.items()
                    if len(path) == 1 and span.line < limit)
    if not starts:
        return "\n".join(lines)
    # A block is a key's lines plus the comment lines right above it.
    heads = []
    for line, _ in starts:
        head = line
        while head - 1 > fm.first_line and lines[head - 2].lstrip().startswith("#"):
            head -= 1
        heads.append(head)
    ends = heads[1:] + [limit]  # TOML tables stay after the top-level keys, where they were
    tail_start = ends[-1]
    blocks: dict[str, list[str]] = {}
    gaps: list[list[str]] = []  # blank lines after each slot stay where they are
    for (_, key), head, end in zip(starts, heads, ends):
        chunk = lines[head - 1 : end - 1]
        kept = len(chunk)
        while kept > 1 and not chunk[kept - 1].strip():
            kept -= 1
        blocks[key], gap = chunk[:kept], chunk[kept:]
        gaps.append(gap)
    order = [key for key in wanted if key in blocks]
    body = [line for slot, key in enumerate(order) for line in blocks[key] + gaps[slot]]
    before = lines[: heads[0] - 1]
    return "\n".join(before + body + lines[tail_start - 1 :])
