"""VitePress: `.vitepress/config.{js,ts,mjs,mts}` (vitepress.dev/reference/site-config).

The config is never executed: a literal `srcDir`, `base`, `cleanUrls` and `lang` are read,
else the defaults. URLs (vitepress.dev/guide/routing): the path under `srcDir`, `index.md`
standing for its folder, `.html` unless `cleanUrls` (the same page here: the extension is
ignored). Locales live in folders named after them (vitepress.dev/guide/i18n), the root
locale has no prefix. Headings take explicit ids as `## Title {#id}`.
"""

from __future__ import annotations

import re
from pathlib import Path

import seolint.source.profiles.nav as navigation
from seolint.source.profiles.configs import boolean, head_image, literal, locales, script, url_path
from seolint.source.profiles.model import Profile

MARKERS = tuple(f".vitepress/config.{ext}" for ext in ("ts", "mts", "js", "mjs"))
KEYS = frozenset("""
    title titleTemplate description head layout hero features navbar sidebar aside outline
    lastUpdated editLink footer pageClass isHome prev next search
    """.split())


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    folder = (literal(source, "srcDir") or ".").strip("./")
    lang = literal(source, "lang")
    found = locales(source)
    default = lang.split("-")[0].lower() if lang else None
    return Profile(
        "vitepress", root.as_posix(), marker.relative_to(root).as_posix(),
        content_dirs=((folder, None),),
        base_path=url_path(literal(source, "base")),
        site_url=literal(source, "hostname"),  # sitemap: { hostname: 'https://…' }
        slug_key=False,
        trailing_slash=False,
        languages=tuple(dict.fromkeys([*(x for x in [default] if x), *found])),
        default_language=default,
        language_folders=bool(found),
        dated=("blog", "posts", "news"),
        docs=("",),
        keys=KEYS,
        title_suffix=_suffix(source),
        default_covers=("",) if head_image(source) else (),  # `head: [['meta', {property: 'og:image'…}]]`
        nav=frozenset(navigation.vitepress(root)),
        title_from_h1=True,
        autolinks=True,  # its markdown-it runs with `linkify: true`
        static_dirs=(f"{folder}/public".lstrip("/"), folder),
        excluded=tuple("/".join(part for part in (folder, glob.strip("/")) if part) for glob in _src_exclude(source)),
        reasons=(f"{marker.relative_to(root).as_posix()} scanned: srcDir {folder or '.'}, lang {lang or 'unset'}",),
    )


def _suffix(source: str) -> str | None:
    """VitePress titles a page `:title | <site title>` unless `titleTemplate` says otherwise
    (vitepress.dev/reference/site-config#titletemplate)."""
    template = literal(source, "titleTemplate")
    if boolean(source, "titleTemplate") is False or (template is not None and ":title" not in template):
        return None
    if template is not None:
        return template.split(":title", 1)[1] or None
    title = literal(source, "title")
    return f" | {title}" if title else None


_ARRAY = re.compile(r"\bsrcExclude\s*:\s*\[([^\]]*)\]")
_STRING = re.compile(r"""(["'`])([^"'`]+)\1""")


def _src_exclude(source: str) -> list[str]:
    """The literal globs of `srcExclude` (Markdown files VitePress builds no page from)."""
    found = _ARRAY.search(source)
    return [match.group(2) for match in _STRING.finditer(found.group(1))] if found else []
