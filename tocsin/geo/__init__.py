"""Place mentions and event locations.

    Geoparser(gazetteer: str | None)
    Geoparser.places(doc: spacy Doc, article: Article) -> list[PlaceMention]
    Geoparser.event_location(trigger: Token, places: list[PlaceMention]) -> Place | None
"""
from __future__ import annotations

from .parser import Geoparser

__all__ = ["Geoparser"]
