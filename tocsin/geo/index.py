"""The name index's vocabulary: what an entry is, how a name reaches it, and the spellings of a name.

Shared by the gazetteer (which answers lookups) and its builder (which fills the index), so that
a name added by either is keyed and ranked the same way. Imports only ``names``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .names import place_key

# How a name reaches an entry; the resolver trusts them in this order.
PRIMARY, ALIAS, ALTERNATE, ADJECTIVE = 0, 1, 2, 3
# Alternate names of small places are mostly other languages' spellings of villages, and
# each would turn an ordinary capitalised word somewhere into a false place.
ALTERNATE_MIN_POP = 5000


class Entry(NamedTuple):
    geonameid: int | None
    name: str
    cc: str | None  # ISO 3166 alpha-2
    lat: float
    lon: float
    population: int
    feature: str  # GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC, CONT, RGN, ...
    admin1: str | None


_SHORT_FORMS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))


def variants(k: str) -> list[str]:
    """The spellings news uses for one name: St Louis for Saint Louis, Netherlands for The Netherlands."""
    out = [k]
    if k.startswith("the ") and len(k) > 8:
        out.append(k[4:])
    for long, short in _SHORT_FORMS:
        if k.startswith(long):
            out.append(short + k[len(long):])
    return out


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    return place_key(name)


def how_alternate(alt: str, name: str, countries: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    """A short form of the name itself ("New York" for New York City, "Frankfurt" for Frankfurt
    am Main) is as good as the name; other alternates are other languages' spellings. A short
    form that is a country's name ("Mexico" for Mexico City) names the country first."""
    a = place_key(alt)
    if not a or len(a) < 4 or a not in _name_key(name):
        return ALTERNATE
    n = place_key(name)
    if a and a not in countries and (n.startswith(a + " ") or n.endswith(" " + a)) and len(a) >= 4:
        return PRIMARY
    return ALTERNATE
