"""Where an event happened: the place the text ties to its predicate.

In order of trust: a locative phrase on the predicate ("protests *in Minsk*", "moving troops
*to the area where the Belarus-Ukraine-Poland borders join*", "shelled *Kharkiv*"), else a
place named in the same sentence, else the article's main place.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..model import Place, PlaceMention
from .resolve import REGION_FEATURES

LOCATIVE_PREPS = frozenset("in at near outside inside across around into to throughout within along on "
                           "over off onto toward towards through between beside by behind from".split())
# From a place is where the actor came from, not where the event was, unless nothing better is said.
WEAK_PREPS = frozenset("from to toward towards into onto".split())
# Finer first: a city pins an event better than the country around it.
_RANK = {"border": 0, "site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


@lru_cache(maxsize=1)
def locative_verbs() -> frozenset[str]:
    text = (resources.files("tocsin.data") / "geo" / "locative_verbs.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def precision(feature: str | None, geonameid: int | None = None) -> str:
    f = feature or ""
    if f == "BRDR":
        return "border"
    if f.startswith("PCL"):
        return "country"
    if f == "ADM1":
        return "admin1"
    if f in ("ADM2", "ADM3", "ADM4", "ADMD"):
        return "admin2"
    if f in REGION_FEATURES:
        return "region"
    return "city"


def to_place(p: PlaceMention, basis: str) -> Place:
    return Place(name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid,
                 precision=precision(p.feature, p.geonameid), basis=basis)


def _finest(cands: Iterable[tuple[int, PlaceMention]]) -> PlaceMention | None:
    ranked = sorted(cands, key=lambda c: (_RANK.get(precision(c[1].feature, c[1].geonameid), 9), c[0]))
    return ranked[0][1] if ranked else None


def _span_tokens(tokens) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _inside(p: PlaceMention, lo: int, hi: int) -> bool:
    return p.start < hi and lo < p.end


def locative(trigger, places: list[PlaceMention], adjectival) -> tuple[PlaceMention | None, bool]:
    """A place in a locative phrase of the predicate, and whether the phrase is a strong one."""
    heads = [trigger]
    # An event noun ("protests were held in Minsk") takes its verb's locatives too.
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        heads.append(trigger.head)
    for conj in list(heads):
        heads.extend(t for t in conj.children if t.dep_ in ("xcomp", "advcl") and t.pos_ == "VERB")
    strong: list[tuple[int, PlaceMention]] = []
    weak: list[tuple[int, PlaceMention]] = []
    for h in heads:
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                toks = list(child.subtree)
                lo, hi = _span_tokens(toks)
                bucket = weak if child.lower_ in WEAK_PREPS else strong
                bucket.extend((abs(p.start - trigger.idx), p) for p in places
                              if _inside(p, lo, hi) and not adjectival(p))
            elif child.dep_ in ("dobj", "npadvmod") and h.pos_ == "VERB" and h.lemma_.lower() in locative_verbs():
                # "shelled Kharkiv", "invade Ukraine": a place as the object is where it happens.
                lo, hi = child.idx, child.idx + len(child)
                strong.extend((abs(p.start - trigger.idx), p) for p in places
                              if _inside(p, lo, hi) and not adjectival(p))
    best = _finest(strong)
    if best is not None:
        return best, True
    return _finest(weak), False


def in_sentence(trigger, places: list[PlaceMention], adjectival) -> PlaceMention | None:
    sent = trigger.sent
    lo, hi = sent.start_char, sent.end_char
    subject: tuple[int, int] | None = None
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subject = _span_tokens(list(child.subtree))
    cands = []
    for p in places:
        if not _inside(p, lo, hi) or adjectival(p):
            continue
        prec = precision(p.feature, p.geonameid)
        # The subject country is usually the actor ("Belarus warned"), not the scene.
        if subject and _inside(p, *subject) and prec in ("country", "region"):
            continue
        cands.append((abs(p.start - trigger.idx), p))
    if not cands:
        return None
    # Nearest literal place; among equally near ones the finer.
    cands.sort(key=lambda c: (c[0] // 80, _RANK.get(precision(c[1].feature, c[1].geonameid), 9), c[0]))
    return cands[0][1]


def main_place(places: list[PlaceMention], adjectival) -> PlaceMention | None:
    """The place an article is mostly about: most mentioned, a dateline counting double."""
    literal = [p for p in places if not adjectival(p) and p.lat is not None]
    if not literal:
        literal = [p for p in places if p.lat is not None]
    if not literal:
        return None
    counts: Counter[tuple] = Counter()
    first: dict[tuple, PlaceMention] = {}
    for p in literal:
        k = (p.name, p.lat, p.lon)
        counts[k] += 2 if p.start < 40 else 1
        first.setdefault(k, p)
    k = max(counts, key=lambda k: (counts[k], -first[k].start))
    return first[k]
