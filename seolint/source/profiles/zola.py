"""Zola: `config.toml` with `base_url` (www.getzola.org/documentation/getting-started/configuration/).

URLs (www.getzola.org/documentation/content/page/): the path under `content/`; a date
prefix of the file name (`2021-06-24-post.md`) is the page's date and not part of its URL;
`slug` and `path` front-matter keys; `_index.md` is a section, `index.md` a page with assets.
Internal links are written `@/blog/post.md`. Heading ids are slugified by Zola itself.
"""

from __future__ import annotations

from pathlib import Path

from seolint.source.profiles.configs import load, table, text, url_path
from seolint.source.profiles.model import Profile

MARKERS = ("config.toml", "zola.toml")
KEYS = frozenset("""
    title description date updated weight draft slug path aliases in_search_index template
    taxonomies extra authors render sort_by paginate_by insert_anchor_links transparent
    page_template generate_feeds redirect_to
    """.split())


def read(root: Path, marker: Path) -> Profile:
    data = load(marker)
    default = text(data, "default_language") or "en"
    languages = tuple(table(data, "languages"))
    return Profile(
        "zola", root.as_posix(), marker.name,
        content_dirs=(("content", None),),
        base_path=url_path(text(data, "base_url")),
        site_url=text(data, "base_url"),
        url_keys=("path",),
        strip_date=True,
        languages=(default, *languages),
        default_language=default,
        language_suffix=bool(languages),
        dated=("blog", "posts", "news"),
        keys=KEYS,
        date_from_name=True,
        static_dirs=("static", "content"),
        link_forms=("zola",),
        heading_style="zola",  # the slug crate (www.getzola.org/documentation/content/linking/#heading-id-and-anchor-insertion)
        reasons=(f"{marker.name} read (Zola keys: base_url)",),
    )
