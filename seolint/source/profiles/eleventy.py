"""Eleventy: `eleventy.config.js|mjs|cjs` or `.eleventy.js` (www.11ty.dev/docs/config/).

The config is JavaScript and never executed: only a literal `input: "src"` (or
`setInputDirectory("src")`) is read, else the documented default (the project folder).
URLs (www.11ty.dev/docs/permalinks/): `dir/page.md` -> `/dir/page/`, `index.md` stands for
its folder; a `permalink` key (front matter, or a directory data file `blog/blog.json`)
replaces it, with `{{ page.fileSlug }}` being the file name without a leading date
(www.11ty.dev/docs/data-eleventy-supplied/).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from seolint.source.profiles.configs import literal, script
from seolint.source.profiles.model import Permalink, Profile

MARKERS = ("eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js")
KEYS = frozenset("""
    layout permalink tags eleventyExcludeFromCollections eleventyNavigation eleventyComputed
    pagination date title description templateEngineOverride dynamicPermalink eleventyImport
    """.split())


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    called = re.search(r"""setInputDirectory\(\s*["'`]([^"'`]+)""", source)
    folder = (called.group(1) if called else literal(source, "input") or ".").strip("./") or ""
    return Profile(
        "eleventy", root.as_posix(), marker.name,
        content_dirs=((folder, None),),
        permalinks=tuple(_directory_permalinks(root / folder)),
        data_keys=tuple(_directory_keys(root, root / folder)),
        url_keys=("permalink",),
        slug_key=False,
        dated=("blog", "posts", "news"),
        keys=KEYS,
        heading_style="slugify",
        date_from_name=True,
        static_dirs=(folder, "public"),
        link_forms=("liquid",),
        templated_content=True,
        reasons=(f"{marker.name} scanned: input folder {folder or '.'}",),
    )


def _directory_permalinks(content: Path) -> list[Permalink]:
    """`permalink` values of directory data files (`blog/blog.json`), one level down."""
    found: list[Permalink] = []
    try:
        folders = sorted(entry for entry in content.iterdir() if entry.is_dir())
    except OSError:
        return found
    for folder in folders:
        for name in (f"{folder.name}.json", f"{folder.name}.11tydata.json"):
            try:
                data = json.loads((folder / name).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            pattern = data.get("permalink") if isinstance(data, dict) else None
            if isinstance(pattern, str) and "{%" not in pattern:
                found.append(Permalink(folder.name, pattern))
    return found


def _directory_keys(root: Path, content: Path) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The keys each folder's directory data file (`quicktips/quicktips.json`, or
    `.11tydata.json`) gives its pages, `eleventyComputed` ones included (JavaScript data files
    are code, never run)."""
    for folder, names, files in os.walk(content):
        names[:] = sorted(name for name in names if not name.startswith((".", "_")) and name != "node_modules")
        base = os.path.basename(folder)
        for name in (f"{base}.json", f"{base}.11tydata.json"):
            if name not in files:
                continue
            try:
                data = json.loads(Path(folder, name).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                computed = data.get("eleventyComputed")
                keys = {*data, *(computed if isinstance(computed, dict) else ())} - {"eleventyComputed"}
                yield Path(folder).relative_to(root).as_posix(), tuple(sorted(keys))
