"""Chooses, for each toponym, the place it names, using the article as context.

A candidate's score is a prior (feature class, population, how the name matched) plus
what the rest of the article says: the countries and divisions its other places lie in,
an explicit qualifier ("Alexandria, Louisiana"), and nearness to the other places named.
One name keeps one sense through an article, so the context of every occurrence counts.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .distance import km
from .gazetteer import Gazetteer
from .index import ALIAS, ALTERNATE, PRIMARY, Entry
from .toponyms import Mention

REGION_FEATURES = frozenset("CONT RGN OCN SEA GULF STRT CNL PEN DSRT MTS PLAT RF STM LK ISL ISLS".split())
# Weights of the context terms, on the scale of the priors (one unit = a tenfold population).
COUNTRY_WEIGHT = 2.5
ADMIN_WEIGHT = 3.0
NEAR_WEIGHT = 1.5
NEAR_KM = 100.0
MAX_POINTS = 300
QUALIFIER_WEIGHT = 6.0
# Below this a lone, unsupported small place is more likely a word than a place.
KEEP_SCORE = 4.0


@lru_cache(maxsize=1)
def priors() -> dict[str, tuple[float, bool]]:
    out: dict[str, tuple[float, bool]] = {}
    text = (resources.files("tocsin.data") / "geo" / "priors.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            feat, score, kind = line.split("\t")
            out[feat] = (float(score), kind == "bonus")
    return out


def prior(e: Entry, how: int) -> float:
    known = priors().get(e.feature)
    if known is None:  # a dump's buildings, streams, hills: weak, a little more if populated
        s = (math.log10(e.population + 10) if e.feature.startswith("PPL") else 3.5 + 0.3 * math.log10(e.population + 1))
    else:
        base, bonus = known
        s = math.log10(e.population + 10) + base if bonus else base
    if how == ALTERNATE:
        s -= 1.5
    elif how == ALIAS:
        s += 0.5
    return s


def is_city(e: Entry) -> bool:
    return not (e.feature.startswith("PCL") or e.feature.startswith("ADM") or e.feature in REGION_FEATURES
                or e.feature == "BRDR")


@dataclass
class Resolved:
    mention: Mention
    eid: int | None
    score: float
    supported: bool  # context, not the prior alone, backs the choice
    how: int = PRIMARY


class _Context:
    """What the other names of the article say about where it is."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.country: dict[str, float] = defaultdict(float)
        self.admin: dict[tuple[str, str], float] = defaultdict(float)
        self.points: list[tuple[float, float, str]] = []  # lat, lon, key

    def add(self, e: Entry, k: str, weight: float, adjectival: bool) -> None:
        w = weight * (0.5 if adjectival else 1.0)
        if e.cc:
            self.country[e.cc] += w
        if e.cc and e.feature == "ADM1" and e.admin1:
            self.admin[(e.cc, e.admin1)] += w
        elif e.cc and e.admin1 and (is_city(e) or e.feature.startswith("ADM")):
            self.admin[(e.cc, e.admin1)] += 0.5 * w
        if not adjectival and (is_city(e) or e.feature in ("ADM2", "ADM3")):
            # A book-length input names thousands of places; the first few hundred are
            # context enough and keep the nearness term from growing quadratically.
            if len(self.points) < MAX_POINTS:
                self.points.append((e.lat, e.lon, k))


def _trust(e: Entry, how: int) -> float:
    """How much a choice may vouch for others: a village read from an odd spelling hardly,
    lest two weak readings prop each other up (Toronto, Ohio and a "Transit" village)."""
    t = 1.0
    if is_city(e):
        p = prior(e, PRIMARY)
        t = 1.0 if p >= 5.0 else 0.5 if p >= 4.0 else 0.25
    return t * (0.3 if how == ALTERNATE else 1.0)


def _inside(e: Entry, qual: Entry) -> bool:
    """Whether ``e`` lies in the region or country ``qual`` that qualifies its name."""
    if qual.feature == "ADM1":
        return e.cc == qual.cc and e.admin1 == qual.admin1 and e.feature != "ADM1"
    return e.cc == qual.cc and not e.feature.startswith("PCL")


