"""The rest of the site around a run that checks part of it.

A pre-commit hook passes the staged articles, ``--changed-since`` the changed ones, an editor
one buffer, and a run may name a folder below the site root: the rules across articles (X)
must still see the whole site, or a link to an article that was not checked looks broken.
The other articles under the site root (``seolint.source.siteroot``; ``exclude`` and ``.gitignore``
respected, as in a run over the root) are read from the cache where their entry is fresh,
else sketched from their front matter and what may be a link in their text
(``site_summaries.sketch``): no rule runs on them. Where a sketch could decide a finding on a checked
article (it has no headings to check a ``#fragment`` against, and it counts a link in code
as a link), that article is read in full instead. Only the checked articles' findings are
reported: a title shared with an article that was not checked is reported on the checked
one, and nothing is said of the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from seolint.batch import cache
from seolint.batch import packed
from seolint.site import summaries as site_summaries
from seolint.site.resolve import Site, may_lead_to, names, site_of
from seolint.site.summaries import Summary, url_of
from seolint.source.discover import Candidate
from seolint.source.document import Document
from seolint.source.globs import real
from seolint.source.suppress import Suppressions

if TYPE_CHECKING:
    from seolint.source.config import Config
    from seolint.source.settings import ConfigFile, Fields
    from seolint.engine import Configs
    from seolint.rules import SiteRule
    from seolint.batch.store import FindingStore

def is_partial(paths: list[Path], root: str, subset: bool) -> bool:
    """Whether a run over ``paths`` checks less than the whole site under ``root``: it
    names files, reads stdin or keeps changed files only (``subset``), or names folders of
    which none holds the root."""
    given = paths or [Path(".")]
    if subset or not all(path.is_dir() for path in given):
        return True
    top = real(Path(root))
    return not any(top.is_relative_to(real(path)) for path in given)


class Checked(NamedTuple):
    """What a run over part of a site checked."""

    candidates: list[Candidate]  # every file checked, with or without a summary
    summaries: site_summaries.Summaries  # the summaries of those that have one, in path order
    digests: list[tuple[str, str | None]]  # (absolute path, the cache's digest) of each summary


class Other(NamedTuple):
    """An article of the site that the run does not check."""

    candidate: Candidate
    summary: Summary | bytes  # read, or packed as the cache keeps it
    digest: str | None  # the cache's digest of the summary, when stored as this run shows it
    sketched: bool = False


def add_site_findings(
    store: FindingStore, checked: Checked, root: str, rules: list[SiteRule], configs: Configs,
    indexes: cache.Indexes | None, today: dt.date, cache_folder: Path | None, jobs: int = 1,
) -> None:
    """Run ``rules`` over the checked articles and the rest of the site; add to ``store``
    the findings on the checked ones: those a run over the whole site stored in
    ``cache_folder`` when every summary is as it was then, else computed (and not stored:
    the others' links that cannot lead to a checked article are left out)."""
    from seolint.batch.across import cross_rows, stored_cross_rows

    own = list(checked.summaries)
    shown = {summary.display for summary in own}
    if not shown:
        return
    # A link of an article not shown matters only when it may lead to one that is.
    targets: set[str] = set().union(*(names(summary, url_of(summary, root)) for summary in own))
    others = rest_of_site(checked.candidates, root, configs, indexes, today, targets, jobs)

    digests = [*checked.digests, *((other.candidate.absolute, other.digest) for other in others)]
    known = [digest for _, digest in sorted(digests, key=lambda item: item[0]) if digest is not None]
    rows = None
    if indexes is not None and cache_folder is not None and len(known) == len(digests):
        rows = stored_cross_rows(cache_folder, root, rules, known)  # as a run over the whole site left them
    if rows is None:
        items = [*own]
        sketched: set[str] = set()
        for other in others:
            summary, other = _read(other, configs.for_file(other.candidate.name), today, targets)
            if summary is not None and other.sketched:
                sketched.add(summary.path)
            elif summary is not None and summary.url is None:  # no other link of it can change what is reported
                summary = summary._replace(links=tuple(link for link in summary.links
                                                       if may_lead_to(link.href, summary.base_url, targets)))
            if summary is not None:
                items.append(summary)
        items.sort(key=lambda summary: summary.path)
        summaries = site_summaries.Summaries(items)
        if sketched:
            refine(summaries, shown, sketched, root, lambda index: _full(summaries[index], configs, today))
        rows = cross_rows(summaries, root, rules, crash_at=min(shown))[0]  # a crash shows on a shown file
    for path, result in rows:
        if path in shown:
            store.add_packed(path, result)


def rest_of_site(checked: list[Candidate], root: str, configs: Configs, indexes: cache.Indexes | None,
                 today: dt.date, targets: set[str] | None = None, jobs: int = 1) -> list[Other]:
    """The site's articles under ``root`` that are not among ``checked``, each with its
    summary: the cache's when its entry is fresh, else a sketch (keeping only the links
    that may lead to an article named in ``targets``, when given), made on ``jobs``
    processes. Files without front matter, or that cannot be read, have none (as in a
    whole run) and are left out."""
    from seolint.engine import candidates

    # The checked files go first, as explicit paths: the walk then skips them, however named.
    walk = candidates([*(candidate.path for candidate in checked), Path(root)], configs)
    found: list[Other | Candidate] = []
    for candidate in walk:
        if not candidate.explicit:
            stored = _stored(candidate, configs.for_file(candidate.name), indexes) if indexes is not None else None
            found.append(stored or candidate)
    missing = [item for item in found if isinstance(item, Candidate)]
    sketches = iter(sketch_all(missing, configs, today, targets, jobs))
    others: list[Other] = []
    for item in found:
        if isinstance(item, Other):
            others.append(item)
        elif (summary := next(sketches)) is not None:
            others.append(Other(item, summary, None, True))
    return others


def _stored(candidate: Candidate, config: Config, indexes: cache.Indexes) -> Other | None:
    stored = indexes.stored_summary(candidate.absolute, config)
    if stored is None:
        return None
    blob, digest, shown = stored
    if shown == candidate.display:
        return Other(candidate, blob, digest)
    try:  # checked from another folder: the same summary, shown as this run shows the file
        return Other(candidate, packed.summary(blob)._replace(display=candidate.display), None)
    except ValueError:
        return None


def _read(other: Other, config: Config, today: dt.date, targets: set[str]) -> tuple[Summary | None, Other]:
    """The summary of another article, and the article (sketched now when the packed
    summary the cache gave turns out damaged)."""
    if isinstance(other.summary, Summary):
        return other.summary, other
    try:
        return packed.summary(other.summary), other
    except ValueError:  # foreign values under a valid checksum: what the file says now
        summary = sketch(other.candidate, config, today, targets)
        return summary, other._replace(sketched=True)


def sketch(candidate: Candidate, config: Config, today: dt.date, targets: set[str] | None = None) -> Summary | None:
    """The summary of an article from its front matter and link-like strings (those that
    may lead to an article named in ``targets``, when given); None when it has no front
    matter or cannot be read (nothing about it is reported)."""
    try:
        data = candidate.path.read_bytes()
        settings = config.settings_for(candidate.path, today)
        keys = _sketched_keys(settings.fields) if settings.site is None else None  # a profile's URL may read any key
        doc = Document.from_bytes(candidate.path, candidate.display, data, settings, positions=False, keys=keys)
        if not _published(doc, candidate.absolute):
            return None  # a headless bundle's snippet, `permalink: false`: no page, as in a whole run
        if targets is None:
            return site_summaries.sketch(doc)
        return site_summaries.sketch(doc, lambda href, base_url: may_lead_to(href, base_url, targets))
    except Exception:  # a whole run reports it on that file (RUN001, FM002, RUN002): not shown here
        return None


_keys: dict[int, tuple[Fields, frozenset[str]]] = {}


def _sketched_keys(fields: Fields) -> frozenset[str]:
    """The front-matter keys a summary reads under these fields (found once per config)."""
    found = _keys.get(id(fields))
    if found is None or found[0] is not fields:
        found = _keys[id(fields)] = (fields, fields.all_keys | site_summaries.SKETCHED_KEYS)
    return found[1]


#: Below this many articles to sketch, worker processes cost more than they save.
MIN_PARALLEL = 200

_state: dict[str, Any] = {}


def sketch_all(candidates: list[Candidate], configs: Configs, today: dt.date, targets: set[str] | None,
               jobs: int) -> list[Summary | None]:
    """``sketch`` of each candidate, in order, on ``jobs`` processes when they are many."""
    if jobs <= 1 or len(candidates) < MIN_PARALLEL:
        return [sketch(candidate, configs.for_file(candidate.name), today, targets) for candidate in candidates]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunks = [candidates[start:start + 256] for start in range(0, len(candidates), 256)]
    initargs = (configs.explicit, configs.overrides, today, targets)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=initargs) as pool:
        return [summary for chunk in pool.map(_sketch_chunk, chunks) for summary in chunk]


