"""Predicates -> events: match patterns, find who did it to whom, judge modality, score.

For every sentence, each verb and event noun is looked up in the pattern lexicon; the most
specific pattern whose constraints hold gives the CAMEO code. Source and target come from
the dependency parse (subject/agent, object or a prepositional object; for nouns the
possessor, a national adjective, "by"/"of" phrases), the modality from ``ModalityRules``,
and the ontology table adds Goldstein, QuadClass, PLOVER and ACLED.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from .. import when as when_mod
from ..model import Actor, Article, Event, PlaceMention, Plover
from ..ontology import cameo, intent_of, refusal_of
from . import acled
from .modality import ModalityRules
from .patterns import Lexicon, Pattern, lexicon

_VERB_OBJ = ("dobj", "obj")
# Prepositions that introduce the target, in order of preference.
_TARGET_PREPS = ("against", "on", "upon", "with", "between", "to", "at", "into", "toward", "towards", "from",
                 "over", "for")
_NOUN_TARGET_PREPS = ("against", "on", "upon", "to", "with", "between", "into", "toward", "towards", "at", "from",
                      "over")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "these",
             "those", "that", "which", "who", "whom"}
_PERSONAL = {"he", "she", "him", "her"}
_RELATIVE = {"that", "which", "who", "whom"}
_SELF_REF = {"it", "they", "he", "she", "we", "i"}
_AT_PLACE = {"in", "near", "on", "at", "around", "outside", "across", "inside"}
# sectors that, named without a country ("the government", "the army"), are the home side's
_DOMESTIC = {"GOV", "MIL", "COP", "OPP", "JUD", "LEG"}
_NAME_ENTS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"}
_BASE = {"asserted": 0.80, "reported": 0.72, "future": 0.55, "hypothetical": 0.35, "negated": 0.30}


@dataclass
class Match:
    trigger: Token
    pattern: Pattern
    obj: Token | None  # the object that satisfied ~object, if any
    noun: bool
    anchor: Token  # where the event hangs in the parse: the trigger, or the head of "mediation effort"


class _Memory:
    """The last actors named, for pronouns: a crude but cheap coreference."""

    def __init__(self) -> None:
        self.person: Actor | None = None
        self.thing: Actor | None = None
        self.names: dict[str, Actor] = {}  # "Sokol" -> the actor first named "Belarusian Ambassador Ihar Sokol"

    def note_name(self, actor: Actor | None, tok: Token) -> None:
        if actor is not None and actor.country and tok.pos_ == "PROPN" and tok.text not in self.names:
            self.names[tok.text] = actor

    def note(self, actor: Actor | None, tok: Token) -> None:
        if actor is None or not actor.code:
            return
        if tok.ent_type_ == "PERSON" or (actor.sector == "GOV" and tok.pos_ == "PROPN" and tok.ent_type_ != "GPE"):
            self.person = actor
        else:
            self.thing = actor

    def resolve(self, tok: Token) -> Actor | None:
        low = tok.lower_
        if low in _PERSONAL:
            ref = self.person or self.thing
        else:
            ref = self.thing or self.person
        return Actor(text=tok.text, code=ref.code, country=ref.country, sector=ref.sector) if ref else None


def _cited_headlines(sent: Span) -> set[int]:
    """Tokens of a parenthesised Title Case phrase: the headline of another story, cited, not reported."""
    out: set[int] = set()
    open_at = None
    for tok in sent:
        if tok.text == "(":
            open_at = tok.i
        elif tok.text == ")" and open_at is not None:
            words = [t for t in sent.doc[open_at + 1:tok.i] if t.is_alpha]
            caps = sum(1 for t in words if t.text[0].isupper())
            if len(words) >= 4 and caps >= 0.7 * len(words):
                out.update(range(open_at + 1, tok.i))
            open_at = None
    return out


def _domestic(sources: list[Actor], targets: list[Actor], home: str | None = None
              ) -> tuple[list[Actor], list[Actor]]:
    """"Colombia's rebels agreed to talks with the government": a government, army or police
    named without a country belongs to the country of the other party, or to the one country
    the sentence names. A phrase with a capitalised modifier ("a senior European official")
    says where it is from and is left alone."""
    def fill(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        country = next((a.country for a in others if a.country), None) or home
        if country is None:
            return actors
        return [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                if (not a.country and a.sector in _DOMESTIC and a.code == a.sector
                    and not any(w[:1].isupper() for w in a.text.split()[1:])) else a
                for a in actors]
    return fill(sources, targets), fill(targets, sources)


def _noun_phrase(head: Token, depth: int = 0):
    """A noun, its modifiers and its own "of/in/near" objects, without the clauses hanging on it."""
    yield head
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod", "appos", "poss"):
            yield c
        elif c.dep_ == "prep" and c.lower_ in ("of", "in", "near", "outside") and depth < 2:
            for g in c.children:
                if g.dep_ == "pobj":
                    yield from _noun_phrase(g, depth + 1)
        elif c.dep_ == "acl" and c.lemma_ in _BASED and depth < 2:
            # "a group based in Trinidad", "troops stationed in Poland"
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "near", "at"):
                    for g in p.children:
                        if g.dep_ == "pobj":
                            yield from _noun_phrase(g, depth + 1)


_BASED = {"base", "locate", "station", "headquarter", "deploy"}
_WILL_CAN = {"will", "wo", "'ll", "shall", "can", "ca", "could", "would"}


def _will_not(tok: Token) -> bool:
    """"will not lift", "cannot accept", "won't release": the refusal is the predicate's own."""
    kids = list(tok.children)
    return (any(c.dep_ == "neg" for c in kids)
            and any(c.dep_ == "aux" and c.lower_ in _WILL_CAN for c in kids))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