def _score(gaz: Gazetteer, e: Entry, how: int, k: str, ctx: _Context | None, own: dict[str, float],
           own_admin: dict[tuple[str, str], float], qual: Entry | None) -> tuple[float, bool]:
    s = prior(e, how)
    support = 0.0  # context that pins this very place: its division, its neighbours
    if ctx is not None and e.cc:
        total = sum(ctx.country.values()) - sum(own.values())
        mine = ctx.country.get(e.cc, 0.0) - own.get(e.cc, 0.0)
        if total > 0 and mine > 0:
            # Being in the article's country says little for a village: every country has
            # one named after any surname or noun ("Johnson", "Surprise").
            s += COUNTRY_WEIGHT * (mine / total) * (0.5 if is_city(e) and s < 4.5 else 1.0)
        if e.admin1 and not e.feature.startswith("PCL"):
            a = ctx.admin.get((e.cc, e.admin1), 0.0) - own_admin.get((e.cc, e.admin1), 0.0)
            if a > 1e-9:
                # A division gains less from the towns in it than a town from its division;
                # one mention of the division ("Louisiana") is full support.
                w = ADMIN_WEIGHT * (0.5 if e.feature == "ADM1" else 1.0)
                support += w * min(1.0, a)
        if is_city(e) and ctx.points:
            d = min((km(e.lat, e.lon, la, lo) for la, lo, kk in ctx.points if kk != k), default=None)
            if d is not None:
                support += NEAR_WEIGHT * math.exp(-d / NEAR_KM)
    if qual is not None:
        support += QUALIFIER_WEIGHT if _inside(e, qual) else -QUALIFIER_WEIGHT
    return s + support, support >= 1.0


def resolve(mentions: list[Mention], gaz: Gazetteer, rounds: int = 2) -> list[Resolved]:
    """One entry per mention (None when the name is better read as no place)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.cands:
            groups[m.key].append(i)
    choice: dict[str, tuple[int, int, float, bool]] = {}  # key -> eid, how, score, supported
    made: dict[int, Entry] = {}  # the rounds below ask for the same entries again and again

    def entry(eid: int) -> Entry:
        e = made.get(eid)
        if e is None:
            e = made[eid] = gaz.entry(eid)
        return e

    def pick(k: str, ctx: _Context | None) -> None:
        idx = groups[k]
        # The name's own current reading is no evidence for itself: take out what it put in.
        mine = _Context(gaz)
        if ctx is not None and k in choice:
            e = entry(choice[k][0])
            mine.add(e, k, len(idx) * _trust(e, choice[k][1]), mentions[idx[0]].adjectival)
        own, own_admin = mine.country, mine.admin
        qual = None
        for i in idx:
            q = mentions[i].qualifier
            if q is not None and q.key in choice:
                qual = entry(choice[q.key][0])
                break
        best = None
        cands = mentions[idx[0]].cands
        if qual is not None and not any(_inside(entry(eid), qual) for eid, _ in cands):
            # "Kani (Yinmabin, Sagaing)" where the gazetteer knows no Kani in Myanmar: no place rather than
            # the Kani of Japan; the event then takes the region it is said to be in
            choice.pop(k, None)
            return
        # An alternate spelling that is some other place's own name most likely means that place.
        has_own_name = any(how != ALTERNATE for _, how in cands)
        for eid, how in cands:
            e = entry(eid)
            sc, sup = _score(gaz, e, how, k, ctx, own, own_admin, qual)
            if how == ALTERNATE and has_own_name:
                sc -= 2.5
            if best is None or sc > best[2]:
                best = (eid, how, sc, sup)
        if best is not None:
            choice[k] = best

    # Qualifiers first, so that "Louisiana" is settled before "Alexandria" asks it.
    order = sorted(groups, key=lambda k: -max(prior(entry(e), h) for e, h in mentions[groups[k][0]].cands))
    for k in order:
        pick(k, None)
    for _ in range(rounds):
        ctx = _Context(gaz)
        for k, (eid, how, _, _) in choice.items():
            e = entry(eid)
            ctx.add(e, k, len(groups[k]) * _trust(e, how), mentions[groups[k][0]].adjectival)
        for k in order:
            pick(k, ctx)

    out = []
    for m in mentions:
        if m.border is not None:
            out.append(Resolved(m, None, 0.0, True))
            continue
        if m.key not in choice:
            continue
        eid, how, sc, sup = choice[m.key]
        out.append(Resolved(m, eid, sc, sup, how))
    return out


def plausible(r: Resolved, gaz: Gazetteer) -> bool:
    """Whether a resolved mention is kept: small unsupported places must earn their place."""
    if r.eid is None:
        return r.mention.border is not None
    e = gaz.entry(r.eid)
    m = r.mention
    if not is_city(e) or m.adjectival:
        return True
    if m.qualifier is not None or r.supported:
        return True
    if r.how == ALTERNATE and prior(e, PRIMARY) < 6.0 and m.ner not in ("GPE", "LOC", "FAC"):
        return False  # an old or foreign spelling of a town ("Julia", "Epiphaneia"): too often a word
    if m.ner in ("GPE", "LOC", "FAC"):
        return r.score >= KEEP_SCORE - 1.5
    if m.ner == "ORG" and " " not in m.key and prior(e, PRIMARY) < 5.0:
        return False  # "Xinhua", "Alcoa": a company named after a town is the company
    if m.embedded:  # "Rogers Centre", "Trump Tower": a small namesake is a coincidence
        return r.score >= KEEP_SCORE + 1.5
    if m.sentence_start and " " not in m.key:
        return r.score >= KEEP_SCORE + 1.0
    return r.score >= KEEP_SCORE
