"""The one data model every stage takes and returns.

Field names follow the event record of the project's DESIGN.md, so that
``Event.model_dump(mode="json")`` *is* the interchange format.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

Modality = Literal["asserted", "reported", "future", "hypothetical", "negated"]
# Most restrictive first: when several apply, the earliest in this list wins.
MODALITY_ORDER: tuple[str, ...] = ("negated", "hypothetical", "future", "reported", "asserted")
DatePrecision = Literal["day", "week", "month", "year"]


class Article(BaseModel):
    """A text to code, from whatever reader produced it."""

    model_config = ConfigDict(frozen=False)

    id: str
    text: str
    date: Date | None = None  # publication date
    title: str | None = None
    url: str | None = None
    source: str | None = None  # publisher / site
    author: str | None = None
    language: str | None = None
    origin: str | None = None  # file (and line or offset) the article was read from

    # (text, its hash): an ingest asks for the hash a dozen times per article (reader, dedup,
    # rows), each a pass over the whole text. Kept with the very text object it was computed from,
    # so a text assigned or copied in afterwards is hashed anew.
    _hash: tuple[str, str] | None = PrivateAttr(default=None)

    @computed_field  # type: ignore[misc]
    @property
    def content_hash(self) -> str:
        private = self.__pydantic_private__  # read directly: pydantic's attribute path costs microseconds
        cached = private.get("_hash") if private is not None else None
        text = self.text
        if cached is not None and cached[0] is text:
            return cached[1]
        # Whitespace-insensitive so that re-wrapped copies of one text count as the same article.
        h = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
        if private is not None:
            private["_hash"] = (text, h)
        return h


class Actor(BaseModel):
    """Who: the text as written plus its code (country + sector, an IGO, or null when unknown)."""

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None


class Place(BaseModel):
    """A resolved location; ``precision`` says how far to trust the point."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # granularity of the point: city, admin1, country, border, region
    basis: str | None = None  # how an event got it: locative, sentence, article


class PlaceMention(BaseModel):
    """A toponym in an article, with character offsets into ``Article.text``."""

    article_id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature code (PCLI, ADM1, PPLC, ...)


class Plover(BaseModel):
    type: str
    mode: str | None = None


class Event(BaseModel):
    """One coded event: the event record of DESIGN.md."""

    event_id: str
    article_id: str
    sentence: str
    span: tuple[int, int]
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_from_text: bool = False  # False: the publication date stands in, the text said nothing
    source: Actor | None = None
    target: Actor | None = None
    cameo: str
    goldstein: float
    quad_class: int
    plover: Plover | None = None
    acled: str | None = None
    modality: Modality = "asserted"
    attributed_to: Actor | None = None
    location: Place | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str
    # how often the article tells this event: re-mentions ("the attack", "the accusations") and a
    # headline the body repeats are folded into the first telling by the article pass, adding here
    mentions: int = Field(default=1, ge=1)
    # False: a deed among private parties (ordinary crime and its policing, an accident, business,
    # sport) the political-event gate (coding/gate.py) kept only because it was asked to
    political: bool = True

    def record(self) -> dict:
        """The JSON-ready event record."""
        return self.model_dump(mode="json")


class Alert(BaseModel):
    """A warning raised by an indicator rule or an anomaly, citing the events behind it."""

    alert_id: str
    rule: str
    dyad: tuple[str | None, str | None]  # (source, target) for dyads and pairs, (country, None) for a country
    start: str  # window_start: the earliest evidence
    end: str  # window_end: the latest evidence
    score: float
    message: str  # the one-line reason
    evidence: list[str]  # event_ids
    kind: str = "rule"  # rule | detector
    unit: str = "dyad"  # dyad | pair | country
    level: str = "warning"  # watch | warning | alert
    first_fired: str | None = None  # the first day a day-by-day run would have raised it
    last_updated: str | None = None  # the last day new evidence came in


@dataclass
class Coded:
    """What coding one article produced: the article, its events and its place mentions."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
