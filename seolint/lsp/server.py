"""The protocol wiring: pygls features that call ``session``, ``actions``, ``hover`` and
``workspace``.

Checks run on the server's event loop: on open and save at once, on change after a pause
(``DEBOUNCE`` seconds without another change, so that typing is not checked key by key).
The rules across articles run in a background thread (``workspace.Index``).
Nothing a document or a config holds stops the server: a crash outside the rules becomes
the RUN002 diagnostic of that document (the engine already turns a crashing rule into one),
and a config error becomes a diagnostic on the config file and a window message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from seolint import __version__
from seolint.findings import Finding
from seolint.lsp import actions, hover
from seolint.lsp.positions import UTF16, diagnostic, seolint_position
from seolint.lsp.session import BrokenConfig, Buffer, Session, Settings
from seolint.lsp.workspace import Index

#: Seconds without a change before a changed buffer is checked.
DEBOUNCE = 0.15
#: The files whose change can change a config (``extends`` may name any other).
CONFIG_GLOBS = ("**/.seolint.toml", "**/seolint.toml", "**/pyproject.toml")
#: The articles, whose changes on disk the workspace index follows.
ARTICLE_GLOBS = ("**/*.md", "**/*.markdown", "**/*.mdx")

logger = logging.getLogger(__name__)


class SeolintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("seolint", __version__)
        self.session = Session()
        self.debounce = DEBOUNCE
        self.checked: dict[str, tuple[int | None, list[Finding]]] = {}  # uri → (version, findings)
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.broken_configs: set[str] = set()  # uris of config files with a published error
        self.shown: set[str] = set()  # config errors already shown as a window message
        self.index: Index | None = None  # the workspace's articles, for the rules across articles

    def buffer(self, uri: str) -> Buffer | None:
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:  # an untitled buffer: no path, so no config and no check
            return None
        encoding = str(self.workspace.position_encoding or UTF16)
        return Buffer(uri, document.version, Path(path), document.source, encoding)

    def findings(self, buffer: Buffer) -> list[Finding]:
        """The findings of the buffer's current version (checked now if they are stale),
        with the last findings across articles."""
        known = self.checked.get(buffer.uri)
        found = known[1] if known is not None and known[0] == buffer.version else self.check(buffer)
        return found + self.across(buffer.path)

    def check(self, buffer: Buffer) -> list[Finding]:
        """The buffer's own findings, checked now (its summary goes to the workspace index)."""
        from seolint.engine import crash_finding

        index = self.index if self.index is not None and self.index.covers(buffer.path) else None
        try:
            found, summary = self.session.check(buffer.path, buffer.text, summarize=index is not None)
        except BrokenConfig as error:
            self.report_config(error)
            found = []
        except Exception as error:  # a bug outside the rules: this document's problem only
            logger.exception("checking %s", buffer.uri)
            found = [crash_finding(None, buffer.path.as_posix(), error)]
        else:
            self.clear_configs()
            if index is not None:
                index.update(buffer.path, summary)
        self.checked[buffer.uri] = (buffer.version, found)
        return found

    def across(self, path: Path) -> list[Finding]:
        return self.index.findings(path) if self.index is not None else []

    def refresh_across(self) -> None:
        """Run the rules across articles again in the background, then publish anew."""
        if self.index is None:
            return
        loop = asyncio.get_running_loop()

        def done() -> None:  # in the index's thread: publishing happens on the server's loop
            loop.call_soon_threadsafe(self.publish_all, False)

        try:
            configs = self.session.configs(self.index.root / "index.md")
        except Exception:  # a broken config: each document's check says so
            return
        self.index.recompute(configs, done)

    def publish(self, uri: str, recheck: bool = True) -> None:
        buffer = self.buffer(uri)
        if buffer is None:
            return
        found = self.check(buffer) + self.across(buffer.path) if recheck else self.findings(buffer)
        lines = buffer.lines
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=buffer.version,
            diagnostics=[diagnostic(lines, finding, buffer.encoding) for finding in found],
        ))

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, unless another change comes first."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def report_config(self, error: BrokenConfig) -> None:
        if error.message not in self.shown:
            self.shown.add(error.message)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"seolint: {error.message}"))
        if error.path is None:
            return
        uri = error.path.resolve().as_uri()
        self.broken_configs.add(uri)
        where = types.Range(types.Position(error.line, 0), types.Position(error.line + 1, 0))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[
            types.Diagnostic(where, error.message, severity=types.DiagnosticSeverity.Error,
                             source="seolint", code="config")]))

    def clear_configs(self) -> None:
        """Take back the config errors once a check goes through."""
        for uri in self.broken_configs:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.broken_configs.clear()
        self.shown.clear()

    def publish_all(self, recheck: bool = True) -> None:
        for uri in list(self.workspace.text_documents):
            self.publish(uri, recheck)


server = SeolintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: SeolintServer, params: types.InitializeParams) -> None:
    ls.session.configure(Settings.from_client(params.initialization_options))
    ls.debounce = _debounce(params.initialization_options)
    root = _root(params)
    if root is not None:
        ls.index = Index(root)


def _root(params: types.InitializeParams) -> Path | None:
    """The workspace folder (the first one), when the client names one on this disk."""
    uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
    path = to_fs_path(uri) if uri else None
    return Path(path).absolute() if path and Path(path).is_dir() else None


def _debounce(options: Any) -> float:
    """``debounce`` (milliseconds) from the initialization options, for benchmarks and tests."""
    value = options.get("debounce") if isinstance(options, dict) else None
    return value / 1000 if isinstance(value, (int, float)) and 0 <= value <= 5000 else DEBOUNCE


