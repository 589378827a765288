"""Facts the rules read, derived from the body's markdown-it-py tokens once per document.

:mod:`seolint.source.markdown` parses the body and collects what almost every body rule reads
(headings, blocks of prose, images), and records where each link starts. The modules here
walk the same tokens for what only some rules read, each on first use (``Document.derived``):
a rule that is not selected costs nothing.

- :mod:`~seolint.source.facts.links`: the one Link model (the L and E rules, the site
  summaries, publish), with its visible content; literal text pieces;
- :mod:`~seolint.source.facts.destination`: where a link leads (internal, outbound, anchor…);
- :mod:`~seolint.source.facts.paragraphs`: paragraphs line by line, one-line emphasized paragraphs.

Checks import these and never one another.
"""
