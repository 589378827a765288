"""The commands as plain functions returning an exit code, one module per command (the
command line in :mod:`seolint.cli` is wiring only)."""
