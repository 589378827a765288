"""Astro: `astro.config.{mjs,js,ts,mts}` (docs.astro.build/en/reference/configuration-reference/).

Never executed; a literal `base` and `trailingSlash` are read. Content collections live in
`src/content/<collection>/`; Starlight serves `src/content/docs/x.md` at `/x/`
(starlight.astro.build/guides/pages/) with one folder per locale (`fr/`), and `.md` pages in
`src/pages/` are served at their path (docs.astro.build/en/guides/routing/). A `slug` key
replaces the path. MDX headings take ids from the text (github-slugger).
"""

from __future__ import annotations

import re
from pathlib import Path

from seolint.source.profiles.configs import head_image, literal, locales, script, url_path
from seolint.source.profiles.model import Permalink, Profile

MARKERS = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs"))
KEYS = frozenset("""
    title description pubDate updatedDate heroImage layout draft tags slug sidebar template
    hero banner lastUpdated prev next pagefind head tableOfContents editUrl i18nReady
    author authors image
    """.split())


_LOCALE = re.compile(r"^[a-z]{2}(?:-[a-z]{2,4})?$")


def starlight(root: Path) -> Profile:
    """A Starlight site known from its layout alone (`src/content/docs/`, no astro.config):
    Starlight's defaults, with a locale per language-named folder of the docs."""
    docs = root / "src" / "content" / "docs"
    try:
        found = tuple(sorted(entry.name for entry in docs.iterdir() if entry.is_dir() and _LOCALE.match(entry.name)))
    except OSError:
        found = ()
    return read(root, root / MARKERS[0]).with_values(
        config_file=None, languages=found,
        reasons=("src/content/docs without astro.config: Starlight's defaults"
                 + (f", locales {', '.join(found)}" if found else ""),))


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    found = locales(source)
    return Profile(
        "astro", root.as_posix(), marker.name,
        content_dirs=(("src/content", None), ("src/pages", None)),
        base_path=url_path(literal(source, "base")),
        site_url=literal(source, "site"),
        autolinks=True,  # `markdown.gfm` is on by default
        permalinks=(Permalink("docs", "/:path/"),),
        languages=found,
        language_folders=True,
        dated=("blog", "posts", "news"),
        keys=KEYS,
        # Starlight titles a page `title | site title`; plain Astro leaves <title> to layouts.
        title_suffix=f" | {title}" if "starlight" in source and (title := literal(source, "title")) else None,
        static_dirs=("public",),
        default_covers=("",) if head_image(source) else (),  # Starlight's `head` og:image
        reasons=(f"{marker.name} found (not executed): Astro and Starlight defaults",),
    )
