"""The date of an event, from its sentence and the publication date.

CONTRACT:
    event_date(trigger: Token, published: date | None, future: bool = False) -> EventDate
    EventDate(date: str | None, precision: 'day'|'week'|'month'|'year'|None, from_text: bool)
    resolve(expression: str, published: date, future: bool = False) -> (date, precision) | None

Conventions:
- ``date`` is always an ISO "YYYY-MM-DD", the first day of the period at ``precision``: a
  month is "2022-03-01", a year "2022-01-01", a week its Monday (ISO weeks; a weekend is
  the week holding it).
- ``from_text`` is False when the text says nothing and the publication date stands in
  (precision "day"); with no publication date then, everything is None. A date the text
  fixes in full ("March 5, 2021") is returned even without a publication date.
- A range ("from March 3 to March 5", "2017-18") gives its start; "since March 3" gives
  March 3; "until Friday" is never an event's date.
- Bare weekdays and month-days look back from the publication date in the past tense,
  forward with ``future=True`` (or "will", "plans to", a modal), and to the nearest for a
  present or unknown tense (month-days only; weekdays then look back).
- Counts run from what they name: "two days ago" from publication, "a week earlier" from
  the last date the text gave, "two days after the attack on March 3" from March 3, and the
  attack of "a day after rebels attacked" takes the verb's date minus the count.

Modules: ``expressions`` reads the words, ``attach`` finds a sentence's mentions and what
each dates, ``tense`` the direction, ``event`` picks one for an event and caches per Doc.
Tables: tocsin/data/when/ (relative expressions, fixed holidays, planning verbs).
"""
from __future__ import annotations

from .event import EventDate, event_date, stand_in
from .expressions import resolve

__all__ = ["EventDate", "event_date", "resolve", "stand_in"]
