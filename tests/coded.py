"""What the tests ask of the pipeline: one text coded as an article, its hostile deeds, its main event."""
from datetime import date

from tocsin.model import Article

DAY = date(2024, 3, 1)


def events(pipe, text, when=DAY):
    return next(pipe.run([Article(id="p", text=text, date=when)])).events


def hostile(evs):
    """The asserted or reported events of roots 13-20 (threats to force): what hostile_precision counts."""
    return [e for e in evs if "13" <= e.cameo[:2] <= "20" and e.modality in ("asserted", "reported")]


def main_event(pipe, text, when=DAY):
    """The event of a sentence or headline the coder is surest of."""
    evs = events(pipe, text, when)
    assert evs, text
    return max(evs, key=lambda e: e.confidence)


def plover_type(pipe, text, when=DAY):
    e = main_event(pipe, text, when)
    return e.plover.type if e.plover else None
