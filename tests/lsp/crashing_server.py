"""The real language server with one rule made to crash, for the RUN002 test.

The rule is replaced in this process only, before the server starts: the product has no
switch that makes a rule crash.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from seolint.checks import REGISTRY


def _crash(doc: Any, options: Any) -> Iterator[Any]:
    raise RecursionError("maximum recursion depth exceeded (simulated in the test)")
    yield  # a generator, as checks are


if __name__ == "__main__":
    REGISTRY["T001"] = dataclasses.replace(REGISTRY["T001"], check=_crash)
    from seolint.lsp.server import serve

    serve()
