"""Alerts: rules and the detector over the store, one stored alert per situation, with evidence.

``refresh(store)`` recomputes every alert from the whole store (seconds for millions of events) and
replaces the ``alerts`` / ``alert_evidence`` tables in one write transaction. An alert's id is
derived from its rule, its unit and the day it first fired, so a situation keeps its id while
evidence grows; ``refresh`` reports which alerts are new and which grew (more events, or a higher
level) since the last refresh. ``first_fired`` and ``last_updated`` are the days a day-by-day run
would have raised and last updated the alert, from the events known by then (see frame.py), so a
replay of a past stream is a backtest without look-ahead.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date as Date, datetime, timezone

from . import frame
from .rules import LEVELS

ALERT_COLUMNS = ("alert_id", "kind", "rule", "title", "unit", "key", "source", "target", "country", "level",
                 "level_rank", "score", "first_fired", "last_updated", "window_start", "window_end", "reason",
                 "n_events", "n_clusters", "computed_at")
EVIDENCE_COLUMNS = ("alert_id", "event_id", "part", "cluster_id", "day", "seen")
LEVEL_RANK = LEVELS  # the rules' levels, lowest first
# Part of the stored alerts' state: bump it when rules or the detector change meaning, so that a
# store refreshed by an older tocsin is recomputed rather than trusted.
ALGORITHM = "3"


@dataclass
class Refresh:
    """What a refresh changed: alerts first seen now, and alerts that grew."""

    total: int = 0
    new: list[str] = field(default_factory=list)
    grown: list[str] = field(default_factory=list)
    skipped: bool = False  # nothing changed in the store since the last refresh
    busy: bool = False  # another process was writing: the stored alerts were left as they were


def _alert_id(rule: str, key: str, first: Date) -> str:
    return hashlib.sha1(f"{rule}|{key}|{first:%Y-%m-%d}".encode()).hexdigest()[:16]


def compute(con, rules=None, *, detector: bool = True, as_of: Date | str | None = None):
    """(alerts, evidence) DataFrames from the store on ``con``; ``as_of``: only what was known by that day."""
    import pandas as pd

    from . import detect as D
    from . import rules as R

    rules = R.load() if rules is None else rules
    where, params = "", []
    if as_of is not None:
        where, params = "AND coalesce(a.date, e.date) <= ?", [as_of if isinstance(as_of, Date)
                                                               else Date.fromisoformat(str(as_of))]
    base = frame.build(con, "_warn", where, params)
    parts = [R.evaluate(con, rules, base)]
    if detector:
        parts.append(D.detect(con, base))
    sits, evs = [], []
    for s, e in parts:
        if s is None or s.empty:
            continue
        s = s.reset_index(drop=True)
        e = e.copy()
        if "sid" not in e:
            continue
        # The situation index of each part is its own: map it to the alert id.
        ids = [_alert_id(r.rule, r.key, pd.Timestamp(r.first_fired).date()) for r in s.itertuples()]
        s.insert(0, "alert_id", ids)
        e["alert_id"] = e["sid"].map(dict(enumerate(ids)))
        sits.append(s)
        evs.append(e)
    if not sits:
        return pd.DataFrame(columns=list(ALERT_COLUMNS)), pd.DataFrame(columns=list(EVIDENCE_COLUMNS))
    a = pd.concat(sits, ignore_index=True)
    e = pd.concat(evs, ignore_index=True).rename(columns={"cond": "part"})
    a["computed_at"] = datetime.now(timezone.utc).replace(tzinfo=None)
    for col in ("source", "target", "country"):
        a[col] = a[col].where(a[col].notna(), None)
    # Dyad and pair units name their two sides in the key.
    dy = a["unit"].isin(["dyad", "pair"])
    sides = a.loc[dy, "key"].str.split(r"[>-]", n=1, regex=True, expand=True)
    if len(sides):
        a.loc[dy, "source"], a.loc[dy, "target"] = sides[0], sides[1]
    a.loc[a["unit"] == "country", "country"] = a.loc[a["unit"] == "country", "key"]
    for col in ("first_fired", "last_updated", "window_start", "window_end"):
        a[col] = pd.to_datetime(a[col]).dt.date
    e = e.drop_duplicates(["alert_id", "event_id", "part"])
    return a[list(ALERT_COLUMNS)], e[list(EVIDENCE_COLUMNS)]


def compute_into(con, rules=None, *, as_of=None, detector: bool = True) -> tuple[str, str]:
    """Compute alerts into temp tables on ``con`` (nothing stored): for --as-of and custom rule files."""
    import pyarrow as pa

    a, e = compute(con, rules, as_of=as_of, detector=detector)
    con.register("_a_df", pa.Table.from_pandas(a, preserve_index=False))
    con.execute("CREATE OR REPLACE TEMP TABLE _alerts AS SELECT * FROM _a_df")
    con.unregister("_a_df")
    con.register("_e_df", pa.Table.from_pandas(e, preserve_index=False))
    con.execute("CREATE OR REPLACE TEMP TABLE _alert_evidence AS SELECT * FROM _e_df")
    con.unregister("_e_df")
    return "_alerts", "_alert_evidence"


def state(con) -> str:
    """What the alerts depend on: the events stored (count and last ingest) and the rule set."""
    row = con.execute("SELECT (SELECT count(*) FROM events), (SELECT coalesce(max(seq), 0) FROM articles)").fetchall()[0]
    return f"{row[0]}:{row[1]}"


def refresh(store, rules_path=None, *, force: bool = False, wait: float | None = None) -> Refresh:
    """Recompute and store every alert; returns what is new or grown since the last refresh.

    ``wait``: seconds to wait for another writing run (an ingest) to finish; None waits as long as
    it takes. When the wait runs out nothing is written and ``busy`` is set: readers such as
    ``tocsin alerts`` or a web server show the alerts of the last refresh meanwhile.
    """
    import pyarrow as pa

    from . import rules as R
    from ..store.store import insert

    rules = R.load(rules_path)
    rules_hash = hashlib.sha1((ALGORITHM + str(rules_path) + repr(rules)).encode()).hexdigest()[:12]
    with store.reader() as con:
        have_tables = frame.has_table(con, "alerts")
        current = state(con) + ":" + rules_hash
        if have_tables and not force:
            rows = con.execute("SELECT value FROM meta WHERE key = 'alerts_state'").fetchall()
            row = rows[0] if rows else None
            if row and row[0] == current:
                return Refresh(total=int(con.execute("SELECT count(*) FROM alerts").fetchall()[0][0]), skipped=True)
        old = {}
        if have_tables:
            old = {r[0]: (r[1], r[2]) for r in con.execute("SELECT alert_id, n_events, level_rank FROM alerts").fetchall()}
        alerts, evidence = compute(con, rules)
    out = Refresh(total=len(alerts))
    for r in alerts.itertuples():
        if r.alert_id not in old:
            out.new.append(r.alert_id)
        elif r.n_events > old[r.alert_id][0] or r.level_rank > old[r.alert_id][1]:
            out.grown.append(r.alert_id)
    from ..store.store import Store, StoreLocked

    target = store
    if wait is not None:
        target = Store(store.path, lock_timeout=store.lock_timeout, write_timeout=wait)
    try:
        _write(target, alerts, evidence, current)
    except StoreLocked:
        return Refresh(total=len(old), busy=True)
    return out


def _write(store, alerts, evidence, current: str) -> None:
    from ..store.store import insert

    with store.writer() as w:
        w.con.execute("DELETE FROM alert_evidence")
        w.con.execute("DELETE FROM alerts")
        rows = list(alerts.itertuples(index=False, name=None))
        insert(w.con, "alerts", ALERT_COLUMNS, rows)
        insert(w.con, "alert_evidence", EVIDENCE_COLUMNS, list(evidence.itertuples(index=False, name=None)))
        w.set_meta({"alerts_state": current})


def filters(since=None, until=None, level: str | None = None, dyad: str | None = None,
            country: str | None = None, rule: str | None = None, kind: str | None = None,
            alert_ids: list[str] | None = None) -> tuple[list[str], list]:
    """The WHERE conditions and their parameters for stored alerts: one reading of the filters for
    ``tocsin alerts``, ``Tocsin.alerts`` and the web app's ``/alerts``."""
    from ..store.store import day_bounds
    from .series import parse_dyad

    where, params = day_bounds("first_fired", since, until)
    if level:
        if level not in LEVEL_RANK:
            raise ValueError(f"level {level!r} is not one of {', '.join(LEVEL_RANK)}")
        where.append("level_rank >= ?")
        params.append(LEVEL_RANK[level])
    if dyad:
        a, b = parse_dyad(dyad)
        conds = []
        if a:
            conds.append("starts_with(source, ?)")
            params.append(a[:3])
        if b:
            conds.append("starts_with(target, ?)")
            params.append(b[:3])
        where.append("(" + " AND ".join(conds) + ")" if conds else "TRUE")
    if country:
        c = country.strip().upper()
        where.append("(country = ? OR source = ? OR target = ?)")
        params += [c, c, c]
    if rule:
        where.append("rule = ?")
        params.append(rule)
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if alert_ids is not None:
        where.append("alert_id IN (SELECT unnest(?))")
        params.append(list(alert_ids))
    return where, params


