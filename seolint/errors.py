"""The one error type that reaches the user, and the exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class SeolintError(Exception):
    """An expected failure, with a message written for a person."""

    @property
    def said(self) -> str:
        """The message as raised: a ``seolint.i18n.Message`` says itself in the run's
        language, where ``str(error)`` is its English text."""
        return self.args[0] if len(self.args) == 1 and isinstance(self.args[0], str) else str(self)


class ConfigError(SeolintError):
    """A configuration file or command-line option is wrong."""
