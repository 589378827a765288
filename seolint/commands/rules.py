"""``seolint rule``, ``seolint rules`` and ``seolint clean``: what the rules are, and the cache gone."""

from __future__ import annotations

import json
from pathlib import Path

import click

from seolint.errors import ConfigError, ExitCode


def explain_rule(code_or_name: str, choice: str | None = None, config_path: Path | None = None) -> int:
    """Print a rule's page in the language chosen (``--messages-lang``, else the config's
    ``messages``, else the locale's, else English)."""
    from seolint.checks import REGISTRY
    from seolint.source.config import select_codes

    codes = select_codes(REGISTRY, code_or_name)
    exact = [code for code in codes if code == code_or_name.upper() or REGISTRY[code].name == code_or_name]
    if len(exact) != 1:
        raise ConfigError(f"no rule is called `{code_or_name}`; `seolint rules` lists them")
    click.echo(REGISTRY[exact[0]].documentation(_language(choice, config_path)), nl=False)
    return ExitCode.OK


def _language(choice: str | None, config_path: Path | None) -> str:
    """A rule's page has no article: ``auto`` is the user's locale."""
    from seolint.i18n import LANGUAGES, locale_language

    if choice is None:
        from seolint import engine

        choice = engine.Configs(config_path).for_folder(Path.cwd()).messages
    return choice if choice in LANGUAGES else locale_language() or "en"


def list_rules(config_path: Path | None, output_format: str) -> int:
    from seolint import engine

    config = engine.Configs(config_path).for_folder(Path.cwd())
    rows = []
    for code, rule in config.registry.items():
        state = config.enabled[code].value if code in config.enabled else "off"
        fix = rule.fix.value if rule.fix else ""
        rows.append({"code": code, "name": rule.name, "family": rule.family, "state": state, "fix": fix})
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return ExitCode.OK
    for row in rows:
        click.echo(f"{row['code']:<7} {row['name']:<26} {row['state']:<8} {row['fix']:<7} {row['family']}".rstrip())
    return ExitCode.OK


def clean_cache(paths: list[Path]) -> int:
    """Remove .seolint_cache/ from the given folders and their configs' folders."""
    from seolint import engine
    from seolint.batch import cache

    configs = engine.Configs()
    roots = {path for path in paths} | {configs.for_folder(path).root for path in paths}
    for root in sorted(roots):
        if cache.clean(root):
            click.echo(f"Removed {root / cache.FOLDER}")
    return ExitCode.OK
