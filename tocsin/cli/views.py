"""What the commands print for a person: events and places laid out for the terminal's width (80 columns and up).

An event takes one line of fixed columns (date, source, event, target, modality, place), its
sentence wrapped under it in full, and a dim line with who reports it, the confidence and the
id. Tables never squeeze a sentence into a column three characters wide.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import typer
from rich.box import SIMPLE_HEAD
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .common import clean, plain


def register(app: typer.Typer) -> None:  # this module adds no command
    return None


@dataclass
class EventView:
    date: str
    source: str
    event: str
    target: str
    modality: str
    place: str
    sentence: str
    details: str


def _actor(text: str | None, code: str | None) -> str:
    return code or text or "-"


def from_record(e: dict) -> EventView:
    """An event in the interchange format (``Event.record()``)."""
    src, tgt, att, loc = e.get("source") or {}, e.get("target") or {}, e.get("attributed_to") or {}, \
        e.get("location") or {}
    plover = (e.get("plover") or {}).get("type")
    details = [f"by {att.get('text')}" if att.get("text") else "",
               f"{src.get('text')} -> {tgt.get('text') or '-'}" if src.get("text") or tgt.get("text") else "",
               f"confidence {e['confidence']:.2f}" if e.get("confidence") is not None else "", e.get("event_id", "")]
    return EventView(str(e.get("date") or "undated"), _actor(src.get("text"), src.get("code")),
                     f"{e['cameo']} {plover or ''}".strip(), _actor(tgt.get("text"), tgt.get("code")),
                     e.get("modality") or "", loc.get("name") or "", e.get("sentence") or "",
                     " · ".join(d for d in details if d))


def from_row(e: dict) -> EventView:
    """An event as the store's queries return it (flat columns)."""
    reports = e.get("num_articles")
    details = [f"by {e['attributed_to_text']}" if e.get("attributed_to_text") else "",
               f"{e.get('source_text') or '-'} -> {e.get('target_text') or '-'}"
               if e.get("source_text") or e.get("target_text") else "",
               f"{reports} report(s)" if reports else "", e.get("event_id") or ""]
    return EventView(str(e.get("date") or "undated"), _actor(e.get("source_text"), e.get("source_code")),
                     f"{e['cameo']} {e.get('plover_type') or ''}".strip(),
                     _actor(e.get("target_text"), e.get("target_code")), e.get("modality") or "",
                     e.get("location_name") or "", e.get("sentence") or "", " · ".join(d for d in details if d))


_FIXED = (("date", 10), ("event", 13), ("modality", 12))


def _cell(text: str, width: int) -> str:
    text = clean(text)
    return text if len(text) <= width else text[:max(0, width - 1)] + "\u2026"


def _widths(total: int) -> dict[str, int]:
    free = max(30, total - sum(w for _, w in _FIXED) - 5)  # five one-space gaps between six columns
    return {"date": 10, "source": free // 3, "event": 13, "target": free // 3, "modality": 12,
            "place": free - 2 * (free // 3)}


def show_events(console: Console, views: list[EventView]) -> None:
    """A header, then per event its row, its sentence indented under it, and a dim line of details."""
    w = _widths(console.width)
    cols = list(w)
    console.print(Text(" ".join(c.ljust(w[c]) for c in cols).rstrip(), style="bold"), highlight=False)
    for v in views:
        row = Text()
        for n, c in enumerate(cols):
            style = {"source": "bold", "target": "bold", "event": "cyan"}.get(c, "")
            row.append(_cell(getattr(v, c), w[c]).ljust(w[c]) if n < len(cols) - 1 else _cell(getattr(v, c), w[c]),
                       style=style)
            if n < len(cols) - 1:
                row.append(" ")
        console.print(row, highlight=False, no_wrap=True, overflow="ellipsis")
        console.print(Text(_indented(clean(v.sentence), console.width)), highlight=False, soft_wrap=True)
        if v.details:
            console.print(Text(_indented(clean(v.details), console.width), style="dim"), highlight=False,
                          soft_wrap=True)


def _indented(text: str, width: int) -> str:
    return textwrap.fill(" ".join(text.split()), width=max(40, width), initial_indent="    ",
                         subsequent_indent="    ", break_on_hyphens=False)


def places_table(rows) -> Table:
    """Place mentions: the name as written, the place it resolves to, country, point, feature, id."""
    t = Table(box=SIMPLE_HEAD, pad_edge=False, expand=True, header_style="bold")
    t.add_column("article", no_wrap=True, overflow="ellipsis", ratio=1, min_width=8)
    t.add_column("text", no_wrap=True, overflow="ellipsis", ratio=1)
    t.add_column("place", no_wrap=True, overflow="ellipsis", ratio=1)
    t.add_column("cc", no_wrap=True)
    t.add_column("lat", justify="right", no_wrap=True)
    t.add_column("lon", justify="right", no_wrap=True)
    t.add_column("feature", no_wrap=True)
    t.add_column("geonameid", justify="right", no_wrap=True)
    for p in rows:
        t.add_row(plain(p.article_id), plain(p.text), plain(p.name), plain(p.country or ""),
                  f"{p.lat:.2f}" if p.lat is not None else "", f"{p.lon:.2f}" if p.lon is not None else "",
                  plain(p.feature or ""), str(p.geonameid or ""))
    return t
