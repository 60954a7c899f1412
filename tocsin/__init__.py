"""tocsin: political event data from the news.

``import tocsin`` is cheap: spaCy, DuckDB and Dask load when something first needs them.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version
from typing import TYPE_CHECKING

from .model import Actor, Alert, Article, Coded, Event, Place, PlaceMention, Plover

if TYPE_CHECKING:
    from .app import Settings, Tocsin
    from .pipeline import Pipeline
    from .store import Store

try:
    __version__ = _version("tocsin")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

_LAZY = {"Pipeline": "pipeline", "code_batch": "pipeline", "Tocsin": "app", "Settings": "app"}
_default = None


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def code(text: str, date=None, article_id: str = "a1") -> list[Event]:
    """Code one text into events with the default settings. ``date`` is its publication date."""
    global _default
    if _default is None:
        from .app import Tocsin

        _default = Tocsin()
    return _default.code(text, date=date, article_id=article_id)


def open_store(db: str = "tocsin.duckdb") -> "Store":
    """The event store at ``db`` (DuckDB), for queries that return pandas DataFrames."""
    from .store import Store

    return Store(db)


open = open_store  # noqa: A001 - the documented shortcut, tocsin.open(db)

__all__ = ["Actor", "Alert", "Article", "Coded", "Event", "Pipeline", "Place", "PlaceMention", "Plover",
           "Settings", "Tocsin", "code", "code_batch", "open", "open_store", "__version__"]
