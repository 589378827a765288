"""What a config file says, as typed models, and what one article needs of its config.

The models refuse unknown keys and wrong types (pydantic at the boundary); :mod:`.layers`
reads them from files, :mod:`.config` merges the layers of a folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seolint.errors import ConfigError
from seolint.source import schema

if TYPE_CHECKING:
    from seolint.source.profiles import Profile

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
    #: Globs (relative to this file) -> the kind of the pages they match: "dated", "docs"
    #: or "page" (seolint.source.profiles.kinds); the first match wins.
    page_kinds: dict[str, Literal["dated", "docs", "page"]] | None = None
    #: Kind -> the rules off on its pages, replacing the default list (docs: K001, I001,
    #: C001, S005, L002, X006).
    kind_ignore: dict[Literal["dated", "docs", "page"], list[str]] | None = None


#: `[site]` keys that are not overrides of the detected profile.
NOT_PROFILE = frozenset({"base_url", "base_path", "page_kinds", "kind_ignore"})


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
    #: The language of messages, hints and reports: the article's (auto), or always one.
    messages: Literal["auto", "en", "fr"] | None = None


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
    #: The kind `[site] page-kinds` gives this file, when a glob matches it.
    page_kind: str | None = None

    @property
    def own_url(self) -> str | None:
        """The site's address: `[site] base-url`, else the one its generator's config or
        CNAME file gives (absolute links to it are internal)."""
        return self.base_url or (self.site.site_url if self.site is not None else None)


def from_options(values: dict[str, Any]) -> ConfigFile | None:
    """The layer that command-line (or editor) options make; None when none is set."""
    data = {key: value for key, value in values.items() if value}
    if not data:
        return None
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:  # pragma: no cover - click already typed them
        raise ConfigError(f"command line: {error}") from None
