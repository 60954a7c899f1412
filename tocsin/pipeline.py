"""Article -> parsed Doc -> actors, events, places, dates: the coding stages wired together.

The CLI, the HTTP API, ingest and the tests all call ``Pipeline.run`` (or ``code``), so
there is one way an article becomes events.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import nlp
from .coding.components import EventsStage, PlacesStage  # also registers the spaCy factories
from .coding.context import attach
from .model import Article, Event, PlaceMention


# Articles parsed together. spaCy's batched arithmetic can differ in the last bit with the batch
# it runs in, so workers get chunks of exactly this size: the same batches as one process.
BATCH = 32


@dataclass
class Coded:
    """What coding one article produced."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


class Pipeline:
    """Holds the loaded models and tables; build one per process and reuse it.

    It holds nothing of the article being coded (that is the ``ArticleContext`` on its Doc),
    so threads may share one Pipeline."""

    def __init__(self, *, places: bool = True, gazetteer: str | None = None, dates: bool = True,
                 model: str | None = None) -> None:
        from .actors import ActorResolver
        from .coding import EventCoder

        self.nlp = nlp.load(model)
        self.actors = ActorResolver()
        self.coder = EventCoder(self.actors, dates=dates)
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
        a, b = itertools.tee(articles)
        docs = self.nlp.pipe((nlp.normalise(x.text) for x in a), batch_size=batch_size)
        for article, doc in zip(b, docs):
            yield self.process(article, doc)


_worker: Pipeline | None = None


def _init_worker(places: bool, gazetteer: str | None, dates: bool, model: str | None) -> None:
    global _worker
    _worker = Pipeline(places=places, gazetteer=gazetteer, dates=dates, model=model)


def _code_chunk(chunk: list[Article]) -> list[Coded]:
    assert _worker is not None
    return list(_worker.run(chunk))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run(articles: Iterable[Article], *, workers: int = 1, places: bool = True, gazetteer: str | None = None,
        dates: bool = True, chunk_size: int = BATCH, model: str | None = None) -> Iterator[Coded]:
    """Code articles in order, in this process or in ``workers`` processes.

    ``dates=False`` stamps every event with the publication date, as GDELT does.
    """
    if workers <= 1:
        yield from Pipeline(places=places, gazetteer=gazetteer, dates=dates, model=model).run(articles)
        return
    ctx = mp.get_context("spawn")  # fork would copy a half-initialised thread pool from BLAS/torch
    with ctx.Pool(workers, initializer=_init_worker, initargs=(places, gazetteer, dates, model)) as pool:
        for batch in pool.imap(_code_chunk, _chunks(articles, chunk_size)):
            yield from batch


def code_batch(articles: Iterable[Article], workers: int = 1) -> Iterator[Coded]:
    """Code many articles; yields one ``Coded`` per article, in order."""
    return run(articles, workers=workers)
