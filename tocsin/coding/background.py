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
_FORCE_ROOTS = ("15", "17", "18", "19", "20")
# plurals of event nouns that name a party ("US forces battling the Islamic State"; "the use of force" is the act)
_PARTY_FORMS = {"forces"}
_TIME_NOUNS = {"day", "night", "week", "month", "year", "weekend", "morning", "evening", "afternoon", "hour", "time"}


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
        self.danger_nouns = lex.words("@DANGER_NOUN")
        self.threat_act = lex.words("@THREAT_ACT_MOD")
        self.danger_verbs = lex.words("@DANGER_VERB")
        self.befall = lex.words("@BEFALL")
        self.threatened = lex.words("@THREATENED")
        self.gather = lex.words("@GATHER_VERB")
        self.gathering = lex.words("@GATHER_NOUN")
        self.contention = lex.words("@CONTENTION_CUE")
        self.perceive = lex.words("@PERCEIVE")
        self.abstract = lex.words("@ABSTRACT_CAUSE")
        self.entail = lex.words("@ENTAIL")
        self.vehicle = lex.words("@VEHICLE")
        self.generic_pred = lex.words("@GENERIC_PRED")
        self.habitual_present = lex.words("@HABITUAL_PRESENT")
        self.depiction = lex.words("@DEPICTION")
        self.hazard = lex.words("@HAZARD")
        self.mishap = lex.words("@MISHAP")

    def __call__(self, m: Match, year: int | None = None) -> str | None:
        tok = m.anchor
        path = _path(tok)
        if m.noun:
            rule = self._noun(tok, year)
            if rule:
                return rule
        else:
            rule = (self._verb(tok, year) or (self._habitual(m.obj) if m.obj is not None else None)
                    or self._made(m, year) or self._caution(m) or self._crowd(m) or self._describes(m)
                    or self._figurative(m))
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
        if lemma(tok) in self.danger_nouns or tok.lower_ in self.danger_nouns:
            rule = self._danger(tok)
            if rule:
                return rule
        if lemma(tok) in self.units or tok.lower_ in self.units:
            if (tok.dep_ == "nsubj" and lemma(head) not in self.aspectual) or (
                    tok.dep_ == "pobj" and head.lower_ in ("on", "upon", "against", "at")):
                return "background: a unit, not an act"
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in self.span_of:
            return "background: a stretch of time or its memory"
        rule = self._habitual(tok)
        if rule:
            return rule
        if (tok.dep_ == "pobj" and head.lower_ in ("after", "since", "following") and tok.tag_ == "NN"
                and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
                and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)):  # "... on Tuesday" is news
            # "joined NATO after Russia's invasion of Ukraine": a deed named by its doer and its object as a
            # known one, the occasion of the deed told, not news of its own
            return "background: the known occasion of another deed"
        if tok.dep_ in ("dobj", "attr") and lemma(head) in self.entail:
            return "background: what something would bring, not a deed"  # "it means sanctions", "risks war"
        if any(c.dep_ == "det" and c.lower_ in self.generic_det for c in tok.children):
            return "background: any such deed, not one that happened"
        if (tok.dep_ == "nsubj" and tok.tag_ == "NNS" and lemma(head) == "be" and head.tag_ in ("VBZ", "VBP")
                and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
                and any(c.dep_ in ("attr", "acomp") and (lemma(c) in self.generic_pred or c.lower_ in self.generic_pred)
                        for c in head.children)):
            return "background: a kind of deed, said in general"  # "attacks on civilians are a war crime"
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

    def _danger(self, tok: Token) -> str | None:
        """"The terrorist threat", "the security threat facing the region", "the threat of war", "poses a
        threat": a threat whose maker the text does not name is a danger, not an act of threatening."""
        kids = list(tok.children)
        for c in kids:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from", "against")):
                return None  # "Russia's threat", "threats by the junta", "threats against journalists"
            if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                                                           or c.lower_ in self.threat_act):
                return None  # "Russian threats", "death threats"
            if c.dep_ in ("acl", "relcl") and any(g.dep_ in ("aux", "agent") or g.lower_ == "by"
                                                  for g in c.children):
                return None  # "threats to kill him", "threats made by the army"
        head = tok.head
        if tok.dep_ in ("dobj", "attr") and lemma(head) in self.danger_verbs:
            return "background: a danger, not a threat anyone made"
        if any(c.dep_ in ("amod", "compound", "nmod", "acl") or (c.dep_ == "prep" and c.lower_ == "of")
               for c in kids):
            return "background: a danger, not a threat anyone made"
        return None  # "the threat", "a threat": a re-mention, or a threat whose maker the sentence names

    def _figurative(self, m: Match) -> str | None:
        """"China's trade practices have destroyed American factories": force whose doer is a policy, a market or
        a price (the subject, or the "by" of a passive) is a figure of speech."""
        if (m.pattern.code or "")[:2] not in ("17", "18", "19", "20"):
            return None
        tok = m.anchor
        doers = [c for c in tok.children if c.dep_ == "nsubj"]
        doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in tok.children):
            doers.append(tok.head)  # "the tariffs that have targeted China"
        if any(d.pos_ == "NOUN" and (lemma(d) in self.abstract or d.lower_ in self.abstract) for d in doers):
            return "another sense: force said of a policy or a market"
        if tok.dep_ == "conj" and tok.tag_ == "VBN":  # "was hit by a bus and killed": the bus did both
            doers += [g for c in tok.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if (m.pattern.code or "")[:2] in ("18", "19") and any(d.pos_ == "NOUN" and lemma(d) in self.vehicle
                                                              for d in doers):
            return "another sense: a vehicle that hit someone is a road accident"  # "was hit by a car and killed"
        if (m.pattern.code or "")[:2] in ("18", "19") and any(
                d.pos_ == "NOUN" and (lemma(d) in self.mishap or lemma(d) in self.hazard) for d in doers):
            return "another sense: what fell on someone is a mishap"  # "was struck by lightning", "by a falling tree"
        return None

    def _describes(self, m: Match) -> str | None:
        """"Turkey backs rebel groups fighting to topple Assad": a present participle of force on a party's noun
        says who the party is. Not on an event noun ("an attack killing 20" tells the killing) or a time ("for a
        sixth day killing 32"), not after "with" ("with a bomber blowing himself up"), nor where a verb or a
        noun of seeing or reporting holds the party ("a video shows soldiers beating a man")."""
        tok = m.anchor
        head = tok.head
        if (tok.dep_ != "acl" or tok.tag_ != "VBG" or head.pos_ not in ("NOUN", "PROPN")
                or (m.pattern.code or "")[:2] not in _FORCE_ROOTS):
            return None
        event = head.lower_ not in _PARTY_FORMS and (lemma(head) in self.nouns or head.lower_ in self.nouns)
        if event or head.ent_type_ in ("DATE", "TIME") or lemma(head) in _TIME_NOUNS:
            return None
        up = head.head
        if any(t.lower_ in ("with", "without") and t.dep_ == "prep" and any(c.dep_ == "pcomp" for c in t.children)
               for t in _path(head, 5)):
            return None  # "with a bomber blowing himself up outside the gates and gunmen storming the building"
        if lemma(up) in self.perceive or lemma(up) in self.depiction or (
                up.dep_ == "prep" and (lemma(up.head) in self.depiction or lemma(up.head) in self.perceive)):
            return None
        return "background: a participle says who the party is"

    def _crowd(self, m: Match) -> str | None:
        """"A crowd gathered around the cordoned-off intersection", "held a gathering at the Reagan Building": a
        crowd or a gathering with no contention told in its sentence or the ones beside it is no demonstration."""
        if not (m.pattern.code or "").startswith("14"):
            return None
        tok = m.anchor
        if not (lemma(tok) in self.gather or (m.obj is not None and lemma(m.obj) in self.gathering)):
            return None
        sent = tok.sent
        doc = tok.doc
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
        for t in doc[start:end]:
            low = t.lower_
            if low in self.contention or lemma(t) in self.contention or low.startswith("anti-"):
                return None
        return "another sense: a crowd gathered, no contention told"

    def _caution(self, m: Match) -> str | None:
        """"The embassy warned that tourists could face provocations", "warned of a humanitarian disaster":
        a warning of what may befall is no threat of what the warner will do ("warned that it would
        retaliate" is one; "warned of retaliation" has its own line)."""
        tok = m.anchor
        if lemma(tok) != "warn" or (m.pattern.code or "") != "130":
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "about"):
                return "another sense: a warning of a danger, not a threat"
            if c.dep_ not in ("ccomp", "parataxis"):
                continue
            if lemma(c) in self.befall:
                faced = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if any(g.dep_ == "dobj" and (lemma(g) in self.threatened or g.lower_ in self.threatened)
                       for g in c.children) and (any(g.dep_ == "dobj" for g in tok.children) or (
                        faced is not None and faced.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))):
                    # "warned Iran that it would face overwhelming force", "warned that Israel would face severe
                    # punishment": a threat to whom it warns, or to the party it names
                    return None
                return "another sense: a warning of a danger, not a threat"
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
            if subj is None:
                continue
            # "a mix of freezing drizzle and snow is expected to descend on Toronto": weather, a disease
            said_of = [x for x in subj.subtree if x.pos_ in ("NOUN", "PROPN")]
            if subj.lower_ == "there" or any(lemma(x) in self.hazard or x.lower_ in self.hazard for x in said_of):
                return "another sense: a warning of a danger, not a threat"
            modal = any(g.dep_ == "aux" and g.lower_ in ("could", "might", "may", "can") for g in c.children)
            own = subj.pos_ == "PRON" or any(g.dep_ == "poss" and g.pos_ == "PRON" for g in subj.children)
            if modal and not own and subj.pos_ in ("NOUN", "PROPN"):
                return "another sense: a warning of a danger, not a threat"
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
        if tok.dep_ == "amod" and (lemma(tok.head) in self.hazard or tok.head.lower_ in self.hazard):
            return "another sense: a participle that describes the weather"  # "freezing drizzle", "driving rain"
        kids = list(tok.children)
        joiners = [c for c in kids if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "acl" else [])
        if lemma(tok) in ("enlist", "re-enlist", "reenlist") and not any(c.dep_ in ("dobj", "nsubjpass") for c in kids) and any(
                c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "i") for c in joiners):
            return "another sense: one person joining up is a life story"  # "he enlisted in the army in 2004"
        # "regulations are often loosely enforced": a present passive with no other auxiliary is as habitual
        present = (tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in kids)) or (
            tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids)
            and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in kids))
        if (present and tok.tag_ == "VBN" and any(c.dep_ == "expl" or (c.dep_ == "nsubjpass" and c.lower_ == "it")
                                                   for c in kids)
                and any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in kids)):
            return "background: a standing rule, said in general"  # "it is prohibited to turn right on red"
        for c in kids:
            if c.dep_ == "advmod" and (c.lower_ in self.habitual_adv or (present and c.lower_ in self.habitual_present)):
                return "background: habitual deeds"  # "the regime routinely tortures detainees", "often fire"
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
