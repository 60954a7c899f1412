"""Indicator rules: a small YAML language (docs/warn.md), loaded, checked and evaluated in DuckDB.

A rule names *conditions* (event patterns with a minimum count of clusters inside a time window)
and combines them: ``all`` must hold together, at least ``any_min`` of ``any`` must hold, and each
``upgrade`` raises the level when its own conditions hold too. A rule is evaluated for every unit
(directed dyad, undirected pair, or country) on every day new evidence arrived, each time from
the events that could be known that day (``seen <= day``) and happened within the window before
it: a day-by-day run and a replay of the whole stream give the same alerts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LEVELS = {"watch": 1, "warning": 2, "alert": 3}
MODALITIES = ("asserted", "reported", "future", "hypothetical", "negated")
UNITS = ("dyad", "pair", "country")
ROLES = ("any", "source", "target", "location")
DEFAULT_RULES = Path(__file__).resolve().parent.parent / "data" / "warn" / "rules.yaml"

_CONDITION_KEYS = {"label", "cameo", "not_cameo", "quad", "plover", "acled", "modality", "source", "target",
                   "source_sector", "target_sector", "not_source_sector", "same_country", "international",
                   "near_border", "direction", "role", "window", "min", "after"}
_RULE_KEYS = {"id", "title", "description", "unit", "window", "level", "all", "any", "any_min", "upgrade",
              "conditions"}


class RuleError(ValueError):
    """A rule file that does not follow the rule language; the message names the rule and the field."""


@dataclass
class Condition:
    name: str
    label: str
    cameo: list[str] = field(default_factory=list)
    not_cameo: list[str] = field(default_factory=list)
    quad: list[int] = field(default_factory=list)
    plover: list[str] = field(default_factory=list)
    acled: list[str] = field(default_factory=list)
    modality: list[str] = field(default_factory=lambda: ["asserted", "reported"])
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_sector: list[str] = field(default_factory=list)
    target_sector: list[str] = field(default_factory=list)
    not_source_sector: list[str] = field(default_factory=list)
    same_country: bool = False
    international: bool = False
    near_border: bool = False
    direction: str = "forward"
    role: str = "any"
    window: int = 14
    min: int = 1
    after: str | None = None


@dataclass
class Rule:
    id: str
    title: str
    unit: str
    window: int
    level: str
    conditions: dict[str, Condition]
    all: list[str] = field(default_factory=list)
    any: list[str] = field(default_factory=list)
    any_min: int = 1
    upgrade: list[dict] = field(default_factory=list)  # {"level", "all", "any", "any_min"}
    description: str = ""


def _days(value, where: str) -> int:
    if isinstance(value, int) and value > 0:
        return value
    m = re.fullmatch(r"\s*(\d+)\s*(d|days?|w|weeks?)?\s*", str(value))
    if not m or int(m.group(1)) <= 0:
        raise RuleError(f"{where}: window {value!r} is not a number of days such as 14 or 14d (or 2w)")
    return int(m.group(1)) * (7 if (m.group(2) or "d").startswith("w") else 1)


def _list(value, where: str, kind=str) -> list:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    try:
        return [kind(x) for x in items]
    except (TypeError, ValueError):
        raise RuleError(f"{where}: {value!r} is not a list of {kind.__name__}") from None


def _condition(rule_id: str, name: str, spec, window: int) -> Condition:
    where = f"rule {rule_id!r}, condition {name!r}"
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: expected a mapping of fields, got {spec!r}")
    unknown = set(spec) - _CONDITION_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} "
                        f"(known: {', '.join(sorted(_CONDITION_KEYS))})")
    c = Condition(name=name, label=str(spec.get("label", name.replace("_", " "))), window=window)
    for key in ("cameo", "not_cameo"):
        codes = _list(spec.get(key), where, str)
        for code in codes:
            if not code.isdigit() or not 2 <= len(code) <= 4 or not 1 <= int(code[:2]) <= 20:
                raise RuleError(f"{where}: {key} {code!r} is not a CAMEO root or code (01-20, e.g. 16, 161, 1712)")
        setattr(c, key, codes)
    c.quad = _list(spec.get("quad"), where, int)
    if any(q not in (1, 2, 3, 4) for q in c.quad):
        raise RuleError(f"{where}: quad must be among 1, 2, 3, 4")
    c.plover = [x.upper() for x in _list(spec.get("plover"), where, str)]
    c.acled = _list(spec.get("acled"), where, str)
    if "modality" in spec:
        c.modality = _list(spec["modality"], where, str)
        bad = [m for m in c.modality if m not in MODALITIES]
        if bad or not c.modality:
            raise RuleError(f"{where}: modality {bad or c.modality!r} is not among {', '.join(MODALITIES)}")
    for key in ("source", "target", "source_sector", "target_sector", "not_source_sector"):
        setattr(c, key, [x.upper() for x in _list(spec.get(key), where, str)])
    for key in ("same_country", "international", "near_border"):
        v = spec.get(key, False)
        if not isinstance(v, bool):
            raise RuleError(f"{where}: {key} is true or false, not {v!r}")
        setattr(c, key, v)
    c.direction = str(spec.get("direction", "forward"))
    if c.direction not in ("forward", "either"):
        raise RuleError(f"{where}: direction is forward or either, not {c.direction!r}")
    c.role = str(spec.get("role", "any"))
    if c.role not in ROLES:
        raise RuleError(f"{where}: role is one of {', '.join(ROLES)}, not {c.role!r}")
    if "window" in spec:
        c.window = _days(spec["window"], where)
    m = spec.get("min", 1)
    if not isinstance(m, int) or m < 1:
        raise RuleError(f"{where}: min is a whole number of clusters >= 1, not {m!r}")
    c.min = m
    c.after = spec.get("after")
    return c


def parse(data, origin: str = "rules") -> list[Rule]:
    """Rules from parsed YAML (a mapping with ``rules:``, or a list); raises RuleError on any mistake."""
    items = data.get("rules") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise RuleError(f"{origin}: expected a list of rules under 'rules:'")
    out: list[Rule] = []
    seen: set[str] = set()
    for i, spec in enumerate(items):
        if not isinstance(spec, dict) or not spec.get("id"):
            raise RuleError(f"{origin}: rule #{i + 1} has no id")
        rid = str(spec["id"])
        if rid in seen:
            raise RuleError(f"{origin}: rule id {rid!r} is used twice")
        seen.add(rid)
        unknown = set(spec) - _RULE_KEYS
        if unknown:
            raise RuleError(f"rule {rid!r}: unknown field(s) {', '.join(sorted(unknown))} "
                            f"(known: {', '.join(sorted(_RULE_KEYS))})")
        unit = str(spec.get("unit", "dyad"))
        if unit not in UNITS:
            raise RuleError(f"rule {rid!r}: unit is one of {', '.join(UNITS)}, not {unit!r}")
        window = _days(spec.get("window", 14), f"rule {rid!r}")
        level = str(spec.get("level", "warning"))
        if level not in LEVELS:
            raise RuleError(f"rule {rid!r}: level is one of {', '.join(LEVELS)}, not {level!r}")
        conds_spec = spec.get("conditions") or {}
        if not isinstance(conds_spec, dict) or not conds_spec:
            raise RuleError(f"rule {rid!r}: 'conditions' must map names to event patterns")
        conds = {name: _condition(rid, name, c, window) for name, c in conds_spec.items()}
        rule = Rule(id=rid, title=str(spec.get("title", rid)), unit=unit, window=window, level=level,
                    conditions=conds, all=_list(spec.get("all"), f"rule {rid!r}"),
                    any=_list(spec.get("any"), f"rule {rid!r}"), any_min=int(spec.get("any_min", 1)),
                    description=str(spec.get("description", "")).strip())
        if not rule.all and not rule.any:
            raise RuleError(f"rule {rid!r}: give 'all' or 'any' (condition names)")
        for up in spec.get("upgrade") or []:
            if not isinstance(up, dict) or str(up.get("level")) not in LEVELS:
                raise RuleError(f"rule {rid!r}: each upgrade needs a level among {', '.join(LEVELS)}")
            rule.upgrade.append({"level": str(up["level"]), "all": _list(up.get("all"), rid),
                                 "any": _list(up.get("any"), rid), "any_min": int(up.get("any_min", 1))})
        names = rule.all + rule.any + [n for u in rule.upgrade for n in u["all"] + u["any"]]
        names += [c.after for c in conds.values() if c.after]
        for n in names:
            if n not in conds:
                raise RuleError(f"rule {rid!r}: {n!r} is not one of its conditions ({', '.join(conds)})")
        if rule.any and not 1 <= rule.any_min <= len(rule.any):
            raise RuleError(f"rule {rid!r}: any_min must be between 1 and {len(rule.any)}")
        if unit != "dyad" and any(c.direction == "either" for c in conds.values()):
            raise RuleError(f"rule {rid!r}: direction: either only applies to unit: dyad")
        out.append(rule)
    return out


def load(path: str | Path | None = None) -> list[Rule]:
    """The rules of a YAML file (the default rule set when ``path`` is None)."""
    import yaml

    p = Path(path) if path else DEFAULT_RULES
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"cannot read rules {p}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise RuleError(f"{p}: not valid YAML: {str(exc).splitlines()[0]}") from None
    return parse(data, str(p))


# -- evaluation ----------------------------------------------------------------------------------

def _in(col: str, values: list, params: list) -> str:
    params.extend(values)
    return f"{col} IN ({', '.join('?' * len(values))})"


def condition_sql(c: Condition, params: list) -> str:
    """WHERE clause over the frame's columns (see tocsin.warn.frame) for one condition."""
    w: list[str] = [_in("w.fact", c.modality, params)]
    if c.cameo:
        w.append("(" + " OR ".join("starts_with(w.cameo, ?)" for _ in c.cameo) + ")")
        params.extend(c.cameo)
    for code in c.not_cameo:
        w.append("NOT starts_with(w.cameo, ?)")
        params.append(code)
    if c.quad:
        w.append(_in("w.quad", c.quad, params))
    if c.plover:
        w.append(_in("w.plover_type", c.plover, params))
    if c.acled:
        w.append("(" + " OR ".join("w.acled_type ILIKE ?" for _ in c.acled) + ")")
        params.extend(c.acled)
    for side, codes in (("source", c.source), ("target", c.target)):
        if codes:
            w.append("(" + " OR ".join(f"starts_with(w.{side}_code, ?)" for _ in codes) + ")")
            params.extend(codes)
    if c.source_sector:
        w.append(_in("w.ss", c.source_sector, params))
    if c.not_source_sector:
        w.append("NOT " + _in("coalesce(w.ss, '')", c.not_source_sector, params))
    if c.target_sector:
        w.append(_in("w.ts", c.target_sector, params))
    if c.same_country:
        # An actor of unknown country acting inside the target's country counts as its own ("soldiers
        # detained the president": the coder may not say whose soldiers).
        w.append("(w.sc = w.tc OR (w.sc IS NULL AND w.tc IS NOT NULL AND coalesce(w.lc, w.tc) = w.tc))")
    if c.international:
        w.append("((w.tc IS NOT NULL AND w.sc <> w.tc) OR (w.lc IS NOT NULL AND w.sc <> w.lc) "
                 "OR w.implied IS NOT NULL)")
    if c.near_border:
        w.append("w.near_border")
    return " AND ".join(w)


