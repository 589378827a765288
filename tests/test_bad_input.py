"""Bad input never crashes the run (DESIGN.md, "Bad input").

Every hostile file yields findings (FM001/FM002/FM006/FM007) or one clear RUN001 line for that
file, never a traceback nor exit code 2, and the run goes on: most cases put the bad file in a
folder next to a good article and check that the good article was still checked (it gets its
own T001 on line 2). Hostile files are generated in tmp_path.
"""

from __future__ import annotations

import re

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from seolint.checks import REGISTRY

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOOD = """---
title: Build a professional network that lasts for years
description: Where to meet people, what to say and how to keep in touch, so that your professional network grows a little every week.
date: 2024-05-02
slug: professional-network
keyphrase: professional network
image: cover.png
---

Text.
"""

#: The neighbour of every bad file: fine but for a short title (T001, warning, line 2).
NEIGHBOUR = GOOD.replace("Build a professional network that lasts for years", "Professional network")

#: An article with findings on several lines and columns, for the encoding comparisons.
FLAWED = """---
title: Networking
descripton: Too short.
date: 2025-02-30
slug: Professional_Network
keyphrase: professional network
image: missing.png
tags:
  - "  spaced  "
---

# Another heading

Some text about a professional network, with a [link](http://example.com) and more words.
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

def assert_sane(result: Any) -> None:
    """No traceback, no internal error, an exit code of 0 or 1 (2 is for usage and bugs)."""
    assert "Traceback" not in result.out + result.err
    assert "internal error" not in result.err, result.err
    assert result.code in (0, 1), result


def lint(seolint: Any, *paths: str | Path) -> tuple[Any, list[dict[str, Any]]]:
    # The rules across articles (X) would compare the bad file with its good neighbour;
    # these tests are about each file on its own.
    result = seolint("check", "--output-format", "json", "--ignore", "X", *paths)
    assert_sane(result)
    return result, result.json()


#: The body rules (C, H, L, E, K005+) also run on these files, so a crash there shows up as
#: RUN002, but the tiny bodies here are too short for them: only these codes are compared.
BODY = ("C", "H", "L", "E", "K005", "K006", "K007", "K008", "T005", "I004", "I005")


def found(findings: list[dict[str, Any]], path: str) -> list[tuple[str, int]]:
    return sorted((f["code"], f["line"]) for f in findings
                  if f["path"] == path and not f["code"].startswith(BODY))


def only(findings: list[dict[str, Any]], path: str, code: str) -> dict[str, Any]:
    [finding] = [f for f in findings if f["path"] == path and f["code"] == code]
    return finding


def neighbour_checked(findings: list[dict[str, Any]], path: str = "good.md") -> None:
    assert ("T001", 2) in found(findings, path), f"{path} was not checked: {findings}"


@pytest.fixture
def folder(write: Any, isolated: Path) -> Path:
    """The current folder, holding the good neighbour article and its cover image."""
    write("cover.png", PNG)
    write("good.md", NEIGHBOUR)
    return isolated


def summary(seolint: Any, *paths: str) -> str:
    result = seolint("check", "--output-format", "concise", *paths)
    assert_sane(result)
    last: str = result.out.splitlines()[-1]
    return last


# --- empty, missing, unclosed ------------------------------------------------------------


def test_empty_file(seolint: Any, write: Any, folder: Path) -> None:
    write("bad.md", b"")
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM001", 1)]
    assert result.code == 1
    neighbour_checked(findings)
    assert summary(seolint, ".").endswith("of 2 files checked.")


def test_no_front_matter(seolint: Any, write: Any, folder: Path) -> None:
    write("bad.md", "# Just a heading\n\nSome text.\n")
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM001", 1)]
    fm001 = only(findings, "bad.md", "FM001")
    assert (fm001["line"], fm001["column"]) == (1, 1)
    assert result.code == 1
    neighbour_checked(findings)


def test_unterminated_yaml_front_matter(seolint: Any, write: Any, folder: Path) -> None:
    write("bad.md", "---\ntitle: Hello\ndescription: World\n\nText.\n")
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 1)]
    assert "never closed" in only(findings, "bad.md", "FM002")["message"]
    assert result.code == 1
    neighbour_checked(findings)


# --- syntax errors point at the parser's line --------------------------------------------


def test_yaml_syntax_error(seolint: Any, write: Any, folder: Path) -> None:
    text = "---\ntitle: Hello\n  description: indented wrongly\ndate: 2024-05-02\n---\n\nText.\n"
    write("bad.md", text)
    raw = "\n".join(text.split("\n")[1:4])  # the lines between the fences, from file line 2
    with pytest.raises(yaml.MarkedYAMLError) as error:
        yaml.safe_load(raw)
    assert error.value.problem_mark is not None
    expected = error.value.problem_mark.line + 2
    assert expected == 3
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", expected)]
    assert only(findings, "bad.md", "FM002")["message"].startswith("YAML syntax error:")
    assert result.code == 1
    neighbour_checked(findings)


def test_toml_syntax_error(seolint: Any, write: Any, folder: Path) -> None:
    text = '+++\ntitle = "Hello"\ndescription = no quotes\ndate = 2024-05-02\n+++\n\nText.\n'
    write("bad.md", text)
    raw = "\n".join(text.split("\n")[1:4])
    with pytest.raises(tomllib.TOMLDecodeError) as error:
        tomllib.loads(raw)
    reported = int(str(error.value).split("at line ")[1].split(",")[0])
    expected = reported + 1  # the opening +++ is file line 1
    assert expected == 3
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", expected)]
    assert only(findings, "bad.md", "FM002")["message"].startswith("TOML syntax error:")
    assert result.code == 1
    neighbour_checked(findings)


def test_json_syntax_error(seolint: Any, write: Any, folder: Path) -> None:
    text = '{\n  "title": "Hello",\n  "description": "World"\n  "date": "2024-05-02"\n}\n\nText.\n'
    write("bad.md", text)
    with pytest.raises(json.JSONDecodeError) as error:
        json.loads(text[: text.index("\n}") + 2])
    expected = error.value.lineno  # the JSON starts on file line 1
    assert expected == 4
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", expected)]
    assert only(findings, "bad.md", "FM002")["message"] == "JSON syntax error: Expecting ',' delimiter"
    assert result.code == 1
    neighbour_checked(findings)


# --- bytes that are not UTF-8 text -------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [PNG * 40, bytes(range(256)) * 8 + b"\x00" + os.urandom(2048)],
    ids=["png", "random-with-nul"],
)
def test_binary_file_named_md(seolint: Any, write: Any, folder: Path, data: bytes) -> None:
    write("bad.md", data)
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 1)]
    assert "binary" in only(findings, "bad.md", "FM002")["message"]
    assert result.code == 1
    neighbour_checked(findings)


def test_invalid_utf8_in_the_middle(seolint: Any, write: Any, folder: Path) -> None:
    data = GOOD.encode().replace(b"Text.", b"Caf\xe9 au lait.")
    assert data.split(b"\n")[9].startswith(b"Caf\xe9")  # line 10
    write("bad.md", data)
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 10)]
    message = only(findings, "bad.md", "FM002")["message"]
    assert "UTF-8" in message and "0xe9" in message and "line 10" in message
    assert result.code == 1
    neighbour_checked(findings)


def _positions(seolint: Any, path: str) -> set[tuple[Any, ...]]:
    _, findings = lint(seolint, path)
    return {(f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings}


def test_bom_and_crlf_keep_positions(seolint: Any, write: Any, folder: Path) -> None:
    write("lf.md", FLAWED)
    write("bom.md", b"\xef\xbb\xbf" + FLAWED.encode())
    write("crlf.md", FLAWED.replace("\n", "\r\n").encode())
    write("bom-crlf.md", b"\xef\xbb\xbf" + FLAWED.replace("\n", "\r\n").encode())
    reference = _positions(seolint, "lf.md")
    assert {("FM005", 3), ("FM007", 4), ("T001", 2)} <= {(c, line) for c, line, *_ in reference}
    assert not {c for c, *_ in reference} & {"FM002", "RUN001", "RUN002"}
    for name in ("bom.md", "crlf.md", "bom-crlf.md"):
        assert _positions(seolint, name) == reference, name


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(seolint: Any, write: Any, folder: Path, encoding: str) -> None:
    bom = b"" if encoding == "utf-16" else {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    write("lf.md", FLAWED)
    write("utf16.md", bom + FLAWED.encode(encoding))
    assert _positions(seolint, "utf16.md") == _positions(seolint, "lf.md")
    write("good16.md", bom + NEIGHBOUR.encode(encoding))
    _, findings = lint(seolint, ".")
    neighbour_checked(findings, "good16.md")
    neighbour_checked(findings)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_bom(seolint: Any, write: Any, folder: Path, encoding: str) -> None:
    """UTF-32 LE's BOM starts with UTF-16 LE's: it was read as UTF-16, "no front matter"."""
    bom = b"" if encoding == "utf-32" else {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[encoding]
    write("lf.md", FLAWED)
    write("utf32.md", bom + FLAWED.encode(encoding))
    assert _positions(seolint, "utf32.md") == _positions(seolint, "lf.md")
    fixed = seolint("fix", "utf32.md", "--output-format", "concise")
    assert "not fixed: UTF-16 and UTF-32 files are checked but not rewritten" in fixed.err + fixed.out
    assert (folder / "utf32.md").read_bytes() == bom + FLAWED.encode(encoding)


@pytest.mark.slow
def test_twenty_megabyte_file(seolint: Any, write: Any, folder: Path) -> None:
    head = NEIGHBOUR.replace("date: 2024-05-02", "date: 2025-02-30")
    line = "A professional network grows a little every week, one conversation at a time.\n"
    write("big.md", head + line * (20_000_000 // len(line) + 1))
    assert (folder / "big.md").stat().st_size > 20_000_000
    result, findings = lint(seolint, ".", "--max-file-size", "30MB")  # over the 10 MB default
    assert {("T001", 2), ("FM007", 4)} <= set(found(findings, "big.md"))
    assert not {code for code, _ in found(findings, "big.md")} & {"FM002", "RUN001", "RUN002"}
    assert result.code == 1
    neighbour_checked(findings)


# --- hostile YAML ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    ['!!python/object/apply:os.system ["touch PWNED"]', '!!python/object/new:os.system ["touch PWNED"]'],
    ids=["apply", "new"],
)
def test_python_tags_are_refused(seolint: Any, write: Any, folder: Path, tag: str) -> None:
    write("bad.md", GOOD.replace("image: cover.png", f"image: {tag}"))
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 7)]
    shown = tag.split(" ")[0]
    assert only(findings, "bad.md", "FM002")["message"] == f"YAML tag `{shown}` is not allowed"
    assert not (folder / "PWNED").exists()
    assert not Path("PWNED").exists()
    assert result.code == 1
    neighbour_checked(findings)


def test_billion_laughs(seolint: Any, write: Any, folder: Path) -> None:
    lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    write("bad.md", "---\ntitle: Laughs\n" + "\n".join(lines) + "\n---\n\nText.\n")
    result, findings = lint(seolint, ".")  # completes: that is the assertion that matters
    assert found(findings, "bad.md") == [("FM002", 1)]
    assert "aliases" in only(findings, "bad.md", "FM002")["message"]
    assert result.code == 1
    neighbour_checked(findings)


def test_many_plain_keywords_are_not_an_alias_bomb(seolint: Any, write: Any, folder: Path) -> None:
    """100,000 keywords without one alias were reported as "expands through aliases"."""
    keywords = "".join(f"  - keyword {number}\n" for number in range(100_000))
    write("many.md", "---\ntitle: Many keywords\nkeywords:\n" + keywords + "---\n\nText.\n")
    result = seolint("check", "many.md", "--select", "FM002", "--no-cache", "--output-format", "concise")
    assert "FM002" not in result.out and result.code == 0


def test_impossible_date(seolint: Any, write: Any, folder: Path) -> None:
    write("bad.md", GOOD.replace("date: 2024-05-02", "date: 2025-02-30"))
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM007", 4)]
    assert "2025-02-30" in only(findings, "bad.md", "FM007")["message"]
    assert result.code == 1
    neighbour_checked(findings)


def test_keys_with_spaces(seolint: Any, write: Any, folder: Path) -> None:
    write("bad.md", GOOD.replace("image: cover.png", 'image: cover.png\nmy title: x\n"quoted key": y'))
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == []
    neighbour_checked(findings)


def test_duplicate_keys_top_level_and_nested(seolint: Any, write: Any, folder: Path) -> None:
    text = GOOD.replace(
        "image: cover.png\n",
        "image: cover.png\nseo:\n  og: first\n  og: second\ntitle: Build a professional network that lasts long\n",
    )
    assert text.split("\n")[9] == "  og: second" and text.split("\n")[10].startswith("title:")
    write("bad.md", text)
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM006", 10), ("FM006", 11)]
    nested, top = sorted((f for f in findings if f["path"] == "bad.md" and f["code"] == "FM006"), key=lambda f: f["line"])
    assert nested["column"] == 3 and "`seo.og`" in nested["message"] and "first on line 9" in nested["message"]
    assert top["column"] == 1 and "`title`" in top["message"] and "first on line 2" in top["message"]
    assert result.code == 1
    neighbour_checked(findings)


@pytest.mark.parametrize(
    ("block", "kind"), [("- a\n- b", "a list"), ("just a sentence", "plain text")], ids=["list", "scalar"]
)
def test_front_matter_not_a_mapping(seolint: Any, write: Any, folder: Path, block: str, kind: str) -> None:
    write("bad.md", f"---\n{block}\n---\n\nText.\n")
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 1)]
    message = only(findings, "bad.md", "FM002")["message"]
    assert f"is {kind}," in message and "not a set of `key: value` fields" in message
    assert result.code == 1
    neighbour_checked(findings)


@pytest.mark.parametrize("block", ["null", "~"])
def test_front_matter_null_scalar(seolint: Any, write: Any, folder: Path, block: str) -> None:
    # regression: a null front matter passed with no finding at all and exit 0
    write("bad.md", f"---\n{block}\n---\n\nText.\n")
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 1)]
    assert "not a set of `key: value` fields" in only(findings, "bad.md", "FM002")["message"]
    assert result.code == 1
    neighbour_checked(findings)


@pytest.mark.parametrize("value", ["5", "", "true"], ids=["int", "null", "bool"])
def test_front_matter_ignore_not_a_list(seolint: Any, write: Any, folder: Path, value: str) -> None:
    # regression: a non-list `seolint: ignore:` raised TypeError outside rule containment (exit 2)
    write("bad.md", GOOD.replace("image: cover.png", f"image: cover.png\nseolint:\n  ignore: {value}"))
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == []
    neighbour_checked(findings)


# --- nesting deep enough to blow a parser's stack -------------------------------------------
# libyaml's composer recurses in C: past ~50,000 levels it segfaults instead of raising, which
# would kill the test process too. Those cases run the CLI in a subprocess.


def lint_in_subprocess(folder: Path) -> tuple[int, list[dict[str, Any]]]:
    process = subprocess.run(
        [sys.executable, "-m", "seolint", "check", "--output-format", "json", "--ignore", "X", "."],
        cwd=folder, capture_output=True, text=True, timeout=300, check=False,
    )
    assert process.returncode in (0, 1), (process.returncode, process.stderr[-500:])
    assert "Traceback" not in process.stdout + process.stderr
    return process.returncode, json.loads(process.stdout)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_deeply_nested_json_toml(seolint: Any, write: Any, folder: Path, fmt: str) -> None:
    # regression: json.loads and tomllib raised RecursionError (exit 2, run aborted)
    nested = "[" * 5000 + "]" * 5000
    if fmt == "json":
        text = '{\n"title": "Deep",\n"a": ' + nested + "\n}\n\nText.\n"
    else:
        text = '+++\ntitle = "Deep"\na = ' + nested + "\n+++\n\nText.\n"
    write("bad.md", text)
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 1)]  # like the alias bomb: the opening fence
    assert "deep" in only(findings, "bad.md", "FM002")["message"]
    assert result.code == 1
    neighbour_checked(findings)


def test_deeply_nested_yaml_flow(write: Any, folder: Path) -> None:
    # regression: `a: [[[...]]]` 100,000 deep segfaulted inside libyaml
    depth = 100_000
    write("bad.md", "---\ntitle: Deep\na: " + "[" * depth + "]" * depth + "\n---\n\nText.\n")
    code, findings = lint_in_subprocess(folder)
    assert found(findings, "bad.md") == [("FM002", 3)]  # the line where it got too deep
    # ours ("nests more than 100 levels deep") or PyYAML >= 6.0.4's own limit ("nesting depth")
    assert re.search(r"deep|depth", only(findings, "bad.md", "FM002")["message"])
    assert code == 1
    neighbour_checked(findings)


def test_deeply_nested_yaml_block_sequences(write: Any, folder: Path) -> None:
    write("bad.md", "---\ntitle: Deep\na:\n  " + "- " * 100_000 + "x\n---\n\nText.\n")
    code, findings = lint_in_subprocess(folder)
    assert [c for c, _ in found(findings, "bad.md")] == ["FM002"]
    assert code == 1
    neighbour_checked(findings)


def test_deeply_nested_yaml_flow_behind_apostrophes(write: Any, folder: Path) -> None:
    depth = 100_000
    line = "a: [x's, " + "[" * depth + "y'z" + "]" * depth + "]"
    write("bad.md", "---\ntitle: Deep\n" + line + "\n---\n\nText.\n")
    code, findings = lint_in_subprocess(folder)
    assert [c for c, _ in found(findings, "bad.md")] == ["FM002"]
    assert code == 1
    neighbour_checked(findings)


# --- paths that are not plain readable files ----------------------------------------------


def test_folder_named_like_an_article(seolint: Any, write: Any, folder: Path) -> None:
    write("x.md/inner.md", "no front matter\n")
    write("x.md/good.md", NEIGHBOUR)
    result, findings = lint(seolint, ".")
    assert found(findings, "x.md/inner.md") == [("FM001", 1)]
    neighbour_checked(findings, "x.md/good.md")
    neighbour_checked(findings)
    assert not [f for f in findings if f["code"] in {"RUN001", "RUN002"}]
    assert result.code == 1
    result, findings = lint(seolint, "x.md")  # given explicitly: still walked as a folder
    assert found(findings, "x.md/inner.md") == [("FM001", 1)]
    neighbour_checked(findings, "x.md/good.md")
    assert summary(seolint, "x.md").endswith("of 2 files checked.")


def test_unreadable_file(seolint: Any, write: Any, folder: Path) -> None:
    if os.geteuid() == 0:  # root reads a chmod 000 file anyway: use a dangling symlink
        (folder / "bad.md").symlink_to(folder / "nowhere.md")
        reason = "does not exist"
    else:
        write("bad.md", GOOD).chmod(0)
        reason = "permission denied"
    try:
        result, findings = lint(seolint, "bad.md", "good.md")
    finally:
        if (folder / "bad.md").exists():
            (folder / "bad.md").chmod(0o644)
    assert found(findings, "bad.md") == [("RUN001", 1)]
    run001 = only(findings, "bad.md", "RUN001")
    assert reason in run001["message"] and "\n" not in run001["message"]
    assert result.code == 1
    neighbour_checked(findings)


def test_explicit_path_that_does_not_exist(seolint: Any, folder: Path) -> None:
    result, findings = lint(seolint, "missing.md", "good.md")
    assert found(findings, "missing.md") == [("RUN001", 1)]
    assert "does not exist" in only(findings, "missing.md", "RUN001")["message"]
    assert result.code == 1
    neighbour_checked(findings)
    assert summary(seolint, "missing.md", "good.md").endswith("of 2 files checked.")


def test_symlink_loop_between_folders(seolint: Any, write: Any, folder: Path) -> None:
    write("a/article.md", NEIGHBOUR)
    (folder / "b").mkdir()
    (folder / "a" / "to_b").symlink_to(folder / "b", target_is_directory=True)
    (folder / "b" / "to_a").symlink_to(folder / "a", target_is_directory=True)
    result, findings = lint(seolint, ".")  # completes
    assert ("T001", 2) in found(findings, "a/article.md")
    assert [f["path"] for f in findings if f["code"] == "T001"] == ["a/article.md", "good.md"]
    assert summary(seolint, ".").endswith("of 2 files checked.")


def test_symlink_loop_between_files_in_a_folder(seolint: Any, folder: Path) -> None:
    # regression: Path.resolve() raised RuntimeError('Symlink loop') during the walk (exit 2)
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    result, findings = lint(seolint, ".")
    assert found(findings, "a.md") == [("RUN001", 1)]
    assert found(findings, "b.md") == [("RUN001", 1)]
    neighbour_checked(findings)


def test_explicit_self_symlink(seolint: Any, folder: Path) -> None:
    # regression: files.discover's Path.resolve() raised RuntimeError('Symlink loop') (exit 2)
    (folder / "self.md").symlink_to("self.md")
    result, findings = lint(seolint, "self.md", "good.md")
    assert found(findings, "self.md") == [("RUN001", 1)]
    neighbour_checked(findings)


def test_dangling_symlink_in_a_walked_folder(seolint: Any, write: Any, folder: Path) -> None:
    # regression: it was reported under its target's path (`nowhere.md`), never given by the user
    write("posts/good.md", NEIGHBOUR)
    (folder / "posts" / "dangling.md").symlink_to(folder / "nowhere.md")
    result, findings = lint(seolint, "posts")
    assert found(findings, "posts/dangling.md") == [("RUN001", 1)]
    neighbour_checked(findings, "posts/good.md")


def test_invalid_utf16_names_the_right_line(seolint: Any, write: Any, folder: Path) -> None:
    # regression: 0x0A bytes were counted in the raw UTF-16 data; Ċ (U+010A) and ਊ (U+0A0A)
    # hold such bytes, so line 15 was reported for a bad code unit on line 8 of 8
    text = "---\ntitle: ĊĊĊ ЊЊ ਊ\ndescription: d\ndate: 2024-05-02\n---\n\nLine seven.\n"
    write("bad.md", b"\xff\xfe" + text.encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"))
    result, findings = lint(seolint, ".")
    assert found(findings, "bad.md") == [("FM002", 8)]
    neighbour_checked(findings)


# --- a rule that raises ------------------------------------------------------------------


def test_crashing_rule_is_contained(
    seolint: Any, write: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(doc: Any, options: Any) -> Any:
        raise RuntimeError("boom on purpose")

    # engine imported REGISTRY by name: patch the shared dict object itself.
    monkeypatch.setitem(REGISTRY, "T001", dataclasses.replace(REGISTRY["T001"], check=boom))
    write("future.md", GOOD.replace("date: 2024-05-02", "date: 2999-01-01"))
    result, findings = lint(seolint, "future.md", "good.md")
    for path in ("future.md", "good.md"):  # the run went on to the next file
        crash = only(findings, path, "RUN002")
        assert crash["message"] == "Rule T001 (title-length) crashed: RuntimeError: boom on purpose"
        assert "\n" not in crash["message"] and crash["severity"] == "error"
        assert (crash["line"], crash["column"]) == (1, 1)
    assert not [f for f in findings if f["code"] == "T001"]
    assert ("FM008", 4) in found(findings, "future.md")  # the other rules still reported
    assert only(findings, "future.md", "FM008")["severity"] == "warning"
    assert result.code == 1  # a crashed file never exits 0, even with only warnings besides
