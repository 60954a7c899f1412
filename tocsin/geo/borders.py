"""A point for a border area or a tripoint, from countryinfo's country outlines.

"Where the Belarus-Ukraine-Poland borders join" has no gazetteer entry, but the outlines of
the three countries meet there: the outline vertex nearest to all of them is the tripoint;
for two countries, the middle of the vertices they share is their border's centre.
"""
from __future__ import annotations

import ast
from functools import lru_cache

from .distance import km


@lru_cache(maxsize=None)
def outline(iso2: str) -> tuple[tuple[float, float], ...]:
    """Outline vertices of a country as (lat, lon); empty when countryinfo has none."""
    from countryinfo import CountryInfo

    try:
        geo = CountryInfo(iso2).info().get("geoJSON")
    except Exception:  # countryinfo raises its own error types for unknown codes
        return ()
    if isinstance(geo, str):
        try:
            geo = ast.literal_eval(geo)
        except (ValueError, SyntaxError):
            return ()
    pts: list[tuple[float, float]] = []
    for feat in (geo or {}).get("features", []):
        g = feat.get("geometry") or {}
        polys = [g.get("coordinates", [])] if g.get("type") == "Polygon" else g.get("coordinates", [])
        for poly in polys:
            for ring in poly:
                pts.extend((float(p[1]), float(p[0])) for p in ring)
    return tuple(pts)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return km(a[0], a[1], b[0], b[1])


def _nearest(p: tuple[float, float], pts: tuple[tuple[float, float], ...]) -> float:
    return min(_km(p, q) for q in pts)


# Outlines are coarse (tens of vertices per country), so "shared" means within this distance.
SHARED_KM = 60.0


@lru_cache(maxsize=1024)
def border_point(codes: tuple[str, ...]) -> tuple[float, float] | None:
    """The point where these two or three countries meet, or None if their outlines do not touch."""
    shapes = [outline(c) for c in codes]
    if len(codes) < 2 or any(not s for s in shapes):
        return None
    first, rest = shapes[0], shapes[1:]
    if len(codes) >= 3:
        best = min(first, key=lambda p: max(_nearest(p, s) for s in rest))
        return best if max(_nearest(best, s) for s in rest) <= 3 * SHARED_KM else None
    shared = [p for p in first if _nearest(p, rest[0]) <= SHARED_KM]
    if not shared:
        return None
    lat = sum(p[0] for p in shared) / len(shared)
    lon = sum(p[1] for p in shared) / len(shared)
    # The mean of a curved border can fall inside one country; its nearest shared vertex cannot.
    return min(shared, key=lambda p: _km(p, (lat, lon)))
