"""Which articles are translations of one another.

``key``
    Articles sharing a ``translationKey`` (Hugo) are translations. ``translation_of: X``
    joins the article to the one whose ``translationKey``, slug or source path (relative to
    SRC, with or without its extension) is ``X``.
``slug``
    Articles in different languages with the same slug (or file name, without a slug) whose
    folders are the same once the language folder is left out: ``fr/blog/x.md`` and
    ``en/blog/x.md``.
``auto`` (the default)
    ``key`` for the articles that have ``translationKey`` or ``translation_of``, ``slug``
    among those that have neither.

A group holds at most one article per language: when two share a language, the first by path
keeps its place and the other is left out of the group (and reported).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from seolint.i18n import msg

MODES = ("auto", "key", "slug")


class Member(NamedTuple):
    path: str  # relative to SRC, POSIX
    lang: str
    slug: str  # the last URL segment
    key: str | None  # translationKey
    of: str | None  # translation_of


class _Sets:
    """Union-find over member indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, items: Iterable[int]) -> None:
        roots = sorted({self.find(item) for item in items})
        for root in roots[1:]:
            self.parent[root] = roots[0]


def groups(members: list[Member], mode: str) -> tuple[dict[int, list[int]], list[str]]:
    """For each member, the indexes of its translations; and one warning per conflict."""
    if mode not in MODES:
        raise ValueError(f"unknown translations mode {mode!r}")
    sets = _Sets(len(members))
    keyed = [index for index, member in enumerate(members) if member.key or member.of]
    if mode in ("key", "auto"):
        _by_key(members, keyed, sets)
    if mode in ("slug", "auto"):
        chosen = set(keyed) if mode == "auto" else set()
        _by_slug(members, [i for i in range(len(members)) if i not in chosen], sets)
    return _resolve(members, sets)


def _by_key(members: list[Member], indexes: list[int], sets: _Sets) -> None:
    by_key: dict[str, list[int]] = defaultdict(list)
    for index in indexes:
        if members[index].key:
            by_key[str(members[index].key)].append(index)
    for together in by_key.values():
        sets.join(together)
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, member in enumerate(members):
        for name in _names(member):
            by_name[name].append(index)
    for index in indexes:
        target = members[index].of
        if target:
            sets.join([index, *by_name.get(str(target), [])])


def _names(member: Member) -> set[str]:
    """What ``translation_of`` may name an article by."""
    path = member.path
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    return {name for name in (member.key, member.slug, path, stem) if name}


def _by_slug(members: list[Member], indexes: list[int], sets: _Sets) -> None:
    by_place: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index in indexes:
        member = members[index]
        folders = tuple(part for part in member.path.split("/")[:-1] if part.lower() != member.lang)
        by_place[(*folders, member.slug)].append(index)
    for together in by_place.values():
        if len({members[index].lang for index in together}) > 1:
            sets.join(together)


def _resolve(members: list[Member], sets: _Sets) -> tuple[dict[int, list[int]], list[str]]:
    clusters: dict[int, list[int]] = defaultdict(list)
    for index in sorted(range(len(members)), key=lambda i: members[i].path):
        clusters[sets.find(index)].append(index)
    result: dict[int, list[int]] = {index: [] for index in range(len(members))}
    warnings: list[str] = []
    for cluster in clusters.values():
        kept: dict[str, int] = {}
        for index in cluster:
            member = members[index]
            if member.lang in kept:
                first = members[kept[member.lang]].path
                warnings.append(msg("{path}: not linked as a translation: {first} is already the `{lang}` "
                                    "version of this article", path=member.path, first=first, lang=member.lang))
            else:
                kept[member.lang] = index
        chosen = sorted(kept.values(), key=lambda i: members[i].lang)
        for index in chosen:
            result[index] = [other for other in chosen if other != index]
    return result, warnings
