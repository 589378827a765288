"""Site profiles (seolint.source.profiles): detection, article URLs, and the rules that ask them,
on the small sites of tests/fixtures/sites/<generator>/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seolint.source.profiles import article_url, detect, is_dated, path_language
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"


def url(generator: str, relative: str, data: dict[str, Any] | None = None) -> str | None:
    path = (SITES / generator / relative).absolute()
    profile = detect(path.parent)
    assert profile is not None and profile.generator == generator
    return article_url(profile, path.as_posix(), data or {})


@pytest.mark.parametrize(("generator", "relative", "data", "expected"), [
    ("hugo", "content/en/docs/install.md", {}, "/docs/install/"),
    ("hugo", "content/en/docs/guide/index.md", {}, "/docs/guide/"),
    ("hugo", "content/en/posts/hello.md", {"date": "2021-06-24", "slug": "hello-world"}, "/2021/06/24/hello-world/"),
    ("hugo", "content/fr/docs/install.md", {}, "/fr/docs/install/"),
    ("hugo", "content/en/docs/install.md", {"url": "/elsewhere/"}, "/elsewhere/"),
    ("jekyll", "_docs/usage.md", {}, "/docs/usage/"),
    ("jekyll", "_posts/2021-06-24-released.md", {}, "/news/2021/06/24/released/"),
    ("jekyll", "_docs/install.md", {"permalink": "/docs/installation/"}, "/docs/installation/"),
    ("mkdocs", "docs/setup.md", {}, "/setup/"),
    ("mkdocs", "docs/index.md", {}, "/"),
    ("eleventy", "src/blog/2023-02-08-launch.md", {}, "/blog/launch/"),
    ("eleventy", "src/docs/usage.md", {}, "/docs/usage/"),
    ("vitepress", "src/guide/intro.md", {}, "/guide/intro"),
    ("vitepress", "src/api/index.md", {}, "/api/"),
    ("docusaurus", "docs/01-intro.md", {}, "/docs/intro"),
    ("docusaurus", "blog/2019-05-30-welcome.md", {}, "/blog/2019/05/30/welcome"),
    ("astro", "src/content/docs/fr/guides/routing.md", {}, "/fr/guides/routing/"),
    ("nextjs", "pages/blog/hello.mdx", {}, "/blog/hello"),
    ("zola", "content/blog/2021-06-24-hello.md", {}, "/blog/hello/"),
])
def test_article_url_as_the_generator_builds_it(generator: str, relative: str, data: dict[str, Any], expected: str) -> None:
    assert url(generator, relative, data) == expected


def test_no_generator_file_no_profile(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "posts").mkdir()
    assert detect(tmp_path / "posts") is None


def test_zola_config_is_not_hugo() -> None:
    profile = detect(SITES / "zola" / "content")
    assert profile is not None and profile.generator == "zola"


def test_language_of_a_path() -> None:
    hugo = detect(SITES / "hugo" / "content")
    astro = detect(SITES / "astro")
    assert path_language(hugo, (SITES / "hugo/content/fr/docs/install.md").absolute().as_posix()) == "fr"
    assert path_language(hugo, (SITES / "hugo/content/en/docs/install.md").absolute().as_posix()) == "en"
    assert path_language(astro, (SITES / "astro/src/content/docs/fr/guides/images.md").absolute().as_posix()) == "fr"
    assert path_language(None, "/x/fr/a.md") is None


def test_dated_content() -> None:
    mkdocs = detect(SITES / "mkdocs")
    assert mkdocs is not None
    assert is_dated(mkdocs, (SITES / "mkdocs/docs/blog/posts/hello.md").absolute().as_posix())
    assert not is_dated(mkdocs, (SITES / "mkdocs/docs/setup.md").absolute().as_posix())


def findings(seolint: Any, *paths: Path | str, select: str = "X005,FM003,FM005,S005,I001") -> list[tuple[str, int, str]]:
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", select, *paths)
    return sorted((Path(f["path"]).name, f["line"], f["code"]) for f in result.json())


@pytest.mark.parametrize("generator", ["hugo", "jekyll", "mkdocs", "eleventy", "vitepress", "docusaurus", "astro", "nextjs", "zola"])
def test_only_real_broken_links_are_reported(seolint: Any, generator: str) -> None:
    broken = {"hugo": [("install.md", 12, "X005")], "jekyll": [("install.md", 13, "X005"), ("liquid.md", 10, "X005")],
              "mkdocs": [("index.md", 9, "X005")], "eleventy": [("about.md", 7, "X005")],
              "zola": [("other.md", 6, "X005")]}
    assert findings(seolint, SITES / generator, select="X005") == broken.get(generator, [])


def test_links_to_jekyll_html_pages_lead_to_their_permalink(seolint: Any, tmp_path: Path) -> None:
    # about.md links /showcase/ and /docs/sites/: pages/showcase.html's permalink and alias.
    assert [found for found in findings(seolint, SITES / "jekyll", select="X005") if found[0] == "about.md"] == []
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll", site)
    (site / "_includes").mkdir()  # built into pages, never a page itself
    (site / "_includes" / "card.html").write_text("---\npermalink: /card/\n---\n<p>Card</p>\n", encoding="utf-8")
    # No front matter on line 1: copied as it is, at /pages/snippet.html, never at /snippet/.
    (site / "pages" / "snippet.html").write_text("<p>Snippet</p>\n---\npermalink: /snippet/\n---\n", encoding="utf-8")
    (site / "about.md").write_text("---\ntitle: About\ndescription: d\n---\n\n[Showcase](/showcase/)\n\n"
                                   "[Card](/card/)\n\n[Snippet](/snippet/)\n", encoding="utf-8")
    assert [found for found in findings(seolint, site, select="X005") if found[0] == "about.md"] == [
        ("about.md", 8, "X005"), ("about.md", 10, "X005")]


def test_a_cached_verdict_on_a_link_to_an_html_page_follows_its_permalink(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll", site)
    (site / ".git").mkdir()

    def about() -> list[int]:  # each run its own process, as on the command line (profiles are read once)
        result = subprocess.run([sys.executable, "-m", "seolint", "check", "-q", "--output-format", "json",
                                 "--select", "X005", str(site)], capture_output=True, text=True, check=False)
        return [f["line"] for f in json.loads(result.stdout) if f["path"].endswith("about.md")]

    assert about() == []
    page = site / "pages" / "showcase.html"
    page.write_text(page.read_text(encoding="utf-8").replace("/showcase/", "/gallery/"), encoding="utf-8")
    assert about() == [7]  # the page moved: /showcase/ leads nowhere now, cached or not
    (site / "pages" / "gallery.html").write_text("---\npermalink: /showcase/\n---\n", encoding="utf-8")
    assert about() == []  # a new page took the address


def test_frontmatter_rules_ask_the_profile(seolint: Any) -> None:
    found = findings(seolint, SITES / "hugo", SITES / "mkdocs", SITES / "nextjs", SITES / "jekyll",
                     select="FM003,FM005,S005")
    # Only dated content without a date (and no date in its file name) needs one; generator
    # keys (weight, related, aliases, nav_order, icon) are known; file names are good slugs.
    assert found == [("undated.md", 1, "FM003"), ("undated.md", 1, "FM003")]


def test_page_bundle_cover_counts(seolint: Any, tmp_path: Path) -> None:
    config = tmp_path / "seolint.toml"  # I001 on the docs pages too (off there by default)
    config.write_text("[site]\nkind-ignore = { docs = [] }\n", encoding="utf-8")
    en = findings(seolint, "--config", config, SITES / "hugo" / "content" / "en", select="I001")
    assert ("index.md", 1, "I001") not in en
    fr = findings(seolint, "--config", config, SITES / "hugo" / "content" / "fr", select="I001")
    assert ("index.md", 1, "I001") in fr


def test_same_verdict_whatever_folder_is_passed(seolint: Any) -> None:
    whole = findings(seolint, SITES / "hugo", select="X005")
    part = findings(seolint, SITES / "hugo" / "content" / "en", select="X005")
    assert whole == part == [("install.md", 12, "X005")]


def test_hint_names_the_url_the_article_has(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll", site)
    (site / "_docs" / "usage.md").write_text(
        "---\ntitle: Usage\ndescription: d\n---\n\nSee [install](/docs/install/).\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--select", "X005", site / "_docs" / "usage.md", site)
    assert "served at /docs/installation/" in result.out


def test_relative_links_resolve_against_the_page_url(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    article = "---\ntitle: {0}\ndescription: d\n---\n\n## Start\n\n[b](../b/#start)\n"
    for name in ("fr/a.md", "fr/b.md", "b.md"):
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.format(name), encoding="utf-8")
    # /fr/a/ + ../b/ is /fr/b/ (exists); from the file, ../b/ would have been content/b.md.
    (tmp_path / "content" / "fr" / "b.md").write_text("---\ntitle: B\ndescription: d\n---\n\nNo start here.\n")
    found = findings(seolint, tmp_path / "content", select="X005")
    assert ("a.md", 8, "X005") in found  # fr/b has no #start heading: the page URL was used


def test_site_table_overrides_the_profile(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "seolint.toml").write_text('[site]\ngenerator = "hugo"\ndated = ["notes"]\n', encoding="utf-8")
    page = tmp_path / "content" / "notes" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: A\ndescription: d\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "content" / "docs").mkdir()
    (tmp_path / "content" / "docs" / "b.md").write_text("---\ntitle: B\ndescription: d\n---\n\nText.\n")
    assert findings(seolint, tmp_path / "content", select="FM003") == [("a.md", 1, "FM003")]


def test_seolint_site_prints_what_was_detected(seolint: Any) -> None:
    result = seolint("site", SITES / "jekyll")
    assert result.code == 0
    assert "generator:      jekyll" in result.out
    assert "_posts -> /news/:year/:month/:day/:title/" in result.out
    assert "_posts/2021-06-24-released.md -> /news/2021/06/24/released/" in result.out


def test_seolint_site_without_a_generator(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    result = seolint("site", tmp_path)
    assert result.code == 0 and "No site generator file" in result.out


def test_a_dated_section_list_is_not_dated() -> None:
    hugo = detect(SITES / "hugo")
    assert hugo is not None
    root = (SITES / "hugo/content/en").absolute().as_posix()
    assert not is_dated(hugo, f"{root}/posts/_index.md")
    assert is_dated(hugo, f"{root}/posts/bundle/index.md")


def test_first_h1_is_the_title_where_the_generator_says_so(seolint: Any, tmp_path: Path) -> None:
    assert findings(seolint, SITES / "mkdocs", select="FM003") == [("undated.md", 1, "FM003")]
    (tmp_path / ".git").mkdir()
    page = tmp_path / "untitled.md"
    page.write_text((SITES / "mkdocs/docs/untitled.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert ("untitled.md", 1, "FM003") in findings(seolint, page, select="FM003")  # no site: required


def test_a_page_without_front_matter_is_titled_by_its_h1_where_the_generator_says_so(
    seolint: Any, tmp_path: Path
) -> None:
    """VitePress, MkDocs and Docusaurus take the title from the H1 and need no front matter:
    what such a page lacks is a description, and FM001 says that, not "no title"."""
    (tmp_path / ".vitepress").mkdir()
    (tmp_path / ".vitepress" / "config.ts").write_text("export default {}\n", encoding="utf-8")
    (tmp_path / "faq.md").write_text("# Foire aux questions\n\nVue est un projet.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Quelques notes sans titre.\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", "FM001", tmp_path)
    messages = {Path(item["path"]).name: item["message"] for item in result.json()}
    assert messages["faq.md"].startswith("The page has no front matter: its title comes from the H1")
    assert "no title" in messages["notes.md"]  # no H1: the title is missing too


def test_a_headless_bundle_is_no_page(seolint: Any) -> None:
    common = SITES / "hugo" / "content" / "en" / "_common"
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", common)
    assert {Path(item["path"]).name for item in result.json()} == {"_index.md"}  # the section itself is a page
    assert "not published:  content/en/_common/*" in seolint("site", SITES / "hugo").out


def test_generator_none_turns_the_profile_off(seolint: Any, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll", site)
    (site / "seolint.toml").write_text('[site]\ngenerator = "none"\n', encoding="utf-8")
    assert seolint("site", site / "_docs").out.startswith("No site generator file")


def test_a_broken_generator_config_does_not_stop_the_run(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "hugo.toml").write_text("baseURL = [unclosed\n", encoding="utf-8")
    (tmp_path / "mkdocs").mkdir()
    (tmp_path / "mkdocs" / "mkdocs.yml").write_text("site_name: [x\n  - !!python/name:a.b\n", encoding="utf-8")
    page = tmp_path / "content" / "docs" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: A\ndescription: d\n---\n\n[b](/docs/b/)\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--select", "X005", tmp_path / "content")
    assert result.code == 1 and "/docs/b/" in result.out
    assert detect(tmp_path / "mkdocs") is not None


def _codes(seolint: Any, folder: Path, select: str) -> list[tuple[str, int]]:
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", select, folder)
    return [(Path(item["path"]).name, item["line"]) for item in result.json()]


@pytest.mark.parametrize("hooks", [True, False])
def test_a_comment_heading_on_an_mkdocs_site_with_hooks_is_a_directive(
    seolint: Any, tmp_path: Path, hooks: bool
) -> None:
    """mkdocs-material's own docs write `#### <!-- md:setting x -->`, which a hook turns into
    the heading's text: not an empty heading there, but still one on a site without hooks."""
    config = "site_name: Docs\n" + ("hooks:\n  - hooks/settings.py\n" if hooks else "")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "setup.md").write_text(
        "# Setup\n\n#### <!-- md:setting config.tags_sort_by -->\n\nText.\n\n## \n", encoding="utf-8")
    found = _codes(seolint, tmp_path, "H005")
    assert found == ([("setup.md", 7)] if hooks else [("setup.md", 3), ("setup.md", 7)])


