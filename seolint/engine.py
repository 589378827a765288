"""Run the enabled rules over the files: configs, suppressions, and crash containment."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from seolint.batch import cache
from seolint.batch import packed
from seolint.batch import partial


from seolint.source import suppress
from seolint.audit import Profile, profile, unread
from seolint.checks import REGISTRY
from seolint.source.config import Config, ConfigFile, Layer, find_config, load_layers, select_codes
from seolint.source.document import Document
from seolint.source.discover import SKIPPED_DIRS, Candidate, discover
from seolint.findings import Finding, Fix, Severity, Span, Violation
from seolint.source.globs import absolute, folder_matcher, real, real_folder, stamp
from seolint.source.reading import NotARegularFile, TooLarge, read_article
from seolint.rules import Options, Rule
from seolint.site import summaries as site_summaries
from seolint.site.summaries import Summary
from seolint.source.siteroot import site_root
from seolint.batch.spill import Spill
from seolint.batch.store import FindingStore

#: The packed summaries a run without the cache keeps in memory before setting the rest
#: aside on disk (a tenth of a megabyte per two hundred articles).
_SUMMARIES_BUDGET = 1 << 20


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
            layers.append(Layer(self.overrides, "the command line", root))
        return Config(layers, REGISTRY, root)


class RunResult(NamedTuple):
    findings: FindingStore
    files: int
    profiles: list[Profile] = []  # when Configs.profiles asked for them
    summaries: list[Summary] = []  # what the rules across articles saw, for the audit reports


class FileResult(NamedTuple):
    findings: list[Finding]
    summary: Summary | None = None  # for the rules across articles, when any is enabled
    profile: Profile | None = None  # when Configs.profiles asked for it


#: Tells a progress display how many files are done, of how many.
Progress = Callable[[int, int], None]


def run(
    paths: list[Path], configs: Configs, today: dt.date | None = None,
    only: set[Path] | None = None, jobs: int = 1, shard: tuple[int, int] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Check every article under ``paths`` (and in ``only``, when given: changed files) on
    ``jobs`` processes; findings come sorted by path, then position.

    With ``shard=(i, n)`` only the i-th of n stable parts of the articles is checked and the
    rules across articles do not run: their summaries are kept for ``seolint merge``.
    Each file's results stay packed (``seolint.batch.packed``): summaries are decoded only for the
    rules across articles when their cached findings cannot answer, or for an audit.
    """
    from seolint.batch.workers import check_many

    today = today or dt.date.today()
    folders: list[Finding] = []
    found = list(candidates(paths, configs, only, folders))
    if shard is not None:
        found = [candidate for candidate in found if in_shard(candidate.display, *shard)]
    counted = None if progress is None else (lambda done: progress(done, len(found)))
    indexes = cache.Indexes(today.isoformat(), configs.profiles) if configs.cache else None
    spill = indexes is None  # with the cache, its index holds the results anyway
    store = FindingStore(spill=spill)
    store.add(folders)
    summaries = _Summaries(store, fresh=indexes is None)
    profiles: list[Profile] = []
    for candidate, result in check_many(found, configs, today, jobs, counted, indexes=indexes):
        store.add_packed(candidate.display, result)
        if result.summary is not None:
            summaries.add(candidate, result.summary)
        if configs.profiles:
            profiles.append(result.profile or unread(candidate.display))
    if summaries.candidates and shard is None:
        root, rules = site_setup(configs, paths)
        if partial.is_partial(paths, root, subset=only is not None):
            view = summaries.lazy()  # first: sets aside the damaged summaries
            known = partial.checked_digests(
                [candidate for candidate in summaries.candidates if candidate not in summaries.damaged], configs, indexes)
            partial.add_site_findings(store, partial.Checked(found, view, known), root, rules, configs, indexes,
                                      today, site_cache_folder(configs, paths), jobs)
        elif indexes is None:
            cross_rows(summaries.lazy(), root, rules, into=store)
        else:
            digests = [indexes.summary_digest(candidate.absolute, configs.for_file(candidate.name))
                       for candidate in summaries.candidates]
            _cached_site_findings(store, summaries, digests, configs, paths)
    if indexes is not None and summaries.damaged:  # reported once, then recomputed next time
        for candidate in summaries.damaged:
            indexes.forget(candidate.absolute, configs.for_file(candidate.name))
        indexes.save()
    if not configs.profiles:
        return RunResult(store, len(found))
    return RunResult(store, len(found), profiles, list(summaries.lazy()))


