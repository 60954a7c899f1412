"""Daily event series per directed dyad, undirected pair or country, counted in clusters.

One row per (key, day, fact): ``clusters`` (real-world events: a cluster of reports counts once),
``events`` (coded reports), ``q1``..``q4`` (clusters by QuadClass), ``r01``..``r20`` (by CAMEO root),
``goldstein_sum`` and ``goldstein_mean`` (over clusters, each cluster its reports' mean) and
``conflict`` (q3 + q4). ``fact`` keeps what happened apart from what was only said to happen:
``asserted`` (the text states it), ``reported`` (someone in the text claims it), and the signal
series ``future``, ``hypothetical``, ``negated``. A cluster that has both asserted and reported
reports counts as asserted. Days are event days (see ``tocsin.warn.frame``).
"""
from __future__ import annotations

from datetime import date as Date, timedelta

import duckdb

from . import frame

ROOTS = [f"{i:02d}" for i in range(1, 21)]
ALL_FACTS = frame.FACTS + frame.SIGNALS
UNITS = ("dyad", "pair", "country")
VALUE_COLUMNS = (["clusters", "events", "conflict", "q1", "q2", "q3", "q4"] + [f"r{r}" for r in ROOTS]
                 + ["goldstein_sum", "goldstein_mean"])


def parse_dyad(value: str) -> tuple[str, str]:
    """'BLR:UKR' (or BLR>UKR) -> ('BLR', 'UKR'); either side may be empty (':UKR')."""
    for sep in (":", ">"):
        if sep in value:
            a, b = (x.strip().upper() for x in value.split(sep, 1))
            if not (a or b) or not all(x.isalnum() for x in (a, b) if x):
                break
            return a, b
    raise ValueError(f"dyad {value!r} is not SOURCE:TARGET with actor codes (e.g. BLR:UKR; either side may be empty)")


def side_sql(column_country: str, column_code: str, code: str, params: list) -> str:
    """A country (3 letters) matches the country column; a longer code is a prefix of the actor code."""
    if not code:
        return "TRUE"
    params.append(code)
    if len(code) == 3:
        return f"{column_country} = ?"
    return f"starts_with({column_code}, ?)"


def units_sql(base: str, unit: str, dyad: tuple[str, str] | None = None, country: str | None = None,
              params: list | None = None) -> str:
    """SELECT of (key, src, tgt, country, and every base column) for ``unit``, filtered."""
    params = params if params is not None else []
    if unit == "dyad" or unit == "pair":
        tgt = "coalesce(w.tc, w.implied)"
        where = ["w.sc IS NOT NULL", f"{tgt} IS NOT NULL", "(w.tc IS NOT NULL OR w.implied IS NOT NULL)"]
        if dyad:
            if unit == "dyad":
                where.append(side_sql("w.sc", "w.source_code", dyad[0], params))
                where.append(side_sql(tgt, "w.target_code", dyad[1], params))
            else:
                a = side_sql("w.sc", "w.source_code", dyad[0], params)
                b = side_sql(tgt, "w.target_code", dyad[1], params)
                a2 = side_sql("w.sc", "w.source_code", dyad[1], params)
                b2 = side_sql(tgt, "w.target_code", dyad[0], params)
                where.append(f"(({a} AND {b}) OR ({a2} AND {b2}))")
        if unit == "dyad":
            key = f"w.sc || '>' || {tgt}"
            return (f"SELECT {key} AS key, w.sc AS src, {tgt} AS tgt, CAST(NULL AS VARCHAR) AS country, w.* "
                    f"FROM {base} w WHERE {' AND '.join(where)}")
        key = f"least(w.sc, {tgt}) || '-' || greatest(w.sc, {tgt})"
        return (f"SELECT {key} AS key, least(w.sc, {tgt}) AS src, greatest(w.sc, {tgt}) AS tgt, "
                f"CAST(NULL AS VARCHAR) AS country, w.* FROM {base} w WHERE {' AND '.join(where)}")
    if unit == "country":
        # An event belongs to every country it involves: its source's, its target's, where it happened.
        sel = []
        for col in ("sc", "tc", "lc"):
            cond = f"w.{col} IS NOT NULL"
            if country:
                cond += " AND w.{0} = ?".format(col)
                params.append(country)
            sel.append(f"SELECT w.{col} AS key, w.* FROM {base} w WHERE {cond}")
        return (f"SELECT u.key, CAST(NULL AS VARCHAR) AS src, "
                f"CAST(NULL AS VARCHAR) AS tgt, u.key AS country, u.* EXCLUDE (key) FROM ("
                + " UNION ALL ".join(sel) + ") u")
    raise ValueError(f"unit {unit!r} is not one of {', '.join(UNITS)}")


