"""The commands as plain functions returning an exit code."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import click

from seolint.source import discover
from seolint.atomic import write_atomic
from seolint.errors import ConfigError, ExitCode, SeolintError
from seolint.findings import Finding, Severity
from seolint.batch.store import FindingStore

#: Runs over fewer files than this finish before a progress bar would help.
MIN_PROGRESS_FILES = 20


def _overrides(values: dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from seolint.source.config import ConfigFile

    data = {key: value for key, value in values.items() if value}
    if not data:
        return None
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:  # pragma: no cover - click already typed them
        raise ConfigError(f"command line: {error}") from None


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


def run_check(request: CheckRequest) -> int:
    from seolint import engine
    from seolint.report import AUDITS, FORMATS

    _check_editor_url(request.editor_url)
    reports = [_report_target(item, [*FORMATS, *AUDITS]) for item in request.reports]
    if request.output_format not in FORMATS:
        raise ConfigError(f"unknown output format `{request.output_format}`")
    known = _load_baseline(request.baseline) if request.baseline else None
    audits = any(name in AUDITS for name, _ in reports)
    configs = engine.Configs(request.config_path, _overrides(request.overrides), request.cache, audits)
    if request.config_path is not None:
        configs.for_folder(Path.cwd())  # a broken --config fails before any file is read
    if request.stdin_filename is not None:
        data = sys.stdin.buffer.read()
        result = engine.run_source(Path(request.stdin_filename), data, configs, across=True, jobs=request.jobs)
    else:
        only = None
        if request.changed_since is not None:
            only = set(discover.changed_since(request.changed_since, Path.cwd()))
        with _progress_bar(not request.quiet) as progress:
            result = engine.run(request.paths, configs, only=only, jobs=request.jobs,
                                shard=request.shard, progress=progress)
        _warn_if_none(result.files, request)
    findings = result.findings
    if request.write_baseline is not None:
        from seolint.batch import baseline

        baseline.write(request.write_baseline, findings)
        _note(request.quiet, f"Wrote {len(findings)} findings to {request.write_baseline}")
        return ExitCode.OK
    if known is not None:
        from seolint.batch import baseline

        findings = FindingStore(baseline.new_findings(findings, known))
    if request.shard is not None:
        index, count = request.shard
        merged = any(name == "summary" for name, _ in reports)
        _note(request.quiet, f"Shard {index}/{count}: {result.files} articles checked; the rules across "
                             "articles run when `seolint merge` combines the shards' summary files"
                             + ("." if merged else ", and this shard writes none (add --report summary:PATH)."))
    audit = _audit(findings, result, configs, request) if audits else None
    printed = _printed_lines(configs, request) if request.stdin_filename is None else None
    return _finish(findings, result.files, audit, reports, request, printed)


def _printed_lines(configs: Any, request: CheckRequest) -> Printed | None:
    """The lines each path printed last time in this output format and output form, from
    the cache of the first folder checked (where the rules across articles keep theirs);
    None without the cache, or for an output whose bytes are not text's encoded piecewise."""
    from seolint.batch import cache
    from seolint.report import REUSABLE

    if not request.cache or request.statistics or request.output_format not in REUSABLE:
        return None
    output = _output_form()
    if output is None:
        return None
    form, encode = output
    first = request.paths[0] if request.paths else Path(".")
    folder = cache.folder_for(configs.for_folder(first if first.is_dir() else first.parent).root)
    where = f"{request.output_format}\0{request.color}\0{os.getcwd()}\0{form}"
    return Printed(cache.Rendered(folder, where), encode)


@dataclass
class Printed:
    """Stored lines per path (``cache.Rendered``) and how text becomes stdout's bytes."""

    known: Any
    encode: Callable[[str], bytes]


def _output_form() -> tuple[str, Callable[[str], bytes]] | None:
    """How ``click.echo`` would turn text into stdout's bytes (its encoding, and whether it
    strips colour codes), when that is the same for each piece as for the whole: a stdout
    that click uses as it is, UTF-8, no newline translation. Then stored bytes can be
    written in place of the text they came from, byte for byte."""
    try:  # what click.echo itself uses (get_text_stream is deprecated from click 8.5)
        from click._compat import _default_text_stdout, should_strip_ansi, strip_ansi
        from click.globals import resolve_color_default
    except ImportError:  # another click: print text
        return None
    out = sys.stdout
    if os.name != "posix" or _default_text_stdout() is not out or not hasattr(out, "buffer"):
        return None
    encoding, errors = getattr(out, "encoding", None), getattr(out, "errors", None)
    if not isinstance(encoding, str) or errors not in _STATELESS_ERRORS:
        return None
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    strip = bool(should_strip_ansi(out, resolve_color_default(None)))

    def encode(text: str) -> bytes:
        return (strip_ansi(text) if strip else text).encode("utf-8", errors)

    return f"utf-8\0{errors}\0{strip}", encode


