"""The registry: every rule seolint knows, in catalogue order (../shared/RULES.md)."""

from __future__ import annotations

from seolint.checks import (
    content,
    dates,
    description,
    editorial,
    frontmatter,
    headings,
    images,
    keyphrase,
    keywords,
    links,
    placeholders,
    run,
    site,
    slug,
    style,
    title,
    unlinked,
)
from seolint.rules import Rule

#: The families in catalogue order; within a family, rules follow their codes.
_FAMILIES = ("FM", "T", "D", "S", "K", "I", "H", "C", "L", "E", "X", "RUN")


def _catalogue(rule: Rule) -> tuple[int, str]:
    return _FAMILIES.index(rule.code.rstrip("0123456789")), rule.code


RULES: tuple[Rule, ...] = tuple(sorted((
    *frontmatter.RULES,
    *dates.RULES,
    *title.RULES,
    *description.RULES,
    *slug.RULES,
    *keywords.RULES,
    *keyphrase.RULES,
    *images.RULES,
    *headings.RULES,
    *content.RULES,
    *style.RULES,
    *links.RULES,
    *unlinked.RULES,
    *editorial.RULES,
    *placeholders.RULES,
    *site.RULES,
    *run.RULES,
), key=_catalogue))

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in RULES}
