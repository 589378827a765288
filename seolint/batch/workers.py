"""Checking many files on every core: worker processes, deterministic output.

Workers build their own configs from the same inputs (an explicit config file and the
command-line overrides), so nothing unpicklable crosses a process boundary; each result is
one file's results, packed (``seolint.batch.packed``): compact bytes, cheap to send and to keep.
Short runs stay in-process: a pool costs more than it saves for a pre-commit run on a few
files.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.batch import cache
from seolint.source.discover import Candidate
from seolint.source.settings import ConfigFile

if TYPE_CHECKING:
    from seolint.engine import Configs, FileResult
    from seolint.source.config import Config
    from seolint.batch.packed import Packed

    Checked = tuple[Packed, cache.Record | None]

#: Below this many files a pool is not worth starting.
MIN_FILES = 48

_state: dict[str, object] = {}


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_many(
    candidates: list[Candidate], configs: Configs, today: dt.date, jobs: int,
    progress: Callable[[int], None] | None = None, *, indexes: cache.Indexes | None = None,
) -> Iterator[tuple[Candidate, Packed]]:
    """Each candidate with its results, packed, in the candidates' order, as they come (the
    caller keeps what it needs: nothing else outlives a file); ``progress`` hears of each.

    With the cache on, the parent answers every unchanged file from the cache index (a stat,
    no read) and only the others go to the workers; the index is saved once, at the end.
    """
    if indexes is None and configs.cache:
        indexes = cache.Indexes(today.isoformat(), configs.profiles)
    with gc_paused():
        known = _lookups(indexes, configs, candidates)
    missing = [candidate for candidate, hit in zip(candidates, known) if hit is None]
    computed = _compute(missing, configs, today, jobs)
    for done, (candidate, hit) in enumerate(zip(candidates, known), 1):
        if hit is None:
            hit, record = next(computed)
            if indexes is not None and record is not None:
                indexes.put(candidate.absolute, candidate.display, configs.for_file(candidate.name), record, hit)
        known[done - 1] = None  # held by the caller from now on, or let go
        yield candidate, hit
        if progress is not None:
            progress(done)
    if indexes is not None:
        indexes.save()


def _lookups(indexes: cache.Indexes | None, configs: Configs, candidates: list[Candidate]) -> list[Packed | None]:
    """Each candidate's stored result, or None. The index is found once per folder, from the
    path as a string: no ``Path`` is built for a hit."""
    if indexes is None:
        return [None] * len(candidates)
    by_folder: dict[str, cache.Index] = {}
    today, profiles = indexes.today, indexes.profiles
    found: list[Packed | None] = []
    for candidate in candidates:
        name = candidate.name
        folder = name[:name.rfind(os.sep) + 1]
        index = by_folder.get(folder)
        if index is None:
            index = by_folder[folder] = indexes.index_for(configs.for_file(candidate.name))
        found.append(index.lookup(candidate.absolute, candidate.display, today, profiles))
    return found


def _compute(candidates: list[Candidate], configs: Configs, today: dt.date, jobs: int) -> Iterator[Checked]:
    """Each file's results (and cache record), in order: in-process for a few files."""
    if jobs <= 1 or len(candidates) < MIN_FILES:
        _state.update(configs=configs, today=today)
        with _fewer_collections(len(candidates) >= MIN_FILES):
            yield from map(_check, candidates)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(16, len(candidates) // (jobs * 16)))
    initargs = (configs.explicit, configs.overrides, configs.cache, configs.profiles, today, os.getpid())
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=initargs)
    try:
        with _terminate_raises():
            yield from pool.map(_check, candidates, chunksize=chunk)
    except BaseException:  # interrupted, terminated, or the caller stopped reading
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: the files they hold are not needed any more."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with suppress(OSError, ValueError, AttributeError):
            process.terminate()
    for process in processes:
        with suppress(OSError, ValueError, AttributeError):
            process.join(5)


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While workers run, SIGTERM interrupts the parent as Ctrl-C does (the default would
    end it at once, leaving the workers to their watchdogs), so that it stops them first."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _init(explicit: Path | None, overrides: ConfigFile | None, use_cache: bool, profiles: bool,
          today: dt.date, parent: int) -> None:
    from seolint.engine import Configs

    _die_with(parent)
    _state["configs"] = Configs(explicit, overrides, use_cache, profiles)
    _state["today"] = today
    gc.set_threshold(*_THRESHOLDS)  # a worker only checks files: see _fewer_collections


#: prctl(2): the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """A worker ends with its parent, whatever ended the parent (``kill -9`` included): on
    Linux the kernel sends it SIGKILL (prctl PR_SET_PDEATHSIG); everywhere, a watchdog
    thread sees the parent gone within a second. Ctrl-C is the parent's to handle: it stops
    the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, copied by fork
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="seolint-parent-watchdog", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


#: The cycle collector's thresholds while many files are checked.
_THRESHOLDS = (10_000, 10, 10)


@contextmanager
def _fewer_collections(wanted: bool) -> Iterator[None]:
    """Run the cycle collector ~14 times less often while checking many files: parsing
    allocates millions of objects, almost none in cycles (they go by reference counting),
    and at the default thresholds the collector's full passes took 10 % of a cold run
    (0.9 s of 9 s on 1,500 cpp-docs articles; 0.1 s with these)."""
    before = gc.get_threshold()
    if wanted:
        gc.set_threshold(*_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _check(candidate: Candidate) -> Checked:
    from seolint.engine import Configs
    from seolint.batch.packed import pack

    configs = _state["configs"]
    today = _state["today"]
    assert isinstance(configs, Configs) and isinstance(today, dt.date)
    result, record = checked(candidate, configs.for_file(candidate.path), today, configs.profiles, configs.cache)
    return pack(*result), record


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


def checked(
    candidate: Candidate, config: Config, today: dt.date, profiles: bool = False, remember: bool = False
) -> tuple[FileResult, cache.Record | None]:
    """One file's results and, with ``remember``, what the cache must know to reuse them
    (None for a file that could not be read or crashed)."""
    from seolint.engine import FileResult, check_data, unreadable
    from seolint.source.globs import stamp
    from seolint.source.reading import read_article

    before = stamp(candidate.path) if remember else None  # before reading: never newer than the bytes
    try:
        data = read_article(candidate.name, config.max_file_size)
    except OSError as error:
        return FileResult([unreadable(candidate.display, error, config.messages)]), None
    result, doc = check_data(candidate, data, config, today, profiles)
    if not remember or doc is None:
        return result, None
    crashed = any(finding.code == "RUN002" for finding in result.findings)
    return result, cache.record(candidate.path, before, data, doc.looked_at, result.summary, crashed)
