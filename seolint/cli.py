"""Command line wiring: one short function per command, each calling plain code.

Heavy modules are imported inside the commands, so that ``seolint --version`` and a
pre-commit run on one file start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


import click

from seolint import __version__
from seolint.errors import ExitCode, SeolintError

FORMATS = ("full", "concise", "json", "github", "sarif", "junit", "gitlab", "rdjson", "markdown")
FAIL_LEVELS = ("error", "warning", "info")


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


# Options shared by several commands, defined once.
PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
CONFIG = click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                      help="Use this config file for every article instead of discovering one.")
CHANGED_SINCE = click.option("--changed-since", metavar="REF",
                             help="Only files added, modified or renamed since this git ref.")
COLOR = click.option("--color/--no-color", default=None,
                     help="Colour the output (default: when a terminal).")
QUIET = click.option("--quiet", "-q", is_flag=True,
                     help="Print the findings only: no progress bar, summary line or notes.")
REPORTS = click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH",
                       help="Also write a report file (repeatable): a finding format, e.g. "
                            "sarif:seolint.sarif, or an audit of every article: html:audit.html, "
                            "csv:audit.csv, summary:run.json.")
FAIL_ON = click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
                       help="The lowest severity that makes the run exit 1.")
FORCE_EXCLUDE = click.option("--force-exclude", is_flag=True,
                             help="Apply exclude/extend-exclude to files named explicitly too (for hooks).")
NO_CACHE = click.option("--no-cache", is_flag=True, help="Neither read nor write .seolint_cache/.")
EDITOR_URL = click.option("--editor-url", metavar="PATTERN",
                          help="How the HTML report links a file at a line, e.g. "
                               "vscode://file/{path}:{line}:{column} (default: relative file links).")
MAX_FILE_SIZE = click.option("--max-file-size", metavar="SIZE",
                              help="Do not read articles larger than this (bytes, or e.g. 20MB; "
                                   "default 10MB): each gets one RUN003 finding.")
MESSAGES_LANG = click.option("--messages-lang", type=click.Choice(["auto", "en", "fr"]),
                             help="The language of messages, hints and reports (default: `messages` in "
                                  "the config, else auto: the article's, else the locale's, else English).")
STATISTICS = click.option("--statistics", is_flag=True, help="Print a count per rule instead of the findings.")


def _shard(context: click.Context, parameter: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    index, sep, count = value.partition("/")
    if sep and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count):
        return int(index), int(count)
    raise click.BadParameter(f"takes I/N with 1 <= I <= N, e.g. 2/4, not `{value}`")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seolint")
def cli() -> None:
    """An SEO linter for Markdown articles with front matter."""


@cli.command()
@PATHS
@click.option("--output-format", type=click.Choice(FORMATS), default="full", show_default=True,
              envvar="SEOLINT_OUTPUT_FORMAT", help="How findings are printed.")
@REPORTS
@EDITOR_URL
@click.option("--select", multiple=True, help="Rules to enable instead of the configured set (codes, names, prefixes, ALL).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the configured set.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@CONFIG
@FAIL_ON
@STATISTICS
@CHANGED_SINCE
@click.option("--stdin-filename", metavar="NAME", help="Read one article from stdin and report it as NAME.")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings that this baseline file does not hold.")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Record today's findings in this file and exit 0.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for folder runs (default: every core).")
@NO_CACHE
@FORCE_EXCLUDE
@click.option("--shard", metavar="I/N", callback=_shard,
              help="Check only part I of N of the articles (a stable split by path), for CI matrices; "
                   "combine the parts' --report summary: files with `seolint merge`.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (as `seolint fix`).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also apply the unsafe fixes.")
@click.option("--diff", is_flag=True, help="With --fix: print the changes as a diff, write nothing.")
@MAX_FILE_SIZE
@MESSAGES_LANG
@COLOR
@QUIET
def check(paths: tuple[Path, ...], output_format: str, reports: tuple[str, ...], editor_url: str | None,
          select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], config_path: Path | None,
          fail_on: str, statistics: bool, changed_since: str | None, stdin_filename: str | None,
          baseline: Path | None, write_baseline: Path | None, jobs: int | None, no_cache: bool,
          force_exclude: bool, shard: tuple[int, int] | None, fix: bool, unsafe_fixes: bool, diff: bool,
          max_file_size: str | None, messages_lang: str | None, color: bool | None, quiet: bool) -> None:
    """Check articles (files or folders; default: the current folder)."""
    from seolint.commands.check import run_check
    from seolint.commands.common import CheckRequest
    from seolint.commands.fix import FixRequest, run_fix

    request = CheckRequest(
        paths=list(paths) or [Path(".")],
        output_format=output_format,
        overrides={"select": _split(select) or None, "extend-select": _split(extend_select),
                   "ignore": _split(ignore), "force-exclude": force_exclude, "max-file-size": max_file_size,
                   "messages": messages_lang},
        config_path=config_path,
        fail_on=fail_on,
        color=_color(color),
        reports=list(reports),
        editor_url=editor_url,
        statistics=statistics,
        changed_since=changed_since,
        stdin_filename=stdin_filename,
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=jobs or _default_jobs(),
        cache=not no_cache,
        quiet=quiet,
        shard=shard,
    )
    if fix or unsafe_fixes or diff:
        raise SystemExit(run_fix(FixRequest(request, unsafe=unsafe_fixes, diff=diff)))
    raise SystemExit(run_check(request))


@cli.command()
@PATHS
@click.option("--unsafe-fixes", is_flag=True, help="Also apply the unsafe fixes (they change URLs or remove text).")
@click.option("--diff", is_flag=True, help="Print the changes as a unified diff, write nothing; exit 1 if any.")
@click.option("--select", multiple=True, help="Rules to fix (codes, names, prefixes).")
@click.option("--ignore", multiple=True, help="Rules not to fix.")
@CONFIG
@click.option("--output-format", type=click.Choice(FORMATS), default="full", show_default=True,
              help="How the remaining findings are printed.")
@click.option("--changes-only", is_flag=True,
              help="Print what was fixed and a count of what remains, not the remaining findings.")
@click.option("--stdin-filename", metavar="NAME",
              help="Fix one article read from stdin, named NAME; write it to stdout, findings to stderr.")
@FAIL_ON
@CHANGED_SINCE
@NO_CACHE
@FORCE_EXCLUDE
@MAX_FILE_SIZE
@MESSAGES_LANG
@COLOR
@QUIET
def fix(paths: tuple[Path, ...], unsafe_fixes: bool, diff: bool, select: tuple[str, ...],
        ignore: tuple[str, ...], config_path: Path | None, output_format: str, changes_only: bool,
        stdin_filename: str | None, fail_on: str, changed_since: str | None, no_cache: bool,
        force_exclude: bool, max_file_size: str | None, messages_lang: str | None, color: bool | None,
        quiet: bool) -> None:
    """Apply fixes (the safe ones unless --unsafe-fixes), then report what remains."""
    from seolint.commands.common import CheckRequest
    from seolint.commands.fix import FixRequest, run_fix

    request = CheckRequest(
        paths=list(paths) or [Path(".")],
        output_format=output_format,
        overrides={"select": _split(select) or None, "ignore": _split(ignore), "force-exclude": force_exclude,
                   "max-file-size": max_file_size, "messages": messages_lang},
        config_path=config_path,
        fail_on=fail_on,
        color=_color(color),
        changed_since=changed_since,
        stdin_filename=stdin_filename,
        cache=False,  # fix never reads or writes the cache: --no-cache is accepted as check's is
        jobs=_default_jobs(),
        quiet=quiet,
    )
    raise SystemExit(run_fix(FixRequest(request, unsafe=unsafe_fixes, diff=diff, changes_only=changes_only)))


@cli.command()
@click.argument("summaries", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--output-format", type=click.Choice(FORMATS), default="full", show_default=True,
              envvar="SEOLINT_OUTPUT_FORMAT", help="How findings are printed.")
@REPORTS
@EDITOR_URL
@FAIL_ON
@STATISTICS
@MESSAGES_LANG
@COLOR
@QUIET
def merge(summaries: tuple[Path, ...], output_format: str, reports: tuple[str, ...], editor_url: str | None,
          fail_on: str, statistics: bool, messages_lang: str | None, color: bool | None, quiet: bool) -> None:
    """Combine the summary files of a sharded run (`check --shard I/N --report summary:F`):
    run the rules across articles over every shard and report as one run would."""
    from seolint.commands.check import run_merge
    from seolint.commands.common import CheckRequest

    request = CheckRequest(paths=[], output_format=output_format, fail_on=fail_on, color=_color(color),
                           reports=list(reports), statistics=statistics, quiet=quiet, editor_url=editor_url,
                           overrides={"messages": messages_lang})
    raise SystemExit(run_merge(list(summaries), request))


@cli.command()
@click.argument("src", type=click.Path(path_type=Path, exists=True))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The folder to write the published files to.")
@click.option("--base-url", metavar="URL", help="The site's address (default: [site] base-url in the config).")
@click.option("--drafts", is_flag=True, help="Also publish articles marked draft: true.")
@click.option("--allow-errors", is_flag=True, help="Publish articles with error findings too (exit 0).")
@CONFIG
@MESSAGES_LANG
def publish(src: Path, out: Path, base_url: str | None, drafts: bool, allow_errors: bool,
            config_path: Path | None, messages_lang: str | None) -> None:
    """Publish checked articles: normalized Markdown, index.json, sitemap, feeds, JSON-LD."""
    from seolint.publish.command import PublishRequest, run_publish

    raise SystemExit(run_publish(PublishRequest(src, out, base_url, drafts, allow_errors, config_path,
                                                messages_lang)))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
def clean(paths: tuple[Path, ...]) -> None:
    """Remove the cache (.seolint_cache/) of these folders (default: the current one)."""
    from seolint.commands.rules import clean_cache

    raise SystemExit(clean_cache(list(paths) or [Path(".")]))


@cli.command()
@click.argument("path", required=False, default=".", type=click.Path(path_type=Path, exists=True))
@click.option("--messages-lang", type=click.Choice(["auto", "en", "fr"]),
              help="The language of the headings (default: `messages` in the config, else the locale's, "
                   "else English).")
def site(path: Path, messages_lang: str | None) -> None:
    """Show the site detected around PATH: generator, config read, URLs, languages."""
    from seolint.commands.rules import language
    from seolint.engine import Configs
    from seolint.i18n import speaking
    from seolint.source.profiles.show import run

    config = Configs().for_folder(path if path.is_dir() else path.parent)
    choice = messages_lang if messages_lang is not None else config.messages
    with speaking(language(choice, None)):
        raise SystemExit(run(path, config.site_for(path / "x.md" if path.is_dir() else path)))


@cli.command()
@click.argument("code_or_name")
@click.option("--messages-lang", type=click.Choice(["auto", "en", "fr"]),
              help="The language of the explanation (default: `messages` in the config, else the "
                   "locale's, else English).")
@CONFIG
def rule(code_or_name: str, messages_lang: str | None, config_path: Path | None) -> None:
    """Explain a rule: what it checks, why, and where its threshold comes from."""
    from seolint.commands.rules import explain_rule

    raise SystemExit(explain_rule(code_or_name, messages_lang, config_path))


@cli.command()
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Show the state under this config file.")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--messages-lang", type=click.Choice(["auto", "en", "fr"]),
              help="The language of the text listing's states and families (default: `messages` in the "
                   "config, else the locale's, else English); JSON stays English.")
def rules(config_path: Path | None, output_format: str, messages_lang: str | None) -> None:
    """List every rule with its state under the current config."""
    from seolint.commands.rules import list_rules

    raise SystemExit(list_rules(config_path, output_format, messages_lang))


@cli.command()
def server() -> None:
    """Run the language server on stdio, for editors (needs the `server` extra)."""
    try:
        from seolint.lsp.server import serve
    except ImportError as error:
        from seolint.i18n import msg

        raise SeolintError(msg("the language server needs pygls and lsprotocol ({reason}); "
                               "install them with: pip install 'seolint[server]'", reason=error.msg)) from None
    serve()
    raise SystemExit(ExitCode.OK)


def _default_jobs() -> int:
    from seolint.batch.workers import default_jobs

    return default_jobs()


def _color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (tests call this in-process)."""
    # The first model pydantic builds makes it look for plugins in the entry points of every
    # installed distribution: 0.03-0.07 s of each start on a machine with 150 packages, for
    # plugins (validation tracing) that seolint's config models have no use for.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from seolint.i18n import forget_spoken, msg

    forget_spoken()
    try:
        cli.main(args=argv, prog_name="seolint", standalone_mode=False)
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else ExitCode.ERROR
    except click.exceptions.Abort:
        click.echo(_said(msg("seolint: aborted"), argv), err=True)
        return ExitCode.ERROR
    except click.ClickException as error:  # click's own usage errors: its English words
        error.show()
        return ExitCode.ERROR
    except SeolintError as error:
        click.echo(_said(msg("seolint: error: {message}", message=error.said), argv), err=True)
        return ExitCode.ERROR
    except Exception as error:  # the one boundary: a bug says so in one line, then exits 2
        detail = f"{type(error).__name__}: {error}"
        click.echo(_said(msg("seolint: internal error: {detail}", detail=detail), argv), err=True)
        if os.environ.get("SEOLINT_DEBUG"):
            raise
        return ExitCode.ERROR
    return ExitCode.OK


