"""The words of dates: calendar names, numbers and units, the tables of relative
expressions and holidays, and the clean-up every expression goes through first."""
from __future__ import annotations

import re
from importlib import resources

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
# Northern seasons by their first month.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Words that narrow an expression within its period or mark its role but leave the period
# itself unchanged at the precision we keep ("earlier this month" is this month).
_HEDGE = re.compile(
    r"^(?:(?:earlier|later|early|late|mid|around|about|since|from|by|on|in|at|during|over|"
    r"throughout|as of|as early as|as late as|beginning|starting|until|till|through|"
    r"(?:at |by |toward |towards |near )?the (?:start|beginning|middle|end|turn|rest|"
    r"first half|second half|latter half|early part|latter part|night|morning|afternoon|"
    r"evening) of|the (?:month|year) of)[\s-]+)+"
)
_TIME_OF_DAY = re.compile(
    r"(?:\b(?:at|around|about|by|before|after|shortly after|shortly before)\s+)?"
    r"(?:\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b(?:noon|midnight|dawn|dusk|daybreak))"
    r"(?![a-z0-9])(?:\s*(?:local time|gmt|utc|edt|est|et|cet|msk)\b)?"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight|early hours)"
ORD = r"(?:st|nd|rd|th)?"
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:1\d|20|21)\d{2})"
NUM = r"(?P<num>\d+|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True)) + r")"
UNIT = r"(?P<unit>" + "|".join(UNITS) + r")s?"


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


def clean(expression: str) -> str:
    """Lower-case, straight quotes, single spaces, no edge punctuation."""
    t = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\s*-\s*", "-", t)
    # "his weekend arrest", "their Sunday rally": the possessive stands for "the".
    t = re.sub(r"^(?:his|her|their|its|our|my|your)\s+", "the ", t)
    t = re.sub(r"'s?$", "", t)  # "last week's talks", "next year's vote"
    return t.strip(" ,.;:()\"")


def strip_hedges(t: str) -> str:
    return _HEDGE.sub("", t).strip()


def strip_times(t: str) -> str:
    # A clock time never changes the day at our precision; "10 a.m. on Thursday" is Thursday.
    out = _TIME_OF_DAY.sub(" ", t)
    return re.sub(r"\s+", " ", out).strip(" ,") if out != t else t
