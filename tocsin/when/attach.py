"""Temporal mentions of a sentence and the word each one modifies.

A mention is a DATE/TIME entity (or a day word the recogniser missed) widened by the cue
words around it that change its meaning: "since", "from", "last" before; "ago", "earlier",
"after <event>" behind. Its attachment is the word whose time it gives: the head of its
preposition or the word it modifies, except that "two days after <event>" modifies the
clause the "after" phrase hangs from, and counts from <event>.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..nlp import month_as_name
from .relative import is_count, is_narrative
from .words import MONTHS, RELATIVE, UNITS, WEEKDAYS, clean

# Full names only: "sat", "wed", "sun" are words too; the recogniser catches the real ones.
_DAY_WORDS = frozenset(w for w in WEEKDAYS if w.endswith("day")) | {"yesterday", "today", "tonight",
                                                                  "tomorrow"}
_LEFT_CUES = frozenset({
    "since", "from", "between", "until", "till", "through", "by", "early", "late", "mid",
    "earlier", "later", "last", "next", "this", "coming", "past",
})
_RIGHT_CUES = frozenset({"ago", "earlier", "later", "prior", "previously", "hence"})
_ANCHOR_CUES = frozenset({"after", "before"})
# The end of a period ("until Friday") says when something stops, not when it happened.
_END_CUES = frozenset({"until", "till", "through", "to", "thru"})
_VERBISH = ("VERB", "AUX")
# Words that head a time phrase the recogniser may miss ("that same day", "the next morning").
_PERIOD_NOUNS = frozenset({"day", "week", "month", "year", "night", "morning", "evening",
                           "afternoon", "weekend"})
_NOMINAL_DEPS = frozenset({"compound", "poss", "nmod", "amod", "nummod"})


@dataclass(frozen=True)
class Mention:
    start: int  # token offsets in the Doc, end exclusive
    end: int
    text: str  # the words handed to ``resolve``
    attach: int  # token index of the word the mention dates
    anchor: int | None = None  # "after/before <anchor>": the event it counts from
    narrative: bool = False  # counts from the narrative time ("a week earlier")
    ends: bool = False  # the end of a period: never an event's date
    nominal: bool = False  # "the decision of 20 April", "the March 17 explosion": the noun's own
    bound: bool = False  # what a count runs from ("two weeks before Christmas"): no event's date


def time_entities(doc) -> list[tuple[int, int]]:
    """The DATE and TIME entities of a Doc as token offsets, without names the recogniser took for dates."""
    return [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME") and not _no_date(e)]


# nouns a feast's name may qualify and still be a time ("Christmas Eve", "the Easter weekend")
_TIME_HEADS = frozenset({"eve", "day", "days", "weekend", "holiday", "holidays", "period", "season", "break", "week",
                         "morning", "night", "evening", "time"})


def _no_date(ent) -> bool:
    """"May said the talks were useful": a month's name that is a clause's subject or a possessor is a person;
    "the Christmas market": a feast's name that only qualifies another noun names no date."""
    if len(ent) != 1:
        return False
    tok = ent[0]
    if month_as_name(tok):
        return True
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in _TIME_HEADS and not tok.like_num


def _counts_from(words: str, cue: str) -> bool:
    """"two days" + "after", "the day" + "before": a count that needs what it runs from."""
    row = RELATIVE.get(f"{clean(words)} {cue}")
    return is_count(words) or (row is not None and row[0] == "ref")


def _split(doc, start: int, end: int) -> list[tuple[int, int]]:
    # "two weeks before Christmas" as one entity: the count and the date it runs from.
    for k in range(start + 1, end - 1):
        cue = doc[k].lower_
        if cue in _ANCHOR_CUES and _counts_from(doc[start:k].text, cue):
            return [(start, k), (k + 1, end)]
    return [(start, end)]


