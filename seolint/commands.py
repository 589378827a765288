"""The commands as plain functions returning an exit code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from seolint.errors import ConfigError, ExitCode
from seolint.findings import Severity


def _overrides(values: dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from seolint.config import ConfigFile

    data = {key: value for key, value in values.items() if value}
    if not data:
        return None
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:  # pragma: no cover - click already typed them
        raise ConfigError(f"command line: {error}") from None


def run_check(
    paths: list[Path],
    *,
    output_format: str,
    overrides: dict[str, Any],
    config_path: Path | None,
    fail_on: str,
    color: bool,
) -> int:
    from seolint import engine
    from seolint.report import FORMATS

    configs = engine.Configs(config_path, _overrides(overrides))
    if config_path is not None:
        configs.for_folder(Path.cwd())  # a broken --config fails before any file is read
    result = engine.run(paths, configs)
    click.echo(FORMATS[output_format](result.findings, result.files, color), nl=False)
    threshold = Severity(fail_on).rank
    failed = any(finding.severity.rank >= threshold for finding in result.findings)
    return ExitCode.FINDINGS if failed else ExitCode.OK


def explain_rule(code_or_name: str) -> int:
    from seolint.checks import REGISTRY
    from seolint.config import select_codes

    codes = select_codes(REGISTRY, code_or_name)
    exact = [code for code in codes if code == code_or_name.upper() or REGISTRY[code].name == code_or_name]
    if len(exact) != 1:
        raise ConfigError(f"no rule is called `{code_or_name}`; `seolint rules` lists them")
    click.echo(REGISTRY[exact[0]].documentation(), nl=False)
    return ExitCode.OK


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
