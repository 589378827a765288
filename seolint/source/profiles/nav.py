"""The site's navigation, read from its files: a page listed there is linked from every page
of the site (its menu or sidebar), so it is no orphan (X006).

- Jekyll: `_data/*nav*.yml|yaml|json` (jekyllrb.com/docs/datafiles/; `docs_nav.yml`,
  `primary_nav.yml`, `navigation.yml`): every `link`, `url`, `href` or `path` value.
- MkDocs: `nav` in mkdocs.yml (www.mkdocs.org/user-guide/configuration/#nav): every `.md`
  file it names, relative to `docs_dir`.
- VitePress: a sidebar or nav kept in a YAML or JSON file under `.vitepress/`
  (`sidebar.json`, `nav.yml`): every `link`. A sidebar written in the JS/TS config is not read.

Entries are kept as written: URLs (`/docs/usage/`) and source files (`guide/setup.md`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from seolint.source.profiles.configs import yaml_data

_LINK_KEYS = ("link", "url", "href", "path", "permalink")
#: Files read at most per site (navigation files are few and small).
_MAX_FILES = 20


def jekyll(root: Path, source: str) -> tuple[str, ...]:
    return _from_files(root / source / "_data", ("nav", "menu", "sidebar"))


def vitepress(root: Path) -> tuple[str, ...]:
    return _from_files(root / ".vitepress", ("nav", "sidebar", "menu"))


def mkdocs(data: dict[str, Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in _leaves(data.get("nav")) if value.endswith((".md", ".markdown"))))


def _from_files(folder: Path, words: tuple[str, ...]) -> tuple[str, ...]:
    try:
        names = sorted(name for name in os.listdir(folder)
                       if name.endswith((".yml", ".yaml", ".json")) and any(word in name.lower() for word in words))
    except OSError:
        return ()
    found: list[str] = []
    for name in names[:_MAX_FILES]:
        found += _links(_read(folder / name))
    return tuple(dict.fromkeys(found))


def _read(path: Path) -> Any:
    """A YAML or JSON data file (a list or a mapping); None when unreadable or invalid."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except ValueError:
            return None
    return yaml_data(text)


def _links(data: Any) -> Iterator[str]:
    """Every string under a link-like key, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _LINK_KEYS and isinstance(value, str):
                yield value.strip()
            else:
                yield from _links(value)
    elif isinstance(data, list):
        for item in data:
            yield from _links(item)


def _leaves(data: Any) -> Iterator[str]:
    """Every string value of MkDocs' `nav` (`- Title: page.md`, `- page.md`, nested)."""
    if isinstance(data, str):
        yield data.strip()
    elif isinstance(data, dict):
        for value in data.values():
            yield from _leaves(value)
    elif isinstance(data, list):
        for item in data:
            yield from _leaves(item)


def listed(nav: frozenset[str], url: str | None, inner: str | None, base_path: str = "/") -> bool:
    """Whether an article (its URL, and its file relative to the content folder) is in the
    site's navigation."""
    if not nav:
        return False
    if inner is not None and inner in nav:
        return True
    return url is not None and _bare(url) in _urls(nav, base_path)


@lru_cache(maxsize=64)
def _urls(nav: frozenset[str], base_path: str) -> frozenset[str]:
    """The navigation's URLs, bare, with and without the site's base path."""
    urls = [entry for entry in nav if entry.startswith("/")]
    return frozenset([*map(_bare, urls), *(_bare(url.removeprefix(base_path.rstrip("/"))) for url in urls)])


def _bare(url: str) -> str:
    path = url.split("#", 1)[0].split("?", 1)[0]
    for suffix in (".html", ".md"):
        path = path.removesuffix(suffix)
    return path.strip("/").lower()