@pytest.mark.parametrize(("generator", "marker", "reported"), [
    ("jekyll", "_config.yml", False), ("eleventy", "eleventy.config.js", False), ("none", None, True),
])
def test_liquid_sites_render_template_variables_in_content(
    seolint: Any, tmp_path: Path, generator: str, marker: str | None, reported: bool
) -> None:
    """Jekyll and Eleventy run Markdown through Liquid: `{{ codeBlock | highlight }}` is
    rendered there (E003 stays quiet); without a generator it is a leftover."""
    (tmp_path / ".git").mkdir()
    if marker:
        (tmp_path / marker).write_text("title: Site\n" if marker.endswith(".yml") else "export default {};\n",
                                       encoding="utf-8")
    (tmp_path / "page.md").write_text("---\ntitle: Page\n---\n\n{{ codeBlock | highlight(\"js\") | safe }}\n",
                                      encoding="utf-8")
    assert (("page.md", 5) in _codes(seolint, tmp_path, "E003")) is reported


def test_an_eleventy_template_with_permalink_false_is_no_page(seolint: Any, tmp_path: Path) -> None:
    """Eleventy renders such a template for use elsewhere (a sidebar) and writes no page."""
    (tmp_path / "eleventy.config.js").write_text("export default {};\n", encoding="utf-8")
    (tmp_path / "sidebar.md").write_text("---\npermalink: false\n---\n\nA list of links.\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("---\npermalink: /page/\n---\n\nA page.\n", encoding="utf-8")
    names = {name for name, _ in _codes(seolint, tmp_path, "FM003,I001,C001")}
    assert names == {"page.md"}


@pytest.mark.parametrize(("config", "reported"), [
    ('defaults:\n- scope:\n    path: ""\n  values:\n    image: /img/og.png\n', set()),
    ('defaults:\n- scope:\n    path: _posts\n  values:\n    image: /img/og.png\n', {"a.md"}),
    ("title: Site\n", {"a.md", "2024-01-02-b.md"}),
])
def test_a_jekyll_default_image_is_every_page_s_cover(
    seolint: Any, tmp_path: Path, config: str, reported: set[str]
) -> None:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "_posts" / "2024-01-02-b.md").write_text("---\ntitle: B\n---\n\nText.\n", encoding="utf-8")
    assert {name for name, _ in _codes(seolint, tmp_path, "I001")} == reported


