"""``seolint rule``, ``seolint rules`` and ``seolint clean``: what the rules are, and the cache gone."""

from __future__ import annotations

import json
from pathlib import Path

import click

from seolint.errors import ConfigError, ExitCode
from seolint.i18n import msg, render


def explain_rule(code_or_name: str, choice: str | None = None, config_path: Path | None = None) -> int:
    """Print a rule's page in the language chosen (``--messages-lang``, else the config's
    ``messages``, else the locale's, else English)."""
    from seolint.checks import REGISTRY
    from seolint.source.config import select_codes

    codes = select_codes(REGISTRY, code_or_name)
    exact = [code for code in codes if code == code_or_name.upper() or REGISTRY[code].name == code_or_name]
    if len(exact) != 1:
        raise ConfigError(msg("no rule is called `{name}`; `seolint rules` lists them", name=code_or_name))
    click.echo(REGISTRY[exact[0]].documentation(language(choice, config_path)), nl=False)
    return ExitCode.OK


def language(choice: str | None, config_path: Path | None) -> str:
    """A rule's page has no article: ``auto`` is the user's locale."""
    from seolint.i18n import LANGUAGES, locale_language

    if choice is None:
        from seolint import engine

        choice = engine.Configs(config_path).for_folder(Path.cwd()).messages
    return choice if choice in LANGUAGES else locale_language() or "en"


def list_rules(config_path: Path | None, output_format: str, choice: str | None = None) -> int:
    """Every rule with its state under the config: as JSON (English values, for programs), or
    as text whose states, fix safeties and families are said in the language chosen."""
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
    words = _listing_words(language(choice, config_path))
    shown = [{**row, **{key: words.get(row[key], row[key]) for key in ("state", "fix", "family")}} for row in rows]
    state_width = max(8, *(len(row["state"]) for row in shown))
    fix_width = max(7, *(len(row["fix"]) for row in shown))
    for row in shown:
        click.echo(f"{row['code']:<7} {row['name']:<26} {row['state']:<{state_width}} "
                   f"{row['fix']:<{fix_width}} {row['family']}".rstrip())
    return ExitCode.OK


def _listing_words(lang: str) -> dict[str, str]:
    """The listing's states, fix safeties and families in ``lang`` (English: as they are)."""
    if lang == "en":
        return {}
    from seolint.i18n import msg_in, render
    from seolint.report._common import SEVERITY_WORDS
    from seolint.rules import FAMILIES, saying

    families = saying(lang)
    words = {severity.value: render(word, lang) for severity, word in SEVERITY_WORDS.items()}
    words |= {"off": render(msg_in("rule state", "off"), lang), "safe": render(msg_in("fix", "safe"), lang),
              "unsafe": render(msg_in("fix", "unsafe"), lang)}
    return words | {family: families(family) for family in FAMILIES.values()}


def clean_cache(paths: list[Path]) -> int:
    """Remove .seolint_cache/ from the given folders and their configs' folders."""
    from seolint import engine
    from seolint.batch import cache

    configs = engine.Configs()
    roots = {path for path in paths} | {configs.for_folder(path).root for path in paths}
    lang = language(configs.for_folder(Path.cwd()).messages, None)
    for root in sorted(roots):
        if cache.clean(root):
            click.echo(render(msg("Removed {path}", path=root / cache.FOLDER), lang))
    return ExitCode.OK
