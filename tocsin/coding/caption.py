"""Photo captions: a picture's line re-tells the story's deed ("Riot police detain a protester in Minsk on
August 10, 2020. REUTERS/Stringer"), often with other words and other actors, and is no new event.

A sentence is a caption when it carries a photo credit ("REUTERS/Name", "AP Photo/Name", "Getty Images",
"Photo: ..."), or when its main verb (not one of saying) is in the simple present, as a caption's is, and it dates itself to
the day with a year ("... on March 31, 2018"), as news prose telling a deed in the present does not.
An event told in a caption is dropped where the article tells one of the same CAMEO root outside its
captions: the caption re-tells it. What only a caption tells stays.
"""
from __future__ import annotations

import re
from importlib import resources

from spacy.tokens import Doc, Span

from ..model import Event
from ..nlp import text_of
from .syntax import trigger_token


def _credits() -> re.Pattern[str]:
    text = resources.files("tocsin.data").joinpath("article", "photo_credits.txt").read_text(encoding="utf-8")
    return re.compile("|".join(f"(?:{ln.strip()})" for ln in text.splitlines()
                               if ln.strip() and not ln.startswith("#")))


_CREDIT = _credits()
_DAY_YEAR = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d\d\b")


def is_caption(sent: Span, say: frozenset[str] = frozenset()) -> bool:
    text = sent.text
    # the credit may follow as a sentence of its own on the same line: "... in Almaty. (Photo: AFP)"
    whole = text_of(sent.doc)
    end = whole.find("\n", sent.end_char)
    line_rest = whole[sent.end_char:end if end >= 0 else min(len(whole), sent.end_char + 80)][:80]
    if _CREDIT.search(text) or _CREDIT.search(line_rest):
        return True
    root = sent.root
    # "the opposition says police detained its leader on January 3, 2022": a verb of saying is no caption's
    return (root.tag_ in ("VBZ", "VBP") and root.lemma_.lower() not in say
            and not any(c.dep_ == "aux" for c in root.children)
            and _DAY_YEAR.search(text) is not None)


def retold_in_captions(doc: Doc, events: list[Event], say: frozenset[str] = frozenset()) -> list[Event]:
    """``events`` less those told in a caption that re-tell an event of the same root told elsewhere."""
    if len(events) < 2:
        return events
    verdicts: dict[int, bool] = {}
    where: list[bool] = []
    for e in events:
        tok = trigger_token(doc, e.span)
        sent = tok.sent if tok is not None else None
        if sent is None:
            where.append(False)
            continue
        if sent.start not in verdicts:
            verdicts[sent.start] = is_caption(sent, say)
        where.append(verdicts[sent.start])
    if not any(where):
        return events
    told = {e.cameo[:2] for e, cap in zip(events, where) if not cap}
    return [e for e, cap in zip(events, where) if not cap or e.cameo[:2] not in told]
