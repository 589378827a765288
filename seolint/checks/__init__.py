"""The registry: every rule seolint knows, in catalogue order (../shared/RULES.md)."""

from __future__ import annotations

from seolint.checks import (
    content,
    description,
    editorial,
    frontmatter,
    headings,
    images,
    keywords,
    links,
    run,
    site,
    slug,
    title,
)
from seolint.rules import Rule

RULES: tuple[Rule, ...] = (
    *frontmatter.RULES,
    *title.RULES,
    *description.RULES,
    *slug.RULES,
    *keywords.RULES,
    *images.RULES,
    *headings.RULES,
    *content.RULES,
    *links.RULES,
    *editorial.RULES,
    *site.RULES,
    *run.RULES,
)

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in RULES}
