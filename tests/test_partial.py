"""Runs over part of a site (files named, --changed-since, stdin, a folder below the site
root): the rules across articles see the whole site and report on the checked files only,
as a run over the whole site would — through the real command line on real files."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from seolint.site import summaries as site_summaries
from seolint.site.resolve import Site, may_lead_to, names
from seolint.batch.workers import checked
from seolint.engine import Configs, candidates
from seolint.source.frontmatter import split
from seolint.source.document import Document
from seolint.source.facts.links import links
from seolint.source.markdown import link_targets
from tests.conftest import FIXTURES, ROOT


def article(title: str, body: str = "", slug: str | None = None, extra: str = "", about: str = "") -> str:
    """A real-looking article: only the rules across articles matter here."""
    lines = ["---", f"title: {title}", f"description: What {(about or title).lower()} is about, told to a reader "
             "who is choosing between results.", "date: 2024-05-02"]
    if slug:
        lines.append(f"slug: {slug}")
    if extra:
        lines.append(extra)
    return "\n".join([*lines, "---", "", body or "Some text.", ""])


@pytest.fixture
def small(write: Any, isolated: Path) -> Path:
    """en/a.md links to b.md by path and by address; b.md links back."""
    write("en/a.md", article("Remote work tips for the first week in a new team",
                             "Read [the tips](b.md), [again](/en/remote-work-tips/) and [part two](b.md#part-two).",
                             slug="remote-a"))
    write("en/b.md", article("Remote work tips for people who work from home",
                             "## Part one\n\nBack to [a](a.md).\n\n## Part two\n\nText.", slug="remote-work-tips"))
    return isolated


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin:/usr/local/bin"})


def cross(result: Any) -> list[tuple[str, str, int, str]]:
    return sorted((f["path"], f["code"], f["line"], f["message"]) for f in result.json() if f["code"].startswith("X"))


def by_file(result: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for finding in result.json():
        found.setdefault(finding["path"], []).append(finding)
    return found


@pytest.mark.parametrize("cache", [False, True])
def test_one_article_sees_the_articles_it_links_to(seolint: Any, small: Path, cache: bool) -> None:
    (small / ".git").mkdir()  # a git work tree: the site root is its top
    flags = [] if cache else ["--no-cache"]
    result = seolint("check", "--output-format", "json", *flags, "en/a.md")
    assert cross(result) == []
    assert {f["path"] for f in result.json()} == {"en/a.md"}
    (small / "en/a.md").write_text(article("Remote work tips for the first week in a new team",
                                           "[gone](/en/nowhere/) and [no such part](b.md#part-three)."))
    broken = seolint("check", "--output-format", "json", *flags, "en/a.md")
    assert [(code, message.split(":")[0]) for _, code, _, message in cross(broken)] == [
        ("X005", "Link to `/en/nowhere/` leads nowhere"),
        ("X005", "Link to `b.md#part-three`"),
    ]
    assert broken.code == 1


def test_changed_since_sees_the_whole_site(seolint: Any, small: Path) -> None:
    git(small, "init", "-q")
    git(small, "add", ".")
    git(small, "commit", "-qm", "base")
    (small / "en/a.md").write_text(article("Remote work tips for the first week in a new team",
                                           "Read [the tips](/en/remote-work-tips/) and [gone](/en/nowhere/)."))
    result = seolint("check", "--no-cache", "--output-format", "json", "--changed-since", "HEAD")
    assert {f["path"] for f in result.json()} == {"en/a.md"}
    assert [message for _, code, _, message in cross(result)] == [
        "Link to `/en/nowhere/` leads nowhere: no article, alias or static file has that address"]


def test_stdin_sees_the_whole_site(seolint: Any, small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = article("Remote work tips for people who work from home", "[ok](b.md#part-one), [gone](c.md).",
                   about="a new page")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    result = seolint("check", "--no-cache", "--output-format", "json", "--stdin-filename", "en/new.md")
    assert [(path, code, message.split(":")[0]) for path, code, _, message in cross(result)] == [
        ("en/new.md", "X001", "Another article in the same language has the same title"),
        ("en/new.md", "X005", "Link to `c.md` leads nowhere"),
        ("en/new.md", "X006", "No other article links to this one"),
    ]


@pytest.mark.parametrize("cache", [False, True])
def test_batches_give_what_one_run_over_the_site_gives(seolint: Any, write: Any, isolated: Path, cache: bool) -> None:
    write("seolint.toml", 'extend-select = ["X006"]\n')
    write("blog/a.md", article("Networking for freelancers who start out",
                               "[b](b.md#why-it-matters), [c](/blog/c-slug/), [gone](/blog/nope/), [bad](b.md#nope)."))
    write("blog/b.md", article("Networking for freelancers who start out", "## Why it matters\n\n[a](a.md)."))
    write("blog/c.md", article("Conferences worth the ticket", "`[a](a.md)` in code is no link.", slug="c-slug"))
    write("docs/d.md", article("A page nobody links to", "```\n[c](../blog/c.md)\n```",
                               extra="permalink: /blog/c-slug/"))
    write("docs/e.md", article("Another orphan page", "[d](d.md)"))
    flags = ["--output-format", "json"] + ([] if cache else ["--no-cache"])
    whole = by_file(seolint("check", *flags, "."))
    assert {f["code"] for found in whole.values() for f in found} >= {"X001", "X003", "X005", "X006"}
    for batch in (["blog/a.md", "docs/d.md"], ["blog/b.md"], ["blog/c.md", "docs/e.md"]):
        part = by_file(seolint("check", *flags, *batch))
        assert part == {path: whole[path] for path in batch}, batch
    below = by_file(seolint("check", *flags, "docs"))  # a folder below the config's folder
    assert below == {path: found for path, found in whole.items() if path.startswith("docs/")}


def test_a_shared_title_is_reported_on_the_checked_article_only(seolint: Any, write: Any, isolated: Path) -> None:
    write("site/seolint.toml", "")
    write("site/posts/new.md", article("Networking for freelancers who start out", "[old](old.md)", about="new"))
    write("site/posts/old.md", article("Networking for freelancers who start out", "[new](new.md)"))
    write("site/posts/other.md", article("Something else entirely, with its own title"))
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X", "site/posts/new.md")
    assert cross(result) == [("site/posts/new.md", "X001", 2, "Another article in the same language has the same "
                                                             "title: site/posts/old.md")]


def test_other_articles_are_read_from_the_cache_when_fresh(seolint: Any, small: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (small / "seolint.toml").write_text("")
    seolint("check", "--output-format", "json", ".")  # fills the cache
    sketched: list[str] = []
    real_sketch = site_summaries.sketch
    monkeypatch.setattr(site_summaries, "sketch", lambda doc, *rest: sketched.append(doc.display) or real_sketch(doc, *rest))
    assert cross(seolint("check", "--output-format", "json", "en/a.md")) == []
    assert sketched == []
    (small / "en/b.md").write_text(article("Renamed", "## Part one", slug="elsewhere"))
    result = seolint("check", "--output-format", "json", "en/a.md")
    assert sketched == ["en/b.md"]  # changed since it was cached: read again
    assert [message.split(":")[0] for *_, message in cross(result)] == [
        "Link to `/en/remote-work-tips/` leads nowhere", "Link to `b.md#part-two`",
        "No other article links to this one"]  # b.md no longer links to it


def test_excluded_articles_are_not_part_of_the_site(seolint: Any, write: Any, isolated: Path) -> None:
    write("seolint.toml", 'exclude = ["drafts"]\n')
    write("posts/a.md", article("Networking for freelancers who start out"))
    write("drafts/b.md", article("Networking for freelancers who start out"))
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X", "posts/a.md")
    assert cross(result) == []


# --- what a sketch reads, against what a check reads --------------------------------------


def _documents() -> list[Path]:
    found = sorted((FIXTURES / "rules").rglob("*.md")) + sorted((ROOT / "examples").rglob("*.md"))
    return [path for path in found if path.is_file()]


def test_link_targets_find_every_link_the_parser_finds() -> None:
    for path in _documents():
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        parts = split(text)
        settings = Configs().for_file(path).settings_for(path, dt.date(2025, 1, 1))
        doc = Document.from_bytes(path, path.name, path.read_bytes(), settings)
        hrefs = set(link_targets(parts.body))
        lines = text.split("\n")
        missing = [link.href for link in links(doc) if site_summaries.is_internal(link.href, None)
                   and link.href not in hrefs and not _template_start(lines[link.line - 1], link.column)]
        assert all("%" in href for href in missing), (path, missing)  # a parser's escapes, unquoted alike


def _template_start(line: str, column: int) -> bool:
    """A target starting with a template tag (`({% link x.md %}#v3)`): summaries leave it out."""
    start = line.find("](", column - 1)
    return start >= 0 and re.match(r"\s*<?\s*\{[{%]", line[start + 2:]) is not None


def test_a_split_without_positions_reads_the_same_values() -> None:
    keys = frozenset({"title", "description", "slug", "aliases", "lang"})
    for path in _documents():
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        full, light, chosen = split(text), split(text, positions=False), split(text, positions=False, keys=keys)
        data = full.frontmatter.data if full.frontmatter else None
        assert (light.frontmatter.data if light.frontmatter else None) == data, path
        assert (light.body, light.body_line) == (full.body, full.body_line)
        if isinstance(data, dict):
            assert chosen.frontmatter is not None and chosen.frontmatter.data is not None
            assert ({key: value for key, value in chosen.frontmatter.data.items() if key in keys}
                    == {key: value for key, value in data.items() if key in keys}), path


def test_the_link_filter_keeps_every_link_that_leads_to_the_article() -> None:
    """``may_lead_to`` must never drop a link ``Site.resolve`` leads to another article:
    checked over every link of the rule fixtures' sites and the examples."""
    folders = sorted({path.parent for path in (FIXTURES / "rules").glob("X*/*/*.md")}) + [ROOT / "examples"]
    today = dt.date(2025, 1, 1)
    for folder in folders:
        configs = Configs()
        summaries = []
        for candidate in candidates([folder], configs):
            result = checked(candidate, configs.for_file(candidate.name), today)[0]
            if result.summary is not None:
                summaries.append(result.summary)
        summaries.sort(key=lambda summary: summary.path)
        root = folder.as_posix()
        where = Site(site_summaries.Summaries(summaries), root)
        for index, summary in enumerate(summaries):
            for link, target in zip(summary.links, where.targets(index)):
                if target >= 0 and target != index:
                    wanted = names(summaries[target], site_summaries.url_of(summaries[target], root))
                    assert may_lead_to(link.href, summary.base_url, wanted), (summary.display, link.href)


