"""seolint publish: the gate, every output and its format, determinism, translations, and
hostile input that must never escape --out or its escaping."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import feedparser
import jsonschema
import pytest
from lxml import etree

from seolint.cli import main
from seolint.findings import Finding, Severity
from seolint.publish.command import PublishRequest, run_publish
from seolint.score import WEIGHTS, score

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXAMPLES = ROOT / "examples"
SCHEMAS = ROOT / "schemas"
XSD = Path(__file__).resolve().parent / "schemas"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
BASE = "https://blog.example.org"


# --- helpers ------------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = load_json(SCHEMAS / f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def xsd(name: str, lax: bool = False) -> etree.XMLSchema:
    """A sitemaps.org schema; ``lax`` relaxes its ``##other`` wildcards so that elements of
    other namespaces (xhtml:link) are accepted without a schema of their own."""
    text = (XSD / name).read_bytes()
    if lax:
        text = text.replace(b'processContents="strict"', b'processContents="lax"')
    return etree.XMLSchema(etree.fromstring(text))


def assert_valid(schema: etree.XMLSchema, path: Path) -> etree._ElementTree:
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    return document


def write_article(folder: Path, name: str, front: str, body: str = "Some text. More text here.\n") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def publish_api(src: Path, out: Path, **options: Any) -> int:
    fields: dict[str, Any] = {"base_url": BASE, "drafts": False, "allow_errors": True, "config_path": None}
    fields.update(options)
    return run_publish(PublishRequest(src=src, out=out, **fields))


def files_outside(root: Path, out: Path) -> set[str]:
    """Every path below ``root`` that is not below ``out`` (links not followed)."""
    found = set()
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        if here == out or out in here.parents:
            continue
        found |= {(here / name).relative_to(root).as_posix() for name in [*dirs, *names]}
    return found


# --- the examples -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    assert main(["publish", str(EXAMPLES), "--out", str(out), "--allow-errors"]) == 0
    return out


@pytest.fixture(scope="module")
def index(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_json(site / "index.json")
    return data


def by_path(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {article["path"]: article for article in index["articles"]}


def test_examples_are_published_with_allow_errors(site: Path, index: dict[str, Any]) -> None:
    sources = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.md*")
                     if p.name != "README.md")
    assert sorted(by_path(index)) == sources
    for article in index["articles"]:
        assert (site / article["path"]).is_file()
        folder = site / unquote(article["url"].removeprefix(BASE).strip("/"))
        assert (folder / "head.html").is_file() and (folder / "article.jsonld").is_file()
    assert index["base_url"] == BASE  # from examples/seolint.toml
    assert sorted(p.name for p in site.glob("feed.*.xml")) == ["feed.en.xml", "feed.fr.xml"]


def test_urls_follow_the_folder_and_the_slug(index: dict[str, Any]) -> None:
    articles = by_path(index)
    assert articles["fr/guide-reseau-professionnel.md"]["url"] == f"{BASE}/fr/reseau-professionnel-guide/"
    assert articles["en/writing-alt-text.mdx"]["url"] == f"{BASE}/en/writing-alt-text/"  # no slug: file name
    # a slug that is not lowercase kebab-case is still one plain segment: kept, lower-cased
    assert articles["fr/freelance-premiers-clients.md"]["url"] == f"{BASE}/fr/r%C3%A9seau_pro/"


def test_normalized_articles_carry_the_safe_fixes(site: Path) -> None:
    fixed = (site / "en/seo-writing-tips.md").read_text(encoding="utf-8")
    assert "keywords: [seo, content]\n" in fixed  # FM004 and K002, both safe
    original = (EXAMPLES / "en/seo-writing-tips.md").read_text(encoding="utf-8")
    assert fixed == original.replace("keywords: seo, content, seo", "keywords: [seo, content]")
    untouched = EXAMPLES / "fr/preparer-entretien-embauche.md"
    assert (site / "fr/preparer-entretien-embauche.md").read_bytes() == untouched.read_bytes()


def test_index_fields(index: dict[str, Any]) -> None:
    article = by_path(index)["en/content-audit-checklist.md"]
    assert article["lang"] == "en" and article["slug"] == "content-audit-checklist"
    assert article["date"] == "2025-05-20" and article["updated"] is None
    assert article["keyphrase"] == "content audit"
    assert article["image"] == f"{BASE}/images/content-audit.png"
    assert article["reading_time_minutes"] == -(-article["word_count"] // 238)
    assert article["score"] == 100
    assert {"level": 2, "text": "Step 2: Add the numbers"} in article["headings"]
    assert {"href": "../image-optimization-static-sites/",
            "url": f"{BASE}/en/image-optimization-static-sites/"} in article["links"]
    french = by_path(index)["fr/preparer-entretien-embauche.md"]
    assert french["reading_time_minutes"] == -(-french["word_count"] // 204)
    broken = by_path(index)["fr/freelance-premiers-clients.md"]
    assert broken["date"] is None  # 2025-02-30 is no date: omitted, never "now"
    assert broken["score"] < article["score"]


def test_index_json_is_valid(index: dict[str, Any]) -> None:
    errors = [error.message for error in validator("index").iter_errors(index)]
    assert errors == []


def test_jsonld_is_valid_and_typed(site: Path, index: dict[str, Any]) -> None:
    schema = validator("jsonld")
    for article in index["articles"]:
        folder = site / unquote(article["url"].removeprefix(BASE).strip("/"))
        data = load_json(folder / "article.jsonld")
        assert [error.message for error in schema.iter_errors(data)] == []
        expected = "BlogPosting" if article["date"] and article["authors"] else "Article"
        assert data["@type"] == expected
        script = re.search(r'<script type="application/ld\+json">\n(.*)\n</script>',
                           (folder / "head.html").read_text(encoding="utf-8"), re.DOTALL)
        assert script is not None and json.loads(script.group(1)) == data
    alt_text = by_path(index)["en/writing-alt-text.mdx"]
    assert alt_text["authors"] == []  # no author: an Article, not a BlogPosting


def test_sitemap_validates_against_the_sitemaps_org_schema(site: Path, index: dict[str, Any]) -> None:
    document = assert_valid(xsd("sitemap.xsd"), site / "sitemap.xml")
    locs = [loc.text for loc in document.iter(f"{SITEMAP_NS}loc")]
    assert locs == sorted(article["url"] for article in index["articles"])
    lastmods = {url.findtext(f"{SITEMAP_NS}loc"): url.findtext(f"{SITEMAP_NS}lastmod")
                for url in document.iter(f"{SITEMAP_NS}url")}
    assert lastmods[f"{BASE}/en/image-optimization-static-sites/"] == "2025-06-12T14:00:00+02:00"
    assert lastmods[f"{BASE}/fr/r%C3%A9seau_pro/"] is None  # no valid date: no lastmod


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_feeds_parse_without_errors(site: Path, index: dict[str, Any], lang: str) -> None:
    parsed = feedparser.parse((site / f"feed.{lang}.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    dated = [a for a in index["articles"] if a["lang"] == lang and (a["date"] or a["updated"])]
    assert len(parsed.entries) == len(dated)
    assert sorted(entry.link for entry in parsed.entries) == sorted(a["url"] for a in dated)
    assert sorted(entry.title for entry in parsed.entries) == sorted(a["title"] for a in dated)
    assert parsed.feed.language == lang
    newest = max(value for a in dated for value in (a["date"], a["updated"]) if value)
    assert parsed.feed.updated.startswith(newest[:10])  # the newest article's date, not the clock


def test_head_snippet(site: Path) -> None:
    head = (site / "fr/preparer-entretien-embauche/head.html").read_text(encoding="utf-8")
    assert "<title>Entretien d’embauche : comment bien le préparer</title>" in head
    assert f'<link rel="canonical" href="{BASE}/fr/preparer-entretien-embauche/">' in head
    assert '<meta property="og:type" content="article">' in head
    assert f'<meta property="og:image" content="{BASE}/images/entretien-embauche.png">' in head
    assert '<meta property="og:locale" content="fr_FR">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    no_image = (site / "en/seo-writing-tips/head.html").read_text(encoding="utf-8")
    assert '<meta name="twitter:card" content="summary">' in no_image
    assert "og:image" not in no_image and '<meta property="og:locale" content="en_US">' in no_image


# --- the gate and the options --------------------------------------------------------------


def test_gate_lists_articles_with_errors_and_exits_1(seolint: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = seolint("publish", EXAMPLES, "--out", out)
    assert result.code == 1
    listed = dict(line.rsplit(": ", 1) for line in result.err.splitlines() if not line.startswith("seolint:"))
    freelance = next(path for path in listed if path.endswith("fr/freelance-premiers-clients.md"))
    assert {"FM003", "FM007", "S001"} <= set(listed[freelance].split(", "))
    published = by_path(load_json(out / "index.json"))
    for path in listed:
        relative = Path(path).resolve().relative_to(EXAMPLES).as_posix()
        assert relative not in published and not (out / relative).exists()
    assert "en/seo-writing-tips.md" in published  # its only error (FM004) has a safe fix
    assert not (out / "fr/réseau_pro").exists()


def test_drafts_are_skipped_unless_asked(seolint: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "a.md", "title: Published\ndate: 2025-01-01\nslug: a")
    write_article(src, "b.md", "title: Draft\ndate: 2025-01-02\nslug: b\ndraft: true")
    result = seolint("publish", src, "--out", tmp_path / "out", "--base-url", BASE, "--allow-errors")
    assert result.code == 0 and "1 draft skipped" in result.out
    assert [a["slug"] for a in load_json(tmp_path / "out/index.json")["articles"]] == ["a"]
    result = seolint("publish", src, "--out", tmp_path / "all", "--base-url", BASE, "--allow-errors", "--drafts")
    assert [a["slug"] for a in load_json(tmp_path / "all/index.json")["articles"]] == ["a", "b"]


def test_missing_base_url_is_an_error(seolint: Any, isolated: Path) -> None:
    write_article(isolated / "src", "a.md", "title: Hello\nslug: a")
    result = seolint("publish", "src", "--out", "out", "--allow-errors")
    assert result.code == 2
    assert "--base-url" in result.err and "base-url" in result.err
    assert not (isolated / "out" / "index.json").exists()


def test_output_folder_inside_src_is_not_published_again(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "title: Hello\ndate: 2025-01-01\nslug: a")
    assert publish_api(tmp_path, tmp_path / "dist") == 0
    assert publish_api(tmp_path, tmp_path / "dist") == 0
    assert [a["path"] for a in load_json(tmp_path / "dist/index.json")["articles"]] == ["a.md"]


def test_article_without_date_has_no_date_anywhere(tmp_path: Path) -> None:
    write_article(tmp_path / "src", "a.md", "title: Undated\nslug: a\nauthor: Ann")
    write_article(tmp_path / "src", "b.md", "title: Dated\nslug: b\ndate: 2024-02-03")
    publish_api(tmp_path / "src", tmp_path / "out")
    article = by_path(load_json(tmp_path / "out/index.json"))["a.md"]
    assert article["date"] is None and article["updated"] is None
    parsed = feedparser.parse((tmp_path / "out/feed.en.xml").read_bytes())
    assert [entry.title for entry in parsed.entries] == ["Dated"]
    assert load_json(tmp_path / "out/a/article.jsonld")["@type"] == "Article"
    urls = etree.parse(str(tmp_path / "out/sitemap.xml")).getroot()
    lastmods = {url.findtext(f"{SITEMAP_NS}loc"): url.findtext(f"{SITEMAP_NS}lastmod") for url in urls}
    assert lastmods == {f"{BASE}/a/": None, f"{BASE}/b/": "2024-02-03"}


# --- determinism --------------------------------------------------------------------------


def test_publishing_twice_gives_identical_bytes(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["publish", str(EXAMPLES), "--out", str(again), "--allow-errors"]) == 0
    assert tree(again) == tree(site)
    assert main(["publish", str(EXAMPLES), "--out", str(again), "--allow-errors"]) == 0
    assert tree(again) == tree(site)


# --- translations -------------------------------------------------------------------------


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    write_article(src, "fr/guide.md", "title: Le guide\nlang: fr\nslug: le-guide\ndate: 2025-03-01\n"
                                      "translationKey: guide\nimage: /img/guide.png")
    write_article(src, "en/guide.md", "title: The guide\nlang: en\nslug: the-guide\ndate: 2025-03-02\n"
                                      "translationKey: guide")
    write_article(src, "en/alone.md", "title: Alone\nlang: en\nslug: alone\ndate: 2025-03-03")
    return src


def test_translations_link_both_ways(bilingual: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert publish_api(bilingual, out) == 0
    fr, en = f"{BASE}/fr/le-guide/", f"{BASE}/en/the-guide/"
    document = assert_valid(xsd("sitemap.xsd", lax=True), out / "sitemap.xml")
    links = {url.findtext(f"{SITEMAP_NS}loc"): [(link.get("hreflang"), link.get("href"))
                                                for link in url.iter(f"{XHTML_NS}link")]
             for url in document.iter(f"{SITEMAP_NS}url")}
    expected = [("en", en), ("fr", fr), ("x-default", en)]  # x-default: the site's language (en)
    assert links[fr] == expected and links[en] == expected
    assert links[f"{BASE}/en/alone/"] == []
    articles = by_path(load_json(out / "index.json"))
    assert articles["fr/guide.md"]["translations"] == [{"lang": "en", "url": en, "path": "en/guide.md"}]
    assert articles["en/guide.md"]["translations"] == [{"lang": "fr", "url": fr, "path": "fr/guide.md"}]
    assert articles["en/alone.md"]["translations"] == []
    head = (out / "fr/le-guide/head.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" hreflang="en" href="{en}">' in head
    assert f'<link rel="alternate" hreflang="x-default" href="{en}">' in head
    assert '<meta property="og:locale:alternate" content="en_US">' in head
    assert [error.message for error in validator("index").iter_errors(load_json(out / "index.json"))] == []


def test_translations_by_slug_and_by_translation_of(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "fr/blog/notes.md", "title: Notes\nlang: fr\nslug: notes\ndate: 2025-01-01")
    write_article(src, "en/blog/notes.md", "title: Notes\nlang: en\nslug: notes\ndate: 2025-01-01")
    write_article(src, "de/hallo.md", "title: Hallo\nlang: de\nslug: hallo\ndate: 2025-01-01\ntranslation_of: hello")
    write_article(src, "en/hello.md", "title: Hello\nlang: en\nslug: hello\ndate: 2025-01-01")
    publish_api(src, tmp_path / "auto")
    articles = by_path(load_json(tmp_path / "auto/index.json"))
    assert [t["path"] for t in articles["fr/blog/notes.md"]["translations"]] == ["en/blog/notes.md"]
    assert [t["path"] for t in articles["en/hello.md"]["translations"]] == ["de/hallo.md"]
    publish_api(src, tmp_path / "key", translations="key")
    articles = by_path(load_json(tmp_path / "key/index.json"))
    assert articles["fr/blog/notes.md"]["translations"] == []  # no key: not linked in `key` mode
    assert [t["path"] for t in articles["en/hello.md"]["translations"]] == ["de/hallo.md"]


# --- the sitemap index --------------------------------------------------------------------


def test_sitemap_splits_into_an_index_past_the_limit(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for number in range(7):
        write_article(src, f"p{number}.md", f"title: Page {number}\nslug: p{number}\ndate: 2025-01-0{number + 1}")
    out = tmp_path / "out"
    assert publish_api(src, out, sitemap_limit=3) == 0
    index = assert_valid(xsd("siteindex.xsd"), out / "sitemap.xml")
    parts = [loc.text for loc in index.iter(f"{SITEMAP_NS}loc")]
    assert parts == [f"{BASE}/sitemap-{n}.xml" for n in (1, 2, 3)]
    assert [m.text for m in index.iter(f"{SITEMAP_NS}lastmod")] == ["2025-01-03", "2025-01-06", "2025-01-07"]
    urls = []
    for number in (1, 2, 3):
        part = assert_valid(xsd("sitemap.xsd"), out / f"sitemap-{number}.xml")
        urls += [loc.text for loc in part.iter(f"{SITEMAP_NS}loc")]
    assert urls == [f"{BASE}/p{n}/" for n in range(7)]
    assert publish_api(src, tmp_path / "one") == 0  # the default limit: a single urlset
    assert etree.parse(str(tmp_path / "one/sitemap.xml")).getroot().tag == f"{SITEMAP_NS}urlset"


# --- hostile input ------------------------------------------------------------------------


@pytest.mark.parametrize("front", [
    "slug: ../../x",
    "slug: ../../../../../../../tmp/seolint-escape",
    "slug: '{outside}'",
    "slug: 'a/../../b'",
    "slug: '..'",
    "slug: '.'",
    "slug: '/'",
    "lang: ../..",
    "lang: /etc",
    "lang: '{outside}'\nslug: ../",
    "slug: \"..\\\\..\\\\x\"",
])
def test_front_matter_cannot_write_outside_out(tmp_path: Path, front: str) -> None:
    outside = tmp_path / "outside"
    src = tmp_path / "site" / "src"
    write_article(src, "fr/a.md", f"title: Hello\ndate: 2025-01-01\n{front.format(outside=outside)}")
    out = tmp_path / "site" / "out"
    out.mkdir()
    before = files_outside(tmp_path, out)
    assert publish_api(src, out) == 0
    assert files_outside(tmp_path, out) == before
    assert not Path("/tmp/seolint-escape").exists()
    for path in out.rglob("*"):
        assert Path(os.path.realpath(path)).is_relative_to(os.path.realpath(out))
    assert all(re.fullmatch(r"feed\.[a-z]{2,3}\.xml", p.name) for p in out.glob("feed.*"))


def test_symlinked_folder_in_out_is_refused(seolint: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "a.md", "title: First\ndate: 2025-01-01\nslug: first")
    write_article(src, "en/a.md", "title: Hello\ndate: 2025-01-01\nslug: a")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "en").symlink_to(outside, target_is_directory=True)
    result = seolint("publish", src, "--out", out, "--base-url", BASE, "--allow-errors")
    assert result.code == 2 and "symbolic link" in result.err
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["en"]  # refused before anything was written


def test_symlinked_file_in_out_is_replaced_not_followed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "a.md", "title: Hello\ndate: 2025-01-01\nslug: a")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").symlink_to(victim)
    (out / "sitemap.xml").symlink_to(tmp_path / "dangling.xml")
    (out / "a.md").symlink_to(victim)
    assert publish_api(src, out) == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "dangling.xml").exists()
    for name in ("index.json", "sitemap.xml", "a.md"):
        assert not (out / name).is_symlink() and (out / name).is_file()
    assert load_json(out / "index.json")["articles"][0]["slug"] == "a"


HOSTILE_TITLE = "</script><script>alert(1)</script> & \\\"q\\\" 's' ]]> \\x01\\x07\\x1b end"
HOSTILE_FRONT = f"""
title: "{HOSTILE_TITLE}"
description: "Desc ]]> & <b>bold</b> \\\"quoted\\\" \\x08 </script><!-- end"
slug: hostile
author: "Eve </script><script>x()</script>"
date: 2025-01-02
keywords: ["</script>", "a & b"]
tags: ["<tag>", "]]>"]
image: "/img/a b.png?x=1&y=\\"2\\""
"""
CLEAN_TITLE = "</script><script>alert(1)</script> & \"q\" 's' ]]> end"
CLEAN_DESCRIPTION = "Desc ]]> & <b>bold</b> \"quoted\" </script><!-- end"


def test_hostile_values_are_escaped_everywhere(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "en/hostile.md", HOSTILE_FRONT, "A <script>alert(2)</script> body. With text.\n")
    out = tmp_path / "out"
    assert publish_api(src, out) == 0
    # JSON: the values come back exact, without the control characters
    article = load_json(out / "index.json")["articles"][0]
    assert article["title"] == CLEAN_TITLE and article["description"] == CLEAN_DESCRIPTION
    assert article["authors"] == ["Eve </script><script>x()</script>"]
    # HTML: escaped with quote=True; the JSON-LD cannot close its script element
    head = (out / "en/hostile/head.html").read_text(encoding="utf-8")
    assert head.count("<script") == 1 and head.count("</script>") == 1
    assert "<!--" not in head and "\x01" not in head and "\x1b" not in head
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#x27;s&#x27; ]]&gt; end</title>" in head
    assert '<meta name="description" content="Desc ]]&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; &lt;/script&gt;&lt;!-- end">' in head
    script = head.split('<script type="application/ld+json">\n', 1)[1].rsplit("\n</script>", 1)[0]
    assert not re.search(r"[<>&]", script)
    assert "\\u003c/script\\u003e" in script
    data = json.loads(script)
    assert data["headline"] == CLEAN_TITLE and data == load_json(out / "en/hostile/article.jsonld")
    assert data["image"] == [f"{BASE}/img/a%20b.png?x=1&y=%222%22"]
    import html.parser

    class Collect(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.meta: dict[str, str] = {}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            key = values.get("property") or values.get("name")
            if tag == "meta" and key:
                self.meta.setdefault(key, values.get("content") or "")

    parser = Collect()
    parser.feed(head)
    assert parser.meta["og:title"] == CLEAN_TITLE and parser.meta["twitter:description"] == CLEAN_DESCRIPTION
    # XML: well-formed, the same values, no forbidden characters
    feed = etree.parse(str(out / "feed.en.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}entry/{atom}title") == CLEAN_TITLE
    assert feed.findtext(f"{atom}entry/{atom}summary") == CLEAN_DESCRIPTION
    assert [c.get("term") for c in feed.iter(f"{atom}category")] == ["<tag>", "]]>"]
    parsed = feedparser.parse((out / "feed.en.xml").read_bytes())
    assert not parsed.bozo and parsed.entries[0].title == CLEAN_TITLE
    assert_valid(xsd("sitemap.xsd"), out / "sitemap.xml")
    assert validator("jsonld").is_valid(data)
    assert validator("index").is_valid(load_json(out / "index.json"))


def test_interrupted_publish_leaves_each_file_old_or_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src"
    for number in range(3):
        write_article(src, f"p{number}.md", f"title: Old {number}\nslug: p{number}\ndate: 2025-01-01")
    out = tmp_path / "out"
    assert publish_api(src, out) == 0
    old = tree(out)
    for number in range(3):
        write_article(src, f"p{number}.md", f"title: New {number}\nslug: p{number}\ndate: 2025-02-01")
    assert publish_api(src, tmp_path / "reference") == 0
    new = tree(tmp_path / "reference")
    real_replace = os.replace
    calls = {"count": 0}

    def interrupted(source: Any, target: Any) -> None:
        calls["count"] += 1
        if calls["count"] == 5:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        publish_api(src, out)
    monkeypatch.undo()
    now = tree(out)
    assert set(now) == set(old)  # no temporary file left behind
    assert all(data in (old[name], new[name]) for name, data in now.items())
    assert any(data == new[name] != old[name] for name, data in now.items())
    assert any(data == old[name] != new[name] for name, data in now.items())


# --- the score ----------------------------------------------------------------------------


def finding(severity: Severity, code: str = "T001") -> Finding:
    return Finding(code, "rule", severity, "message", "a.md", 1, 1, 1, 1)


def test_score_weights() -> None:
    assert dict(WEIGHTS) == {Severity.ERROR: 15, Severity.WARNING: 5, Severity.INFO: 1}
    assert score([]) == 100
    assert score([finding(Severity.ERROR), finding(Severity.WARNING), finding(Severity.INFO)]) == 79
    assert score([finding(Severity.ERROR)] * 7) == 0  # floored


# --- packaging ----------------------------------------------------------------------------


def test_the_schemas_ship_with_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    targets = config["tool"]["hatch"]["build"]["targets"]
    assert targets["wheel"]["force-include"].get("schemas") == "seolint/_schemas"
    assert "schemas" in targets["sdist"]["include"]
    for name in ("index", "jsonld"):
        jsonschema.Draft202012Validator.check_schema(load_json(SCHEMAS / f"{name}.schema.json"))


# --- refusals -----------------------------------------------------------------------------


def test_out_must_not_be_src(seolint: Any, tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "title: Hello\nslug: a")
    result = seolint("publish", tmp_path, "--out", tmp_path, "--base-url", BASE, "--allow-errors")
    assert result.code == 2 and "--out" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


@pytest.mark.parametrize("options", [{"translations": "everything"}, {"sitemap_limit": 0},
                                     {"base_url": "ftp://example.org"}, {"base_url": "https://x.org/?a=1"},
                                     {"base_url": "example.org"}])
def test_bad_options_are_refused_before_anything_is_written(tmp_path: Path, options: dict[str, Any]) -> None:
    from seolint.publish.paths import PublishError

    write_article(tmp_path / "src", "a.md", "title: Hello\nslug: a")
    with pytest.raises(PublishError):
        publish_api(tmp_path / "src", tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()


def test_two_articles_at_one_url_are_refused(seolint: Any, tmp_path: Path) -> None:
    write_article(tmp_path / "src", "a.md", "title: One\nslug: same")
    write_article(tmp_path / "src", "b.md", "title: Two\nslug: same")
    result = seolint("publish", tmp_path / "src", "--out", tmp_path / "out", "--base-url", BASE, "--allow-errors")
    assert result.code == 2 and "a.md and b.md" in result.err and f"{BASE}/same/" in result.err


def test_two_versions_in_one_language_are_reported(seolint: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "en/a.md", "title: A\nlang: en\nslug: a\ntranslationKey: k")
    write_article(src, "en/b.md", "title: B\nlang: en\nslug: b\ntranslationKey: k")
    write_article(src, "fr/a.md", "title: A\nlang: fr\nslug: a\ntranslationKey: k")
    result = seolint("publish", src, "--out", tmp_path / "out", "--base-url", BASE, "--allow-errors")
    assert result.code == 0 and "en/b.md: not linked as a translation: en/a.md" in result.err
    articles = by_path(load_json(tmp_path / "out/index.json"))
    assert [t["path"] for t in articles["fr/a.md"]["translations"]] == ["en/a.md"]
    assert articles["en/b.md"]["translations"] == []


def test_unusual_but_valid_values(seolint: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "a.md", "title: Empty\nslug: a\ndate: 2025-01-01\nauthor: {name: Ann, url: 'https://ann.example'}\n"
                               "translationKey: 7", body="")
    write_article(src, "b.md", "title: Two authors\nslug: b\ndate: 2025-01-01T10:00:00\nauthors: [Bo, Cy]\nlang: fr-CA\n"
                               "translationKey: 7")
    (src / "c.md").write_bytes(b"\x00\x01binary")
    result = seolint("publish", src, "--out", tmp_path / "out", "--base-url", BASE, "--allow-errors")
    assert result.code == 0
    assert re.search(r"c\.md: FM002$", result.err, re.MULTILINE)  # not text: never published
    articles = by_path(load_json(tmp_path / "out/index.json"))
    assert sorted(articles) == ["a.md", "b.md"]
    assert articles["a.md"]["authors"] == ["Ann"] and articles["a.md"]["reading_time_minutes"] == 0
    assert articles["b.md"]["authors"] == ["Bo", "Cy"] and articles["b.md"]["lang"] == "fr"
    assert articles["b.md"]["date"] == "2025-01-01T10:00:00Z"  # no offset: UTC
    assert articles["a.md"]["translations"] == [{"lang": "fr-CA", "url": f"{BASE}/b/", "path": "b.md"}]
    head = (tmp_path / "out/b/head.html").read_text(encoding="utf-8")
    assert '<meta property="og:locale" content="fr_CA">' in head
    assert '<link rel="alternate" hreflang="fr-CA" href="https://blog.example.org/b/">' in head
    assert "timeRequired" not in load_json(tmp_path / "out/a/article.jsonld")


def test_nothing_to_publish_writes_an_empty_index_and_no_sitemap(tmp_path: Path) -> None:
    write_article(tmp_path / "src", "a.md", "title: Draft\nslug: a\ndraft: true")
    assert publish_api(tmp_path / "src", tmp_path / "out") == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.json"]
    assert load_json(tmp_path / "out/index.json")["articles"] == []


# --- issue #16: publish is all or nothing --------------------------------------------------


def test_a_slug_too_long_for_a_file_name_is_refused_before_anything_is_written(seolint: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    for number in range(5):
        write_article(src, f"p{number}.md", f"title: Post {number}\nslug: p{number}\ndate: 2025-01-01")
    write_article(src, "long.md", f"title: Long\nslug: {'a' * 300}\ndate: 2025-01-01")
    out = tmp_path / "out"
    result = seolint("publish", src, "--out", out, "--base-url", BASE, "--allow-errors")
    assert result.code == 2 and "is 300 bytes long: a file name has at most 255" in result.err
    assert "internal error" not in result.err
    assert not out.exists() or not any(out.iterdir())


def test_a_failed_write_leaves_out_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.publish.paths import PublishError
    from seolint.publish import paths as publish_paths

    src = tmp_path / "src"
    for number in range(4):
        write_article(src, f"p{number}.md", f"title: Old {number}\nslug: p{number}\ndate: 2025-01-01")
    out = tmp_path / "out"
    assert publish_api(src, out) == 0
    old = tree(out)
    for number in range(4):
        write_article(src, f"p{number}.md", f"title: New {number}\nslug: p{number}\ndate: 2025-02-01")
    real_write = publish_paths.OutputTree.write
    calls = {"count": 0}

    def failing(self: Any, relative: Any, data: bytes) -> None:
        calls["count"] += 1
        if calls["count"] == 6:
            raise PublishError("cannot write: No space left on device")
        real_write(self, relative, data)

    monkeypatch.setattr(publish_paths.OutputTree, "write", failing)
    with pytest.raises(PublishError):
        publish_api(src, out)
    assert tree(out) == old
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "src"]  # no staging folder left


def test_publish_applies_the_configured_key_order_as_fix_does(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_article(src, "a.md", "slug: a\ndate: 2024-02-03\ntitle: Ordered   keys")
    (src / "seolint.toml").write_text('[fix]\nkey-order = ["title", "date", "slug"]\n', encoding="utf-8")
    publish_api(src, tmp_path / "out")
    published = (tmp_path / "out/a.md").read_text(encoding="utf-8")
    assert published.startswith("---\ntitle: Ordered keys\ndate: 2024-02-03\nslug: a\n---\n")
