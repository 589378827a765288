"""The one codec of findings and summaries (seolint/batch/codec.py): by field name, the same
records back through marshal (workers, cache) and JSON (summary files)."""

from __future__ import annotations

import json
import marshal
import zlib
from pathlib import Path
from typing import Any

import pytest

from seolint.batch import cache, packed
from seolint.batch.codec import FINDINGS, FINDINGS_WITH_PATHS, SUMMARIES
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.site.summaries import LinkRef, Summary
from seolint.source.suppress import Suppressions

FINDING = Finding("T002", "title-width", Severity.WARNING, "too wide", "a.md", 2, 1, 2, 40, "drop 9 characters",
                  Fix(FixSafety.UNSAFE, "shorten"))
PLAIN = Finding("FM001", "required-fields", Severity.ERROR, "no title", "a.md", 1, 1, 1, 4)


def _summary(**changes: Any) -> Summary:
    values = dict(
        path="/site/a.md", display="a.md", lang="fr", title="Réseau", description=None, slug="reseau",
        keyphrase="réseau pro", keyphrase_key=("pro", "reseau"), aliases=("/old/",), headings=("intro",),
        links=(LinkRef("b.md", 3, 5, 9), LinkRef("#intro", 4, 1)), lines={"title": 2, "slug": 4},
        ignored=frozenset({"X001", "X005"}),
        suppressions=Suppressions({"L001"}, {7: {"L003", "L004"}}, [(10, 12, frozenset({"X002"}))]),
        base_url="https://example.org", static_roots=("/site/static",), permalink="/p/", base_path="/blog/",
        url="/blog/reseau/", site_base="/", heading_style="hugo", link_forms=("file", "url"), root_fallback=True,
        content_root="/site/content", site_root="/site",
    )
    values.update(changes)
    return Summary(**values)


def test_every_summary_field_travels_by_name() -> None:
    summary = _summary()
    encoded = SUMMARIES.encode(summary)
    assert list(encoded) == list(Summary._fields)  # a new field is carried without a line here
    assert SUMMARIES.decode(marshal.loads(marshal.dumps(encoded, 4))) == summary
    assert SUMMARIES.decode(json.loads(json.dumps(encoded))) == summary
    assert packed.summary(packed.pack([], summary).summary or b"") == summary


def test_a_summary_without_suppressions_shares_one_empty_record() -> None:
    first = SUMMARIES.decode(SUMMARIES.encode(_summary(suppressions=Suppressions())))
    second = SUMMARIES.decode(SUMMARIES.encode(_summary(path="/site/b.md", suppressions=Suppressions())))
    assert first.suppressions is second.suppressions
    assert first.suppressions == Suppressions()


def test_a_missing_field_with_a_default_takes_it_and_one_without_is_an_error() -> None:
    encoded = SUMMARIES.encode(_summary())
    del encoded["site_root"]
    assert SUMMARIES.decode(encoded).site_root is None
    del encoded["title"]
    with pytest.raises(ValueError, match="title"):
        SUMMARIES.decode(encoded)
    blob = zlib.compress(marshal.dumps(encoded, 4), 1)
    with pytest.raises(ValueError, match="not a packed summary"):
        packed.summary(blob)


def test_findings_travel_as_columns_by_field_name() -> None:
    columns = FINDINGS.encode_many([FINDING, PLAIN])
    assert "path" not in columns and columns["code"] == ("T002", "FM001")
    assert FINDINGS.decode_many(columns, path="b.md") == [FINDING._replace(path="b.md"), PLAIN._replace(path="b.md")]
    blob = packed.pack([FINDING, PLAIN]).findings
    assert packed.findings(blob, "a.md") == [FINDING, PLAIN]
    assert packed.fix_counts(blob) == (0, 1)


def test_findings_of_a_foreign_shape_are_an_error() -> None:
    columns = dict(FINDINGS.encode_many([FINDING, PLAIN]))
    columns["line"] = (2,)
    with pytest.raises(ValueError, match="not packed findings"):
        packed.findings(marshal.dumps(columns, 4), "a.md")
    with pytest.raises(ValueError, match="not packed findings"):
        packed.findings(marshal.dumps(((1, 2),), 4), "a.md")


def test_a_finding_in_a_summary_file_reads_as_the_json_output_prints_it() -> None:
    for finding in (FINDING, PLAIN):
        encoded = FINDINGS_WITH_PATHS.encode(finding)
        assert encoded == finding.to_json()
        assert FINDINGS_WITH_PATHS.decode(json.loads(json.dumps(encoded))) == finding


def test_the_summary_digest_follows_the_codec() -> None:
    assert cache.summary_digest(_summary()) == cache.summary_digest(_summary())
    assert cache.summary_digest(_summary()) != cache.summary_digest(_summary(ignored=frozenset({"X001"})))


def test_the_code_stamp_covers_the_whole_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited rule must not be answered from the cache, wherever the cache module sits."""
    seen: list[str] = []
    monkeypatch.setattr(cache, "tree_stamp", lambda folder: seen.append(folder) or "0:0")
    cache.code_stamp.cache_clear()
    try:
        cache.code_stamp()
    finally:
        cache.code_stamp.cache_clear()
    assert any((Path(folder) / "checks" / "__init__.py").is_file() for folder in seen), seen
