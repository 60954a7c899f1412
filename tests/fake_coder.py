"""A stand-in backend for store tests: deterministic events from phrase rules, no spaCy.

The store, dedup, clusters and exports are tested against events whose content the test
controls; the real coder is exercised by the ingest tests, which compare runs with each other.
"""
from __future__ import annotations

import re

from tocsin.model import Actor, Article, Coded, Event, Place, PlaceMention, Plover

ISO = {"Belarus": "BLR", "Ukraine": "UKR", "Russia": "RUS", "Poland": "POL", "Kenya": "KEN", "Lithuania": "LTU",
       "Sudan": "SDN", "France": "FRA", "Mali": "MLI", "Israel": "ISR", "Lebanon": "LBN"}
CITIES = {"Kyiv": ("UKR", 50.45, 30.52, 703448), "Kharkiv": ("UKR", 49.99, 36.23, 706483),
          "Minsk": ("BLR", 53.9, 27.57, 625144), "Gomel": ("BLR", 52.43, 30.98, 627907),
          "Moscow": ("RUS", 55.75, 37.62, 524901), "Warsaw": ("POL", 52.23, 21.01, 756135),
          "Lviv": ("UKR", 49.84, 24.03, 702550)}
# phrase -> (CAMEO, Goldstein, QuadClass, PLOVER type, mode)
RULES = {"recalled its ambassador": ("161", -4.0, 3, "SANCTION", "withdraw"),
         "shelled": ("195", -10.0, 4, "ASSAULT", "heavy-weapons"),
         "protested": ("141", -6.5, 3, "PROTEST", "demo"),
         "signed an agreement": ("057", 8.0, 1, "AGREE", None),
         "met": ("040", 1.0, 1, "CONSULT", None),
         "praised": ("051", 3.4, 1, None, None)}
_SENT = re.compile(r"[^.]+\.")
_DATE = re.compile(r"\bon (\d{4}-\d{2}-\d{2})\b")


def code(article: Article) -> Coded:
    events: list[Event] = []
    places: list[PlaceMention] = []
    for city, (cc, lat, lon, gid) in CITIES.items():
        for m in re.finditer(rf"\b{city}\b", article.text):
            places.append(PlaceMention(article_id=article.id, text=city, start=m.start(), end=m.end(), name=city,
                                       country=cc, lat=lat, lon=lon, geonameid=gid, feature="PPL"))
    for s_no, m in enumerate(_SENT.finditer(article.text)):
        sent = m.group(0)
        n = 0
        for phrase, (cameo, gs, quad, ptype, mode) in RULES.items():
            if phrase not in sent:
                continue
            names = [(sent.index(c), c) for c in ISO if c in sent]
            names.sort()
            src = Actor(text=names[0][1], code=ISO[names[0][1]] + "GOV", country=ISO[names[0][1]], sector="GOV") \
                if names else None
            tgt = Actor(text=names[1][1], code=ISO[names[1][1]], country=ISO[names[1][1]]) if len(names) > 1 else None
            city = next((c for c in CITIES if c in sent), None)
            loc = Place(name=city, country=CITIES[city][0], lat=CITIES[city][1], lon=CITIES[city][2],
                        geonameid=CITIES[city][3], precision="city", basis="sentence") if city else None
            d = _DATE.search(sent)
            when = d.group(1) if d else (article.date.isoformat() if article.date else None)
            events.append(Event(
                event_id=f"{article.id}:s{s_no}:e{n}", article_id=article.id, sentence=sent.strip(),
                span=(m.start(), m.end()), date=when, date_precision="day" if when else None,
                date_from_text=bool(d), source=src, target=tgt, cameo=cameo, goldstein=gs, quad_class=quad,
                plover=Plover(type=ptype, mode=mode) if ptype else None,
                modality="negated" if "denied" in sent else "asserted",
                location=loc, confidence=0.9 if n == 0 else 0.5, rule=f"{phrase} -> {cameo}",
                mentions=sent.count(phrase)))  # the phrase told twice in a sentence: one event, two tellings
            n += 1
    return Coded(article, events, places)


class _Done:
    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


class FakeBackend:
    """Codes with ``code`` above; an article whose text contains ``BOOM`` makes the coder fail."""

    parallelism = 1

    def __init__(self) -> None:
        self.coded: list[str] = []

    def submit(self, articles: list[Article]):
        out = []
        for a in articles:
            self.coded.append(a.id)
            out.append("coding failed: RuntimeError: boom" if "BOOM" in a.text else code(a))
        return _Done(out)

    def close(self) -> None:
        return None
