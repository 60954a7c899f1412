"""``tocsin events``: query the store; print a table or export JSONL, CSV, GDELT TSV, PLOVER JSON, Parquet."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .common import DATE_HELP, console, err, esc, fail, parse_date_option, stdout_path
from .views import from_row, show_events

TABLE_ROWS = 100  # a terminal table longer than this helps nobody: export instead


def register(app: typer.Typer) -> None:
    app.command("events")(events)


def events(
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", metavar="FILE", help="The DuckDB store."),
    actor: Optional[list[str]] = typer.Option(None, "--actor", metavar="CODE",
                                              help="Actor code prefix on either side (BLR, RUSMIL); "
                                                   "repeat for several (all must match)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", metavar="SRC:TGT",
                                       help="SOURCE:TARGET code prefixes, e.g. BLR:UKR or :UKR."),
    root: Optional[str] = typer.Option(None, "--root", metavar="CODES", help="CAMEO root code(s), e.g. 15 or 14,18,19."),
    since: Optional[str] = typer.Option(None, "--since", metavar=DATE_HELP, help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", metavar=DATE_HELP, help="Events on or before this date."),
    modality: Optional[str] = typer.Option(None, "--modality", metavar="NAMES",
                                           help="asserted, reported, future, hypothetical, negated; "
                                                "comma-separated for several."),
    first_reports: bool = typer.Option(False, "--first-reports", help="One row per cluster (its first report), "
                                                                      "as in GDELT's event table."),
    fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT",
                            help="table, jsonl, csv, gdelt, plover or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write here (- or none: standard output)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, metavar="N", help="At most this many events."),
) -> None:
    """Events from the store, filtered, as a table or in an exchange format."""
    from ..app import Tocsin
    from ..store import NoStore, StoreLocked
    from ..store import export

    if stdout_path(output):
        output = None
    if fmt not in ("table", *export.FORMATS):
        fail(f"--format {fmt!r} is not one of table, {', '.join(export.FORMATS)}", 2)
    if fmt == "parquet" and output is None:
        fail("--format parquet is binary: give an output file with -o", 2)
    if fmt == "table" and output is not None:
        fail("--format table prints to the terminal; choose jsonl, csv, gdelt, plover or parquet for -o", 2)
    if output is not None and output.parent and not output.parent.exists():
        fail(f"cannot write {output}: folder {output.parent} does not exist", 2)
    since_d, until_d = parse_date_option(since, "--since"), parse_date_option(until, "--until")
    if not db.exists():
        fail(f"no store at {db}: run `tocsin ingest SOURCE... --db {db}` first", 2)
    store = Tocsin(store=db).store
    options = dict(actor=actor, dyad=dyad, root=root, since=since_d, until=until_d, modality=modality,
                   first_reports=first_reports, limit=limit)
    try:
        if fmt == "table":
            shown = TABLE_ROWS if limit is None else min(limit, TABLE_ROWS)
            rows = list(store.iter_events(**{**options, "limit": shown + 1}))
            if not rows:
                err.print("no events match", highlight=False)
                return
            show_events(console, [from_row(r) for r in rows[:shown]])
            if len(rows) > shown and shown == TABLE_ROWS:  # cut by the table's size, not by --limit
                err.print(f"first {shown} events shown; export them all with --format jsonl -o FILE", highlight=False)
            return
        n = export.write(store, fmt, out=None if output else sys.stdout, path=output, **options)
    except ValueError as exc:  # a bad filter: --root 99, --modality maybe, ...
        fail(str(exc), 2)
    except (NoStore, StoreLocked) as exc:
        fail(str(exc))
    except BrokenPipeError:  # `tocsin events -f jsonl | head`
        sys.stderr.close()
        raise typer.Exit(0)
    err.print(esc(f"{n} event(s)" + (f" -> {output}" if output else "")), highlight=False)
