"""seolint server: time from a didChange to its publishDiagnostics, in a warm server.

A real LSP client (pytest-lsp, from the ``test`` extra) starts ``seolint server`` over stdio,
opens an article, then sends ``--runs`` changes (each appends one word to the body, so the
text is new every time) and times each one from the moment the notification is written
to the moment the diagnostics of that version arrive. The server is started with a
debounce of 0 ms (an initialization option), so the figure is the check itself plus the
protocol; an editor adds the 150 ms debounce on top while the writer types.

    python benchmarks/server.py                 # the reference article and a 5,000-word one
    python benchmarks/server.py --runs 50

Prints a Markdown table on stdout and exits 0; a missed target shows as **MISSED**.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "networking-professionnel-2025.md"
EXAMPLE = ROOT / "examples" / "fr" / "guide-reseau-professionnel.md"
TARGETS = {"reference": 0.050, "5,000 words": 0.150}  # seconds (issue #15)


def long_article(source: str, words: int) -> str:
    """``source`` with its body repeated until it has about ``words`` words."""
    _, fence, rest = source.partition("---\n")
    front, _, body = rest.partition("\n---\n")
    count = len(re.findall(r"\w+", body))
    copies = max(1, round(words / max(count, 1)))
    return f"{fence}{front}\n---\n" + "\n".join([body] * copies)


async def measure(path: Path, text: str, runs: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from lsprotocol import types

    from tests.lsp.client import change, diagnostics, open_document, session

    times = []
    async with session({"debounce": 0}) as client:
        uri = open_document(client, path, text)
        await diagnostics(client, uri, 1, timeout=120)
        for version in range(2, runs + 2):
            started = time.perf_counter()
            change(client, uri, version, f"{text}\nmot{version}\n")
            await diagnostics(client, uri, version, timeout=120)
            times.append(time.perf_counter() - started)
        assert types  # the client's types are what the server speaks
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=30, help="changes timed per article (default 30)")
    parser.add_argument("--article", type=Path, default=REFERENCE if REFERENCE.is_file() else EXAMPLE)
    args = parser.parse_args()
    source = args.article.read_text(encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for label, text in (("reference", source), ("5,000 words", long_article(source, 5000))):
            path = Path(folder) / f"{label.replace(',', '').replace(' ', '-')}.md"
            path.write_text(text, encoding="utf-8")
            times = asyncio.run(measure(path, text, args.runs))
            words = len(re.findall(r"\w+", text))
            median = statistics.median(times)
            verdict = "met" if median <= TARGETS[label] else "**MISSED**"
            rows.append(f"| {label} ({words:,} words) | {median * 1000:.1f} ms | {min(times) * 1000:.1f} ms "
                        f"| {max(times) * 1000:.1f} ms | < {TARGETS[label] * 1000:.0f} ms: {verdict} |")
            print(f"{label}: {median * 1000:.1f} ms", file=sys.stderr)
    print(f"didChange → publishDiagnostics, warm server, debounce 0, {args.runs} changes each "
          f"({args.article.name})\n")
    print("| article | median | min | max | target |\n|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
