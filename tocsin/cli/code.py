"""``tocsin code``: articles in, events out (JSON Lines or a readable table)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape

from ..readers import Problem, read_inputs
from ..readers.base import MAX_CHARS
from .common import JsonlOutput, console, fail, finish, parse_date_option, progress_bar


def register(app: typer.Typer) -> None:
    app.command("code")(code)


def _actor(a) -> str:
    if a is None:
        return "-"
    return f"{a.text} [{a.code}]" if a.code else a.text


def _show(events) -> None:
    """Each event as a headline (who, what, whom, how sure, when, where) over its sentence."""
    for e in events:
        what = e.cameo + (f" {e.plover.type}" if e.plover else "")
        how = e.modality + (f" by {e.attributed_to.text}" if e.attributed_to else "")
        where = f" in {e.location.name}" if e.location else ""
        console.print(f"[bold]{escape(_actor(e.source))}[/] -[cyan]{what}[/]-> [bold]{escape(_actor(e.target))}[/]"
                      f"  {how}, {e.date or 'undated'}{escape(where)}, confidence {e.confidence:.2f}"
                      f"  [dim]{e.event_id}[/]", highlight=False)
        console.print(f"    [dim]{escape(e.sentence)}[/]", highlight=False)


def code(
    inputs: list[str] = typer.Argument(..., help="Text files, - for standard input, or .jsonl files of "
                                                   "{\"id\", \"text\", \"date\"?} records."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date of plain-text input, YYYY-MM-DD."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write events as JSON Lines here."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Parallel processes for parsing and coding."),
    places: bool = typer.Option(True, "--places/--no-places", help="Geocode event locations."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="A GeoNames dump to use as well."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help="Refuse texts longer than this."),
) -> None:
    """Code articles into political events (CAMEO, PLOVER, ACLED) with modality and evidence."""
    from ..pipeline import run

    pub = parse_date_option(date)
    problems: list[Problem] = []
    articles = read_inputs(inputs, pub, problems, max_chars=max_chars)
    n_articles = n_events = 0
    out = JsonlOutput(output)
    try:
        with progress_bar("coding") as progress:
            task = progress.add_task("code", total=None)
            for coded in run(articles, workers=workers, places=places,
                             gazetteer=str(gazetteer) if gazetteer else None):
                n_articles += 1
                n_events += len(coded.events)
                progress.advance(task)
                for e in coded.events:
                    out.add(e)
        if n_articles or not problems:  # a run that read nothing leaves an earlier file alone
            out.commit()
    except (ValueError, OSError) as exc:  # e.g. a gazetteer that cannot be read
        fail(str(exc))
    finally:
        out.discard()
    _show(out.shown)
    finish(problems, f"{n_articles} article(s) coded, {n_events} event(s)", output)