class _Summaries:
    """The packed summaries of a run, put in path order when first needed, then decoded
    each time a rule reads one (``site_summaries.Summaries``); a damaged one (from a foreign cache)
    becomes a finding on its file."""

    def __init__(self, store: FindingStore, fresh: bool = False) -> None:
        self.candidates: list[Candidate] = []
        self.damaged: list[Candidate] = []  # whose summary could not be decoded
        self._blobs: list[bytes | int] = []  # a blob, or its number in the spill
        #: every summary was made by this run (no cache): none is damaged, and nothing else
        #: holds them (they may wait on disk)
        self._fresh = fresh
        self._spill = Spill(budget=_SUMMARIES_BUDGET) if fresh else None
        self._store = store
        self._lazy: site_summaries.Summaries | None = None

    def add(self, candidate: Candidate, blob: bytes) -> None:
        self.candidates.append(candidate)
        self._blobs.append(blob if self._spill is None else self._spill.put(blob))

    def _decode(self, blob: bytes | int) -> Summary:
        if isinstance(blob, int):
            assert self._spill is not None
            return packed.summary(self._spill.get(blob))
        return packed.summary(blob)

    def lazy(self) -> site_summaries.Summaries:
        """The summaries in path order, read one at a time. Those from the cache are decoded
        once here, to find their paths and set aside the damaged ones; a fresh one's path is
        its candidate's (``site_summaries.summarize``)."""
        if self._lazy is None:
            keyed: list[tuple[str, bytes | int]] = []
            for candidate, blob in zip(self.candidates, self._blobs):
                try:
                    path = candidate.path.absolute().as_posix() if self._fresh else self._decode(blob).path
                    keyed.append((path, blob))
                except ValueError as error:
                    self._store.add([crash_finding(None, candidate.display, error)])
                    self.damaged.append(candidate)
            keyed.sort(key=lambda item: item[0])
            self._lazy = site_summaries.Summaries(packed=[blob for _, blob in keyed], decode=self._decode)
            self._blobs = []
        return self._lazy


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a run builds many small, acyclic objects (findings
    read from the cache, sort keys): otherwise its full passes over the growing heap take
    a third of a warm run. Never around parsing, whose garbage may hold cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def in_shard(display: str, index: int, count: int) -> bool:
    """Whether an article falls in shard ``index`` (1-based) of ``count``: a hash of its path
    as reported, so that every machine of a CI matrix draws the same partition."""
    digest = hashlib.blake2b(display.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count == index - 1


class SiteRule(NamedTuple):
    """A rule across articles as a run enabled it: what ``seolint merge`` replays."""

    rule: Rule
    severity: Severity
    options: Options


def site_setup(configs: Configs, paths: list[Path]) -> tuple[str, list[SiteRule]]:
    """The site root and the enabled rules across articles, for a run over ``paths``."""
    config = configs.for_folder(_first_folder(paths))
    root = site_root(paths, config).as_posix()
    rules = [SiteRule(config.registry[code], severity, config.options[code])
             for code, severity in config.enabled.items() if config.registry[code].site_check is not None]
    return root, rules


def site_findings(summaries: list[Summary], configs: Configs, paths: list[Path]) -> list[Finding]:
    """Run the enabled rules across articles, with each article's ignores and suppressions."""
    return cross_findings(summaries, *site_setup(configs, paths))


def _cached_site_findings(
    store: FindingStore, summaries: _Summaries, digests: list[str | None], configs: Configs, paths: list[Path]
) -> None:
    """Add ``site_findings`` to ``store``, from the cache when no summary, rule or tested
    file changed (then no summary is decoded)."""
    root, rules = site_setup(configs, paths)
    if any(digest is None for digest in digests):
        _add_rows(store, cross_rows(summaries.lazy(), root, rules)[0])
        return

    def computed() -> tuple[list[tuple[str, packed.Packed]], bool]:
        rows, crashed = cross_rows(summaries.lazy(), root, rules)
        return rows, not summaries.damaged and not crashed

    absolutes = [candidate.absolute for candidate in summaries.candidates]
    known = [digest for _, digest in sorted(zip(absolutes, digests)) if digest is not None]
    _add_rows(store, cached_cross_rows(site_cache_folder(configs, paths), root, rules, known, computed))


def site_cache_folder(configs: Configs, paths: list[Path]) -> Path:
    """Where a run over ``paths`` keeps the findings of the rules across articles."""
    return cache.folder_for(configs.for_folder(_first_folder(paths)).root)


def _site_key(root: str, rules: list[SiteRule], digests: list[str]) -> str:
    described = [f"{item.rule.code}:{item.severity.value}:{item.options.model_dump_json()}" for item in rules]
    return cache.site_key(root, described, digests)


def stored_cross_rows(folder: Path, root: str, rules: list[SiteRule],
                      digests: list[str]) -> list[tuple[str, packed.Packed]] | None:
    """What ``cached_cross_rows`` stored for these summaries and rules; None when nothing is."""
    return cache.load_site(folder, root, _site_key(root, rules, digests))


def cached_cross_rows(
    folder: Path, root: str, rules: list[SiteRule], digests: list[str],
    compute: Callable[[], tuple[list[tuple[str, packed.Packed]], bool]],
) -> list[tuple[str, packed.Packed]]:
    """The findings of ``rules`` across the articles whose summaries have ``digests`` (in
    the order of their absolute paths), packed per path: as stored in ``folder`` when none
    of these, nor a file the rules tested, changed; else from ``compute``, stored when it
    says they may be (no rule crashed, no summary was damaged)."""
    key = _site_key(root, rules, digests)
    stored = cache.load_site(folder, root, key)
    if stored is None:
        with site_summaries.recording() as looked_at:
            stored, keep = compute()
        if keep:
            cache.store_site(folder, root, key, stored, looked_at)
    return stored


def _add_rows(store: FindingStore, rows: list[tuple[str, packed.Packed]]) -> None:
    for path, result in rows:
        store.add_packed(path, result)


def packed_rows(findings: Iterable[Finding]) -> list[tuple[str, packed.Packed]]:
    """Findings in any order, packed per path: (path, packed findings) rows."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return [(path, packed.pack(found)) for path, found in by_path.items()]


def _first_folder(paths: list[Path]) -> Path:
    first = paths[0] if paths else Path(".")
    return first if first.is_dir() else first.parent


def cross_findings(summaries: Iterable[Summary] | site_summaries.Summaries, root: str, rules: list[SiteRule]) -> list[Finding]:
    """The findings of ``rules`` over ``summaries``, in whatever order these come: a whole
    run and the merge of its shards give the same result."""
    if not isinstance(summaries, site_summaries.Summaries):
        summaries = site_summaries.Summaries(sorted(summaries, key=lambda summary: summary.path))
    return [finding for path, result in cross_rows(summaries, root, rules)[0]
            for finding in packed.findings(result.findings, path)]


#: How many findings across articles are held as objects before they are packed.
_CHUNK = 4096


def cross_rows(
    summaries: site_summaries.Summaries, root: str, rules: list[SiteRule], into: FindingStore | None = None,
    crash_at: str | None = None,
) -> tuple[list[tuple[str, packed.Packed]], bool]:
    """``cross_findings``, packed per path as they come (``packed_rows``): the findings of
    a large site are never all objects at once. With ``into``, they go straight into that
    store (which may set them aside on disk) and none are returned. A crashing rule is
    reported once, on the first file (or the path ``crash_at``), in place of what it found;
    the flag tells whether one crashed."""
    rows: list[tuple[str, packed.Packed]] = []
    crashed = False
    for rule, severity, options in rules:
        assert rule.site_check is not None
        mark, kept = (into.mark() if into is not None else 0), len(rows)
        chunk: list[Finding] = []
        try:
            for summary, violation in rule.site_check(summaries, root, options):
                if rule.code not in summary.ignored and not summary.suppressions.covers(rule.code, violation.span.line):
                    chunk.append(_finding(rule, severity, summary.display, violation))
                    if len(chunk) == _CHUNK:
                        _keep(packed_rows(chunk), rows, into)
                        chunk = []
            _keep(packed_rows(chunk), rows, into)
        except Exception as error:
            del rows[kept:]
            if into is not None:
                into.rollback(mark)
            _keep(packed_rows([crash_finding(rule, crash_at or summaries[0].display, error)]), rows, into)
            crashed = True
    return rows, crashed


def _keep(found: list[tuple[str, packed.Packed]], rows: list[tuple[str, packed.Packed]],
          into: FindingStore | None) -> None:
    if into is None:
        rows += found
    else:
        _add_rows(into, found)


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


def run_source(name: Path, data: bytes, configs: Configs, today: dt.date | None = None,
               summarize: bool = False, across: bool = False, jobs: int = 1) -> RunResult:
    """Check one article given as bytes (from an editor, through stdin), reported as ``name``;
    with ``summarize``, its summary for the rules across articles is in ``summaries`` (when
    one of them is enabled); with ``across``, those rules run too, over the site around
    ``name`` (read on ``jobs`` processes)."""
    today = today or dt.date.today()
    candidate = Candidate(name, name.as_posix(), True, os.path.abspath(name))
    config = configs.for_file(name)
    measured = unread(candidate.display)
    summary = None
    try:
        doc, findings, summary = _inspect(candidate, data, config, today, summarize or across)
        if configs.profiles:
            measured = profile(doc)
    except Exception as error:  # as in check_file: this file's problem only
        findings = [crash_finding(None, candidate.display, error)]
    store = FindingStore(findings)
    if across and summary is not None:
        root, rules = site_setup(configs, [name])
        indexes = cache.Indexes(today.isoformat(), False) if configs.cache else None
        checked = partial.Checked([candidate], site_summaries.Summaries([summary]), [(candidate.absolute, None)])
        partial.add_site_findings(store, checked, root, rules, configs, indexes, today, None, jobs)
    return RunResult(store, 1, [measured] if configs.profiles else [],
                     [summary] if summarize and summary is not None else [])


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
    return checked(candidate, config, today, profiles)[0]


def checked(
    candidate: Candidate, config: Config, today: dt.date, profiles: bool = False, remember: bool = False
) -> tuple[FileResult, cache.Record | None]:
    """One file's results and, with ``remember``, what the cache must know to reuse them
    (None for a file that could not be read or crashed)."""
    before = stamp(candidate.path) if remember else None  # before reading: never newer than the bytes
    try:
        data = read_article(candidate.name, config.max_file_size)
    except OSError as error:
        return FileResult([unreadable(candidate.display, error)]), None
    try:
        doc, findings, summary = _inspect(candidate, data, config, today, summarize=True)
        result = FileResult(findings, summary, profile(doc) if profiles else None)
    except Exception as error:  # anything outside a rule is still this file's problem only
        return FileResult([crash_finding(None, candidate.display, error)]), None
    record = None
    if remember:
        crashed = any(finding.code == "RUN002" for finding in findings)
        record = cache.record(candidate.path, before, data, doc.looked_at, summary, crashed)
    return result, record


def inspect(candidate: Candidate, data: bytes, config: Config, today: dt.date) -> tuple[Document, list[Finding]]:
    """The document and its findings (suppressions applied), for one file's bytes."""
    doc, findings, _ = _inspect(candidate, data, config, today, summarize=False)
    return doc, findings


def _inspect(
    candidate: Candidate, data: bytes, config: Config, today: dt.date, summarize: bool
) -> tuple[Document, list[Finding], Summary | None]:
    settings = config.settings_for(candidate.path, today)
    doc = Document.from_bytes(candidate.path, candidate.display, data, settings)
    if settings.site is not None:
        from seolint.source.profiles import is_published

        if settings.site.config_file:  # its findings depend on it
            doc.reads(Path(settings.site.root, settings.site.config_file))
        if not is_published(settings.site, str(candidate.absolute), doc.data):
            return doc, [], None  # a headless bundle's snippet, `permalink: false`: no page, no findings
    ignored = config.ignored_for(candidate.path)
    for selector in doc.ignored_in_frontmatter:
        ignored |= select_codes(config.registry, selector)
    fm = doc.frontmatter
    directives = suppress.parse(
        doc.lines, fm.last_line if fm else 0, lambda word: select_codes(config.registry, word)
    )
    results: list[Finding] = []
    unreadable = doc.source is None or doc.split.problem is not None
    for code, severity in config.enabled.items():
        if code in ignored or (unreadable and not code.startswith(("FM", "RUN"))):
            continue  # with no text or no end to its front matter, only FM001/FM002 apply
        rule = config.registry[code]
        if code == "RUN004":
            found = _unknown_codes(doc, directives, severity)
        else:
            found = _run_rule(rule, severity, doc, config)
        for finding in found:
            if not directives.covers(finding.code, finding.line):
                results.append(finding)
    summary = None
    if summarize and any(config.registry[code].site_check for code in config.enabled):
        summary = site_summaries.summarize(doc, frozenset(ignored), directives)
    return doc, results, summary


def _unknown_codes(doc: Document, directives: suppress.Suppressions, severity: Severity) -> Iterator[Finding]:
    """RUN004: each word of a suppression comment that names no rule."""
    rule = REGISTRY["RUN004"]
    for line, word in directives.unknown:
        text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        column = text.find(word) + 1 or 1
        span = Span(line, column, line, column + len(word))
        yield _finding(rule, severity, doc.display, Violation(
            f"`{word}` in this suppression names no rule: it silences nothing",
            span, "Fix the code or name (`seolint rules` lists them), or remove it."))


def _run_rule(rule: Rule, severity: Severity, doc: Document, config: Config) -> Iterator[Finding]:
    try:
        violations = list(rule.check(doc, config.options[rule.code]))
    except Exception as error:  # a crashing rule must not take the file or the run down
        yield crash_finding(rule, doc.display, error)
        return
    for violation in violations:
        yield _finding(rule, severity, doc.display, violation)


def _finding(rule: Rule, severity: Severity, path: str, violation: Violation) -> Finding:
    fix = None
    if violation.fix is not None and rule.fix is not None:
        fix = Fix(violation.safety or rule.fix, violation.fix, violation.edits)
    span = violation.span
    return Finding(
        rule.code, rule.name, severity, violation.message, path,
        span.line, span.column, span.end_line, span.end_column, violation.hint, fix,
    )


def crash_finding(rule: Rule | None, path: str, error: BaseException) -> Finding:
    where = f"Rule {rule.code} ({rule.name}) crashed" if rule else "seolint crashed on this file"
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    violation = Violation(
        f"{where}: {detail}",
        Span(1, 1, 1, 1),
        "This is a bug in seolint; please report it with this file.",
    )
    return _finding(REGISTRY["RUN002"], Severity.ERROR, path, violation)


def unreadable(display: str, error: OSError) -> Finding:
    """RUN001 for a path that cannot be read, or RUN003 for a file over ``max-file-size``."""
    if isinstance(error, TooLarge):
        violation = Violation(
            f"This file is {error.size:,} bytes, over the limit of {error.limit:,} (max-file-size): not checked",
            Span(1, 1, 1, 1),
            "Split the article, or raise `max-file-size` in the config (or --max-file-size) if it is meant to be this large.",
        )
        return _finding(REGISTRY["RUN003"], Severity.ERROR, display, violation)
    if isinstance(error, NotARegularFile):
        reason = str(error)
    elif isinstance(error, IsADirectoryError):
        reason = "it is a folder, not a file"
    elif isinstance(error, FileNotFoundError):
        reason = "it does not exist (or vanished during the run)"
    elif isinstance(error, PermissionError):
        reason = "permission denied"
    else:
        reason = error.strerror or type(error).__name__
    rule = REGISTRY["RUN001"]
    violation = Violation(
        f"Cannot read this path: {reason}", Span(1, 1, 1, 1), "Check the path and its permissions."
    )
    return _finding(rule, Severity.ERROR, display, violation)


def unreadable_folder(display: str, error: OSError) -> Finding:
    """RUN001 for a folder a walk could not list or enter: its articles went unchecked."""
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror or type(error).__name__
    violation = Violation(
        f"Cannot read this folder: {reason}; the articles in it were not checked",
        Span(1, 1, 1, 1),
        "Give seolint read and execute permission on the folder, or exclude it in the config.",
    )
    return _finding(REGISTRY["RUN001"], Severity.ERROR, display, violation)


def severities(findings: Iterable[Finding]) -> dict[Severity, int]:
    if isinstance(findings, FindingStore):
        return findings.severities()
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return counts
