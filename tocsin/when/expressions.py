"""A temporal expression (its words only) -> (first day of the period, precision).

Own rules first, because the general parser gets the cases news needs wrong: it reads
"two weeks" (a duration) as a date, "the 1990s" as yesterday, knows no "earlier this month",
and puts a same-day month-day a year ahead when asked to prefer the future. dateparser
remains the fallback for the odd forms the rules do not cover, cached per expression.

Conventions (the event record's ``date`` / ``date_precision``):
- the date is the first day of the period: a month is "YYYY-MM-01", a year "YYYY-01-01",
  a week its Monday (ISO weeks);
- a range ("from March 3 to March 5", "March 3-5") resolves to its start, the end lending the
  start whatever it leaves out ("3 to 5 March 2021");
- a weekday or a month-day without a year is the most recent one on or before the
  publication date (a one-day slack allows for time zones), or with ``future=True`` the
  next one on or after it; "last"/"next" force the direction. ``future=None`` (the tense
  is present or unknown: "the strike planned for December 23", "Sokol's withdrawal on
  March 18 strikes officials") takes the nearest month-day, a day ahead weighing two days
  behind; weekdays then still look back;
- a decade ("the 1990s") is returned as its first year with year precision (the record has
  no coarser precision);
- durations ("two weeks", "20 years") are not dates: None.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from .calendar_dates import NUMERIC, absolute, embedded, month_or_season, nth_week, weekday
from .periods import Resolved, declines, start_of
from .relative import counted, is_count, is_narrative, relative
from .words import MONTH, WEEKDAY, YEAR, clean, strip_hedges, strip_times

__all__ = ["Resolved", "clean", "has_year", "is_count", "is_narrative", "lacks_year", "resolve"]

# The general parser's food: a month or a weekday. A year alone it pads with the day and
# month of the publication date ("Q1 2021" -> 21 March 2021).
_DATEISH = re.compile(rf"\b(?:{MONTH}|{WEEKDAY})(?![a-z])")
_ANY_YEAR = re.compile(rf"\b{YEAR}\b")
_DECADE = re.compile(r"\d0s\b")


def lacks_year(expression: str) -> bool:
    """A month named without a year ("20 April"): the year is to be inferred."""
    t = clean(expression)
    return _ANY_YEAR.search(t) is None and re.search(rf"\b{MONTH}", t) is not None


def has_year(expression: str) -> bool:
    return _ANY_YEAR.search(clean(expression)) is not None


@lru_cache(maxsize=4096)
def _dateparser(t: str, pub: date, future: bool | None) -> Resolved | None:
    from dateparser.date import DateDataParser  # only the rare expression the rules miss

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    })
    data = parser.get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "week", "month", "year") else "day"
    return start_of(data.date_obj.date(), precision), precision


def _rules(t: str, pub: date | None, future: bool | None, ref: Resolved | None) -> Resolved | None:
    for attempt in (t, strip_hedges(t)):
        if not attempt:
            continue
        for rule in (relative, counted):
            out = rule(attempt, pub, future, ref)
            if out:
                return out
        out = (absolute(attempt, pub, future) or weekday(attempt, pub, future)
               or month_or_season(attempt, pub, future) or nth_week(attempt, pub, future))
        if out:
            return out
    return None


@lru_cache(maxsize=16384)
@declines
def resolve_cached(expression: str, published: date | None, future: bool | None,
                   ref: Resolved | None) -> Resolved | None:
    t = strip_times(clean(expression))
    if not t:
        return None
    out = _rules(t, published, future, ref) or embedded(t, published, future)
    if out:
        return out
    # The general parser only where the words carry a calendar name or a year: elsewhere it
    # invents dates from durations and ordinals, and it would settle the order of 4/5/2018
    # by a locale it cannot know.
    if published is not None and _DATEISH.search(t) and not (_DECADE.search(t) or NUMERIC.search(t)):
        out = _dateparser(strip_hedges(t), published, future)
        if out:
            return out
    m = _ANY_YEAR.search(t)
    if m and not re.search(r"\d{4}s\b|\byears?\b", t):
        return date(int(m.group("year")), 1, 1), "year"
    return None


def resolve(expression: str, published: date | None, future: bool | None = False,
            ref: Resolved | None = None) -> Resolved | None:
    """The date an expression denotes, as (first day of its period, precision), or None.

    ``published`` anchors deictic words ("yesterday", "last month", bare weekdays); without it
    only fully specified dates resolve. ``future`` points bare weekdays and month-days forward.
    ``ref`` is the narrative time for "a week earlier", "the next day" (the publication date
    when absent).
    """
    if isinstance(published, datetime):
        published = published.date()
    return resolve_cached(expression, published, future, ref)
