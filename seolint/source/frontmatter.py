"""Split front matter from the body and load it, knowing where every key stands.

The fences are found with python-frontmatter's handlers (YAML ``---``, TOML ``+++``, JSON
``{``…``}``). Loading is ours, because the handlers keep no positions:

- YAML is composed with PyYAML's safe loader into a node graph, which carries the line and
  column of every key and item. Duplicate keys and alias expansion are checked on that graph
  before anything is constructed; only the safe constructor ever runs, so no tag can build a
  Python object.
- JSON is loaded with :mod:`json` and, being a YAML subset, composed by PyYAML for positions.
- TOML is loaded with :mod:`tomllib` and its keys located by a small line scanner
  (:mod:`.tomlkeys`).

Every line and column here is whole-file and 1-based.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import yaml
from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

from seolint.i18n import msg
from seolint.findings import Span
from seolint.source.tomlkeys import locate_keys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

Format = Literal["yaml", "toml", "json"]
KeyPath = tuple["str | int", ...]

#: Composed nodes reached again through aliases before a document counts as an alias bomb.
MAX_NODES = 20_000
#: Collections open at once before front matter counts as hostile: libyaml's composer
#: recurses in C, and a hundred thousand levels crash the process rather than raise.
MAX_DEPTH = 100


class TOMLHandler(BaseHandler):
    """python-frontmatter only defines its TOML handler when the old ``toml`` package exists."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"


HANDLERS: tuple[tuple[Format, BaseHandler], ...] = (
    ("yaml", YAMLHandler()),
    ("toml", TOMLHandler()),
    ("json", JSONHandler()),
)


class Problem(NamedTuple):
    code: str  # FM002 or FM006
    message: str
    span: Span
    hint: str = ""


@dataclass
class FrontMatter:
    format: Format
    raw: str
    first_line: int  # the opening fence's line
    last_line: int  # the closing fence's line
    data: dict[str, Any] | None  # None when it could not be loaded
    positions: dict[KeyPath, Span] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def span(self, *path: str | int) -> Span:
        """Where a key stands, else its closest located parent, else the opening fence."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return Span(self.first_line, 1, self.first_line, 4)


class Split(NamedTuple):
    frontmatter: FrontMatter | None
    body: str
    body_line: int  # the line of the file on which the body starts
    problem: Problem | None = None


def split(text: str, positions: bool = True, keys: frozenset[str] | None = None) -> Split:
    """Separate the front matter from the body of a newline-normalized text.

    Without ``positions`` the values are the same, but where each key stands is not
    recorded (nor duplicate keys): three times faster, for a scan of a whole site. With
    ``keys`` too, only the values of these top-level keys are built (YAML without aliases;
    the whole text is still parsed, so a syntax error anywhere is still one)."""
    for fmt, handler in HANDLERS:
        if not handler.detect(text):
            continue
        assert handler.FM_BOUNDARY is not None
        fences = handler.FM_BOUNDARY.finditer(text)
        opening = next(fences)
        closing = next(fences, None)
        if closing is None:
            return Split(None, text, 1, _unclosed(fmt, text))
        close_line = text.count("\n", 0, closing.start()) + 1
        raw = text[opening.end() : closing.start()]
        if fmt == "json":
            raw = "{" + raw + "}"
        fm = _load(fmt, raw, text.count("\n", 0, opening.end()), close_line, positions, keys)
        body_start = text.find("\n", closing.start())
        body = "" if body_start < 0 else text[body_start + 1 :]
        return Split(fm, body, close_line + 1)
    return Split(None, text, 1)


def _unclosed(fmt: Format, text: str) -> Problem:
    fence = {"yaml": "---", "toml": "+++", "json": "}"}[fmt]
    first = text.split("\n", 1)[0]
    return Problem(
        "FM002",
        msg("The {format} front matter opened on line 1 is never closed", format=fmt.upper()),
        Span.at_line(1, first),
        msg("Add a line with `{fence}` after the last front-matter key.", fence=fence),
    )


def _load(fmt: Format, raw: str, offset: int, close_line: int, positions: bool = True,
          keys: frozenset[str] | None = None) -> FrontMatter:
    """Load ``raw``, whose first line is line ``offset + 1`` of the file."""
    fm = FrontMatter(fmt, raw, 1, close_line, None)
    lines = raw.split("\n")
    try:
        if fmt == "yaml":
            _load_yaml(fm, raw, offset, lines, positions, keys)
        elif fmt == "toml":
            _load_toml(fm, raw, offset, lines, positions)
        else:
            _load_json(fm, raw, offset, lines, positions)
    except _LoadError as error:
        fm.data = None
        fm.problems.append(error.problem)
        return fm
    except RecursionError:
        fm.data = None
        fm.problems.append(
            Problem("FM002", msg("The front matter nests too deeply to read"), _line_span(lines, 0, offset))
        )
        return fm
    if not isinstance(fm.data, dict):
        kind = {list: msg("a list"), str: msg("plain text"), int: msg("a number"), float: msg("a number"),
                bool: msg("a boolean"), type(None): msg("a null value")}.get(type(fm.data), msg("a value"))
        fm.problems.append(
            Problem(
                "FM002",
                msg("The front matter is {kind}, not a set of `key: value` fields", kind=kind),
                Span(1, 1, 1, 4),
                msg("Write one `key: value` pair per line between the fences."),
            )
        )
        fm.data = None
    return fm


class _LoadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _line_span(lines: list[str], index: int, offset: int) -> Span:
    """The span of line ``index`` (0-based, within ``lines``) in file coordinates."""
    index = max(0, min(index, len(lines) - 1))
    return Span.at_line(index + offset + 1, lines[index] if lines else "")


# --- YAML -------------------------------------------------------------------------------

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, but an impossible date (2025-02-30) stays a string for FM007."""

    def construct_lenient_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_lenient_timestamp)