def _said(text: str, argv: list[str] | None) -> str:
    """An error line in the run's language: the one it last spoke, else the one asked for
    (``--messages-lang``, else ``messages`` in the working folder's config), else the
    locale's; English when nothing says otherwise."""
    from seolint.i18n import LANGUAGES, last_spoken, locale_language, render

    lang = last_spoken()
    if lang is None:
        choice = _asked_language(sys.argv[1:] if argv is None else argv)
        lang = choice if choice in LANGUAGES else locale_language() or "en"
    return render(text, lang)


def _asked_language(argv: list[str]) -> str | None:
    """``--messages-lang``, else the ``messages`` of the config (``--config``, else the one
    the working folder finds), read as its layers say it: the config may be what failed."""
    given: dict[str, str | None] = {"--messages-lang": None, "--config": None}
    for number, arg in enumerate(argv):
        name, sep, value = arg.partition("=")
        if name in given and given[name] is None:
            given[name] = value if sep else argv[number + 1] if number + 1 < len(argv) else None
    if given["--messages-lang"] is not None:
        return given["--messages-lang"]
    from seolint.source.layers import find_config, load_layers

    source: Path | None = None
    try:
        source = Path(given["--config"]) if given["--config"] else find_config(Path.cwd())
        layers = load_layers(source) if source is not None else []
    except Exception:  # a config that does not load: its own `messages` key, when it can be read
        return _raw_messages(source)
    return next((layer.config.messages for layer in reversed(layers) if layer.config.messages), None)


def _raw_messages(source: Path | None) -> str | None:
    import tomllib

    try:
        data = tomllib.loads(source.read_text(encoding="utf-8")) if source is not None else {}
    except (OSError, ValueError):
        return None
    if source is not None and source.name == "pyproject.toml":
        data = data.get("tool", {}).get("seolint", {})
    found = data.get("messages") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


