"""The core: find an article's config, read it, run the enabled rules, summarize it for the
rules across articles, and run those over summaries. Every front end (the command line, the
fix loop, publish, the language server) goes through here; the batch machinery around many
files (:mod:`seolint.batch`: workers, cache, spill, shards) wraps it, and it never imports
that machinery."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from seolint.audit import Profile, profile
from seolint.checks import REGISTRY
from seolint.findings import Finding, Fix, Severity, Span, Violation
from seolint.i18n import choose, msg, render
from seolint.rules import Rule, SiteRule
from seolint.site import summaries as site_summaries
from seolint.site.summaries import Summaries, Summary
from seolint.source import suppress
from seolint.source.config import Config, select_codes
from seolint.source.discover import SKIPPED_DIRS, Candidate, discover
from seolint.source.document import Document
from seolint.source.globs import folder_matcher, real, real_folder
from seolint.source.layers import find_config, load_layers
from seolint.source.reading import NotARegularFile, TooLarge, read_article
from seolint.source.settings import ConfigFile, Layer
from seolint.source.siteroot import site_root


@dataclass
class Configs:
    """Finds and caches the config of each folder; the command line is the last layer."""

    explicit: Path | None = None
    overrides: ConfigFile | None = None
    cache: bool = False  # reuse findings from .seolint_cache/ for unchanged files
    profiles: bool = False  # measure each article for the audit reports (seolint.audit)
    _by_file: dict[Path | None, Config] = field(default_factory=dict)
    _by_folder: dict[Path, Config] = field(default_factory=dict)
    _by_given: dict[Path, Config] = field(default_factory=dict)
    _by_dirname: dict[str, Config] = field(default_factory=dict)

    def for_folder(self, given: Path) -> Config:
        found = self._by_given.get(given)
        if found is None:
            found = self._by_given[given] = self._for_real_folder(real(given))
        return found

    def _for_real_folder(self, folder: Path) -> Config:
        if folder not in self._by_folder:
            source = self.explicit or find_config(folder)
            if source not in self._by_file:
                self._by_file[source] = self._load(source)
            self._by_folder[folder] = self._by_file[source]
        return self._by_folder[folder]

    def for_file(self, path: Path | str) -> Config:
        """The config of a file (a path as found: no Path is built per file of a large run)."""
        folder = os.path.dirname(path)
        found = self._by_dirname.get(folder)
        if found is None:
            found = self._by_dirname[folder] = self.for_folder(Path(folder or "."))
        return found

    def _load(self, source: Path | None) -> Config:
        layers = load_layers(source) if source is not None else []
        root = real(source).parent if source is not None else real(Path.cwd())
        if self.overrides is not None:
            layers.append(Layer(self.overrides, msg("the command line"), root))
        return Config(layers, REGISTRY, root)


class FileResult(NamedTuple):
    findings: list[Finding]
    summary: Summary | None = None  # for the rules across articles, when any is enabled
    profile: Profile | None = None  # when Configs.profiles asked for it
    said: str = ""  # the language its messages are in ("" when not known)


def candidates(
    paths: list[Path], configs: Configs, only: set[Path] | None = None, unreadable: list[Finding] | None = None
) -> Iterator[Candidate]:
    """The articles to check under ``paths``, limited to ``only`` when given; a RUN001
    finding for each folder that could not be read goes to ``unreadable``. A file named
    explicitly is left out only under ``force-exclude``, when a folder walk would have left it
    out (an ``exclude`` glob, a hidden or skipped folder)."""
    wanted = {os.path.abspath(path) for path in only} if only is not None else None
    failed: list[tuple[str, OSError]] = []
    excluded = _exclusions(configs)
    found = discover(paths, excluded, lambda p: _gitignore(configs, p), failed)
    yield from _wanted(found, wanted, configs, excluded)
    if unreadable is not None:
        unreadable.extend(unreadable_folder(display, error) for display, error in failed)


def _wanted(found: Iterator[Candidate], wanted: set[str] | None, configs: Configs,
            excluded: Callable[[str], bool]) -> Iterator[Candidate]:
    for candidate in found:
        if wanted is not None and candidate.absolute not in wanted:
            continue
        if candidate.explicit and _forced_out(candidate, configs, excluded):
            continue
        yield candidate


def _forced_out(candidate: Candidate, configs: Configs, excluded: Callable[[str], bool]) -> bool:
    config = configs.for_file(candidate.name)
    if config.last("force_exclude") is not True:
        return False
    if excluded(candidate.name):
        return True
    folders = config.relative(candidate.path).split("/")[:-1]
    return any((part.startswith(".") and part not in (".", "..")) or part in SKIPPED_DIRS for part in folders)


def _exclusions(configs: Configs) -> Callable[[str], bool]:
    """Whether a path met in a walk is excluded by its folder's config (``exclude``): the
    config, and the test for the names in that folder, are found once per folder."""
    folders: dict[str, Callable[[str], bool]] = {}

    def excluded(name: str) -> bool:
        folder, base = os.path.split(name)
        test = folders.get(folder)
        if test is None:
            test = folders[folder] = _folder_rule(configs.for_folder(Path(folder or ".")), folder)
        return test(base)

    return excluded


def _folder_rule(config: Config, folder: str) -> Callable[[str], bool]:
    """The exclusion test of a folder's config for the names in that folder: paths are
    matched relative to the config's root, as ``config.relative`` gives them, or as given
    when the folder is outside that root."""
    root = os.path.join(str(config.root), "")
    here = os.path.join(os.path.abspath(folder), "")
    if not here.startswith(root):
        here = os.path.join(str(real_folder(Path(here))), "")  # through a link
    if here.startswith(root):
        relative = here[len(root):].replace(os.sep, "/")
    else:  # outside the config's folder: the path as given
        shown = Path(folder).as_posix()
        relative = "" if shown == "." else f"{shown}/"
    return folder_matcher(tuple(config.excludes), relative)


def _gitignore(configs: Configs, folder: Path) -> bool:
    return configs.for_folder(folder).last("respect_gitignore") is not False


def check_file(candidate: Candidate, config: Config, today: dt.date, profiles: bool = False) -> FileResult:
    """One file's results, checked now."""
    try:
        data = read_article(candidate.name, config.max_file_size)
    except OSError as error:
        return FileResult([unreadable(candidate.display, error, config.messages)])
    return check_data(candidate, data, config, today, profiles)[0]


