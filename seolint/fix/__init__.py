"""Fixes: apply the edits findings carry, losslessly, until nothing changes."""
