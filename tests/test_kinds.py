"""What a page is (seolint.source.profiles.kinds): dated content, documentation or a page,
and the rules each kind is spared, on the small sites of tests/fixtures/sites/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from seolint.source.profiles import detect
from seolint.source.profiles.kinds import dated_url, page_kind
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"
NOISE = "K001,I001,C001,S005,L002,X006,FM003,T001"


def codes(seolint: Any, *args: Path | str, select: str = NOISE) -> list[tuple[str, str]]:
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", select, *args)
    return sorted((Path(f["path"]).name, f["code"]) for f in result.json())


@pytest.mark.parametrize(("generator", "relative", "expected"), [
    ("mkdocs", "docs/setup.md", "docs"),
    ("mkdocs", "docs/blog/posts/hello.md", "dated"),
    ("vitepress", "src/guide/intro.md", "docs"),
    ("docusaurus", "docs/setup.md", "docs"),
    ("docusaurus", "blog/2019-05-30-welcome.md", "dated"),
    ("astro", "src/content/docs/guides/routing.md", "docs"),
    ("jekyll", "_docs/usage.md", "docs"),
    ("jekyll", "_posts/2021-06-24-released.md", "dated"),
    ("hugo", "content/en/docs/install.md", "docs"),
    ("hugo", "content/en/posts/hello.md", "dated"),
    ("nextjs", "pages/about.mdx", "page"),
    ("zola", "content/blog/path-key.md", "dated"),
    ("eleventy", "src/blog/hello.md", "dated"),
    ("eleventy", "src/blog/blog.md", "page"),  # the folder's index, `/blog/`: the list of posts
])
def test_the_profile_says_what_a_page_is(generator: str, relative: str, expected: str) -> None:
    path = (SITES / generator / relative).absolute()
    data = {"path": "2021/06/24/path-key"} if relative.endswith("path-key.md") else {}
    assert page_kind(detect(path.parent), path.as_posix(), data) == expected


def test_docs_pages_are_spared_the_rules_that_are_noise_there(seolint: Any) -> None:
    # A Starlight site without its astro.config: documentation, known from src/content/docs.
    assert codes(seolint, SITES / "starlight") == [("routing.md", "T001")]  # 7 < docs-min 10
    # A blog post keeps every rule.
    assert ("hello.md", "K001") in codes(seolint, SITES / "hugo" / "content" / "en" / "posts")


def test_starlight_layout_without_config(seolint: Any) -> None:
    profile = detect(SITES / "starlight" / "src" / "content" / "docs" / "fr" / "guides")
    assert profile is not None and profile.generator == "astro" and profile.config_file is None
    assert profile.languages == ("fr",)
    out = seolint("site", SITES / "starlight").out
    assert "src/content/docs without astro.config" in out and "[docs, fr]" in out


def test_a_copied_starlight_docs_folder_is_docs(seolint: Any, write: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    head = "---\ntitle: Les composants du framework\ndescription: d\n"
    write("guides/a.mdx", head + "---\n\nimport { Steps } from '@astrojs/starlight/components';\n\nTexte.\n")
    write("guides/b.mdx", head + "i18nReady: true\n---\n\nTexte.\n")
    write("news/c.md", head + "---\n\nTexte.\n")  # no sign of Starlight: dated, as before
    assert codes(seolint, tmp_path, select="FM003,K001") == [("c.md", "FM003"), ("c.md", "K001")]


def test_a_microsoft_learn_page_is_docs(seolint: Any, write: Any, tmp_path: Path) -> None:
    """cpp-docs: docfx's `ms.date` and `ms.topic` keys, no generator file in the folder."""
    (tmp_path / ".git").mkdir()
    head = "---\ntitle: Game Development with C++\ndescription: d\n"
    write("build/a.md", head + 'ms.date: "02/26/2019"\nms.topic: "overview"\n---\n\nText.\n')
    write("news/c.md", head + "---\n\nText.\n")
    assert codes(seolint, tmp_path, select="FM003,K001") == [("c.md", "FM003"), ("c.md", "K001")]


