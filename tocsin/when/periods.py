"""Calendar arithmetic shared by the resolvers: periods, their first days, moving by units."""
from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Callable, TypeVar

# A resolved expression: the first day of its period, and the precision.
Resolved = tuple[date, str]

_F = TypeVar("_F", bound=Callable)


def declines(fn: _F) -> _F:
    """Date arithmetic that leaves the calendar (years 1 to 9999) gives no date, never an error.

    A publication date of 9999-12-31 has no "tomorrow", 0001-01-01 no "last month": the
    expression declines, and the event falls back on what else dates it.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (OverflowError, ValueError):
            return None

    return wrapper  # type: ignore[return-value]


# Coarser precision last: combining two dates keeps the coarser one.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


def coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def start_of(d: date, precision: str) -> date:
    """The first day of the period of ``precision`` holding ``d`` (ISO weeks start on Monday)."""
    if precision == "week":
        return d - timedelta(days=d.weekday())
    if precision == "month":
        return d.replace(day=1)
    if precision == "year":
        return d.replace(month=1, day=1)
    return d


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    # Clamp: one month after January 31 is the last day of February.
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)  # pragma: no cover - day 28 exists in every month


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, month, year)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "year":
        return add_months(d, 12 * n)
    raise ValueError(unit)


def weekend(base: date, offset: int, future: bool) -> date:
    """Saturday of the weekend meant by "this/last/next weekend" said on ``base``."""
    if future:
        sat = base + timedelta(days=(5 - base.weekday()) % 7)
        if base.weekday() == 6:  # on a Sunday, "this weekend" is the one under way
            sat = base - timedelta(days=1)
        return sat + timedelta(weeks=max(offset, 0))
    # The most recent Saturday on or before ``base`` (yesterday when said on a Sunday).
    sat = base - timedelta(days=(base.weekday() - 5) % 7)
    if offset > 0:
        return sat + timedelta(weeks=offset)
    if offset < 0 and base.weekday() in (5, 6):
        # Said during a weekend, "last weekend" is the one before.
        sat -= timedelta(weeks=1)
    return sat