def prefilter(unit: str, dyad: tuple[str, str] | None, country: str | None, params: list) -> str:
    """``AND ...`` over ``events e`` keeping every event ``units_sql`` can keep for this dyad or country
    (a superset: an event with no target country may still get one implied), so the frame is built
    from those events only rather than the whole store. Cluster days and facts come out the same,
    since they are grouped per key."""
    def side(code: str, role: str, open_target: bool) -> str:
        if not code:
            return "TRUE"
        params.append(code)
        if len(code) != 3:
            return f"starts_with(e.{role}_code, ?)"
        return f"(e.{role}_country = ? OR e.target_country IS NULL)" if open_target else f"e.{role}_country = ?"

    if unit in ("dyad", "pair") and dyad:
        pairs = [dyad] if unit == "dyad" else [dyad, dyad[::-1]]
        return "AND (" + " OR ".join(f"({side(a, 'source', False)} AND {side(b, 'target', True)})"
                                     for a, b in pairs) + ")"
    if unit == "country" and country:
        params += [country] * 3
        return "AND (e.source_country = ? OR e.target_country = ? OR e.location_country = ?)"
    return ""


def _query(units: str, since: Date | None, until: Date | None, params: list) -> str:
    from ..store.store import day_bounds

    where, day_params = day_bounds("day", since, until)
    params += day_params
    roots = ", ".join(f"count(*) FILTER (WHERE root = '{r}') AS r{r}" for r in ROOTS)
    quads = ", ".join(f"count(*) FILTER (WHERE quad = {q}) AS q{q}" for q in range(1, 5))
    return f"""
    WITH u AS ({units}),
    c AS (
        SELECT key, cluster_id,
               CASE WHEN bool_or(fact = 'asserted') THEN 'asserted' ELSE any_value(fact) END AS fact,
               min(day) AS day, any_value(root) AS root, any_value(quad) AS quad,
               avg(goldstein) AS goldstein, count(DISTINCT event_id) AS events
        FROM u GROUP BY key, cluster_id
    )
    SELECT key, day, fact, count(*) AS clusters, sum(events)::BIGINT AS events,
           count(*) FILTER (WHERE quad >= 3) AS conflict, {quads}, {roots},
           sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
    FROM c {('WHERE ' + ' AND '.join(where)) if where else ''}
    GROUP BY key, day, fact ORDER BY key, day, fact
    """


def compute(con: duckdb.DuckDBPyConnection, unit: str = "dyad", dyad: str | tuple | None = None,
            country: str | None = None, since: Date | str | None = None, until: Date | str | None = None,
            fill: bool | None = None, base: str | None = None):
    """The series on an open connection; see ``Store.series``."""
    d, country, since_d, until_d = parse(dyad, country, since, until)
    df = days(con, unit, d, country, since_d, until_d, base)
    return finish(df, unit, d, country, since_d, until_d, fill)


def parse(dyad: str | tuple | None, country: str | None, since, until):
    """The series' arguments checked: (dyad as a pair of sides, country, since, until); ValueError if bad."""
    from ..store.store import parse_day

    since_d = parse_day(since, "since")
    until_d = parse_day(until, "until")
    d = parse_dyad(dyad) if isinstance(dyad, str) else dyad
    if country:
        country = country.strip().upper()
        if not (country.isalpha() and country.isascii() and len(country) == 3):
            raise ValueError(f"country {country!r} is not an ISO 3166 alpha-3 code (e.g. UKR)")
    return d, country or None, since_d, until_d


