"""Configuration: discovery, presets, ``extends``, and what applies to one file.

Keys follow ruff: ``select``, ``ignore``, ``extend-select``, ``per-file-ignores``,
``[severity]``, ``[rules.CODE]`` options, ``exclude``, ``lang``, ``[lang-paths]``. A file is
configured by the closest ``.seolint.toml``, ``seolint.toml`` or ``pyproject.toml`` with a
``[tool.seolint]`` table above it. Layers apply in order (presets and ``extends`` first, the
file itself, then the command line), each one's ``select`` / ``extend-select`` / ``ignore``
acting on what the previous layers enabled.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seolint.source import globs
from seolint.source import schema
from seolint._data import rules_dir
from seolint.errors import ConfigError
from seolint.findings import Severity
from seolint.rules import Options, Rule
from seolint.language.words import primary_subtag

if TYPE_CHECKING:
    from seolint.source.profiles import Profile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Markdown files in a content tree that are not articles; `exclude` replaces this list,
#: `extend-exclude` adds to it (as in ruff). Explicit paths are always checked.
DEFAULT_EXCLUDES = (
    "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "LICENSE.md",
    "SECURITY.md",
)
CONFIG_NAMES = (".seolint.toml", "seolint.toml", "pyproject.toml")
PRESETS = ("default", "strict", "yoast", "rankmath")
SeverityName = Literal["error", "warning", "info", "off"]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, alias_generator=lambda name: name.replace("_", "-")
    )


class SiteConfig(_Model):
    base_url: str | None = None
    base_path: str | None = None  # the URL path under which the articles of this folder live
    #: Overrides of the detected site profile (seolint.source.profiles); unset keys keep what the
    #: generator's files say.
    generator: Literal["hugo", "zola", "jekyll", "mkdocs", "docusaurus", "astro", "eleventy", "vitepress", "nextjs", "none"] | None = None
    root: str | None = None  # the site root, relative to this config file
    content_dir: str | None = None
    permalinks: dict[str, str] | None = None  # folder under the content dir -> pattern
    languages: list[str] | None = None
    default_language: str | None = None
    default_language_in_subdir: bool | None = None
    language_folders: bool | None = None
    trailing_slash: bool | None = None
    dated: list[str] | None = None  # folder names whose articles are dated content


class FieldsConfig(_Model):
    required: list[str] | None = None
    keys: dict[str, list[str]] = {}
    custom: dict[str, schema.FieldSpec] = {}
    known: list[str] = []


class FixConfig(_Model):
    #: Canonical order of top-level front-matter keys; `seolint fix` applies it when set.
    #: Keys not listed keep their relative order after the listed ones.
    key_order: list[str] | None = None


class ConfigFile(_Model):
    """One configuration layer as written in TOML."""

    extends: str | list[str] | None = None
    select: list[str] | None = None
    extend_select: list[str] = []
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = {}
    severity: dict[str, SeverityName] = {}
    rules: dict[str, dict[str, Any]] = {}
    exclude: list[str] = []
    extend_exclude: list[str] = []
    #: Apply the exclusions to files named explicitly too (ruff's force-exclude): for hooks
    #: and editors, which pass every staged or open file by name.
    force_exclude: bool | None = None
    lang: str | None = None
    lang_paths: dict[str, str] = {}
    static_roots: list[str] | None = None
    site: SiteConfig = Field(default_factory=SiteConfig)
    fields: FieldsConfig = Field(default_factory=FieldsConfig)
    respect_gitignore: bool | None = None
    #: Files larger than this many bytes are not read (RUN003); also "10MB", "512KB".
    max_file_size: int | str | None = None
    fix: FixConfig = Field(default_factory=FixConfig)


@dataclass(frozen=True)
class Layer:
    config: ConfigFile
    origin: str  # where it came from, for messages
    root: Path  # the folder its relative patterns are relative to


@dataclass
class Fields:
    required: tuple[str, ...]
    keys: dict[str, tuple[str, ...]]
    custom: dict[str, schema.FieldSpec]
    known: frozenset[str]

    def key_map(self) -> dict[str, tuple[str, ...]]:
        return self.keys

    @cached_property
    def all_keys(self) -> frozenset[str]:
        """Every key that feeds a field or is known to be used."""
        fed = {key for keys in self.keys.values() for key in keys}
        return frozenset(fed | set(self.custom) | self.known)


@dataclass
class FileSettings:
    """What one article needs from the config besides rule selection."""

    lang: str  # the configured `lang`: the language when nothing else tells (default en)
    fields: Fields
    root: Path
    static_roots: tuple[Path, ...]
    base_url: str | None
    today: dt.date
    base_path: str = "/"
    site: Profile | None = None  # the site around the article (seolint.source.profiles)
    #: The `[lang-paths]` pattern that matched this file, and its language.
    lang_path: tuple[str, str] | None = None


@dataclass
class Config:
    """The resolved configuration of one folder: layers merged, rules validated."""

    layers: list[Layer]
    registry: dict[str, Rule]
    root: Path
    enabled: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, Options] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._select()
        self._validate_options()
        self.max_file_size  # a wrong size is a config error now, not when a file is read

    @cached_property
    def fingerprint(self) -> str:
        """A digest of everything in this config that can change a finding."""
        import hashlib
        import json

        layers = [layer.config.model_dump(mode="json") for layer in self.layers]
        state = {"layers": layers, "root": self.root.as_posix(), "enabled": {k: v.value for k, v in self.enabled.items()}}
        return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()

    # --- rule selection ------------------------------------------------------------------

    def resolve(self, selectors: list[str], origin: str) -> set[str]:
        """Codes for ``ALL``, codes, names and code prefixes; unknown ones are errors."""
        codes: set[str] = set()
        for selector in selectors:
            found = select_codes(self.registry, selector)
            if not found:
                known = [*self.registry, *(rule.name for rule in self.registry.values())]
                where = _located(origin, selector)
                raise ConfigError(f"{where}: unknown rule or prefix `{selector}`{_did_you_mean(selector, known)}")
            codes |= found
        return codes

    def _select(self) -> None:
        enabled = {code for code, rule in self.registry.items() if rule.enabled}
        severities = {code: rule.severity for code, rule in self.registry.items()}
        for layer in self.layers:
            cfg = layer.config
            if cfg.select is not None:
                enabled = self.resolve(cfg.select, layer.origin)
            enabled |= self.resolve(cfg.extend_select, layer.origin)
            enabled -= self.resolve(cfg.ignore, layer.origin)
            for selector, level in cfg.severity.items():
                for code in self.resolve([selector], f"{layer.origin} [severity]"):
                    if level == "off":
                        enabled.discard(code)
                    else:
                        severities[code] = Severity(level)
                        enabled.add(code)
        self.enabled = {code: severities[code] for code in sorted(enabled)}

    def _validate_options(self) -> None:
        merged: dict[str, dict[str, Any]] = {}
        origins: dict[str, str] = {}
        for layer in self.layers:
            for selector, values in layer.config.rules.items():
                codes = self.resolve([selector], f"{layer.origin} [rules]")
                if len(codes) != 1:
                    raise ConfigError(
                        f"{layer.origin}: [rules.{selector}] must name one rule, not a prefix"
                    )
                code = codes.pop()
                merged.setdefault(code, {}).update(values)
                origins[code] = layer.origin
        for code, rule in self.registry.items():
            try:
                self.options[code] = rule.options.model_validate(merged.get(code, {}))
            except ValidationError as error:
                raise ConfigError(_option_error(origins[code], rule, error)) from None

    # --- per-file values -----------------------------------------------------------------

    def relative(self, path: Path) -> str:
        candidate = globs.absolute(path)
        if not candidate.is_relative_to(self.root):
            candidate = globs.real_folder(candidate.parent) / candidate.name  # through a link
        if candidate.is_relative_to(self.root):
            return candidate.relative_to(self.root).as_posix()
        return path.as_posix()

    def last(self, name: str) -> Any:
        """The value of a scalar key from the last layer that sets it."""
        value = None
        for layer in self.layers:
            if name in layer.config.model_fields_set:
                value = getattr(layer.config, name)
        return value

    @cached_property
    def max_file_size(self) -> int:
        """The largest article read, in bytes (``max-file-size``; 10 MB by default)."""
        from seolint.source.reading import DEFAULT_MAX_FILE_SIZE

        value = self.last("max_file_size")
        return DEFAULT_MAX_FILE_SIZE if value is None else parse_size(value, "max-file-size")

    @cached_property
    def excludes(self) -> list[str]:
        found: list[str] = list(DEFAULT_EXCLUDES)
        for layer in self.layers:
            if "exclude" in layer.config.model_fields_set:
                found = list(layer.config.exclude)
            found += layer.config.extend_exclude
        return found

    @cached_property
    def fields(self) -> Fields:
        keys = dict(schema.BUILTIN_KEYS)
        required: list[str] = ["title", "description", "date"]
        custom: dict[str, schema.FieldSpec] = {}
        known: set[str] = set(schema.COMMON_KEYS)
        for layer in self.layers:
            spec = layer.config.fields
            keys.update({name: tuple(value) for name, value in spec.keys.items()})
            required = spec.required if spec.required is not None else required
            custom.update(spec.custom)
            known.update(spec.known)
        return Fields(tuple(required), keys, custom, frozenset(known))

    def ignored_for(self, path: Path) -> set[str]:
        relative = self.relative(path)
        codes: set[str] = set()
        for layer in self.layers:
            for pattern, selectors in layer.config.per_file_ignores.items():
                if globs.matches(pattern, relative):
                    codes |= self.resolve(selectors, f"{layer.origin} [per-file-ignores]")
        return codes

    def settings_for(self, path: Path, today: dt.date) -> FileSettings:
        lang_path = None
        if any(layer.config.lang_paths for layer in self.layers):  # most sites have none: skip the path work
            relative = self.relative(path)
            for layer in self.layers:  # within a layer the first match wins; later layers override
                found = ((pattern, primary_subtag(code)) for pattern, code in layer.config.lang_paths.items()
                         if globs.matches(pattern, relative))
                lang_path = next(found, lang_path)
        roots = self.last("static_roots") or ["static", "public"]
        return FileSettings(
            lang=primary_subtag(self.last("lang") or "en"),
            lang_path=lang_path,
            fields=self.fields,
            root=self.root,
            static_roots=tuple(self.root / root for root in roots),
            base_url=self._base_url(),
            today=today,
            base_path=self._base_path(),
            site=self.site_for(path),
        )

    def site_for(self, path: Path) -> Profile | None:
        """The profile of the site around ``path``: detected, then ``[site]`` applied."""
        from seolint.source.profiles.overrides import profile_for

        return profile_for(path, [(layer.config.site, layer.root) for layer in self.layers])

    @property
    def key_order(self) -> list[str] | None:
        order = None
        for layer in self.layers:
            order = layer.config.fix.key_order if layer.config.fix.key_order is not None else order
        return order

    def _base_path(self) -> str:
        path = "/"
        for layer in self.layers:
            path = layer.config.site.base_path or path
        return path

    def _base_url(self) -> str | None:
        url = None
        for layer in self.layers:
            url = layer.config.site.base_url or url
        return url


_UNITS = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": 1024 ** 2, "M": 1024 ** 2, "GB": 1024 ** 3, "G": 1024 ** 3}


def parse_size(value: int | str, origin: str) -> int:
    """Bytes from ``10485760``, ``"10MB"`` or ``"512 KB"`` (units of 1024); a clear error
    for anything else, or for a size under one byte."""
    if isinstance(value, int):
        size = value
    else:
        text = value.strip().upper().replace(" ", "")
        number = text.rstrip("KMGB")
        unit = text[len(number):]
        try:
            size = int(float(number) * _UNITS[unit])
        except (ValueError, KeyError, OverflowError):
            raise ConfigError(f"{origin}: `{value}` is not a size (bytes, or a number with KB, MB or GB)") from None
    if size < 1:
        raise ConfigError(f"{origin}: must be at least 1 byte, not {value}")
    return size


def select_codes(registry: dict[str, Rule], selector: str) -> set[str]:
    selector = selector.strip()
    if selector.upper() == "ALL":
        return set(registry)
    by_name = {rule.name: code for code, rule in registry.items()}
    if selector in by_name:
        return {by_name[selector]}
    upper = selector.upper()
    return {code for code in registry if code.startswith(upper)} if upper[:1].isalpha() else set()


def _option_error(origin: str, rule: Rule, error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_url=False):
        key = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            known = ", ".join(f"`{name.replace('_', '-')}`" for name in rule.options.model_fields)
            problems.append(f"unknown option `{key}` (known: {known or 'none'})")
        else:
            problems.append(f"`{key}`: {item['msg']}")
    return f"{origin}: [rules.{rule.code}] " + "; ".join(problems)


# --- reading files ---------------------------------------------------------------------


def read_layer(path: Path) -> ConfigFile | None:
    """One config file's seolint table; None for a pyproject.toml without one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
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
            problems.append(f"unknown key `{key}`{_did_you_mean(parts[-1], known)}")
        else:
            problems.append(f"`{key}`: {item['msg'].lower()}")
    return f"{_located(str(path), first)}: " + "; ".join(problems)


def _did_you_mean(word: str, known: list[str]) -> str:
    import difflib

    by_folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f" (did you mean `{by_folded[close[0]]}`?)" if close else ""


def _located(origin: str, word: str | None) -> str:
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
        raise ConfigError(f"{path}: `extends` loops back to this file")
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
        raise ConfigError(f"{child}: `extends = {base!r}` is neither a preset ({presets}) nor a file")
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
