"""MkDocs: `mkdocs.yml` (www.mkdocs.org/user-guide/configuration/).

URLs (www.mkdocs.org/user-guide/writing-your-docs/): the path under `docs_dir` (default
`docs`), `index.md`/`README.md` standing for their folder, with `use_directory_urls` (the
default) giving `/guide/intro/`. Links between pages are written as relative `.md` paths and
resolved by file. Heading ids follow the toc extension's slugify (close to GitHub's), and
attribute lists give explicit ids: `## Title { #id }`. Material's blog plugin keeps dated
posts under `blog/posts/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import seolint.source.profiles.nav as navigation
from seolint.source.profiles.configs import load, text, url_path
from seolint.source.profiles.model import Profile

MARKERS = ("mkdocs.yml", "mkdocs.yaml")
KEYS = frozenset("""
    title description template hide status search tags icon subtitle authors date categories
    links slug draft readtime pin comments social
    """.split())


def read(root: Path, marker: Path) -> Profile:
    data = load(marker)
    docs = (text(data, "docs_dir") or "docs").strip("/")
    plugins = data.get("plugins")
    names = {str(next(iter(p))) if isinstance(p, dict) and p else str(p) for p in plugins} if isinstance(plugins, list) else set()
    return Profile(
        "mkdocs", root.as_posix(), marker.name,
        content_dirs=((docs, None),),
        base_path=url_path(text(data, "site_url")),
        site_url=text(data, "site_url"),
        slug_key=False,
        dated=("posts",) if "blog" in names else ("posts", "blog"),
        docs=("",),  # a documentation generator: every page but the blog's posts
        keys=KEYS,
        title_suffix=f" - {name.strip()}" if (name := text(data, "site_name")) and name.strip() else None,
        nav=frozenset(navigation.mkdocs(data)),
        title_from_h1=True,
        autolinks="pymdownx.magiclink" in _extensions(data),
        static_dirs=(docs,),
        heading_style="mkdocs",
        tab_ids=_tab_ids(data),
        default_covers=("",) if "social" in names else (),  # Material's social plugin draws a card per page
        source_hooks=bool(data.get("hooks")) or "macros" in names,
        reasons=(f"{marker.name} read: docs_dir {docs}; plugins {', '.join(sorted(names)) or 'none'}",),
    )


def _extensions(data: dict[str, object]) -> set[str]:
    """The names under `markdown_extensions` (plain names or one-key tables)."""
    listed = data.get("markdown_extensions")
    if not isinstance(listed, list):
        return set()
    return {str(next(iter(item))) if isinstance(item, dict) and item else str(item) for item in listed}


def _tab_ids(data: dict[str, object]) -> str:
    """How pymdownx.tabbed names content tabs: by title only with its `slugify` option
    (facelessuser.github.io/pymdown-extensions/extensions/tabbed/#tab-ids)."""
    listed = data.get("markdown_extensions")
    for item in listed if isinstance(listed, list) else ():
        options = item.get("pymdownx.tabbed") if isinstance(item, dict) else None
        if isinstance(options, dict) and "slugify" in options:
            return "combined" if options.get("combine_header_slug") else "plain"
    return ""


_TAB = re.compile(r"""^\s*===[!+]?\s+"(.*)"\s*$""")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_EMOJI = re.compile(r":[\w+-]+:")  # `:octicons-package-16:`, drawn as an icon: no text


def tab_ids(lines: Sequence[str], headings: Sequence[tuple[int, str]], combined: bool) -> Iterator[str]:
    """The id of each content tab of a page (outside code fences): its title slugified as
    pymdownx.slugs does it (strip, lower, drop what is not a word character, dash or space,
    spaces become dashes: `... or even me` -> `-or-even-me`), after the id of the nearest
    heading above it and a dash when combined (`### Logo` + `Icon, bundled` ->
    `logo-icon-bundled`). ``headings`` are (1-based line, id) in order."""
    fence: str | None = None
    for number, line in enumerate(lines, 1):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        tab = _TAB.match(line)
        if tab is None:
            continue
        slug = re.sub(r"[^\w\- ]", "", _EMOJI.sub("", tab.group(1)).strip().lower()).replace(" ", "-")
        above = [found for at, found in headings if at < number]
        yield f"{above[-1]}-{slug}" if combined and above else slug
