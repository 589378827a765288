"""Config files: found above a folder, read, and extended (presets by name, files by path),
as a list of layers, the last one winning."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel, ValidationError

from seolint._data import rules_dir
from seolint.errors import ConfigError
from seolint.i18n import joined, msg
from seolint.source import globs
from seolint.source.settings import ConfigFile, FieldsConfig, FixConfig, Layer, SiteConfig

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".seolint.toml", "seolint.toml", "pyproject.toml")
PRESETS = ("default", "strict", "yoast", "rankmath")


def read_layer(path: Path) -> ConfigFile | None:
    """One config file's seolint table; None for a pyproject.toml without one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(msg("{path}: cannot read the config file ({reason})", path=path, reason=error.strerror)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(msg("{path}: invalid TOML: {error}", path=path, error=str(error))) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("seolint")
        if data is None:
            return None
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:
        raise ConfigError(_config_error(path, error)) from None


#: The tables of a config file whose keys are fixed, for "did you mean".
_TABLES: dict[tuple[str, ...], type[BaseModel]] = {
    (): ConfigFile, ("site",): SiteConfig, ("fields",): FieldsConfig, ("fix",): FixConfig,
}


def _config_error(path: Path, error: ValidationError) -> str:
    problems = []
    first: str | None = None
    for item in error.errors(include_url=False):
        parts = tuple(str(part) for part in item["loc"])
        key = ".".join(parts)
        first = first or parts[-1]
        if item["type"] == "extra_forbidden":
            model = _TABLES.get(parts[:-1])
            known = [name.replace("_", "-") for name in model.model_fields] if model is not None else []
            problems.append(msg("unknown key `{key}`{suggestion}", key=key, suggestion=did_you_mean(parts[-1], known)))
        else:
            problems.append(msg("`{key}`: {problem}", key=key, problem=item["msg"].lower()))
    return msg("{where}: {problems}", where=located(str(path), first), problems=joined(problems, "; "))


def did_you_mean(word: str, known: list[str]) -> str:
    import difflib

    by_folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return msg(" (did you mean `{name}`?)", name=by_folded[close[0]]) if close else ""


def located(origin: str, word: str | None) -> str:
    """``origin:LINE`` when ``origin`` is a config file that names ``word`` on a line (as a
    key, a table or a quoted string), else ``origin``: the writer goes straight to the typo."""
    import re

    if not word or origin == "the command line":
        return origin
    path, sep, table = origin.partition(" [")  # "seolint.toml [severity]"
    name = re.escape(word)
    pattern = re.compile(rf"""^\s*(["']?{name}["']?\s*=|\[[^\]]*\b{name}\s*\])|["']{name}["']""")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return origin
    for number, line in enumerate(lines, 1):
        if pattern.search(line):
            return f"{path}:{number}{sep}{table}"
    return origin


def load_layers(path: Path, seen: tuple[Path, ...] = ()) -> list[Layer]:
    """The layers of a config file: what it extends first, then itself."""
    path = globs.real(path)
    if path in seen:
        raise ConfigError(msg("{path}: `extends` loops back to this file", path=path))
    config = read_layer(path)
    if config is None:
        return []
    layers: list[Layer] = []
    bases = [config.extends] if isinstance(config.extends, str) else config.extends or []
    for base in bases:
        layers += _base_layers(base, path, (*seen, path))
    return [*layers, Layer(config, str(path), path.parent)]


def _base_layers(base: str, child: Path, seen: tuple[Path, ...]) -> list[Layer]:
    if base in PRESETS:
        preset = rules_dir() / "presets" / f"{base}.toml"
        return load_layers(preset, seen)
    target = globs.real(child.parent / base)
    if not target.is_file():
        presets = ", ".join(PRESETS)
        raise ConfigError(msg("{path}: `extends = {base}` is neither a preset ({presets}) nor a file",
                              path=child, base=repr(base), presets=presets))
    return load_layers(target, seen)


def find_config(folder: Path) -> Path | None:
    """The closest config file at or above ``folder``."""
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_seolint_table(path)):
                return path
    return None


def _has_seolint_table(path: Path) -> bool:
    try:
        return "[tool.seolint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