def query(con, since=None, until=None, level: str | None = None, dyad: str | None = None,
          country: str | None = None, rule: str | None = None, kind: str | None = None,
          alert_ids: list[str] | None = None, table: str = "alerts"):
    """Stored alerts, most recent first. ``since``/``until`` bound ``first_fired`` (a backtest over
    a replayed period); ``level``: at least this level; ``dyad``: BLR:UKR (either direction for pairs);
    ``country``: alerts of that country or dyads it is a side of."""
    import pandas as pd

    if not frame.has_table(con, table):
        return pd.DataFrame(columns=list(ALERT_COLUMNS))
    where, params = filters(since, until, level, dyad, country, rule, kind, alert_ids)
    q = f"SELECT * FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
    df = con.execute(q + " ORDER BY last_updated DESC, level_rank DESC, score DESC, alert_id", params).df()
    for col in ("first_fired", "last_updated", "window_start", "window_end"):
        if col in df and len(df):
            df[col] = pd.to_datetime(df[col]).dt.date
    return df


def evidence(con, alert_id: str, table: str = "alert_evidence"):
    """The events behind an alert, with their sentences, modality, who says so, and article links."""
    return con.execute(f"""
        SELECT x.part, x.event_id, x.day, x.seen, e.sentence, e.cameo, e.source_code, e.target_code,
               e.modality, e.attributed_to_text, e.confidence, e.location_name, a.url, a.source AS publisher,
               a.title, x.cluster_id, c.num_articles, c.num_sources
        FROM {table} x JOIN events e USING (event_id) JOIN articles a USING (article_id)
        LEFT JOIN clusters c ON c.cluster_id = x.cluster_id
        WHERE x.alert_id = ? ORDER BY x.part, x.day, x.event_id""", [alert_id]).df()


