"""Background: predicates the lexicon matches that are the story's setting, not a deed it reports.

"Years of attacks", "the 2014 invasion", "the aftermath of the crackdown", "surviving many
assassination plots", "a region threatened by extremists" inside "the shootings were the
latest in a series of attacks", "those who blew up the pipeline": the sentence names an
event, but as a time, a habit, a description or a topic, not as something that happened
now. Such mentions give no event. ``background(match, year)`` names the rule that sets a
mention aside, or None; nothing here is kept between sentences.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .match import Match
from .patterns import Lexicon
from .syntax import lemma

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_AGE = re.compile(r"^\d+-years?-old$|^(?:\w+-)+years?-old$")
_ARGUMENT = ("nsubj", "nsubjpass", "attr", "ccomp")


def _path(tok: Token, limit: int = 14) -> list[Token]:
    """``tok`` and its heads up to the sentence root."""
    out, cur = [tok], tok
    while cur.dep_ != "ROOT" and cur.head is not cur and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def _copular(root: Token) -> bool:
    """"X is the same as Y", "the shootings were the latest in a series": a root "be" that links."""
    kids = list(root.children)
    # "there have been protests in Minsk" asserts the protests
    return (root.lemma_ == "be" and root.dep_ == "ROOT" and any(c.dep_ in ("attr", "acomp") for c in kids)
            and not any(c.dep_ == "expl" for c in kids))


class Background:
    def __init__(self, lex: Lexicon) -> None:
        self.span_of = lex.words("@SPAN_OF")
        self.habitual = lex.words("@HABITUAL_MOD")
        self.earlier = lex.words("@EARLIER_MOD")
        self.long_span = lex.words("@LONG_SPAN")
        self.generic = lex.words("@GENERIC_HEAD")
        self.units = lex.words("@UNIT_NOUN")
        self.intransitive = lex.words("@INTRANSITIVE_EVENT")
        self.generic_deed = lex.words("@GENERIC_DEED")
        self.trend = lex.words("@TREND")
        self.aspectual = lex.words("@ASPECTUAL")
        self.nouns = lex.nouns
        self.generic_det = lex.words("@GENERIC_DET")
        self.habitual_adv = lex.words("@HABITUAL_ADV")

    def __call__(self, m: Match, year: int | None = None) -> str | None:
        tok = m.anchor
        path = _path(tok)
        if m.noun:
            rule = self._noun(tok, year)
            if rule:
                return rule
        else:
            rule = (self._verb(tok, year) or (self._habitual(m.obj) if m.obj is not None else None)
                    or self._made(m, year))
            if rule:
                return rule
        # "those who blew up the pipeline", "anyone who attacks": a description of people
        for a, b in zip(path, path[1:]):
            if a.dep_ == "relcl" and b.lower_ in self.generic:
                return "background: relative clause on a generic pronoun"
        # "the shootings were the latest in a series of attacks in a region threatened by extremists":
        # a noun or a participle in a phrase inside what a copula links describes, it does not tell; the
        # subject or attribute itself still may be the event ("the attack was the worst", "money donated
        # by the Irish is part of ..."), and so may a clause with a subject of its own ("the fallout that
        # began after Britain accused Russia")
        root = path[-1]
        if (_copular(root) and len(path) >= 3 and path[-2].dep_ in _ARGUMENT
                and sum(t.dep_ == "prep" for t in path[1:-2]) >= 2
                and (m.noun or tok.dep_ == "acl")):
            return "background: inside what a copula links"
        return None

    def _noun(self, tok: Token, year: int | None) -> str | None:
        head = tok.head
        if lemma(tok) in self.units or tok.lower_ in self.units:
            if (tok.dep_ == "nsubj" and lemma(head) not in self.aspectual) or (
                    tok.dep_ == "pobj" and head.lower_ in ("on", "upon", "against", "at")):
                return "background: a unit, not an act"
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in self.span_of:
            return "background: a stretch of time or its memory"
        rule = self._habitual(tok)
        if rule:
            return rule
        if any(c.dep_ == "det" and c.lower_ in self.generic_det for c in tok.children):
            return "background: any such deed, not one that happened"
        if (tok.dep_ == "nsubj" and tok.tag_ in ("NNS", "NNPS") and lemma(head) in self.trend
                and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)):
            return "background: a trend of many deeds"
        return self._dated(tok, year)

    def _dated(self, tok: Token, year: int | None) -> str | None:
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_ in self.earlier:
                return "background: dated before the story"
            if c.dep_ in ("amod", "compound", "nummod", "npadvmod") and year is not None:
                if _YEAR.match(c.text) and int(c.text) < year:
                    return "background: dated before the story"
            if c.dep_ == "amod" and (_AGE.match(c.lower_) or (c.lower_ == "old" and any(
                    lemma(g) == "year" for g in c.children))):
                return "background: dated before the story"  # "the 15-year-old ban"
        return None

    def _habitual(self, tok: Token) -> str | None:
        if tok.tag_ in ("NNS", "NNPS") and any(c.dep_ in ("amod", "det", "nummod") and c.lower_ in self.habitual
                                                for c in tok.children):
            return "background: habitual deeds"
        return None

    def _made(self, m: Match, year: int | None) -> str | None:
        """"The 15-year-old ban was imposed after the crackdown": a verb that makes the very thing its
        object or passive subject names (the noun codes the same root) is as old as that thing.
        "The 15-year-old ban was lifted" is not: lifting is another event than the ban."""
        root = (m.pattern.code or "")[:2]
        for c in m.anchor.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            plist = self.nouns.get(lemma(c)) or self.nouns.get(c.lower_)
            if plist and any(p.code and p.code[:2] == root for p in plist):
                rule = self._dated(c, year)
                if rule:
                    return rule
        return None

    def _verb(self, tok: Token, year: int | None) -> str | None:
        if lemma(tok) in self.intransitive and any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children):
            return "another sense: an intransitive event verb with an object"  # "demonstrated the talents"
        if lemma(tok) in self.generic_deed and any(c.dep_ == "advcl" and c.tag_ == "VBG" for c in tok.children):
            return "another sense: the means names the deed"  # "the rebels retaliated, shelling the villages"
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in self.habitual_adv:
                return "background: habitual deeds"  # "the regime routinely tortures detainees"
            if c.dep_ in ("npadvmod", "advmod", "dobj") and lemma(c) == "time" and any(
                    g.lower_ in self.habitual or g.lower_ in ("several", "multiple") for g in c.children):
                return "background: habitual deeds"  # "deployed numerous times"
            if c.dep_ != "prep":
                continue
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ == "by" and lemma(tok) in self.generic_deed and any(
                    g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
                return "another sense: the means names the deed"  # "retaliated by listing products"
            if c.lower_ in ("over", "throughout", "during") and any(g.lower_ in self.long_span for g in objs):
                return "background: a tally over years"  # "killed 800 people over four decades"
            # "for decades", not "for two years" (how long a measure is to last)
            if c.lower_ == "for" and any(g.lower_ in self.long_span and not any(
                    x.dep_ in ("nummod", "quantmod") for x in g.children) for g in objs):
                return "background: a habit over years"
            if c.lower_ == "since" and year is not None and any(
                    _YEAR.match(g.text) and int(g.text) < year
                    for o in objs for g in (o, *(x for x in o.children if x.dep_ in ("nummod", "npadvmod", "appos")))):
                return "background: a tally since an earlier year"  # "since 2011", "since April 2023"
            if c.lower_ == "in" and any(g.lower_ == "past" and any(d.lower_ == "the" for d in g.children)
                                        for g in objs):
                return "background: habitual deeds"  # "has vetoed sanctions in the past"
        return None
