"""Calendar dates: month-days, months, years, decades, ranges, holidays, weekdays and
seasons, placed in a year by the publication date and the direction of the tense. A season
(northern) resolves to the year it begins in, with year precision."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .periods import Resolved, add_months, start_of
from .words import (HOLIDAYS, MONTH, MONTHS, ORD, PART_OF_DAY, SEASONS, WEEKDAY, WEEKDAYS, YEAR,
                    strip_hedges)


_MDY = re.compile(rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>\d{{1,2}}){ORD}(?:,?\s+{YEAR})?")
_DMY = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}}){ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?")
_MY = re.compile(rf"{MONTH}(?:,?\s+(?:of\s+)?{YEAR})?")
_MONTH_REL_YEAR = re.compile(rf"{MONTH},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
# 19/04/2018, 4.19.2018: read only where the order is certain (one part above 12).
NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
_REL_MONTH = re.compile(rf"(?P<rel>last|next|this|this past|this coming|coming|past)\s+{MONTH}")
_SEASON = re.compile(r"(?:(?P<rel>last|next|this|this past|this coming|coming|past|the)\s+)?"
                     r"(?P<season>spring|summer|autumn|fall|winter)")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_Y = re.compile(rf"(?:the year\s+)?{YEAR}")
_YEAR_RANGE = re.compile(
    rf"(?:(?:from|between)\s+)?{YEAR}\s*(?:-|/|\sto\s|\sthrough\s|\sand\s|\suntil\s)\s*(?:\d{{2}}|\d{{4}})")
_DECADE = re.compile(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0|'?(?P<short>\d)0)'?s")
_DAY_ONLY = re.compile(rf"(?:the\s+)?(?P<day>\d{{1,2}}){ORD}")
_STRICT_DAY = re.compile(r"the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)")
_WEEKDAY_X = re.compile(
    rf"(?:(?P<rel>last|next|this|this past|this coming|coming|past)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?:\s+{PART_OF_DAY})?")
_RANGE = re.compile(
    r"(?:(?:from|between)\s+)?(?P<a>.+?)\s*(?:\s(?:to|through|thru|until|till|and)\s|-|/)\s*(?P<b>.+)")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 5, "final": 5}
_NTH_WEEK = re.compile(rf"(?:the\s+)?(?P<nth>{'|'.join(_ORDINALS)})\s+week\s+of\s+{MONTH}(?:,?\s+{YEAR})?")
_HOLIDAY = re.compile(r"(?P<name>" + "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True))
                      + rf")(?:,?\s+{YEAR})?")


def _cost(lo: date, hi: date, pub: date) -> int:
    # Days from the publication date to the period; the future counts double, for news tells
    # of what happened more than of what will.
    if hi < pub:
        return (pub - hi).days
    if lo > pub + timedelta(days=1):
        return 2 * (lo - pub).days
    return 0


def _year_for(month: int, day: int | None, pub: date, future: bool | None) -> int:
    d = day or 1
    if future is None:  # tense unknown or present: the nearest, leaning to the past
        def cost(y: int) -> int:
            lo = _safe(y, month, d) or date(y, month, 28)
            hi = lo if day else add_months(date(y, month, 1), 1) - timedelta(days=1)
            return _cost(lo, hi, pub)
        return min((pub.year, pub.year - 1, pub.year + 1), key=cost)
    if future:
        candidate = _safe(pub.year, month, d)
        floor = pub if day else pub.replace(day=1)
        return pub.year if candidate and candidate >= floor else pub.year + 1
    candidate = _safe(pub.year, month, d)
    ceiling = pub + timedelta(days=1) if day else pub
    return pub.year if candidate and candidate <= ceiling else pub.year - 1


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _fields(t: str) -> dict[str, int] | None:
    """Year, month, day parsed from an absolute expression; None when it is not one."""
    for rx in (_ISO, _MDY, _DMY, _MY, _Y):
        m = rx.fullmatch(t)
        if m:
            g = m.groupdict()
            out: dict[str, int] = {}
            if g.get("year"):
                out["year"] = int(g["year"])
            if g.get("month"):
                mo = g["month"]
                out["month"] = int(mo) if mo.isdigit() else MONTHS[mo]
            if g.get("day"):
                out["day"] = int(g["day"])
            return out
    m = _DAY_ONLY.fullmatch(t)
    if m:
        return {"day": int(m.group("day"))}
    return None


def _from_fields(f: dict[str, int], pub: date | None, future: bool | None) -> Resolved | None:
    month, day, year = f.get("month"), f.get("day"), f.get("year")
    if month is None:
        if year is not None and day is None:
            return date(year, 1, 1), "year"
        if day is not None and year is None and pub is not None:
            return _day_of_month(day, pub, future)
        return None
    if year is None:
        if pub is None:
            return None
        year = _year_for(month, day, pub, future)
    if day is None:
        return date(year, month, 1), "month"
    d = _safe(year, month, day)
    return (d, "day") if d else None


def _day_of_month(day: int, pub: date, future: bool | None) -> Resolved | None:
    """"On the 13th": the nearest such day in the publication month's direction."""
    if future is None:
        found = [c for k in (0, -1, 1, -2) if (c := _safe(*_ym(add_months(pub.replace(day=1), k)), day))]
        return (min(found, key=lambda c: _cost(c, c, pub)), "day") if found else None
    for k in range(0, 3):
        d = add_months(pub.replace(day=1), k if future else -k)
        c = _safe(d.year, d.month, day)
        if c and (c >= pub if future else c <= pub):
            return c, "day"
    return None


