"""Response and request bodies of the web API: they make its OpenAPI document."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model


class Problem(BaseModel):
    detail: Any = Field(description="What was wrong with the request, in words (or FastAPI's list of field errors).")


class EventRow(BaseModel):
    event_id: str
    article_id: str
    sentence_no: Optional[int] = None
    sentence: Optional[str] = None
    span_start: Optional[int] = None
    span_end: Optional[int] = None
    is_root: Optional[bool] = None
    date: Optional[str] = Field(None, description="YYYY-MM-DD; first day of the period for coarser precision")
    date_precision: Optional[str] = None
    date_from_text: Optional[bool] = None
    source_text: Optional[str] = None
    source_code: Optional[str] = None
    source_country: Optional[str] = None
    source_sector: Optional[str] = None
    target_text: Optional[str] = None
    target_code: Optional[str] = None
    target_country: Optional[str] = None
    target_sector: Optional[str] = None
    cameo: Optional[str] = None
    cameo_root: Optional[str] = None
    cameo_name: Optional[str] = Field(None, description="the CAMEO 1.1b3 name of the code")
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    plover_type: Optional[str] = None
    plover_mode: Optional[str] = None
    acled: Optional[str] = None
    modality: Optional[str] = None
    attributed_to_text: Optional[str] = None
    attributed_to_code: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    location_lat: Optional[float] = None
    location_lon: Optional[float] = None
    location_precision: Optional[str] = None
    confidence: Optional[float] = None
    rule: Optional[str] = None


class ListedEvent(EventRow):
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    article_date: Optional[str] = None
    cluster_id: Optional[str] = None
    num_articles: Optional[int] = None
    num_sources: Optional[int] = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    order: str
    events: list[ListedEvent]


class EventDetail(EventRow):
    record: Optional[str] = Field(None, description="the JSON event record as the coder produced it")
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    article_date: Optional[str] = None
    cluster_id: Optional[str] = None


class ArticleEvent(EventRow):
    sentence_start: Optional[int] = Field(None, description="offset of the event's sentence in the text")
    sentence_end: Optional[int] = None


class Mark(BaseModel):
    start: int
    end: int
    kind: str = Field(description="sentence (the evidence) or predicate (the words that fired the rule)")
    event_id: str


class PlaceRow(BaseModel):
    start: int
    end: int
    text: Optional[str] = None
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


class ArticleOut(BaseModel):
    article_id: str
    status: Optional[str] = None
    duplicate_of: Optional[str] = None
    similarity: Optional[float] = None
    date: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    author: Optional[str] = None
    language: Optional[str] = None
    n_chars: Optional[int] = None
    n_events: Optional[int] = None
    text: Optional[str] = Field(None, description="the text (an exact copy shows its original's)")
    events: list[ArticleEvent]
    marks: list[Mark] = Field(description="character spans to highlight, in text order")
    places: list[PlaceRow]


class TimelinePoint(BaseModel):
    period: str = Field(description="first day of the period")
    events: int
    goldstein: float = Field(description="sum of Goldstein scores")
    q1: int
    q2: int
    q3: int
    q4: int


class Timeline(BaseModel):
    interval: str
    points: list[TimelinePoint]


_COUNT = "clusters (real-world events; a cluster of reports counts once)"
SeriesRow = create_model(
    "SeriesRow",
    key=(str, Field(description="the dyad (BLR>UKR), pair (BLR-UKR) or country (UKR)")),
    day=(str, Field(description="YYYY-MM-DD, the event day")),
    fact=(Literal["asserted", "reported", "future", "hypothetical", "negated"],
          Field(description="asserted or reported (it happened), or a signal: future, hypothetical, negated")),
    clusters=(int, Field(description=_COUNT)),
    events=(int, Field(description="coded reports")),
    conflict=(int, Field(description="clusters of QuadClass 3 or 4")),
    **{f"q{q}": (int, Field(description=f"clusters of QuadClass {q}")) for q in range(1, 5)},
    **{f"r{r:02d}": (int, Field(description=f"clusters of CAMEO root {r:02d}")) for r in range(1, 21)},
    goldstein_sum=(float, Field(description="Goldstein sum over clusters (each its reports' mean)")),
    goldstein_mean=(Optional[float], Field(None, description="Goldstein mean over clusters; null on a day without")),
)


class Series(BaseModel):
    unit: Literal["dyad", "pair", "country"]
    key: str = Field(description="what was asked for: BLR>UKR (dyad), BLR-UKR (pair) or UKR (country)")
    since: Optional[str] = None
    until: Optional[str] = None
    rows: list[SeriesRow] = Field(description="one per day and fact (every day between since and until, or "
                                              "between the first and last event, when fill is on), as "
                                              "`tocsin series --format jsonl`")  # type: ignore[valid-type]


class ActorRow(BaseModel):
    code: str
    country: Optional[str] = None
    sector: Optional[str] = None
    name: Optional[str] = Field(None, description="the most frequent way the texts name it")
    as_source: int
    as_target: int
    events: int


class Actors(BaseModel):
    actors: list[ActorRow]


class Edge(BaseModel):
    source: str
    target: str
    events: int
    goldstein: Optional[float] = Field(None, description="mean Goldstein score")
    conflict: int = Field(description="events of QuadClass 3 or 4")


class Network(BaseModel):
    edges: list[Edge]


class CountryCount(BaseModel):
    iso3: str
    numeric: Optional[str] = Field(None, description="ISO 3166 numeric, the id of the shape in world-atlas")
    events: int
    goldstein: Optional[float] = None


class PointCount(BaseModel):
    lat: float
    lon: float
    name: Optional[str] = None
    events: int
    goldstein: Optional[float] = None
    example: str = Field(description="the event id of one event there")


class Geo(BaseModel):
    countries: list[CountryCount]
    points: list[PointCount]


class ClusterRow(BaseModel):
    cluster_id: str
    source_code: Optional[str] = None
    target_code: Optional[str] = None
    cameo_root: str
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    num_events: int
    num_mentions: int
    num_articles: int
    num_sources: int
    first_event_id: str
    first_article_id: str
    first_url: Optional[str] = None
    sentence: Optional[str] = None
    cameo: Optional[str] = None
    cameo_name: Optional[str] = None
    modality: Optional[str] = None


class ClusterPage(BaseModel):
    total: int
    limit: int
    offset: int
    clusters: list[ClusterRow]


class Stats(BaseModel):
    articles: int
    events: int
    clusters: int
    first_date: Optional[str] = None
    last_date: Optional[str] = None


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article's text", min_length=1)
    date: Optional[str] = Field(None, description="publication date, YYYY-MM-DD: relative dates resolve against it")
    id: Optional[str] = Field(None, description="becomes the events' article_id", max_length=200)
    title: Optional[str] = Field(None, max_length=2000)


class CodeResponse(BaseModel):
    article_id: str
    events: list[dict[str, Any]] = Field(description="event records in the interchange format (DESIGN.md)")
    places: list[dict[str, Any]] = Field(description="place mentions, with character offsets into the text")


class AlertRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    alert_id: str
    kind: Optional[str] = Field(None, description="rule (an indicator rule) or detector (an anomaly in a series)")
    rule: Optional[str] = None
    title: Optional[str] = None
    unit: Optional[str] = Field(None, description="dyad, pair or country")
    key: Optional[str] = None
    source: Optional[str] = None
    target: Optional[str] = None
    country: Optional[str] = None
    level: Optional[str] = Field(None, description="watch, warning or alert")
    level_rank: Optional[int] = None
    score: Optional[float] = None
    first_fired: Optional[str] = None
    last_updated: Optional[str] = None
    window_start: Optional[str] = None
    window_end: Optional[str] = None
    reason: Optional[str] = None
    n_events: Optional[int] = None
    n_clusters: Optional[int] = None
    computed_at: Optional[str] = None


class Alerts(BaseModel):
    alerts: list["AlertDetail"] = Field(description="with their evidence, unless evidence=false")


class EvidenceRow(BaseModel):
    part: Optional[str] = Field(None, description="which condition of the rule this event meets")
    event_id: str
    day: Optional[str] = None
    seen: Optional[str] = None
    sentence: Optional[str] = None
    cameo: Optional[str] = None
    cameo_name: Optional[str] = None
    source_code: Optional[str] = None
    target_code: Optional[str] = None
    modality: Optional[str] = None
    attributed_to_text: Optional[str] = None
    confidence: Optional[float] = None
    location_name: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    title: Optional[str] = None
    article_id: Optional[str] = None
    cluster_id: Optional[str] = None


class AlertDetail(AlertRow):
    evidence: Optional[list[EvidenceRow]] = Field(None, description="the events behind the alert")


Alerts.model_rebuild()
