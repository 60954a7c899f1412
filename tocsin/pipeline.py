"""Article -> parsed Doc -> actors, events, places, dates: the coding stages wired together.

Every way of coding (``Tocsin.code``, the CLI, ingest, the runners in ``tocsin.runner``, the
tests) ends in ``Pipeline.run``, so there is one way an article becomes events.
"""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from . import nlp
from .headline import sentence_case
from .coding.components import EventsStage, PlacesStage  # also registers the spaCy factories
from .coding.context import attach
from .model import Article, Coded
from .runner import BATCH

__all__ = ["BATCH", "Coded", "CodingFailed", "Pipeline", "code_batch", "run"]


class Pipeline:
    """Holds the loaded models and tables; build one per process and reuse it.

    It holds nothing of the article being coded (that is the ``ArticleContext`` on its Doc),
    so threads may share one Pipeline."""

    def __init__(self, *, places: bool = True, gazetteer: str | None = None, dates: bool = True,
                 model: str | None = None, nonpolitical: bool = False) -> None:
        from .actors import ActorResolver
        from .coding import EventCoder

        self.nlp = nlp.load(model)
        self.actors = ActorResolver()
        # nonpolitical: keep crime, accidents, business and sport among private parties, flagged political=False
        self.coder = EventCoder(self.actors, dates=dates, nonpolitical=nonpolitical)
        self.geo = None
        if places:
            from .geo import Geoparser

            self.geo = Geoparser(gazetteer)
        # the same stage objects the spaCy components "tocsin_places" and "tocsin_events" run
        self.stages = ([PlacesStage(self.geo)] if self.geo else []) + [EventsStage(self.coder)]

    def process(self, article: Article, doc) -> Coded:
        ctx = attach(doc, article)
        for stage in self.stages:
            stage(doc)
        return Coded(article, ctx.events, ctx.places)

    def run(self, articles: Iterable[Article], batch_size: int = BATCH) -> Iterator[Coded]:
        a, b = itertools.tee((x, sentence_case(nlp.normalise(x.text))) for x in articles)
        docs = self.nlp.pipe((text for _, text in a), batch_size=batch_size)
        for (article, text), doc in zip(b, docs):
            yield self.process(article, nlp.remember_text(doc, text))


class CodingFailed(RuntimeError):
    """The coder raised on an article; the message says which and why."""


def run(articles: Iterable[Article], *, workers: int = 1, places: bool = True, gazetteer: str | None = None,
        dates: bool = True, model: str | None = None, dask: str | None = None,
        nonpolitical: bool = False) -> Iterator[Coded]:
    """Code articles in order, in this process, in ``workers`` processes or on Dask (see ``tocsin.runner``).

    ``dates=False`` stamps every event with the publication date, as GDELT does; ``nonpolitical=True``
    keeps the events the political gate sets aside, flagged ``political=False`` (docs/political.md). An article the
    coder fails on raises ``CodingFailed``; ``tocsin.runner.code`` hands such failures back instead.
    """
    from . import runner as R

    r = R.make(workers, dask, R.Job(places=places, gazetteer=gazetteer, dates=dates, model=model,
                                        nonpolitical=nonpolitical))
    try:
        for article, out in R.code(r, articles):
            if isinstance(out, str):
                raise CodingFailed(f"{article.origin or article.id}: {out}")
            yield out
    finally:
        r.close()


def code_batch(articles: Iterable[Article], workers: int = 1) -> Iterator[Coded]:
    """Code many articles; yields one ``Coded`` per article, in order."""
    return run(articles, workers=workers)