def check_data(
    candidate: Candidate, data: bytes, config: Config, today: dt.date, profiles: bool = False
) -> tuple[FileResult, Document | None]:
    """One file's results from its bytes, and its document (None when checking it crashed)."""
    try:
        doc, findings, summary = inspected(candidate, data, config, today, summarize=True)
        return FileResult(findings, summary, profile(doc) if profiles else None, speaks(config, doc)), doc
    except Exception as error:  # anything outside a rule is still this file's problem only
        return FileResult([crash_finding(None, candidate.display, error, config.messages)]), None


def speaks(config: Config, doc: Document | None) -> str:
    """The language of an article's messages (its own, with ``messages = "auto"``)."""
    if config.messages != "auto":
        return choose(config.messages, None)
    return choose("auto", doc.lang if doc is not None and doc.source is not None else None)


def inspect(candidate: Candidate, data: bytes, config: Config, today: dt.date) -> tuple[Document, list[Finding]]:
    """The document and its findings (suppressions applied), for one file's bytes."""
    doc, findings, _ = inspected(candidate, data, config, today, summarize=False)
    return doc, findings


def inspected(
    candidate: Candidate, data: bytes, config: Config, today: dt.date, summarize: bool
) -> tuple[Document, list[Finding], Summary | None]:
    settings = config.settings_for(candidate.path, today)
    doc = Document.from_bytes(candidate.path, candidate.display, data, settings)
    if settings.site is not None:
        from seolint.source.profiles import is_published

        if settings.site.config_file:  # its findings depend on it
            doc.reads(Path(settings.site.root, settings.site.config_file))
        for page in settings.site.pages_read:  # the pages its links may lead to (.site.resolve)
            doc.reads(Path(page))
        if not is_published(settings.site, str(candidate.absolute), doc.data):
            return doc, [], None  # a headless bundle's snippet, `permalink: false`: no page, no findings
    ignored = config.ignored_for(candidate.path) | config.kind_ignore[doc.kind]
    for selector in doc.ignored_in_frontmatter:
        ignored |= select_codes(config.registry, selector)
    fm = doc.frontmatter
    directives = suppress.parse(
        doc.lines, fm.last_line if fm else 0, lambda word: select_codes(config.registry, word)
    )
    results: list[Finding] = []
    unreadable = doc.source is None or doc.split.problem is not None
    lang = _Said(config, doc)
    for code, severity in config.enabled.items():
        if code in ignored or (unreadable and not code.startswith(("FM", "RUN"))):
            continue  # with no text or no end to its front matter, only FM001/FM002 apply
        rule = config.registry[code]
        if code == "RUN004":
            found = _unknown_codes(doc, directives, severity, lang)
        else:
            found = _run_rule(rule, severity, doc, config, lang)
        for finding in found:
            if not directives.covers(finding.code, finding.line):
                results.append(finding)
    summary = None
    if summarize and any(config.registry[code].site_check for code in config.enabled):
        summary = site_summaries.summarize(doc, frozenset(ignored), directives)
    return doc, results, summary


class _Said:
    """The language of a document's messages, found when its first finding is made."""

    def __init__(self, config: Config, doc: Document) -> None:
        self.config, self.doc, self.found = config, doc, ""

    def __str__(self) -> str:
        if not self.found:
            self.found = speaks(self.config, self.doc)
        return self.found


def _unknown_codes(doc: Document, directives: suppress.Suppressions, severity: Severity,
                   lang: _Said) -> Iterator[Finding]:
    """RUN004: each word of a suppression comment that names no rule."""
    rule = REGISTRY["RUN004"]
    for line, word in directives.unknown:
        text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        column = text.find(word) + 1 or 1
        span = Span(line, column, line, column + len(word))
        yield finding(rule, severity, doc.display, Violation(
            msg("`{word}` in this suppression names no rule: it silences nothing", word=word),
            span, msg("Fix the code or name (`seolint rules` lists them), or remove it.")), str(lang))


