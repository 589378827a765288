"""``--report summary:PATH``: the whole run as JSON, which ``seolint merge`` reads back."""

from __future__ import annotations

from seolint.audit import Audit


def render(audit: Audit) -> str:
    from seolint.batch.shards import dump

    return dump(audit)
