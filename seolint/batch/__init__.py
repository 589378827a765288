"""Batch machinery around the core: worker processes, the cache, the spill store, shards."""
