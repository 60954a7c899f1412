"""Place mentions and event locations. Placeholder until the geo module lands.

CONTRACT:
    Geoparser(gazetteer: str | None)
    Geoparser.places(doc: spacy Doc, article: Article) -> list[PlaceMention]
    Geoparser.event_location(trigger: Token, places: list[PlaceMention]) -> Place | None
"""
from __future__ import annotations


class Geoparser:
    def __init__(self, gazetteer=None):
        self.gazetteer = gazetteer

    def places(self, doc, article):
        return []

    def event_location(self, trigger, places):
        return None
