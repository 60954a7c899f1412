"""``tocsin places``: articles in, every place mention out (JSON Lines or a readable table)."""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..readers import Problem, read_inputs
from ..readers.base import MAX_CHARS
from .common import JsonlOutput, console, fail, finish, parse_date_option, progress_bar


def register(app: typer.Typer) -> None:
    app.command("places")(places)


def _table(rows) -> Table:
    t = Table(expand=True)
    for name, kw in (("article", {"ratio": 1}), ("text", {"ratio": 2}), ("place", {"ratio": 2}),
                     ("country", {"no_wrap": True}), ("lat", {"justify": "right", "no_wrap": True}),
                     ("lon", {"justify": "right", "no_wrap": True}), ("feature", {"no_wrap": True}),
                     ("geonameid", {"justify": "right", "no_wrap": True})):
        t.add_column(name, overflow="fold", **kw)
    for p in rows:
        t.add_row(p.article_id, p.text, p.name, p.country or "", f"{p.lat:.2f}" if p.lat is not None else "",
                  f"{p.lon:.2f}" if p.lon is not None else "", p.feature or "", str(p.geonameid or ""))
    return t


def places(
    inputs: list[str] = typer.Argument(..., help="Text files, - for standard input, or .jsonl files of "
                                                   "{\"id\", \"text\", \"date\"?} records."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date of plain-text input, YYYY-MM-DD."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write place mentions as JSON Lines here."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer",
                                             help="A GeoNames dump (allCountries.txt, cities500.txt, US.txt "
                                                  "or its .zip) to use besides the bundled gazetteer."),
    fast: bool = typer.Option(False, "--fast", help="Skip the spaCy parse: dictionary scan only (quicker, "
                                                    "a little less precise)."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help="Refuse texts longer than this."),
) -> None:
    """Find every place named in articles and resolve it to coordinates (offline gazetteer)."""
    from .. import nlp
    from ..geo import Geoparser

    pub = parse_date_option(date)
    try:
        geo = Geoparser(str(gazetteer) if gazetteer else None)
    except (ValueError, OSError) as exc:
        fail(str(exc))
    problems: list[Problem] = []
    articles = read_inputs(inputs, pub, problems, max_chars=max_chars)
    n_articles = n_places = 0
    out = JsonlOutput(output)
    try:
        with progress_bar("geoparsing") as progress:
            task = progress.add_task("places", total=None)
            if fast:
                pairs = ((a, None) for a in articles)
            else:
                a1, a2 = itertools.tee(articles)
                pairs = zip(a2, nlp.parse_many(a.text for a in a1))
            for article, doc in pairs:
                found = geo.places(doc, article)
                n_articles += 1
                n_places += len(found)
                progress.advance(task)
                for p in found:
                    out.add(p)
        if n_articles or not problems:  # a run that read nothing leaves an earlier file alone
            out.commit()
    except (ValueError, OSError) as exc:
        fail(str(exc))
    finally:
        out.discard()
    if out.shown:
        console.print(_table(out.shown))
    finish(problems, f"{n_articles} article(s), {n_places} place mention(s)", output)
