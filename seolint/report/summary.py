"""The closing line of the text formats."""

from __future__ import annotations

from seolint.findings import Finding, Severity


def _count(number: int, word: str) -> str:
    plural = "" if number == 1 or word == "info" else "s"
    return f"{number} {word}{plural}"


def summary(findings: list[Finding], files: int) -> str:
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    checked = _count(files, "file")
    if not findings:
        return f"All clear: no findings in {checked}."
    parts = [_count(counts[s], s.value) for s in Severity if counts[s]]
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    with_findings = len({finding.path for finding in findings})
    return f"Found {listed} in {with_findings} of {checked} checked."
