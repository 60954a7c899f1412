"""The date of an event, from its sentence and the publication date.

CONTRACT:
    event_date(trigger: Token, published: date | None, future: bool = False) -> EventDate
    EventDate(date: str | None, precision: 'day'|'week'|'month'|'year'|None, from_text: bool)
    resolve(expression: str, published: date, future: bool = False) -> (date, precision) | None

``date`` is always an ISO "YYYY-MM-DD": the first day of the period at ``precision`` (a month
is "2022-03-01", a week its Monday). See ``resolve`` for how expressions are read and
``attach`` for how one is chosen for an event.
"""
from __future__ import annotations

from .event import EventDate, event_date
from .expressions import resolve

__all__ = ["EventDate", "event_date", "resolve"]