def nth_week(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    """"The first week of March": the week holding that month's 1st, 8th, ... day."""
    m = _NTH_WEEK.fullmatch(t)
    if m is None:
        return None
    month = MONTHS[m.group("month")]
    if m.group("year"):
        year = int(m.group("year"))
    elif pub is not None:
        year = _year_for(month, None, pub, future)
    else:
        return None
    n = _ORDINALS[m.group("nth")]
    first = date(year, month, 1)
    day = add_months(first, 1) - timedelta(days=7) if n == 5 else first + timedelta(days=7 * (n - 1))
    return start_of(day, "week"), "week"


def _numeric(t: str) -> Resolved | None:
    m = NUMERIC.search(t)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a > 12 >= b:
        d = _safe(year, b, a)
    elif b > 12 >= a or a == b:
        d = _safe(year, a, b)
    else:
        return None
    return (d, "day") if d else None


def absolute(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    m = _YEAR_RANGE.fullmatch(t)
    if m:  # "2001-2006", "2017-18": the first year
        return date(int(m.group("year")), 1, 1), "year"
    m = _HOLIDAY.fullmatch(t)
    if m:
        month, day = HOLIDAYS[m.group("name")]
        f = {"month": month, "day": day}
        if m.group("year"):
            f["year"] = int(m.group("year"))
        return _from_fields(f, pub, future)
    f = _fields(t)
    # A bare number is a day only inside a range ("3 to 5 March"); alone it needs "the" or
    # an ordinal ("the 13th").
    if f is not None and ("month" in f or "year" in f or _STRICT_DAY.fullmatch(t)):
        return _from_fields(f, pub, future)
    m = _RANGE.fullmatch(t)
    if m:
        start, end = _fields(strip_hedges(m.group("a"))), _fields(strip_hedges(m.group("b")))
        if start is not None and end is not None and ("month" in start or "month" in end):
            for key in ("month", "year"):
                if key not in start and key in end:
                    start[key] = end[key]
            if "day" in end and "day" not in start and "month" in start and m.group("a").isdigit():
                return None
            return _from_fields(start, pub, future)
        # "Thursday to Saturday": take the first weekday.
        if m.group("a") and _WEEKDAY_X.fullmatch(strip_hedges(m.group("a"))):
            return weekday(strip_hedges(m.group("a")), pub, future)
    m = _DECADE.fullmatch(t)
    if m:
        if m.group("cent"):
            return date(int(m.group("cent") + m.group("dec") + "0"), 1, 1), "year"
        if pub is None:
            return None
        short = int(m.group("short")) * 10
        century = pub.year // 100 * 100
        y = century + short if century + short <= pub.year else century - 100 + short
        return date(y, 1, 1), "year"
    return None


def month_or_season(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    if pub is None:
        return None
    m = _MONTH_REL_YEAR.fullmatch(t)
    if m:  # "January last year", "March of this year"
        year = pub.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        return date(year, MONTHS[m.group("month")], 1), "month"
    m = _REL_MONTH.fullmatch(t)
    if m:
        month, rel, precision = MONTHS[m.group("month")], m.group("rel"), "month"
    else:
        m = _SEASON.fullmatch(t)
        if m is None:
            return None
        month, rel, precision = SEASONS[m.group("season")], m.group("rel") or "", "year"
    if rel in ("last", "past", "this past"):
        # "last September" said in September is a year ago.
        year = pub.year if month < pub.month else pub.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = _year_for(month, None, pub, future)
    return date(year, month, 1) if precision == "month" else date(year, 1, 1), precision


def weekday(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    m = _WEEKDAY_X.fullmatch(t)
    if m is None or pub is None:
        return None
    target = WEEKDAYS[m.group("wd").rstrip(".")]
    rel = m.group("rel") or ""
    back = (pub.weekday() - target) % 7  # 0..6 days back to that weekday
    ahead = (target - pub.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return pub - timedelta(days=back or 7), "day"
    if rel in ("next", "coming", "this coming"):
        return pub + timedelta(days=ahead or 7), "day"
    return (pub + timedelta(days=ahead), "day") if future else (pub - timedelta(days=back), "day")


def embedded(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    """A calendar date inside longer words: "a sixth straight day friday", "19/04/2018"."""
    out = _numeric(t)
    if out:
        return out
    for rx in (_MDY, _DMY):
        m = rx.search(t)
        if m:
            return absolute(m.group(0), pub, future)
    m = re.search(rf"\b(?:(?:last|next|this)\s+)?{WEEKDAY}(?![a-z])", t)
    if m:
        return weekday(m.group(0), pub, future)
    return None
