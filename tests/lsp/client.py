"""A real LSP client (pytest-lsp) talking to ``seolint server`` in a subprocess over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.workspace import TextDocument
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "seolint", "server"]
CRASHING = [sys.executable, str(Path(__file__).with_name("crashing_server.py"))]


class Client(LanguageClient):
    """The test client, keeping every publishDiagnostics in order (uri, version,
    diagnostics) until a test takes it, and accepting capability registrations."""

    def __init__(self) -> None:
        from pygls.protocol import default_converter

        super().__init__(converter_factory=default_converter)
        self.published: list[tuple[str, int | None, list[types.Diagnostic]]] = []
        self.registrations: list[types.Registration] = []

        def publish(client: Client, params: types.PublishDiagnosticsParams) -> None:
            client.published.append((params.uri, params.version, list(params.diagnostics)))

        def register(client: Client, params: types.RegistrationParams) -> None:
            client.registrations += params.registrations

        register_lsp_features(self, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                     types.CLIENT_REGISTER_CAPABILITY: register})


@asynccontextmanager
async def session(options: dict[str, Any] | None = None, command: list[str] = SERVER,
                  cwd: Path | None = None, settings: dict[str, Any] | None = None) -> AsyncIterator[Client]:
    """An initialized client (``settings``: what it answers to workspace/configuration for
    the ``seolint`` section); shut down, and the server's exit checked, on the way out."""
    config = ClientServerConfig(server_command=command, client_factory=Client)
    client = await config.start()
    assert isinstance(client, Client)
    if settings is not None:
        client.set_configuration(settings, section="seolint")
    capabilities = client_capabilities("visual-studio-code")
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, initialization_options={"debounce": 0, **(options or {})},
        root_uri=cwd.as_uri() if cwd else None))
    try:
        yield client
    finally:
        await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0, "the server did not exit cleanly"


def open_document(client: Client, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text)))
    return uri


async def diagnostics(client: Client, uri: str, version: int | None = 1,
                      timeout: float = 20) -> list[types.Diagnostic]:
    """The first diagnostics not yet taken that the server published for ``version`` of
    the document (taken now)."""
    async def published() -> list[types.Diagnostic]:
        while True:
            for index, (where, number, found) in enumerate(client.published):
                if where == uri and number == version:
                    del client.published[index]
                    return found
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(published(), timeout)


def change(client: Client, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


def apply(text: str, edit: types.WorkspaceEdit) -> str:
    """The text after the client applies ``edit`` (pygls's document model does it, in UTF-16)."""
    document = TextDocument("file:///x.md", text)
    for change_ in edit.document_changes or []:
        assert isinstance(change_, types.TextDocumentEdit)
        for text_edit in change_.edits:
            document.apply_change(types.TextDocumentContentChangePartial(range=text_edit.range, text=text_edit.new_text))
    return document.source
