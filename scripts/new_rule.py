"""Add a rule: ``python scripts/new_rule.py CODE name family``.

Writes what a new rule needs to be complete, so that a rule author starts from a failing
fixture rather than from a blank page:

- a check stub in a module of its family, before the module's ``RULES`` tuple, and the rule's
  ``Rule(...)`` entry at the end of that tuple. A family may span several modules (K:
  ``keywords`` and ``keyphrase``); the stub goes to the one named, else to the family's main
  module, else to another of its modules with room under the 400-line limit, else to a new
  module ``seolint/checks/<name>.py`` registered in ``seolint/checks/__init__.py``;
- a firing fixture (``tests/fixtures/rules/<CODE>/fires.md``, which expects the code) and a
  passing one (``passes.md``);
- the rule's documentation page (``docs/rules/<CODE>.md``, by ``build_rule_docs.py``).

The stub finds nothing, so ``tests/test_rule_fixtures.py`` fails on ``fires.md`` until the
check is written: that is the rule author's first task. ``family`` is a family module name
(``title``, ``keyphrase``) or a code prefix (``T``); the code's prefix must belong to that family. Rules
across articles (X) have a different shape (``site_check``) and are written by hand.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Code prefix → family module in seolint/checks/ (the families of seolint.rules.FAMILIES).
MODULES = {
    "FM": "frontmatter", "T": "title", "D": "description", "S": "slug", "K": "keywords",
    "I": "images", "H": "headings", "C": "content", "L": "links", "E": "editorial",
}
CODE = re.compile(r"^(?P<prefix>[A-Z]+)(?P<number>[0-9]{3})$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Refused(Exception):
    """The rule cannot be added as asked; the message says why."""


def _prefix(code: str) -> str:
    match = CODE.match(code)
    if not match:
        raise Refused(f"{code!r} is not a rule code: use a family prefix and three digits, e.g. T006")
    return match["prefix"]


def _modules(root: Path, prefix: str) -> list[str]:
    """The check modules holding rules of a family, its main module first."""
    found = [path.stem for path in sorted((root / "seolint" / "checks").glob("[!_]*.py"))
             if re.search(rf'Rule\(\s*"{prefix}[0-9]{{3}}"', path.read_text(encoding="utf-8"))]
    return [MODULES[prefix]] + [module for module in found if module != MODULES[prefix]]


def _module(root: Path, code: str, family: str) -> str | None:
    """The module the stub goes to; None for a new module."""
    prefix = _prefix(code)
    if prefix == "X":
        raise Refused("rules across articles (X) take summaries, not a document: write them by hand "
                      "in seolint/checks/site.py")
    if prefix not in MODULES:
        raise Refused(f"unknown family prefix {prefix!r}; known: {', '.join(MODULES)}")
    modules = _modules(root, prefix)
    wanted = MODULES.get(family, family)
    if wanted not in modules:
        raise Refused(f"{code} belongs to the family {MODULES[prefix]!r} ({', '.join(modules)}), not {family!r}")
    for module in [wanted] + [module for module in modules if module != wanted]:
        if _lines(root / "seolint" / "checks" / f"{module}.py") + STUB_LINES <= MAX_LINES:
            return module
    return None


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _taken(root: Path, code: str, name: str) -> None:
    checks = root / "seolint" / "checks"
    for path in sorted(checks.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(rf'"{code}"', text) and re.search(rf'Rule\(\s*"{code}"', text):
            raise Refused(f"{code} is already defined in {path.relative_to(root)}")
        if re.search(rf'Rule\(\s*"[A-Z]+[0-9]+",\s*"{re.escape(name)}"', text):
            raise Refused(f"the name {name!r} is already used in {path.relative_to(root)}")


def _function(name: str) -> str:
    return name.replace("-", "_")


def stub(code: str, name: str) -> str:
    return f'''

def {_function(name)}(doc: Document, options: NoOptions) -> Iterator[Violation]:
    """{code}: TODO say what this rule finds. Yield one Violation per problem, e.g.
    ``Violation("What is wrong, the measured value and the bound", doc.field_span("title"),
    "What to do")``."""
    return iter(())
'''


def entry(code: str, name: str) -> str:
    return f'''    Rule(
        "{code}", "{name}", Severity.WARNING, {_function(name)}, needs_body=True,
        what="TODO: what the rule reports, in one paragraph.",
        why="TODO: why it matters to a reader or a search engine, and the source of any threshold.",
        example="TODO: an article that breaks the rule",
        use_instead="TODO: the same article, mended",
        references=("TODO: where the threshold or the advice comes from",),
    ),
'''


FIRES = """---
title: "TODO: an article the rule {code} reports"
description: "TODO: a description long enough for the description rules to stay quiet here."
---

TODO: the text that breaks the rule. <!-- expect: {code} -->
"""

PASSES = """---
title: "TODO: an article the rule {code} accepts"
description: "TODO: a description long enough for the description rules to stay quiet here."
---

