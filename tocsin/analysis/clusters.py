"""Reports of one real-world event across articles, grouped into clusters, as GDELT counts mentions.

Two events are reports of the same event when they share the dyad (source and target codes),
the CAMEO root and the factuality (asserted and reported count as "it happened"; future,
hypothetical and negated each stand apart: a denial is not a report of the attack it denies),
fall within a day of the cluster's first report, and happen nearby (within ``RADIUS_KM`` when
both have coordinates, the same country when only that is known; an unknown place does not
split a cluster). An event with neither actor known, or dated only to a week, month or
year, stays alone: nothing tells its reports apart from reports of other events. Unlike GDELT's 15-minute windows, clustering runs over the whole store, so
tomorrow's ingest can add mentions to yesterday's clusters; ``rebuild`` recomputes it all.

Counts follow GDELT's event table: ``num_mentions`` counts every mention (each telling of an event
in a coded article, re-mentions such as "the attack" included, and again in each copy of that
article that ingest linked instead of coding),
``num_articles`` the distinct articles, ``num_sources`` the distinct publishers (the ``source``
field, else the URL's host, else one "unknown").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date, timedelta

import duckdb
import pyarrow as pa

from ..geo.distance import km

RADIUS_KM = 100.0
WINDOW = timedelta(days=1)
_KEY_COLUMNS = ("cluster_id", "source_code", "target_code", "cameo_root", "start_date", "end_date",
                "location_name", "location_country", "location_lat", "location_lon")


@dataclass
class _Cluster:
    cluster_id: str
    start: Date
    end: Date
    country: str | None
    lat: float | None
    lon: float | None
    name: str | None


def nearby(c: _Cluster, country: str | None, lat: float | None, lon: float | None) -> bool:
    if None not in (c.lat, c.lon, lat, lon):
        return km(c.lat, c.lon, lat, lon) <= RADIUS_KM
    if c.country and country:
        return c.country == country
    return True


# Told as fact or reported: both say it happened, and cluster together.
_FACTUALITY = "CASE WHEN e.modality IN ('asserted', 'reported') THEN 'happened' ELSE e.modality END"

_EVENTS = """
SELECT e.event_id, coalesce(e.source_code, ''), coalesce(e.target_code, ''), e.cameo_root,
       {factuality} AS factuality,
       coalesce(e.date, a.date) AS d, e.location_name, e.location_country, e.location_lat, e.location_lon,
       (e.source_code IS NOT NULL OR e.target_code IS NOT NULL) AND coalesce(e.date_precision, 'day') = 'day'
FROM events e JOIN articles a USING (article_id)
{{where}}
ORDER BY 2, 3, 4, 5, d NULLS LAST, a.seq, e.span_start, e.event_id
""".format(factuality=_FACTUALITY)

# The part of the store a group (dyad, root, factuality) falls in: a group's events are clustered
# together, never across groups, so each part is clustered alone with the same result.
_PART = ("hash(coalesce(e.source_code, ''), coalesce(e.target_code, ''), e.cameo_root, "
         + _FACTUALITY + ") % {parts} = {part}")

_STATS = """
INSERT INTO clusters
WITH told AS (
    SELECT ec.cluster_id, e.event_id, e.mentions, e.article_id AS root FROM _assigned ec JOIN events e USING (event_id)
), roots AS (
    SELECT DISTINCT root FROM told
), copies AS (
    -- The part's articles and their copies only: joined with every article, the hash table held
    -- the whole store (a million articles' URLs and publishers: more than the writer's 512 MB).
    SELECT article_id AS root, article_id, date, seq, url, source FROM articles
    WHERE status = 'coded' AND article_id IN (SELECT root FROM roots)
    UNION ALL
    SELECT duplicate_of, article_id, date, seq, url, source FROM articles
    WHERE duplicate_of IS NOT NULL AND duplicate_of IN (SELECT root FROM roots)
), mentions AS (
    SELECT t.cluster_id, t.event_id, t.mentions, x.article_id, x.url, x.seq,
           coalesce(x.date, DATE '9999-12-31') AS d,
           coalesce(x.source, nullif(regexp_extract(x.url, '^[A-Za-z]+://([^/:]+)', 1), ''), '?') AS publisher
    FROM told t JOIN copies x ON x.root = t.root
)
SELECT m.cluster_id, k.source_code, k.target_code, k.cameo_root, k.start_date, k.end_date,
       k.location_name, k.location_country, k.location_lat, k.location_lon,
       count(DISTINCT m.event_id), sum(m.mentions), count(DISTINCT m.article_id), count(DISTINCT m.publisher),
       arg_min(m.event_id, (m.d, m.seq, m.event_id)), arg_min(m.article_id, (m.d, m.seq, m.event_id)),
       arg_min(m.url, (m.d, m.seq, m.event_id))
