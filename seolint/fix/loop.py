"""``seolint fix``: apply fixes file by file until nothing changes, then report the rest."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import click

from seolint import engine
from seolint.atomic import write_atomic
from seolint.batch import runner
from seolint.errors import SeolintError
from seolint.findings import Finding, FixSafety
from seolint.i18n import Tally, msg, say
from seolint.source.config import Config
from seolint.source.discover import Candidate
from seolint.source.document import Document
from seolint.source.reading import read_article

#: Rounds of fixing one file before giving up ("failed to converge", as ruff says).
MAX_ROUNDS = 4


@dataclass
class FixOutcome:
    findings: list[Finding] = field(default_factory=list)  # what remains
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per file left alone (messages)
    files: int = 0
    languages: Tally = field(default_factory=Tally)  # of the files' messages (seolint.i18n.for_run)


def fix_all(
    paths: list[Path], configs: engine.Configs, *, unsafe: bool, diff_only: bool,
    only: set[Path] | None = None,
) -> FixOutcome:
    outcome = FixOutcome()
    today = dt.date.today()
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    folders: list[Finding] = []
    for candidate in engine.candidates(paths, configs, only, folders):
        outcome.files += 1
        config = configs.for_file(candidate.path)
        try:
            original = read_article(candidate.name, config.max_file_size)
        except OSError:
            outcome.findings += engine.check_file(candidate, config, today).findings
            continue
        try:
            data, doc, findings = converge(candidate, original, config, today, allowed)
        except SeolintError as error:
            outcome.problems.append(msg("{path}: not fixed: {error}", path=candidate.display, error=error.said))
            outcome.findings += engine.check_file(candidate, config, today).findings
            continue
        except Exception as error:  # a fixer bug leaves this file alone, not the whole run
            detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
            outcome.problems.append(msg("{path}: not fixed (a bug in seolint): {error}",
                                        path=candidate.display, error=detail))
            outcome.findings += engine.check_file(candidate, config, today).findings
            continue
        outcome.languages.add(engine.speaks(config, doc))
        outcome.findings += findings
        if data != original:
            outcome.changed.append(candidate.display)
            if diff_only:
                outcome.diffs.append(_diff(candidate.display, original, data))
            else:
                write_atomic(candidate.path, data)
    outcome.findings += folders  # folders that could not be read: their articles went unfixed
    outcome.findings.sort(key=Finding.sort_key)
    return outcome


class SourceFixed(NamedTuple):
    """What ``fix_source`` did to one article given as bytes."""

    data: bytes  # fixed (or as it was, when it was left alone)
    findings: list[Finding]  # what remains
    problem: str | None  # why it was left alone (a message), None when it was not
    said: str  # the language of its messages (seolint.i18n), "" when not known


def fix_source(name: Path, data: bytes, configs: engine.Configs, *, unsafe: bool) -> SourceFixed:
    """One article given as bytes (``fix --stdin-filename``)."""
    import os

    candidate = Candidate(name, name.as_posix(), True, os.path.abspath(name))
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    config = configs.for_file(name)
    try:
        fixed, doc, findings = converge(candidate, data, config, dt.date.today(), allowed)
    except Exception as error:  # as in fix_all: this article is left as it was
        problem = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        store = runner.run_source(name, data, configs).findings
        return SourceFixed(data, list(store), msg("{path}: not fixed: {error}", path=candidate.display,
                                                   error=problem), next(iter(store.languages), ""))
    return SourceFixed(fixed, sorted(findings, key=Finding.sort_key), None, engine.speaks(config, doc))


def fixable_codes() -> frozenset[str]:
    """The rules whose findings ``fix`` can mend."""
    from seolint.checks import REGISTRY

    return frozenset(code for code, rule in REGISTRY.items() if rule.fix is not None)


def fix_bytes(
    candidate: Candidate, data: bytes, config: Config, today: dt.date, allowed: set[FixSafety],
    codes: frozenset[str] | None = None,
) -> bytes:
    """One article's bytes with its fixes applied in memory, as ``fix`` would write them
    (only the fixes of ``codes`` when given: then the key order is left as it is)."""
    return converge(candidate, data, config, today, allowed, codes)[0]


def converge(
    candidate: Candidate, data: bytes, config: Config, today: dt.date, allowed: set[FixSafety],
    codes: frozenset[str] | None = None,
) -> tuple[bytes, Document, list[Finding]]:
    """Apply the allowed fixes (only those of ``codes`` when given; then the configured key
    order, unless ``codes`` narrows the fixes) round after round until nothing changes: the
    final bytes, with their document and findings. Serves ``fix``, ``check --fix``, publish
    and the language server's code actions."""
    from seolint.fix import edits

    order = config.key_order if codes is None else None
    for _ in range(MAX_ROUNDS):
        doc, findings = engine.inspect(candidate, data, config, today)
        if doc.source is None:
            return data, doc, findings
        fixes = [f.fix.edits for f in findings if f.fix is not None and f.fix.edits
                 and f.fix.applicability in allowed and (codes is None or f.code in codes)]
        plan = edits.plan(doc, fixes) if fixes else None
        text = edits.apply(doc, plan) if plan is not None else doc.source.text
        if order:
            text = edits.reorder(text, order)
        if text == doc.source.text:
            return data, doc, findings
        data = edits.encode(text, data)
    raise SeolintError(msg("fixes did not converge after {rounds} rounds (please report this)", rounds=MAX_ROUNDS))


def _diff(display: str, before: bytes, after: bytes) -> str:
    old = before.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{display}", f"b/{display}"))


def echo_outcome(outcome: FixOutcome, diff_only: bool, quiet: bool = False) -> None:
    """The files left alone (stderr), then the diffs, or the files fixed unless ``quiet``; in
    the run's language (``seolint.i18n.speaking``), but for the diffs, which are code."""
    for problem in outcome.problems:
        click.echo(say(msg("seolint: {message}", message=problem)), err=True)
    if diff_only:
        for diff in outcome.diffs:
            click.echo(diff, nl=not diff.endswith("\n"))
    elif not quiet:
        for path in outcome.changed:
            click.echo(say(msg("Fixed {path}", path=path)))
