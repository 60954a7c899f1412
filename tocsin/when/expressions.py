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
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from .periods import add_months, coarser, shift, start_of, weekend

Resolved = tuple[date, str]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a few": 3,
    "few": 3, "several": 3, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozens of": 24,
}
# Counts that say "some": the period is widened one step ("a few days ago" is that week).
VAGUE = frozenset({"a few", "few", "several", "dozens of"})
UNITS = {"hour": "hour", "day": "day", "night": "day", "week": "week", "fortnight": "fortnight",
         "month": "month", "year": "year", "decade": "decade"}

# Words that narrow an expression within its period or mark its role but leave the period
# itself unchanged at the precision we keep ("earlier this month" is this month).
_HEDGE = re.compile(
    r"^(?:(?:earlier|later|early|late|mid|around|about|since|from|by|on|in|at|during|over|"
    r"throughout|as of|as early as|as late as|beginning|starting|until|till|through|"
    r"(?:at |by |toward |towards |near )?the (?:start|beginning|middle|end|turn|rest|"
    r"first half|second half|latter half|early part|latter part|night|morning|afternoon|"
    r"evening) of)[\s-]+)+"
)
_TIME_OF_DAY = re.compile(
    r"(?:\b(?:at|around|about|by|before|after|shortly after|shortly before)\s+)?"
    r"(?:\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b(?:noon|midnight|dawn|dusk|daybreak))"
    r"(?![a-z0-9])(?:\s*(?:local time|gmt|utc|edt|est|et|cet|msk)\b)?"
)
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight|early hours)"
_ORD = r"(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1\d|20|21)\d{2})"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>" + "|".join(UNITS) + r")s?"

_MDY = re.compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}(?:,?\s+{_YEAR})?")
_DMY = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?")
_MY = re.compile(rf"{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?")
_MONTH_REL_YEAR = re.compile(rf"{_MONTH},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
# 19/04/2018, 4.19.2018: read only where the order is certain (one part above 12).
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
_REL_MONTH = re.compile(rf"(?P<rel>last|next|this|this past|this coming|coming|past)\s+{_MONTH}")
# Northern seasons by their first month; resolved to the year they begin in (year precision:
# a season straddles months, and in winter, years).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = re.compile(r"(?:(?P<rel>last|next|this|this past|this coming|coming|past|the)\s+)?"
                     r"(?P<season>spring|summer|autumn|fall|winter)")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_Y = re.compile(rf"(?:the year\s+)?{_YEAR}")
_YEAR_RANGE = re.compile(
    rf"(?:(?:from|between)\s+)?{_YEAR}\s*(?:-|/|\sto\s|\sthrough\s|\sand\s|\suntil\s)\s*(?:\d{{2}}|\d{{4}})")
_DECADE = re.compile(r"(?:the\s+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0|'?(?P<short>\d)0)'?s")
_DAY_ONLY = re.compile(rf"(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}")
_STRICT_DAY = re.compile(r"the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)")
_WEEKDAY_X = re.compile(
    rf"(?:(?P<rel>last|next|this|this past|this coming|coming|past)\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?:\s+{_PART_OF_DAY})?")
_APPROX = (r"(?:(?:about|around|some|nearly|almost|roughly|more than|less than|over|under|just|"
           r"only|barely|at least|mere|a mere)\s+)?")
# "two days", or a bare plural ("hours before", "days after"), a vague count.
_COUNT = rf"{_APPROX}(?:{_NUM}[\s-]+{_UNIT}|(?P<bare>hours|days|weeks|months|years|decades))"
_COUNTED = re.compile(
    rf"{_COUNT}\s+"
    rf"(?P<dir>ago|earlier|later|before|after|prior|previously|on|from now|hence|back)")
_IN_COUNTED = re.compile(rf"(?:in|within)\s+(?:(?:about|around|just|some)\s+)?{_NUM}\s+{_UNIT}")
_PAST_COUNTED = re.compile(
    rf"(?:(?:over|in|during|within|for)\s+)?the\s+(?P<dir>past|last|previous|next|coming|"
    rf"following|preceding)\s+(?:{_NUM}\s+)?{_UNIT}")
_RANGE = re.compile(
    r"(?:(?:from|between)\s+)?(?P<a>.+?)\s*(?:\s(?:to|through|thru|until|till|and)\s|-|/)\s*(?P<b>.+)")
# The general parser's food: a month or a weekday. A year alone it pads with the day and
# month of the publication date ("Q1 2021" -> 21 March 2021).
_DATEISH = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})(?![a-z])")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 5, "final": 5}
_NTH_WEEK = re.compile(rf"(?:the\s+)?(?P<nth>{'|'.join(_ORDINALS)})\s+week\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?")
_ANY_YEAR = re.compile(rf"\b{_YEAR}\b")

