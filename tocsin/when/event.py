"""The date of one event: pick the temporal mention tied to its trigger, resolve it.

Order of preference: a mention attached to the trigger itself (its preposition, its
modifier, a clause describing it), then one dating the trigger's clause, then any other
mention of the sentence whose clause shares the trigger's tense (a date of a future
predicate never dates a past event). A noun that is the object of "after"/"before"/"since"
takes only a date of its own: the sentence's other dates belong to what came after it.
When the text says nothing, the publication date stands in, marked ``from_text=False``.

Mentions are found once per sentence and kept on the Doc itself (``doc._.tocsin_dates``, so
they die with it and no two articles, or threads, share them); results are kept per
trigger, so many events in one sentence cost one pass.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime

from spacy.tokens import Doc, Span, Token

from .attach import Mention, mentions, remote, tier, time_entities
from .era import past_tenure
from .expressions import Resolved, has_year, lacks_year, resolve
from .periods import declines
from .tense import direction, looks_future


@dataclass(frozen=True)
class EventDate:
    """``date``: ISO "YYYY-MM-DD", the first day of the period at ``precision``.
    ``from_text``: False when the publication date stands in because the text says nothing."""

    date: str | None
    precision: str | None
    from_text: bool


@dataclass
class _DocState:
    starts: list[int] = field(default_factory=list)  # first token of each sentence
    ents: list[tuple[int, int]] = field(default_factory=list)
    sentences: dict[int, list[Mention]] = field(default_factory=dict)
    timelines: dict[date | None, tuple[list[int], list[Resolved]]] = field(default_factory=dict)
    results: dict[tuple[int, date | None, bool], EventDate] = field(default_factory=dict)


if not Doc.has_extension("tocsin_dates"):
    Doc.set_extension("tocsin_dates", default=None)
_TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "till"})
_MAX_DEPTH = 2
# Ranks of a candidate mention, best first: attached to the trigger; right after an anchor
# noun; dating the trigger's clause; a count running from the trigger; elsewhere in the
# sentence (a clause's, then a noun's). A narrative mention drops a quarter rank.
_OWN, _ADJACENT, _CLAUSE, _COUNTED_FROM, _SENTENCE, _SENTENCE_NOUN = 0.0, 0.5, 1.0, 1.5, 2.0, 3.0
_NARRATIVE = 0.25
_OPPOSITE = {"after": "before", "before": "after"}
_ADJACENT_PREPS = frozenset({"on", "in", "of", "at"})


def _state(doc: Doc) -> _DocState:
    st = doc._.tocsin_dates
    if st is None:
        # Token.sent and Span.ents walk the Doc on every call: index both once.
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        st = doc._.tocsin_dates = _DocState(starts or [0], time_entities(doc))
    return st


def _mentions(st: _DocState, sent: Span) -> list[Mention]:
    ms = st.sentences.get(sent.start)
    if ms is None:
        ms = st.sentences[sent.start] = mentions(sent, st.ents)
    return ms


def _sentence(st: _DocState, doc: Doc, i: int) -> Span:
    # Without sentence boundaries (no parser in the pipeline) the whole text is one sentence.
    k = bisect.bisect_right(st.starts, i)
    end = st.starts[k] if k < len(st.starts) else len(doc)
    return doc[st.starts[k - 1]:end]


def _timeline(st: _DocState, doc: Doc, published: date | None) -> tuple[list[int], list[Resolved]]:
    """Every date the text fixes, in order, for the narrative time of "a week earlier"."""
    tl = st.timelines.get(published)
    if tl is not None:
        return tl
    starts: list[int] = []
    dates: list[Resolved] = []
    for k, start in enumerate(st.starts):
        end = st.starts[k + 1] if k + 1 < len(st.starts) else len(doc)
        for m in _mentions(st, doc[start:end]):
            if m.anchor is not None or m.ends or m.bound:
                continue
            ref = dates[-1] if (m.narrative and dates) else None
            r = resolve(m.text, published, direction(doc[m.attach]), ref)
            if r is not None:
                starts.append(m.start)
                dates.append(r)
    tl = st.timelines[published] = (starts, dates)
    return tl


def _reference(st: _DocState, doc: Doc, before: int, published: date | None) -> Resolved | None:
    starts, dates = _timeline(st, doc, published)
    k = bisect.bisect_left(starts, before)
    return dates[k - 1] if k else None


def _recent_day(st: _DocState, doc: Doc, before: int, published: date | None) -> Resolved | None:
    """The last day the text fixed before token ``before``, if it did so in the same sentence
    or the one before."""
    starts, dates = _timeline(st, doc, published)
    k = bisect.bisect_left(starts, before)
    if not k or dates[k - 1][1] != "day":
        return None
    s = bisect.bisect_right(st.starts, before) - 1  # the sentence holding ``before``
    prev_start = st.starts[s - 1] if s > 0 else 0
    return dates[k - 1] if starts[k - 1] >= prev_start else None


def _resolve_mention(st: _DocState, doc: Doc, m: Mention, published: date | None, future: bool | None,
                     depth: int) -> Resolved | None:
    if m.anchor is not None:
        if depth >= _MAX_DEPTH:
            return None
        inner = next((x for x in _mentions(st, _sentence(st, doc, m.anchor))
                      if x.start <= m.anchor < x.end), None)
        if inner is not None:  # "two weeks before Christmas": it runs from a date
            base = _resolve_mention(st, doc, inner, published, future, depth + 1)
        else:
            base = _date_of(st, doc[m.anchor], published, future, depth + 1, exclude=m)
        if base is None and doc[m.anchor].pos_ not in ("VERB", "AUX"):
            # An undated "the ambush" right after a sentence that dated one is most often that
            # one; a clause ("after Americans voted") tells of another event.
            base = _recent_day(st, doc, m.start, published)
        return resolve(m.text, published, future, base) if base is not None else None
    if m.narrative:
        return resolve(m.text, published, future, _reference(st, doc, m.start, published))
    if lacks_year(m.text):
        # "On 17 July 2017 ... the decision of 20 April": the year the sentence just gave.
        for prior in reversed(_mentions(st, _sentence(st, doc, m.start))):
            if prior.start < m.start and has_year(prior.text):
                base = resolve(prior.text, published, future)
                if base is not None and base[1] in ("day", "month"):
                    return resolve(m.text, base[0], future)
                break
    return resolve(m.text, published, future)


def _counted_back(st: _DocState, doc: Doc, m: Mention, published: date | None, future: bool | None,
                  depth: int) -> Resolved | None:
    """The anchor of "vetoed on Friday, a day after Moscow blocked ...": Friday minus a day."""
    if depth >= _MAX_DEPTH:
        return None
    base = _date_of(st, doc[m.attach], published, future, depth + 1, exclude=m, own_only=False)
    if base is None:
        return None
    words, cue = m.text.rsplit(" ", 1)
    return resolve(f"{words} {_OPPOSITE[cue]}", published, future, base)


def _rank(st: _DocState, trigger: Token, ms: list[Mention], fut: bool | None, depth: int,
          exclude: Mention | None, own_only: bool) -> list[tuple[float, int, Mention]]:
    """The trigger's candidate mentions, best first, each with its rank."""
    doc = trigger.doc
    ranked = []
    for m in ms:
        if m is exclude or m.ends or m.bound or m.start <= trigger.i < m.end:
            continue
        if m.anchor == trigger.i:
            if depth == 0:
                ranked.append((_COUNTED_FROM, abs(m.start - trigger.i), m))
            continue
        t = tier(trigger, m)
        if own_only and t > 0:
            continue
        if t == 2 and m.nominal and doc[m.attach].dep_ == "dobj" and doc[m.attach].head.i == trigger.i:
            continue  # "criticised NATO's 2011 intervention": the year is the intervention's, not the criticism's
        if (t == 2 and m.nominal and any(doc[i].dep_ == "poss" for i in range(m.start, m.end))
                and doc[m.attach].dep_ not in ("nsubj", "nsubjpass")):
            continue  # "citing fraud in November's election", "against Sunday's vote": the noun's own time
        if t == 2:
            # The start of another predicate's period ("summits since 2017") dates nothing else.
            if (looks_future(doc[m.attach]) != (fut is True) or remote(trigger, m)
                    or m.text.startswith("since ")):
                continue
        rank = (_OWN, _CLAUSE, _SENTENCE_NOUN if m.nominal else _SENTENCE)[t]
        # Within a rank, a mention that needs the narrative time yields to one that does not
        # ("in the early hours on Thursday").
        ranked.append((rank + _NARRATIVE * m.narrative, abs(m.start - trigger.i), m))
    if own_only and trigger.pos_ not in ("VERB", "AUX"):
        # "a day before the referendum on Sunday", the parser hanging "on Sunday" on the verb
        nxt = trigger.right_edge.i + 1
        for m in ms:
            if not m.ends and (m.start == nxt or (m.start == nxt + 1 and doc[nxt].lower_ in _ADJACENT_PREPS)):
                ranked.append((_ADJACENT, 0, m))
    ranked.sort(key=lambda x: (x[0], x[1]))
    return ranked


