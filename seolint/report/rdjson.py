"""reviewdog's Diagnostic Format, as one JSON document (``reviewdog -f=rdjson``).

Positions follow the format: lines from 1, columns from 1 counted in UTF-8 bytes (seolint
counts code points, so columns are converted with the line's text), end exclusive. The
message carries the hint after a blank line; ``code.url`` links the rule's page when seolint
has a published home (``_common.HOMEPAGE``). A fix with replacements (``seolint.fix.suggest``)
becomes ``suggestions``, which reviewdog offers as suggested changes.
"""

from __future__ import annotations

import json
from typing import Any

from seolint.findings import Finding, Severity
from seolint.report import _common
from seolint.report._common import SourceLines, full_message, links, report_path, rule_url

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def render(findings: list[Finding], files: int, color: bool) -> str:
    source = SourceLines()
    result = {
        "source": {"name": "seolint", **links(url=_common.HOMEPAGE)},
        "diagnostics": [_diagnostic(finding, source) for finding in findings],
    }
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def _diagnostic(finding: Finding, source: SourceLines) -> dict[str, Any]:
    start = _position(finding.path, finding.line, finding.column, source)
    end = _position(finding.path, max(finding.line, finding.end_line), finding.end_column, source)
    if end["line"] == start["line"]:
        end["column"] = max(end["column"], start["column"])
    found: dict[str, Any] = {
        "message": full_message(finding),
        "location": {"path": report_path(finding.path), "range": {"start": start, "end": end}},
        "severity": SEVERITIES[finding.severity],
        "code": {"value": finding.code, **links(url=rule_url(finding.code))},
    }
    if finding.fix is not None and finding.fix.replacements:
        found["suggestions"] = [
            {"range": {"start": _position(finding.path, item.line, item.column, source),
                       "end": _position(finding.path, item.end_line, item.end_column, source)},
             "text": item.text}
            for item in finding.fix.replacements
        ]
    return found


def _position(path: str, line: int, column: int, source: SourceLines) -> dict[str, int]:
    """Line and UTF-8 byte column of a 1-based code-point column."""
    prefix = source.get(path, line)[: max(0, column - 1)]
    beyond = max(0, column - 1 - len(prefix))  # past the line's end, or the file is unreadable
    return {"line": max(1, line), "column": len(prefix.encode("utf-8")) + beyond + 1}