def days(con: duckdb.DuckDBPyConnection, unit: str, d: tuple[str, str] | None, country: str | None,
         since: Date | None = None, until: Date | None = None, base: str | None = None):
    """The rows of the days with events, for checked arguments (``parse``). Without since/until: every
    day, which a caller may cut to any window (a cluster's day does not depend on the window)."""
    if base is None:
        pre: list = []
        base = frame.build(con, where=prefilter(unit, d, country, pre), params=pre)
    params: list = []
    units = units_sql(base, unit, d, country, params)
    return con.execute(_query(units, since, until, params), params).df()


def label(unit: str, d: tuple[str, str] | None, country: str | None) -> str | None:
    """The key a one-key series is filled under: BLR>UKR, BLR-UKR or UKR."""
    if d is not None:
        return f"{d[0]}>{d[1]}" if unit == "dyad" else f"{min(d)}-{max(d)}"
    return country or None


def finish(df, unit: str, d: tuple[str, str] | None, country: str | None, since: Date | None, until: Date | None,
           fill: bool | None = None):
    """``days``' rows, with a single key's days between since and until filled with zeros (``fill``,
    on by default for one key)."""
    if fill is None:
        fill = d is not None or country is not None
    key = label(unit, d, country)
    if fill and key is not None:
        df = _fill(df, key, since, until)
    return df


def _fill(df, label: str, since: Date | None, until: Date | None):
    """One key, every day and fact, zeros where nothing happened."""
    import pandas as pd

    days = pd.to_datetime(df["day"]) if len(df) else pd.Series([], dtype="datetime64[ns]")
    start = pd.Timestamp(since) if since else (days.min() if len(df) else None)
    end = pd.Timestamp(until) if until else (days.max() if len(df) else None)
    if start is None or end is None or start > end:
        return df.assign(key=label) if len(df) else df
    # Several keys can match a prefix query (BLRGOV>UKR and BLRMIL>UKR are both BLR>UKR): sum them.
    # Each row is added at its place in the grid (day-major, facts in ALL_FACTS order), rows outside it
    # dropped: a pandas group-by and reindex did the same at 1.5 (every day) to 6 times (a window) the cost.
    import numpy as np

    grid_days = pd.date_range(start, end, freq="D")
    facts = list(ALL_FACTS)
    sums_of = [c for c in VALUE_COLUMNS if c != "goldstein_mean"]
    day_no = ((days.to_numpy() - np.datetime64(start.date(), "D"))
              // np.timedelta64(1, "D")).astype(np.int64)
    fact_no = pd.Index(facts).get_indexer(df["fact"])
    ok = (day_no >= 0) & (day_no < len(grid_days)) & (fact_no >= 0)
    grid = np.zeros((len(grid_days) * len(facts), len(sums_of)))
    np.add.at(grid, day_no[ok] * len(facts) + fact_no[ok], df[sums_of].to_numpy(dtype=float)[ok])
    n = len(grid_days) * len(facts)
    cols: dict = {"key": np.full(n, label, dtype=object), "day": np.repeat(grid_days.date, len(facts)),
                  "fact": np.array(facts * len(grid_days), dtype=object)}
    for j, c in enumerate(sums_of):
        cols[c] = grid[:, j] if c == "goldstein_sum" else grid[:, j].astype(np.int64)
    clusters = cols["clusters"]
    with np.errstate(invalid="ignore", divide="ignore"):
        cols["goldstein_mean"] = np.where(clusters > 0, cols["goldstein_sum"] / np.maximum(clusters, 1), np.nan)
    return pd.DataFrame(cols, columns=["key", "day", "fact"] + VALUE_COLUMNS)
