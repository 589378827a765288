"""The workspace index: what the rules across articles (X001–X006) see from the editor.

At start-up a background thread checks the workspace folder as ``seolint check`` would (with
its cache, one process) and keeps each article's summary. Open buffers replace their file's
summary as they change, so a link to a page that exists only in an unsaved buffer resolves;
a closed buffer goes back to what its file says. The rules across articles run over the
whole index in another background thread, when the index is built and when a document is
opened, saved or closed or a file changes, not on each keystroke (they take seconds on a
site of 10,000 articles); a check of a buffer adds their last findings for that article.
Until the index is built the server reports none: a half-read site would make every article
look orphaned.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from seolint import engine
from seolint.findings import Finding
from seolint.source.reading import read_article
from seolint.site.summaries import Summary

logger = logging.getLogger(__name__)


class Index:
    def __init__(self, root: Path, cache: bool = True) -> None:
        self.root = root
        self.cache = cache  # read and write .seolint_cache/, as ``check`` does by default
        self.ready = False
        self._files: dict[str, Summary] = {}  # absolute path → summary, from the files
        self._buffers: dict[str, Summary | None] = {}  # absolute path → summary, from open buffers
        self._across: dict[str, list[Finding]] = {}  # path as reported → findings across articles
        self._dirty = False  # a recompute was asked for since the last one started
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def build(self, configs: engine.Configs, done: Callable[[], None]) -> threading.Thread:
        """Read the workspace in a background thread, then call ``done`` (in that thread)."""
        def work() -> None:
            try:
                self._read(configs)
            except Exception:  # no index: the server goes on without the rules across articles
                logger.exception("indexing %s", self.root)
                return
            done()

        thread = threading.Thread(target=work, name="seolint-index", daemon=True)
        thread.start()
        return thread

    def _read(self, configs: engine.Configs) -> None:
        indexing = engine.Configs(configs.explicit, configs.overrides, cache=self.cache, profiles=True)
        result = engine.run([self.root], indexing, jobs=1)
        with self._lock:
            self._files = {summary.path: summary for summary in result.summaries}
            self.ready = True

    def covers(self, path: Path) -> bool:
        return os.path.abspath(path).startswith(os.path.join(str(self.root), ""))

    def update(self, path: Path, summary: Summary | None) -> None:
        """The summary of an open buffer (None: the buffer has none, e.g. broken front matter)."""
        key = path.absolute().as_posix()
        with self._lock:
            self._buffers[key] = summary  # None hides the file's summary while the buffer is open

    def saved(self, path: Path) -> None:
        """The file now holds what the buffer holds."""
        key = path.absolute().as_posix()
        with self._lock:
            if key in self._buffers:
                summary = self._buffers[key]
                if summary is None:
                    self._files.pop(key, None)
                else:
                    self._files[key] = summary

    def refresh(self, path: Path, configs: engine.Configs) -> None:
        """A file changed on disk (not through an open buffer): read its summary again."""
        key = path.absolute().as_posix()
        try:
            data = read_article(path, configs.for_file(path).max_file_size)
        except OSError:  # removed, not a regular file, or over max-file-size
            with self._lock:
                self._files.pop(key, None)
            return
        summaries = engine.run_source(path, data, configs, summarize=True).summaries
        with self._lock:
            if summaries:
                self._files[key] = summaries[0]
            else:
                self._files.pop(key, None)

    def close(self, path: Path) -> None:
        """A closed buffer: its file (if any) speaks for it again, once it is read anew."""
        key = path.absolute().as_posix()
        with self._lock:
            self._buffers.pop(key, None)

    def findings(self, path: Path) -> list[Finding]:
        """The findings across articles of the article at ``path``, from the last
        ``recompute`` (none before the first)."""
        with self._lock:
            return list(self._across.get(path.absolute().as_posix(), []))

    def recompute(self, configs: engine.Configs, done: Callable[[], None]) -> None:
        """Run the rules across articles over the index in a background thread, then call
        ``done`` (in that thread). Calls that come while it runs make one more run after it:
        on a site of 10,000 articles a run takes seconds, so it never waits in a keystroke's
        check."""
        with self._lock:
            if not self.ready:
                return
            self._dirty = True
            if self._worker is not None:
                return
            self._worker = threading.Thread(target=self._work, args=(configs, done), name="seolint-across",
                                            daemon=True)
            self._worker.start()

    def _work(self, configs: engine.Configs, done: Callable[[], None]) -> None:
        while True:
            with self._lock:
                if not self._dirty:
                    self._worker = None
                    return
                self._dirty = False
                merged = {**self._files, **self._buffers}
            try:
                root, rules = engine.site_setup(configs, [self.root])
                summaries = [summary for summary in merged.values() if summary is not None]
                found = engine.cross_findings(summaries, root, rules) if rules else []
            except Exception:  # the findings of each article still stand
                logger.exception("rules across articles in %s", self.root)
                found = []
            by_path: dict[str, list[Finding]] = {}
            for finding in found:
                by_path.setdefault(finding.path, []).append(finding)
            with self._lock:
                self._across = by_path
            done()
