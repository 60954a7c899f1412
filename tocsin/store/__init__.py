"""The event store (DuckDB): schema, writes, queries, exports. See docs/store.md."""
from .store import BadStore, NoStore, Store, StoreLocked

__all__ = ["BadStore", "NoStore", "Store", "StoreLocked"]
