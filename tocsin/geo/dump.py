"""Reads a GeoNames dump (allCountries.txt, cities500.txt, a country file such as US.txt, or its .zip).

The format is GeoNames' own: 19 tab-separated columns per line. A file that is missing, empty
or not in that format raises ``ValueError`` with a one-line reason naming the file and line,
because a gazetteer that silently loads nothing would make every place vanish.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from typing import Iterator

N_COLUMNS = 19
# A full dump has millions of streams, hills and buildings; beyond this many lines only the
# classes news locates events at are kept, so that memory stays within a laptop's.
BIG_DUMP_LINES = 3_000_000
_KEEP_CLASSES_BIG = {"A", "P", "L"}
_KEEP_CODES_BIG = {"AIRP", "PRT", "SEA", "GULF", "BAY", "STRT", "MTS", "MT", "ISL", "ISLS", "PEN",
                   "DSRT", "VAL", "PLAT", "CNL", "LK", "STM", "RGN", "STDM", "MILB", "INSM"}


@dataclass(frozen=True, slots=True)
class DumpRow:
    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    admin1: str
    admin2: str
    population: int


def _open_text(path: str) -> io.TextIOBase:
    if not os.path.exists(path):
        raise ValueError(f"gazetteer file not found: {path}")
    if os.path.isdir(path):
        raise ValueError(f"gazetteer {path} is a folder; give a GeoNames .txt or .zip file")
    if zipfile.is_zipfile(path):
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ValueError(f"gazetteer {path}: unreadable zip file ({exc})") from None
        members = [m for m in zf.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
        if len(members) != 1:
            raise ValueError(f"gazetteer {path}: expected one GeoNames .txt file in the zip, found {len(members)}")
        return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8", errors="strict")
    return open(path, encoding="utf-8", errors="strict")


def _count_lines(path: str) -> int:
    if zipfile.is_zipfile(path):
        return BIG_DUMP_LINES + 1 if os.path.getsize(path) > 100_000_000 else 0
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def _parse(line: str, where: str) -> DumpRow:
    cols = line.rstrip("\n").rstrip("\r").split("\t")
    if len(cols) != N_COLUMNS:
        raise ValueError(f"{where}: not a GeoNames dump line ({len(cols)} tab-separated columns, "
                         f"expected {N_COLUMNS}: geonameid, name, asciiname, alternatenames, latitude, ...)")
    try:
        gid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
        pop = int(cols[14]) if cols[14] else 0
    except ValueError:
        raise ValueError(f"{where}: not a GeoNames dump line (geonameid, latitude, longitude and "
                         "population must be numbers)") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"{where}: latitude/longitude out of range ({lat}, {lon})")
    if not cols[1]:
        raise ValueError(f"{where}: empty place name")
    alts = tuple(a for a in cols[3].split(",") if a) if cols[3] else ()
    return DumpRow(gid, cols[1], cols[2] or cols[1], alts, lat, lon, cols[6], cols[7], cols[8],
                   cols[10], cols[11], pop)


def read_dump(path: str) -> Iterator[DumpRow]:
    """Rows of a GeoNames dump; raises ValueError on the first malformed line."""
    big = _count_lines(path) > BIG_DUMP_LINES if os.path.isfile(path) else False
    n = 0
    with _open_text(path) as f:
        try:
            for lineno, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                row = _parse(line, f"{path}:{lineno}")
                n += 1
                if big and row.fclass not in _KEEP_CLASSES_BIG and row.fcode not in _KEEP_CODES_BIG:
                    continue
                yield row
        except UnicodeDecodeError:
            raise ValueError(f"gazetteer {path}: not UTF-8 text (is it a GeoNames dump?)") from None
    if n == 0:
        raise ValueError(f"gazetteer {path}: no GeoNames records in the file")
