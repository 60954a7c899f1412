"""Relative expressions: the table of deictic and narrative phrases ("last month", "the
next day") and counts ("two days ago", "a week earlier", "in two weeks")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .periods import Resolved, coarser, shift, start_of, weekend
from .words import NUM, NUMBERS, RELATIVE, UNIT, UNITS, VAGUE, clean, strip_hedges, strip_times


_APPROX = (r"(?:(?:about|around|some|nearly|almost|roughly|more than|less than|over|under|just|"
           r"only|barely|at least|mere|a mere)\s+)?")
# "two days", or a bare plural ("hours before", "days after"), a vague count.
_COUNT = rf"{_APPROX}(?:{NUM}[\s-]+{UNIT}|(?P<bare>hours|days|weeks|months|years|decades))"
_COUNTED = re.compile(
    rf"{_COUNT}\s+"
    rf"(?P<dir>ago|earlier|later|before|after|prior|previously|on|from now|hence|back)")
_IN_COUNTED = re.compile(rf"(?:in|within)\s+(?:(?:about|around|just|some)\s+)?{NUM}\s+{UNIT}")
_PAST_COUNTED = re.compile(
    rf"(?:(?:over|in|during|within|for)\s+)?(?:the\s+)?(?P<dir>past|last|previous|next|coming|"
    rf"following|preceding)\s+(?:{NUM}\s+)?{UNIT}")
_WIDER = {"hour": "day", "day": "week", "week": "month", "fortnight": "month", "month": "year",
          "year": "year", "decade": "year"}
_MINUS = {"ago", "earlier", "before", "prior", "previously", "back"}
_NARRATIVE_DIRS = {"earlier", "later", "before", "after", "prior", "previously", "on"}


def is_count(expression: str) -> bool:
    """Whether the words are a count of units ("two days", "just a week", "hours"), the kind
    that "after <event>" turns into a date."""
    return re.fullmatch(_COUNT, clean(expression)) is not None


def is_narrative(expression: str) -> bool:
    """Whether the expression counts from the narrative time rather than the publication
    date ("a week earlier", "the next day"), so that its caller should pass ``ref``."""
    t = strip_hedges(strip_times(clean(expression)))
    row = RELATIVE.get(t)
    if row is not None:
        return row[0] == "ref"
    m = _COUNTED.fullmatch(t)
    return bool(m and m.group("dir") in _NARRATIVE_DIRS)


def _number(s: str) -> int:
    return int(s) if s.isdigit() else NUMBERS[s]


def counted(t: str, pub: date | None, future: bool | None, ref: Resolved | None) -> Resolved | None:
    m = _COUNTED.fullmatch(t)
    if m:
        direction = m.group("dir")
        if m.group("bare"):
            unit = UNITS[m.group("bare")[:-1]]
            n, vague = (0 if unit == "hour" else 2), True
        else:
            unit, n = UNITS[m.group("unit")], _number(m.group("num"))
            vague = m.group("num") in VAGUE
        narrative = direction in _NARRATIVE_DIRS
        if narrative and ref is not None:
            base, base_precision = ref
        elif pub is not None:
            base, base_precision = pub, "day"
        else:
            return None
        sign = -1 if direction in _MINUS else 1
        if vague:
            base_precision = coarser(base_precision, _WIDER.get(unit, unit))
        return _step(base, base_precision, unit, sign * n)
    m = _IN_COUNTED.fullmatch(t)
    if m:
        # "in two weeks" dates a planned act; said of the past it is a duration.
        if not future or pub is None:
            return None
        return _step(pub, "day", UNITS[m.group("unit")], _number(m.group("num")))
    m = _PAST_COUNTED.fullmatch(t)
    if m and pub is not None:
        n = _number(m.group("num")) if m.group("num") else 1
        unit = UNITS[m.group("unit")]
        if m.group("dir") in ("next", "coming", "following"):
            return _step(pub, "day", unit, 0 if unit != "hour" else 0)
        return _step(pub, "day", unit, -n)
    return None


def _step(base: date, base_precision: str, unit: str, n: int) -> Resolved:
    if unit == "hour":
        return start_of(base - timedelta(days=1 if n < -12 else 0), base_precision), base_precision
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "decade":
        unit, n = "year", 10 * n
    precision = coarser(base_precision, unit)
    return start_of(shift(base, unit, n), precision), precision


def relative(t: str, pub: date | None, future: bool | None, ref: Resolved | None) -> Resolved | None:
    row = RELATIVE.get(t)
    if row is None:
        return None
    base_kind, unit, offset, precision = row
    if base_kind == "ref" and ref is not None:
        base, precision = ref[0], coarser(ref[1], precision)
    elif pub is not None:
        base = pub
    else:
        return None
    if unit == "weekend":
        return start_of(weekend(base, offset, future), precision), precision
    if unit != "day":
        base = start_of(base, unit)
    return start_of(shift(base, unit, offset), precision), precision
