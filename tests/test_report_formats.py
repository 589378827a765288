"""The CI formats: github, sarif, junit, gitlab, rdjson and markdown.

Snapshots of each on examples/ live in tests/snapshots/; regenerate them with
``SEOLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_report_formats.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.report import FORMATS, github, gitlab, junit, markdown, rdjson, sarif
from seolint.report._common import fingerprint, report_path

from .conftest import ROOT

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SARIF_SCHEMA = json.loads((Path(__file__).resolve().parent / "schemas" / "sarif-2.1.0.json").read_text("utf-8"))
SUFFIXES = {"github": "txt", "sarif": "sarif", "junit": "xml", "gitlab": "json", "rdjson": "json", "markdown": "md"}

TRICKY_NAME = 'dir with space/été & <x> "q".md'
TRICKY_TEXT = "---\ntitle: été, 100%: a\ndescription: x\n---\n\nSame line.\nSame line.\n"
TRICKY_MESSAGE = 'Title "50%": a, b\nsecond <line> & `code` | pipe\r'


def tricky(path: str = TRICKY_NAME) -> list[Finding]:
    """Findings whose message, hint and path need escaping in every format."""
    return [
        Finding("T001", "title-length", Severity.ERROR, TRICKY_MESSAGE, path, 2, 8, 2, 11,
                hint="Try: 100%, then\nmore", fix=Fix(FixSafety.UNSAFE, "Shorten it")),
        Finding("X999", "not-a-rule", Severity.INFO, "control \x1b char", path, 3, 5, 3, 2),
    ]


@pytest.fixture
def tricky_file(isolated: Path, write: Any) -> str:
    write(TRICKY_NAME, TRICKY_TEXT)
    return TRICKY_NAME


def validate_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    return log


# --- through the command line ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SUFFIXES))
def test_snapshot_of_the_examples(seolint: Any, name: str) -> None:
    result = seolint("check", "--output-format", name, "examples", cwd=ROOT)
    assert result.code == 1, result.err
    snapshot = SNAPSHOTS / f"examples.{name}.{SUFFIXES[name]}"
    if os.environ.get("SEOLINT_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_bytes(result.out.encode("utf-8"))
    assert result.out == snapshot.read_bytes().decode("utf-8"), (
        f"{snapshot.name} is out of date: if the change is intended (a rule or an example changed), "
        "regenerate with SEOLINT_UPDATE_SNAPSHOTS=1 and review the diff")


def test_the_examples_sarif_validates(seolint: Any) -> None:
    log = validate_sarif(seolint("check", "--output-format", "sarif", "examples", cwd=ROOT).out)
    results = log["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("examples/")
                           for r in results)


@pytest.mark.parametrize("name", sorted(SUFFIXES))
def test_every_format_on_a_tricky_file_name(seolint: Any, tricky_file: str, name: str) -> None:
    result = seolint("check", "--output-format", name, ".")
    assert result.code in (0, 1), result.err
    text = result.out
    if name == "github":
        assert "file=dir with space/été & <x> \"q\".md," in text
    elif name == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in validate_sarif(text)["runs"][0]["results"]}
        assert uris == {"dir%20with%20space/%C3%A9t%C3%A9%20%26%20%3Cx%3E%20%22q%22.md"}
    elif name == "junit":
        suites = ET.fromstring(text.encode("utf-8")).findall("testsuite")
        assert [suite.get("name") for suite in suites] == [tricky_file]
    elif name in ("gitlab", "rdjson"):
        data = json.loads(text)
        paths = {item["location"]["path"] for item in (data if name == "gitlab" else data["diagnostics"])}
        assert paths == {tricky_file}
    else:
        assert "dir with space/été &amp; &lt;x&gt; \"q\".md:" in text


def test_report_option_writes_what_the_output_format_prints(seolint: Any, isolated: Path) -> None:
    examples = str(ROOT / "examples" / "fr")
    shown = seolint("check", "--output-format", "gitlab", "--report", "sarif:reports/seolint.sarif", examples)
    printed = seolint("check", "--output-format", "sarif", examples)
    assert json.loads(shown.out)  # the console still gets gitlab
    assert (isolated / "reports" / "seolint.sarif").read_text("utf-8") == printed.out


def test_gitlab_fingerprints_survive_lines_inserted_above(seolint: Any, write: Any, isolated: Path) -> None:
    body = "title: Short\ndescription: Too short.\ndate: 2024-05-02\n---\n\nText.\n"
    write("post.md", "---\n" + body)
    before = json.loads(seolint("check", "--output-format", "gitlab", ".").out)
    write("post.md", "---\n# one\n# two\n" + body)
    after = json.loads(seolint("check", "--output-format", "gitlab", ".").out)
    lines = {issue["check_name"]: issue["location"]["lines"]["begin"] for issue in before}
    moved = {issue["check_name"]: issue["location"]["lines"]["begin"] for issue in after}
    assert moved["T001"] == lines["T001"] + 2  # the title did move
    assert {issue["fingerprint"] for issue in before} == {issue["fingerprint"] for issue in after}


# --- each format on findings that need escaping ---------------------------------------------


def test_github_escapes_as_the_actions_toolkit(tricky_file: str) -> None:
    lines = github.render(tricky(), 1, False).splitlines()
    assert lines[0] == (
        "::error file=dir with space/été & <x> \"q\".md,line=2,col=8,endLine=2,endColumn=11,"
        "title=T001 title-length::Title \"50%25\": a, b%0Asecond <line> & `code` | pipe%0D"
        "%0A%0ATry: 100%25, then%0Amore"
    )
    assert lines[1].startswith("::notice file=dir with space/")
    assert lines[2] == "Found 1 error and 1 info in 1 of 1 file checked."
    assert github.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert github.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github.escape_property("100%3A") == "100%253A"  # % first, so escapes stay literal


def test_sarif_validates_and_describes_every_rule_used(tricky_file: str) -> None:
    log = validate_sarif(sarif.render(tricky(), 1, False))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    assert [rule["id"] for rule in driver["rules"]] == ["T001", "X999"]
    title = driver["rules"][0]
    assert title["help"]["markdown"].startswith("# title-length (T001)")
    # seolint has no published home yet: no link to a page that does not exist (the help is inline)
    assert "helpUri" not in title and "informationUri" not in driver
    assert title["defaultConfiguration"] == {"level": "warning"}
    first, second = run["results"]
    assert first["level"] == "error" and second["level"] == "note"
    assert first["message"]["text"] == TRICKY_MESSAGE + "\n\nTry: 100%, then\nmore"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 11}
    assert second["locations"][0]["physicalLocation"]["region"]["endColumn"] == 5  # never before the start
    assert re.fullmatch(r"[0-9a-f]{16}:1", first["partialFingerprints"]["primaryLocationLineHash"])


def test_sarif_gives_a_path_outside_the_working_folder_as_a_file_uri(tmp_path: Path, write: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    article = write("outside/a b.md", TRICKY_TEXT)
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    log = validate_sarif(sarif.render(tricky(str(article)), 1, False))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": article.as_uri()}


def test_junit_is_valid_xml_whatever_the_text(tricky_file: str) -> None:
    root = ET.fromstring(junit.render(tricky(), 1, False).encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "2"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == tricky_file
    failures = suite.findall("testcase/failure")
    assert failures[0].get("message") == TRICKY_MESSAGE and failures[0].get("type") == "T001"
    assert "fix (unsafe): Shorten it" in (failures[0].text or "")
    assert failures[1].get("message") == "control \ufffd char"


def test_junit_clean_run_is_one_passing_test() -> None:
    root = ET.fromstring(junit.render([], 4, False).encode("utf-8"))
    assert root.get("failures") == "0" and root.get("tests") == "1"
    assert root.findtext("testsuite/testcase/system-out") == "All clear: no findings in 4 files."


def test_gitlab_issues(tricky_file: str) -> None:
    issues = json.loads(gitlab.render(tricky(), 1, False))
    assert [issue["severity"] for issue in issues] == ["major", "info"]
    assert issues[0]["description"] == "T001 " + TRICKY_MESSAGE
    assert issues[0]["check_name"] == "T001"
    assert issues[0]["location"] == {"path": tricky_file, "lines": {"begin": 2, "end": 2}}
    assert len({issue["fingerprint"] for issue in issues}) == 2
    warning = Finding("D001", "description-length", Severity.WARNING, "m", tricky_file, 3, 1, 3, 2)
    assert json.loads(gitlab.render([warning], 1, False))[0]["severity"] == "minor"


def test_identical_lines_get_distinct_fingerprints(tricky_file: str) -> None:
    same = [Finding("E001", "leftover", Severity.WARNING, "m", tricky_file, line, 1, line, 5) for line in (6, 7)]
    assert fingerprint(same[0]) == fingerprint(same[1])  # same code, path and line content
    issues = json.loads(gitlab.render(same, 1, False))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"]
              for r in json.loads(sarif.render(same, 1, False))["runs"][0]["results"]]
    assert hashes[0].endswith(":1") and hashes[1].endswith(":2") and hashes[0][:16] == hashes[1][:16]


def test_fingerprint_falls_back_to_the_message_when_the_line_is_unknown() -> None:
    one = Finding("T001", "title-length", Severity.WARNING, "one", "no/such/file.md", 2, 1, 2, 2)
    assert fingerprint(one) != fingerprint(one._replace(message="two"))
    assert fingerprint(one) == fingerprint(one._replace(line=9, message=" one "))


def test_rdjson_counts_columns_in_utf8_bytes(tricky_file: str) -> None:
    result = json.loads(rdjson.render(tricky(), 1, False))
    assert result["source"] == {"name": "seolint"}
    first, second = result["diagnostics"]
    # line 2 is "title: été, 100%: a": code point 8 is "é" (byte 8), 11 is "," (byte 13)
    assert first["location"] == {"path": tricky_file, "range": {
        "start": {"line": 2, "column": 8}, "end": {"line": 2, "column": 13}}}
    assert first["severity"] == "ERROR" and second["severity"] == "INFO"
    assert first["code"] == {"value": "T001"}
    assert first["message"] == TRICKY_MESSAGE + "\n\nTry: 100%, then\nmore"


def test_markdown_cells_stay_in_their_cell(tricky_file: str) -> None:
    assert markdown.cell("a|b `c`\nd <e> & *f*\\") == r"a\|b \`c\`<br>d &lt;e&gt; &amp; \*f\*\\"
    text = markdown.render(tricky(), 1, False)
    assert text.startswith("## seolint\n\nFound 1 error and 1 info in 1 of 1 file checked.\n")
    assert "| error | 1 |\n| warning | 0 |\n| info | 1 |" in text
    rows = [line for line in text.splitlines() if "T001" in line or "X999" in line]
    assert len(rows) == 2
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells, however the text reads


def test_markdown_all_clear_and_long_reports() -> None:
    assert markdown.render([], 3, False) == "## seolint\n\nAll clear: no findings in 3 files.\n"
    many = [Finding("T001", "title-length", Severity.WARNING, "m", f"{n}.md", 2, 1, 2, 2) for n in range(250)]
    text = markdown.render(many, 250, False)
    assert text.count("| T001 title-length |") == markdown.MAX_ROWS
    assert "… and 50 more:" in text
    assert "… and 220 more articles with findings." in text


def test_markdown_ranks_articles_by_score() -> None:
    def make(path: str, severity: Severity) -> Finding:
        return Finding("T001", "title-length", severity, "m", path, 2, 1, 2, 2)

    findings = [make("calm.md", Severity.INFO), make("bad.md", Severity.ERROR), make("bad.md", Severity.WARNING),
                make("meh.md", Severity.WARNING)]
    text = markdown.render(findings, 5, False)
    assert "| bad.md | 80 | 1 | 1 | 0 |\n| meh.md | 95 | 0 | 1 | 0 |\n| calm.md | 99 | 0 | 0 | 1 |" in text


@pytest.mark.parametrize("name", sorted(SUFFIXES))
def test_every_format_renders_no_findings(name: str) -> None:
    text = FORMATS[name]([], 2, False)
    assert text.endswith("\n")
    if name == "sarif":
        assert validate_sarif(text)["runs"][0]["results"] == []
    elif name in ("gitlab", "rdjson"):
        assert json.loads(text) in ([], {"source": {"name": "seolint"}, "diagnostics": []})


def test_report_paths_are_relative_posix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert report_path("./a/../b/c.md") == "b/c.md"
    assert report_path(str(tmp_path / "x" / "y.md")) == "x/y.md"
    assert report_path("/elsewhere/z.md") == "/elsewhere/z.md"


def test_the_command_line_offers_every_format() -> None:
    from seolint import cli

    assert set(cli.FORMATS) == set(FORMATS)


def test_rule_links_come_from_the_one_configured_home(tricky_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.report import _common

    monkeypatch.setattr(_common, "HOMEPAGE", "https://git.example.org/seo/seolint")
    page = "https://git.example.org/seo/seolint/blob/main/docs/rules/T001.md"
    driver = validate_sarif(sarif.render(tricky(), 1, False))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://git.example.org/seo/seolint"
    assert driver["rules"][0]["helpUri"] == page
    diagnostics = json.loads(rdjson.render(tricky(), 1, False))
    assert diagnostics["diagnostics"][0]["code"] == {"value": "T001", "url": page}
    assert (ROOT / "docs" / "rules" / "T001.md").is_file()  # the page ships with the repository
