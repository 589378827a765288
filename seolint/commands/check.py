"""``seolint check`` and ``seolint merge``: findings printed, reports written, an exit code."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from seolint.batch.store import FindingStore
from seolint.commands.common import (
    CheckRequest, check_editor_url, echo_all, load_baseline, note, progress_bar, report_target, statistics,
    warn_if_none, with_suggestions, write_report,
)
from seolint.errors import ConfigError, ExitCode
from seolint.findings import Finding, Severity
from seolint.i18n import Tally, choose, current, for_run, msg, msg_n, say, speaking
from seolint.source import discover
from seolint.source.settings import from_options

#: The report files besides the formats: the audit formats, and the summary file of a run
#: (``seolint merge`` reads it back; written by :mod:`seolint.batch.shards`).
SUMMARY = "summary"


def run_check(request: CheckRequest) -> int:
    from seolint import engine
    from seolint.batch import runner
    from seolint.report import AUDITS, FORMATS

    check_editor_url(request.editor_url)
    reports = [report_target(item, [*FORMATS, *AUDITS, SUMMARY]) for item in request.reports]
    if request.output_format not in FORMATS:
        raise ConfigError(msg("unknown output format `{name}`", name=request.output_format))
    known = load_baseline(request.baseline) if request.baseline else None
    audits = any(name in AUDITS or name == SUMMARY for name, _ in reports)
    configs = engine.Configs(request.config_path, from_options(request.overrides), request.cache, audits)
    if request.config_path is not None:
        configs.for_folder(Path.cwd())  # a broken --config fails before any file is read
    if request.stdin_filename is not None:
        data = sys.stdin.buffer.read()
        result = runner.run_source(Path(request.stdin_filename), data, configs, across=True, jobs=request.jobs)
    else:
        only = None
        if request.changed_since is not None:
            only = set(discover.changed_since(request.changed_since, Path.cwd()))
        with speaking(run_language(configs, request, set())), progress_bar(not request.quiet) as progress:
            result = runner.run(request.paths, configs, only=only, jobs=request.jobs,
                                shard=request.shard, progress=progress)
    with speaking(run_language(configs, request, result.findings.languages)):
        if request.stdin_filename is None:
            warn_if_none(result.files, request)
        return _report_run(result, configs, request, reports, known, audits)


def _report_run(result: Any, configs: Any, request: CheckRequest, reports: list[tuple[str, Path]],
                known: Any, audits: bool) -> int:
    """What a run found, as it was asked: a baseline, or the notes, reports and findings."""
    findings = result.findings
    if request.write_baseline is not None:
        from seolint.batch import baseline

        baseline.write(request.write_baseline, findings)
        note(request.quiet, say(msg_n("Wrote {count} findings to {path}", "Wrote {count} findings to {path}",
                                      len(findings), path=request.write_baseline)))
        return ExitCode.OK
    if known is not None:
        from seolint.batch import baseline

        findings = FindingStore(baseline.new_findings(findings, known))
    if request.shard is not None:
        _shard_note(request, result.files, any(name == SUMMARY for name, _ in reports))
    audit = _audit(findings, result, configs, request) if audits else None
    printed = _printed_lines(configs, request) if request.stdin_filename is None else None
    return _finish(findings, result.files, audit, reports, request, printed)


def _shard_note(request: CheckRequest, files: int, merged: bool) -> None:
    assert request.shard is not None
    index, count = request.shard
    if merged:
        said = msg_n("Shard {index}/{shards}: {count} articles checked; the rules across articles run when "
                     "`seolint merge` combines the shards' summary files.",
                     "Shard {index}/{shards}: {count} articles checked; the rules across articles run when "
                     "`seolint merge` combines the shards' summary files.", files, index=index, shards=count)
    else:
        said = msg_n("Shard {index}/{shards}: {count} articles checked; the rules across articles run when "
                     "`seolint merge` combines the shards' summary files, and this shard writes none "
                     "(add --report summary:PATH).",
                     "Shard {index}/{shards}: {count} articles checked; the rules across articles run when "
                     "`seolint merge` combines the shards' summary files, and this shard writes none "
                     "(add --report summary:PATH).", files, index=index, shards=count)
    note(request.quiet, say(said))


def run_language(configs: Any, request: CheckRequest, languages: Collection[str]) -> str:
    """The language of the run's own words: the config's ``messages``, or (auto) the one its
    articles' messages share, else the locale's."""
    from seolint.engine import first_folder

    return for_run(configs.for_folder(first_folder(request.paths)).messages, languages)


def _printed_lines(configs: Any, request: CheckRequest) -> Printed | None:
    """The lines each path printed last time in this output format, output form and run
    language, from the cache of the first folder checked (where the rules across articles
    keep theirs); None without the cache, or for an output whose bytes are not text's
    encoded piecewise."""
    from seolint.batch import cache, printed
    from seolint.report import REUSABLE

    if not request.cache or request.statistics or request.output_format not in REUSABLE:
        return None
    output = _output_form()
    if output is None:
        return None
    form, encode = output
    first = request.paths[0] if request.paths else Path(".")
    folder = cache.folder_for(configs.for_folder(first if first.is_dir() else first.parent).root)
    # The run's language is part of the form: concise lines tag severities in it, and the
    # same findings print ``[warning]`` in an English run, ``[avertissement]`` in a French one.
    where = f"{request.output_format}\0{request.color}\0{os.getcwd()}\0{form}\0{current()}"
    return Printed(printed.Rendered(folder, where), encode)


@dataclass
class Printed:
    """Stored lines per path (``printed.Rendered``) and how text becomes stdout's bytes."""

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

    check_editor_url(request.editor_url)
    reports = [report_target(item, [*FORMATS, *AUDITS, SUMMARY]) for item in request.reports]
    audit = shards.merge([(path, shards.load(path)) for path in sources])
    with speaking(_merged_language(request, audit)):
        return _finish(audit.findings, audit.files, audit, reports, request)


