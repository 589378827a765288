"""``seolint publish``: the command, from the request to the files written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import click

from seolint import engine
from seolint.errors import ExitCode
from seolint.i18n import Tally, for_run, joined, msg, msg_n, say, speaking
from seolint.publish import gate
from seolint.publish.build import Publishable, Site, outputs
from seolint.publish.entry import read_entry
from seolint.publish.paths import OutputTree, PublishError
from seolint.publish.sitemap import LIMIT
from seolint.publish.translations import MODES
from seolint.publish.values import language_tag
from seolint.source.globs import real

@dataclass
class PublishRequest:
    """Everything ``seolint publish`` was asked, as plain values."""

    src: Path
    out: Path
    base_url: str | None
    drafts: bool
    allow_errors: bool
    config_path: Path | None
    messages: str | None = None  # --messages-lang: the language of the refusal's findings
    translations: str = "auto"  # auto, key or slug (see seolint.publish.translations)
    sitemap_limit: int = LIMIT  # URLs per sitemap file before it becomes an index


def run_publish(request: PublishRequest) -> int:
    """Publish; 0 when every article went out (or ``--allow-errors``), 1 when some were
    held back for errors. Raises :class:`PublishError` (exit 2) when nothing can be done."""
    _refuse_bad_request(request)
    today = dt.date.today()  # for the gate only (FM008); nothing written depends on it
    from seolint.source.settings import from_options

    configs = engine.Configs(request.config_path, from_options({"messages": request.messages}))
    root = request.src if request.src.is_dir() else request.src.parent
    config = configs.for_folder(root)
    site = Site(
        base_url=_base_url(request.base_url or config.settings_for(root / "index.md", today).base_url),
        default_lang=_language(config.last("lang")),
        translations=request.translations,
        sitemap_limit=request.sitemap_limit,
    )
    checked = gate.check_all(request.src, request.out, configs, today)
    ready, held, flawed, drafts = _sort_out(checked, request)
    items = [Publishable(read_entry(c.doc, c.relative, site.base_url, site.default_lang), c.text, c.findings)
             for c in ready if c.doc is not None and c.text is not None]
    files, warnings = outputs(items, site)
    tree = OutputTree(request.out)
    tree.check(list(files))
    staged = tree.stage()  # everything is written there first: a failure leaves --out as it was
    try:
        for path, data in files.items():
            staged.write(path, data)
        tree.take(staged, list(files))
    finally:
        staged.remove()
    languages = Tally(engine.speaks(configs.for_file(c.candidate.path), c.doc) for c in checked if c.doc is not None)
    with speaking(for_run(config.messages, languages)):
        _report(checked, held, flawed, warnings, request.allow_errors)
        said: list[str] = [msg_n("Published {count} article to {out}", "Published {count} articles to {out}", len(items),
                      out=request.out)]
        if drafts:
            said.append(msg_n("{count} draft skipped", "{count} drafts skipped", drafts))
        click.echo(say(joined(said)))
    return ExitCode.FINDINGS if held and not request.allow_errors else ExitCode.OK


def _refuse_bad_request(request: PublishRequest) -> None:
    if not request.src.exists():
        raise PublishError(f"{request.src} does not exist")
    if real(request.src) == real(request.out):
        raise PublishError("--out must be another folder than SRC: publish would overwrite the articles")
    if request.translations not in MODES:
        raise PublishError(f"translations must be one of {', '.join(MODES)}, not `{request.translations}`")
    if request.sitemap_limit < 1:
        raise PublishError(f"the sitemap limit must be at least 1, not {request.sitemap_limit}")


def _sort_out(checked: list[gate.Checked], request: PublishRequest) -> tuple[
        list[gate.Checked], list[gate.Checked], list[gate.Checked], int]:
    """(to publish, held back, published despite errors, drafts skipped)."""
    ready: list[gate.Checked] = []
    held: list[gate.Checked] = []
    flawed: list[gate.Checked] = []
    drafts = 0
    for item in checked:
        if item.draft and not request.drafts:
            drafts += 1
        elif item.text is None or (item.errors and not request.allow_errors):
            held.append(item)
        else:
            ready.append(item)
            if item.errors:
                flawed.append(item)
    return ready, held, flawed, drafts


def _report(checked: list[gate.Checked], held: list[gate.Checked], flawed: list[gate.Checked],
            warnings: list[str], allow_errors: bool) -> None:
    """What was held back or published despite errors, in the run's language (stderr)."""
    for item in checked:
        if item.note:
            click.echo(say(msg("seolint: {message}", message=_codes(item.candidate.display, item.note))), err=True)
    for warning in warnings:
        click.echo(say(msg("seolint: {message}", message=warning)), err=True)
    if held:
        if allow_errors:
            said = msg_n("{count} article not published:", "{count} articles not published:", len(held))
        else:
            said = msg_n("{count} article not published (--allow-errors publishes those with errors):",
                         "{count} articles not published (--allow-errors publishes those with errors):", len(held))
        click.echo(say(msg("seolint: {message}", message=said)), err=True)
        unreadable = say(msg("not readable text"))
        for item in held:
            click.echo(_codes(item.candidate.display, ", ".join(item.errors) or unreadable), err=True)
    if flawed:
        said = msg_n("{count} article published despite errors:", "{count} articles published despite errors:",
                     len(flawed))
        click.echo(say(msg("seolint: {message}", message=said)), err=True)
        for item in flawed:
            click.echo(_codes(item.candidate.display, ", ".join(item.errors)), err=True)


def _codes(path: str, codes: str) -> str:
    """``path: codes``, with the space French puts before the colon."""
    return say(msg("{path}: {codes}", path=path, codes=codes))


def _base_url(value: str | None) -> str:
    if not value:
        raise PublishError(
            "publish needs the site's address for the sitemap, the feeds and canonical links: "
            "give --base-url https://example.org or set `base-url` under [site] in the config"
        )
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or any(char <= " " or char in "\"<>\\^`{|}" for char in text):
        raise PublishError(f"the base URL must be an absolute http(s) address without query or fragment, not {value!r}")
    return text.rstrip("/")


def _language(value: object) -> str:
    tag = language_tag(value)
    return tag[0] if tag else "en"
