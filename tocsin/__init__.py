"""tocsin: political event data from the news."""
from .model import Actor, Alert, Article, Event, Place, PlaceMention, Plover
from .pipeline import Coded, Pipeline, code, code_batch



def open(db: str = "tocsin.duckdb"):  # noqa: A001 - the API reads as tocsin.open(db)
    """The event store at ``db`` (DuckDB), for queries that return pandas DataFrames."""
    from .store import Store

    return Store(db)


__version__ = "0.1.0"
__all__ = ["Actor", "Alert", "Article", "Coded", "Event", "Pipeline", "Place", "PlaceMention", "Plover",
           "code", "code_batch", "open"]
