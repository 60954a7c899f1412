"""An event the text frames by a past office-holder's tenure: "Under Barack Obama, ties were restored",
"during the Bush administration", "when Obama was president". Such an event happened while that person
held office, which ended before the publication date, so the publication date cannot stand in for its
date: it is left undated. The terms of office come from the actor tables (data/actors/leaders.tsv).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from ..actors.normal import actor_key, words
from ..actors.tables import PERSON, load
from ..nlp import entity_bounds

_FRAME_PREPS = frozenset({"under", "during", "throughout"})
# nouns of a tenure named by its holder: "the Bush administration", "Obama's presidency"
_TENURE = frozenset({"administration", "presidency", "government", "rule", "tenure", "reign", "regime",
                     "premiership", "chancellorship", "leadership", "watch", "era", "term", "years", "cabinet"})
_OFFICE = frozenset({"president", "prime", "premier", "chancellor", "leader", "minister", "king", "queen",
                     "emperor", "shah", "dictator", "head", "secretary", "governor", "mayor"})


def _past_holder(tok: Token, published: date) -> bool:
    """``tok`` is (the last word of) the name of a person whose every term ended before ``published``."""
    if tok.ent_type_ != "PERSON":
        return False
    name = tok.doc[entity_bounds(tok)[0]:tok.i + 1].text
    ws = words(name)
    entries = [e for e in load().get(actor_key(name, ws)) if e.kind == PERSON]
    return bool(entries) and all(e.end is not None and e.end < published for e in entries)


def _framing_holder(noun: Token, published: date) -> bool:
    if _past_holder(noun, published):
        return True  # "under Barack Obama"
    if noun.lemma_.lower() in _TENURE:
        # "the Bush administration", "Obama's presidency"
        return any(c.dep_ in ("compound", "poss", "nmod") and _past_holder(c, published) for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _past_holder(g, published)
                                                          for g in c.children) for c in noun.children)
    return False


def _clause_heads(trigger: Token, limit: int = 4) -> list[Token]:
    out, cur = [trigger], trigger
    while cur.dep_ not in ("ROOT", "ccomp", "advcl", "relcl") and cur.head is not cur and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def past_tenure(trigger: Token, published: date | None) -> bool:
    """Whether the trigger's clause is framed by the tenure of an office-holder whose terms all ended before
    the publication date."""
    if published is None:
        return False
    for head in _clause_heads(trigger):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _FRAME_PREPS:
                if any(g.dep_ == "pobj" and _framing_holder(g, published) for g in c.children):
                    return True
            elif c.dep_ == "advcl" and any(g.dep_ == "advmod" and g.lower_ == "when" or g.dep_ == "mark" and g.lower_ == "when"
                                           for g in c.children) and c.lemma_ == "be":
                # "when Obama was president"
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                office = any(g.dep_ == "attr" and g.lemma_.lower() in _OFFICE for g in c.children)
                if office and subj is not None and _past_holder(subj, published):
                    return True
    return False
