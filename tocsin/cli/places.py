"""``tocsin places``: articles in, every place mention out (JSON Lines or a readable table)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..readers.base import MAX_CHARS
from .code import INPUTS_HELP
from .common import DATE_HELP, JsonlOutput, console, fail, finish, model_option, parse_date_option, progress_bar
from .views import places_table


def register(app: typer.Typer) -> None:
    app.command("places")(places)


def places(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    date: Optional[str] = typer.Option(None, "--date", metavar=DATE_HELP,
                                       help="Publication date of input that carries none."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write place mentions as JSON Lines here (- for standard output)."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", metavar="FILE",
                                             help="A GeoNames dump (allCountries.txt, cities500.txt, US.txt "
                                                  "or its .zip) to use besides the bundled gazetteer."),
    fast: bool = typer.Option(False, "--fast", help="Skip the spaCy parse: dictionary scan only (quicker, "
                                                    "a little less precise)."),
    model: Optional[str] = model_option(),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", metavar="N", min=1, help="Refuse texts longer than this."),
) -> None:
    """Find every place named in articles and resolve it to coordinates (offline gazetteer)."""
    from ..app import Tocsin

    pub = parse_date_option(date)
    app = Tocsin(gazetteer=str(gazetteer) if gazetteer else None, model=model)
    problems: list = []
    n_articles = n_places = 0
    out = JsonlOutput(output)
    try:
        articles = app.read(inputs, date=pub, problems=problems, max_chars=max_chars)
        with progress_bar("geoparsing") as progress:
            task = progress.add_task("places", total=None)
            for found in app.iter_places(articles, parse=not fast):
                n_articles += 1
                n_places += len(found)
                progress.advance(task)
                for p in found:
                    out.add(p)
        if n_articles or not problems:  # a run that read nothing leaves an earlier file alone
            out.commit()
    except typer.Exit:  # click's Exit is a RuntimeError: a failure reported already, not a second one
        raise
    except (ValueError, OSError, RuntimeError) as exc:  # a gazetteer or output that cannot be used, no model
        fail(str(exc))
    finally:
        out.discard()
    if out.shown:
        console.print(places_table(out.shown))
    finish(problems, f"{n_articles} article(s), {n_places} place mention(s)", output)