def add_evidence_window(out, ev, index) -> None:
    """The days and counts an alert's evidence spans, per alert row (``sid``): rules and the detector alike."""
    by = ev.groupby("sid")
    out["window_start"] = by["day"].min().reindex(index)
    out["window_end"] = by["day"].max().reindex(index)
    out["n_events"] = by["event_id"].nunique().reindex(index).fillna(0).astype(int)
    out["n_clusters"] = by["cluster_id"].nunique().reindex(index).fillna(0).astype(int)


def hits_sql(rule: Rule, c: Condition, base: str) -> tuple[str, list]:
    """(cond, key, src, tgt, country, event_id, cluster_id, day, seen, w) rows of one condition."""
    tgt = "coalesce(w.tc, w.implied)"
    if rule.unit == "dyad":
        shapes = [(f"w.sc || '>' || {tgt}", "w.sc", tgt, "NULL", f"w.sc IS NOT NULL AND {tgt} IS NOT NULL")]
        if c.direction == "either":  # the other side's events count for this dyad too (threats answered)
            shapes.append((f"{tgt} || '>' || w.sc", tgt, "w.sc", "NULL", f"w.sc IS NOT NULL AND {tgt} IS NOT NULL"))
    elif rule.unit == "pair":
        shapes = [(f"least(w.sc, {tgt}) || '-' || greatest(w.sc, {tgt})", f"least(w.sc, {tgt})",
                   f"greatest(w.sc, {tgt})", "NULL", f"w.sc IS NOT NULL AND {tgt} IS NOT NULL")]
    else:
        cols = {"source": ["w.sc"], "target": ["w.tc"], "location": ["coalesce(w.lc, w.tc, w.sc)"],
                "any": ["w.sc", "w.tc", "w.lc"]}[c.role]
        shapes = [(col, "NULL", "NULL", col, f"{col} IS NOT NULL") for col in cols]
    parts, params = [], []
    for key, src, tgt_, country, extra in shapes:
        where = condition_sql(c, params)
        parts.append(f"SELECT '{c.name}' AS cond, {key} AS key, {src} AS src, {tgt_} AS tgt, {country} AS country, "
                     f"w.event_id, w.cluster_id, w.day, w.seen, {int(c.window)} AS w "
                     f"FROM {base} w WHERE {where} AND {extra}")
    return " UNION ALL ".join(parts), params
