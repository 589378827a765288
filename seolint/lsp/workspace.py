"""The workspace index: what the rules across articles (X001–X006) see from the editor.

At start-up a background thread checks the workspace folder as ``seolint check`` would (with
its cache, one process) and keeps each article's summary. Open buffers replace their file's
summary as they change, so a link to a page that exists only in an unsaved buffer resolves;
a closed buffer goes back to what its file says. Until the index is built the server reports
no finding across articles: a half-read site would make every article look orphaned.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from seolint import engine
from seolint.findings import Finding
from seolint.site import Summary

logger = logging.getLogger(__name__)


class Index:
    def __init__(self, root: Path, cache: bool = True) -> None:
        self.root = root
        self.cache = cache  # read and write .seolint_cache/, as ``check`` does by default
        self.ready = False
        self._files: dict[str, Summary] = {}  # absolute path → summary, from the files
        self._buffers: dict[str, Summary] = {}  # absolute path → summary, from open buffers
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
            if summary is None:
                self._buffers.pop(key, None)
                self._files.pop(key, None)
            else:
                self._buffers[key] = summary

    def saved(self, path: Path) -> None:
        """The file now holds what the buffer holds."""
        key = path.absolute().as_posix()
        with self._lock:
            if key in self._buffers:
                self._files[key] = self._buffers[key]

    def refresh(self, path: Path, configs: engine.Configs) -> None:
        """A file changed on disk (not through an open buffer): read its summary again."""
        key = path.absolute().as_posix()
        try:
            data = path.read_bytes()
        except OSError:  # removed
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

    def findings(self, path: Path, configs: engine.Configs) -> list[Finding]:
        """The findings across articles of the article at ``path`` (none until the index is built)."""
        if not self.ready:
            return []
        with self._lock:
            merged = {**self._files, **self._buffers}
        root, rules = engine.site_setup(configs, [self.root])
        if not rules:
            return []
        wanted = path.absolute().as_posix()
        mine = {summary.display for key, summary in merged.items() if key == wanted}
        return [finding for finding in engine.cross_findings(merged.values(), root, rules) if finding.path in mine]
