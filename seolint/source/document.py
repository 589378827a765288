"""Source → front matter + body → Document, with facts derived lazily and once.

A Document is built for every file; everything the rules read hangs off it as a cached
property, so that a fact no selected rule asks for is never computed (the front-matter rules
never cause a Markdown parse).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from seolint.findings import RemoveLines, Span
from seolint.language import words
from seolint.source import frontmatter
from seolint.source import globs
from seolint.source import schema
from seolint.source.markdown import Body, parse
from seolint.source.reading import Source, SourceProblem, decode

if TYPE_CHECKING:
    from seolint.source.settings import FileSettings
    from seolint.source.langid import ArticleLanguage

T = TypeVar("T")


@dataclass
class Document:
    path: Path
    display: str  # the path as reported
    settings: FileSettings
    source: Source | None = None
    problem: SourceProblem | None = None
    split: frontmatter.Split = field(default_factory=lambda: frontmatter.Split(None, "", 1))
    _derived: dict[Callable[[Any], Any], Any] = field(default_factory=dict, repr=False, compare=False)
    #: Other files the rules looked at: path -> kind (an existence test) or stamp (a read).
    looked_at: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, compute: Callable[[Document], T]) -> T:
        """A fact a rule module derives from this document (its links, say), computed once
        however many rules read it."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        found: T = self._derived[compute]
        return found

    # --- other files a rule looks at (recorded: a cached result depends on them) ----------

    def is_file(self, path: Path) -> bool:
        return self._look(path) == "file"

    def is_dir(self, path: Path) -> bool:
        return self._look(path) == "dir"

    def reads(self, path: Path) -> Path:
        """Declare that a rule reads ``path`` (an image's header, say): its stamp is recorded."""
        self.looked_at[str(path)] = globs.stamp(path)
        return path

    def _look(self, path: Path) -> str:
        found = globs.kind(path)
        self.looked_at.setdefault(str(path), found)
        return found

    @classmethod
    def from_bytes(
        cls, path: Path, display: str, data: bytes, settings: FileSettings, positions: bool = True,
        keys: frozenset[str] | None = None,
    ) -> Document:
        """The document of a file's bytes; without ``positions``, where each front-matter
        key stands is not recorded, and with ``keys`` only those are read
        (``frontmatter.split``): for summaries of a whole site."""
        try:
            source = decode(data)
        except SourceProblem as problem:
            return cls(path, display, settings, problem=problem)
        return cls(path, display, settings, source, None, frontmatter.split(source.text, positions, keys))

    # --- raw text ------------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        return self.source.text.split("\n") if self.source else []

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    @property
    def frontmatter(self) -> frontmatter.FrontMatter | None:
        return self.split.frontmatter

    @property
    def data(self) -> dict[str, Any] | None:
        """The loaded front matter, or None when there is none or it could not be loaded."""
        fm = self.split.frontmatter
        return fm.data if fm is not None else None

    def key_span(self, *path: str | int) -> Span:
        fm = self.split.frontmatter
        return fm.span(*path) if fm is not None else Span(1, 1, 1, 1)

    def field_span(self, name: str) -> Span:
        """Where a field's key stands; the opening fence when it is missing."""
        key = self.article.keys.get(name)
        return self.key_span(key) if key else self.key_span()

    # --- the front matter as an Article -----------------------------------------------

    @cached_property
    def article(self) -> schema.Article:
        fields = self.settings.fields
        return schema.build_article(self.data or {}, fields.key_map(), fields.custom)

    @cached_property
    def kind(self) -> str:
        """What the page is: "dated", "docs" or "page" (:mod:`seolint.source.profiles.kinds`)."""
        if self.settings.page_kind is not None:
            return self.settings.page_kind
        from seolint.source.profiles.kinds import page_kind

        head = self.source.text[:4096] if self.source else ""
        return page_kind(self.settings.site, self.path.absolute().as_posix(), self.data, head)

    @cached_property
    def language(self) -> ArticleLanguage:
        """The article's language and where it came from (:mod:`seolint.source.langid`)."""
        from seolint.source.langid import resolve

        return resolve(self)

    @property
    def lang(self) -> str:
        """The article's language, a primary subtag: every text rule reads it."""
        return self.language.code

    @cached_property
    def keyphrase(self) -> tuple[str, str] | None:
        """The focus keyphrase and the key it came from (``keyphrase`` or ``keywords``)."""
        phrase = self.article.text("keyphrase")
        if phrase:
            return phrase.strip(), "keyphrase"
        keywords = self.article.get("keywords")
        if keywords and isinstance(keywords[0], str) and keywords[0].strip():
            return keywords[0].strip(), "keywords"
        return None

    @cached_property
    def ignored_in_frontmatter(self) -> frozenset[str]:
        """Codes or names listed under ``seolint: {ignore: [...]}``."""
        block = (self.data or {}).get("seolint")
        if not isinstance(block, dict):
            return frozenset()
        listed = block.get("ignore")
        if isinstance(listed, str):
            listed = listed.split(",")
        if not isinstance(listed, list):
            return frozenset()
        return frozenset(item.strip() for item in listed if isinstance(item, str))

    # --- the body (parsed once, on first use) --------------------------------------------

    @cached_property
    def body(self) -> Body:
        """The Markdown body's tokens and facts; parsed only when a rule asks."""
        mdx = self.path.suffix.lower() == ".mdx"
        return parse(self.split.body, self.split.body_line, self.lines, mdx)

    def block_removal(self, line: int) -> RemoveLines | None:
        """The edit that removes the body blocks starting on ``line``, with the blank line
        after each (how H001, E001 and E002 delete what they report); None when no block
        starts there."""
        ends = [block.end_line + (not self.line_text(block.end_line + 1).strip())
                for block in self.body.blocks if block.line == line]
        return RemoveLines(line, max(ends)) if ends else None

    @cached_property
    def block_sentences(self) -> list[list[words.Sentence]]:
        """The sentences of each block of ``body.blocks``, in the same order: split once for
        the whole-body counts and for the rules that read sentences block by block."""
        return [words.sentences(block.text, self.lang, block.line) for block in self.body.blocks]

    @cached_property
    def sentences(self) -> list[words.Sentence]:
        """Every sentence of the prose; each block (paragraph, item, cell…) ends one."""
        found: list[words.Sentence] = []
        for block_sentences in self.block_sentences:
            found += block_sentences
        return found

    @cached_property
    def word_count(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    @cached_property
    def running_sentences(self) -> list[words.Sentence]:
        """The sentences of the prose without the lists written inline (a paragraph of 20
        names between commas is no sentence): what sentence length and reading ease measure."""
        found: list[words.Sentence] = []
        for block, block_sentences in zip(self.body.blocks, self.block_sentences):
            if not words.inline_list(block.text):
                found += block_sentences
        return found