def _date_of(st: _DocState, trigger: Token, published: date | None, future: bool | None,
             depth: int = 0, exclude: Mention | None = None,
             own_only: bool | None = None) -> Resolved | None:
    doc = trigger.doc
    ms = _mentions(st, _sentence(st, doc, trigger.i))
    if not ms:
        return None
    fut = direction(trigger, future)
    if own_only is None:
        own_only = depth > 0 or (trigger.dep_ == "pobj" and trigger.head.lower_ in _TEMPORAL_PREPS)
    for rank, _, m in _rank(st, trigger, ms, fut, depth, exclude, own_only):
        if m.anchor == trigger.i:
            r = declines(_counted_back)(st, doc, m, published, fut, depth)
        else:
            # "decided on Thursday to ease sanctions": the easing is planned, but Thursday is
            # the deciding's, a past one.
            way = direction(doc[m.attach]) if fut is True and _CLAUSE <= rank < _SENTENCE else fut
            r = declines(_resolve_mention)(st, doc, m, published, way, depth)
        if r is None:
            continue
        # Another predicate's date after publication ("as planned next year") cannot date
        # an event that has happened or is happening.
        if rank >= _SENTENCE and fut is not True and published is not None and r[0] > published:
            continue
        return r
    return None


def event_date(trigger: Token, published: date | None, future: bool = False) -> EventDate:
    """The date of the event whose predicate is ``trigger``, from its sentence, against the
    publication date; ``future`` (the event's modality is future) points bare weekdays and
    month-days forward."""
    if isinstance(published, datetime):  # a timestamp would leak its time into the ISO date
        published = published.date()
    st = _state(trigger.doc)
    key = (trigger.i, published, future)
    hit = st.results.get(key)
    if hit is not None:
        return hit
    found = declines(_date_of)(st, trigger, published, future)
    if found is not None:
        out = EventDate(found[0].isoformat(), found[1], True)
    elif past_tenure(trigger, published):
        out = EventDate(None, None, False)  # "under Barack Obama, ties were restored": not the publication day
    else:
        out = stand_in(published)
    st.results[key] = out
    return out


def stand_in(published: date | None) -> EventDate:
    """The publication date in place of a date the text does not give (GDELT's convention)."""
    if published is None:
        return EventDate(None, None, False)
    return EventDate(published.isoformat(), "day", False)
