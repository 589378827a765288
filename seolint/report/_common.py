"""What the CI formats share: paths as reports want them, the reported lines, fingerprints.

A fingerprint identifies a finding across runs without its line number: it hashes the rule's
code, the path and the finding's line with its whitespace collapsed (the message when that
line is blank or cannot be read). Findings with the same fingerprint in one report are told
apart by an occurrence index (1, 2, … in report order), so inserting lines above a finding
changes neither.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import posixpath
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from seolint.findings import Finding, Severity
from seolint.i18n import msg, say
from seolint.printable import name_bytes
from seolint.source.reading import read_article

#: Where seolint's repository is published, e.g. "https://git.example.org/seolint/seolint": the
#: one place the reports' links come from. seolint is not published yet, so there is none, and
#: no report links to a page that does not exist: SARIF carries each rule's documentation in
#: its ``help`` (code scanning shows it beside the alert) without a ``helpUri``, rdjson has no
#: ``url``, and the HTML audit's rule codes filter its articles instead of linking away.
HOMEPAGE: str | None = None
#: A rule's page under HOMEPAGE: docs/rules/CODE.md, generated from `seolint rule CODE`.
RULE_PAGE = "/blob/main/docs/rules/{code}.md"


def rule_url(code: str) -> str | None:
    """The rule's documentation page, or None when seolint has no published home."""
    return None if HOMEPAGE is None else HOMEPAGE + RULE_PAGE.format(code=code)


def links(**urls: str | None) -> dict[str, str]:
    """The keys whose URL is known: a report leaves out a link it does not have."""
    return {key: url for key, url in urls.items() if url is not None}


def report_path(path: str) -> str:
    """The path as a relative POSIX path where it can be one (CI tools resolve paths against
    the checkout); an absolute path outside the working folder stays absolute."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive, on Windows
            relative = path
        if not relative.startswith(".."):
            path = relative
    return posixpath.normpath(path.replace(os.sep, "/"))


def full_message(finding: Finding) -> str:
    """The message, then the hint after a blank line."""
    return f"{finding.message}\n\n{finding.hint}" if finding.hint else finding.message


#: What the reports for people (Markdown, HTML) call a severity; the machine formats keep its value.
SEVERITY_WORDS = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning"), Severity.INFO: msg("info")}


def severity_word(severity: Severity) -> str:
    """A severity in the run's language (``seolint.i18n.speaking``)."""
    return say(SEVERITY_WORDS[severity])


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    found = Counter(finding.severity for finding in findings)
    return {severity: found[severity] for severity in Severity}


class SourceLines:
    """Reads each reported file once, decoded and split as the engine numbers its lines."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def get(self, path: str, number: int) -> str:
        lines = self._files.get(path)
        if lines is None:
            lines = self._files[path] = _read_lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _read_lines(path: str) -> list[str]:
    try:
        data = read_article(os.fsdecode(name_bytes(path)))  # a regular file, bounded
    except OSError:  # gone, unreadable, or a name given with --stdin-filename
        return []
    utf32 = data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text = data.decode("utf-32" if utf32 else "utf-16" if utf16 else "utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def fingerprint(finding: Finding, source: SourceLines | None = None) -> str:
    """16 hex digits from the code, the path and the normalized line (not its number)."""
    line = (source or SourceLines()).get(finding.path, finding.line)
    content = " ".join(line.split()) or " ".join(finding.message.split())
    digest = hashlib.sha256("\0".join((finding.code, finding.path, content)).encode("utf-8"))
    return digest.hexdigest()[:16]


class Print(NamedTuple):
    digest: str  # fingerprint()
    occurrence: int  # 1 for the first finding in the report with this digest, then 2, …

    def unique(self) -> str:
        """One string per finding of a report, stable across runs (32 hex digits)."""
        return hashlib.sha256(f"{self.digest}:{self.occurrence}".encode("ascii")).hexdigest()[:32]


def fingerprints(findings: list[Finding], source: SourceLines | None = None) -> list[Print]:
    source = source or SourceLines()
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        digest = fingerprint(finding, source)
        seen[digest] += 1
        prints.append(Print(digest, seen[digest]))
    return prints
