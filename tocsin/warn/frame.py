"""The events the warning layer reads, as one temporary DuckDB table on a connection.

Each event gets:

- ``day``: when it happened (event date, else publication date), never later than ``seen``;
- ``seen``: the first day it could be known, the publication date of its article (for imported
  streams the day the row was published: GDELT's DATEADDED, ACLED's event date). A day-by-day run on
  day D sees exactly the events with ``seen <= D``: that is what makes backtests honest;
- ``fact``: ``asserted`` or ``reported`` (it happened, someone says so) or the signal modalities
  ``future``, ``hypothetical``, ``negated`` (a threat or a plan is a signal, never a fight);
- ``cluster_id``: its cluster (one real-world event, many reports), which is what gets counted;
- ``implied``: for an event with no target, the country it points at: the other countries of a
  border it happens at ("moving troops to where the Belarus-Ukraine-Poland borders join" points at
  Ukraine and Poland), else the country it happens in when that is not the source's own.
"""
from __future__ import annotations

import re
from functools import lru_cache

import duckdb

FACTS = ("asserted", "reported")
SIGNALS = ("future", "hypothetical", "negated")

BASE = """
CREATE OR REPLACE TEMP TABLE {name} AS
SELECT e.event_id, coalesce(ec.cluster_id, e.event_id) AS cluster_id, e.article_id,
       least(coalesce(e.date, a.date), coalesce(a.date, e.date)) AS day,
       coalesce(a.date, e.date) AS seen,
       e.source_code, e.target_code, e.source_country AS sc, e.target_country AS tc,
       e.source_sector AS ss, e.target_sector AS ts,
       e.cameo, e.cameo_root AS root, e.quad_class AS quad, e.goldstein, e.plover_type, e.plover_mode,
       e.modality AS fact, e.location_country AS lc, e.location_precision AS lp, e.location_name AS ln,
       e.acled AS acled_type, {coder} AS coder,
       (coalesce(e.location_precision, '') = 'border'
        OR regexp_matches(coalesce(e.location_name, '') || ' ' || e.sentence, '(?i)\\b(borders?|frontiers?|boundary)\\b'))
           AS near_border,
       CASE WHEN e.target_country IS NULL AND coalesce(e.location_precision, '') <> 'border'
                 AND e.source_country IS NOT NULL AND e.location_country <> e.source_country
            THEN e.location_country END AS implied
FROM events e JOIN articles a USING (article_id) LEFT JOIN event_clusters ec USING (event_id)
WHERE coalesce(e.date, a.date) IS NOT NULL {where}
"""


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                            [table, column]).fetchall()[0][0])


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [table]).fetchall()[0][0])


_BORDER = re.compile(r"^(.*?)\s+(?:border|borders|frontier|boundary)\b", re.I)


@lru_cache(maxsize=4096)
def border_countries(name: str) -> tuple[str, ...]:
    """ISO alpha-3 codes of the countries a border place names ("Belarus-Ukraine-Poland border")."""
    m = _BORDER.match(name or "")
    if not m:
        return ()
    from ..actors.resolver import ActorResolver

    out: list[str] = []
    for part in re.split(r"\s*[-\u2013/]\s*|\s+and\s+", m.group(1)):
        actor = _resolver().lookup(part) if part else None
        if actor is not None and actor.country and actor.country not in out:
            out.append(actor.country)
    return tuple(out)


@lru_cache(maxsize=1)
def _resolver():
    from ..actors.resolver import ActorResolver

    return ActorResolver()


def build(con: duckdb.DuckDBPyConnection, name: str = "_warn", where: str = "", params: list | None = None) -> str:
    """Create the temp table ``name`` (one row per event, plus a row per implied target); returns ``name``."""
    import pyarrow as pa

    coder = "e.coder" if has_column(con, "events", "coder") else "'tocsin'"
    con.execute(BASE.format(name=name, coder=coder, where=where), params or [])
    # An event with no target points at the country it happens in, when that is not its source's own
    # (in BASE), else at the other countries of the border it happens at.
    borders = [r[0] for r in con.execute(
        f"SELECT DISTINCT ln FROM {name} WHERE tc IS NULL AND lp = 'border' AND ln IS NOT NULL").fetchall()]
    pairs = [(n, c) for n in borders for c in border_countries(n)]
    if pairs:
        con.register("_warn_borders", pa.table({"ln": [p[0] for p in pairs], "country": [p[1] for p in pairs]}))
        con.execute(f"""INSERT INTO {name}
            SELECT w.* REPLACE (b.country AS implied) FROM {name} w JOIN _warn_borders b USING (ln)
            WHERE w.tc IS NULL AND w.lp = 'border' AND w.sc IS NOT NULL AND b.country <> w.sc""")
        con.unregister("_warn_borders")
    # Still no target, but the sentence names the border ("moved tanks closer to the Finnish border"):
    # the country across it.
    rows = con.execute(f"""SELECT w.event_id, e.sentence, w.sc FROM {name} w JOIN events e USING (event_id)
        WHERE w.tc IS NULL AND w.implied IS NULL AND w.sc IS NOT NULL AND w.near_border
          AND coalesce(w.lp, '') <> 'border'""").fetchall()
    found = []
    for eid, sent, sc in rows:
        cs = [c for c in sentence_border_countries(sent) if c != sc]
        if cs:
            found.append((eid, cs[0]))
    if found:
        con.register("_warn_sb", pa.table({"event_id": [f[0] for f in found], "country": [f[1] for f in found]}))
        con.execute(f"""UPDATE {name} w SET implied = b.country FROM _warn_sb b
            WHERE w.event_id = b.event_id AND w.implied IS NULL""")
        con.unregister("_warn_sb")
    return name


_NAMED_BORDER = (re.compile(r"\b((?:[A-Z][\w'’.]+\s+){0,2}[A-Z][\w'’.]+?)(?:['’]s)?\s+(?:border|frontier)s?\b"),
                 re.compile(r"\b(?:border|frontier)s?\s+(?:with|of)\s+((?:[A-Z][\w.]+\s+){0,2}[A-Z][\w.]+)"))


@lru_cache(maxsize=65536)
def sentence_border_countries(sentence: str) -> tuple[str, ...]:
    """Countries whose border a sentence names: "the Finnish border", "the border with Armenia"."""
    out: list[str] = []
    for rx in _NAMED_BORDER:
        for m in rx.finditer(sentence or ""):
            words = m.group(1).split()
            for k in range(len(words)):  # the longest name that resolves, from the right
                actor = _resolver().lookup(" ".join(words[k:]))
                if actor is not None and actor.country:
                    if actor.country not in out:
                        out.append(actor.country)
                    break
    return tuple(out)
