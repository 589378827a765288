"""``seolint server`` end to end: a real LSP client drives the server over stdio."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402  (after the skip: the server extra may be absent)

from tests.lsp.client import CRASHING, apply, change, diagnostics, open_document, session  # noqa: E402

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "networking-professionnel-2025.md"

ARTICLE = """\
---
title: "Short 🚀 title"
description: "A guide to the café in Nice, with the opening hours, the menu and the prices, for the visitor who comes from far away."
keywords: café, Nice, menu
slug: cafe-nice
---

Voilà 😀 café: the best. [click here](https://example.org/menu) for the menu.
"""


def run(scenario: Any) -> Any:
    return asyncio.run(scenario)


def cli_findings(seolint: Any, path: Path, text: str) -> list[dict[str, Any]]:
    """What ``seolint check --stdin-filename`` reports for the same text and path."""
    result = subprocess.run([sys.executable, "-m", "seolint", "check", "--no-cache", "--output-format", "json",
                             "--stdin-filename", str(path)], input=text.encode("utf-8"), capture_output=True,
                            cwd=path.parent)
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_reference_article_diagnostics_match_the_cli(tmp_path: Path) -> None:
    if not REFERENCE.is_file():
        pytest.skip("the reference article is not here")
    path = tmp_path / REFERENCE.name
    shutil.copy(REFERENCE, path)

    async def scenario() -> list[types.Diagnostic]:
        async with session() as client:
            uri = open_document(client, path)
            return await diagnostics(client, uri)

    found = run(scenario())
    expected = cli_findings(None, path, path.read_text(encoding="utf-8"))
    assert len(expected) > 5
    assert [(d.code, d.range.start.line + 1, d.message.split("\n\n")[0]) for d in found] == \
        [(f["code"], f["line"], f["message"]) for f in expected]
    assert all(d.source == "seolint" for d in found)
    assert found[0].code_description is None  # no link while seolint has no published home


def test_fixture_diagnostics_count_columns_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> list[types.Diagnostic]:
        async with session() as client:
            uri = open_document(client, path)
            return await diagnostics(client, uri)

    found = {d.code: d for d in run(scenario())}
    assert {"T001", "FM004", "L003"} <= set(found)
    body = ARTICLE.splitlines()[7]
    link = found["L003"].range.start
    assert link.line == 7
    # the emoji takes two UTF-16 units: the column is 2 past the code-point index minus 1
    assert link.character == len(body[: body.index("[")].encode("utf-16-le")) // 2
    assert link.character == body.index("[") + 1
    assert found["T001"].severity == types.DiagnosticSeverity.Warning
    assert found["FM004"].severity == types.DiagnosticSeverity.Error


def test_a_change_that_mends_the_title_clears_t001(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")
    mended = ARTICLE.replace("Short 🚀 title", "The café in Nice: opening hours, menu and prices")

    async def scenario() -> tuple[set[str], set[str]]:
        async with session({"debounce": 50}) as client:
            uri = open_document(client, path)
            before = {str(d.code) for d in await diagnostics(client, uri)}
            change(client, uri, 2, mended)
            after = {str(d.code) for d in await diagnostics(client, uri, 2)}
            return before, after

    before, after = run(scenario())
    assert "T001" in before
    assert "T001" not in after
    assert path.read_text(encoding="utf-8") == ARTICLE  # the unsaved buffer was checked, not the file


def test_the_fm004_quick_fix_equals_seolint_fix(tmp_path: Path, seolint: Any) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> list[types.CodeAction]:
        async with session() as client:
            uri = open_document(client, path)
            found = [d for d in await diagnostics(client, uri) if d.code == "FM004"]
            answer = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(diagnostics=found)))
            return list(answer or [])

    offered = run(scenario())
    fix = next(a for a in offered if a.title.startswith("Fix FM004"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.edit is not None
    fixed = apply(ARTICLE, fix.edit)
    copy = tmp_path / "copy" / "cafe.md"
    copy.parent.mkdir()
    copy.write_text(ARTICLE, encoding="utf-8")
    seolint("fix", str(copy), "--select", "FM004")
    assert fixed == copy.read_text(encoding="utf-8")
    assert "keywords:\n- café\n- Nice\n- menu\n" in fixed or "keywords: [" in fixed or "- café" in fixed
    assert path.read_text(encoding="utf-8") == ARTICLE  # nothing was written


def test_fix_all_and_suppressions(tmp_path: Path, seolint: Any) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> tuple[list[types.CodeAction], list[types.CodeAction], set[str]]:
        async with session() as client:
            uri = open_document(client, path)
            found = await diagnostics(client, uri)
            link = next(d for d in found if d.code == "L003")
            source = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), link.range,
                types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source])))
            quick = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), link.range, types.CodeActionContext(diagnostics=[link])))
            line = next(a for a in quick or [] if a.title == "Disable L003 for this line")
            assert line.edit is not None
            change(client, uri, 2, apply(ARTICLE, line.edit))
            after = {str(d.code) for d in await diagnostics(client, uri, 2)}
            return list(source or []), list(quick or []), after

    source, quick, after = run(scenario())
    assert [a.kind for a in source] == ["source.fixAll.seolint"]
    assert source[0].edit is not None
    seolint("fix", str(path))
    assert apply(ARTICLE, source[0].edit) == path.read_text(encoding="utf-8")
    assert "Disable L003 for this file" in [a.title for a in quick]
    assert "L003" not in after and "T001" in after


def test_hover_shows_the_rule_docs_and_the_serp_preview(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE.replace("Short 🚀 title", "A very long title about the café in Nice, its menu, "
                                    "its opening hours and its prices"), encoding="utf-8")

    async def scenario() -> types.Hover | None:
        async with session() as client:
            uri = open_document(client, path)
            await diagnostics(client, uri)
            return await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(1, 3)))

    hover = run(scenario())
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert "**SERP preview** (~" in text and "Google cuts it after" in text
    assert "**T001** `title-length`: Title is" in text
    assert "## What it does" in text and "## Why is this bad?" in text


def test_a_crashing_rule_gives_run002_and_the_server_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> tuple[list[types.Diagnostic], list[types.Diagnostic]]:
        async with session(command=CRASHING) as client:
            uri = open_document(client, path)
            first = await diagnostics(client, uri)
            change(client, uri, 2, ARTICLE.replace("café", "cafe"))
            return first, await diagnostics(client, uri, 2)

    first, second = run(scenario())
    for found in (first, second):
        codes = [d.code for d in found]
        assert "RUN002" in codes and "T001" not in codes and "FM004" in codes
        crash = next(d for d in found if d.code == "RUN002")
        assert "Rule T001 (title-length) crashed: RecursionError" in crash.message


def test_a_config_typo_is_a_diagnostic_on_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")
    config = tmp_path / "seolint.toml"
    config.write_text('lang = "en"\nignnore = ["T001"]\n', encoding="utf-8")

    async def scenario() -> tuple[list[types.Diagnostic], list[types.ShowMessageParams], set[str]]:
        async with session() as client:
            uri = open_document(client, path)
            broken = await diagnostics(client, config.as_uri(), None)
            await diagnostics(client, uri)
            messages = list(client.messages)
            assert [r.method for r in client.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
            config.write_text('lang = "en"\nignore = ["T001"]\n', encoding="utf-8")
            client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
            mended = {str(d.code) for d in await diagnostics(client, uri)}
            return broken, messages, mended

    broken, messages, mended = run(scenario())
    assert len(broken) == 1 and broken[0].range.start.line == 1
    assert "unknown key `ignnore`" in broken[0].message
    assert any("ignnore" in message.message for message in messages)
    assert "T001" not in mended and "FM004" in mended  # the mended config is read again


def test_settings_from_initialization_options(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> set[str]:
        async with session({"seolint": {"ignore": ["T001", "link-text-generic"]}}) as client:
            uri = open_document(client, path)
            return {str(d.code) for d in await diagnostics(client, uri)}

    codes = run(scenario())
    assert "T001" not in codes and "L003" not in codes and "FM004" in codes


def test_settings_from_workspace_configuration(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")

    async def scenario() -> set[str]:
        async with session(settings={"select": ["T", "FM004"], "ignore": "T003"}) as client:
            uri = open_document(client, path)
            codes = {str(d.code) for d in await diagnostics(client, uri)}
            while "L003" in codes:  # the first check may come before the settings do
                codes = {str(d.code) for d in await diagnostics(client, uri)}
            return codes

    assert run(scenario()) == {"T001", "FM004"}


def test_the_cli_never_imports_the_server_libraries(tmp_path: Path) -> None:
    path = tmp_path / "cafe.md"
    path.write_text(ARTICLE, encoding="utf-8")
    probe = ("import sys; from seolint.cli import main; main(['check', '--no-cache', '-q', sys.argv[1]]); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


CAFE = """\
---
title: "The café in Nice: opening hours, menu and prices"
description: "A guide to the café in Nice, with the opening hours, the menu and the prices, for the visitor who comes from far away."
slug: cafe-nice
---

Read [the bakery guide](/bakery-nice/) before you go.
"""


def test_rules_across_articles_read_the_workspace_and_the_open_buffers(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CAFE, encoding="utf-8")
    (tmp_path / "c.md").write_text(CAFE.replace("slug: cafe-nice", "slug: cafe-copy"), encoding="utf-8")
    bakery = CAFE.replace("slug: cafe-nice", "slug: bakery-nice").replace("café", "bakery") \
        .replace("/bakery-nice/", "/cafe-nice/")

    async def scenario() -> tuple[set[str], set[str]]:
        async with session(cwd=tmp_path) as client:
            uri = open_document(client, tmp_path / "a.md")
            codes: set[str] = set()
            while "X001" not in codes:  # until the index is built and the buffer checked again
                codes = {str(d.code) for d in await diagnostics(client, uri)}
            # b.md exists only in the editor, unsaved: the link to it resolves
            open_document(client, tmp_path / "b.md", bakery)
            change(client, uri, 2, CAFE + "\nOne more line.\n")
            after = {str(d.code) for d in await diagnostics(client, uri, 2)}
            while "X005" in after:  # until the rules across articles ran again with b.md
                after = {str(d.code) for d in await diagnostics(client, uri, 2)}
            return codes, after

    before, after = run(scenario())
    assert {"X001", "X002", "X005"} <= before
    assert "X005" not in after and "X001" in after
    assert not (tmp_path / "b.md").exists()
