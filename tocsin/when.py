"""The date of an event from its sentence and the publication date. Placeholder until dates land.

CONTRACT:
    event_date(trigger: Token, published: date | None, future: bool = False) -> EventDate
    EventDate(date: str | None, precision: 'day'|'week'|'month'|'year'|None, from_text: bool)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    from_text: bool


def event_date(trigger, published, future=False):
    if published is None:
        return EventDate(None, None, False)
    return EventDate(published.isoformat(), "day", False)
