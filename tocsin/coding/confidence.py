"""Confidence: how far to trust one coded event, to rank the events of one article.

The scorers take an article's most confident event as its main event, so the figure orders
events within an article rather than claiming a probability: modality sets the base, named
parties and a specific pattern raise it, a noun trigger and a deep place in the parse lower it.
"""
from __future__ import annotations

from .match import Match
from .syntax import depth

# "they" and "them" name no party: the group they stand for is the article pass's guess from the sentences around
_GROUP_PRONOUNS = frozenset({"they", "them"})
_BASE = {"asserted": 0.80, "reported": 0.72, "future": 0.55, "hypothetical": 0.35, "negated": 0.30}


def confidence(m: Match, modality: str, sources, targets, root: str, derived: bool = False) -> float:
    c = _BASE[modality]
    if any(a.code for a in sources):
        c += 0.08
    if any(a.code and a.text.strip().lower() not in _GROUP_PRONOUNS for a in targets):
        c += 0.05
    c += min(0.09, 0.03 * m.pattern.specificity)
    if m.noun:
        c -= 0.06
    if root == "01" and m.pattern.specificity == 0 and not derived:
        c -= 0.25  # a bare "said" yields to any other event; condolences or a denial do not
    c -= min(0.08, 0.015 * depth(m.anchor))
    return round(max(0.05, min(0.99, c)), 3)