FROM mentions m JOIN _cluster_keys k USING (cluster_id)
GROUP BY ALL
"""


# Events clustered at once, about: a part's sort and statistics took about 1.5 KB an event of
# DuckDB's memory (61,000 events: 128 MB; in parts of 5,000: 48 MB, most of it the open store's).
PART_EVENTS = 50_000


def rebuild(con: duckdb.DuckDBPyConnection, flush: int = 10_000, part_events: int = PART_EVENTS) -> int:
    """Recompute ``clusters`` and ``event_clusters`` from every stored event; returns the cluster count.

    Events are streamed in group order and only the clusters of the current group are held, so
    Python's memory is bounded by the largest group. DuckDB's is bounded by the part: the groups
    are split by a hash of their key into parts of about ``part_events`` events, each sorted,
    clustered and counted alone (a million articles' events sorted and counted at once ran out of
    the writer's 512 MB). A group never spans two parts, so the result is the same for any split.
    """
    con.execute("DELETE FROM event_clusters")
    con.execute("DELETE FROM clusters")
    n = int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    parts = max(1, -(-n // max(1, part_events)))
    con.execute("CREATE OR REPLACE TEMP TABLE _cluster_keys (cluster_id VARCHAR, source_code VARCHAR, "
                "target_code VARCHAR, cameo_root VARCHAR, start_date DATE, end_date DATE, location_name VARCHAR, "
                "location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE)")
    con.execute("CREATE OR REPLACE TEMP TABLE _assigned (event_id VARCHAR, cluster_id VARCHAR)")
    # (Made in the caller's transaction: a failure rolls them back with the rest.)
    for part in range(parts):
        where = "" if parts == 1 else "WHERE " + _PART.format(parts=parts, part=part)
        _cluster(con, _EVENTS.format(where=where), flush)
        con.execute("INSERT INTO event_clusters SELECT * FROM _assigned")
        con.execute(_STATS)
        con.execute("DELETE FROM _assigned")
        con.execute("DELETE FROM _cluster_keys")
    con.execute("DROP TABLE _cluster_keys")
    con.execute("DROP TABLE _assigned")
    return int(con.execute("SELECT count(*) FROM clusters").fetchone()[0])


def _cluster(con: duckdb.DuckDBPyConnection, query: str, flush: int) -> None:
    """Cluster the events ``query`` yields (in group and date order) into ``_assigned`` and ``_cluster_keys``."""
    assign: list[tuple[str, str]] = []
    keys: list[tuple] = []
    group: tuple | None = None
    active: list[_Cluster] = []

    def close(clusters: list[_Cluster], g: tuple) -> None:
        for c in clusters:
            keys.append((c.cluster_id, g[0] or None, g[1] or None, g[2], c.start, c.end,
                         c.name, c.country, c.lat, c.lon))

    def write() -> None:
        if assign:
            con.register("_assign", pa.table({"event_id": [a for a, _ in assign], "cluster_id": [c for _, c in assign]}))
            con.execute("INSERT INTO _assigned SELECT * FROM _assign")
            con.unregister("_assign")
            assign.clear()
        if keys:
            cols = list(zip(*keys))
            con.register("_keys", pa.table({n: pa.array(list(c)) for n, c in zip(_KEY_COLUMNS, cols)}))
            con.execute("INSERT INTO _cluster_keys SELECT * FROM _keys")
            con.unregister("_keys")
            keys.clear()

    cur = con.cursor()
    cur.execute(query)
    while rows := cur.fetchmany(10_000):
        for event_id, src, tgt, root, factuality, d, name, country, lat, lon, matchable in rows:
            g = (src, tgt, root, factuality)
            if g != group:
                if group is not None:
                    close(active, group)
                group, active = g, []
            home = None
            if d is not None and matchable:
                # Clusters older than a day before this event can take no more reports: retire them.
                still = [c for c in active if d - c.start <= WINDOW]
                close([c for c in active if d - c.start > WINDOW], g)
                active = still
                home = next((c for c in active if nearby(c, country, lat, lon)), None)
            if home is None:
                home = _Cluster(event_id, d, d, country, lat, lon, name)
                if d is not None and matchable:
                    active.append(home)
                else:
                    close([home], g)  # no day, or no actor at all: nothing to tell its report from another
            else:
                home.end = max(home.end, d)
                if home.lat is None and lat is not None:
                    home.lat, home.lon, home.name, home.country = lat, lon, name, country or home.country
                elif home.country is None and country is not None:
                    home.country, home.name = country, home.name or name
            assign.append((event_id, home.cluster_id))
            if len(assign) + len(keys) >= flush:
                write()
    if group is not None:
        close(active, group)
    write()
