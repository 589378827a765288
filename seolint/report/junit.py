"""JUnit XML, for CI test-report views (GitLab, Jenkins, Azure DevOps, …).

One ``testsuite`` per file with findings, one failed ``testcase`` per finding (``failure``
with the message and ``type`` = the rule's code). A clean run is one passing test case, so
that the report is never empty. Built with ElementTree, so every value is escaped; characters
that XML 1.0 cannot carry at all (control characters) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from seolint.findings import Finding, FixSafety
from seolint.i18n import msg, say
from seolint.report._common import report_path
from seolint.report.concise import labels, line
from seolint.report.tally import closing_line

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(findings: list[Finding], files: int, color: bool) -> str:
    total = max(1, len(findings))
    root = ET.Element("testsuites", name="seolint", tests=str(total), failures=str(len(findings)),
                      errors="0", time="0")
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    for path, group in by_file.items():
        _suite(root, report_path(path), group)
    if not findings:
        suite = _element(root, "testsuite", name="seolint", tests="1", failures="0", errors="0",
                         skipped="0", time="0")
        case = _element(suite, "testcase", name="seolint", classname="seolint", time="0")
        _element(case, "system-out").text = xml_safe(closing_line(findings, files))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(root: ET.Element, path: str, findings: list[Finding]) -> None:
    count = str(len(findings))
    suite = _element(root, "testsuite", name=path, tests=count, failures=count, errors="0",
                     skipped="0", time="0")
    for finding in findings:
        case = _element(
            suite, "testcase",
            name=f"{finding.code} {finding.name} (line {finding.line}, column {finding.column})",
            classname=path, file=path, line=str(finding.line), time="0",
        )
        failure = _element(case, "failure", message=finding.message, type=finding.code)
        failure.text = xml_safe("\n".join(_details(finding)))


def _details(finding: Finding) -> list[str]:
    details = [line(finding, labels())]
    if finding.hint:
        details.append(f"{say(msg('hint:'))} {finding.hint}")
    if finding.fix is not None:
        safe = finding.fix.applicability is FixSafety.SAFE
        label = msg("fix (safe):") if safe else msg("fix (unsafe):")
        details.append(f"{say(label)} {finding.fix.message}")
    return details


def _element(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, {key: xml_safe(value) for key, value in attributes.items()})
