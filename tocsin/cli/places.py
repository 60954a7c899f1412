"""``tocsin places``: articles in, every place mention out (JSON Lines or a readable table)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..ingest import Problem, read_inputs
from ..ingest.base import MAX_CHARS
from .common import console, err, fail, parse_date_option


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
    if output is not None and output.parent and not output.parent.exists():
        fail(f"cannot write {output}: folder {output.parent} does not exist", 2)
    try:
        geo = Geoparser(str(gazetteer) if gazetteer else None)
    except (ValueError, OSError) as exc:
        fail(str(exc))
    problems: list[Problem] = []
    articles = read_inputs(inputs, pub, problems, max_chars=max_chars)
    n_articles = n_places = 0
    tmp = None
    out = None
    if output is not None:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent or ".")
        out = os.fdopen(fd, "w", encoding="utf-8")
    shown = []
    progress = Progress(TextColumn("geoparsing"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("places", total=None)
            if fast:
                pairs = ((a, None) for a in articles)
            else:
                import itertools

                a1, a2 = itertools.tee(articles)
                pairs = zip(a2, nlp.parse_many(a.text for a in a1))
            for article, doc in pairs:
                found = geo.places(doc, article)
                n_articles += 1
                n_places += len(found)
                progress.advance(task)
                for p in found:
                    if out is not None:
                        out.write(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n")
                    else:
                        shown.append(p)
        if out is not None:
            out.close()
            os.replace(tmp, output)
            tmp = None
    except (ValueError, OSError) as exc:
        fail(str(exc))
    finally:
        if tmp is not None:
            if out is not None and not out.closed:
                out.close()
            os.unlink(tmp)
    if out is None and shown:
        console.print(_table(shown))
    for p in problems:
        err.print(f"[yellow]skipped[/] {p}", highlight=False, soft_wrap=True)
    summary = f"{n_articles} article(s), {n_places} place mention(s)"
    if problems:
        summary += f", {len(problems)} input(s) skipped"
    err.print(summary + (f" -> {output}" if output else ""), highlight=False)
    if problems:
        raise typer.Exit(1)
