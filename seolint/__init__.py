"""seolint: an SEO linter for Markdown articles with front matter."""

from __future__ import annotations

__version__ = "0.1.0"
