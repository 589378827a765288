"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` lists the rules that have findings, in catalogue order, each
with its documentation (``seolint rule CODE``) as help; results point at them by id and
index. Columns count Unicode code points (``columnKind``), end columns are exclusive, as in
seolint. ``partialFingerprints.primaryLocationLineHash`` is seolint's own line hash with an
occurrence index (see ``_common``), so the upload action keeps it instead of computing one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from seolint import __version__
from seolint.checks import REGISTRY
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.i18n import current, msg, say
from seolint.rules import saying
from seolint.printable import name_bytes
from seolint.report import _common
from seolint.report._common import SourceLines, fingerprints, full_message, links, report_path, rule_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(findings: list[Finding], files: int, color: bool) -> str:
    codes = _used_codes(findings)
    index = {code: number for number, code in enumerate(codes)}
    prints = fingerprints(findings, SourceLines())
    run = {
        "tool": {"driver": {
            "name": "seolint",
            "version": __version__,
            "semanticVersion": __version__,
            **links(informationUri=_common.HOMEPAGE),
            "rules": [_descriptor(code, findings) for code in codes],
        }},
        "columnKind": "unicodeCodePoints",
        "results": [
            {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": LEVELS[finding.severity],
                "message": {"text": full_message(finding)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": _region(finding),
                }}],
                "partialFingerprints": {"primaryLocationLineHash": f"{mark.digest}:{mark.occurrence}"},
                **_fixes(finding),
            }
            for finding, mark in zip(findings, prints)
        ],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def artifact_location(path: str) -> dict[str, str]:
    """A relative path against ``%SRCROOT%``, percent-encoded; an absolute one as a file URI."""
    shown = report_path(path)
    if "\\" in shown:  # a name shown with escapes (seolint.printable): the URI takes its bytes
        raw = quote(name_bytes(shown), safe="/")
        if Path(shown).is_absolute():
            return {"uri": "file://" + raw}
        return {"uri": raw, "uriBaseId": "%SRCROOT%"}
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": "%SRCROOT%"}


def _used_codes(findings: list[Finding]) -> list[str]:
    used = {finding.code for finding in findings}
    known = [code for code in REGISTRY if code in used]
    return known + sorted(used.difference(REGISTRY))


def _descriptor(code: str, findings: list[Finding]) -> dict[str, Any]:
    rule = REGISTRY.get(code)
    if rule is None:  # not in the catalogue: describe it from its first finding
        first = next(finding for finding in findings if finding.code == code)
        return {"id": code, "name": first.name, "shortDescription": {"text": first.name},
                "defaultConfiguration": {"level": LEVELS[first.severity]}}
    lang = current()  # the rule's texts in the run's language; its id, name and properties stay
    said = saying(lang)
    what, why = said(rule.what), said(rule.why)
    documentation = rule.documentation(lang)
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": first_sentence(what)},
        "fullDescription": {"text": f"{what} {why}"},
        "help": {"text": documentation, "markdown": documentation},
        **links(helpUri=rule_url(code)),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["seo", rule.family]},
    }


def first_sentence(text: str) -> str:
    """Up to the first full stop, ``!`` or ``?`` before a capital (French ones too: ``À``,
    ``É``), a code span or a bracket. French puts a narrow no-break space before ``!`` and ``?``."""
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ`(])", text.strip(), maxsplit=1)[0]


def _fixes(finding: Finding) -> dict[str, Any]:
    """The fix as SARIF ``fixes`` (one artifact change of replacements), when it has them."""
    fix = finding.fix
    if fix is None or not fix.replacements:
        return {}
    replacements = [
        {"deletedRegion": {"startLine": item.line, "startColumn": item.column,
                           "endLine": item.end_line, "endColumn": item.end_column},
         "insertedContent": {"text": item.text}}
        for item in fix.replacements
    ]
    return {"fixes": [{
        "description": {"text": _described(fix)},
        "artifactChanges": [{"artifactLocation": artifact_location(finding.path), "replacements": replacements}],
    }]}


def _described(fix: Fix) -> str:
    """The fix's title and its safety, in the run's language (``seolint.i18n.speaking``)."""
    if fix.applicability is FixSafety.SAFE:
        return say(msg("{title} (safe fix)", title=fix.message))
    return say(msg("{title} (unsafe fix)", title=fix.message))


def _region(finding: Finding) -> dict[str, int]:
    line = max(1, finding.line)
    column = max(1, finding.column)
    end_line = max(line, finding.end_line)
    end_column = max(1, finding.end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
