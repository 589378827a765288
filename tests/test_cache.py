"""The cache: same findings warm as cold, invalidated by what findings depend on."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from seolint.batch import cache

from .conftest import ROOT

ARTICLE = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
image: /images/cover.png
---

Text.
"""


def entries(root: Path) -> list[Path]:
    """The cache's files: one index per config, and the findings across articles."""
    return sorted((root / ".seolint_cache").rglob("*.marshal"))


def test_warm_run_gives_the_same_findings(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", site)
    cold = seolint("check", "--output-format", "json", ".", cwd=site)
    assert entries(site), "the cold run filled the cache"
    warm = seolint("check", "--output-format", "json", ".", cwd=site)
    assert warm.out == cold.out and warm.code == cold.code
    uncached = seolint("check", "--no-cache", "--output-format", "json", ".", cwd=site)
    assert uncached.out == cold.out


def test_changes_invalidate(seolint: Any, write: Any, isolated: Path) -> None:
    write("seolint.toml", 'static-roots = ["static"]\n')
    write("static/images/other.png", b"png")
    write("post.md", ARTICLE)
    def codes() -> set[str]:
        return {f["code"] for f in seolint("check", "--output-format", "json", "post.md").json()}
    assert "I003" in codes()  # the cover is missing
    write("static/images/cover.png", b"png")
    assert "I003" not in codes()  # a new file under a static root is seen
    write("post.md", ARTICLE.replace("Build a professional", "A professional"))
    assert "T003" not in codes()
    write("seolint.toml", 'static-roots = ["static"]\nignore = ["T"]\n')
    assert not any(code.startswith("T") for code in codes())  # a config change is seen


def test_corrupt_and_foreign_entries_are_ignored(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE)
    cold = seolint("check", "--output-format", "json", "post.md").out
    assert entries(isolated)
    for foreign in (b"{not json", marshal.dumps({"format": 1, "key": "someone-else", "findings": []}),
                    b"", marshal.dumps({"header": {}, "entries": {str(isolated / "post.md"): ("x",)}})):
        for entry in entries(isolated):
            entry.write_bytes(foreign)
        assert seolint("check", "--output-format", "json", "post.md").out == cold
        assert seolint("check", "--output-format", "json", "post.md").out == cold


def _index(root: Path) -> tuple[Path, dict[str, Any]]:
    """The index file and what it holds."""
    index = next(path for path in entries(root) if path.name.startswith("index-"))
    return index, cache.unseal(index.read_bytes())


def _blob_file(index: Path, ident: str) -> Path:
    return index.with_name(index.name.replace("index-", "blobs-").replace(".marshal", f"-{ident}.bin"))


def _packed(index: Path, entry: Any) -> tuple[bytes, bytes | None]:
    """An entry's packed findings and summary, read from its blob file."""
    ident, start, size, summary_size = entry[8]
    data = _blob_file(index, ident).read_bytes()
    return data[start:start + size], None if summary_size < 0 else data[start + size:start + size + summary_size]


def _store(index: Path, data: dict[str, Any], name: str, findings: bytes, summary: bytes | None,
           **fields: Any) -> None:
    """Put packed results for ``name`` in a new blob file (as a foreign writer might), with
    the entry's other fields changed as given (counts, check, digest)."""
    ident = f"{len(data['files']) + 1:x}abc"
    _blob_file(index, ident).write_bytes(findings + (summary or b""))
    entry = list(data["entries"][name])
    entry[8] = (ident, 0, len(findings), -1 if summary is None else len(summary))
    for field, value in fields.items():
        entry[{"counts": 5, "check": 7, "digest": 9}[field]] = value
    data["entries"][name] = tuple(entry)
    data["files"].append(ident)
    index.write_bytes(cache.seal(data))


def test_corrupt_entry_inside_a_valid_index(seolint: Any, write: Any, isolated: Path) -> None:
    """A damaged entry (bytes flipped in its packed findings or summary, a blob file cut
    short or gone, foreign fields) is recomputed: the output is the cold run's."""
    write("post.md", ARTICLE)
    cold = seolint("check", "--output-format", "json", "post.md").out
    index, pristine = _index(isolated)
    (name, entry), = pristine["entries"].items()
    blob_file = _blob_file(index, entry[8][0])
    blobs = blob_file.read_bytes()
    start, size = entry[8][1], entry[8][2]

    def flip(data: bytes, at: int) -> bytes:
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]

    damages = [
        lambda: blob_file.write_bytes(flip(blobs, start + size - 3)),  # in the findings
        lambda: blob_file.write_bytes(flip(blobs, start + size + 3)),  # in the summary
        lambda: blob_file.write_bytes(blobs[:start + size // 2]),
        lambda: blob_file.unlink(),
        lambda: index.write_bytes(cache.seal({**pristine, "entries": {name: (*entry[:5], ("x", 1, 2), *entry[6:])}})),
        lambda: index.write_bytes(cache.seal({**pristine, "entries": {name: (*entry[:8], 42, entry[9])}})),
        lambda: index.write_bytes(cache.seal({**pristine, "entries": {name: (*entry[:8], ("../x", 0, 1, -1), entry[9])}})),
        lambda: index.write_bytes(cache.seal({**pristine, "files": ["../../evil"]})),
    ]
    for damage in damages:
        for path in entries(isolated):
            if path.name.startswith("index-"):
                path.write_bytes(cache.seal(pristine))
        blob_file.write_bytes(blobs)
        damage()
        assert seolint("check", "--output-format", "json", "post.md").out == cold
        assert seolint("check", "--output-format", "json", "post.md").out == cold


def test_entry_with_a_valid_checksum_but_foreign_values_is_a_finding(seolint: Any, write: Any, isolated: Path) -> None:
    """Findings of the wrong types behind a matching checksum (written by something else
    than seolint) end the run with a finding on that file, not a traceback."""
    import zlib

    write("post.md", ARTICLE)
    seolint("check", "post.md")
    index, data = _index(isolated)
    for name, entry in list(data["entries"].items()):
        rows = (("T001", "t", "error", "m", "one", 1, 1, 2, "", None), ("T002", "t", "error", "m", 2, 1, 1, 2, "", None))
        blob = marshal.dumps(rows, 4)
        summary = _packed(index, entry)[1]
        _store(index, data, name, blob, summary, counts=(2, 0, 0), check=zlib.crc32(summary or b"", zlib.crc32(blob)))
    for output in ("json", "concise", "concise"):  # the damaged blob's lines are never kept
        run = seolint("check", "--output-format", output, "post.md")
        assert run.code == 1
        if output == "json":
            assert [(f["code"], f["path"]) for f in run.json()] == [("RUN002", "post.md")]
            assert "TypeError" in run.json()[0]["message"]
        else:
            assert run.out.splitlines()[0].startswith("post.md:1:1: RUN002 [error]")
            assert run.out.splitlines()[-1] == "Found 1 error in 1 of 1 file checked."


def test_summary_with_a_valid_checksum_but_foreign_values_is_a_finding(seolint: Any, write: Any, isolated: Path) -> None:
    """A summary that cannot be decoded (behind a matching checksum, and a changed digest so
    that the rules across articles must read it) is a finding on its file; the rest of the
    run is as before (the rules across articles then see one article less), and the next
    run recomputes that file."""
    import zlib

    write("a.md", ARTICLE)
    write("b.md", ARTICLE.replace("professional-network", "other-network"))
    cold = seolint("check", "--output-format", "json", ".")
    index, data = _index(isolated)
    name = next(name for name in data["entries"] if name.endswith("a.md"))
    findings = _packed(index, data["entries"][name])[0]
    summary = zlib.compress(marshal.dumps(("not", "a", "summary"), 4), 1)
    _store(index, data, name, findings, summary, check=zlib.crc32(summary, zlib.crc32(findings)),
           digest="another digest")
    run = seolint("check", "--output-format", "json", ".")
    found = run.json()
    crash = [f for f in found if (f["code"], f["path"]) == ("RUN002", "a.md")]
    assert len(crash) == 1 and "not a packed summary" in crash[0]["message"]
    assert run.code == 1

    def own(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [f for f in findings if f["path"] == "b.md" and not f["code"].startswith("X")]

    assert own(found) == own(cold.json()) != []
    assert seolint("check", "--output-format", "json", ".").out == cold.out  # the entry was recomputed


def test_same_size_same_mtime_edit_is_seen(seolint: Any, write: Any, isolated: Path) -> None:
    """The stat shortcut never answers for a changed file: an edit that keeps the size and
    puts the modification time back still changes the inode's ctime."""
    post = write("post.md", ARTICLE)
    before = os.stat(post)
    old = 1_600_000_000_000_000_000  # long ago: the stamp is trusted (not racy)
    os.utime(post, ns=(old, old))
    first = seolint("check", "--output-format", "json", "post.md").out
    post.write_text(ARTICLE.replace("keyphrase: professional network", "keyphrase: unrelated xylophones"), encoding="utf-8")
    os.utime(post, ns=(old, old))
    assert os.stat(post).st_size == before.st_size
    fresh = seolint("check", "--no-cache", "--output-format", "json", "post.md").out
    assert fresh != first
    assert seolint("check", "--output-format", "json", "post.md").out == fresh


def test_image_beside_the_article_is_seen(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE.replace("/images/cover.png", "cover.png"))
    def codes() -> set[str]:
        return {f["code"] for f in seolint("check", "--output-format", "json", "post.md").json()}
    assert "I003" in codes()
    write("cover.png", b"png")
    assert "I003" not in codes()
    os.remove(isolated / "cover.png")
    assert "I003" in codes()


def test_editing_one_article_keeps_the_others_cached(seolint: Any, write: Any, isolated: Path) -> None:
    for name in ("a", "b", "c"):
        write(f"{name}/post.md", ARTICLE.replace("professional-network", f"network-{name}"))
    cold = seolint("check", "--output-format", "json", ".").out
    index = next(path for path in entries(isolated) if path.name.startswith("index-"))
    data = cache.unseal(index.read_bytes())
    untouched = data["entries"][str(isolated / "b" / "post.md")]
    write("a/post.md", ARTICLE.replace("professional-network", "network-a") + "\nMore text.\n")
    warm = seolint("check", "--output-format", "json", ".").out
    assert warm == seolint("check", "--no-cache", "--output-format", "json", ".").out
    assert warm != cold
    assert cache.unseal(index.read_bytes())["entries"][str(isolated / "b" / "post.md")][1:] == untouched[1:]


def test_no_cache_writes_nothing(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE)
    seolint("check", "--no-cache", "post.md")
    assert not (isolated / ".seolint_cache").exists()


def test_clean(seolint: Any, write: Any, isolated: Path) -> None:
    write("post.md", ARTICLE)
    seolint("check", "post.md")
    assert (isolated / ".seolint_cache" / "CACHEDIR.TAG").is_file()
    result = seolint("clean")
    assert result.code == 0 and "Removed" in result.out
    assert not (isolated / ".seolint_cache").exists()


def test_older_cache_formats_are_removed(seolint: Any, write: Any, isolated: Path) -> None:
    """What an older seolint left in .seolint_cache/ (v1/, v2/) is never read again: the
    first run that writes the current format removes it; anything else there is kept."""
    write("post.md", ARTICLE)
    for old in ("v1", "v2"):
        (isolated / ".seolint_cache" / old).mkdir(parents=True)
        (isolated / ".seolint_cache" / old / "index-old.marshal").write_bytes(b"old")
    (isolated / ".seolint_cache" / "notes.txt").write_text("mine", encoding="utf-8")
    seolint("check", "post.md")
    kept = sorted(path.name for path in (isolated / ".seolint_cache").iterdir())
    assert "v1" not in kept and "v2" not in kept and "notes.txt" in kept
    assert any(path.name.startswith("index-") for path in entries(isolated))


def test_one_article_reads_only_its_own_packed_results(seolint: Any, write: Any, isolated: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A pre-commit run on one article reads its own results from the blob files, and the
    other articles' entries for their summaries (the rules across articles see the whole
    site), each as a range while they are few, and prints what a full read gives."""
    from seolint.batch import cache

    for name in "abc":
        write(f"{name}.md", ARTICLE.replace("professional-network", f"network-{name}"))
    seolint("check", ".")  # every result in one blob file
    first = seolint("check", "a.md")
    assert len(list((isolated / ".seolint_cache").rglob("blobs-*.bin"))) == 1
    ranges: list[str] = []
    wholes: list[str] = []
    read, get = cache.BlobFiles.read, cache.BlobFiles.get

    def spy_read(self: cache.BlobFiles, ident: str, start: int, size: int) -> bytes | None:
        ranges.append(ident)
        return read(self, ident, start, size)

    def spy_get(self: cache.BlobFiles, ident: str) -> bytes | None:
        wholes.append(ident)
        return get(self, ident)

    monkeypatch.setattr(cache.BlobFiles, "read", spy_read)
    monkeypatch.setattr(cache.BlobFiles, "get", spy_get)
    again = seolint("check", "a.md")
    assert (again.out, again.code) == (first.out, first.code)
    assert len(ranges) == 3 and not wholes  # a.md's results, and b.md's and c.md's summaries
    monkeypatch.setattr(cache, "RANGE_READS", 0)  # past the first reads: the whole file
    assert seolint("check", "a.md").out == first.out
    assert len(wholes) == 1


def _site_with_cross_findings(root: Path) -> None:
    """Articles with findings across them: a shared title, a broken and a working link."""
    body = "\n\nSee [the other one](/two/) and [a missing page](/nowhere/).\n"
    for name, slug in (("one", "one"), ("two", "two"), ("three", "three")):
        text = ARTICLE.replace("slug: professional-network", f"slug: {slug}") + body
        (root / f"{name}.md").write_text(text, encoding="utf-8")


def test_a_flipped_bit_in_any_cache_file_is_a_miss_never_a_result(seolint: Any, isolated: Path) -> None:
    """Issue #16: one flipped bit in the site file gave findings about files that do not
    exist; every cache file is now sealed with a checksum, so each flip is a miss."""
    _site_with_cross_findings(isolated)
    arguments = ("check", ".", "--output-format", "concise")
    fresh = seolint(*arguments, "--no-cache")
    assert "X005" in fresh.out and "X001" in fresh.out
    seolint(*arguments)
    files = entries(isolated)
    assert {path.name.split("-")[0] for path in files} >= {"index", "site", "render"}
    for path in files:
        pristine = path.read_bytes()
        for position in range(0, len(pristine) * 8, max(1, len(pristine) * 8 // 7)):
            damaged = bytearray(pristine)
            damaged[position // 8] ^= 1 << (position % 8)
            path.write_bytes(bytes(damaged))
            again = seolint(*arguments)
            assert (again.code, again.out) == (fresh.code, fresh.out), (path.name, position)
            path.write_bytes(pristine)


def _limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # as the 4 GB limit of the report


@pytest.mark.parametrize("prefix", ["index", "site", "render"])
def test_a_five_byte_cache_file_is_a_miss(seolint: Any, isolated: Path, prefix: str) -> None:
    """Five bytes that ask marshal for a list of two billion items gave MemoryError under a
    memory limit; a file that fails its checksum is never unmarshalled."""
    import subprocess
    import sys

    _site_with_cross_findings(isolated)
    fresh = seolint("check", ".", "--output-format", "concise", "--no-cache")
    seolint("check", ".", "--output-format", "concise")
    for path in entries(isolated):
        if path.name.startswith(prefix):
            path.write_bytes(b"[\xff\xff\xff\x7f")
    again = subprocess.run([sys.executable, "-m", "seolint", "check", ".", "--output-format", "concise"],
                           capture_output=True, text=True, timeout=120, check=False, preexec_fn=_limited)
    assert (again.returncode, again.stdout) == (fresh.code, fresh.out), again.stderr
