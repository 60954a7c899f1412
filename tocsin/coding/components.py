"""tocsin's stages as spaCy components, for use in your own spaCy pipeline.

Two factories, found by spaCy through the ``spacy_factories`` entry point of an installed
tocsin (and registered whenever ``tocsin.coding`` is imported):

- ``tocsin_places``: finds and resolves the article's place mentions (``doc._.tocsin_places``);
  optional, and before ``tocsin_events`` so events get a location.
- ``tocsin_events``: codes the events (``doc._.tocsin_events``, a list of ``tocsin.Event``).

Both need a pipeline with a tagger, a dependency parser and named entities; add them last::

    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("tocsin_places")                       # config: {"gazetteer": path or None}
    nlp.add_pipe("tocsin_events")                       # config: {"dates": true}
    doc = nlp(text, component_cfg={"tocsin_places": {"date": "2022-03-21", "article_id": "a1"}})
    for event in doc._.tocsin_events:
        print(event.record())

The publication date (``date``, ISO string or ``datetime.date``) and ``article_id`` go to the
first tocsin component that sees the Doc, through ``component_cfg`` as above, or to both.
The article's coding state is ``doc._.tocsin`` (an ``ArticleContext``), one per Doc, so the
pipeline may be shared by threads. ``nlp.pipe(..., n_process>1)`` cannot carry that state
between processes; use ``tocsin.pipeline.run(..., workers=N)`` for several processes.

``tocsin.Pipeline`` runs these same stage objects over its own model, so both ways code
an article identically.
"""
from __future__ import annotations

import threading
from datetime import date as Date

from spacy.language import Language
from spacy.tokens import Doc

from .context import context_of


class PlacesStage:
    """Place mentions of the article, resolved against the gazetteer."""

    def __init__(self, geo) -> None:
        self.geo = geo

    def __call__(self, doc: Doc, date: Date | str | None = None, article_id: str | None = None) -> Doc:
        ctx = context_of(doc, date, article_id)
        ctx.places = self.geo.places(doc, ctx.article)
        ctx.geo = self.geo
        return doc


class EventsStage:
    """Events of the article, with the places the places stage found (if it ran)."""

    def __init__(self, coder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc, date: Date | str | None = None, article_id: str | None = None) -> Doc:
        self.coder.code(doc, context_of(doc, date, article_id))
        return doc


# The tables a component needs are loaded once per process and shared by every pipeline.
_shared: dict[tuple, object] = {}
_lock = threading.RLock()  # building the coder builds the actor resolver under it


def _once(key: tuple, build):
    with _lock:
        if key not in _shared:
            _shared[key] = build()
        return _shared[key]


def _actors():
    from ..actors import ActorResolver

    return _once(("actors",), ActorResolver)


@Language.factory("tocsin_places", default_config={"gazetteer": None})
def make_places(nlp: Language, name: str, gazetteer: str | None) -> PlacesStage:
    from ..geo import Geoparser

    return PlacesStage(_once(("geo", gazetteer), lambda: Geoparser(gazetteer)))


@Language.factory("tocsin_events", default_config={"dates": True})
def make_events(nlp: Language, name: str, dates: bool) -> EventsStage:
    from .coder import EventCoder

    return EventsStage(_once(("coder", dates), lambda: EventCoder(_actors(), dates=dates)))
