"""Code actions: the CLI's fixes, "fix all safe", and suppressions for a line or a file.

Fixes go through ``fixed_text``, the one adapter between the server and the fix machinery:
it runs ``seolint fix``'s loop on the buffer's text in memory (nothing is written) and the
server sends the difference as one edit. When findings carry their edits as data, only this
function changes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from lsprotocol import types

from seolint import engine
from seolint.errors import SeolintError
from seolint.findings import Finding, FixSafety
from seolint.i18n import msg, render
from seolint.lsp.positions import diagnostic, offset_position
from seolint.lsp.session import Buffer
from seolint.source.discover import Candidate

FIX_ALL = "source.fixAll.seolint"


def fixed_text(path: Path, text: str, configs: engine.Configs, *, unsafe: bool,
               codes: frozenset[str] | None = None) -> str:
    """The buffer's text after ``seolint fix`` (``--unsafe-fixes`` with ``unsafe``; only the
    fixes of ``codes`` when given), computed in memory."""
    from seolint.fix.loop import fix_bytes

    candidate = Candidate(path, path.as_posix(), True, os.path.abspath(path))
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    data = text.encode("utf-8", "surrogatepass")
    fixed = fix_bytes(candidate, data, configs.for_file(path), dt.date.today(), allowed, codes)
    return fixed.decode("utf-8", "surrogatepass")


def minimal_edit(old: str, new: str, encoding: str) -> types.TextEdit | None:
    """One edit that turns ``old`` into ``new``, replacing only the lines that differ."""
    if old == new:
        return None
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (tail < min(len(before), len(after)) - head
           and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]):
        tail += 1
    start = sum(len(line) for line in before[:head])
    end = len(old) - sum(len(line) for line in before[len(before) - tail:])
    where = types.Range(offset_position(old, start, encoding), offset_position(old, end, encoding))
    return types.TextEdit(where, "".join(after[head:len(after) - tail]))


def _action(buffer: Buffer, title: str, kind: str, edit: types.TextEdit,
            finding: Finding | None = None, preferred: bool | None = None) -> types.CodeAction:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=buffer.uri, version=buffer.version)
    diagnostics = None if finding is None else [diagnostic(buffer.lines, finding, buffer.encoding)]
    return types.CodeAction(
        title=title, kind=kind, diagnostics=diagnostics, is_preferred=preferred,
        edit=types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(document, [edit])]),
    )


def has_safe_fix(findings: list[Finding]) -> bool:
    return any(f.fix is not None and f.fix.applicability is FixSafety.SAFE for f in findings)


def fix_actions(buffer: Buffer, configs: engine.Configs, wanted: list[Finding],
                lang: str = "en") -> list[types.CodeAction]:
    """A quick fix for each fixable finding in ``wanted``, once per rule (the CLI's fix of a
    rule mends all its findings), titled in ``lang``, the document's language."""
    from seolint.fix.loop import fixable_codes

    actions: list[types.CodeAction] = []
    done: set[str] = set()
    for finding in wanted:
        if finding.fix is None or finding.code not in fixable_codes() or finding.code in done:
            continue
        done.add(finding.code)
        unsafe = finding.fix.applicability is FixSafety.UNSAFE
        try:
            fixed = fixed_text(buffer.path, buffer.text, configs, unsafe=unsafe, codes=frozenset({finding.code}))
        except SeolintError:  # a fix `seolint fix` would refuse too (no convergence): not offered
            continue
        edit = minimal_edit(buffer.text, fixed, buffer.encoding)
        if edit is not None:
            if unsafe:
                title = msg("Fix {code} (unsafe): {fix}", code=finding.code, fix=finding.fix.message)
            else:
                title = msg("Fix {code}: {fix}", code=finding.code, fix=finding.fix.message)
            actions.append(_action(buffer, render(title, lang), types.CodeActionKind.QuickFix,
                                   edit, finding, not unsafe))
    return actions


def fix_all(buffer: Buffer, configs: engine.Configs, lang: str = "en") -> types.CodeAction | None:
    """Every safe fix, as ``seolint fix`` applies them."""
    try:
        fixed = fixed_text(buffer.path, buffer.text, configs, unsafe=False)
    except SeolintError:  # as `seolint fix` leaves such a file alone
        return None
    edit = minimal_edit(buffer.text, fixed, buffer.encoding)
    title = render(msg("seolint: apply all safe fixes"), lang)
    return None if edit is None else _action(buffer, title, FIX_ALL, edit)


def suppress_actions(buffer: Buffer, findings: list[Finding],
                     frontmatter: tuple[str, int, int] | None, lang: str = "en") -> list[types.CodeAction]:
    """"Disable CODE for this line" and "for this file", for each finding.

    ``frontmatter`` is (format, opening fence line, closing fence line), 1-based. A body
    line gets ``<!-- seolint-disable-next-line CODE -->`` above it; a YAML or TOML
    front-matter line gets ``# seolint-disable-next-line CODE``; the opening fence and JSON
    front matter take no comment, so they get only the file-wide action, which puts
    ``<!-- seolint-disable-file CODE -->`` on the line after the front matter.
    """
    lines = buffer.lines
    actions: list[types.CodeAction] = []
    by_file: set[str] = set()
    for finding in findings:
        comment = _line_comment(lines, finding, frontmatter)
        if comment is not None:
            at = types.Position(finding.line - 1, 0)
            actions.append(_action(buffer, render(msg("Disable {code} for this line", code=finding.code), lang),
                                   types.CodeActionKind.QuickFix, types.TextEdit(types.Range(at, at), comment),
                                   finding, False))
        if finding.code not in by_file:
            by_file.add(finding.code)
            actions.append(_action(buffer, render(msg("Disable {code} for this file", code=finding.code), lang),
                                   types.CodeActionKind.QuickFix,
                                   _file_comment(buffer, finding.code, frontmatter), finding, False))
    return actions


def _file_comment(buffer: Buffer, code: str, frontmatter: tuple[str, int, int] | None) -> types.TextEdit:
    lines = buffer.lines
    after = frontmatter[2] if frontmatter is not None else 0  # 0-based: the line after the fence
    comment = f"<!-- seolint-disable-file {code} -->"
    if after < len(lines):
        at = types.Position(after, 0)
        return types.TextEdit(types.Range(at, at), comment + "\n")
    end = offset_position(buffer.text, len(buffer.text), buffer.encoding)  # the fence ends the text
    return types.TextEdit(types.Range(end, end), "\n" + comment)


_PREFIX = re.compile(r"^[ \t>]*")


def _line_comment(lines: list[str], finding: Finding, frontmatter: tuple[str, int, int] | None) -> str | None:
    if not 1 <= finding.line <= len(lines) or finding.code.startswith("RUN"):
        return None
    line = lines[finding.line - 1]
    if frontmatter is not None and frontmatter[1] <= finding.line <= frontmatter[2]:
        kind, first, _ = frontmatter
        if kind not in ("yaml", "toml") or finding.line == first:
            return None
        indent = line[: len(line) - len(line.lstrip())]
        return f"{indent}# seolint-disable-next-line {finding.code}\n"
    prefix = _PREFIX.match(line)
    return f"{prefix.group(0) if prefix else ''}<!-- seolint-disable-next-line {finding.code} -->\n"
