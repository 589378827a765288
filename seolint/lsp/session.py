"""What the server knows between requests: its settings, the configs, the check of a buffer.

A buffer is checked by ``runner.run_source``, the function ``seolint check
--stdin-filename`` uses, so the server and the CLI report the same findings for the same
text and path. Configs are discovered for the document's path as ``check`` discovers them,
and found again when a config file changes: each check compares the stamps of the config
files that discovery could find above the document with the ones it saw last time (a few
``stat`` calls), and a file event from the client forgets them all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seolint import engine
from seolint.batch import runner
from seolint.errors import ConfigError
from seolint.findings import Finding
from seolint.site.summaries import Summary
from seolint.source.document import Document
from seolint.source.globs import Stamp, stamp
from seolint.source.layers import CONFIG_NAMES


@dataclass(frozen=True)
class Settings:
    """What the client may set (``initializationOptions`` or ``workspace/configuration``,
    section ``seolint``): as ``check``'s ``--config``, ``--select``, ``--ignore``, and the
    ``lang`` of articles that do not declare one."""

    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None

    @classmethod
    def from_client(cls, value: Any) -> Settings:
        """Settings from the client's JSON; anything of the wrong shape is left out."""
        data = value.get("seolint", value) if isinstance(value, dict) else {}
        if not isinstance(data, dict):
            return cls()
        return cls(
            config=_text(data.get("config")),
            select=_codes(data.get("select")),
            ignore=_codes(data.get("ignore")),
            lang=_text(data.get("lang")),
        )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(item.strip() for item in value if isinstance(item, str) and item.strip())


class BrokenConfig(Exception):
    """A config file that cannot be used: where it is, the line at fault, the message."""

    def __init__(self, path: Path | None, line: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line  # 0-based
        self.message = message


@dataclass
class Session:
    settings: Settings = field(default_factory=Settings)
    _configs: engine.Configs | None = None
    _seen: dict[Path, tuple[Stamp | None, ...]] = field(default_factory=dict)

    def configure(self, settings: Settings) -> None:
        self.settings = settings
        self.forget_configs()

    def forget_configs(self) -> None:
        self._configs = None
        self._seen.clear()

    def configs(self, path: Path) -> engine.Configs:
        """The configs, found again when a config file above ``path`` changed."""
        folder = path.parent
        stamps = self._stamps(folder)
        if self._configs is None or self._seen.get(folder, stamps) != stamps:
            self.forget_configs()
            self._configs = self._new_configs()
        self._seen[folder] = stamps
        return self._configs

    def _stamps(self, folder: Path) -> tuple[Stamp | None, ...]:
        if self.settings.config is not None:
            return (stamp(self.settings.config),)
        return tuple(stamp(place / name) for place in (folder, *folder.parents) for name in CONFIG_NAMES)

    def _new_configs(self) -> engine.Configs:
        from seolint.source.settings import from_options

        explicit = Path(self.settings.config).expanduser() if self.settings.config else None
        values = {"select": list(self.settings.select) or None, "ignore": list(self.settings.ignore),
                  "lang": self.settings.lang}
        try:
            overrides = from_options(values)
        except ConfigError as error:
            raise BrokenConfig(None, 0, f"seolint settings: {error}") from None
        return engine.Configs(explicit, overrides)

    def check(self, path: Path, text: str, summarize: bool = False) -> tuple[list[Finding], Summary | None]:
        """The findings of one buffer, as ``seolint check --stdin-filename PATH`` reports
        them, and with ``summarize`` its summary for the rules across articles; raises
        BrokenConfig when the config of ``path`` cannot be used."""
        configs = self.configs(path)
        try:
            configs.for_file(path)
        except ConfigError as error:
            self.forget_configs()  # try again on the next check, when it may be mended
            raise broken(str(error)) from None
        result = runner.run_source(path, text.encode("utf-8", "surrogatepass"), configs, summarize=summarize)
        return list(result.findings), result.summaries[0] if result.summaries else None

    def document(self, path: Path, text: str) -> tuple[Document, dict[str, Any]]:
        """The parsed buffer (for hover) and its config's rule options."""
        config = self.configs(path).for_file(path)
        settings = config.settings_for(path, dt.date.today())
        doc = Document.from_bytes(path, path.as_posix(), text.encode("utf-8", "surrogatepass"), settings)
        return doc, dict(config.options)

    def language(self, path: Path, text: str, doc: Document | None = None) -> str:
        """The language of the buffer's messages, as ``check`` chooses it for the article
        (its own with ``messages = "auto"``); the settings' ``lang``, else the locale's, when
        the buffer or its config cannot be read."""
        from seolint.i18n import choose

        try:
            config = self.configs(path).for_file(path)
            return engine.speaks(config, doc if doc is not None else self.document(path, text)[0])
        except Exception:  # a broken config or document: its check says so
            return choose("auto", self.settings.lang)

    def frontmatter(self, path: Path, text: str) -> tuple[str, int, int] | None:
        """The buffer's front matter: its format, opening and closing fence lines (1-based)."""
        try:
            fm = self.document(path, text)[0].frontmatter
        except Exception:  # a broken config or document: no front matter to write into
            return None
        return None if fm is None else (fm.format, fm.first_line, fm.last_line)


def broken(message: str) -> BrokenConfig:
    """The config error with the file it names and the line: the one the message gives
    (``PATH:LINE: problem``), else, where the problem names a key the file has, that key's."""
    head, sep, rest = message.partition(": ")
    located = re.fullmatch(r"(.+):(\d+)(?: \[[^\]]*\])?", head) if sep else None
    if located is not None and Path(located.group(1)).is_file():  # PATH:LINE: problem
        return BrokenConfig(Path(located.group(1)), int(located.group(2)) - 1, message)
    path = Path(head) if sep and Path(head).is_file() else None
    line = 0
    if path is not None:
        line = _key_line(path, rest)
    return BrokenConfig(path, line, message)


def _key_line(path: Path, problem: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    for quoted in re.findall(r"`([^`]+)`", problem):
        key = re.escape(quoted.split(".")[-1])
        wanted = re.compile(rf'^\s*(?:\[\s*)?(?:[\w.-]+\.)?"?{key}"?\s*(?:=|\])')
        for number, text in enumerate(lines):
            if wanted.match(text):
                return number
    return 0


@dataclass(frozen=True)
class Buffer:
    """An open document as the client last sent it, and the position encoding agreed on."""

    uri: str
    version: int | None
    path: Path
    text: str
    encoding: str = "utf-16"

    @property
    def lines(self) -> list[str]:
        from seolint.lsp.positions import split_lines

        return split_lines(self.text)