def evaluate(con, rules: list[Rule], base: str):
    """Situations and their evidence for every rule over the frame table ``base``.

    Returns two DataFrames: situations (rule, unit, key, src, tgt, country, level, first_fired,
    last_updated, reason, ...) and evidence (situation index, event_id, cluster_id, cond, day, seen).
    """
    import pandas as pd

    sits, evs = [], []
    for rule in rules:
        s, e = _evaluate_rule(con, rule, base)
        if s is not None:
            off = sum(len(x) for x in sits)
            s.index = s.index + off
            e["sid"] = e["sid"] + off
            sits.append(s)
            evs.append(e)
    if not sits:
        return pd.DataFrame(), pd.DataFrame()
    return pd.concat(sits), pd.concat(evs, ignore_index=True)


def _evaluate_rule(con, rule: Rule, base: str):
    import numpy as np
    import pandas as pd

    parts, params = [], []
    for c in rule.conditions.values():
        q, p = hits_sql(rule, c, base)
        parts.append(q)
        params += p
    con.execute("CREATE OR REPLACE TEMP TABLE _hits AS " + " UNION ALL ".join(parts), params)
    if not con.execute("SELECT count(*) FROM _hits").fetchall()[0][0]:
        return None, None
    # Evaluated on every day new evidence became known, from what was known that day. A cluster
    # counts on day d when it was known by d and happened within the window before d: it is active
    # from the day it became known until its day + window, so counts are running sums of starts
    # and ends, read at each evaluation day (an ASOF join), not a join of every hit with every day.
    con.execute("""CREATE OR REPLACE TEMP TABLE _active AS
        WITH h AS (SELECT cond, key, cluster_id, min(seen) AS s, max(day) + any_value(w) AS e
                   FROM _hits GROUP BY cond, key, cluster_id),
        ev AS (SELECT cond, key, s AS d, 1 AS delta FROM h WHERE s < e
               UNION ALL SELECT cond, key, e AS d, -1 AS delta FROM h WHERE s < e),
        agg AS (SELECT cond, key, d, sum(delta) AS delta FROM ev GROUP BY ALL)
        SELECT cond, key, d, sum(delta) OVER (PARTITION BY cond, key ORDER BY d ROWS UNBOUNDED PRECEDING) AS n
        FROM agg""")
    con.execute("""CREATE OR REPLACE TEMP TABLE _counts AS
        WITH cand AS (SELECT DISTINCT key, seen AS d FROM _hits),
        conds AS (SELECT DISTINCT cond FROM _hits),
        grid AS (SELECT c.key, c.d, k.cond FROM cand c CROSS JOIN conds k)
        SELECT g.key, g.d, g.cond, CAST(coalesce(a.n, 0) AS BIGINT) AS n, CAST(NULL AS DATE) AS first_day
        FROM grid g ASOF LEFT JOIN _active a ON a.cond = g.cond AND a.key = g.key AND a.d <= g.d""")
    afters = [c for c in rule.conditions.values() if c.after]
    if afters:
        # Sequences need the day of the first match of the other condition: a join, on these rules only.
        con.execute("""UPDATE _counts c SET first_day = f.first_day FROM (
            SELECT b.key, b.d, b.cond, min(h.day) AS first_day FROM _counts b JOIN _hits h
            ON h.key = b.key AND h.cond = b.cond AND h.seen <= b.d AND h.day + h.w > b.d
            WHERE b.n > 0 AND b.cond IN (SELECT unnest(?)) GROUP BY ALL) f
            WHERE c.key = f.key AND c.d = f.d AND c.cond = f.cond""", [[c.after for c in afters]])
    for c in afters:  # a sequence: only what came on or after the first of the other condition counts
        con.execute("""CREATE OR REPLACE TEMP TABLE _after AS
            SELECT b.key, b.d, ? AS cond, count(DISTINCT h.cluster_id) AS n, min(h.day) AS first_day
            FROM _counts b JOIN _hits h ON h.cond = ? AND h.key = b.key AND h.seen <= b.d
                 AND h.day + h.w > b.d AND h.day >= b.first_day
            WHERE b.cond = ? AND b.first_day IS NOT NULL GROUP BY ALL""", [c.name, c.name, c.after])
        con.execute("DELETE FROM _counts WHERE cond = ?", [c.name])
        con.execute("INSERT INTO _counts SELECT * FROM _after")
    counts = con.execute("SELECT key, d, cond, n FROM _counts WHERE n > 0").df()
    if counts.empty:
        return None, None
    n = counts.pivot_table(index=["key", "d"], columns="cond", values="n", fill_value=0, aggfunc="sum")
    for name in rule.conditions:
        if name not in n.columns:
            n[name] = 0
    held = pd.DataFrame({name: n[name] >= c.min for name, c in rule.conditions.items()}, index=n.index)

    def holds(all_: list[str], any_: list[str], any_min: int) -> pd.Series:
        ok = pd.Series(True, index=held.index)
        for name in all_:
            ok &= held[name]
        if any_:
            ok &= held[any_].sum(axis=1) >= any_min
        return ok

    fired = holds(rule.all, rule.any, rule.any_min)
    if not fired.any():
        return None, None
    rank = pd.Series(np.where(fired, LEVELS[rule.level], 0), index=held.index)
    for up in rule.upgrade:
        ok = fired & holds(up["all"], up["any"], up["any_min"])
        rank = rank.where(~ok, np.maximum(rank, LEVELS[up["level"]]))
    f = held[fired].copy()
    f["rank"] = rank[fired]
    f["n_total"] = n[fired][list(rule.conditions)].sum(axis=1)
    f = f.reset_index().sort_values(["key", "d"])
    d = pd.to_datetime(f["d"])
    # One situation per unit while the rule keeps holding; a gap longer than the window starts a new one.
    new = (f["key"] != f["key"].shift()) | ((d - d.shift()).dt.days > rule.window)
    f["sid"] = new.cumsum() - 1
    names = list(rule.conditions)
    agg = f.groupby("sid").agg(key=("key", "first"), first_fired=("d", "min"), last_updated=("d", "max"),
                               rank=("rank", "max"), **{f"held_{k}": (k, "any") for k in names})
    # Evidence: what the held conditions matched, known by the last update, inside a window that
    # reaches back from the first firing.
    import pyarrow as pa

    held_any = {k: agg[f"held_{k}"].to_numpy() for k in names}
    sid_of = agg.index.to_numpy()
    parts = [pd.DataFrame({"sid": sid_of[held_any[k]], "cond": k}) for k in names]
    sit = pd.concat(parts, ignore_index=True).merge(agg[["key", "first_fired", "last_updated"]],
                                                    left_on="sid", right_index=True)
    con.register("_sit", pa.Table.from_pandas(sit, preserve_index=False))
    # Situations of one unit are apart in time, so each hit belongs to the first one that ends
    # after it became known (an ASOF join), if it falls inside that one's window.
    ev = con.execute("""SELECT DISTINCT s.sid, h.cond, h.event_id, h.cluster_id, h.day, h.seen, h.src, h.tgt, h.country
        FROM _hits h ASOF JOIN _sit s ON h.key = s.key AND h.cond = s.cond AND s.last_updated >= h.seen
        WHERE h.day + h.w > s.first_fired ORDER BY s.sid, h.day, h.event_id""").df()
    con.unregister("_sit")
    inv = {v: k for k, v in LEVELS.items()}
    first_rows = ev.groupby("sid").first()
    out = pd.DataFrame({
        "kind": "rule", "rule": rule.id, "title": rule.title, "unit": rule.unit, "key": agg["key"],
        "source": first_rows["src"].reindex(agg.index), "target": first_rows["tgt"].reindex(agg.index),
        "country": first_rows["country"].reindex(agg.index),
        "level": agg["rank"].map(inv), "level_rank": agg["rank"].astype(int),
        "first_fired": agg["first_fired"], "last_updated": agg["last_updated"],
    })
    add_evidence_window(out, ev, agg.index)
    out["score"] = out["n_clusters"].astype(float)
    per_cond = ev.groupby(["sid", "cond"])["cluster_id"].nunique().to_dict()
    held_at = {k: dict(zip(sid_of, held_any[k])) for k in names}
    reasons = []
    for sid, key, ws, we in zip(out.index, out["key"], out["window_start"], out["window_end"]):
        bits = [f"{rule.conditions[k].label} x{per_cond.get((sid, k), 0)}" for k in names if held_at[k][sid]]
        reasons.append(f"{rule.title} ({key}): " + ", ".join(bits) + f", {ws:%Y-%m-%d} to {we:%Y-%m-%d}")
    out["reason"] = reasons
    return out, ev[["sid", "cond", "event_id", "cluster_id", "day", "seen"]]
