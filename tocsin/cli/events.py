"""``tocsin events``: query the store; print a table or export JSONL, CSV, GDELT TSV, PLOVER JSON, Parquet."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .common import console, err, esc, fail, plain

TABLE_ROWS = 100  # a terminal table longer than this helps nobody: export instead


def register(app: typer.Typer) -> None:
    app.command("events")(events)


def _table(rows: list[dict]) -> Table:
    t = Table(show_lines=True, expand=True)
    for name, kw in (("date", {}), ("source", {}), ("event", {}), ("target", {}), ("modality", {}),
                     ("place", {}), ("reports", {"justify": "right"}), ("sentence", {"ratio": 3, "min_width": 30})):
        t.add_column(name, overflow="fold", **kw)

    def actor(text, code):
        return plain(f"{text} [{code}]" if code else (text or "-"))

    for e in rows:
        t.add_row(str(e["date"] or ""), actor(e["source_text"], e["source_code"]),
                  plain(f"{e['cameo']} {e['plover_type'] or ''}".strip()), actor(e["target_text"], e["target_code"]),
                  plain(e["modality"] + (f" ({e['attributed_to_text']})" if e["attributed_to_text"] else "")),
                  plain(e["location_name"] or ""), str(e["num_articles"] or ""), plain(e["sentence"]))
    return t


def events(
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store."),
    actor: Optional[list[str]] = typer.Option(None, "--actor", help="Actor code prefix on either side (BLR, RUSMIL); "
                                                                    "repeat for several (all must match)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET code prefixes, e.g. BLR:UKR or :UKR."),
    root: Optional[str] = typer.Option(None, "--root", help="CAMEO root code(s), e.g. 15 or 14,18,19."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date, YYYY-MM-DD."),
    modality: Optional[str] = typer.Option(None, "--modality", help="asserted, reported, future, hypothetical, "
                                                                    "negated; comma-separated for several."),
    first_reports: bool = typer.Option(False, "--first-reports", help="One row per cluster (its first report), "
                                                                      "as in GDELT's event table."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv, gdelt, plover or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="At most this many events."),
) -> None:
    """Events from the store, filtered, as a table or in an exchange format."""
    from ..store import NoStore, StoreLocked
    from ..store import export
    from ..store.store import Store

    if fmt not in ("table", *export.FORMATS):
        fail(f"--format {fmt!r} is not one of table, {', '.join(export.FORMATS)}", 2)
    if fmt == "parquet" and output is None:
        fail("--format parquet is binary: give an output file with -o", 2)
    if output is not None and output.parent and not output.parent.exists():
        fail(f"cannot write {output}: folder {output.parent} does not exist", 2)
    if not db.exists():
        fail(f"no store at {db}: run `tocsin ingest SOURCE... --db {db}` first", 2)
    store = Store(db)
    options = dict(actor=actor, dyad=dyad, root=root, since=since, until=until, modality=modality,
                   first_reports=first_reports, limit=limit)
    try:
        if fmt == "table":
            shown = TABLE_ROWS if limit is None else min(limit, TABLE_ROWS)
            if output is not None:
                fail("--format table prints to the terminal; choose jsonl, csv, gdelt, plover or parquet for -o", 2)
            rows = list(store.iter_events(**{**options, "limit": shown + 1}))
            if not rows:
                err.print("no events match", highlight=False)
                return
            console.print(_table(rows[:shown]))
            if len(rows) > shown:
                err.print(f"first {shown} events shown; export them all with --format jsonl -o FILE", highlight=False)
            return
        n = export.write(store, fmt, out=None if output else sys.stdout, path=output, **options)
    except ValueError as exc:  # a bad filter: --root 99, --since yesterday, ...
        fail(str(exc), 2)
    except (NoStore, StoreLocked) as exc:
        fail(str(exc))
    except BrokenPipeError:  # `tocsin events -f jsonl | head`
        sys.stderr.close()
        raise typer.Exit(0)
    err.print(esc(f"{n} event(s)" + (f" -> {output}" if output else "")), highlight=False)