def _check_depth(raw: str, offset: int, lines: list[str]) -> None:
    """Refuse deep nesting from the event stream, which libyaml produces without recursing."""
    depth = 0
    for event in yaml.parse(raw, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _LoadError(
                    Problem(
                        "FM002",
                        msg("The front matter nests more than {depth} levels deep", depth=MAX_DEPTH),
                        _line_span(lines, event.start_mark.line if event.start_mark else 0, offset),
                        msg("Front matter this deep is not metadata; flatten it."),
                    )
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _may_nest_deeply(raw: str) -> bool:
    """Whether YAML text could nest more than ``MAX_DEPTH`` collections: each one needs an
    indicator of its own (``[``, ``{``, ``-``, ``?`` or a key's ``:``)."""
    return sum(raw.count(mark) for mark in "[{-?:") > MAX_DEPTH


def _load_yaml(fm: FrontMatter, raw: str, offset: int, lines: list[str], positions: bool = True,
               keys: frozenset[str] | None = None) -> None:
    loader = _Loader(raw)
    try:
        if positions or _may_nest_deeply(raw):
            _check_depth(raw, offset, lines)
        node = loader.get_single_node()
        if node is None:
            fm.data = {}
            return
        if positions or "*" in raw:  # without an alias, no value is expanded: nothing to count
            _walk(node, (), fm, offset, lines)
        elif keys is not None and isinstance(node, yaml.MappingNode):
            fm.data = {loader.construct_object(key): loader.construct_object(value, deep=True)
                       for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value in keys}
            return
        fm.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and mark is not None and mark.line >= len(lines) - 1:
            mark = error.context_mark  # ran off the end (an unclosed quote): where it opened
        index = mark.line if mark is not None else 0
        what = error.problem or str(error)
        tag = re.search(r"tag '([^']+)'", what)
        if isinstance(error, yaml.constructor.ConstructorError) and tag:
            shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            message = msg("YAML tag `{tag}` is not allowed", tag=shown)
            hint = msg("seolint reads plain data only; remove the tag.")
        else:
            context = f"{error.context}, " if error.context else ""
            message = msg("YAML syntax error: {error}", error=f"{context}{what}")
            hint = msg("Check quoting and indentation on this line and the one before.")
        raise _LoadError(Problem("FM002", message, _line_span(lines, index, offset), hint)) from None
    except yaml.YAMLError as error:
        raise _LoadError(
            Problem("FM002", msg("YAML error: {error}", error=str(error)), _line_span(lines, 0, offset))
        ) from None
    finally:
        loader.dispose()


def _walk(root: yaml.Node, path: KeyPath, fm: FrontMatter, offset: int, lines: list[str]) -> None:
    """Record positions and duplicate keys; refuse graphs that aliases blow up: only a node
    reached again (through an alias) counts, so long plain front matter is not a bomb."""
    budget = MAX_NODES
    visited: set[int] = set()
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, path)]
    while stack:
        node, here = stack.pop()
        if id(node) in visited:
            budget -= 1
        else:
            visited.add(id(node))
        if budget < 0:
            raise _LoadError(
                Problem(
                    "FM002",
                    msg("The YAML expands to more than {count:,} values through aliases", count=MAX_NODES),
                    _line_span(lines, 0, offset),
                    msg("Front matter this large is almost certainly an alias bomb; remove the aliases."),
                )
            )
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                if key == "<<":
                    stack.append((value_node, here))
                    continue
                span = _node_span(key_node, value_node, offset, lines)
                if key in seen:
                    fm.problems.append(_duplicate(key, here, span, seen[key]))
                seen[key] = span.line
                fm.positions[(*here, key)] = span  # the last one is the one in effect
                stack.append((value_node, (*here, key)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                fm.positions.setdefault((*here, index), _node_span(item, item, offset, lines))
                stack.append((item, (*here, index)))


def _node_span(start: yaml.Node, end: yaml.Node, offset: int, lines: list[str]) -> Span:
    line = start.start_mark.line
    column = start.start_mark.column
    if end.end_mark.line == line:
        end_column = end.end_mark.column
    else:
        end_column = len(lines[line].rstrip()) if line < len(lines) else column
    return Span(line + offset + 1, column + 1, line + offset + 1, max(end_column, column) + 1)


def _duplicate(key: str, parent: KeyPath, span: Span, first_line: int) -> Problem:
    where = ".".join(str(part) for part in (*parent, key))
    return Problem(
        "FM006",
        msg("Key `{key}` appears twice (first on line {line}): parsers keep only the last", key=where, line=first_line),
        span,
        msg("Delete one of the two, keeping the value you mean."),
    )


# --- JSON -------------------------------------------------------------------------------


def _load_json(fm: FrontMatter, raw: str, offset: int, lines: list[str], positions: bool = True) -> None:
    try:
        fm.data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _LoadError(
            Problem(
                "FM002",
                msg("JSON syntax error: {error}", error=error.msg),
                _line_span(lines, error.lineno - 1, offset),
                msg("Check commas and quotes; JSON needs double quotes around keys and strings."),
            )
        ) from None
    if not positions:
        return
    # JSON is (nearly) a YAML subset: compose it for positions and duplicate keys only.
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        if node is not None:
            _walk(node, (), fm, offset, lines)
    except yaml.YAMLError:
        pass  # positions fall back to the opening fence
    finally:
        loader.dispose()


# --- TOML -------------------------------------------------------------------------------

_TOML_LOCATION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _load_toml(fm: FrontMatter, raw: str, offset: int, lines: list[str], positions: bool = True) -> None:
    try:
        fm.data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_LOCATION.search(message)
        index = int(found.group(1)) - 1 if found else 0
        text = _TOML_LOCATION.sub("", message).strip()
        raise _LoadError(
            Problem(
                "FM002",
                msg("TOML syntax error: {error}", error=text),
                _line_span(lines, index, offset),
                msg("Check quoting on this line; TOML strings need quotes and keys may appear once."),
            )
        ) from None
    if positions:
        locate_keys(fm.positions, offset, lines)