def test_a_crashing_rule_is_reported_on_a_checked_article(seolint: Any, small: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from seolint.checks import REGISTRY

    def crashing(summaries: site_summaries.Summaries, root: str, options: Any) -> Any:
        raise RuntimeError("boom")
        yield  # a generator, as the rules are

    monkeypatch.setitem(REGISTRY, "X006", dataclasses.replace(REGISTRY["X006"], site_check=crashing))
    result = seolint("check", "--no-cache", "--output-format", "json", "en/b.md")  # en/a.md comes first
    crashes = [(f["path"], f["message"]) for f in result.json() if f["code"] == "RUN002"]
    assert crashes == [("en/b.md", "Rule X006 (orphan-article) crashed: RuntimeError: boom")]
    assert result.code == 1


def test_unchecked_articles_get_their_language_without_a_markdown_parse(tmp_path: Path, monkeypatch: Any) -> None:
    """A partial run reads the rest of the site from sketches; their language is detected
    from the raw text, so no unchecked article's Markdown is parsed (a pre-commit run on one
    file of a 10,000-article site stays fast)."""
    from seolint.source.document import Document

    article = tmp_path / "fr.md"
    article.write_text("---\ntitle: Un article\n---\n\n" + "Le réseau est une affaire de patience et de temps. " * 10
                       + "\n\n```\nthe code is in English and it is not prose\n```\n", encoding="utf-8")
    config = Configs().for_file(article)
    doc = Document.from_bytes(article, "fr.md", article.read_bytes(), config.settings_for(article, dt.date.today()))
    summary = site_summaries.sketch(doc)
    assert summary is not None and summary.lang == "fr"
    assert "body" not in doc.__dict__  # the Markdown was never parsed
