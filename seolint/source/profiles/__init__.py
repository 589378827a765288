"""Site profiles: what the generator of the site around an article makes of it.

A profile is detected from the generator's file at the site root (the nearest folder at or
above the article holding one, up to the git work tree's root) and read from its config:
the URL of each article, the language its place implies, whether it is dated content, the
front-matter keys the generator defines, how headings get ids, which link forms it resolves
and where covers come from. ``[site]`` in seolint.toml overrides any of it. Rules ask the
profile (through these functions); none guesses from paths on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from seolint.source.profiles import astro, docusaurus, eleventy, hugo, jekyll, mkdocs, nextjs, vitepress, zola
from seolint.source.profiles.model import (
    Permalink,
    Profile,
    article_url,
    content_path,
    dated_by_name,
    good_file_slug,
    is_dated,
    is_published,
    path_language,
)

__all__ = (
    "GENERATORS", "Permalink", "Profile", "article_url", "content_path", "dated_by_name", "detect", "good_file_slug",
    "is_dated", "is_published", "path_language",
)


class Generator(NamedTuple):
    markers: tuple[str, ...]  # files at the site root that name this generator, by priority
    read: Callable[[Path, Path], Profile]
    accepts: Callable[[Path], bool] = lambda marker: True  # Hugo and Zola share config.toml


#: Every generator, in the order a folder's files are tried.
GENERATORS: dict[str, Generator] = {
    "hugo": Generator(hugo.MARKERS, hugo.read, lambda marker: not hugo.is_zola(marker)),
    "zola": Generator(zola.MARKERS, zola.read, hugo.is_zola),
    "jekyll": Generator(jekyll.MARKERS, jekyll.read),
    "mkdocs": Generator(mkdocs.MARKERS, mkdocs.read),
    "docusaurus": Generator(docusaurus.MARKERS, docusaurus.read),
    "astro": Generator(astro.MARKERS, astro.read),
    "eleventy": Generator(eleventy.MARKERS, eleventy.read),
    "vitepress": Generator(vitepress.MARKERS, vitepress.read),
    "nextjs": Generator(nextjs.MARKERS, nextjs.read),
}


def detect(folder: Path) -> Profile | None:
    """The profile of the site around ``folder`` (absolute), or None when no generator file
    is found at or above it (up to the git work tree's root)."""
    return _detect(os.path.abspath(folder))


@lru_cache(maxsize=4096)
def _detect(folder: str) -> Profile | None:
    found = _at(folder)
    if found is not None:
        return found
    parent = os.path.dirname(folder)
    if parent == folder or os.path.exists(os.path.join(folder, ".git")):
        return None
    return _detect(parent)


def _at(folder: str) -> Profile | None:
    """The profile whose generator file sits in ``folder`` itself."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return None
    if ".vitepress" in names:
        try:
            names |= {f".vitepress/{name}" for name in os.listdir(os.path.join(folder, ".vitepress"))}
        except OSError:
            pass
    for generator in GENERATORS.values():
        for marker in generator.markers:
            if marker in names:
                path = Path(folder, marker)
                if path.is_file() and generator.accepts(path):
                    return _with_cname(generator.read(Path(folder), path))
    if "src" in names and os.path.isdir(os.path.join(folder, "src", "content", "docs")):
        return astro.starlight(Path(folder))  # a Starlight site whose config is not there
    return None


def _with_cname(profile: Profile) -> Profile:
    """The site's address from a CNAME file (GitHub Pages) when its config names none."""
    if profile.site_url:  # a literal read from a JS config may be anything: an address or nothing
        return profile if profile.site_url.startswith(("http://", "https://")) else profile.with_values(site_url=None)
    for folder in dict.fromkeys(("", *profile.static_dirs, *(d for d, _ in profile.content_dirs))):
        try:
            with open(os.path.join(profile.root, folder, "CNAME"), encoding="utf-8") as handle:
                host = " ".join(handle.read(256).split()[:1])
        except (OSError, UnicodeDecodeError):
            continue
        if host and "/" not in host:
            return profile.with_values(site_url=f"https://{host}/", reasons=(*profile.reasons, f"{folder or '.'}/CNAME: {host}"))
    return profile


def defaults(name: str, root: Path) -> Profile:
    """A generator's profile from its documented defaults (``[site] generator`` without
    its config file)."""
    generator = GENERATORS[name]
    return generator.read(root, root / generator.markers[0])
