"""``seolint fix``: fixes applied, then what remains reported as ``check`` does."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from seolint.commands.common import CheckRequest, echo_all, exit_code, warn_if_none, with_suggestions
from seolint.errors import ExitCode
from seolint.findings import Finding
from seolint.i18n import msg, msg_n, say, speaking
from seolint.source import discover
from seolint.source.settings import from_options


@dataclass
class FixRequest:
    check: CheckRequest
    unsafe: bool = False
    diff: bool = False
    changes_only: bool = False  # what was fixed and a count of what remains, not the findings


def run_fix(request: FixRequest) -> int:
    """Apply fixes, then report what remains as ``check`` does (the rules across articles
    included: what remains is checked again once every file is written).

    Exit 1 when a file was changed (or, with ``--diff``, would be), so that a pre-commit
    hook stops the commit and the writer sees why; otherwise as ``check``.
    """
    from seolint import engine
    from seolint.batch import runner
    from seolint.commands.check import run_language
    from seolint.fix.loop import echo_outcome, fix_all
    from seolint.report import stream

    check = request.check
    configs = engine.Configs(check.config_path, from_options(check.overrides))
    if check.stdin_filename is not None:
        return _fix_stdin(request, configs)
    only = set(discover.changed_since(check.changed_since, Path.cwd())) if check.changed_since else None
    outcome = fix_all(check.paths, configs, unsafe=request.unsafe, diff_only=request.diff, only=only)
    with speaking(run_language(configs, check, outcome.languages)):
        echo_outcome(outcome, request.diff, check.quiet)
    remaining: Iterable[Finding] = outcome.findings
    if not request.diff:
        remaining = store = runner.run(check.paths, configs, only=only, jobs=check.jobs).findings
        with speaking(run_language(configs, check, store.languages)):
            warn_if_none(outcome.files, check)
            if request.changes_only:
                if not check.quiet:
                    click.echo(_remaining_line(remaining))
            else:
                shown = with_suggestions(remaining, [], check)
                echo_all(stream(check.output_format, shown, outcome.files, check.color, check.quiet))
    if outcome.changed or outcome.problems:
        return ExitCode.FINDINGS
    return exit_code(remaining, check.fail_on)


def _fix_stdin(request: FixRequest, configs: Any) -> int:
    """``fix --stdin-filename``: the fixed article on stdout, what remains on stderr."""
    from seolint.fix.loop import fix_source
    from seolint.report import render

    check = request.check
    assert check.stdin_filename is not None
    data = sys.stdin.buffer.read()
    fixed, remaining, problem, said = fix_source(Path(check.stdin_filename), data, configs, unsafe=request.unsafe)
    out = sys.stdout.buffer
    out.write(fixed)
    out.flush()
    from seolint.commands.check import run_language

    with speaking(run_language(configs, check, {said} if said else set())):
        if problem is not None:
            click.echo(say(msg("seolint: {message}", message=problem)), err=True)
        if remaining or not check.quiet:
            click.echo(render(check.output_format, remaining, 1, check.color, check.quiet), err=True, nl=False)
    return ExitCode.FINDINGS if problem is not None else exit_code(remaining, check.fail_on)


def _remaining_line(remaining: Iterable[Finding]) -> str:
    from seolint.report.tally import Tally

    tally = Tally()
    for finding in remaining:
        tally.add(finding)
    if not tally.paths:
        return say(msg("No findings remain."))
    number = sum(tally.counts.values())
    files = msg_n("{count} file", "{count} files", len(tally.paths))
    return say(msg_n("{count} finding remain in {files}: `seolint check` lists them.",
                     "{count} findings remain in {files}: `seolint check` lists them.", number, files=files))
