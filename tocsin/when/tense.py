"""The direction a predicate's tense gives bare weekdays and month-days: forward for the
future ("will meet on Tuesday", "plans to vote on May 5", "could resume on Thursday"), back
for the past, nearest for the present. The event coder's modality is the main signal for
the future; this catches the plain grammatical cases it may label otherwise.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

_WILL = {"will", "'ll", "shall", "wo", "ll"}
_MODALS = {"could", "may", "might", "would", "should", "must", "can"}


@lru_cache(maxsize=1)
def future_verbs() -> frozenset[str]:
    text = resources.files("tocsin.data").joinpath("when", "future_verbs.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _has_will(tok: Token) -> bool:
    auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _WILL for a in auxes):
        return True
    # "talks could resume on Tuesday" looks forward; "may have met on Tuesday" looks back.
    return any(a in _MODALS for a in auxes) and "have" not in auxes


def _verb(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _planning(tok: Token) -> bool:
    # The lemmatiser slips ("hoped" -> "hop"): try the inflected form with its ending cut.
    w = tok.lower_
    return bool({tok.lemma_.lower(), w, w[:-1], w[:-2], w[:-3]} & future_verbs())


def looks_future(tok: Token) -> bool:
    """``tok`` (a verb, or an event noun) is marked as future: "will" on it or on a verb that
    governs it through "to", or it is the complement of a verb of planning ("hoped to have
    the means to issue certificates by June")."""
    head = _verb(tok)  # an event noun takes its tense from its verb
    for _ in range(5):
        if _has_will(head):
            return True
        if head.dep_ in ("xcomp", "ccomp", "advcl", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            gov = head.head
            if _planning(gov) or gov.lower_ == "about":
                # "was going to", "was to": a plan of the past, no pointer forward.
                return not (gov.lemma_ in ("go", "be") and gov.tag_ == "VBD")
            head = _verb(gov)
            continue
        if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
            continue
        break
    return False


def looks_past(tok: Token) -> bool:
    """``tok`` (or the verb of an event noun) is in a past tense: "attacked", "has attacked",
    "was attacked", "had been attacked"; a participle or infinitive takes the tense of the
    verb it hangs from ("torched a village, killing 11")."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    for _ in range(4):
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if head.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in auxes):
            return True
        finite = head.tag_ in ("VBZ", "VBP", "MD") or any(
            c.tag_ in ("VBZ", "VBP", "MD") for c in auxes)
        if (not finite and head.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp")
                and head.head.i != head.i):
            head = head.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            continue
        if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
            continue
        break
    return False


def direction(tok: Token, future: bool = False) -> bool | None:
    """How bare month-days near ``tok`` resolve: forward (True), back (False) or to the
    nearest (None, for a present or unknown tense)."""
    if future or looks_future(tok):
        return True
    return False if looks_past(tok) else None
