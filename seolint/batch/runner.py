"""A run over many files: the core (:mod:`seolint.engine`) on every core, its results packed
and kept in order, the cache consulted, and the rules across articles run once at the end."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from seolint.audit import Profile, profile, unread
from seolint.batch import cache, packed, partial
from seolint.batch.across import add_rows, cached_cross_rows, cross_rows, site_cache_folder
from seolint.batch.spill import Spill
from seolint.batch.store import FindingStore
from seolint.engine import Configs, candidates, crash_finding, inspected, site_setup, speaks
from seolint.findings import Finding, Severity
from seolint.site import summaries as site_summaries
from seolint.site.summaries import Summary
from seolint.source.discover import Candidate


#: The packed summaries a run without the cache keeps in memory before setting the rest
#: aside on disk (a tenth of a megabyte per two hundred articles).
_SUMMARIES_BUDGET = 1 << 20


class RunResult(NamedTuple):
    findings: FindingStore
    files: int
    profiles: list[Profile] = []  # when Configs.profiles asked for them
    summaries: list[Summary] = []  # what the rules across articles saw, for the audit reports


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


def in_shard(display: str, index: int, count: int) -> bool:
    """Whether an article falls in shard ``index`` (1-based) of ``count``: a hash of its path
    as reported, so that every machine of a CI matrix draws the same partition."""
    digest = hashlib.blake2b(display.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count == index - 1


def _cached_site_findings(
    store: FindingStore, summaries: _Summaries, digests: list[str | None], configs: Configs, paths: list[Path]
) -> None:
    """Add ``site_findings`` to ``store``, from the cache when no summary, rule or tested
    file changed (then no summary is decoded)."""
    root, rules = site_setup(configs, paths)
    if any(digest is None for digest in digests):
        add_rows(store, cross_rows(summaries.lazy(), root, rules)[0])
        return

    def computed() -> tuple[list[tuple[str, packed.Packed]], bool]:
        rows, crashed = cross_rows(summaries.lazy(), root, rules)
        return rows, not summaries.damaged and not crashed

    absolutes = [candidate.absolute for candidate in summaries.candidates]
    known = [digest for _, digest in sorted(zip(absolutes, digests)) if digest is not None]
    add_rows(store, cached_cross_rows(site_cache_folder(configs, paths), root, rules, known, computed))


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
    said = ""
    try:
        doc, findings, summary = inspected(candidate, data, config, today, summarize or across)
        said = speaks(config, doc)
        if configs.profiles:
            measured = profile(doc)
    except Exception as error:  # as in check_file: this file's problem only
        findings = [crash_finding(None, candidate.display, error, config.messages)]
    store = FindingStore(findings)
    if said:
        store.languages.add(said)
    if across and summary is not None:
        root, rules = site_setup(configs, [name])
        indexes = cache.Indexes(today.isoformat(), False) if configs.cache else None
        checked = partial.Checked([candidate], site_summaries.Summaries([summary]), [(candidate.absolute, None)])
        partial.add_site_findings(store, checked, root, rules, configs, indexes, today, None, jobs)
    return RunResult(store, 1, [measured] if configs.profiles else [],
                     [summary] if summarize and summary is not None else [])


def severities(findings: Iterable[Finding]) -> dict[Severity, int]:
    if isinstance(findings, FindingStore):
        return findings.severities()
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return counts
