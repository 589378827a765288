"""The rules across articles over a run's summaries: findings packed per path as they come,
a crashing rule reported once, and the results kept in the cache while nothing they read
changed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from seolint.atomic import write_atomic
from seolint.batch import cache, packed
from seolint.batch.blobs import ensure_tag, seal, unseal
from seolint.batch.cache import FORMAT, code_stamp
from seolint.batch.packed import Packed
from seolint.batch.store import FindingStore
from seolint.i18n import choice_key
from seolint.engine import Configs, crash_finding, first_folder, site_setup, site_violations
from seolint.findings import Finding
from seolint.rules import SiteRule
from seolint.site import summaries as site_summaries
from seolint.site.summaries import Summary


def site_findings(summaries: list[Summary], configs: Configs, paths: list[Path]) -> list[Finding]:
    """Run the enabled rules across articles, with each article's ignores and suppressions."""
    return cross_findings(summaries, *site_setup(configs, paths))


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
    for item in rules:
        mark, kept = (into.mark() if into is not None else 0), len(rows)
        chunk: list[Finding] = []
        try:
            for found in site_violations(item, summaries, root):
                chunk.append(found)
                if len(chunk) == _CHUNK:
                    _keep(packed_rows(chunk), rows, into)
                    chunk = []
            _keep(packed_rows(chunk), rows, into)
        except Exception as error:
            del rows[kept:]
            if into is not None:
                into.rollback(mark)
            _keep(packed_rows([crash_finding(item.rule, crash_at or summaries[0].display, error)]), rows, into)
            crashed = True
    return rows, crashed


def _keep(found: list[tuple[str, packed.Packed]], rows: list[tuple[str, packed.Packed]],
          into: FindingStore | None) -> None:
    if into is None:
        rows += found
    else:
        add_rows(into, found)


def add_rows(store: FindingStore, rows: list[tuple[str, packed.Packed]]) -> None:
    for path, result in rows:
        store.add_packed(path, result)


def packed_rows(findings: Iterable[Finding]) -> list[tuple[str, packed.Packed]]:
    """Findings in any order, packed per path: (path, packed findings) rows."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return [(path, packed.pack(found)) for path, found in by_path.items()]


def site_cache_folder(configs: Configs, paths: list[Path]) -> Path:
    """Where a run over ``paths`` keeps the findings of the rules across articles."""
    return cache.folder_for(configs.for_folder(first_folder(paths)).root)


def _site_key(root: str, rules: list[SiteRule], digests: list[str]) -> str:
    described = [f"{item.rule.code}:{item.severity.value}:{item.options.model_dump_json()}:{choice_key(item.messages)}"
                 for item in rules]
    return site_key(root, described, digests)


def stored_cross_rows(folder: Path, root: str, rules: list[SiteRule],
                      digests: list[str]) -> list[tuple[str, packed.Packed]] | None:
    """What ``cached_cross_rows`` stored for these summaries and rules; None when nothing is."""
    return load_site(folder, root, _site_key(root, rules, digests))


def cached_cross_rows(
    folder: Path, root: str, rules: list[SiteRule], digests: list[str],
    compute: Callable[[], tuple[list[tuple[str, packed.Packed]], bool]],
) -> list[tuple[str, packed.Packed]]:
    """The findings of ``rules`` across the articles whose summaries have ``digests`` (in
    the order of their absolute paths), packed per path: as stored in ``folder`` when none
    of these, nor a file the rules tested, changed; else from ``compute``, stored when it
    says they may be (no rule crashed, no summary was damaged)."""
    key = _site_key(root, rules, digests)
    stored = load_site(folder, root, key)
    if stored is None:
        with site_summaries.recording() as looked_at:
            stored, keep = compute()
        if keep:
            store_site(folder, root, key, stored, looked_at)
    return stored


# --- kept in the cache ------------------------------------------------------------------


def site_key(root: str, rules: list[str], summaries: list[str]) -> str:
    """What the rules across articles depend on: code, site root, rules and their options,
    and every article's summary, in order."""
    digest = hashlib.sha256()
    for part in (code_stamp(), root, *rules, *summaries):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _site_path(folder: Path, root: str) -> Path:
    return folder / f"site-{hashlib.sha256(root.encode('utf-8', 'surrogateescape')).hexdigest()[:24]}.marshal"


def load_site(folder: Path, root: str, key: str) -> list[tuple[str, Packed]] | None:
    """The stored findings across articles for ``key``, packed per file, when no file they
    tested changed."""
    try:
        raw = unseal(_site_path(folder, root).read_bytes())
        if raw.get("format") != FORMAT or raw.get("key") != key:
            return None
        for name, existed in raw["looked_at"].items():
            found = os.path.exists(name[1:]) if name[0] == "*" else os.path.isfile(name[1:])
            if found != existed:
                return None
        found_in = [(path, Packed(blob, counts)) for path, blob, counts in raw["findings"]]
        if not all(type(path) is str and result.check() for path, result in found_in):
            return None
        return found_in
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError):
        return None  # missing, corrupt or foreign: recomputed and rewritten


def store_site(folder: Path, root: str, key: str, rows: list[tuple[str, Packed]], looked_at: dict[str, bool]) -> None:
    """Keep the findings across articles for ``key``: packed, in rows of (path, result)."""
    payload = {"format": FORMAT, "key": key, "looked_at": looked_at,
               "findings": [(path, result.findings, result.counts) for path, result in rows]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ensure_tag(folder.parent)
        write_atomic(_site_path(folder, root), seal(payload))
    except OSError:
        pass