def _merged_language(request: CheckRequest, audit: Any) -> str:
    """The language of a merged run's own words: ``messages`` (``--messages-lang``, or the
    config of the working folder), else (auto) the one its articles' messages share."""
    from seolint import engine

    choice = engine.Configs(None, from_options(request.overrides)).for_folder(Path.cwd()).messages
    return for_run(choice, Tally(choose(choice, profile.lang) for profile in audit.profiles if profile.lang))


def _audit(findings: FindingStore, result: Any, configs: Any, request: CheckRequest) -> Any:
    from seolint import engine
    from seolint.audit import Audit

    root, rules = engine.site_setup(configs, request.paths)
    codes = frozenset(code for code, rule in configs.for_folder(Path.cwd()).registry.items() if rule.site_check)
    return Audit(findings, result.files, result.profiles, result.summaries, codes, root, rules, request.shard)


def _finish(findings: Iterable[Finding], files: int, audit: Any, reports: list[tuple[str, Path]],
            request: CheckRequest, printed: Printed | None = None) -> int:
    """Write the reports, print the findings, and tell the exit code."""
    from seolint.batch.runner import severities
    from seolint.report import FORMATS, stream, stream_encoded

    suggested = with_suggestions(findings, [name for name, _ in reports], request)
    for name, path in reports:
        if name in FORMATS:
            write_report(path, "".join(stream(name, suggested, files, False)))
        else:
            where = str(path.parent.absolute())
            write_report(path, _audit_writer(name)(replace(audit, editor_url=request.editor_url, report_dir=where)))
    if request.statistics:
        click.echo(statistics(findings, request.quiet), nl=False)
    else:
        if printed is not None and isinstance(findings, FindingStore):
            echo_all(stream_encoded(request.output_format, findings, files, request.quiet, printed.known,
                                     printed.encode))
            printed.known.save()
        else:
            echo_all(stream(request.output_format, suggested, files, request.color, request.quiet))
    threshold = Severity(request.fail_on).rank
    failed = any(count and severity.rank >= threshold for severity, count in severities(findings).items())
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _audit_writer(name: str) -> Callable[[Any], str]:
    """What writes a report file that describes the run: an audit format, or a summary file."""
    if name == SUMMARY:
        from seolint.batch.shards import dump

        return dump
    from seolint.report import audit_formatter

    return audit_formatter(name)