#: Error handlers that encode each character on its own: text encoded piece by piece gives
#: the bytes of the whole.
_STATELESS_ERRORS = frozenset({"strict", "surrogateescape", "replace", "backslashreplace", "ignore",
                               "xmlcharrefreplace", "namereplace", "surrogatepass"})


def run_merge(sources: list[Path], request: CheckRequest) -> int:
    """Combine the summary files of a sharded run and report as one run would."""
    from seolint.batch import shards
    from seolint.report import AUDITS, FORMATS

    _check_editor_url(request.editor_url)
    reports = [_report_target(item, [*FORMATS, *AUDITS]) for item in request.reports]
    audit = shards.merge([(path, shards.load(path)) for path in sources])
    return _finish(audit.findings, audit.files, audit, reports, request)


def _audit(findings: FindingStore, result: Any, configs: Any, request: CheckRequest) -> Any:
    from seolint import engine
    from seolint.audit import Audit

    root, rules = engine.site_setup(configs, request.paths)
    codes = frozenset(code for code, rule in configs.for_folder(Path.cwd()).registry.items() if rule.site_check)
    return Audit(findings, result.files, result.profiles, result.summaries, codes, root, rules, request.shard)


def _finish(findings: Iterable[Finding], files: int, audit: Any, reports: list[tuple[str, Path]],
            request: CheckRequest, printed: Printed | None = None) -> int:
    """Write the reports, print the findings, and tell the exit code."""
    from seolint.engine import severities
    from seolint.report import FORMATS, audit_formatter, stream, stream_encoded

    suggested = _suggested(findings, [name for name, _ in reports], request)
    for name, path in reports:
        if name in FORMATS:
            _write_report(path, "".join(stream(name, suggested, files, False)))
        else:
            where = str(path.parent.absolute())
            _write_report(path, audit_formatter(name)(replace(audit, editor_url=request.editor_url, report_dir=where)))
    if request.statistics:
        click.echo(statistics(findings, request.quiet), nl=False)
    else:
        if printed is not None and isinstance(findings, FindingStore):
            _echo_all(stream_encoded(request.output_format, findings, files, request.quiet, printed.known,
                                     printed.encode))
            printed.known.save()
        else:
            _echo_all(stream(request.output_format, suggested, files, request.color, request.quiet))
    threshold = Severity(request.fail_on).rank
    failed = any(count and severity.rank >= threshold for severity, count in severities(findings).items())
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _suggested(findings: Iterable[Finding], reports: list[str], request: CheckRequest) -> Iterable[Finding]:
    """The findings with their fixes as replacements, when a format that carries them is
    printed or written (``seolint.fix.suggest``)."""
    from seolint.fix import suggest

    if request.statistics or not suggest.FORMATS.intersection([request.output_format, *reports]):
        return findings
    from seolint import engine

    return suggest.attach(findings, engine.Configs(request.config_path, _overrides(request.overrides)))


def _echo_all(pieces: Iterable[str | bytes | memoryview], flush_at: int = 1 << 18) -> None:
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


def _note(quiet: bool, text: str) -> None:
    if not quiet:
        click.echo(text, err=True)


