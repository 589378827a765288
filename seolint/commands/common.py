"""What the commands share: the command line's config layer, printing in pieces, report
files, exit codes."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from seolint.atomic import write_atomic
from seolint.errors import ConfigError, ExitCode, SeolintError
from seolint.findings import Finding, Severity
from seolint.i18n import msg
from seolint.source.settings import from_options


@dataclass
class CheckRequest:
    """Everything ``seolint check`` was asked, as plain values."""

    paths: list[Path]
    output_format: str = "full"
    overrides: dict[str, Any] = field(default_factory=dict)
    config_path: Path | None = None
    fail_on: str = "error"
    color: bool = False
    reports: list[str] = field(default_factory=list)  # FORMAT:PATH
    editor_url: str | None = None  # the HTML report's links: a pattern with {path}, {line}, {column}
    statistics: bool = False
    changed_since: str | None = None
    stdin_filename: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    jobs: int = 1
    cache: bool = True
    quiet: bool = False  # no progress bar, summary line or notes: the findings only
    shard: tuple[int, int] | None = None  # (index, count): check one part of the articles


#: Runs over fewer files than this finish before a progress bar would help.
MIN_PROGRESS_FILES = 20


def with_suggestions(findings: Iterable[Finding], reports: list[str], request: CheckRequest) -> Iterable[Finding]:
    """The findings with their fixes as replacements, when a format that carries them is
    printed or written (``seolint.fix.suggest``)."""
    from seolint.fix import suggest

    if request.statistics or not suggest.FORMATS.intersection([request.output_format, *reports]):
        return findings
    from seolint import engine

    return suggest.attach(findings, engine.Configs(request.config_path, from_options(request.overrides)))


def echo_all(pieces: Iterable[str | bytes | memoryview], flush_at: int = 1 << 18) -> None:
    """Print ``pieces`` about 256 KB at a time: a large report is never held whole. Bytes
    (lines already encoded for stdout) are written as they are, text through click."""
    waiting: list[Any] = []
    size = 0
    text = True
    for piece in pieces:
        if waiting and isinstance(piece, str) != text:
            _echo_joined(waiting, text)
            waiting.clear()
            size = 0
        text = isinstance(piece, str)
        waiting.append(piece)
        size += len(piece)
        if size >= flush_at:
            _echo_joined(waiting, text)
            waiting.clear()
            size = 0
    if waiting:
        _echo_joined(waiting, text)


def _echo_joined(pieces: list[Any], text: bool) -> None:
    click.echo("".join(pieces) if text else b"".join(pieces), nl=False)


def note(quiet: bool, text: str) -> None:
    if not quiet:
        click.echo(text, err=True)


@contextmanager
def progress_bar(wanted: bool) -> Iterator[Any]:
    """A progress bar on stderr while files are checked, only for a terminal; else nothing."""
    if not wanted or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from seolint.i18n import msg, say

    # The articles' languages are not known yet: the configured language, else the locale's.
    bar = Progress(TextColumn(say(msg("Checking"))), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal task
        if total < MIN_PROGRESS_FILES:
            return
        if task is None:
            bar.start()
            task = bar.add_task("check", total=total)
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        bar.stop()


def exit_code(findings: Iterable[Finding], fail_on: str) -> int:
    threshold = Severity(fail_on).rank
    return ExitCode.FINDINGS if any(finding.severity.rank >= threshold for finding in findings) else ExitCode.OK


def warn_if_none(found: int, request: CheckRequest) -> None:
    """ruff's warning when a run found nothing to check: never a silent pass. Files named
    explicitly and left out (``--force-exclude``, ``--changed-since``) are not a surprise."""
    if found or request.shard is not None or request.changed_since is not None:
        return
    if any(not path.is_dir() for path in request.paths):
        return
    from seolint.i18n import msg, say

    where = ", ".join(path.as_posix() for path in request.paths)
    said = msg("no Markdown articles (.md, .markdown, .mdx) found in {where}", where=where)
    click.echo(say(msg("seolint: warning: {message}", message=said)), err=True)


def load_baseline(path: Path) -> Any:
    from seolint.batch import baseline  # imports the report helpers: only when a baseline is used

    return baseline.load(path)


def write_report(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise SeolintError(msg("cannot write the report {path}: {reason}", path=path,
                               reason=str(error.strerror or error))) from None


def check_editor_url(pattern: str | None) -> None:
    if pattern is not None and "{path}" not in pattern:
        raise ConfigError(msg("--editor-url needs {{path}} (and may use {{line}}, {{column}}), e.g. "
                              "vscode://file/{{path}}:{{line}}:{{column}}, not `{pattern}`", pattern=pattern))


def report_target(item: str, formats: list[str]) -> tuple[str, Path]:
    name, sep, path = item.partition(":")
    if not sep or not path or name not in formats:
        names = ", ".join(sorted(formats))
        raise ConfigError(msg("--report takes FORMAT:PATH with a format among {names}, not `{item}`",
                              names=names, item=item))
    return name, Path(path)


def statistics(findings: Iterable[Finding], quiet: bool = False) -> str:
    """A count per rule, most frequent first (then by code), one row per rule with a
    ``[fixable]`` mark when some of its findings have a fix; a total unless ``quiet``. In the
    run's language (``seolint.i18n.speaking``): the severities, the mark and the total."""
    from seolint.i18n import msg, msg_n, say
    from seolint.report._common import severity_word

    counts: Counter[tuple[str, str, Severity]] = Counter()
    fixable: set[str] = set()
    for f in findings:
        counts[(f.code, f.name, f.severity)] += 1
        if f.fix is not None:
            fixable.add(f.code)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    words = {severity: severity_word(severity) for severity in Severity}
    wide = max(8, *(len(word) + 1 for word in words.values()))  # "warning " in English
    mark = " " + say(msg("[fixable]"))
    lines = [f"{count:>6}  {code:<7} {name:<28} {words[severity]:<{wide}}{mark if code in fixable else ''}".rstrip()
             for (code, name, severity), count in rows]
    number = sum(counts.values())
    total = say(msg_n("{count} finding in all", "{count} findings in all", number))
    return "\n".join([*lines, *([] if quiet else [total])]) + "\n" if lines or not quiet else ""