def brief(alert: dict, ev, max_items: int = 12) -> str:
    """A short evidence brief: what happened, who says so, how sure, links."""
    def day(v) -> str:
        return str(v)[:10]

    def txt(v) -> str | None:
        return None if v is None or v != v else str(v)

    lines = [f"[{alert['level'].upper()}] {alert['title']} - {alert['key']}",
             f"first raised {day(alert['first_fired'])}, last updated {day(alert['last_updated'])}; "
             f"evidence {day(alert['window_start'])} to {day(alert['window_end'])}: {alert['n_clusters']} event(s) "
             f"from {alert['n_events']} report(s) ({alert['kind']}: {alert['rule']})",
             alert["reason"]]
    shown = 0
    for part, g in ev.groupby("part", sort=False):
        lines.append(f"  {part}:")
        for r in g.itertuples():
            if shown >= max_items:
                break
            who = {"reported": f"reported by {txt(r.attributed_to_text)}" if txt(r.attributed_to_text) else "reported",
                   "asserted": "stated as fact"}.get(r.modality, f"{r.modality} (signal)")
            reports = f", {int(r.num_articles)} article(s)" if txt(r.num_articles) and r.num_articles > 1 else ""
            lines.append(f"   - {day(r.day)} CAMEO {r.cameo} {txt(r.source_code) or '?'} -> {txt(r.target_code) or '?'}; {who}; "
                         f"confidence {r.confidence:.2f}{reports}")
            lines.append(f"     \"{' '.join(str(r.sentence).split())[:300]}\"")
            link = txt(r.url) or txt(r.publisher) or r.event_id
            lines.append(f"     {link}")
            shown += 1
    if len(ev) > shown:
        lines.append(f"  ... and {len(ev) - shown} more")
    return "\n".join(lines)


def models(con, alerts, table: str = "alert_evidence") -> list:
    """Alerts as ``tocsin.model.Alert`` objects (the project's typed model), evidence as event ids."""
    from ..model import Alert

    out = []
    for r in alerts.to_dict("records"):
        ids = [x[0] for x in con.execute(f"SELECT DISTINCT event_id FROM {table} WHERE alert_id = ? ORDER BY 1",
                                         [r["alert_id"]]).fetchall()]
        dyad = (r["source"], r["target"]) if r["unit"] != "country" else (r["country"], None)
        out.append(Alert(alert_id=r["alert_id"], rule=r["rule"], dyad=tuple(None if v != v else v for v in dyad),
                         start=str(r["window_start"])[:10], end=str(r["window_end"])[:10], score=float(r["score"]),
                         message=r["reason"], evidence=ids, kind=r["kind"], unit=r["unit"], level=r["level"],
                         first_fired=str(r["first_fired"])[:10], last_updated=str(r["last_updated"])[:10]))
    return out


def records(alerts, con=None, with_evidence: bool = False) -> list[dict]:
    """Alerts as JSON-ready dicts (dates as strings), optionally with their evidence."""
    out = []
    for row in alerts.to_dict("records"):
        rec = {k: (v.isoformat() if hasattr(v, "isoformat") else (None if v != v else v)) if not isinstance(v, str)
               else v for k, v in row.items()}
        if with_evidence and con is not None:
            ev = evidence(con, row["alert_id"])
            rec["evidence"] = json.loads(ev.to_json(orient="records", date_format="iso"))
        out.append(rec)
    return out


def query_ids(store, ids: list[str]) -> list[dict]:
    """The stored alerts with these ids, as dicts (for printing what a refresh changed)."""
    if not ids:
        return []
    with store.reader() as con:
        return query(con, alert_ids=ids).to_dict("records")