@contextmanager
def _progress_bar(wanted: bool) -> Iterator[Any]:
    """A progress bar on stderr while files are checked, only for a terminal; else nothing."""
    if not wanted or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("Checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
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
    from seolint.fix.loop import echo_outcome, fix_all
    from seolint.report import stream

    check = request.check
    configs = engine.Configs(check.config_path, _overrides(check.overrides))
    if check.stdin_filename is not None:
        return _fix_stdin(request, configs)
    only = set(discover.changed_since(check.changed_since, Path.cwd())) if check.changed_since else None
    outcome = fix_all(check.paths, configs, unsafe=request.unsafe, diff_only=request.diff, only=only)
    echo_outcome(outcome, request.diff, check.quiet)
    remaining: Iterable[Finding] = outcome.findings
    if not request.diff:
        remaining = engine.run(check.paths, configs, only=only, jobs=check.jobs).findings
        _warn_if_none(outcome.files, check)
        if request.changes_only:
            if not check.quiet:
                click.echo(_remaining_line(remaining))
        else:
            shown = _suggested(remaining, [], check)
            _echo_all(stream(check.output_format, shown, outcome.files, check.color, check.quiet))
    if outcome.changed or outcome.problems:
        return ExitCode.FINDINGS
    return _exit_code(remaining, check.fail_on)


def _fix_stdin(request: FixRequest, configs: Any) -> int:
    """``fix --stdin-filename``: the fixed article on stdout, what remains on stderr."""
    from seolint.fix.loop import fix_source
    from seolint.report import render

    check = request.check
    assert check.stdin_filename is not None
    data = sys.stdin.buffer.read()
    fixed, remaining, problem = fix_source(Path(check.stdin_filename), data, configs, unsafe=request.unsafe)
    out = sys.stdout.buffer
    out.write(fixed)
    out.flush()
    if problem is not None:
        click.echo(f"seolint: {problem}", err=True)
    if remaining or not check.quiet:
        click.echo(render(check.output_format, remaining, 1, check.color, check.quiet), err=True, nl=False)
    return ExitCode.FINDINGS if problem is not None else _exit_code(remaining, check.fail_on)


def _remaining_line(remaining: Iterable[Finding]) -> str:
    from seolint.report.tally import Tally

    tally = Tally()
    for finding in remaining:
        tally.add(finding)
    if not tally.paths:
        return "No findings remain."
    number = sum(tally.counts.values())
    return (f"{number} finding{'s' * (number != 1)} remain in {len(tally.paths)} "
            f"file{'s' * (len(tally.paths) != 1)}: `seolint check` lists them.")


def _exit_code(findings: Iterable[Finding], fail_on: str) -> int:
    threshold = Severity(fail_on).rank
    return ExitCode.FINDINGS if any(finding.severity.rank >= threshold for finding in findings) else ExitCode.OK


def _warn_if_none(found: int, request: CheckRequest) -> None:
    """ruff's warning when a run found nothing to check: never a silent pass. Files named
    explicitly and left out (``--force-exclude``, ``--changed-since``) are not a surprise."""
    if found or request.shard is not None or request.changed_since is not None:
        return
    if any(not path.is_dir() for path in request.paths):
        return
    where = ", ".join(path.as_posix() for path in request.paths)
    click.echo(f"seolint: warning: no Markdown articles (.md, .markdown, .mdx) found in {where}", err=True)


def _load_baseline(path: Path) -> Any:
    from seolint.batch import baseline  # imports the report helpers: only when a baseline is used

    return baseline.load(path)


def _write_report(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise SeolintError(f"cannot write the report {path}: {error.strerror or error}") from None


def _check_editor_url(pattern: str | None) -> None:
    if pattern is not None and "{path}" not in pattern:
        raise ConfigError(f"--editor-url needs {{path}} (and may use {{line}}, {{column}}), e.g. "
                          f"vscode://file/{{path}}:{{line}}:{{column}}, not `{pattern}`")


def _report_target(item: str, formats: list[str]) -> tuple[str, Path]:
    name, sep, path = item.partition(":")
    if not sep or not path or name not in formats:
        names = ", ".join(sorted(formats))
        raise ConfigError(f"--report takes FORMAT:PATH with a format among {names}, not `{item}`")
    return name, Path(path)


def statistics(findings: Iterable[Finding], quiet: bool = False) -> str:
    """A count per rule, most frequent first (then by code), one row per rule with a
    ``[fixable]`` mark when some of its findings have a fix; a total unless ``quiet``."""
    counts: Counter[tuple[str, str, str]] = Counter()
    fixable: set[str] = set()
    for f in findings:
        counts[(f.code, f.name, f.severity.value)] += 1
        if f.fix is not None:
            fixable.add(f.code)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    lines = [f"{count:>6}  {code:<7} {name:<28} {severity:<8}{' [fixable]' if code in fixable else ''}".rstrip()
             for (code, name, severity), count in rows]
    number = sum(counts.values())
    total = f"{number} finding{'s' * (number != 1)} in all"
    return "\n".join([*lines, *([] if quiet else [total])]) + "\n" if lines or not quiet else ""


def clean_cache(paths: list[Path]) -> int:
    """Remove .seolint_cache/ from the given folders and their configs' folders."""
    from seolint import engine
    from seolint.batch import cache

    configs = engine.Configs()
    roots = {path for path in paths} | {configs.for_folder(path).root for path in paths}
    for root in sorted(roots):
        if cache.clean(root):
            click.echo(f"Removed {root / cache.FOLDER}")
    return ExitCode.OK


def explain_rule(code_or_name: str) -> int:
    from seolint.checks import REGISTRY
    from seolint.source.config import select_codes

    codes = select_codes(REGISTRY, code_or_name)
    exact = [code for code in codes if code == code_or_name.upper() or REGISTRY[code].name == code_or_name]
    if len(exact) != 1:
        raise ConfigError(f"no rule is called `{code_or_name}`; `seolint rules` lists them")
    click.echo(REGISTRY[exact[0]].documentation(), nl=False)
    return ExitCode.OK


def list_rules(config_path: Path | None, output_format: str) -> int:
    from seolint import engine

    config = engine.Configs(config_path).for_folder(Path.cwd())
    rows = []
    for code, rule in config.registry.items():
        state = config.enabled[code].value if code in config.enabled else "off"
        fix = rule.fix.value if rule.fix else ""
        rows.append({"code": code, "name": rule.name, "family": rule.family, "state": state, "fix": fix})
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return ExitCode.OK
    for row in rows:
        click.echo(f"{row['code']:<7} {row['name']:<26} {row['state']:<8} {row['fix']:<7} {row['family']}".rstrip())
    return ExitCode.OK
