"""Hugo: `hugo.toml|yaml|json` or `config.toml|yaml` (not Zola's).

URLs (gohugo.io/content-management/urls/): the path under the content folder, lower case;
`index.md`/`_index.md` stand for their folder (page bundles, sections); `slug` replaces the
last segment, `url` the whole path; `[permalinks]` patterns per top-level section
(gohugo.io/configuration/permalinks/). Languages (gohugo.io/content-management/multilingual/):
one content folder per language (`contentDir`, or module mounts), or `.fr.md` suffixes; the
default language has no prefix unless `defaultContentLanguageInSubdir`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from seolint.source.profiles.configs import load, table, text, url_path
from seolint.source.profiles.model import Permalink, Profile

MARKERS = ("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml")

#: Front-matter keys Hugo defines (gohugo.io/content-management/front-matter/).
KEYS = frozenset("""
    aliases build cascade date description draft expiryDate expirydate headless isCJKLanguage
    keywords lastmod layout linkTitle linktitle markup menus menu outputs params publishDate
    publishdate resources sitemap slug summary title translationKey type url weight related
    categories tags series images videos audio toc show_publish_date signatures
    """.split())


def read(root: Path, marker: Path) -> Profile:
    data = load(marker)
    lower = {str(key).lower(): value for key, value in data.items()}
    default = text(lower, "defaultcontentlanguage") or "en"
    languages = table(lower, "languages")
    content = text(lower, "contentdir") or "content"
    dirs: list[tuple[str, str | None]] = []
    for lang, values in languages.items():
        folder = text(values, "contentDir", "contentdir") if isinstance(values, dict) else None
        if folder:
            dirs.append((folder, str(lang)))
    for mount in _mounts(lower):
        source = mount.get("source")
        if mount.get("target") == "content" and isinstance(source, str):
            langs = table(mount, "sites", "matrix").get("languages")
            named = mount.get("lang") or (langs[0] if isinstance(langs, list) and len(langs) == 1 else None)
            dirs.append((source, str(named) if named else None))
    if not dirs:
        dirs = [(content, None)]
    permalinks = table(lower, "permalinks")
    pages = table(permalinks, "page") or {k: v for k, v in permalinks.items() if isinstance(v, str)}
    return Profile(
        "hugo", root.as_posix(), marker.name,
        content_dirs=tuple(dirs),
        base_path=url_path(text(lower, "baseurl")),
        site_url=text(lower, "baseurl"),
        permalinks=tuple(Permalink(section, pattern) for section, pattern in pages.items() if isinstance(pattern, str)),
        url_keys=("url",),
        languages=tuple(str(lang) for lang in languages) or (default,),
        default_language=default,
        default_in_subdir=bool(lower.get("defaultcontentlanguageinsubdir")),
        language_suffix=len(languages) > 1,
        dated=DATED,
        docs=("",) if _docs_site(root, lower, [folder for folder, _ in dirs]) else (),
        keys=KEYS,
        title_suffix=f" | {name.strip()}" if (name := text(lower, "title")) and name.strip() else None,
        date_from_name=":filename" in str(table(lower, "frontmatter").get("date", "")),
        static_dirs=("static", "assets", *(d for d, _ in dirs)),
        heading_style="hugo",
        link_forms=("glossary", "relref"),
        root_fallback=True,
        definition_ids=bool(table(lower, "markup", "goldmark", "parser").get("autoDefinitionTermID")),
        autolinks=table(lower, "markup", "goldmark", "extensions").get("linkify", True) is not False,
        cover_keys=("images", "image", "cover", "featured_image"),
        bundle_covers=("cover", "featured", "feature", "thumbnail"),
        # Hugo's Open Graph template falls back to the site's `params.images` on every page.
        default_covers=("",) if table(lower, "params").get("images") else (),
        unpublished=tuple(_headless(root, [folder for folder, _ in dirs])),
        reasons=(f"{marker.name} read: content in {', '.join(d for d, _ in dirs)}",),
    )


DATED = ("posts", "post", "blog", "news")
#: Theme or module names of documentation themes (docsy, hugo-book, hextra, geekdoc, doks...).
_DOCS_THEME = re.compile(r"docs|docsy|book|hextra|geekdoc|doks|relearn|learn|techdoc|lotus", re.IGNORECASE)


def _docs_site(root: Path, data: dict[str, Any], content: list[str]) -> bool:
    """Whether the site is documentation: a docs theme, or most of its articles (at least
    20, three in four) sit in sections that are not dated (gohugo.io: `functions/`,
    `content-management/`...), where a blog keeps its few pages at the top."""
    themes = data.get("theme")
    names = [themes] if isinstance(themes, str) else [str(t) for t in themes] if isinstance(themes, list) else []
    imports = table(data, "module").get("imports")
    names += [str(i.get("path")) for i in imports if isinstance(i, dict)] if isinstance(imports, list) else []
    if any(_DOCS_THEME.search(name.rsplit("/", 1)[-1]) for name in names):
        return True
    sectioned = total = 0
    for folder in content:
        base = root / folder
        for here, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
            count = sum(1 for name in files if name.endswith((".md", ".markdown")) and not name.startswith("_index"))
            total += count
            parts = Path(here).relative_to(base).parts
            if parts and not set(parts) & set(DATED):
                sectioned += count
    return total >= 20 and sectioned * 4 >= total * 3


def _headless(root: Path, content: list[str]) -> list[str]:
    """Bundles never rendered as pages: an `index.md` with `headless: true`, or an
    `_index.md` whose `cascade` sets `build.render` to `never`
    (gohugo.io/content-management/build-options/)."""
    from seolint.source.reading import SourceProblem, decode
    from seolint.source.frontmatter import split

    found: list[str] = []
    for folder in content:
        for here, dirs, files in os.walk(root / folder):
            dirs.sort()
            for name in ("index.md", "_index.md"):
                if name not in files:
                    continue
                try:
                    data = split(decode((Path(here) / name).read_bytes()[:8192]).text).frontmatter
                except (OSError, SourceProblem):
                    continue
                values = data.data if data is not None and isinstance(data.data, dict) else {}
                build = table(values, "cascade", "build") or table(values, "cascade", "_build")
                folder = Path(here).relative_to(root).as_posix()
                if name == "index.md" and values.get("headless") is True:
                    found.append(folder)
                elif name == "_index.md" and build.get("render") in ("never", False):
                    found.append(folder + "/*")
    return found


def _mounts(data: dict[str, Any]) -> list[dict[str, Any]]:
    mounts = table(data, "module").get("mounts")
    return [m for m in mounts if isinstance(m, dict)] if isinstance(mounts, list) else []


def is_zola(marker: Path) -> bool:
    """Zola's config.toml has `base_url` (Hugo's is `baseURL`) or Zola-only tables."""
    data = load(marker)
    return "base_url" in data or "compile_sass" in data or "build_search_index" in data
