"""One ``Tocsin`` object: the settings and the operations the CLI, the web app and the tests share.

    app = Tocsin(store="tocsin.duckdb", workers=2)
    app.code("Belarus recalled its ambassador.", date="2022-03-21")   # -> list[Event]
    app.code_articles(articles)                                       # -> Iterator[Coded]
    app.places(text)                                                  # -> list[PlaceMention]
    app.read(["crawl.warc.gz", "feeds/"], problems=problems)          # -> Iterator[Article]
    app.ingest(["crawl.warc.gz"])                                     # -> loader Summary
    app.events(dyad="BLR:UKR", root=16)                               # -> pandas DataFrame

Every command of ``tocsin`` (see ``tocsin/cli``) builds one ``Tocsin`` from its options and
calls one of these; nothing a command does is out of reach from Python. Heavy imports
(spaCy, DuckDB, Dask) happen on first use, not when this module is imported.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .model import Article, Coded, Event, PlaceMention

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store import Store


@dataclass(frozen=True)
class Settings:
    """Everything that decides what a run produces or where it goes."""

    store: Path = Path("tocsin.duckdb")  # the DuckDB event store
    # spaCy pipeline name or path; None: $TOCSIN_SPACY_MODEL, else the one the package installs
    model: str | None = None
    gazetteer: str | None = None  # a GeoNames dump laid over the bundled gazetteer
    places: bool = True  # geoparse place mentions and event locations
    dates: bool = True  # date events from the text (False: the publication date, as GDELT)
    # keep crime, accidents, business and sport among private parties, flagged political=False (docs/political.md)
    nonpolitical: bool = False
    workers: int = 1  # coding processes
    dask: str | None = None  # a Dask scheduler address, or "local"; None: this machine
    rules: Path | None = None  # indicator rule sets for alerts (tocsin.warn)


def _as_date(value: Date | str | None) -> Date | None:
    return Date.fromisoformat(value) if isinstance(value, str) else value


class Tocsin:
    """The settings plus the operations on them. Cheap to build; models load on first use."""

    def __init__(self, settings: Settings | None = None, **overrides) -> None:
        settings = settings or Settings()
        if "store" in overrides and overrides["store"] is not None:
            overrides["store"] = Path(overrides["store"])
        self.settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
        self._geo = None

    def __repr__(self) -> str:
        return f"Tocsin({self.settings!r})"

    # -- reading -----------------------------------------------------------------------------------
    def read(self, inputs: Iterable[str], *, date: Date | str | None = None, problems: list | None = None,
             **options) -> Iterator[Article]:
        """Articles from files, folders, globs or ``-``, in any format ``tocsin.readers`` knows.

        Records that cannot be read go to ``problems`` (a list the caller keeps), never raise.
        """
        from .readers import read_inputs

        return read_inputs(list(inputs), _as_date(date), problems if problems is not None else [], **options)

    # -- coding ------------------------------------------------------------------------------------
    @property
    def pipeline(self) -> Pipeline:
        """This process's pipeline (spaCy, actors, coder, geoparser), loaded once and shared with the runner."""
        from .runner import pipeline_for

        return pipeline_for(self.job())

    def code(self, text: str, date: Date | str | None = None, article_id: str = "a1") -> list[Event]:
        """The events of one text; ``date`` is its publication date."""
        article = Article(id=article_id, text=text, date=_as_date(date))
        return next(self.pipeline.run([article])).events

    def code_articles(self, articles: Iterable[Article], *, problems: list | None = None) -> Iterator[Coded]:
        """One ``Coded`` (article, events, places) per article, in input order, on the configured runner.

        An article the coder fails on is reported in ``problems`` when a list is given (and skipped),
        else raises ``CodingFailed``.
        """
        from . import runner
        from .pipeline import CodingFailed
        from .readers import Problem

        with runner.closing(self.runner()) as r:
            for article, out in runner.code(r, articles):
                if isinstance(out, str):
                    if problems is None:
                        raise CodingFailed(f"{article.origin or article.id}: {out}")
                    problems.append(Problem(article.origin or article.id, out))
                    continue
                yield out

    def places(self, text: str, date: Date | str | None = None, article_id: str = "a1", *,
               parse: bool = True) -> list[PlaceMention]:
        """Every place named in one text, resolved to coordinates. ``parse=False``: dictionary scan only."""
        return self.places_of([Article(id=article_id, text=text, date=_as_date(date))], parse=parse)[0]

    def places_of(self, articles: Iterable[Article], *, parse: bool = True) -> list[list[PlaceMention]]:
        return list(self.iter_places(articles, parse=parse))

    def iter_places(self, articles: Iterable[Article], *, parse: bool = True) -> Iterator[list[PlaceMention]]:
        import itertools

        from . import nlp
        from .geo import Geoparser
        from .runner import loaded_pipeline

        pipe = loaded_pipeline(self.job())  # a coding pipeline already loaded has a geoparser to share
        if pipe is not None and pipe.geo is not None:
            geo = pipe.geo
        else:
            if self._geo is None:
                self._geo = Geoparser(self.settings.gazetteer)
            geo = self._geo
        if not parse:
            for a in articles:
                yield geo.places(None, a)
            return
        a1, a2 = itertools.tee(articles)
        for article, doc in zip(a2, nlp.parse_many((a.text for a in a1), model=self.settings.model)):
            yield geo.places(doc, article)

    # -- the store ---------------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        from .store import Store

        return Store(self.settings.store)

    def ingest(self, inputs: Iterable[str] | None = None, *, articles: Iterable[Article] | None = None,
               date: Date | str | None = None, problems: list | None = None, read_options: dict | None = None,
               runner=None, store: Store | None = None, **options):
        """Read ``inputs`` (or take ``articles``), code what is new and store it; returns the run's summary.

        ``runner`` defaults to ``self.runner()`` and is closed at the end; ``store`` to ``self.store``
        (give one to set its write timeout). ``options`` go to ``tocsin.store.loader.Ingest``
        (batch_size, params, cluster, on_progress, on_wait).
        """
        from .store.loader import Ingest

        problems = problems if problems is not None else []
        if articles is None:
            articles = self.read(inputs or [], date=date, problems=problems, **(read_options or {}))
        from .runner import closing

        with closing(runner if runner is not None else self.runner()) as backend:
            return Ingest(store if store is not None else self.store, backend, **options).run(articles, problems)

    def runner(self):
        """Where coding runs: this process, a process pool or Dask, as the settings say (``tocsin.runner``).

        Raises OSError, ValueError or TimeoutError when a Dask scheduler cannot be reached.
        """
        from . import runner

        s = self.settings
        return runner.make(s.workers, s.dask, self.job())

    def job(self):
        from .runner import Job

        s = self.settings
        return Job(places=s.places, gazetteer=s.gazetteer, dates=s.dates, model=s.model, nonpolitical=s.nonpolitical)

    def events(self, **filters):
        """Stored events as a pandas DataFrame; filters as ``Store.events`` (actor, dyad, root, since, ...)."""
        return self.store.events(**filters)

    # -- warnings (tocsin.warn, docs/warn.md) -----------------------------------------------------------
    def series(self, dyad: str | None = None, country: str | None = None, **options):
        """Daily series per dyad / pair / country, counted in clusters (``Store.series``)."""
        return self.store.series(dyad=dyad, country=country, **options)

    def refresh_alerts(self, force: bool = False, wait: float | None = None):
        """Recompute and store alerts (rules from ``settings.rules``, else the defaults, plus the detector).

        Cheap when the store has not changed. ``wait``: seconds to wait for a running ingest (None:
        as long as it takes); a web server passes a small one and shows the stored alerts meanwhile.
        """
        from .warn import alerts

        return alerts.refresh(self.store, self.settings.rules, force=force, wait=wait)

    def alerts(self, refresh: bool = True, wait: float | None = 2.0, **filters):
        """Alerts (since, until, level, dyad, country, rule, kind) as a DataFrame, refreshed first when the
        store changed (waiting at most ``wait`` seconds for a running ingest)."""
        if refresh:
            self.refresh_alerts(wait=wait)
        return self.store.alerts(**filters)

    def alert_evidence(self, alert_id: str):
        """The events behind an alert: sentences, modality, who says so, confidence, article URLs."""
        from .warn import alerts

        with self.store.reader() as con:
            return alerts.evidence(con, alert_id)

    def import_events(self, files: Iterable[str], fmt: str):
        """Load GDELT 2.0 or ACLED exports into the store (``fmt``: gdelt or acled); returns the summary."""
        from .warn import imports

        return imports.run(self.store, list(files), fmt)
