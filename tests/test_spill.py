"""The spill of a run's packed findings: memory up to a budget, then a temporary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seolint.batch.spill import Spill


def test_blobs_come_back_as_they_went_in_across_the_budget() -> None:
    spill = Spill(budget=100)
    blobs = [bytes([n % 256]) * (n * 7 % 90 + 1) for n in range(200)]
    numbers = [spill.put(blob) for blob in blobs]
    assert spill.on_disk > 0, "past the budget, blobs go to disk"
    assert spill.on_disk < sum(map(len, blobs)), "the first blobs stay in memory"
    assert [spill.get(number) for number in reversed(numbers)] == blobs[::-1]


def test_a_small_run_never_touches_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    spill = Spill()
    number = spill.put(b"x" * 1000)
    assert spill.get(number) == b"x" * 1000
    assert spill.on_disk == 0


def test_no_temporary_folder_keeps_the_blobs_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("no temporary folder")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    spill = Spill(budget=0)
    numbers = [spill.put(bytes([n]) * 10) for n in range(5)]
    assert [spill.get(number) for number in numbers] == [bytes([n]) * 10 for n in range(5)]
    assert spill.on_disk == 0


@pytest.mark.skipif(os.name != "posix", reason="elsewhere the file is removed when closed")
def test_the_temporary_file_has_no_name_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spill = Spill(budget=0)
    spill.put(b"abc")
    assert list(tmp_path.iterdir()) == [], "an unnamed file: nothing to clean after a crash"
    spill.close()


def test_a_store_that_spills_prints_what_one_in_memory_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.batch import spill
    from seolint.findings import Finding, Severity
    from seolint.batch.store import FindingStore

    monkeypatch.setattr(spill, "BUDGET", 300)
    found = [
        Finding("T001", "title-length", Severity.WARNING, f"Title {n} is long", f"post-{n % 7}.md",
                n % 11 + 1, 1, n % 11 + 1, 5, "Shorten it.")
        for n in range(120)
    ]
    spilled, kept = FindingStore(found, spill=True), FindingStore(found)
    assert spilled._spill is not None and spilled._spill.on_disk > 0
    assert list(spilled) == list(kept) == sorted(found, key=Finding.sort_key)
    assert list(spilled) == list(kept), "read twice (a report file and stdout): the same"
    assert spilled.severities() == kept.severities()


def test_a_spill_that_cannot_be_read_back_is_a_finding_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.batch import spill
    from seolint.findings import Finding, Severity
    from seolint.batch.store import FindingStore

    monkeypatch.setattr(spill, "BUDGET", 0)
    found = [Finding("T001", "title-length", Severity.WARNING, "Long", "a.md", 1, 1, 1, 2, "Shorten it.")]
    store = FindingStore(found, spill=True)
    assert store._spill is not None
    store._spill.close()  # the temporary file is gone
    [finding] = list(store)
    assert finding.code == "RUN002" and "read back" in finding.message
    assert store.severities()[Severity.ERROR] == 1 and store.severities()[Severity.WARNING] == 0
