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


_BORDER_NOUNS = frozenset("border borders frontier frontiers boundary borderline".split())


def _clause_verb(tok):
    """The verb whose clause a token sits in (itself if it is one)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def locative(trigger, places: list[PlaceMention], adjectival) -> tuple[PlaceMention | None, bool, list]:
    """A place in a locative phrase of the predicate, whether the phrase is a strong one, and
    the border nouns ("along their border") the phrases hold."""
    heads = [trigger]
    # An event noun ("protests were held in Minsk") takes its verb's locatives too.
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        heads.append(trigger.head)
    # "struck a mosque in Kunduz", "struck positions in northern Iraq": the object's place is the event's.
    for h in list(heads):
        heads.extend(t for t in h.children if t.dep_ in ("dobj", "dative") and t.pos_ in ("NOUN", "PROPN"))
    core = {t.i for t in heads}  # a border noun counts only here, not in a clause hanging off the predicate
    for h in list(heads):
        heads.extend(t for t in h.children if t.dep_ in ("xcomp", "advcl") and t.pos_ == "VERB")
    strong: list[tuple[int, PlaceMention]] = []
    weak: list[tuple[int, PlaceMention]] = []
    borders = []
    for h in heads:
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                toks = list(child.subtree)
                lo, hi = _span_tokens(toks)
                bucket = weak if child.lower_ in WEAK_PREPS else strong
                bucket.extend((abs(p.start - trigger.idx), p) for p in places
                              if _inside(p, lo, hi) and not adjectival(p))
                if h.i in core:
                    borders.extend(t for t in toks if t.lower_ in _BORDER_NOUNS)
            elif child.dep_ == "dobj" and child.lower_ in _BORDER_NOUNS and h.i in core:
                borders.append(child)  # "reinforced its border with Venezuela"
            elif child.dep_ in ("dobj", "npadvmod") and h.pos_ == "VERB" and h.lemma_.lower() in locative_verbs():
                # "shelled Kharkiv", "invade Ukraine": a place as the object is where it happens.
                lo, hi = child.idx, child.idx + len(child)
                strong.extend((abs(p.start - trigger.idx), p) for p in places
                              if _inside(p, lo, hi) and not adjectival(p))
    best = _finest(strong)
    if best is not None:
        return best, True, borders
    return _finest(weak), False, borders


def in_sentence(trigger, places: list[PlaceMention], adjectival) -> PlaceMention | None:
    """The place of the trigger's own clause, else the nearest in its sentence."""
    doc = trigger.doc
    sent = trigger.sent
    lo, hi = sent.start_char, sent.end_char
    own = _clause_verb(trigger.head if trigger.pos_ in ("NOUN", "PROPN") else trigger)
    cands = []
    for p in places:
        if not _inside(p, lo, hi) or adjectival(p):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        prec = precision(p.feature, p.geonameid)
        # The subject country is usually the actor ("Belarus warned"), not the scene; a place
        # modifying the subject ("Hong Kong police") is the scene.
        head = root
        while head.dep_ == "conj" and head.head.i != head.i:  # "Belarus and Russia are moving"
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and prec in ("country", "region"):
            continue
        other_clause = _clause_verb(root).i != own.i  # "..., the ministry in Ankara said"
        cands.append(((other_clause, abs(p.start - trigger.idx) // 80,
                       _RANK.get(prec, 9), abs(p.start - trigger.idx)), p))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    return cands[0][1]


def countries_in(sent, places: list[PlaceMention]) -> list[str]:
    """ISO3 codes of the countries a sentence names, in order, each once."""
    out: list[str] = []
    for p in places:
        if sent.start_char <= p.start < sent.end_char and p.country and (p.feature or "").startswith("PCL"):
            if p.country not in out:
                out.append(p.country)
    return out


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
