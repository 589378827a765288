"""Splitting and loading front matter: formats, positions, duplicates, hostile YAML."""

from __future__ import annotations

import datetime as dt

from seolint.findings import Span
from seolint.source.frontmatter import split


def test_yaml_positions_of_nested_keys_and_items() -> None:
    text = "---\ntitle: Hi\nextra:\n  cover:\n    image: a.png\ntags:\n  - one\n  - two\n---\nBody\n"
    result = split(text)
    fm = result.frontmatter
    assert fm is not None and fm.format == "yaml"
    assert fm.data == {"title": "Hi", "extra": {"cover": {"image": "a.png"}}, "tags": ["one", "two"]}
    assert fm.positions[("title",)] == Span(2, 1, 2, 10)
    assert fm.positions[("extra", "cover", "image")].line == 5
    assert fm.positions[("extra", "cover", "image")].column == 5
    assert fm.positions[("tags", 1)] == Span(8, 5, 8, 8)
    assert (result.body, result.body_line) == ("Body\n", 10)
    assert fm.span("tags", 7) == fm.positions[("tags",)]  # falls back to the parent
    assert fm.span("missing") == Span(1, 1, 1, 4)  # the opening fence


def test_toml_positions_tables_and_arrays_of_tables() -> None:
    text = '+++\ntitle = "x"\ntags = [\n  "a",\n]\n[extra]\nimage = "b.png"\n[[authors]]\nname = "A"\n+++\n'
    fm = split(text).frontmatter
    assert fm is not None and fm.format == "toml"
    assert fm.data == {"title": "x", "tags": ["a"], "extra": {"image": "b.png"}, "authors": [{"name": "A"}]}
    assert fm.positions[("extra", "image")].line == 7
    assert fm.positions[("authors", 0, "name")].line == 9


def test_json_front_matter() -> None:
    text = '{\n  "title": "x",\n  "meta": {"lang": "fr"}\n}\nBody\n'
    result = split(text)
    fm = result.frontmatter
    assert fm is not None and fm.format == "json"
    assert fm.data == {"title": "x", "meta": {"lang": "fr"}}
    assert fm.positions[("title",)].line == 2
    assert fm.positions[("meta", "lang")] .line == 3
    assert result.body_line == 5


def test_duplicate_keys_point_at_the_second_one() -> None:
    fm = split("---\na: 1\nb:\n  c: 1\n  c: 2\na: 3\n---\n").frontmatter
    assert fm is not None
    problems = [(p.code, p.span.line) for p in fm.problems]
    assert problems == [("FM006", 6), ("FM006", 5)] or sorted(problems) == [("FM006", 5), ("FM006", 6)]
    assert fm.data == {"a": 3, "b": {"c": 2}}
    json_dupes = split('{\n"a": 1,\n"a": 2\n}\n').frontmatter
    assert json_dupes is not None and [(p.code, p.span.line) for p in json_dupes.problems] == [("FM006", 3)]


def test_impossible_dates_stay_strings_and_real_ones_are_dates() -> None:
    fm = split("---\na: 2025-02-30\nb: 2025-02-28\n---\n").frontmatter
    assert fm is not None and fm.data == {"a": "2025-02-30", "b": dt.date(2025, 2, 28)}


def test_alias_bomb_is_refused_before_construction() -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += ["---", ""]
    fm = split("\n".join(lines)).frontmatter
    assert fm is not None and fm.data is None
    assert [p.code for p in fm.problems] == ["FM002"]
    assert "aliases" in fm.problems[0].message


def test_no_front_matter_and_unclosed() -> None:
    assert split("# Title\n").frontmatter is None
    unclosed = split("---\ntitle: x\n")
    assert unclosed.frontmatter is None and unclosed.problem is not None
    assert unclosed.problem.code == "FM002" and unclosed.problem.span.line == 1
