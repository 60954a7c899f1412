"""``tocsin series``, ``tocsin alerts``, ``tocsin import``, ``tocsin watch``: the warning layer (docs/warn.md)."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from .common import console, err, fail

SERIES_FORMATS = ("table", "csv", "jsonl", "png", "html")
READ_WAIT = 2.0  # seconds a reading command waits for a running ingest before showing stored alerts
ALERT_FORMATS = ("table", "brief", "jsonl", "csv", "html")


def register(app: typer.Typer) -> None:
    app.command("series")(series)
    app.command("alerts")(alerts)
    app.command("import")(import_)
    app.command("watch")(watch)


def _store(db: Path, must_exist: bool = True):
    from ..store.store import Store

    if must_exist and not db.exists():
        fail(f"no store at {db}: run `tocsin ingest SOURCE... --db {db}` first", 2)
    return Store(db)


def _out_ok(output: Optional[Path]) -> None:
    if output is not None and output.parent and not output.parent.exists():
        fail(f"cannot write {output}: folder {output.parent} does not exist", 2)


def _write_text(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)


def _refresh(store, rules: Optional[Path] = None, quiet: bool = True):
    """Bring stored alerts up to date with the store (cheap when nothing changed)."""
    from ..store import StoreLocked
    from ..warn import alerts as A

    try:
        r = A.refresh(store, rules, wait=READ_WAIT)
    except StoreLocked:
        r = None
    if (r is None or r.busy) and not quiet:
        err.print("another process is writing the store: these are the alerts of the last refresh", highlight=False)
    return r


def _errors():
    import duckdb

    from ..store import NoStore, StoreLocked
    from ..store.schema import SchemaError
    from ..warn.rules import RuleError

    return (ValueError, NoStore, StoreLocked, SchemaError, RuleError, duckdb.Error)


def series(
    dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET, e.g. BLR:UKR (3 letters: a country; "
                                                            "longer: an actor code prefix such as BLRMIL)."),
    country: Optional[str] = typer.Option(None, "--country", help="A country (ISO alpha-3): every event it is party "
                                                                  "to or that happens there."),
    pair: bool = typer.Option(False, "--pair", help="With --dyad: both directions together."),
    since: Optional[str] = typer.Option(None, "--since", help="First day, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day, YYYY-MM-DD."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, jsonl, png or html."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (png and html need it or go to "
                                                                       "series.png / series.html)."),
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store."),
) -> None:
    """Daily event series of a dyad or a country, counted in clusters, facts apart from signals; charts with alerts."""
    if fmt not in SERIES_FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(SERIES_FORMATS)}", 2)
    if not dyad and not country:
        fail("give --dyad SOURCE:TARGET (e.g. BLR:UKR) or --country CODE", 2)
    if dyad and country:
        fail("give --dyad or --country, not both", 2)
    _out_ok(output)
    store = _store(db)
    try:
        unit = "country" if country else ("pair" if pair else "dyad")
        df = store.series(dyad=dyad, country=country, unit=unit, since=since, until=until)
        if fmt in ("png", "html"):
            from ..warn import alerts as A
            from ..warn import chart

            _refresh(store)
            key = df["key"].iloc[0] if len(df) else (country or dyad)
            with store.reader() as con:
                al = A.query(con, dyad=dyad if dyad and not pair else None, country=country)
                if dyad and pair:
                    a, b = dyad.upper().split(":", 1) if ":" in dyad else (dyad, "")
                    al = A.query(con, dyad=f"{a}:{b}")._append(A.query(con, dyad=f"{b}:{a}"))
                if country:
                    al = al[al["country"] == country.upper()]
                if since:
                    al = al[al["last_updated"].astype(str) >= since]
                if until:
                    al = al[al["first_fired"].astype(str) <= until]
                title = f"tocsin: {key}, events per day" + (" (both directions)" if pair else "")
                if fmt == "png":
                    path = output or Path("series.png")
                    chart.png(df, al, path, title)
                    err.print(f"{len(df['day'].unique()) if len(df) else 0} day(s), {len(al)} alert(s) -> {path}",
                              highlight=False)
                    return
                evs = {a: A.evidence(con, a) for a in al["alert_id"]}
            page = chart.page(title, chart.svg(df, al, title), al, evs)
            path = output or Path("series.html")
            _write_text(page, path)
            err.print(f"{len(al)} alert(s) -> {path}", highlight=False)
            return
    except _errors() as exc:
        fail(str(exc), 2 if isinstance(exc, ValueError) else 1)
    if fmt == "csv":
        _write_text(df.to_csv(index=False), output)
    elif fmt == "jsonl":
        _write_text(df.to_json(orient="records", lines=True, date_format="iso"), output)
    else:
        if output is not None:
            fail("--format table prints to the terminal; choose csv or jsonl for -o", 2)
        _table_series(df)


def _table_series(df) -> None:
    from rich.table import Table

    if df.empty:
        err.print("no events match", highlight=False)
        return
    piv = df.pivot_table(index="day", columns="fact", values=["clusters", "conflict", "goldstein_sum"],
                         aggfunc="sum", fill_value=0)
    t = Table(title=f"{df['key'].iloc[0]}: event clusters per day")
    for c in ("day", "asserted", "conflict", "reported", "conflict", "signals", "Goldstein"):
        t.add_column(c, justify="right" if c != "day" else "left", no_wrap=True)

    def v(name, fact, day):
        return int(piv.loc[day, (name, fact)]) if (name, fact) in piv.columns else 0

    shown = 0
    for day in piv.index:
        a, r = v("clusters", "asserted", day), v("clusters", "reported", day)
        s = sum(v("clusters", f, day) for f in ("future", "hypothetical", "negated"))
        if not (a or r or s):
            continue
        g = sum(float(piv.loc[day, ("goldstein_sum", f)]) for f in ("asserted", "reported")
                if ("goldstein_sum", f) in piv.columns)
        t.add_row(str(day)[:10], str(a), str(v("conflict", "asserted", day)), str(r), str(v("conflict", "reported", day)),
                  str(s), f"{g:.1f}")
        shown += 1
    console.print(t)
    err.print(f"{shown} day(s) with events. conflict: QuadClass 3-4 among them; signals: future, hypothetical, "
              "negated; Goldstein: sum over asserted and reported; every day (zeros too) with --format csv",
              highlight=False)


def alerts(
    since: Optional[str] = typer.Option(None, "--since", help="Alerts first raised on or after this day."),
    until: Optional[str] = typer.Option(None, "--until", help="Alerts first raised on or before this day."),
    level: Optional[str] = typer.Option(None, "--level", help="At least this level: watch, warning, alert."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET, e.g. BLR:UKR."),
    country: Optional[str] = typer.Option(None, "--country", help="Alerts of a country, or of dyads it is a side of."),
    rule: Optional[str] = typer.Option(None, "--rule", help="Only this rule (or conflict-breakout, the detector)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, brief (evidence briefs), jsonl, csv or html."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="A YAML rule file instead of the default rules "
                                                               "(computed for this run, not stored)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Alerts as a run on this day would have shown them, "
                                                              "from what was known by then (not stored)."),
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store."),
) -> None:
    """Alerts from the indicator rules and the escalation detector, with the evidence behind each."""
    from ..warn import alerts as A

    if fmt not in ALERT_FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(ALERT_FORMATS)}", 2)
    _out_ok(output)
    store = _store(db)
    filters = dict(since=since, until=until, level=level, dyad=dyad, country=country, rule=rule)
    try:
        if rules is None and as_of is None:
            _refresh(store, quiet=False)
        with store.reader() as con:
            tables = ("alerts", "alert_evidence")
            if rules is not None or as_of is not None:
                from ..warn import rules as R

                tables = A.compute_into(con, R.load(rules), as_of=as_of)
            df = A.query(con, table=tables[0], **filters)
            need_ev = fmt in ("brief", "html") or fmt == "jsonl"
            evs = {a: A.evidence(con, a, tables[1]) for a in df["alert_id"]} if need_ev else {}
            recs = A.records(df) if fmt == "jsonl" else None
    except _errors() as exc:
        fail(str(exc), 2 if isinstance(exc, ValueError) else 1)
    if df.empty and fmt in ("table", "brief"):
        err.print("no alerts match", highlight=False)
        return
    if fmt == "jsonl":
        import json

        for r in recs:
            ev = evs.get(r["alert_id"])
            r["evidence"] = json.loads(ev.to_json(orient="records", date_format="iso")) if ev is not None else []
        _write_text("\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in recs), output)
    elif fmt == "csv":
        _write_text(df.to_csv(index=False), output)
    elif fmt == "html":
        from ..warn import chart

        _write_text(chart.page("tocsin alerts", None, df, evs), output or Path("alerts.html"))
        err.print(f"{len(df)} alert(s) -> {output or 'alerts.html'}", highlight=False)
        return
    elif fmt == "brief":
        text = "\n\n".join(A.brief(r, evs[r["alert_id"]]) for r in df.to_dict("records"))
        _write_text(text, output)
    else:
        if output is not None:
            fail("--format table prints to the terminal; choose brief, jsonl, csv or html for -o", 2)
        lines = [f"{'level':8} {'who':12} {'rule':24} {'first':10} {'updated':10} {'events':>6}  reason"]
        for r in df.itertuples():
            lines.append(f"{r.level:8} {r.key:12} {r.rule:24} {str(r.first_fired)[:10]:10} "
                         f"{str(r.last_updated)[:10]:10} {r.n_clusters:>6}  {r.reason}")
        _write_text("\n".join(lines), None)
    err.print(f"{len(df)} alert(s)", highlight=False)


def import_(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="GDELT 2.0 event exports (tab-separated, "
                                                                    ".CSV, .zip or .gz) or ACLED CSV exports."),
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt or acled."),
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store (created if missing)."),
) -> None:
    """Load other coders' event streams (GDELT 2.0, ACLED) into the store, marked with their origin."""
    from ..warn import imports as I

    if fmt not in I.FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(I.FORMATS)}", 2)
    for f in files:
        if not f.exists():
            fail(f"{f}: no such file", 2)
    if db.parent and not db.parent.exists():
        fail(f"cannot write {db}: folder {db.parent} does not exist", 2)
    from ..app import Tocsin

    app_ = Tocsin(store=db)
    store = app_.store
    try:
        s = app_.import_events([str(f) for f in files], fmt)
        r = _refresh(store)
    except _errors() as exc:
        fail(str(exc))
    for p in s.problems:
        err.print(f"[yellow]skipped[/] {p}", highlight=False, soft_wrap=True)
    err.print(f"read {s.rows} row(s): imported {s.imported}, already stored {s.already_stored}"
              + (f", not events tocsin counts {s.not_events}" if s.not_events else "")
              + (f", {len(s.problems)} bad row(s) skipped" if s.problems else "")
              + (f"; {s.clusters} event cluster(s)" if s.clusters is not None else "")
              + (f"; {r.total} alert(s), {len(r.new)} new" if r else "") + f" -> {db}", highlight=False)
    if s.problems:
        raise typer.Exit(1)


