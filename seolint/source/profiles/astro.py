"""Astro: `astro.config.{mjs,js,ts,mts}` (docs.astro.build/en/reference/configuration-reference/).

Never executed; a literal `base` and `trailingSlash` are read. Content collections live in
`src/content/<collection>/`; Starlight serves `src/content/docs/x.md` at `/x/`
(starlight.astro.build/guides/pages/) with one folder per locale (`fr/`), and `.md` pages in
`src/pages/` are served at their path (docs.astro.build/en/guides/routing/). A `slug` key
replaces the path. MDX headings take ids from the text (github-slugger).
"""

from __future__ import annotations

from pathlib import Path

from seolint.source.profiles.configs import literal, locales, script, url_path
from seolint.source.profiles.model import Permalink, Profile

MARKERS = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs"))
KEYS = frozenset("""
    title description pubDate updatedDate heroImage layout draft tags slug sidebar template
    hero banner lastUpdated prev next pagefind head tableOfContents editUrl i18nReady
    author authors image
    """.split())


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    found = locales(source)
    return Profile(
        "astro", root.as_posix(), marker.name,
        content_dirs=(("src/content", None), ("src/pages", None)),
        base_path=url_path(literal(source, "base")),
        autolinks=True,  # `markdown.gfm` is on by default
        permalinks=(Permalink("docs", "/:path/"),),
        languages=found,
        language_folders=True,
        dated=("blog", "posts", "news"),
        keys=KEYS,
        static_dirs=("public",),
        reasons=(f"{marker.name} found (not executed): Astro and Starlight defaults",),
    )
