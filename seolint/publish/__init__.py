"""``seolint publish SRC --out DIR``: checked articles in, ready-to-serve files out.

What is written, field by field, is documented in ``docs/publish.md``. The steps:
:mod:`.gate` checks and fixes every article and decides what may go out; :mod:`.entry`
reads each one's values once, cleaned; :mod:`.build` turns them into files (index, sitemap,
feeds, JSON-LD, head snippets); :mod:`.paths` writes them, atomically, below ``--out`` only.
"""
