"""Checking many files on every core: worker processes, deterministic output.

Workers build their own configs from the same inputs (an explicit config file and the
command-line overrides), so nothing unpicklable crosses a process boundary; each result is
one file's findings, small and picklable. Short runs stay in-process: a pool costs more than
it saves for a pre-commit run on a few files.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.config import ConfigFile
from seolint.files import Candidate

if TYPE_CHECKING:
    from seolint.engine import Configs, FileResult

#: Below this many files a pool is not worth starting.
MIN_FILES = 48

_state: dict[str, object] = {}


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_many(
    candidates: list[Candidate], configs: Configs, today: dt.date, jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[FileResult]:
    """Each candidate's findings, in the candidates' order; ``progress`` hears of each file."""
    if jobs <= 1 or len(candidates) < MIN_FILES:
        _state.update(configs=configs, today=today)
        results = (_check(candidate) for candidate in candidates)
        return _counted(results, progress)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(64, len(candidates) // (jobs * 8)))
    initargs = (configs.explicit, configs.overrides, configs.cache, configs.profiles, today)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=initargs) as pool:
        return _counted(pool.map(_check, candidates, chunksize=chunk), progress)


def _counted(results: Iterable[FileResult], progress: Callable[[int], None] | None) -> list[FileResult]:
    done = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress(len(done))
    return done


def _init(explicit: Path | None, overrides: ConfigFile | None, use_cache: bool, profiles: bool,
          today: dt.date) -> None:
    from seolint.engine import Configs

    _state["configs"] = Configs(explicit, overrides, use_cache, profiles)
    _state["today"] = today


def _check(candidate: Candidate) -> FileResult:
    from seolint.engine import Configs, check_file

    configs = _state["configs"]
    today = _state["today"]
    assert isinstance(configs, Configs) and isinstance(today, dt.date)
    return check_file(candidate, configs.for_file(candidate.path), today, configs.cache, configs.profiles)
