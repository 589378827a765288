"""Jekyll: `_config.yml` (jekyllrb.com/docs/configuration/).

URLs (jekyllrb.com/docs/permalinks/): pages keep their path (`about.md` -> `/about.html`,
the same page as `/about/` here since the extension is ignored); posts in `_posts/` named
`YYYY-MM-DD-title.md` follow the site's `permalink` (default `date`:
`/:categories/:year/:month/:day/:title:output_ext`); a collection's documents follow its
`permalink` (jekyllrb.com/docs/collections/); `permalink` in front matter wins, then
`defaults` values scoped to a path. Links are often written `{{ site.baseurl }}/x/` or
`{% link _docs/x.md %}`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import seolint.source.profiles.nav as navigation
from seolint.source.profiles.configs import load, table, text, url_path
from seolint.source.profiles.model import Permalink, Profile
from seolint.source.profiles.pages import html_pages

MARKERS = ("_config.yml", "_config.yaml")
KEYS = frozenset("""
    layout permalink published date category categories tags title excerpt excerpt_separator
    redirect_from redirect_to sitemap author authors image description last_modified_at
    nav_order parent grand_parent has_children nav_exclude search_exclude toc comments
    """.split())

#: The built-in permalink styles (jekyllrb.com/docs/permalinks/#built-in-formats).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def read(root: Path, marker: Path) -> Profile:
    data = load(marker)
    source = text(data, "source") or ""
    posts = _style(text(data, "permalink") or "date")
    rules: list[Permalink] = []
    for name, values in _scoped_permalinks(data):
        rules.append(Permalink(name, values))
    for name, values in table(data, "collections").items():
        pattern = text(values, "permalink") if isinstance(values, dict) else None
        folder = "_" + str(name)
        if pattern and folder not in {rule.folder for rule in rules}:
            rules.append(Permalink(folder, _style(pattern)))
    if "_posts" not in {rule.folder for rule in rules}:
        rules.append(Permalink("_posts", posts))
    collections = ", ".join(f"{rule.folder} -> {rule.pattern}" for rule in rules)
    excluded = [str(name) for name in _as_list(data.get("exclude")) if isinstance(name, str)]
    pages, pages_read = html_pages(root / source.strip("/"), excluded)
    return Profile(
        "jekyll", root.as_posix(), marker.name,
        content_dirs=((source.strip("/"), None),),
        base_path=url_path(text(data, "baseurl")),
        site_url=(text(data, "url") or "").rstrip("/") + "/" + (text(data, "baseurl") or "").strip("/") if text(data, "url") else None,
        permalinks=tuple(rules),
        url_keys=("permalink",),
        slug_key=False,
        trailing_slash=False,
        strip_date=True,
        languages=(str(data["lang"]),) if isinstance(data.get("lang"), str) else (),
        default_language=text(data, "lang"),
        dated=("_posts", "posts", "blog", "news"),
        # A documentation theme (just-the-docs, docsy-jekyll...) makes every page docs;
        # else collections named like docs (`_docs`, `_tutorials`) are (.kinds).
        docs=("",) if "docs" in f"{text(data, 'theme')} {text(data, 'remote_theme')}".lower() else (),
        keys=KEYS,
        title_suffix=_seo_tag_suffix(data),
        nav=frozenset(navigation.jekyll(root, source.strip("/"))),
        date_from_name=True,
        static_dirs=("",),
        link_forms=("liquid", "jekyll-tags"),
        templated_content=True,
        variables=tuple((str(key), value) for key, value in data.items()
                        if isinstance(value, str) and value.startswith(("https://", "http://"))),
        cover_keys=("image",),
        default_covers=tuple(_default_covers(data, source.strip("/"))),
        pages=pages,
        pages_read=pages_read,
        reasons=(f"{marker.name} read: permalinks {collections}",
                 *([f"HTML pages with front matter: {len(pages)} URLs and aliases"] if pages else [])),
    )


def _seo_tag_suffix(data: dict[str, Any]) -> str | None:
    """jekyll-seo-tag titles a page `page.title | site.title` (else `site.name`)."""
    plugins = [str(name) for key in ("plugins", "gems") for name in _as_list(data.get(key))]
    name = text(data, "title") or text(data, "name")
    return f" | {name.strip()}" if name and name.strip() and "jekyll-seo-tag" in plugins else None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _style(pattern: str) -> str:
    return STYLES.get(pattern, pattern)


def _scoped_permalinks(data: dict[str, Any]) -> list[tuple[str, str]]:
    """`defaults` entries that set a permalink for a path (`scope: {path: _posts}`)."""
    found: list[tuple[str, str]] = []
    defaults = data.get("defaults")
    for entry in defaults if isinstance(defaults, list) else []:
        if not isinstance(entry, dict):
            continue
        path = text(table(entry, "scope"), "path")
        pattern = text(table(entry, "values"), "permalink")
        if path and pattern:
            found.append((path.strip("/"), _style(pattern)))
    return found


def _default_covers(data: dict[str, Any], source: str) -> list[str]:
    """Folders (relative to the site root) whose pages get an `image` from `defaults`
    (`scope: {path: ""}, values: {image: /img/og.png}` gives every page a cover)."""
    found: list[str] = []
    defaults = data.get("defaults")
    for entry in defaults if isinstance(defaults, list) else []:
        if isinstance(entry, dict) and text(table(entry, "values"), "image"):
            path = (text(table(entry, "scope"), "path") or "").strip("/")
            found.append("/".join(part for part in (source, path) if part))
    return found