def test_kind_ignore_and_page_kinds_in_config(seolint: Any, write: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write("mkdocs.yml", "site_name: X\n")
    write("docs/setup.md", "---\ntitle: Setting up the project on a new machine\ndescription: d\n---\n\nText.\n")
    write("docs/news/launch.md", "---\ntitle: We launched the project on a new machine\ndescription: d\n---\n\nText.\n")
    assert codes(seolint, tmp_path, select="K001,FM003") == []
    write("seolint.toml", '[site]\nkind-ignore = { docs = ["I001"] }\npage-kinds = { "docs/news/**" = "dated" }\n')
    assert codes(seolint, tmp_path, select="K001,FM003,I001") == [
        ("launch.md", "FM003"), ("launch.md", "I001"), ("launch.md", "K001"), ("setup.md", "K001")]
    write("seolint.toml", '[site]\nkind-ignore = { docs = ["Z999"] }\n')
    result = seolint("check", "--no-cache", tmp_path)
    assert result.code == 2 and "Z999" in result.err


@pytest.mark.parametrize(("value", "expected"), [
    ("2021/06/24/x", ("2021", "06", "24")),
    ("inside-rust/2020/07/27/1.45.1-prerelease", ("2020", "07", "27")),
    ("/2021-06-24-x", ("2021", "06", "24")),
    ("releases/latest", None),
    ("2021/13/24/x", None),
])
def test_a_date_in_a_url_key(value: str, expected: tuple[str, str, str] | None) -> None:
    assert dated_url({"path": value}) == expected


def test_a_dated_path_key_gives_the_date_and_the_url(seolint: Any, write: Any, tmp_path: Path) -> None:
    assert codes(seolint, SITES / "zola", select="FM003,S005") == []
    (tmp_path / ".git").mkdir()  # rust-blog's copy: no generator file
    write("inside-rust/a.md", '+++\npath = "inside-rust/2020/07/27/a"\ntitle = "A"\ndescription = "d"\n+++\n\nText.\n')
    write("b.md", '+++\ntitle = "B"\ndescription = "d"\n+++\n\nText.\n')
    assert codes(seolint, tmp_path, select="FM003,S005") == [("b.md", "FM003"), ("b.md", "S005")]


def test_an_old_slug_still_leads_to_the_article(seolint: Any, write: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # putaindecode: `oldSlug` was the URL before
    write("articles/2014-06-04-react.md", "---\ntitle: React\ndate: 2014-06-04\noldSlug: js/react\n"
          "slug: introduction-a-react\n---\n\nTexte.\n")
    write("articles/2016-10-04-native.md", "---\ntitle: Native\ndate: 2016-10-04\n---\n\n"
          "Voir [React](/articles/js/react/) et [rien](/articles/js/vue/).\n")
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", "X005,FM005", tmp_path)
    assert [f["message"].split("`")[1] for f in result.json()] == ["/articles/js/vue/"]


def test_style_rules_are_off_on_docs_pages_but_judge_posts(seolint: Any, write: Any, tmp_path: Path) -> None:
    """C007 and C008 judge prose read from start to end: a blog post, not a reference page
    (where "the file is uploaded" names what the reader cares about)."""
    (tmp_path / ".git").mkdir()
    write("mkdocs.yml", "site_name: X\n")
    passive = " ".join(["The file is uploaded by the server.", "The cache is cleared at night.",
                        "The page is rebuilt on every change.", "A log is written to disk."] * 15)
    head = "---\ntitle: How the build works on the server\ndescription: d\n---\n\n"
    write("docs/build.md", head + passive + "\n")
    write("docs/blog/posts/build.md", head.replace("---\n\n", "date: 2025-03-18\n---\n\n") + passive + "\n")
    assert codes(seolint, tmp_path, select="C007,C008") == [("build.md", "C007"), ("build.md", "C008")]
    found = seolint("check", "--no-cache", "--output-format", "json", "--select", "C007,C008", tmp_path).json()
    assert {Path(f["path"]).parent.name for f in found} == {"posts"}
    write("seolint.toml", '[site]\nkind-ignore = { docs = [] }\n')
    assert len(codes(seolint, tmp_path, select="C007,C008")) == 4
