from __future__ import annotations

from seolint.cli import main

raise SystemExit(main())
