"""Escalation detection: days whose conflict intensity breaks out of a dyad's own baseline.

Intensity is the number of distinct conflict clusters (QuadClass 3-4, asserted or reported:
signals never count) that became known on a day, per directed dyad. Against the dyad's
``BASELINE`` days before a ``GUARD`` of a week (so that the first days of an escalation do not
become the baseline of its next days), the day's count, and the count of the last ``SCAN`` days
(an escalation of several moderate days), get negative-binomial tail probabilities:

- mean: the trailing rate, shrunk toward a small prior (``PRIOR_EVENTS`` over ``PRIOR_DAYS``) so
  that a sparse dyad (zero most days) has a small but non-zero rate rather than an undefined one,
  times the weekday factor of the whole stream (news runs thinner at weekends);
- dispersion: the trailing variance over the mean (at least 1: Poisson), since news counts come
  in bursts that a Poisson test would take for breakouts;
- a day is flagged when the smaller of the two is below ``ALPHA`` / 2 and the day or the scan has
  at least ``MIN_COUNT`` events, and only once the stream
  covers ``MIN_HISTORY`` days: before that nobody knows what normal is (the rules still speak).

Everything is a DuckDB window query over the days that have events (a zero day cannot break
out), so a store of millions of events takes seconds. Flagged days of one dyad less than
``MERGE_GAP`` days apart are one situation, one alert. Counts are by the day the events became
known, so a replay raises alerts on the days a live run would have.
"""
from __future__ import annotations

BASELINE = 28
GUARD = 7
SCAN = 3
MIN_HISTORY = 14
PRIOR_EVENTS = 0.5
PRIOR_DAYS = 7.0
ALPHA = 1e-3
MIN_COUNT = 3
MERGE_GAP = 7
MAX_DISPERSION = 10.0
NAME = "conflict-breakout"
TITLE = "Conflict breakout"


def daily_sql(base: str) -> str:
    tgt = "coalesce(w.tc, w.implied)"
    return f"""
    WITH u AS (
        SELECT w.sc || '>' || {tgt} AS key, w.cluster_id, w.seen FROM {base} w
        WHERE w.fact IN ('asserted', 'reported') AND w.quad >= 3 AND w.sc IS NOT NULL AND {tgt} IS NOT NULL
    ), c AS (SELECT key, cluster_id, min(seen) AS d FROM u GROUP BY key, cluster_id)
    SELECT key, d, count(*) AS x FROM c GROUP BY key, d
    """


def _tail(x, mean, phi):
    """P(X >= x) for a negative binomial with this mean and variance phi * mean (Poisson when phi is 1)."""
    import numpy as np
    from scipy import stats

    pois = stats.poisson.sf(x - 1, mean)
    nb = stats.nbinom.sf(x - 1, mean / np.maximum(phi - 1, 1e-9), 1 / phi)
    return np.where(phi > 1.0001, nb, pois)


def scores(con, base: str, *, baseline: int = BASELINE, min_history: int = MIN_HISTORY, guard: int = GUARD,
           scan: int = SCAN):
    """Every dyad-day with conflict events: x, the expected rate, dispersion and tail probability."""
    import numpy as np
    import pandas as pd

    start = con.execute(f"SELECT min(seen), max(seen) FROM {base}").fetchall()[0]
    if start[0] is None:
        return pd.DataFrame(columns=["key", "d", "x", "n_obs", "rate", "phi", "p"])
    df = con.execute(f"""
        WITH x AS ({daily_sql(base)})
        SELECT key, d, x,
               coalesce(sum(x) OVER w, 0) AS b_sum, coalesce(sum(x * x) OVER w, 0) AS b_sq,
               sum(x) OVER s AS x_scan,
               greatest(0, least(?, date_diff('day', ?::DATE, d) - ?)) AS n_obs, dayofweek(d) AS dow
        FROM x WINDOW
            w AS (PARTITION BY key ORDER BY d RANGE BETWEEN INTERVAL {int(baseline + guard)} DAYS PRECEDING
                  AND INTERVAL {int(guard) + 1} DAYS PRECEDING),
            s AS (PARTITION BY key ORDER BY d RANGE BETWEEN INTERVAL {int(scan) - 1} DAYS PRECEDING AND CURRENT ROW)
    """, [baseline, start[0], guard]).df()
    # The weekly news cycle, from the whole stream (all dyads), as a factor per weekday.
    span = (start[1] - start[0]).days + 1
    dow = np.ones(7)
    if span >= 28 and len(df):
        tot = df.groupby("dow")["x"].sum().reindex(range(7), fill_value=0).to_numpy(float)
        if tot.sum() > 0:
            dow = np.clip(tot / tot.mean(), 0.5, 1.5)
    n_obs = df["n_obs"].to_numpy(float)
    mean = (df["b_sum"].to_numpy(float) + PRIOR_EVENTS) / (np.maximum(n_obs, 0) + PRIOR_DAYS)
    with np.errstate(divide="ignore", invalid="ignore"):
        m_obs = df["b_sum"].to_numpy(float) / np.maximum(n_obs, 1)
        var = df["b_sq"].to_numpy(float) / np.maximum(n_obs, 1) - m_obs ** 2
        phi = np.where(m_obs > 0, var / m_obs, 1.0)
    phi = np.clip(np.nan_to_num(phi, nan=1.0), 1.0, MAX_DISPERSION)
    rate = mean * dow[df["dow"].to_numpy()]
    x = df["x"].to_numpy()
    x_scan = df["x_scan"].to_numpy()
    # Tail probabilities only where a flag is possible (enough events, above the expected count):
    # the rest of a busy store's dyad-days stay at p = 1 without costing a special function each.
    live = (np.maximum(x, x_scan) >= MIN_COUNT) & ((x > rate) | (x_scan > mean * scan)) & (n_obs >= min_history)
    p1, p_scan = np.ones(len(df)), np.ones(len(df))
    if live.any():
        p1[live] = _tail(x[live], rate[live], phi[live])
        p_scan[live] = _tail(x_scan[live], (mean * scan)[live], phi[live])
    df["rate"], df["phi"], df["p1"], df["p_scan"] = rate, phi, p1, p_scan
    df["p"] = np.minimum(p1, p_scan) * 2  # two looks at the same day: Bonferroni
    df["big"] = np.maximum(x, df["x_scan"].to_numpy()) >= MIN_COUNT
    df["eligible"] = n_obs >= min_history
    return df