def _run_rule(rule: Rule, severity: Severity, doc: Document, config: Config, lang: _Said) -> Iterator[Finding]:
    try:
        violations = list(rule.check(doc, config.options[rule.code]))
    except Exception as error:  # a crashing rule must not take the file or the run down
        yield crash_finding(rule, doc.display, error, str(lang))
        return
    for violation in violations:
        yield finding(rule, severity, doc.display, violation, str(lang))


def site_setup(configs: Configs, paths: list[Path]) -> tuple[str, list[SiteRule]]:
    """The site root and the enabled rules across articles, for a run over ``paths``."""
    config = configs.for_folder(first_folder(paths))
    root = site_root(paths, config).as_posix()
    rules = [SiteRule(config.registry[code], severity, config.options[code], config.messages)
             for code, severity in config.enabled.items() if config.registry[code].site_check is not None]
    return root, rules


def first_folder(paths: list[Path]) -> Path:
    first = paths[0] if paths else Path(".")
    return first if first.is_dir() else first.parent


def site_violations(item: SiteRule, summaries: Summaries, root: str) -> Iterator[Finding]:
    """The findings of one rule across articles, each article's ignores and suppressions
    applied, as the rule yields them (a crash propagates: the caller reports it)."""
    rule = item.rule
    assert rule.site_check is not None
    for summary, violation in rule.site_check(summaries, root, item.options):
        if rule.code not in summary.ignored and not summary.suppressions.covers(rule.code, violation.span.line):
            yield finding(rule, item.severity, summary.display, violation, choose(item.messages, summary.lang))


def finding(rule: Rule, severity: Severity, path: str, violation: Violation, lang: str = "en") -> Finding:
    """A rule's violation as a finding, its texts written in ``lang``."""
    fix = None
    if violation.fix is not None and rule.fix is not None:
        fix = Fix(violation.safety or rule.fix, render(violation.fix, lang), violation.edits)
    span = violation.span
    return Finding(
        rule.code, rule.name, severity, render(violation.message, lang), path,
        span.line, span.column, span.end_line, span.end_column, render(violation.hint, lang), fix,
    )


def crash_finding(rule: Rule | None, path: str, error: BaseException, lang: str | None = None) -> Finding:
    """RUN002; ``lang`` the language of messages (None: the choice of ``auto`` without an article)."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    if rule is None:
        message = msg("seolint crashed on this file: {detail}", detail=detail)
    else:
        message = msg("Rule {code} ({name}) crashed: {detail}", code=rule.code, name=rule.name, detail=detail)
    violation = Violation(message, Span(1, 1, 1, 1), msg("This is a bug in seolint; please report it with this file."))
    return finding(REGISTRY["RUN002"], Severity.ERROR, path, violation, _said(lang))


def _said(lang: str | None) -> str:
    return choose(lang or "auto", None)


def unreadable(display: str, error: OSError, lang: str | None = None) -> Finding:
    """RUN001 for a path that cannot be read, or RUN003 for a file over ``max-file-size``."""
    if isinstance(error, TooLarge):
        violation = Violation(
            msg("This file is {size:,} bytes, over the limit of {limit:,} (max-file-size): not checked",
                size=error.size, limit=error.limit),
            Span(1, 1, 1, 1),
            msg("Split the article, or raise `max-file-size` in the config (or --max-file-size) if it is meant "
                "to be this large."),
        )
        return finding(REGISTRY["RUN003"], Severity.ERROR, display, violation, _said(lang))
    rule = REGISTRY["RUN001"]
    violation = Violation(
        msg("Cannot read this path: {reason}", reason=_reason(error)), Span(1, 1, 1, 1),
        msg("Check the path and its permissions."),
    )
    return finding(rule, Severity.ERROR, display, violation, _said(lang))


def _reason(error: OSError) -> str:
    if isinstance(error, NotARegularFile):
        return str(error)
    if isinstance(error, IsADirectoryError):
        return msg("it is a folder, not a file")
    if isinstance(error, FileNotFoundError):
        return msg("it does not exist (or vanished during the run)")
    if isinstance(error, PermissionError):
        return msg("permission denied")
    return error.strerror or type(error).__name__


def unreadable_folder(display: str, error: OSError, lang: str | None = None) -> Finding:
    """RUN001 for a folder a walk could not list or enter: its articles went unchecked."""
    reason = msg("permission denied") if isinstance(error, PermissionError) else error.strerror or type(error).__name__
    violation = Violation(
        msg("Cannot read this folder: {reason}; the articles in it were not checked", reason=reason),
        Span(1, 1, 1, 1),
        msg("Give seolint read and execute permission on the folder, or exclude it in the config."),
    )
    return finding(REGISTRY["RUN001"], Severity.ERROR, display, violation, _said(lang))