@server.feature(types.INITIALIZED)
async def initialized(ls: SeolintServer, params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    if capabilities is not None and capabilities.did_change_watched_files is not None \
            and capabilities.did_change_watched_files.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in (*CONFIG_GLOBS, *ARTICLE_GLOBS)]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration("seolint-configs", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)]))
        except Exception:  # then each check's look at the config files' stamps is enough
            logger.warning("the client did not take the watch on config files")
    await _pull_settings(ls)
    if ls.index is not None:
        loop = asyncio.get_running_loop()

        def built() -> None:  # in the index's thread: the rest happens on the server's loop
            loop.call_soon_threadsafe(ls.refresh_across)

        try:
            configs = ls.session.configs(ls.index.root / "index.md")
        except Exception:  # a broken config: each document's check says so
            return
        ls.index.build(configs, built)


async def _pull_settings(ls: SeolintServer) -> None:
    """Settings from ``workspace/configuration`` (section ``seolint``), when the client has them."""
    capabilities = ls.client_capabilities.workspace
    if capabilities is None or not capabilities.configuration:
        return
    try:
        answer = await ls.workspace_configuration_async(types.ConfigurationParams(
            items=[types.ConfigurationItem(section="seolint")]))
    except Exception:  # a client that cannot answer keeps the settings it gave at start
        logger.exception("workspace/configuration")
        return
    if answer and isinstance(answer[0], dict) and answer[0]:  # an empty answer keeps the start settings
        ls.session.configure(Settings.from_client(answer[0]))
        ls.publish_all()
        ls.refresh_across()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def changed_configuration(ls: SeolintServer, params: types.DidChangeConfigurationParams) -> None:
    if isinstance(params.settings, dict) and "seolint" in params.settings:
        ls.session.configure(Settings.from_client(params.settings))
        ls.publish_all()
        ls.refresh_across()
    else:
        await _pull_settings(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def changed_files(ls: SeolintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [to_fs_path(change.uri) or "" for change in params.changes]
    articles = [Path(path) for path in paths if path.endswith((".md", ".markdown", ".mdx"))]
    if len(articles) < len(paths):  # a config file
        ls.session.forget_configs()
    if ls.index is not None:
        open_paths = {to_fs_path(uri) for uri in ls.workspace.text_documents}
        for article in articles:
            if str(article) not in open_paths and ls.index.covers(article):
                ls.index.refresh(article, ls.session.configs(article))
    ls.publish_all()
    ls.refresh_across()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SeolintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)
    ls.refresh_across()  # a new page (maybe not on disk yet) can mend a broken link


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SeolintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SeolintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.publish(uri)
    buffer = ls.buffer(uri)
    if ls.index is not None and buffer is not None:
        ls.index.saved(buffer.path)
    ls.refresh_across()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SeolintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.checked.pop(uri, None)
    path = to_fs_path(uri)
    if ls.index is not None and path is not None:
        ls.index.close(Path(path))
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.refresh_across()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: SeolintServer, params: types.HoverParams) -> types.Hover | None:
    buffer = ls.buffer(params.text_document.uri)
    if buffer is None:
        return None
    line, column = seolint_position(buffer.lines, params.position, buffer.encoding)
    try:
        doc, options = ls.session.document(buffer.path, buffer.text)
    except Exception:  # a broken config or document: the hover shows the findings alone
        doc, options = None, {}
    lang = ls.session.language(buffer.path, buffer.text, doc)
    text = hover.hover_text(ls.findings(buffer), doc, options, line, column, lang)
    if text is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
def code_action(ls: SeolintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    buffer = ls.buffer(params.text_document.uri)
    if buffer is None:
        return None
    try:
        return _code_actions(ls, buffer, params.range, params.context.only)
    except Exception:  # no action is better than a dead server
        logger.exception("code actions for %s", buffer.uri)
        return None


def _code_actions(ls: SeolintServer, buffer: Buffer, where: types.Range,
                  only: Sequence[types.CodeActionKind | str] | None) -> list[types.CodeAction]:
    def asked(kind: str) -> bool:  # LSP kinds are hierarchical: "source" asks for "source.fixAll.x"
        return not only or any(kind == _kind(given) or kind.startswith(f"{_kind(given)}.") for given in only)

    configs = ls.session.configs(buffer.path)
    found = ls.findings(buffer)
    lang = ls.session.language(buffer.path, buffer.text)
    result: list[types.CodeAction] = []
    if asked(types.CodeActionKind.QuickFix.value):
        start = seolint_position(buffer.lines, where.start, buffer.encoding)
        end = seolint_position(buffer.lines, where.end, buffer.encoding)
        wanted = [f for f in found if f.line <= end[0] and start[0] <= max(f.end_line, f.line)]
        result += actions.fix_actions(buffer, configs, wanted, lang)
        result += actions.suppress_actions(buffer, wanted, ls.session.frontmatter(buffer.path, buffer.text), lang)
    if asked(actions.FIX_ALL) and actions.has_safe_fix(found):
        action = actions.fix_all(buffer, configs, lang)
        if action is not None:
            result.append(action)
    return result


def _kind(kind: types.CodeActionKind | str) -> str:
    return kind.value if isinstance(kind, types.CodeActionKind) else kind


def serve() -> None:
    logging.basicConfig(level=logging.WARNING, format="seolint server: %(levelname)s %(message)s")
    server.start_io()