def detect(con, base: str, *, alpha: float = ALPHA, min_count: int = MIN_COUNT, **kw):
    """Situations and evidence in the shape of ``rules.evaluate``."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    from .rules import add_evidence_window

    df = scores(con, base, **kw)
    if df.empty:
        return pd.DataFrame(), pd.DataFrame()
    big = np.maximum(df["x"], df["x_scan"]) >= min_count
    f = df[df["eligible"] & (df["p"] < alpha) & big].sort_values(["key", "d"]).copy()
    if f.empty:
        return pd.DataFrame(), pd.DataFrame()
    d = pd.to_datetime(f["d"])
    f["sid"] = ((f["key"] != f["key"].shift()) | ((d - d.shift()).dt.days > MERGE_GAP)).cumsum() - 1
    f["lp"] = -np.log10(np.maximum(f["p"], 1e-300))
    g = f.groupby("sid")
    peak = f.loc[g["lp"].idxmax()].set_index("sid")
    agg = g.agg(key=("key", "first"), first_fired=("d", "min"), last_updated=("d", "max"), days=("d", "count"),
                score=("lp", "max"))
    con.register("_flag", pa.Table.from_pandas(f[["sid", "key", "d"]], preserve_index=False))
    tgt = "coalesce(w.tc, w.implied)"
    ev = con.execute(f"""
        WITH c AS (SELECT w.sc || '>' || {tgt} AS key, w.cluster_id, min(w.seen) AS d FROM {base} w
                   WHERE w.fact IN ('asserted', 'reported') AND w.quad >= 3 AND w.sc IS NOT NULL AND {tgt} IS NOT NULL
                   GROUP BY ALL)
        SELECT DISTINCT f.sid, 'breakout' AS cond, w.event_id, w.cluster_id, w.day, w.seen
        FROM _flag f JOIN c ON c.key = f.key AND c.d = f.d
        JOIN {base} w ON w.cluster_id = c.cluster_id AND w.fact IN ('asserted', 'reported')
        ORDER BY f.sid, w.day, w.event_id""").df()
    con.unregister("_flag")
    src_tgt = agg["key"].str.split(">", n=1, expand=True)
    rank = np.where((agg["days"] >= 2) | (agg["score"] >= 6), 2, 1)
    out = pd.DataFrame({
        "kind": "detector", "rule": NAME, "title": TITLE, "unit": "dyad", "key": agg["key"],
        "source": src_tgt[0], "target": src_tgt[1], "country": None,
        "level": np.where(rank == 2, "warning", "watch"), "level_rank": rank,
        "first_fired": agg["first_fired"], "last_updated": agg["last_updated"],
    })
    add_evidence_window(out, ev, agg.index)
    out["score"] = agg["score"]
    out["reason"] = [
        f"{TITLE} ({r.key}): {int(peak.at[sid, 'x'])} conflict events known on {peak.at[sid, 'd']:%Y-%m-%d} "
        f"({int(peak.at[sid, 'x_scan'])} in {SCAN} days) against {peak.at[sid, 'rate']:.2f}/day expected "
        f"(p={peak.at[sid, 'p']:.1g}), "
        f"{int(r.days)} day(s) flagged" for sid, r in agg.iterrows()]
    return out, ev
