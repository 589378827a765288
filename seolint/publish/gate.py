"""Check every article, apply its safe fixes, and decide what may be published.

An article is checked after its safe fixes (what is published is the fixed text), with the
rules across articles (duplicate slugs, broken links…) run over the whole folder as
``seolint check`` runs them. An article with an error finding is held back, unless
``--allow-errors``; a draft (``draft: true``) is skipped unless ``--drafts``; a file that is
not readable text is never published.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from seolint import engine
from seolint.batch import across
from seolint.errors import SeolintError
from seolint.findings import Finding, FixSafety, Severity
from seolint.fix.loop import converge
from seolint.i18n import msg
from seolint.source.config import Config
from seolint.source.discover import Candidate
from seolint.source.document import Document
from seolint.source.globs import real
from seolint.source.reading import read_article

@dataclass
class Checked:
    """One article after its safe fixes."""

    candidate: Candidate
    relative: PurePosixPath  # to SRC
    doc: Document | None  # None: not readable text
    findings: list[Finding] = field(default_factory=list)
    note: str | None = None  # why the safe fixes were not applied (a message: seolint.i18n)

    @property
    def errors(self) -> list[str]:
        return sorted({f.code for f in self.findings if f.severity is Severity.ERROR})

    @property
    def text(self) -> str | None:
        source = self.doc.source if self.doc is not None else None
        return source.text if source is not None else None

    @property
    def draft(self) -> bool:
        return self.doc is not None and self.doc.article.get("draft") is True


def check_all(src: Path, out: Path, configs: engine.Configs, today: dt.date) -> list[Checked]:
    """Every article under ``src`` (the output folder left out), fixed and checked."""
    root = src if src.is_dir() else src.parent
    output = real(out)
    found = [c for c in engine.candidates([src], configs) if not real(c.path).is_relative_to(output)]
    results = [engine.check_file(c, configs.for_file(c.path), today) for c in found]
    across = _findings_across(results, configs, src)
    checked = []
    for candidate, result in zip(found, results):
        relative = PurePosixPath(candidate.path.relative_to(root).as_posix())
        item = _check(candidate, relative, configs.for_file(candidate.path), today)
        if item.doc is None and not item.findings:
            item.findings = list(result.findings)  # unreadable or crashed: RUN001, RUN002
        item.findings = sorted(item.findings + across.get(candidate.display, []), key=Finding.sort_key)
        checked.append(item)
    return sorted(checked, key=lambda item: item.relative.as_posix())


def _findings_across(results: list[engine.FileResult], configs: engine.Configs,
                     src: Path) -> dict[str, list[Finding]]:
    """The findings of the rules across articles, by displayed path."""
    summaries = [result.summary for result in results if result.summary is not None]
    by_path: dict[str, list[Finding]] = defaultdict(list)
    if summaries:
        for finding in across.site_findings(summaries, configs, [src]):
            by_path[finding.path].append(finding)
    return by_path


def _check(candidate: Candidate, relative: PurePosixPath, config: Config, today: dt.date) -> Checked:
    try:
        data = read_article(candidate.name, config.max_file_size)
        doc, findings = engine.inspect(candidate, data, config, today)
    except Exception:  # unreadable, or seolint crashed: check_file has reported it
        return Checked(candidate, relative, None)
    if doc.source is None:
        return Checked(candidate, relative, None, findings)
    try:
        _, doc, findings = converge(candidate, data, config, today, {FixSafety.SAFE})
    except SeolintError as error:
        return Checked(candidate, relative, doc, findings, msg("safe fixes not applied: {error}", error=error.said))
    except Exception as error:  # a fixer bug: publish the text as it is, and say so
        return Checked(candidate, relative, doc, findings,
                       msg("safe fixes not applied: {error}", error=f"{type(error).__name__}: {error}"))
    return Checked(candidate, relative, doc, findings)
