"""Reading generator config files: TOML and YAML parsed, JS/TS only scanned for a few
literal values (never executed). A file that cannot be read gives an empty mapping: a broken
site config must not stop a lint run."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Bytes read of a JS/TS config at most (configs are small; a huge file is not one).
_JS_LIMIT = 1 << 20


def load(path: Path) -> dict[str, Any]:
    """A TOML or YAML config as a mapping; {} when unreadable, invalid or not a mapping."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    if path.suffix == ".toml":
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return {}
    elif path.suffix in (".yml", ".yaml"):
        data = yaml_data(text)
    else:
        return {}
    return data if isinstance(data, dict) else {}


def yaml_data(text: str) -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        """SafeLoader that reads tags it does not know (mkdocs.yml's ``!!python/name:``,
        ``!ENV``) as plain values instead of failing."""

    def unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_mapping(node)  # type: ignore[arg-type]

    Loader.add_multi_constructor("", unknown)
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return {}


def script(path: Path) -> str:
    """A JS/TS config's text, to scan for literal values."""
    try:
        with path.open("rb") as handle:
            return handle.read(_JS_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return ""


def literal(text: str, key: str) -> str | None:
    """The first string literal assigned to ``key`` (``key: "src"`` or ``key = 'src'``)."""
    found = re.search(rf"""(?<![\w$.]){re.escape(key)}\s*[:=]\s*(["'`])([^"'`\n]*)\1""", text)
    return found.group(2) if found else None


#: A `head` entry of a JS config that gives every page a social image (VitePress, Starlight):
#: `['meta', { property: 'og:image', content: '…' }]`, `{ tag: 'meta', attrs: { property: 'og:image' … } }`.
_HEAD_IMAGE = re.compile(r"""(?:property|name)\s*:\s*["'](?:og:image|twitter:image)["']""")


def head_image(text: str) -> bool:
    """Whether a JS config sets an `og:image` (or `twitter:image`) meta tag for every page."""
    return bool(_HEAD_IMAGE.search(text))


def boolean(text: str, key: str) -> bool | None:
    found = re.search(rf"(?<![\w$.]){re.escape(key)}\s*[:=]\s*(true|false)\b", text)
    return found.group(1) == "true" if found else None


def table(data: dict[str, Any], *path: str) -> dict[str, Any]:
    """A nested mapping of a parsed config ({} when absent or of another type)."""
    found: Any = data
    for name in path:
        found = found.get(name) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else {}


def text(data: dict[str, Any], *names: str) -> str | None:
    """The first of ``names`` holding a string."""
    for name in names:
        value = data.get(name)
        if isinstance(value, str):
            return value
    return None


def url_path(url: str | None) -> str:
    """The path of a base URL (`https://x.org/docs/` -> `/docs/`), always with slashes."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path if url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def locales(source: str) -> tuple[str, ...]:
    """Locale keys of a JS config's `locales: { fr: {...}, 'pt-br': {...} }` (`root` is not
    one: it is the default locale without a folder)."""
    start = re.search(r"(?<![\w$.])locales\s*:\s*\{", source)
    if start is None:
        return ()
    block = source[start.end(): start.end() + 4000]
    found = re.findall(r"""(?m)^\s*['"]?([a-z]{2}(?:-[a-zA-Z]{2})?)['"]?\s*:\s*\{""", block)
    return tuple(dict.fromkeys(found))
