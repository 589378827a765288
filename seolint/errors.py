"""The one error type that reaches the user, and the exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class SeolintError(Exception):
    """An expected failure, with a message written for a person."""


class ConfigError(SeolintError):
    """A configuration file or command-line option is wrong."""