def _interval(text: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*", text)
    if not m or float(m.group(1)) <= 0:
        fail(f"--every {text!r} is not an interval such as 30s, 15m or 1h", 2)
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2) or "m"]


def watch(
    inputs: list[str] = typer.Argument(..., metavar="SOURCE...", help="Folders and feed files to ingest from."),
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store."),
    every: str = typer.Option("15m", "--every", help="Interval between ticks: 30s, 15m, 1h."),
    once: bool = typer.Option(False, "--once", help="One tick, then exit (for cron)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date of records that carry none."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="A YAML rule file instead of the default rules."),
) -> None:
    """Ingest what is new in SOURCE... at every tick and print new or grown alerts."""
    from ..warn import alerts as A
    from ..warn import rules as R
    from .common import parse_date_option

    pub = parse_date_option(date)
    period = _interval(every)
    if rules is not None:
        try:
            R.load(rules)
        except R.RuleError as exc:
            fail(str(exc), 2)
    store = _store(db, must_exist=False)
    while True:
        try:
            s = _ingest_once(store, inputs, pub)
            r = A.refresh(store, rules)
            shown = A.query_ids(store, r.new + r.grown)
        except _errors() as exc:
            fail(str(exc))
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        err.print(f"{stamp} coded {s.coded} new article(s), {s.events} event(s); {r.total} alert(s): "
                  f"{len(r.new)} new, {len(r.grown)} grown", highlight=False)
        for a in shown:
            tag = "NEW" if a["alert_id"] in r.new else "GROWN"
            console.print(f"{tag} [{a['level']}] {a['key']} {a['rule']}: {a['reason']}", highlight=False, markup=False,
                          soft_wrap=True)
        if once:
            return
        time.sleep(period)


def _ingest_once(store, inputs: list[str], pub):
    from ..app import Tocsin

    summary = Tocsin(store=store.path).ingest(inputs, date=pub)
    for p in summary.problems:
        if getattr(p, "kind", "error") == "error":
            err.print(f"[yellow]skipped[/] {p}", highlight=False, soft_wrap=True)
    return summary