TODO: the same text, mended.
"""


#: What the stub and its entry add to a module, imports included; the layer test allows
#: modules of 400 lines at most.
STUB_LINES = 24
MAX_LINES = 400
#: What the stub reads, by the module it is imported from.
NEEDED = {"collections.abc": ("Iterator",), "seolint.findings": ("Severity", "Violation"),
          "seolint.rules": ("NoOptions", "Rule"), "seolint.source.document": ("Document",)}

NEW_MODULE = '''"""{code} {name}: TODO what the rules of this module check."""

from __future__ import annotations

from collections.abc import Iterator

from seolint.findings import Severity, Violation
from seolint.rules import NoOptions, Rule
from seolint.source.document import Document

RULES = (
)
'''


def _imports(module_text: str) -> str:
    """The module's text, importing every name the stub reads (one ``from`` line each)."""
    lines = module_text.splitlines(keepends=True)
    for source, names in NEEDED.items():
        at = next((i for i, line in enumerate(lines) if line.startswith(f"from {source} import ")), None)
        if at is None:
            last = max(i for i, line in enumerate(lines) if line.startswith(("from ", "import ")))
            lines.insert(last + 1, f"from {source} import {', '.join(names)}\n")
            continue
        have = [name.strip() for name in lines[at].split(" import ", 1)[1].split(",")]
        if all(name in have for name in names) or "(" in lines[at]:
            continue
        lines[at] = f"from {source} import {', '.join(sorted(set(have) | set(names)))}\n"
    return "".join(lines)


def _register(root: Path, module: str, prefix: str) -> Path:
    """List a new family module in the registry, after the family's other modules."""
    path = root / "seolint" / "checks" / "__init__.py"
    text = path.read_text(encoding="utf-8")
    names = re.search(r"from seolint\.checks import \(\n(.*?)\)", text, re.DOTALL)
    if names is None:
        raise Refused("seolint/checks/__init__.py has no `from seolint.checks import (` list")
    listed = sorted({*re.findall(r"\s*(\w+),", names.group(1)), module})
    text = text.replace(names.group(0), "from seolint.checks import (\n"
                        + "".join(f"    {name},\n" for name in listed) + ")")
    last = [line for line in text.splitlines() if line.strip() in {f"*{name}.RULES," for name in _modules(root, prefix)}]
    text = text.replace(last[-1] + "\n", last[-1] + "\n" + f"    *{module}.RULES,\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def _insert(module_text: str, code: str, name: str) -> str:
    lines = module_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("RULES = (")), None)
    if start is None:
        raise Refused("the family module has no `RULES = (` tuple")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip() == ")"), None)
    if end is None:
        raise Refused("the family module's RULES tuple has no closing `)` line")
    before = "".join(lines[:start]).rstrip("\n") + "\n" + stub(code, name) + "\n\n"
    return _imports(before + "".join(lines[start:end]) + entry(code, name) + "".join(lines[end:]))


def add_rule(root: Path, code: str, name: str, family: str) -> list[Path]:
    """Write the rule's stub, fixtures and page under ``root``; returns the paths written."""
    module = _module(root, code, family)
    if not NAME.match(name):
        raise Refused(f"{name!r} is not a kebab-case name (e.g. title-emoji)")
    _taken(root, code, name)
    fixtures = root / "tests" / "fixtures" / "rules" / code
    if fixtures.exists():
        raise Refused(f"{fixtures.relative_to(root)} already exists")
    written = []
    if module is None:
        module = _function(name)
        source = root / "seolint" / "checks" / f"{module}.py"
        if source.exists():
            raise Refused(f"{source.relative_to(root)} already exists")
        written.append(_register(root, module, _prefix(code)))
        source.write_text(NEW_MODULE.format(code=code, name=name), encoding="utf-8")
    source = root / "seolint" / "checks" / f"{module}.py"
    source.write_text(_insert(source.read_text(encoding="utf-8"), code, name), encoding="utf-8")
    fixtures.mkdir(parents=True)
    (fixtures / "fires.md").write_text(FIRES.format(code=code), encoding="utf-8")
    (fixtures / "passes.md").write_text(PASSES.format(code=code), encoding="utf-8")
    # A fresh interpreter imports the module as just written.
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, str(root / "scripts" / "build_rule_docs.py")], cwd=root, env=env, check=True)
    return [source, *written, fixtures / "fires.md", fixtures / "passes.md", root / "docs" / "rules" / f"{code}.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("code", help="the new code, e.g. T006 (see ../shared/RULES.md)")
    parser.add_argument("name", help="its kebab-case name, e.g. title-emoji")
    parser.add_argument("family", help="the family module (title) or prefix (T)")
    args = parser.parse_args(argv)
    try:
        written = add_rule(ROOT, args.code, args.name, args.family)
    except Refused as refused:
        print(f"new_rule.py: {refused}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"next: write the check, fill the fixtures, then run pytest tests/test_rule_fixtures.py -k {args.code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