class EventCoder:
    def __init__(self, actors, lex: Lexicon | None = None, dates: bool = True) -> None:
        self.actors = actors
        self.dates = dates
        self.lex = lex or lexicon()
        self.modality = ModalityRules(self.lex)
        self.light = self.lex.words("@LIGHT")
        self.event_heads = self.lex.words("@EVENT_HEAD")
        self.stative = self.lex.words("@STATIVE_PASSIVE")
        self.claim_own = self.lex.words("@CLAIM_OWN")
        self.quantity = self.lex.words("@QUANTITY")
        self._places: list[PlaceMention] = []  # of the article being coded
        self.codes = cameo()

    # ---------- matching ----------
    def _candidates(self, tok: Token) -> tuple[list[Pattern], bool] | None:
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT" and _lemma(tok) != "be"):
            plist = self.lex.verbs.get(_lemma(tok)) or self.lex.verbs.get(tok.lower_)
            return (plist, False) if plist else None
        if tok.ent_type_ in ("DATE", "TIME"):
            return None  # "in March" is a month, not a march
        if pos == "PROPN" and tok.ent_type_ in _NAME_ENTS:
            return None  # "the Asia-Pacific Economic Cooperation forum" names a body, not an event
        if pos in ("NOUN", "PROPN") and (tok.dep_ not in ("compound", "amod", "npadvmod", "poss")
                                         or (tok.dep_ == "compound" and _lemma(tok.head) in self.event_heads)):
            plist = self.lex.nouns.get(_lemma(tok)) or self.lex.nouns.get(tok.lower_)
            if plist is None and tok.lower_.endswith("s"):
                plist = self.lex.nouns.get(tok.lower_[:-1])
            return (plist, True) if plist else None
        return None

    @staticmethod
    def _words(tok: Token) -> set[str]:
        out = {_lemma(tok), tok.lower_}
        if tok.ent_type_:
            out.add(":" + tok.ent_type_.lower())
        return out

    def _objects(self, tok: Token, noun: bool, prep_tokens: list[Token]) -> list[Token]:
        # "call on the government": a preposition with an object of its own holds the object the
        # pattern means ("called Morrison on Wednesday" is no appeal); a bare particle does not
        objs = [g for p in prep_tokens for g in p.children if g.dep_ == "pobj"]
        if not objs and noun:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs += [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "compound":
                    objs.append(c)
        elif not objs:
            objs = [c for c in tok.children if c.dep_ in _VERB_OBJ or c.dep_ == "nsubjpass"]
        # "hundreds of soldiers", "some of its troops", "tons of medicine": the noun inside counts
        for o in list(objs):
            if o.pos_ == "NUM" or o.lemma_.lower() in self.quantity:
                objs += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
        return objs

    def _agent_head(self, tok: Token, noun: bool) -> Token | None:
        if noun:
            for c in tok.children:
                if c.dep_ == "poss":
                    return c
            return None
        return self._subject_token(tok)

    def _match(self, tok: Token) -> Match | None:
        found = self._candidates(tok)
        if not found:
            return None
        plist, noun = found
        anchor = tok.head if noun and tok.dep_ == "compound" else tok
        if not noun and _lemma(tok) in self.light and any(c.dep_ in _VERB_OBJ for c in tok.children):
            plist = [p for p in plist if p.specificity > 0]  # "launch an effort": the object decides
        children = list(tok.children) + ([c for c in anchor.children if c is not tok] if anchor is not tok else [])
        for p in plist:
            prep_tokens: list[Token] = []
            ok = True
            for need in p.preps:
                pool = children + [g for t in prep_tokens for g in t.children if g.dep_ == "prep"]
                hit = next((c for c in pool if c.dep_ in ("prep", "prt", "agent", "dative", "advmod")
                            and c.lower_ in need), None)
                if hit is None:
                    ok = False
                    break
                prep_tokens.append(hit)
            if not ok:
                continue
            obj_tok = None
            if p.obj is not None:
                objs = self._objects(tok, noun, prep_tokens)
                obj_tok = next((o for o in objs if self._words(o) & p.obj
                                or any(self._words(c) & p.obj for c in o.children if c.dep_ == "compound")), None)
                if obj_tok is None:
                    continue
            if p.mod is not None:
                pool = [c for c in children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")]
                if obj_tok is not None:
                    pool += [c for c in obj_tok.children if c.dep_ in ("amod", "compound", "nmod")]
                if not any(self._words(c) & p.mod for c in pool):
                    continue
            if p.comp is not None:
                if not any(c.dep_ in ("xcomp", "ccomp") and self._words(c) & p.comp for c in children):
                    continue
            if p.agent is not None:
                a = self._agent_head(tok, noun)
                if a is None or not ({_lemma(a), a.lower_} | {_lemma(c) for c in a.children
                                                              if c.dep_ == "compound"}) & p.agent:
                    continue
            return Match(tok, p, obj_tok, noun, anchor)
        return None

    # ---------- roles ----------
    def _subject_token(self, verb: Token) -> Token | None:
        cur, steps = verb, 0
        while steps < 6:
            steps += 1
            for c in cur.children:
                if c.dep_ in ("nsubj", "csubj"):
                    if c.lower_ in _RELATIVE and cur.dep_ == "relcl":
                        return cur.head
                    return c
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
            if cur.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in cur.children):
                return cur.head
            if cur.dep_ == "acl" and cur.tag_ == "VBG":
                return cur.head  # "rail lines carrying troops": the noun does it
            if cur.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                # "Trump's decision to recognise": the possessor of the noun acts
                return next((c for c in cur.head.children if c.dep_ == "poss"), None)
            if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") or (cur.dep_ == "ccomp" and
                                                                             cur.lemma_ == "be"):
                cur = cur.head
                if cur.dep_ == "prep":
                    cur = cur.head
                continue
            return None
        return None

    def _expand(self, tok: Token) -> list[Token]:
        """A head and the heads conjoined with it ("Belarus and Russia")."""
        return [tok] + [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN", "ADJ")]

    def _actor(self, tok: Token | None, when: Date | None, memory: _Memory,
               sayer: Actor | None = None) -> Actor | None:
        if tok is None:
            return None
        if tok.pos_ == "PRON" or (tok.lower_ in _PRONOUNS and not tok.text.isupper()):  # "US" is no "us"
            return memory.resolve(tok)
        try:
            actor = self.actors.actor(tok, when)
        except Exception:  # a resolver bug must not lose the article
            actor = None
        if tok.pos_ == "PROPN" and (actor is None or not actor.country):
            known = memory.names.get(tok.text)
            if known is not None:  # a name the article introduced earlier with its country
                actor = Actor(text=actor.text if actor else tok.text, code=known.code, country=known.country,
                              sector=known.sector)
        if actor is not None and actor.code and not actor.country and self._places:
            # "the government of Sindh province": a place inside the phrase says whose it is
            for t in _noun_phrase(tok):
                place = self._place_at(t)
                if place is not None:
                    actor = Actor(text=actor.text, code=place.country + (actor.sector or ""),
                                  country=place.country, sector=actor.sector)
                    break
        memory.note_name(actor, tok)
        if actor is not None and actor.code and not actor.country:
            # "his defense minister": a possessive pronoun lends the country of who it names
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if poss is not None:
                # "Baku denied that its troops...": under a speaker, "its" is the speaker's
                ref = sayer if sayer is not None and sayer.country else memory.resolve(poss)
                if ref and ref.country:
                    sector = actor.sector
                    actor = Actor(text=actor.text, code=ref.country + (sector or ""), country=ref.country,
                                  sector=sector)
        return actor

    def _inner_actor(self, tok: Token, when: Date | None, memory: _Memory, skip: set[int]) -> Actor | None:
        """The first actor named inside a phrase that is not one ("rail lines carrying Russian troops")."""
        for t in tok.subtree:
            if t.i == tok.i or t.i in skip:
                continue
            if t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.dep_ == "compound"):
                a = self.actors.lookup(t.text, when)
                if a is not None and t.pos_ == "ADJ" and not a.country:
                    continue  # "humanitarian access" names no party; "Ukrainian territory" does
            elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj", "poss", "nsubj", "appos", "conj", "nmod"):
                a = self._actor(t, when, memory)
            else:
                continue
            if a is not None and a.code:
                return a
        return None

    def _roles(self, m: Match, when: Date | None, memory: _Memory, sayer: Actor | None = None):
        tok = m.anchor
        sources: list[Token] = []
        targets: list[Token] = []
        if not m.noun:
            subj = self._subject_token(tok)
            passive = (any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                       and _lemma(tok) not in self.stative)
            if passive:
                targets += [c for c in tok.children if c.dep_ == "nsubjpass"]
                if tok.dep_ == "acl" and tok.tag_ == "VBN":
                    targets.append(tok.head)
                subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                             if g.dep_ == "pobj"), None)
            elif tok.dep_ == "acl" and tok.tag_ == "VBN":
                targets.append(tok.head)  # "troops sent to the border": the noun undergoes it
                subj = None
            if subj is None and _lemma(tok) in self.stative:
                subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                sources = self._expand(subj)
            if not targets:
                targets = [c for c in tok.children if c.dep_ in _VERB_OBJ or c.dep_ == "dative"]
            preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "agent")}
        else:
            for c in tok.children:
                if c.dep_ == "poss":
                    sources = self._expand(c)
                    break
            if not sources:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "by":
                        sources = [g for g in c.children if g.dep_ == "pobj"]
                    elif c.dep_ == "prep" and c.lower_ == "between":
                        # "clashes between police and protesters": one side each
                        sides = [x for g in c.children if g.dep_ == "pobj" for x in self._expand(g)]
                        if len(sides) >= 2:
                            sources, targets = sides[:1], sides[1:]
            head = tok.head
            if not sources and tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "ADP"):
                verb = head.head if head.pos_ == "ADP" else head
                if verb.pos_ == "VERB" and (_lemma(verb) in self.light or head.pos_ == "ADP"
                                            or tok.dep_ == "dobj"):
                    s = self._subject_token(verb)
                    if s is None and head.pos_ == "ADP":
                        # "Serb forces were engaged in ethnic cleansing": the passive subject acts
                        s = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                    if s is not None:
                        sources = self._expand(s)
            preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        # resolve; "X said it will ...": the pronoun is the speaker
        src_actors = [a for a in ((sayer if sayer is not None and s.lower_ in _SELF_REF
                                   else self._actor(s, when, memory, sayer)) for s in sources) if a is not None]
        used = {s.i for s in sources}
        if not src_actors and sources:
            # "the APEC forum": an actor named inside a phrase the resolver cannot place
            a = self._inner_actor(sources[0], when, memory, set())
            if a is not None:
                src_actors = [a]
        if m.noun and not src_actors:
            for c in tok.children:  # "a Belarusian assault", "Russian airstrikes", "US Predator attacks"
                if c.dep_ in ("amod", "compound", "nmod") and c.i not in used and c is not m.trigger:
                    a = (self.actors.lookup(c.text, when) if c.pos_ == "ADJ"
                         else self._actor(c, when, memory))
                    if a is not None and a.code:
                        src_actors = [a]
                        used.add(c.i)
                        break
        owner_target_from = None
        if m.noun and not src_actors and m.pattern.owner_is_source and m.obj is not None:
            a = self._actor(m.obj, when, memory)
            if a is not None and a.code:
                src_actors = [a]
                used.add(m.obj.i)
                owner_target_from = m.obj
        means_preps: dict[str, Token] = {}
        if m.obj is not None and m.pattern.obj is not None and not m.noun:
            # "sent troops to the border", "recalled its ambassador to Azerbaijan": what the source
            # sends or recalls of its own is the means; the other party hangs on it or on the verb
            own_means = self._actor(m.obj, when, memory, sayer)
            src_countries = {a.country for a in src_actors if a.country}
            if own_means is not None and (not own_means.country or own_means.country in src_countries):
                targets = [t for t in targets if not (t.left_edge.i <= m.obj.i <= t.right_edge.i)]
                means_preps = {c.lower_: c for c in m.obj.children if c.dep_ == "prep"}
        tgt_actors: list[Actor] = []
        for t in targets:
            for x in self._expand(t):
                a = self._actor(x, when, memory)
                if a is not None and x.i not in used:
                    tgt_actors.append(a)
        if not tgt_actors:
            prep_order = _NOUN_TARGET_PREPS if m.noun else _TARGET_PREPS
            pools = [preps, means_preps]
            if owner_target_from is not None:
                pools.insert(0, {c.lower_: c for c in owner_target_from.children if c.dep_ == "prep"})
            if m.noun and m.obj is None:
                pools.append({c.lower_: c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"})
            for pool in pools:
                for p in (*prep_order, "of"):
                    if p not in pool or (p == "in" and not m.noun and tgt_actors):
                        continue
                    for g in pool[p].children:
                        if g.dep_ == "pobj" and g.i not in used:
                            a = self._actor(g, when, memory)
                            if a is not None and (a.code or p not in ("in", "at", "from", "over", "for")):
                                tgt_actors.append(a)
                    if tgt_actors:
                        break
                if tgt_actors:
                    break
        if not tgt_actors and targets:
            a = self._inner_actor(targets[0], when, memory, used)
            if a is not None:
                tgt_actors.append(a)
        if not tgt_actors and m.obj is not None and m.obj.i not in used and not m.noun:
            a = self._inner_actor(m.obj, when, memory, used)
            if a is not None:
                tgt_actors.append(a)
        return src_actors, tgt_actors

    def _place_at(self, tok: Token) -> PlaceMention | None:
        """The place mention, with a country, that covers ``tok`` in the article being coded."""
        return next((p for p in self._places if p.start <= tok.idx < p.end and p.country), None)

    def _place_target(self, m: Match, sources: list[Actor]) -> list[Actor]:
        """"Shelled the city of Kharkiv", "struck targets in southern Lebanon": force used on a
        place is used on the country it lies in (unless that is the attacker's own)."""
        tok = m.anchor
        heads = [c for c in tok.children if c.dep_ in _VERB_OBJ]
        heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _AT_PLACE
                  for g in c.children if g.dep_ == "pobj"]
        own = {a.country for a in sources if a.country}
        for h in heads:
            for t in _noun_phrase(h):
                place = self._place_at(t)
                if place is not None and place.country not in own:
                    return [Actor(text=place.text, code=place.country, country=place.country)]
        return []

    def _place_actor(self, tok: Token, when: Date | None) -> Actor | None:
        """Protests with no named protester: the people of the place they happen in."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout", "at"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    a = self.actors.lookup(g.text, when)
                    country = a.country if a else None
                    if country is None:
                        place = self._place_at(g)
                        country = place.country if place else None
                    if country:
                        return Actor(text=g.text, code=country + "CVL", country=country, sector="CVL")
        return None

    # ---------- events ----------
    def code_doc(self, doc: Doc, article: Article, places: list[PlaceMention] | tuple = (), geo=None) -> list[Event]:
        when = article.date
        memory = _Memory()
        events: list[Event] = []
        self._places = list(places)
        for si, sent in enumerate(doc.sents):
            events += self._code_sentence(sent, si, article, memory, geo)
            for tok in sent:  # remember who the sentence is about, for pronouns in the next
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") and tok.head.dep_ == "ROOT":
                    memory.note(self._actor(tok, when, memory), tok)
        return acled.type_events(doc, events)

    def _code_sentence(self, sent: Span, si: int, article: Article, memory: _Memory,
                       geo) -> list[Event]:
        when = article.date
        cited = _cited_headlines(sent)
        matches = [m for m in (self._match(t) for t in sent if t.i not in cited) if m is not None]
        # "launches combat sorties": a verb pattern that named the noun already codes it
        covered = {m.obj.i for m in matches if not m.noun and m.obj is not None and m.pattern.code}
        matches = [m for m in matches if not (m.noun and m.trigger.i in covered)]
        noun_triggers = {m.anchor.i for m in matches if m.noun}
        out: list[Event] = []
        text = article.text
        s_start, s_end = sent.start_char, sent.end_char
        sentence = text[s_start:s_end].strip()
        if not sentence:
            return out
        found = []
        for m in matches:
            if m.pattern.code is None:
                continue
            tok = m.anchor
            if not m.noun and m.pattern.specificity == 0 and any(
                    c.i in noun_triggers for c in tok.children if c.dep_ in _VERB_OBJ):
                continue  # "launched an offensive": the noun carries the event
            mod = self.modality.of(tok)
            sayer = None
            if mod.sayer is not None:
                # "analysts said": whoever says it, known actor or not, is who it is attributed to
                sayer = self._actor(mod.sayer, when, memory) or Actor(
                    text=sent.doc[mod.sayer.left_edge.i:mod.sayer.right_edge.i + 1].text)
            sources, targets = self._roles(m, when, memory, sayer)
            code = self.codes[m.pattern.code]
            if not sources and code.root == "14":
                pa = self._place_actor(tok, when)
                if pa is not None:
                    sources = [pa]
            if not targets and code.root in ("17", "18", "19", "20"):
                targets = self._place_target(m, sources)
            found.append((m, tok, mod, sayer, sources, targets, code))
        # one country named in the sentence is home to its bare "police" and "the government"
        countries = {a.country for *_, sayer, sources, targets, _ in found
                     for a in (*sources, *targets, sayer) if a is not None and a.country}
        home = next(iter(countries)) if len(countries) == 1 else None
        k = 0
        for m, tok, mod, sayer, sources, targets, code in found:
            sources, targets = _domestic(sources, targets, home)
            if not sources and not targets:
                continue
            dt = (when_mod.event_date(tok, when, future=mod.modality == "future") if self.dates
                  else when_mod.stand_in(when))
            location = geo.event_location(tok, self._places) if geo is not None else None
            variants = [(code, mod.modality, m.pattern.rule)]
            own = bool(sources) and (sayer is None or any(a is sayer or (a.country and a.country == sayer.country)
                                                          for a in sources))
            if own and mod.modality == "future" and intent_of(code.code):
                # "the rebels said they will free the hostages": the promise is the event CAMEO codes,
                # and the rebels saying it of themselves is no hearsay
                said = mod.without_future()
                variants.append((self.codes[intent_of(code.code)], "asserted" if said == "reported" else said,
                                 f"announced: {m.pattern.rule}"))
            elif own and mod.modality == "negated" and _will_not(tok) and refusal_of(code.code):
                # "Hungary says it will not accept refugees": the refusal is the event
                said = mod.without({"negated", "future", "hypothetical"})
                variants.append((self.codes[refusal_of(code.code)], "asserted" if said == "reported" else said,
                                 f"refused: {m.pattern.rule}"))
            if (mod.modality == "reported" and sayer is not None and mod.sayer is not None
                    and _lemma(mod.sayer.head) in self.claim_own and code.root >= "14"
                    and any(a is sayer or (a.code and a.code == sayer.code) for a in sources)):
                # "the rebels claimed they had attacked the base": owning up is the event
                variants.append((self.codes["015"], "asserted", f"claimed: {m.pattern.rule}"))
            for vcode, modality, rule in variants:
                conf = self._confidence(m, modality, sources, targets, vcode.root, derived=vcode is not code)
                for src in sources or [None]:
                    for tgt in targets or [None]:
                        if src is not None and tgt is not None and src.code and src.code == tgt.code:
                            if len(targets) > 1:
                                continue
                            tgt = None  # "talks at Downing Street": a venue of one's own is no party
                        out.append(Event(
                            event_id=f"{article.id}:s{si}:e{k}", article_id=article.id, sentence=sentence,
                            span=(m.trigger.idx, m.trigger.idx + len(m.trigger.text)), date=dt.date, date_precision=dt.precision,
                            date_from_text=dt.from_text, source=src, target=tgt, cameo=vcode.code,
                            goldstein=vcode.goldstein, quad_class=vcode.quad_class,
                            plover=Plover(type=vcode.plover_type, mode=vcode.plover_mode) if vcode.plover_type
                            else None,
                            acled=vcode.acled, modality=modality,
                            attributed_to=sayer if modality != "asserted" else None,
                            location=location, confidence=conf, rule=rule))
                        k += 1
        return out

    def _confidence(self, m: Match, modality: str, sources, targets, root: str, derived: bool = False) -> float:
        c = _BASE[modality]
        if any(a.code for a in sources):
            c += 0.08
        if any(a.code for a in targets):
            c += 0.05
        c += min(0.09, 0.03 * m.pattern.specificity)
        if m.noun:
            c -= 0.06
        if root == "01" and m.pattern.specificity == 0 and not derived:
            c -= 0.25  # a bare "said" yields to any other event; condolences or a denial do not
        depth, cur = 0, m.anchor
        while cur.dep_ != "ROOT" and cur.head is not cur and depth < 8:
            depth += 1
            cur = cur.head
        c -= min(0.08, 0.015 * depth)
        return round(max(0.05, min(0.99, c)), 3)