_WIDER = {"hour": "day", "day": "week", "week": "month", "month": "year", "year": "year"}
_MINUS = {"ago", "earlier", "before", "prior", "previously", "back"}
_NARRATIVE_DIRS = {"earlier", "later", "before", "after", "prior", "previously", "on"}


def _table() -> dict[str, tuple[str, str, int, str]]:
    rows: dict[str, tuple[str, str, int, str]] = {}
    text = resources.files("tocsin.data").joinpath("when", "relative.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        expr, base, unit, offset, precision = line.split("\t")
        rows[expr] = (base, unit, int(offset), precision)
    return rows


RELATIVE = _table()


def _holidays() -> dict[str, tuple[int, int]]:
    text = resources.files("tocsin.data").joinpath("when", "holidays.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name: (int(month), int(day)) for name, month, day in rows}


HOLIDAYS = _holidays()
_HOLIDAY = re.compile(r"(?P<name>" + "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True))
                      + rf")(?:,?\s+{_YEAR})?")


def clean(expression: str) -> str:
    """Lower-case, straight quotes, single spaces, no edge punctuation."""
    t = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\s*-\s*", "-", t)
    # "his weekend arrest", "their Sunday rally": the possessive stands for "the".
    t = re.sub(r"^(?:his|her|their|its|our|my|your)\s+", "the ", t)
    return t.strip(" ,.;:()\"")


def strip_hedges(t: str) -> str:
    return _HEDGE.sub("", t).strip()


def is_count(expression: str) -> bool:
    """Whether the words are a count of units ("two days", "just a week", "hours"), the kind
    that "after <event>" turns into a date."""
    return re.fullmatch(_COUNT, clean(expression)) is not None


def lacks_year(expression: str) -> bool:
    """A month named without a year ("20 April"): the year is to be inferred."""
    t = clean(expression)
    return _ANY_YEAR.search(t) is None and re.search(rf"\b{_MONTH}", t) is not None


def has_year(expression: str) -> bool:
    return _ANY_YEAR.search(clean(expression)) is not None


def is_narrative(expression: str) -> bool:
    """Whether the expression counts from the narrative time rather than the publication
    date ("a week earlier", "the next day"), so that its caller should pass ``ref``."""
    t = strip_hedges(_strip_times(clean(expression)))
    row = RELATIVE.get(t)
    if row is not None:
        return row[0] == "ref"
    m = _COUNTED.fullmatch(t)
    return bool(m and m.group("dir") in _NARRATIVE_DIRS)


def _strip_times(t: str) -> str:
    # A clock time never changes the day at our precision; "10 a.m. on Thursday" is Thursday.
    out = _TIME_OF_DAY.sub(" ", t)
    return re.sub(r"\s+", " ", out).strip(" ,") if out != t else t


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


def _nth_week(t: str, pub: date | None, future: bool | None) -> Resolved | None:
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
    m = _NUMERIC.search(t)
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


def _absolute(t: str, pub: date | None, future: bool | None) -> Resolved | None:
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
            return _weekday(strip_hedges(m.group("a")), pub, future)
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


def _month_or_season(t: str, pub: date | None, future: bool | None) -> Resolved | None:
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


def _weekday(t: str, pub: date | None, future: bool | None) -> Resolved | None:
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


def _number(s: str) -> int:
    return int(s) if s.isdigit() else NUMBERS[s]


def _counted(t: str, pub: date | None, future: bool | None, ref: Resolved | None) -> Resolved | None:
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


def _relative(t: str, pub: date | None, future: bool | None, ref: Resolved | None) -> Resolved | None:
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
        for rule in (_relative, _counted):
            out = rule(attempt, pub, future, ref)
            if out:
                return out
        out = (_absolute(attempt, pub, future) or _weekday(attempt, pub, future)
               or _month_or_season(attempt, pub, future) or _nth_week(attempt, pub, future))
        if out:
            return out
    return None


def _embedded(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    """A calendar date inside longer words: "a sixth straight day friday", "19/04/2018"."""
    out = _numeric(t)
    if out:
        return out
    for rx in (_MDY, _DMY):
        m = rx.search(t)
        if m:
            return _absolute(m.group(0), pub, future)
    m = re.search(rf"\b(?:(?:last|next|this)\s+)?{_WEEKDAY}(?![a-z])", t)
    if m:
        return _weekday(m.group(0), pub, future)
    return None


@lru_cache(maxsize=16384)
def resolve_cached(expression: str, published: date | None, future: bool | None,
                   ref: Resolved | None) -> Resolved | None:
    t = _strip_times(clean(expression))
    if not t:
        return None
    out = _rules(t, published, future, ref) or _embedded(t, published, future)
    if out:
        return out
    # The general parser only where the words carry a calendar name or a year: elsewhere it
    # invents dates from durations and ordinals, and it would settle the order of 4/5/2018
    # by a locale it cannot know.
    if published is not None and _DATEISH.search(t) and not (_DECADE.search(t) or _NUMERIC.search(t)):
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
