"""Placeholder: rules of this family are being written."""

from __future__ import annotations

from seolint.rules import Rule

RULES: tuple[Rule, ...] = ()
