"""Next.js: `next.config.{js,mjs,ts}` (nextjs.org/docs/app/api-reference/config/next-config-js).

Never executed. With `@next/mdx`, `.mdx` files under `pages/` or `app/` are routes at their
path (nextjs.org/docs/pages/building-your-application/routing); blogs usually keep posts
in `posts/`, `content/` or `_posts/` and route them by file name, which the defaults here
assume. `[site]` in seolint.toml says otherwise.
"""

from __future__ import annotations

from pathlib import Path

from seolint.source.profiles.configs import literal, script, url_path
from seolint.source.profiles.model import Permalink, Profile

MARKERS = tuple(f"next.config.{ext}" for ext in ("js", "mjs", "ts", "cjs"))
KEYS = frozenset("title description date author authors tags image coverImage excerpt draft ogImage".split())


def read(root: Path, marker: Path) -> Profile:
    source = script(marker)
    return Profile(
        "nextjs", root.as_posix(), marker.name,
        base_path=url_path(literal(source, "basePath")),
        permalinks=(Permalink("pages", "/:path"), Permalink("app", "/:path"),
                    Permalink("src/pages", "/:path"), Permalink("src/app", "/:path")),
        dated=("posts", "_posts", "blog", "news"),
        keys=KEYS,
        reasons=(f"{marker.name} found (not executed): Next.js defaults",),
    )
