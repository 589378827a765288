"""FindingStore: packed findings come back in the order a sorted list would give."""

from __future__ import annotations

import random

from seolint.batch import packed
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.report import concise, full, github
from seolint.batch.store import FindingStore


def _finding(rng: random.Random, path: str) -> Finding:
    line = rng.randint(1, 5)
    fix = Fix(FixSafety.SAFE, "quote it") if rng.random() < 0.2 else None
    return Finding(rng.choice(["T001", "X005", "H002"]), "name", rng.choice(list(Severity)),
                   f"message {rng.random():.6f}", path, line, rng.randint(1, 3), line, 9, "a hint", fix)


def test_store_order_equals_a_stable_sort_of_everything_added() -> None:
    rng = random.Random(6)
    for _ in range(50):
        paths = [f"{rng.choice('ab')}/{rng.choice('xyz')}.md" for _ in range(rng.randint(1, 6))]
        store, added = FindingStore(), []
        for path in paths:  # a file's own findings, packed (a path may come twice)
            own = [_finding(rng, path) for _ in range(rng.randint(0, 6))]
            store.add_packed(path, packed.pack(own))
            added += own
        across = [_finding(rng, rng.choice(paths)) for _ in range(rng.randint(0, 8))]
        store.add(across)  # the findings across articles, in any order
        added += across
        expected = sorted(added, key=Finding.sort_key)
        assert list(store) == expected
        assert len(store) == len(expected)
        assert store.severities() == {s: sum(f.severity is s for f in expected) for s in Severity}


def test_text_formats_print_the_same_from_a_store_as_from_a_list() -> None:
    rng = random.Random(7)
    findings = sorted((_finding(rng, f"post-{n % 7}.md") for n in range(3000)), key=Finding.sort_key)
    store = FindingStore(findings)
    for render in (concise.render, full.render, github.render):
        assert render(store, 9, False) == render(findings, 9, False)
    assert concise.render(FindingStore(), 3, False) == "All clear: no findings in 3 files.\n"
    assert len(concise.render(store, 9, False).splitlines()) == 3002  # findings, totals, fixable


def test_a_damaged_blob_becomes_one_finding_on_its_file() -> None:
    store = FindingStore()
    store.add_packed("a.md", packed.Packed(b"\x00not marshal", (1, 0, 0)))
    store.add_packed("b.md", packed.pack([Finding("T001", "n", Severity.INFO, "m", "b.md", 1, 1, 1, 2)]))
    found = list(store)
    assert [(f.path, f.code) for f in found] == [("a.md", "RUN002"), ("b.md", "T001")]
    assert "seolint crashed on this file" in found[0].message


def test_damaged_blobs_are_counted_as_what_is_printed() -> None:
    """The closing line and the counts (the exit code) agree with the findings printed, even
    when blobs turn out damaged, and however many times the store is read."""
    import marshal

    wrong_types = marshal.dumps((("T001", "n", "error", "m", "one", 1, 1, 2, "", None),
                                 ("T002", "n", "error", "m", 2, 1, 1, 2, "", None)), 4)
    store = FindingStore()
    store.add_packed("a.md", packed.Packed(b"\x00not marshal", (0, 3, 0)))
    store.add_packed("b.md", packed.Packed(wrong_types, (2, 0, 0)))
    store.add_packed("c.md", packed.pack([Finding("T001", "n", Severity.INFO, "m", "c.md", 1, 1, 1, 2)]))
    store.add([Finding("X006", "n", Severity.INFO, "m", "b.md", 1, 1, 1, 2)])
    for _ in range(2):
        printed = list(store)
        assert [(f.path, f.code) for f in printed] == [("a.md", "RUN002"), ("b.md", "RUN002"), ("c.md", "T001")]
        assert store.severities() == {Severity.ERROR: 2, Severity.WARNING: 0, Severity.INFO: 1}
        assert len(store) == 3
    text = concise.render(store, 3, False)
    assert text.splitlines()[-1] == "Found 2 errors and 1 info in 3 of 3 files checked."


class _Kept:
    """Stored renderings in memory, as ``cache.Rendered`` keeps them on disk."""

    def __init__(self) -> None:
        self.lines: dict[bytes, bytes] = {}

    def key(self, path: str, blobs: list[bytes]) -> bytes:
        from seolint.batch.cache import Rendered

        return Rendered.key(path, blobs)

    def get(self, key: bytes) -> bytes | None:
        return self.lines.get(key)

    def put(self, key: bytes, data: bytes) -> None:
        self.lines[key] = data


def test_rendered_paths_are_kept_except_damaged_ones() -> None:
    """A path's lines are kept by what they came from; a path with a damaged blob is decoded
    (and counted) each time, never kept."""
    kept = _Kept()

    def render(group: list[Finding]) -> bytes:
        return concise.lines(group).encode()

    def store() -> FindingStore:
        made = FindingStore()
        made.add_packed("a.md", packed.Packed(b"\x00not marshal", (0, 1, 0)))
        made.add_packed("b.md", packed.pack([Finding("T001", "n", Severity.INFO, "m", "b.md", 1, 1, 1, 2)]))
        made.add([Finding("X006", "n", Severity.INFO, "x", "b.md", 1, 1, 1, 2)])
        return made

    first = store()
    printed = b"".join(first.rendered(render, kept))
    assert printed == concise.render(store(), 2, False, footer=False).encode()
    assert len(kept.lines) == 1  # b.md only
    again = store()
    assert b"".join(again.rendered(render, kept)) == printed
    assert again.severities() == first.severities() == {Severity.ERROR: 1, Severity.WARNING: 0, Severity.INFO: 2}
    kept.lines = {key: b"stale\n" for key in kept.lines}
    other = FindingStore()
    other.add_packed("b.md", packed.pack([Finding("T001", "n", Severity.INFO, "m", "b.md", 1, 1, 1, 2)]))
    assert b"".join(other.rendered(render, kept)) == b"b.md:1:1: T001 [info] m\n"  # other findings: other key
