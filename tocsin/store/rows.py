"""Model objects to table rows: the one place that knows how an Event is flattened."""
from __future__ import annotations

import json
import re
from datetime import date as Date

from ..model import Article, Event, PlaceMention

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "sentence_no", "sentence", "span_start", "span_end", "is_root", "date",
    "date_precision", "date_from_text",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "cameo", "cameo_root", "goldstein", "quad_class", "plover_type", "plover_mode", "acled", "modality",
    "attributed_to_text", "attributed_to_code",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "location_precision", "confidence", "mentions", "rule", "record",
)
PLACE_COLUMNS: tuple[str, ...] = ("article_id", "start", "end", "text", "name", "country", "lat", "lon",
                                  "geonameid", "feature")
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "content_hash", "status", "duplicate_of", "similarity", "date", "title", "url", "source",
    "author", "language", "origin", "n_chars", "n_events", "text", "seq", "ingested_at",
)

_SENTENCE_NO = re.compile(r":s(\d+):e\d+$")


def event_date(value: str | None) -> Date | None:
    """'2022-03-17', '2022-03' or '2022': the first day of the period, or None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        return Date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def first_paragraph_end(text: str) -> int:
    cut = text.find("\n\n", 1 if text.startswith("\n") else 0)
    return len(text) if cut < 0 else cut


def event_row(e: Event, lead_end: int) -> tuple:
    m = _SENTENCE_NO.search(e.event_id)
    s, t, a, loc = e.source, e.target, e.attributed_to, e.location
    return (
        e.event_id, e.article_id, int(m.group(1)) if m else None, e.sentence, e.span[0], e.span[1],
        e.span[0] < lead_end, event_date(e.date), e.date_precision, e.date_from_text,
        s.text if s else None, s.code if s else None, s.country if s else None, s.sector if s else None,
        t.text if t else None, t.code if t else None, t.country if t else None, t.sector if t else None,
        e.cameo, e.cameo[:2], e.goldstein, e.quad_class,
        e.plover.type if e.plover else None, e.plover.mode if e.plover else None, e.acled, e.modality,
        a.text if a else None, a.code if a else None,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
        loc.lon if loc else None, loc.geonameid if loc else None, loc.precision if loc else None,
        e.confidence, e.mentions, e.rule, json.dumps(e.record(), ensure_ascii=False, sort_keys=True),
    )


def place_row(p: PlaceMention) -> tuple:
    return (p.article_id, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature)


def article_row(a: Article, *, status: str, duplicate_of: str | None, similarity: float | None,
                n_events: int | None, seq: int, ingested_at, keep_text: bool) -> tuple:
    return (a.id, a.content_hash, status, duplicate_of, similarity, a.date, a.title, a.url, a.source, a.author,
            a.language, a.origin, len(a.text), n_events, a.text if keep_text else None, seq, ingested_at)
