"""Configuration: the layers of a folder merged, and what applies to one file.

Keys follow ruff: ``select``, ``ignore``, ``extend-select``, ``per-file-ignores``,
``[severity]``, ``[rules.CODE]`` options, ``exclude``, ``lang``, ``[lang-paths]``. A file is
configured by the closest ``.seolint.toml``, ``seolint.toml`` or ``pyproject.toml`` with a
``[tool.seolint]`` table above it. Layers apply in order (presets and ``extends`` first, the
file itself, then the command line), each one's ``select`` / ``extend-select`` / ``ignore``
acting on what the previous layers enabled. Finding and reading the files is
:mod:`.layers`; the models of what they say are :mod:`.settings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from seolint.errors import ConfigError
from seolint.i18n import joined, msg
from seolint.findings import Severity
from seolint.language.data import primary_subtag
from seolint.rules import Options, Rule
from seolint.source import globs, schema
from seolint.source.layers import did_you_mean, located
from seolint.source.settings import Fields, FileSettings, Layer

if TYPE_CHECKING:
    from seolint.source.profiles import Profile

#: Markdown files in a content tree that are not articles; `exclude` replaces this list,
#: `extend-exclude` adds to it (as in ruff). Explicit paths are always checked.
DEFAULT_EXCLUDES = (
    "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "LICENSE.md",
    "SECURITY.md",
)


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
        self.kind_ignore  # and so is an unknown rule in `[site] kind-ignore`

    @cached_property
    def fingerprint(self) -> str:
        """A digest of everything in this config that can change a finding."""
        import hashlib
        import json

        layers = [layer.config.model_dump(mode="json") for layer in self.layers]
        state: dict[str, Any] = {"layers": layers, "root": self.root.as_posix(), "enabled": {k: v.value for k, v in self.enabled.items()}}
        if self.messages == "auto":  # then the locale can choose the language of messages
            from seolint.i18n import locale_language

            state["locale"] = locale_language()
        return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()

    # --- rule selection ------------------------------------------------------------------

    def resolve(self, selectors: list[str], origin: str) -> set[str]:
        """Codes for ``ALL``, codes, names and code prefixes; unknown ones are errors."""
        codes: set[str] = set()
        for selector in selectors:
            found = select_codes(self.registry, selector)
            if not found:
                known = [*self.registry, *(rule.name for rule in self.registry.values())]
                where = located(origin, selector)
                raise ConfigError(msg("{where}: unknown rule or prefix `{selector}`{suggestion}", where=where,
                                      selector=selector, suggestion=did_you_mean(selector, known)))
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
                for code in self.resolve([selector], joined([layer.origin, "[severity]"], " ")):
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
                codes = self.resolve([selector], joined([layer.origin, "[rules]"], " "))
                if len(codes) != 1:
                    raise ConfigError(msg("{where}: [rules.{selector}] must name one rule, not a prefix",
                                          where=layer.origin, selector=selector))
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
    def messages(self) -> str:
        """The language of messages: ``auto`` (the article's, else the locale's), ``en``, ``fr``."""
        value = self.last("messages")
        return "auto" if value is None else str(value)

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
                    codes |= self.resolve(selectors, joined([layer.origin, "[per-file-ignores]"], " "))
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
            page_kind=self._page_kind(path),
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

    def _page_kind(self, path: Path) -> str | None:
        """The kind `[site] page-kinds` gives ``path``: within a layer the first matching
        glob wins, later layers override."""
        if not any(layer.config.site.page_kinds for layer in self.layers):
            return None
        relative, kind = self.relative(path), None
        for layer in self.layers:
            found = (value for pattern, value in (layer.config.site.page_kinds or {}).items()
                     if globs.matches(pattern, relative))
            kind = next(found, kind)
        return kind

    @cached_property
    def kind_ignore(self) -> dict[str, frozenset[str]]:
        """Kind of page -> the codes off on its pages (seolint.source.profiles.kinds)."""
        from seolint.source.profiles.kinds import KINDS, kind_ignored

        merged: dict[str, list[str]] = {}
        for layer in self.layers:
            for kind, codes in (layer.config.site.kind_ignore or {}).items():
                merged[kind] = codes
        return {kind: frozenset(self.resolve(list(kind_ignored(kind, merged)), "[site] kind-ignore"))
                for kind in KINDS}

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
            raise ConfigError(msg("{where}: `{value}` is not a size (bytes, or a number with KB, MB or GB)",
                                  where=origin, value=value)) from None
    if size < 1:
        raise ConfigError(msg("{where}: must be at least 1 byte, not {value}", where=origin, value=str(value)))
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
            if known:
                problems.append(msg("unknown option `{key}` (known: {known})", key=key, known=known))
            else:
                problems.append(msg("unknown option `{key}` (known: none)", key=key))
        else:
            problems.append(msg("`{key}`: {problem}", key=key, problem=item["msg"]))
    return msg("{where}: [rules.{code}] {problems}", where=origin, code=rule.code, problems=joined(problems, "; "))