def _init(explicit: Path | None, overrides: ConfigFile | None, today: dt.date, targets: set[str] | None) -> None:
    from seolint.engine import Configs

    _state.update(configs=Configs(explicit, overrides), today=today, targets=targets)


def _sketch_chunk(candidates: list[Candidate]) -> list[Summary | None]:
    configs, today, targets = _state["configs"], _state["today"], _state["targets"]
    return [sketch(candidate, configs.for_file(candidate.name), today, targets) for candidate in candidates]


def _published(doc: Document, path: str) -> bool:
    from seolint.source.profiles import is_published

    site = doc.settings.site
    return site is None or is_published(site, path, doc.data)


def _full(summary: Summary, configs: Configs, today: dt.date) -> Summary | None:
    """The summary of an article as a check makes it (its body parsed), without its
    ignores and suppressions: what a sketch of it leaves out."""
    path = Path(summary.path)
    try:
        data = path.read_bytes()
        settings = configs.for_file(path).settings_for(path, today)
        return site_summaries.summarize(Document.from_bytes(path, summary.display, data, settings), frozenset(), Suppressions())
    except Exception:  # the sketch stands
        return None


def refine(summaries: site_summaries.Summaries, shown: set[str], sketches: set[str], root: str,
           full: Callable[[int], Summary | None]) -> None:
    """Put in ``summaries`` full summaries for the sketches (their paths in ``sketches``)
    that could decide a finding on a shown article: the targets of its ``#fragment`` links
    (a sketch has no headings), and, for a shown article that no full summary links to, the
    sketches that seem to link to it, until one really does (a sketch counts links in
    code). The site's index of addresses (``site_of``) is built once, for the rules too."""
    where = site_of(summaries, root)
    sketched = {index for index, summary in enumerate(summaries) if summary.path in sketches}
    checked = {index for index, summary in enumerate(summaries) if summary.display in shown}
    wanted: set[int] = set()
    for index in checked:
        for link, target in zip(summaries[index].links, where.targets(index)):
            if target in sketched and "#" in link.href:
                wanted.add(target)
    for target, sources in _linking(where, summaries, checked, sketched).items():
        for source in sources:
            found = _replace(summaries, where, source, full)
            wanted.discard(source)
            if found is not None and target in where.targets(source):
                break
    for index in wanted:
        _replace(summaries, where, index, full)


def _linking(where: Site, summaries: site_summaries.Summaries, checked: set[int], sketched: set[int]) -> dict[int, list[int]]:
    """For each checked article that only sketches seem to link to, those sketches."""
    linked: set[int] = set()
    seeming: dict[int, list[int]] = {}
    for index, summary in enumerate(summaries):
        for target in set(where.targets(index, summary)):
            if target in checked and target != index:
                if index in sketched:
                    seeming.setdefault(target, []).append(index)
                else:
                    linked.add(target)
    return {target: sources for target, sources in seeming.items() if target not in linked}


def _replace(summaries: site_summaries.Summaries, where: Site, index: int,
             full: Callable[[int], Summary | None]) -> Summary | None:
    found = full(index)
    if found is not None:
        summaries.replace(index, found)
        where.forget(index)
    return found


def checked_digests(candidates: Iterable[Candidate], configs: Configs,
                    indexes: cache.Indexes | None) -> list[tuple[str, str | None]]:
    """(absolute path, the cache's digest of its summary) of each checked candidate."""
    return [(candidate.absolute, indexes.summary_digest(candidate.absolute, configs.for_file(candidate.name))
             if indexes is not None else None) for candidate in candidates]