def _spans(sent: Span, ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = sent.doc
    spans = [part for s, e in ents if sent.start <= s and e <= sent.end for part in _split(doc, s, e)]
    covered = {i for s, e in spans for i in range(s, e)}
    for tok in sent:
        if tok.i in covered:
            continue
        low = tok.lower_.rstrip(".")
        if low in _DAY_WORDS:
            spans.append((tok.i, tok.i + 1))
        elif low in MONTHS and tok.pos_ == "PROPN" and tok.i + 1 < sent.end and tok.nbor().like_num:
            spans.append((tok.i, tok.i + 2))
        elif (low.rstrip("s") in UNITS and tok.dep_ == "npadvmod" and tok.i + 1 < sent.end
              and tok.nbor().lower_ in _ANCHOR_CUES | _RIGHT_CUES):
            # "a day before the vote", "two weeks ago", when the recogniser misses the count
            first = min((c.i for c in tok.lefts), default=tok.i)
            if not any(i in covered for i in range(first, tok.i)):
                spans.append((first, tok.i + 1))
        elif low in _PERIOD_NOUNS:
            left = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound")]
            if (left and left[0].i not in covered and tok.i - left[0].i == len(left)
                    and clean(sent.doc[left[0].i:tok.i + 1].text) in RELATIVE):
                spans.append((left[0].i, tok.i + 1))
    # "Saturday" + "night", "Monday" + "evening": one mention.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _root(doc, start: int, end: int) -> Token:
    # The token of the span whose head lies outside it; the first when several do.
    for i in range(start, end):
        h = doc[i].head
        if not (start <= h.i < end) or h.i == i:
            return doc[i]
    return doc[start]


def _attachment(root: Token) -> Token:
    h = root.head
    if h.i == root.i:
        return root
    # Climb through the preposition ("on Thursday"), a coordinated mention ("on Monday and
    # Tuesday") and another time word ("for a fifth day on Thursday") to the word dated.
    for _ in range(4):
        if h.pos_ in ("ADP", "SCONJ") or h.dep_ in ("prep", "cc") or h.ent_type_ in ("DATE", "TIME"):
            if h.head.i == h.i:
                return h
            root, h = h, h.head
            continue
        break
    return h


def _mention(sent: Span, start: int, end: int) -> Mention | None:
    doc = sent.doc
    left = start
    while left - 1 >= sent.start and doc[left - 1].lower_ in _LEFT_CUES:
        left -= 1
    right = end
    while right < sent.end and doc[right].lower_ in _RIGHT_CUES and doc[right - 1].lower_ not in _RIGHT_CUES:
        right += 1
    ends = left > sent.start and doc[left - 1].lower_ in _END_CUES
    if left < start and doc[left].lower_ in _END_CUES:
        ends = True
    root = _root(doc, start, end)
    attach = _attachment(root)
    nominal = attach.pos_ not in _VERBISH and (
        root.dep_ in _NOMINAL_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "of"))
    anchor = None
    text = doc[left:right].text
    if (right == end and right < sent.end and doc[right].lower_ in _ANCHOR_CUES
            and _counts_from(doc[start:end].text, doc[right].lower_)):
        cue = doc[right]
        objects = [c for c in cue.children if c.dep_ in ("pobj", "pcomp")]
        if objects:  # "three days after the election"
            anchor = objects[0]
            attach = _attachment(cue) if cue.head.i != cue.i else attach
        elif cue.dep_ == "mark" and cue.head.pos_ in _VERBISH:  # "two days after troops entered"
            anchor = cue.head
            attach = anchor.head if anchor.head.i != anchor.i else attach
        text = f"{text} {cue.lower_}"
    text = clean(text)
    if not text:
        return None
    narrative = anchor is None and is_narrative(text)
    return Mention(left, right, text, attach.i, anchor.i if anchor is not None else None,
                   narrative, ends, nominal and anchor is None)


def mentions(sent: Span, ents: list[tuple[int, int]] | None = None) -> list[Mention]:
    """The temporal mentions of a sentence, in text order; ``ents``: the Doc's
    ``time_entities``, when the caller has them (finding them per sentence costs more)."""
    out = []
    for start, end in _spans(sent, time_entities(sent.doc) if ents is None else ents):
        m = _mention(sent, start, end)
        if m is not None:
            out.append(m)
    anchors = {m.anchor for m in out if m.anchor is not None}
    return [replace(m, bound=True) if any(m.start <= a < m.end for a in anchors) else m for m in out]


def verb_of(tok: Token) -> Token:
    """The verb heading the clause ``tok`` sits in (``tok`` itself for a verb)."""
    v = tok
    while v.pos_ not in _VERBISH and v.head.i != v.i:
        v = v.head
    return v


def clause_of(tok: Token) -> Token:
    """The clause as one unit: a complement "to" verb and a coordinated verb share the time
    of the verb they hang from ("began to withdraw on Monday", "gathered on Monday and
    marched")."""
    v = verb_of(tok)
    while v.dep_ in ("xcomp", "conj", "aux", "auxpass") and v.head.i != v.i and v.head.pos_ in _VERBISH:
        v = v.head
    return v


def tier(trigger: Token, m: Mention) -> int:
    """0: the mention dates the trigger itself (or a noun inside its phrase, or a clause that
    describes it); 1: it dates the trigger's clause; 2: elsewhere in the sentence."""
    doc = trigger.doc
    a = doc[m.attach]
    if a.i == trigger.i:
        return 0
    if trigger.dep_ in ("relcl", "acl") and (
            trigger.head.i == a.i or m.start <= trigger.head.i < m.end):
        # "in July 2005, when bombers killed 52 people"; "the verdict of 2 March, which
        # jailed him": the clause belongs to the date or to the noun it dates.
        return 0
    if m.nominal:  # "the decision of 20 April" dates the decision only
        return 2
    # Up from the attachment through nouns (never a verb) to the trigger: "attacked the town
    # on Monday" when the parser hangs "on Monday" from "town".
    x = a
    for _ in range(6):
        if x.i == trigger.i:
            return 0
        if x.pos_ in _VERBISH or x.head.i == x.i:
            break
        x = x.head
    v = verb_of(a)
    if v.dep_ in ("relcl", "acl") and v.head.i == trigger.i:  # "the talks, held on March 3"
        return 0
    if clause_of(a).i == clause_of(trigger).i:
        return 1
    return 2


# Subordinate clauses whose time is a bound or a condition of the main clause, never its date.
_BOUNDING_MARKS = frozenset({"until", "till", "before", "unless", "if"})


def remote(trigger: Token, m: Mention) -> bool:
    """A mention inside a relative clause the trigger is not part of ("captured the mosque
    from where the group proclaimed its caliphate three years ago", "a journalist arrested
    last year"), or inside an "until"/"before"/"if" clause, dates that clause alone."""
    v = verb_of(trigger.doc[m.attach])
    for _ in range(8):
        clause = v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBN") or any(
            c.dep_ == "mark" and c.lower_ in _BOUNDING_MARKS for c in v.children)
        if clause and not (v.left_edge.i <= trigger.i <= v.right_edge.i):
            return True
        if v.head.i == v.i:
            return False
        v = v.head
    return False
