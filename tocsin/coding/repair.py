"""Mends in the dependency parse that every later read of it relies on.

The small English model hangs a second finite verb on the nearest verb before it even when that
verb sits inside a content clause: in "Baku denied that its troops had opened fire and accused
Yerevan of provocation" it makes "accused" a conjunct of "opened", so the accusation is read
inside the denial and its doer becomes "its troops". The tense says where it belongs: a past
"accused" cannot share the "had" of "had opened", but matches the "denied" above the clause.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

_FINITE = ("VBD", "VBZ", "VBP")
# what a finite conjunct's own clause would carry; with one of these it is the clause's own verb
_OWN = ("nsubj", "nsubjpass", "aux", "auxpass", "expl")


def _governor(verb: Token) -> Token | None:
    """The verb a misattached finite conjunct ``verb`` belongs to, or None if it is where it should be."""
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or any(c.dep_ in _OWN for c in verb.children):
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.dep_ != "ccomp" or head.i > verb.i:
        return None
    if head.tag_ == verb.tag_:
        return None  # "said rebels attacked the convoy and killed five": one clause, one tense
    gov = head.head
    if gov.pos_ != "VERB" or gov.tag_ != verb.tag_ or gov.i > head.i:
        return None
    return gov


def reattach_conjuncts(doc: Doc) -> None:
    """Hang each finite conjunct the parser put inside a content clause on the verb that governs the clause,
    when its tense matches that verb and not the clause's ("had opened ... and accused")."""
    moves = []
    for tok in doc:
        if tok.dep_ == "conj" and tok.tag_ in _FINITE:
            gov = _governor(tok)
            if gov is not None:
                moves.append((tok, gov))
    for tok, gov in moves:
        cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i == tok.i - 1), None)
        tok.head = gov
        if cc is not None:
            cc.head = gov
