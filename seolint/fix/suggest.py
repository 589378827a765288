"""Fixes as text replacements over the file as it is, for the formats that let a reviewer
apply them: JSON (``fix.replacements``), SARIF (``fixes``) and rdjson (``suggestions``).

Findings kept by the cache or passed between processes hold no edits, so the fixable rules
of each file with a fix run again here (only those rules), and each finding's edits are
applied alone to the file in memory; the difference is cut to its smallest regions.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import groupby
from pathlib import Path

from seolint.engine import Configs, speaks
from seolint.findings import Edit, Finding, Replacement
from seolint.fix import edits
from seolint.i18n import render
from seolint.printable import name_bytes
from seolint.source.document import Document

#: The formats that carry replacements.
FORMATS = frozenset({"json", "sarif", "rdjson"})

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def attach(findings: Iterable[Finding], configs: Configs, today: dt.date | None = None) -> list[Finding]:
    """The findings, each fix with its replacements when its edits can be applied."""
    today = today or dt.date.today()
    out: list[Finding] = []
    for _, group in groupby(findings, key=lambda finding: finding.path):
        found = list(group)
        if any(finding.fix is not None for finding in found):
            try:
                found = _with_replacements(found, configs, today)
            except Exception:  # a suggestion is a convenience: never a reason to fail a report
                pass
        out += found
    return out


def _with_replacements(found: list[Finding], configs: Configs, today: dt.date) -> list[Finding]:
    path = Path(os.fsdecode(name_bytes(found[0].path)))  # findings show escaped names
    try:
        data = path.read_bytes()
    except OSError:
        return found
    config = configs.for_file(path)
    doc = Document.from_bytes(path, found[0].path, data, config.settings_for(path, today))
    if doc.source is None or doc.frontmatter is None:
        return found
    yielded: dict[tuple[str, int, int, str], tuple[Edit, ...]] = {}
    said = speaks(config, doc)  # the findings' messages are in their article's language
    for code in sorted({finding.code for finding in found if finding.fix is not None}):
        rule = config.registry.get(code)
        if rule is None or code not in config.options:
            continue
        for violation in rule.check(doc, config.options[code]):
            if violation.edits:
                yielded.setdefault((code, violation.span.line, violation.span.column,
                                    render(violation.message, said)), violation.edits)
    original = _text(data)
    result = []
    for finding in found:
        wanted = yielded.get((finding.code, finding.line, finding.column, finding.message))
        if finding.fix is not None and wanted:
            plan = edits.plan(doc, [wanted])
            if plan is not None:
                changed = _text(edits.encode(edits.apply(doc, plan), data))
                finding = finding._replace(fix=finding.fix._replace(replacements=replacements(original, changed)))
        result.append(finding)
    return result


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def replacements(old: str, new: str) -> tuple[Replacement, ...]:
    """The smallest regions of ``old`` whose replacement gives ``new``: lines are matched,
    then each changed run of lines is trimmed to the characters that differ."""
    old_lines, new_lines = _LINES.findall(old), _LINES.findall(new)
    # The lines both ends share are left out of the match: a fix changes a few lines, and
    # matching thousands of equal ones (a long table's rows) is quadratic.
    common = edits.common_prefix(old_lines, new_lines)
    tail = edits.common_prefix(old_lines[common:][::-1], new_lines[common:][::-1])
    found = []
    matcher = SequenceMatcher(None, old_lines[common:len(old_lines) - tail], new_lines[common:len(new_lines) - tail],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + common, i2 + common, j1 + common, j2 + common
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
            tail += 1
        start = _position(old_lines, i1, before, head)
        end = _position(old_lines, i1, before, len(before) - tail)
        found.append(Replacement(*start, *end, after[head : len(after) - tail]))
    return tuple(found)


def _position(lines: list[str], first: int, chunk: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of ``offset`` in ``chunk``, the text of ``lines`` from
    line index ``first``; a line ending is one line break, whatever its characters."""
    line = first
    for text in lines[first:]:
        if offset < len(text):
            return line + 1, offset + 1
        offset -= len(text)
        line += 1
    return line + 1, offset + 1
