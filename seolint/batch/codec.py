"""One codec, by field name, for the records that leave a process: findings and summaries.

Workers send them to the parent, the cache keeps them, summary files (``--shard``) carry
them to ``seolint merge``. All three go through here, as plain values keyed by each record's
field names: strings, numbers, ``None``, tuples and string-keyed dicts, which ``marshal``
stores and JSON writes as they are. A field of a plain type needs no line here: adding one
to ``Summary`` (with a default) is the one edit; only a field of another type names its two
conversions below. A record that lacks a field without a default, or holds a value of the
wrong type, is a ``ValueError`` for its caller to report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any, Generic, TypeVar

from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.site.summaries import LinkRef, Summary
from seolint.source.suppress import Suppressions

Record = TypeVar("Record", Finding, Summary)
Convert = Callable[[Any], Any]


class Codec(Generic[Record]):
    """Plain values to and from one NamedTuple type, field by field, by name."""

    def __init__(self, record: type[Record], plain: dict[str, Convert], typed: dict[str, Convert],
                 left_out: tuple[str, ...] = ()) -> None:
        self.record: type[Record] = record
        self.stored = tuple(name for name in record._fields if name not in left_out)
        self.plain = plain
        self.typed = typed
        self.defaults: dict[str, Any] = dict(record._field_defaults)

    def encode(self, item: Record) -> dict[str, Any]:
        plain = self.plain
        return {name: (plain[name](value) if name in plain else value)
                for name, value in zip(self.record._fields, item) if name in self.stored}

    def decode(self, values: dict[str, Any], **given: Any) -> Record:
        """A record from ``encode``'s values; ``given`` supplies the fields left out."""
        typed, defaults = self.typed, self.defaults
        found = []
        for name in self.record._fields:
            if name in given:
                found.append(given[name])
            elif name in values:
                value = values[name]
                found.append(typed[name](value) if name in typed else value)
            elif name in defaults:
                found.append(defaults[name])
            else:
                raise ValueError(f"no `{name}` in this {self.record.__name__.lower()}")
        made: Record = tuple.__new__(self.record, found)
        return made

    def encode_many(self, items: Sequence[Record]) -> dict[str, tuple[Any, ...]]:
        """Many records as one column of values per field (compact: names written once)."""
        plain = self.plain
        columns: dict[str, tuple[Any, ...]] = {}
        for position, name in enumerate(self.record._fields):
            if name in self.stored:
                values = tuple(item[position] for item in items)
                columns[name] = tuple(map(plain[name], values)) if name in plain else values
        return columns

    def decode_many(self, columns: dict[str, Sequence[Any]], **given: Any) -> list[Record]:
        """The records of ``encode_many``'s columns; ``given`` supplies the fields left out."""
        typed = self.typed
        series: list[Iterable[Any]] = []
        sizes = set()
        for name in self.record._fields:
            if name in given:
                series.append(repeat(given[name]))
                continue
            values = columns[name]
            sizes.add(len(values))
            series.append(map(typed[name], values) if name in typed else values)
        if len(sizes) > 1:
            raise ValueError(f"columns of different lengths: {sorted(sizes)}")
        make, record = tuple.__new__, self.record
        return [make(record, row) for row in zip(*series)]


# --- findings ---------------------------------------------------------------------------------

_SEVERITIES = {severity.value: severity for severity in Severity}
_SAFETIES = {safety.value: safety for safety in FixSafety}


def _plain_fix(fix: Fix | None) -> tuple[str, str] | None:
    return None if fix is None else (fix.applicability.value, fix.message)  # edits: not kept


def _typed_fix(value: Sequence[str] | dict[str, str] | None) -> Fix | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return Fix(_SAFETIES[value["applicability"]], value["message"])
    return Fix(_SAFETIES[value[0]], value[1])


def _json_fix(fix: Fix | None) -> dict[str, str] | None:
    return None if fix is None else {"applicability": fix.applicability.value, "message": fix.message}


#: A finding without its path (the file's), as workers send it and the cache keeps it: one
#: column per field, which ``marshal`` stores compactly and decodes fast.
FINDINGS: Codec[Finding] = Codec(
    Finding,
    plain={"severity": lambda severity: severity.value, "fix": _plain_fix},
    typed={"severity": _SEVERITIES.__getitem__, "fix": _typed_fix},
    left_out=("path",),
)

#: A finding with its path, for the summary files where the findings of many files mix: the
#: same values as the JSON output format (``Finding.to_json``) prints, without replacements.
FINDINGS_WITH_PATHS: Codec[Finding] = Codec(
    Finding,
    plain={"severity": lambda severity: severity.value, "hint": lambda hint: hint or None, "fix": _json_fix},
    typed={"severity": _SEVERITIES.__getitem__, "hint": lambda hint: hint or "", "fix": _typed_fix},
)


def fix_kinds(columns: dict[str, Sequence[Any]]) -> Iterable[str]:
    """The applicability of each fix among encoded findings, without decoding them."""
    return (fix[0] for fix in columns["fix"] if fix is not None)


# --- summaries --------------------------------------------------------------------------------

#: The suppressions of an article without any (most): one object for all, which the rules
#: across articles only read.
_NONE = Suppressions()


def _plain_suppressions(suppressions: Suppressions) -> dict[str, Any]:
    return {
        "file": tuple(sorted(suppressions.file)),
        "lines": tuple((line, tuple(sorted(codes))) for line, codes in suppressions.lines.items()),
        "ranges": tuple((start, end, tuple(sorted(codes))) for start, end, codes in suppressions.ranges),
    }


def _typed_suppressions(value: dict[str, Any]) -> Suppressions:
    file, lines, ranges = value["file"], value["lines"], value["ranges"]
    if not (file or lines or ranges):
        return _NONE
    return Suppressions(set(file), {int(line): set(codes) for line, codes in lines},
                        [(int(start), int(end), frozenset(codes)) for start, end, codes in ranges])


_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    """One object for a value most summaries repeat (the static roots of a site)."""
    value = tuple(value)
    return _SHARED.setdefault(value, value) if len(_SHARED) < 256 else _SHARED.get(value, value)


def _typed_links(value: Iterable[Sequence[Any]]) -> tuple[LinkRef, ...]:
    make = tuple.__new__
    return tuple([make(LinkRef, link) for link in value])


def _typed_lines(value: dict[str, int]) -> dict[str, int]:
    if not isinstance(value, dict):
        raise TypeError("not a summary")
    return value


def _path(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError("not a summary")
    return value


SUMMARIES: Codec[Summary] = Codec(
    Summary,
    plain={"links": lambda links: tuple(tuple(link) for link in links),
           "ignored": lambda codes: tuple(sorted(codes)),
           "suppressions": _plain_suppressions},
    typed={"path": _path, "links": _typed_links, "lines": _typed_lines, "ignored": frozenset,
           "suppressions": _typed_suppressions, "static_roots": _shared, "pages": _shared,
           "keyphrase_key": tuple, "aliases": tuple, "headings": tuple, "link_forms": tuple,
           "old_slugs": tuple},
)