def test_hugo_params_images_are_every_page_s_cover(seolint: Any, tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('[params]\nimages = ["og.png"]\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    assert _codes(seolint, tmp_path, "I001") == []


def test_vitepress_src_exclude_files_are_no_pages(seolint: Any, tmp_path: Path) -> None:
    """vue-docs-fr excludes `tutorial/**/description.md`: fragments shown inside a page."""
    (tmp_path / ".vitepress").mkdir()
    (tmp_path / ".vitepress" / "config.ts").write_text(
        "export default defineConfig({\n  srcDir: 'src',\n  srcExclude: ['tutorial/**/description.md'],\n})\n",
        encoding="utf-8")
    step = tmp_path / "src" / "tutorial" / "step-1"
    step.mkdir(parents=True)
    (step / "description.md").write_text("# Étape 1\n\nUn fragment.\n", encoding="utf-8")
    (tmp_path / "src" / "tutorial" / "index.md").write_text("# Tutoriel\n\nUne page.\n", encoding="utf-8")
    assert {name for name, _ in _codes(seolint, tmp_path, "FM001,L002")} == {"index.md"}


def test_links_to_the_site_s_own_host_are_internal(seolint: Any, write: Any, tmp_path: Path) -> None:
    # mkdocs.yml's site_url: L001 counts them; X005 follows them, and accepts one that leads
    # to no article (a page a template may make); X006 counts them as inbound links.
    found = findings(seolint, SITES / "mkdocs", select="L001,X005,X006")
    assert not [f for f in found if f[0] in ("absolute.md", "setup.md")]
    # A CNAME file names the host where the config does not (GitHub Pages).
    (tmp_path / ".git").mkdir()
    write("_config.yml", "title: X\n")
    write("CNAME", "blog.example.net\n")
    write("about.md", "---\ntitle: About\n---\n\nSee [the guide](https://blog.example.net/guide.html).\n")
    write("guide.md", "---\ntitle: Guide\n---\n\nText.\n")
    assert findings(seolint, tmp_path, select="L001,X005") == [("guide.md", 5, "L001")]


def test_liquid_destinations_of_markdown_links_are_links(seolint: Any) -> None:
    # markdown-it takes no destination with spaces: `[x]({{ '/a/' | relative_url }})` was text.
    found = findings(seolint, SITES / "jekyll", select="L001,L005,X005,X006,E003")
    assert [f for f in found if f[0] == "liquid.md"] == [("liquid.md", 10, "X005")]
    assert ("usage.md", 1, "X006") not in found
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", "X005", SITES / "jekyll")
    assert "`{{ '/docs/nowhere-else/' | relative_url }}`" in next(f["message"] for f in result.json() if "liquid" in f["path"])


def test_the_site_navigation_links_to_the_pages_it_lists(seolint: Any, tmp_path: Path) -> None:
    config = tmp_path / "seolint.toml"  # X006 on docs pages too (off there by default)
    config.write_text("[site]\nkind-ignore = { docs = [] }\n", encoding="utf-8")
    mkdocs = findings(seolint, "--config", config, SITES / "mkdocs", select="X006")
    assert ("listed.md", 1, "X006") not in mkdocs and ("untitled.md", 1, "X006") in mkdocs
    jekyll = findings(seolint, "--config", config, SITES / "jekyll", select="X006")
    assert ("about.md", 1, "X006") not in jekyll and ("2021-06-24-released.md", 1, "X006") not in jekyll


def test_a_title_is_measured_with_the_site_name_the_site_appends(seolint: Any) -> None:
    # jekyll-seo-tag with `title` in _config.yml: "Released | Example Docs for Static Sites".
    assert findings(seolint, SITES / "jekyll", select="T001") == []
    result = seolint("check", "--no-cache", "-q", "--output-format", "json", "--select", "T001", SITES / "mkdocs")
    messages = {Path(f["path"]).name: f["message"] for f in result.json()}
    assert messages["hello.md"] == ("Title is 12 characters long as results show it with the site's name "
                                    "(“Hello - Test”), under the 30 minimum")
    assert seolint("site", SITES / "mkdocs").out.count("title suffix:   “ - Test”") == 1


def test_a_site_wide_og_image_in_the_config_is_every_page_s_cover(seolint: Any, write: Any, tmp_path: Path) -> None:
    config = tmp_path / "seolint.toml"  # I001 on docs pages too (off there by default)
    config.write_text("[site]\nkind-ignore = { docs = [] }\n", encoding="utf-8")
    assert findings(seolint, "--config", config, SITES / "vitepress", select="I001") == []
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    write("site/.vitepress/config.ts", "export default { title: 'X' }\n")
    write("site/guide.md", "---\ntitle: Guide\n---\n\nText.\n")
    assert findings(seolint, "--config", config, site, select="I001") == [("guide.md", 1, "I001")]


def test_a_templated_destination_holding_an_absolute_url_is_outbound(seolint: Any, write: Any, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write("eleventy.config.js", "export default {};\n")
    write("blog/a.md", "---\ntitle: A\n---\n\nSee [the thread]({{ \"https://twitter.com/x/status/1\" | canonicalTwitterUrl }}).\n")
    assert findings(seolint, tmp_path, select="L001,L002,L004") == [("a.md", 5, "L001")]


@pytest.mark.parametrize(("tabbed", "broken"), [
    ("  - pymdownx.tabbed:\n      combine_header_slug: true\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
     "        kwds:\n          case: lower\n", ["#image", "#logo-icon-fenced"]),
    ("  - pymdownx.tabbed:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n", ["#logo-image", "#logo-icon-fenced"]),
    ("  - pymdownx.tabbed\n", ["#logo-image", "#image", "#logo-icon-fenced"]),
])
def test_content_tabs_have_the_ids_pymdownx_tabbed_gives_them(
    seolint: Any, tmp_path: Path, tabbed: str, broken: list[str]
) -> None:
    """mkdocs-material links `changing-the-logo-and-icons.md#logo-icon-bundled`: with `slugify`
    a tab's id is its title's slug, after its heading's with `combine_header_slug`."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nmarkdown_extensions:\n" + tabbed, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "logo.md").write_text(
        "# Logo and icons\n\n### Logo\n\n=== \":octicons-image-16: Image\"\n\n    Text.\n\n"
        "=== \"... or even me\"\n\n    Text.\n\n```\n=== \"Icon, fenced\"\n```\n", encoding="utf-8")
    links = ["#logo-image", "#image", "#logo--or-even-me", "#logo-icon-fenced"]
    (tmp_path / "docs" / "index.md").write_text(
        "# Home\n\n" + "".join(f"See [the tab](logo.md{link}).\n\n" for link in links), encoding="utf-8")
    result = seolint("check", "--no-cache", "--select", "X005", "--output-format", "json", str(tmp_path))
    found = sorted(finding["message"].split("id `")[1].rstrip("`") for finding in result.json())
    assert found == sorted(link.lstrip("#") for link in [*broken, *(["#logo--or-even-me"] if "combine" not in tabbed else [])])


def test_reference_links_a_liquid_loop_defines_are_links(seolint: Any, tmp_path: Path) -> None:
    """Jekyll's release posts define their references in a loop over issue numbers, with the
    repository's address from `_config.yml`: `[#1037][]` is a link to GitHub, not text."""
    (tmp_path / "_config.yml").write_text("url: https://jekyllrb.com\nrepository: https://github.com/jekyll/jekyll\n",
                                          encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2013-05-08-jekyll-1-0-1-released.md").write_text(
        "---\ntitle: Jekyll 1.0.1 Released\n---\n\nHot on the trails of v1.0, v1.0.1 is out!\n\n"
        "* Add a class name prefix to code blocks ([#1037][])\n* Fix the index build ([#1045][])\n\n"
        "See the [History][] page and the [GitHub Release][].\n\n"
        '{% assign issue_numbers = "1037|1045" | split: "|" %}\n{% for issue in issue_numbers %}\n'
        "[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}\n{% endfor %}\n\n"
        "[History]: /docs/history/#v1-0-1\n[GitHub Release]: {{ site.repository }}/releases/tag/v1.0.1\n",
        encoding="utf-8")
    (tmp_path / "_posts" / "2013-05-09-jekyll-1-0-2-released.md").write_text(
        "---\ntitle: Jekyll 1.0.2 Released\n---\n\nSee [#1050]({{ site.repository }}/issues/1050).\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--select", "L001,L002", "--output-format", "json", str(tmp_path))
    found = sorted((Path(item["path"]).name, item["code"]) for item in result.json())
    assert found == [("2013-05-09-jekyll-1-0-2-released.md", "L001")]


def test_a_directory_data_file_gives_its_pages_a_title(seolint: Any, tmp_path: Path) -> None:
    """Eleventy's data cascade: `docs/quicktips/quicktips.json` computes every quick tip's
    title (`eleventyComputed.title`), two folders down from the input folder."""
    (tmp_path / "eleventy.config.js").write_text('export default function () { return { dir: { input: "src" } }; }\n',
                                                 encoding="utf-8")
    tips = tmp_path / "src" / "docs" / "quicktips"
    tips.mkdir(parents=True)
    (tips / "quicktips.json").write_text('{"layout": "tip.njk", "eleventyComputed": {"title": "Quick Tip: {{ tiptitle }}"}}',
                                         encoding="utf-8")
    (tips / "draft-posts.md").write_text("---\ntiptitle: Draft posts\ndescription: How to keep drafts out.\n---\n\nText.\n",
                                         encoding="utf-8")
    (tmp_path / "src" / "docs" / "untitled.md").write_text("---\ndescription: A page without a title.\n---\n\nText.\n",
                                                          encoding="utf-8")
    result = seolint("check", "--no-cache", "-q", "--select", "FM003", "--output-format", "json", str(tmp_path))
    assert sorted((Path(item["path"]).name, item["message"]) for item in result.json()) == [
        ("untitled.md", "Required field `title` is missing")]
    shown = seolint("site", str(tmp_path))
    assert "data files:     src/docs/quicktips: eleventyComputed" not in shown.out
    assert "src/docs/quicktips: layout, title" in shown.out


def test_an_eleventy_page_titled_by_its_layouts_key_is_not_missing_a_title(seolint: Any, tmp_path: Path) -> None:
    """eleventy-website: the layout takes a post's title from `newstitle`, a docs page's from
    its navigation entry; a page with neither still has no title."""
    (tmp_path / "eleventy.config.js").write_text("export default {};\n", encoding="utf-8")
    pages = {
        "news.md": "---\nnewstitle: Eleventy on YouTube\ndescription: d\n---\n\nText.\n",
        "generator.md": "---\neleventyNavigation:\n  key: Generator Image\ndescription: d\n---\n\nText.\n",
        "subtitled.md": "---\nsubtitle: Not the title\ndescription: d\n---\n\nText.\n",
        "bare.md": "---\ndescription: d\n---\n\nText.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    titles = [path for path, _, code in findings(seolint, tmp_path, select="FM003") if code == "FM003"]
    assert titles == ["bare.md", "subtitled.md"]


def test_a_page_that_includes_a_template_may_have_its_links_there(seolint: Any, tmp_path: Path) -> None:
    """eleventy-website: `{% include "related-build-awesome.njk" %}` lists related posts."""
    (tmp_path / "eleventy.config.js").write_text("export default {};\n", encoding="utf-8")
    head = "---\ntitle: Sponsorship tiers for the project\ndescription: d\n---\n\nText with no link.\n"
    (tmp_path / "with-include.md").write_text(head + '\n{% include "related-build-awesome.njk" %}\n', encoding="utf-8")
    (tmp_path / "without.md").write_text(head, encoding="utf-8")
    assert [path for path, _, _ in findings(seolint, tmp_path, select="L001")] == ["without.md"]


def test_feeds_and_sitemaps_a_plugin_writes_are_there(seolint: Any, tmp_path: Path) -> None:
    """eleventy-website links /blog/feed.xml, written by @11ty/eleventy-plugin-rss."""
    (tmp_path / "eleventy.config.js").write_text("export default {};\n", encoding="utf-8")
    (tmp_path / "blog.md").write_text(
        "---\ntitle: The blog\ndescription: d\n---\n\nSubscribe to [the feed](/blog/feed.xml), read "
        "[the sitemap](/sitemap.xml), or [this](/blog/nowhere.xml).\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "X005", tmp_path)
    assert ["nowhere.xml" in finding["message"] for finding in result.json()] == [True]


def test_a_date_mapping_of_the_blog_plugin_is_its_created_date(seolint: Any, tmp_path: Path) -> None:
    """Material for MkDocs' blog: `date: {created: …, updated: …}`."""
    head = "---\ntitle: A post dated the way the blog plugin dates it\ndescription: d\ndate:\n"
    (tmp_path / "a.md").write_text(head + "  created: 2024-01-02\n  updated: 2024-02-03\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(head + "  created: 2024-02-31\n---\n\nText.\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "--output-format", "json", "--select", "FM003,FM007", tmp_path)
    assert [(Path(f["path"]).name, f["code"]) for f in result.json()] == [("b.md", "FM007")]


def test_the_links_of_a_file_hugo_includes_are_the_pages(seolint: Any) -> None:
    """hugo-docs: `{{% include "/_common/methods/…/to-use-this-method.md" %}}` renders that
    file's links on the page; an include of a missing file brings none."""
    docs = SITES / "hugo" / "content" / "en" / "docs"
    found = findings(seolint, docs / "shared-note.md", docs / "missing-note.md", select="L001")
    assert found == [("missing-note.md", 6, "L001")]


def test_a_cached_page_sees_a_change_to_the_file_it_includes(seolint: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo", site)
    monkeypatch.chdir(site)
    page = "content/en/docs/shared-note.md"

    def codes() -> list[str]:
        result = seolint("check", "-q", "--output-format", "json", "--select", "L001", page)
        return [finding["code"] for finding in result.json()]

    assert codes() == []
    (site / "content/en/_common/see-also.md").write_text("---\n_comment: c\n---\n\nNo link any more.\n",
                                                         encoding="utf-8")
    assert codes() == ["L001"]
    (site / "content/en/_common/see-also.md").unlink()
    assert codes() == ["L001"]
    (site / "content/en/_common/see-also.md").write_text("[The guide](/docs/install/).\n", encoding="utf-8")
    assert codes() == []
