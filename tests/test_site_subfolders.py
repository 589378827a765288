"""The rules across articles give the same findings whatever folder of a site is passed:
``seolint check site/sub/`` reports on sub's articles what ``seolint check site/`` does, on
the fixture sites of every generator (``tests/fixtures/sites/<generator>/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES

SITES = FIXTURES / "sites"
ARTICLES = (".md", ".mdx", ".markdown")


def _subfolders(site: Path) -> list[Path]:
    """Every folder below the site root that holds an article, at any depth."""
    return sorted({path.parent for path in site.rglob("*") if path.suffix in ARTICLES} - {site})


def _cross(seolint: Any, site: Path, folder: str) -> set[tuple[str, str, int, str]]:
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X", folder, cwd=site)
    assert result.code in (0, 1), result.err
    return {(f["path"], f["code"], f["line"], f["message"]) for f in result.json()}


CASES = [(site.name, sub.relative_to(site).as_posix()) for site in sorted(SITES.iterdir()) if site.is_dir()
         for sub in _subfolders(site)]


@pytest.mark.parametrize(("site", "sub"), CASES, ids=[f"{site}:{sub}" for site, sub in CASES])
def test_cross_article_findings_do_not_depend_on_the_folder_passed(seolint: Any, site: str, sub: str) -> None:
    root = SITES / site
    whole = {found for found in _cross(seolint, root, ".") if found[0].startswith(f"{sub}/")}
    assert _cross(seolint, root, sub) == whole


def test_an_unpublished_page_is_no_article_in_a_run_over_a_subfolder(seolint: Any, tmp_path: Path) -> None:
    """A headless bundle's pages are not pages: a run over a subfolder, which sketches the
    rest of the site, leaves them out as a whole run does (no duplicate title with them)."""
    (tmp_path / "hugo.toml").write_text("baseURL = 'https://example.org/'\n", encoding="utf-8")
    page = "---\ntitle: {0}\ndescription: What the {0} object holds and how templates read it.\n---\n\nText.\n"
    for name, text in (("glossary/index.md", "---\nheadless: true\n---\n"), ("glossary/site.md", page.format("Site")),
                       ("functions/site.md", page.format("Site")), ("functions/page.md", page.format("Page"))):
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    whole = {found for found in _cross(seolint, tmp_path, ".") if found[0].startswith("content/functions/")}
    assert not any(code == "X001" for _, code, _, _ in whole)
    assert _cross(seolint, tmp_path, "content/functions") == whole
