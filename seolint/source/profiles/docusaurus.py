"""Docusaurus: `docusaurus.config.{js,ts,mjs}` (docusaurus.io/docs/configuration).

Never executed; the documented defaults apply. URLs (docusaurus.io/docs/create-doc,
docusaurus.io/docs/blog): `docs/x.md` -> `/docs/x`, number prefixes (`01-intro.md`)
dropped, `slug` front matter wins; `blog/2019-05-30-welcome.md` -> `/blog/2019/05/30/welcome`;
`src/pages/x.md` -> `/x`. Translations live in `i18n/<locale>/…`. Headings take explicit ids
as `## Title {#id}`.
"""

from __future__ import annotations

from pathlib import Path

from seolint.source.profiles.configs import head_image, literal, script, url_path
from seolint.source.profiles.model import Permalink, Profile

MARKERS = tuple(f"docusaurus.config.{ext}" for ext in ("ts", "js", "mjs", "cjs"))
KEYS = frozenset("""
    id title description slug sidebar_label sidebar_position sidebar_class_name
    sidebar_custom_props displayed_sidebar hide_title hide_table_of_contents toc_min_heading_level
    toc_max_heading_level pagination_label pagination_next pagination_prev parse_number_prefixes
    custom_edit_url keywords image tags draft unlisted last_update authors date
    """.split())


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    return Profile(
        "docusaurus", root.as_posix(), marker.name,
        base_path=url_path(literal(source, "baseUrl")),
        site_url=literal(source, "url"),
        permalinks=(Permalink("docs", "/docs/:path"), Permalink("blog", "/blog/:year/:month/:day/:title"),
                    Permalink("src/pages", "/:path")),
        strip_number=True,
        trailing_slash=False,
        strip_date=True,
        dated=("blog",),
        keys=KEYS,
        title_suffix=f" | {title}" if (title := literal(source, "title")) else None,  # `title | site title`
        title_from_h1=True,
        # `themeConfig.image`: the social card of every page (docusaurus.io/docs/api/themes/configuration#meta-image)
        default_covers=("",) if literal(source, "image") or head_image(source) else (),
        autolinks=True,  # remark-gfm is on by default
        date_from_name=True,
        reasons=(f"{marker.name} found (not executed): Docusaurus defaults",),
    )
