"""The rule framework: what a rule is, and how its documentation reads.

Each family module in :mod:`seolint.checks` defines its rules as ``Rule`` values; the one
registry is the literal tuple in :mod:`seolint.checks`. No registration by import side
effects, no class-level state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict

from seolint.findings import FixSafety, Severity, Violation

if TYPE_CHECKING:
    from seolint.source.document import Document
    from seolint.site.summaries import Summaries, Summary


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Options(BaseModel):
    """Base of every rule's options: kebab-case keys in config, unknown keys refused."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )


class NoOptions(Options):
    pass


class Check(Protocol):
    def __call__(self, doc: Document, options: Any, /) -> Iterator[Violation]: ...


class SiteCheck(Protocol):
    """A rule across articles: summaries in (read one at a time: keep positions, not
    summaries), (summary, violation) pairs out."""

    def __call__(self, summaries: Summaries, root: str, options: Any, /) -> Iterator[tuple[Summary, Violation]]: ...


FAMILIES = {
    "FM": "front matter",
    "T": "title",
    "D": "description",
    "S": "slug",
    "K": "keywords and keyphrase",
    "I": "images",
    "H": "headings and structure",
    "C": "content and readability",
    "L": "links",
    "E": "editorial leftovers",
    "X": "across articles",
    "RUN": "the run itself",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Check
    what: str  # What it does
    why: str  # Why is this bad? Names the source of any threshold.
    example: str = ""
    use_instead: str = ""
    references: tuple[str, ...] = ()
    options: type[Options] = NoOptions
    fix: FixSafety | None = None
    fix_note: str = ""  # the Fix safety section, when the safety depends on the case
    enabled: bool = True  # in the default preset
    needs_body: bool = False  # whether the check reads the Markdown body
    site_check: SiteCheck | None = None  # set for the rules across articles (X)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        prefix = self.code.rstrip("0123456789")
        return FAMILIES[prefix]

    def documentation(self, lang: str = "en") -> str:
        """The rule's page, under the headings ruff's rule docs use, in ``lang`` (English, the
        source, never opens a catalogue; French is the ``seolint-rules`` catalogue)."""
        return self.page(saying(lang))

    def page(self, say: Say) -> str:
        """The rule's page with every explanation passed through ``say`` (a translation, or
        what ``scripts/catalogues.py`` records as the messages of the ``seolint-rules`` domain)."""
        severity = say(self.severity.value)
        state = severity if self.enabled else say("off (enable it: {severity})", severity=severity)
        family = say(FAMILIES[self.code.rstrip("0123456789")])
        parts = [f"# {self.name} ({self.code})", "", say("Family: {family}. Default: {state}.", family=family,
                                                             state=state), ""]
        parts += [say("## What it does"), say(self.what), "", say("## Why is this bad?"), say(self.why), ""]
        if self.example:
            parts += [say("## Example"), "```markdown", self.example, "```", ""]
        if self.use_instead:
            parts += [say("Use instead:"), "```markdown", self.use_instead, "```", ""]
        option_lines = list(_option_lines(self.options, say))
        if option_lines:
            parts += [say("## Options"), *option_lines, ""]
        if self.fix is not None:
            parts += [say("## Fix safety"), say(self.fix_note or _FIX_TEXT[self.fix]), ""]
        if self.references:
            parts += [say("## References"), *(f"- {ref}" for ref in self.references), ""]
        return "\n".join(parts).rstrip() + "\n"


class Say(Protocol):
    def __call__(self, text: str, /, **params: Any) -> str: ...


def _english(text: str, /, **params: Any) -> str:
    return text.format(**params) if params else text


def saying(lang: str) -> Say:
    """English as written, or the rule docs' catalogue of ``lang`` (opened on first use)."""
    if lang == "en":
        return _english
    from seolint.i18n import Message, render

    def say(text: str, /, **params: Any) -> str:
        if not text:  # gettext's translation of "" is the catalogue's header
            return text
        return render(Message(_english(text, **params), text, params, domain=RULES_DOMAIN), lang)

    return say


#: The gettext domain of the rules' explanations (seolint/locale/<lang>/LC_MESSAGES/seolint-rules.po).
RULES_DOMAIN = "seolint-rules"

_FIX_TEXT = {
    FixSafety.SAFE: "The fix is safe: `seolint fix` applies it; it keeps the meaning of the article.",
    FixSafety.UNSAFE: (
        "The fix is unsafe (it changes a URL or removes text): it is applied only with "
        "`--unsafe-fixes`."
    ),
}


def _option_lines(options: type[Options], say: Say = _english) -> Iterator[str]:
    for name, info in options.model_fields.items():
        default = info.default
        shown = f"`{default}`" if not isinstance(default, (list, tuple)) else (
            "`[" + ", ".join(repr(item) for item in default) + "]`"
        )
        description = say(info.description or "")
        line = say("- `{key}` (default {default}): {description}", key=_kebab(name), default=shown,
                   description=description)
        yield line.rstrip(": \u202f")


class SiteRule(NamedTuple):
    """A rule across articles as a run enabled it: what ``seolint merge`` replays."""

    rule: Rule
    severity: Severity
    options: Options
    messages: str = "auto"  # the config's choice of language for messages (seolint.i18n.choose)
