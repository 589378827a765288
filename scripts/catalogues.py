"""The message catalogues: extract the messages, update the ``.po`` files, compile them.

    python scripts/catalogues.py            # extract → update every .po → compile every .mo
    python scripts/catalogues.py --check    # fail when a message has no translation, its
                                            # placeholders differ, or a .mo is stale

Messages are what the package passes to ``seolint.i18n.msg`` and ``msg_n`` (domain ``seolint``:
source folders and keywords in ``DOMAINS``), and the rules' explanations, which
``Rule.page`` passes through its ``say`` (domain ``seolint-rules``: collected by building every
rule's page, so the catalogue holds exactly what ``seolint rule`` and docs/rules/ print). An
explanation is prose, not a template: its check is that the code spans (backticked text) of
the translation are those of the English, while the page's own templates keep their
``{placeholders}``. The translations are ``seolint/locale/<lang>/LC_MESSAGES/<domain>.po``,
written by hand; the ``.mo`` beside each is compiled from it and committed, so that the wheel
ships it and no build step needs Babel (a test dependency).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "seolint" / "locale"
LANGUAGES = ("fr",)


#: A collected message: its text, where it is used, whether it is a ``{placeholder}`` template.
Collected = tuple[str, tuple[str, int | None], bool]


def rule_explanations() -> Iterator[Collected]:
    """What every rule's page says in English, recorded as its ``say`` is asked for it."""
    sys.path.insert(0, str(ROOT))
    from seolint.checks import REGISTRY

    for code, rule in REGISTRY.items():
        said: list[Collected] = []

        def record(text: str, /, **params: Any) -> str:
            if text:
                said.append((text, (f"docs/rules/{code}.md", None), bool(params)))
            return text.format(**params) if params else text

        rule.page(record)
        yield from said


class Domain(NamedTuple):
    name: str
    folders: tuple[str, ...]  # under the repository's root
    keywords: dict[str, tuple[int, ...] | None]
    collect: Callable[[], Iterator[Collected]] | None = None  # instead of extracting from folders


DOMAINS = (
    Domain("seolint", ("seolint",), {"msg": None, "msg_n": (1, 2), "msg_in": ((1, "c"), 2)}),
    Domain("seolint-rules", (), {}, rule_explanations),
)

BRACE_FORMAT = "python-brace-format"
CODE_SPAN = re.compile(r"`[^`\n]+`")


def code_spans(text: str) -> list[str]:
    """The backticked spans of a text, in sorted order (a translation may reorder them)."""
    return sorted(CODE_SPAN.findall(text))


def extract(domain: Domain) -> Catalog:
    """Every message of a domain's sources, with where it is used."""
    template = Catalog(project="seolint", domain=domain.name)
    if domain.collect is not None:
        for text, where, formatted in domain.collect():
            known = template.get(text)
            flags = (BRACE_FORMAT,) if formatted or (known is not None and BRACE_FORMAT in known.flags) else ()
            locations: list[Any] = [*(known.locations if known else []), where]  # no line: a rule's page
            template.add(text, locations=locations, flags=flags)
        return template
    for folder in domain.folders:
        found = extract_from_dir(ROOT / folder, method_map=[("**.py", "python")], keywords=domain.keywords,
                                 comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
        for filename, line, message, comments, context in found:
            where = (f"{folder}/{filename}", line)
            template.add(message, locations=[where], auto_comments=comments, context=context,
                         flags=("python-brace-format",))
    return template


def po_path(lang: str, domain: Domain) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain.name}.po"


def read(path: Path, lang: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=lang, domain=path.stem, project="seolint")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=path.stem)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(domain: Domain, lang: str) -> None:
    path = po_path(lang, domain)
    catalog = read(path, lang)
    template = extract(domain)
    if path.exists():  # an unchanged catalogue stays byte-identical (no new creation date)
        template.creation_date = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False, include_previous=False)
    path.with_suffix(".mo").write_bytes(compiled(read(path, lang)))


def problems(domain: Domain, lang: str) -> list[str]:
    """What keeps a language's catalogue from being complete and current."""
    from seolint.i18n import placeholders

    path = po_path(lang, domain)
    catalog = read(path, lang)
    found = []
    for message in extract(domain):
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        where = f"{message.locations[0][0]}:{message.locations[0][1]}" if message.locations else "?"
        ids = tuple(map(str, message.id if isinstance(message.id, (tuple, list)) else (message.id,)))
        if entry is None or entry.fuzzy:
            found.append(f"{where}: no {lang} entry for {ids[0]!r}")
            continue
        strings = tuple(text or "" for text in (entry.string if isinstance(entry.string, (tuple, list))
                                                 else (entry.string,)))
        if not all(strings):
            found.append(f"{where}: empty {lang} translation of {ids[0]!r}")
            continue
        if domain.collect is not None and BRACE_FORMAT not in message.flags:  # prose: the same code
            for text in strings:
                if code_spans(text) != code_spans(ids[0]):
                    found.append(f"{where}: {lang} code spans {code_spans(text)} differ from "
                                 f"{code_spans(ids[0])} in {ids[0][:60]!r}")
            continue
        wanted = set().union(*(placeholders(text) for text in ids))
        for number, text in enumerate(strings):
            names = set(placeholders(text))
            if len(strings) > 1 and number < len(strings) - 1:
                names |= wanted & {"count"}  # a singular form may say "un" for {count}
            if names != wanted:
                found.append(f"{where}: {lang} placeholders {sorted(placeholders(text))} differ from "
                             f"{sorted(wanted)} in {ids[0]!r}")
    mo = path.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        found.append(f"{mo} is not compiled from its .po: run scripts/catalogues.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what is missing or stale, change nothing")
    args = parser.parse_args(argv)
    failed = []
    for domain in DOMAINS:
        for lang in LANGUAGES:
            if not args.check:
                update(domain, lang)
            failed += problems(domain, lang)
    for line in failed:
        print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
