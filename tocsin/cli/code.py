"""``tocsin code``: articles in, events out (JSON Lines or a readable table)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..readers.base import MAX_CHARS
from .common import DATE_HELP, JsonlOutput, console, fail, finish, model_option, parse_date_option, progress_bar
from .views import from_record, show_events

# Every format the readers know, for the help of the commands that read articles.
INPUTS_HELP = ("Files, folders, globs, or - for standard input: plain text, HTML, RSS/Atom feeds, WARC/ARC "
               "crawls, JSON Lines ({\"id\", \"text\", \"date\"?} per line), CSV/TSV; any of them gzipped. "
               "The format comes from the file name, else from its first bytes.")


def register(app: typer.Typer) -> None:
    app.command("code")(code)


def code(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    date: Optional[str] = typer.Option(None, "--date", metavar=DATE_HELP,
                                       help="Publication date of input that carries none."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write events as JSON Lines here (- for standard output)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N",
                                help="Parallel processes for parsing and coding."),
    places: bool = typer.Option(True, "--places/--no-places", help="Geocode event locations."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", metavar="FILE",
                                             help="A GeoNames dump to use as well."),
    model: Optional[str] = model_option(),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", metavar="N", min=1, help="Refuse texts longer than this."),
    nonpolitical: bool = typer.Option(False, "--nonpolitical",
                                      help="Also write the hostile events of crime, accidents, business and sport "
                                           "among private parties, with \"political\": false (left out by default)."),
) -> None:
    """Code articles into political events (CAMEO, PLOVER, ACLED) with modality and evidence."""
    from ..app import Tocsin

    pub = parse_date_option(date)
    app = Tocsin(workers=workers, places=places, gazetteer=str(gazetteer) if gazetteer else None, model=model,
                 nonpolitical=nonpolitical or None)
    problems: list = []
    articles = app.read(inputs, date=pub, problems=problems, max_chars=max_chars)
    n_articles = n_events = 0
    out = JsonlOutput(output)
    try:
        with progress_bar("coding") as progress:
            task = progress.add_task("code", total=None)
            for coded in app.code_articles(articles, problems=problems):
                n_articles += 1
                n_events += len(coded.events)
                progress.advance(task)
                for e in coded.events:
                    out.add(e)
        if n_articles or not problems:  # a run that read nothing leaves an earlier file alone
            out.commit()
    except typer.Exit:  # click's Exit is a RuntimeError: a failure reported already, not a second one
        raise
    except (ValueError, OSError, RuntimeError) as exc:  # a gazetteer or output that cannot be used, no model
        fail(str(exc))
    finally:
        out.discard()
    if out.shown:
        show_events(console, [from_record(e.record()) for e in out.shown])
    finish(problems, f"{n_articles} article(s) coded, {n_events} event(s)", output)
