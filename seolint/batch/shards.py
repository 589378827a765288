"""Summary files: a whole run as JSON (``--report summary:PATH``), and ``seolint merge``.

A summary file holds what each article gave (findings of the per-article rules, profile,
score) and the small summaries that the rules across articles read, with the site root and
those rules' severities and options as the run had them. So a CI matrix can check a large
site in parts (``--shard I/N``) and ``seolint merge shard-*.json`` replays the rules across
articles over every part, with no config, files or parsing needed: the combined result is
the one a single run over the whole folder gives.

The format (``"format": 1``) is documented in ``docs/audit.md``; a file of another format or
seolint version is refused with a one-line error rather than merged wrongly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from seolint import __version__
from seolint.audit import Audit, Profile
from seolint.batch.across import cross_findings
from seolint.batch.codec import FINDINGS_WITH_PATHS, SUMMARIES
from seolint.batch.store import FindingStore
from seolint.errors import SeolintError
from seolint.findings import Finding, Severity
from seolint.i18n import msg
from seolint.rules import SiteRule
from seolint.site.summaries import Summary

FORMAT = 2  # 2: findings and summaries by field name (seolint.batch.codec)
KIND = "seolint-summary"


@dataclass
class SummaryFile:
    shard: tuple[int, int] | None
    files: int
    root: str
    rules: list[SiteRule]
    findings: list[Finding]  # every finding; in a shard, none of the rules across articles
    profiles: list[Profile]
    summaries: list[Summary]


def dump(audit: Audit) -> str:
    rows, shard = audit.rows, audit.shard
    data = {
        "kind": KIND,
        "format": FORMAT,
        "seolint": __version__,
        "shard": {"index": shard[0], "count": shard[1]} if shard else None,
        "files": audit.files,
        "site": {
            "root": audit.root,
            "rules": [{"code": item.rule.code, "severity": item.severity.value,
                       "options": item.options.model_dump(mode="json")} for item in audit.site_rules],
        },
        "articles": [{**row.profile._asdict(), "score": row.score, "errors": row.errors,
                      "warnings": row.warnings, "infos": row.infos} for row in rows],
        "findings": [FINDINGS_WITH_PATHS.encode(finding) for finding in audit.findings],
        "summaries": [SUMMARIES.encode(summary) for summary in audit.summaries],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # An undecodable byte of a file name (a lone surrogate) as a JSON escape: valid UTF-8,
    # and ``load`` gets the same name back.
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def load(path: Path) -> SummaryFile:
    from seolint.checks import REGISTRY

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SeolintError(msg("cannot read {path}: {reason}", path=path, reason=str(error.strerror or error))) from None
    except ValueError as error:
        raise SeolintError(msg("{path} is not JSON: {error}", path=path, error=str(error))) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise SeolintError(msg("{path} is not a seolint summary file (write one with --report summary:PATH)", path=path))
    if data.get("format") != FORMAT or data.get("seolint") != __version__:
        raise SeolintError(msg(
            "{path} was written by seolint {written} (format {format}); "
            "this is seolint {version}: run every shard with the same version",
            path=path, written=str(data.get("seolint")), format=str(data.get("format")), version=__version__,
        ))
    try:
        shard = (int(data["shard"]["index"]), int(data["shard"]["count"])) if data["shard"] else None
        rules = []
        for item in data["site"]["rules"]:
            rule = REGISTRY[item["code"]]
            rules.append(SiteRule(rule, Severity(item["severity"]), rule.options.model_validate(item["options"])))
        return SummaryFile(
            shard, int(data["files"]), str(data["site"]["root"]), rules,
            [FINDINGS_WITH_PATHS.decode(item) for item in data["findings"]],
            [Profile(item["path"], item["lang"], item["title"], int(item["words"]), item["reading_ease"])
             for item in data["articles"]],
            [SUMMARIES.decode(item) for item in data["summaries"]],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"{type(error).__name__}: {error}"
        raise SeolintError(msg("{path} is a damaged seolint summary file ({error})", path=path, error=detail)) from None


def _and(items: list[str]) -> str:
    """``2 and 4``, in the message's language."""
    said = items[0]
    for item in items[1:]:
        said = msg("{first} and {second}", first=said, second=item)
    return said


def merge(parts: list[tuple[Path, SummaryFile]]) -> Audit:
    """One audit from the shards of one run: every shard once, the same site and rules."""
    if not parts:
        raise SeolintError(msg("merge needs at least one summary file"))
    first_path, first = parts[0]
    for path, part in parts[1:]:
        if (part.root, _rules_key(part.rules)) != (first.root, _rules_key(first.rules)):
            raise SeolintError(msg("{path} and {other} come from different sites or configs", path=path, other=first_path))
    _check_complete(parts)
    summaries = [summary for _, part in parts for summary in part.summaries]
    findings = [finding for _, part in parts for finding in part.findings]
    if any(part.shard for _, part in parts) and summaries:
        findings += cross_findings(summaries, first.root, first.rules)
    profiles = sorted((profile for _, part in parts for profile in part.profiles), key=lambda p: p.path)
    codes = frozenset(item.rule.code for item in first.rules)
    return Audit(FindingStore(findings), sum(part.files for _, part in parts), profiles, summaries, codes,
                 first.root, first.rules)


def _rules_key(rules: list[SiteRule]) -> list[tuple[str, str, str]]:
    return [(item.rule.code, item.severity.value, item.options.model_dump_json()) for item in rules]


def _check_complete(parts: list[tuple[Path, SummaryFile]]) -> None:
    shards = [(path, part.shard) for path, part in parts]
    if len(parts) == 1 and shards[0][1] is None:
        return  # one whole run: merge reprints it
    if any(shard is None for _, shard in shards):
        path = next(path for path, shard in shards if shard is None)
        raise SeolintError(msg("{path} is a whole run, not a shard: merge shards of one run only", path=path))
    counts = {shard[1] for _, shard in shards if shard}
    if len(counts) != 1:
        raise SeolintError(msg("the files split the site differently (into {counts} shards)",
                               counts=_and([str(count) for count in sorted(counts)])))
    count = counts.pop()
    seen: dict[int, Path] = {}
    for path, shard in shards:
        assert shard is not None
        if shard[0] in seen:
            which = f"{shard[0]}/{count}"
            raise SeolintError(msg("{path} and {other} are both shard {shard}", path=path, other=seen[shard[0]],
                                   shard=which))
        seen[shard[0]] = path
    missing = sorted(set(range(1, count + 1)) - set(seen))
    if missing:
        listed = ", ".join(f"{index}/{count}" for index in missing)
        raise SeolintError(msg("shard {listed} is missing: merge every shard of the run", listed=listed))
