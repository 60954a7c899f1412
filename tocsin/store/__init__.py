"""The event store (DuckDB): schema, writes, queries, exports. See docs/store.md."""
from .store import NoStore, Store, StoreLocked

__all__ = ["NoStore", "Store", "StoreLocked"]
