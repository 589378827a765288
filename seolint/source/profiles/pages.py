"""Jekyll's pages that are not Markdown: every file of the site source with front matter is
built as a page (jekyllrb.com/docs/pages/), an HTML one too (`pages/showcase.html` with
`permalink: /showcase/`), at its `permalink`, else at its path. Links to them are no broken
links, although seolint checks no HTML file.

Read once per run (with the profile): only the front-matter block of `.html` files, none
in folders Jekyll does not build (`_layouts`, `_includes`, `_site`, hidden ones, `exclude`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from seolint.source.profiles.configs import yaml_data

#: Folders never built as pages: Jekyll's own (`_layouts`, `_site`...) start with `_`, and
#: its default `exclude` list.
_SKIPPED = frozenset({"node_modules", "vendor", "gemfiles"})
_SUFFIXES = (".html", ".htm")
#: At most this many bytes of a file are read for its front matter.
_HEAD = 8192


def html_pages(source: Path, excluded: Iterable[str] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The URLs (from the site root, with `redirect_from` aliases) of the HTML pages under
    ``source``, and the HTML files and the folders that hold them (whose stamps a cached result
    must check: a page added, removed or given another permalink)."""
    skipped = {name.strip("/") for name in excluded}
    urls: list[str] = []
    looked: dict[str, None] = {str(source): None}
    for current, dirs, files in os.walk(source):
        relative = os.path.relpath(current, source).replace(os.sep, "/")
        relative = "" if relative == "." else relative
        dirs[:] = sorted(name for name in dirs if not name.startswith(("_", "."))
                         and name not in _SKIPPED and f"{relative}/{name}".strip("/") not in skipped)
        for name in sorted(files):
            if not name.lower().endswith(_SUFFIXES) or f"{relative}/{name}".strip("/") in skipped:
                continue
            path = os.path.join(current, name)
            looked.update(dict.fromkeys(_folders(str(source), current)))
            looked[path] = None
            urls.extend(_urls(path, f"/{relative}/{name}".replace("//", "/")))
    return tuple(urls), tuple(looked)


def _folders(source: str, folder: str) -> list[str]:
    """``folder`` and the folders between it and ``source``: a page added beside the others
    changes their stamps (a first HTML file in a folder without one goes unseen)."""
    found = [folder]
    while len(folder) > len(source):
        folder = os.path.dirname(folder)
        found.append(folder)
    return found


def _urls(path: str, at: str) -> list[str]:
    """The page's URL and aliases; none when the file has no front matter."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            head = file.read(_HEAD)
    except OSError:
        return []
    lines = head.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return []
    end = next((number for number, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
    if end is None:
        return []
    data = yaml_data("\n".join(lines[1:end]))
    data = data if isinstance(data, dict) else {}
    permalink = data.get("permalink")
    if data.get("published") is False or permalink is False:
        return []
    found = [permalink if isinstance(permalink, str) and ":" not in permalink else at]
    aliases = data.get("redirect_from")
    for alias in [aliases] if isinstance(aliases, str) else aliases if isinstance(aliases, list) else []:
        if isinstance(alias, str):
            found.append(alias)
    return ["/" + url.lstrip("/") for url in found]
