"""tocsin: political event data from the news."""
from .model import Actor, Alert, Article, Event, Place, PlaceMention, Plover
from .pipeline import Coded, Pipeline, code, code_batch

__version__ = "0.1.0"
__all__ = ["Actor", "Alert", "Article", "Coded", "Event", "Pipeline", "Place", "PlaceMention", "Plover",
           "code", "code_batch"]
