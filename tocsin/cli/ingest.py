"""``tocsin ingest``: sources in, articles, events and places stored in DuckDB, copies linked, clusters rebuilt."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..readers.base import MAX_CHARS
from .code import INPUTS_HELP
from .common import DATE_HELP, err, esc, fail, interrupted, model_option, parse_date_option


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


def _summary_lines(s, db: str) -> list[str]:
    kinds = s.skipped_by_reason()
    skipped = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    lines = [f"read {s.read} article(s)" + (f"; skipped {sum(kinds.values())} input(s): {skipped}" if kinds else ""),
             f"already stored {s.already_stored}; exact copies linked {s.duplicates}; "
             f"near copies linked {s.near_duplicates}" + (f"; renamed (id taken) {s.renamed}" if s.renamed else ""),
             f"coded {s.coded} article(s): {s.events} event(s), {s.places} place mention(s)"
             + (f"; coder failed on {s.failed}" if s.failed else "")]
    if s.clusters is not None:
        lines.append(f"{s.clusters} event cluster(s) in the store -> {db}")
    return lines


def ingest(
    inputs: list[str] = typer.Argument(..., metavar="SOURCE", help=INPUTS_HELP),
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", metavar="FILE", help="The DuckDB store (created if missing)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N",
                                help="Parallel processes (or Dask local workers)."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="SCHEDULER",
                                       help="Code on a Dask cluster: tcp://host:8786, or 'local' for a "
                                            "LocalCluster of --workers processes."),
    date: Optional[str] = typer.Option(None, "--date", metavar=DATE_HELP,
                                       help="Publication date of records that carry none."),
    places: bool = typer.Option(True, "--places/--no-places", help="Geoparse place mentions and event locations."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", metavar="FILE",
                                             help="A GeoNames dump to use as well."),
    model: Optional[str] = model_option(),
    lang: str = typer.Option("en", "--lang", metavar="CODES",
                             help="Languages to keep, comma-separated ISO 639-1, or 'all'."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", metavar="N", min=1, help="Refuse texts longer than this."),
    batch_size: int = typer.Option(256, "--batch-size", min=1, metavar="N", help="Articles per committed transaction."),
    threshold: float = typer.Option(0.8, "--near-duplicate", min=0.1, max=1.0, metavar="J",
                                    help="Estimated Jaccard similarity from which an article is a near copy "
                                         "(a new store only: a store keeps the value it was made with)."),
    clusters: bool = typer.Option(True, "--clusters/--no-clusters", help="Rebuild event clusters at the end."),
    wait: Optional[float] = typer.Option(None, "--wait", min=0, metavar="SECONDS",
                                         help="When another ingest is writing to the store, wait at most this "
                                              "long for it (default: until it ends; 0: refuse at once)."),
) -> None:
    """Store articles and their events in DuckDB: idempotent, resumable after a crash, copies linked not coded."""
    import duckdb

    from ..analysis.dedup import Params
    from ..app import Tocsin
    from ..store import StoreLocked
    from ..store.schema import SchemaError
    from ..store.store import Store

    pub = parse_date_option(date)
    languages = None if lang.strip().lower() == "all" else tuple(x.strip() for x in lang.split(",") if x.strip())
    if db.parent and not db.parent.exists():
        fail(f"cannot write {db}: folder {db.parent} does not exist", 2)
    app = Tocsin(store=db, workers=workers, dask=dask, places=places,
                 gazetteer=str(gazetteer) if gazetteer else None, model=model)
    problems: list = []
    try:
        articles = app.read(inputs, date=pub, problems=problems, max_chars=max_chars, languages=languages)
    except ValueError as exc:  # e.g. an unknown language code
        fail(str(exc), 2)
    try:
        backend = app.runner()
    except (OSError, ValueError, TimeoutError) as exc:
        fail(f"cannot reach the Dask scheduler {dask}: {exc}" if dask else str(exc))
    progress = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.fields[line]}"), _Rate(),
                        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    task = progress.add_task("ingest", total=None, line="")

    def show(s) -> None:
        done = s.coded + s.already_stored + s.duplicates + s.near_duplicates + s.failed
        progress.update(task, completed=done, line=f"{s.read} read, {s.coded} coded, {s.events} events")

    try:
        with progress:
            def waiting(pid) -> None:
                who = f" (pid {pid})" if pid else ""
                err.print(esc(f"another ingest{who} is writing to {db}; waiting for it to finish"), highlight=False)

            summary = app.ingest(articles=articles, problems=problems, runner=backend,
                                 store=Store(db, write_timeout=wait), batch_size=batch_size,
                                 params=Params(threshold=threshold), cluster=clusters, on_progress=show,
                                 on_wait=waiting)
    except StoreLocked as exc:
        backend.close()
        fail(f"{exc}; run again when it has finished, or give --wait SECONDS")
    except SchemaError as exc:
        backend.close()
        fail(str(exc))
    except duckdb.Error as exc:
        backend.close()
        if interrupted(exc):
            raise KeyboardInterrupt from None  # Ctrl-C inside a query: the interrupt, not a store failure
        fail(f"{db}: {exc}")
    except (OSError, ValueError, RuntimeError) as exc:  # a gazetteer or data file that cannot be read, no model
        backend.close()
        if interrupted(exc):
            raise KeyboardInterrupt from None
        fail(str(exc))
    for p in summary.problems:
        if getattr(p, "kind", "error") == "error":
            err.print(f"[yellow]skipped[/] {esc(p)}", highlight=False, soft_wrap=True)
    for line in _summary_lines(summary, str(db)):
        err.print(esc(line), highlight=False, soft_wrap=True)
    if any(getattr(p, "kind", "error") == "error" for p in summary.problems):
        raise typer.Exit(1)
