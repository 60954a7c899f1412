"""Roles: who did it to whom, from the dependency parse around a matched predicate.

For a verb the subject (or a passive's "by" agent) is the source and the object, a passive
subject or a prepositional object the target; for an event noun the possessor, a national
adjective or a "by" phrase is the source and an "against/on/to/with/of" object the target.
Mentions resolve to actors through the actor resolver, pronouns through the article's memory
of who was named last, bare sector nouns through the other party or the one country the
sentence names. ``Roles`` holds only tables; what it learns of the article goes to the
``ArticleContext`` it is handed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..model import Actor
from .context import ArticleContext
from .match import Match
from .patterns import Lexicon
from .acled import war_means
from .syntax import (VERB_OBJ, accusation, accused, expand, lemma, noun_phrase, passive, patients,
                     resultative_objects, subject_token)

# Prepositions that introduce the target, in order of preference.
_TARGET_PREPS = ("against", "on", "upon", "with", "between", "to", "at", "into", "toward", "towards", "from",
                 "over", "for")
_NOUN_TARGET_PREPS = ("against", "on", "upon", "to", "with", "between", "into", "toward", "towards", "at", "from",
                      "over")
# A target named only by one of these is a party only if it resolves to a code ("in Paris" is a venue).
_WEAK_TARGET_PREPS = ("in", "at", "from", "over", "for")
# prepositions that aim hostility at what they name
_AIMED = frozenset({"against", "on", "upon", "at", "toward", "towards", "into"})
# what an event is done to: never where its source is looked for ("between" names both sides)
_SOURCE_PRUNE = frozenset(_NOUN_TARGET_PREPS) - {"between"}
# where a deed or a weapon was ("a car bomb in central Turkey") says nothing of whose it was
_WHERE = frozenset({"in", "near", "outside", "inside", "across", "around", "of"})
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "these",
             "those", "that", "which", "who", "whom"}
_SELF_REF = {"it", "they", "he", "she", "we", "i"}
_AT_PLACE = {"in", "near", "on", "at", "around", "outside", "across", "inside"}
# sectors that, named without a country ("the government", "the army"), are the home side's
_DOMESTIC = {"GOV", "MIL", "COP", "OPP", "JUD", "LEG"}
# a state and its organs (None: the country itself); in a hostile event one of them opposing a
# bare "army" or "drone" does not lend it its country: a state seldom attacks its own navy
_STATE = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# sectors that take the country of the place they act in, when only a place names one
_PEOPLE_HERE = (_DOMESTIC - {"GOV"}) | {"CVL", "LAB", "EDU", "BUS", "AGR", "REL", "MED", "HLH", "REF", "ELI"}


@dataclass
class Slots:
    """The tokens that fill the roles of one predicate, before they resolve to actors."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    preps: dict[str, Token] = field(default_factory=dict)


def domestic(sources: list[Actor], targets: list[Actor], home: str | None = None, hostile: bool = False,
             venue: bool = False) -> tuple[list[Actor], list[Actor]]:
    """"Colombia's rebels agreed to talks with the government": a government, army or police
    named without a country belongs to the country of the other party, or to the one country
    the sentence names. A phrase with a capitalised modifier ("a senior European official")
    says where it is from and is left alone. In a ``hostile`` event only a party that is no
    state lends its country ("police clashed with Kenyan protesters"); "a drone attack on the
    Indian fleet" says nothing of whose drone it was. A ``venue`` home comes from the places
    the sentence names, which say where police act but not whose ministers met there."""
    def fill(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        if hostile:
            rivals = {a.country for a in others if a.country and a.sector in _STATE}
            country = next((a.country for a in others if a.country and a.sector not in _STATE), None)
            if country is None and home not in rivals:
                country = home
        else:
            country = next((a.country for a in others if a.country), None) or home
        if country is None:
            return actors
        # people where they act ("demonstrators marched through Caracas"), but no government
        kinds = _PEOPLE_HERE if venue and country == home else _DOMESTIC
        return [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                if (not a.country and a.sector in kinds and a.code == a.sector
                    and not _says_where(a.text)) else a
                for a in actors]
    def rebels(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        # "Gbagbo broke the ceasefire with rebels": a government's rebels are its own country's
        # (not a diplomat's: "gunmen shot dead the Dutch ambassador" in Chile are no Dutch rebels)
        country = next((a.country for a in others if a.country and a.sector == "GOV"
                        and not set(a.text.lower().split()) & _ENVOYS), None)
        if country is None:
            return actors
        return [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                if not a.country and a.sector == "REB" and a.code == a.sector else a for a in actors]
    s, t = fill(sources, targets), fill(targets, sources)
    return rebels(s, t), rebels(t, s)


_ENVOYS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul", "embassy"})
_NOT_NAME = {"The", "A", "An", "Of", "For", "And"}  # "Skripal poisoning The Foreign Ministry" is no title and name


def _says_where(text: str) -> bool:
    """Whether a capitalised modifier says where an actor is from ("a senior European official");
    the capitalised name a title ends in does not ("opposition leader Maulana Fazl-ur-Rehman")."""
    ws = text.split()[1:]
    while ws and ws[-1][:1].isupper() and ws[-1] not in _NOT_NAME:
        ws.pop()
    return any(w[:1].isupper() for w in ws)


def _anti(tok: Token) -> bool:
    """"anti-French", "anti - government": the modifier names whom the thing is against."""
    doc, i = tok.doc, tok.i
    return (tok.lower_.startswith("anti-") or (i >= 1 and doc[i - 1].lower_ == "anti")
            or (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"))


class Roles:
    def __init__(self, actors, lex: Lexicon) -> None:
        self.actors = actors
        self.light = lex.words("@LIGHT")
        self.stative = lex.words("@STATIVE_PASSIVE")
        self.stance = lex.words("@STANCE")
        self.accuse = lex.words("@ACCUSE_OF")
        self.parties = lex.words("@ACTORN")  # nouns that can act: "ordered the army to ..."
        # "comments reported by MTI", "a strike condemned by the UN": no doer by "by"
        self.not_doer = lex.words("@SAY") | self.stance | lex.words("@BACKERS")
        self.weapons = lex.words("@WEAPON")
        self.undergo = lex.words("@UNDERGO")
        self.things = frozenset(lex.nouns) | self.weapons  # deeds and means, not parties
        # deeds of force and weapons: what meets them meets whoever used them
        self.force_things = frozenset(n for n, ps in lex.nouns.items()
                                      if any(p.code and p.code[:2] in ("18", "19", "20") for p in ps)) | self.weapons

    # ---------- one mention -> one actor ----------
    def actor(self, tok: Token | None, ctx: ArticleContext, sayer: Actor | None = None) -> Actor | None:
        if tok is None:
            return None
        memory = ctx.memory
        if tok.pos_ == "PRON" or (tok.lower_ in _PRONOUNS and not tok.text.isupper()):  # "US" is no "us"
            return memory.resolve(tok)
        try:
            actor = self.actors.actor(tok, ctx.when)
        except Exception:  # a resolver bug must not lose the article
            actor = None
        if actor is None and tok.pos_ == "NOUN":
            actor = memory.pair_before(tok)  # "the two countries": the pair the article named last
        if tok.pos_ == "PROPN" and (actor is None or not actor.country):
            known = memory.names.get(tok.text)
            if known is not None:  # a name the article introduced earlier with its country
                actor = Actor(text=actor.text if actor else tok.text, code=known.code, country=known.country,
                              sector=known.sector)
        if actor is not None and actor.code == actor.sector and actor.code and not actor.country and ctx.places:
            # "the government of Sindh province": a place inside the phrase says whose it is
            for t in noun_phrase(tok):
                place = ctx.place_at(t)
                if place is not None:
                    actor = Actor(text=actor.text, code=place.country + (actor.sector or ""),
                                  country=place.country, sector=actor.sector)
                    break
        memory.note_name(actor, tok)
        if actor is not None and actor.code and not actor.country:
            actor = self._possessor_country(actor, tok, ctx, sayer)
        return actor

    @staticmethod
    def _possessor_country(actor: Actor, tok: Token, ctx: ArticleContext, sayer: Actor | None) -> Actor:
        """"his defense minister": a possessive pronoun lends the country of who it names."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            # "the country's parliament", "the troops" named again: whose the article just said
            country = ctx.memory.bare_country(tok, actor.sector)
            return Actor(text=actor.text, code=country + (actor.sector or ""), country=country,
                         sector=actor.sector) if country else actor
        # "Baku denied that its troops...": under a speaker, "its" is the speaker's
        ref = sayer if sayer is not None and sayer.country else ctx.memory.resolve(poss)
        if ref and ref.country:
            return Actor(text=actor.text, code=ref.country + (actor.sector or ""), country=ref.country,
                         sector=actor.sector)
        return actor

    def inner_actor(self, tok: Token, ctx: ArticleContext, skip: set[int], source: bool = False) -> Actor | None:
        """The first actor named inside a phrase that is not one ("rail lines carrying Russian troops").

        For a ``source``, never inside what the phrase is done to: in "the attack on the Indian
        fleet killed four sailors" the fleet is the attack's target, not the killer."""
        if source:
            skip = set(skip)
            for t in tok.subtree:
                if t.dep_ == "prep" and (t.lower_ in _SOURCE_PRUNE or
                                         (t.lower_ in _WHERE and lemma(t.head) in self.things)):
                    skip.update(x.i for x in t.subtree)
        for t in tok.subtree:
            if t.i == tok.i or t.i in skip:
                continue
            if t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.dep_ == "compound"):
                a = self.actors.lookup(t.text, ctx.when)
                if a is not None and t.pos_ == "ADJ" and not a.country:
                    continue  # "humanitarian access" names no party; "Ukrainian territory" does
            elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj", "poss", "nsubj", "appos", "conj", "nmod"):
                a = self.actor(t, ctx)
            else:
                continue
            if a is not None and a.code:
                return a
        return None

    # ---------- which tokens fill the roles ----------
    def _verb_slots(self, tok: Token) -> Slots:
        subj = subject_token(tok, self.accuse, self.parties)
        targets: list[Token] = []
        if passive(tok) and lemma(tok) not in self.stative:
            targets += patients(tok)
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                targets.append(tok.head)
            subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                         if g.dep_ == "pobj"), None)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":
            targets.append(tok.head)  # "troops sent to the border": the noun undergoes it
            subj = None
        if subj is None and lemma(tok) in self.stative:
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        sources = expand(subj) if subj is not None else []
        if not targets:
            targets = [c for c in tok.children if c.dep_ in VERB_OBJ or c.dep_ == "dative"] + resultative_objects(tok)
        preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "agent")}
        return Slots(sources, targets, preps)

    def _noun_slots(self, tok: Token) -> Slots:
        sources: list[Token] = []
        targets: list[Token] = []
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and poss.pos_ == "PRON" and tok.dep_ in VERB_OBJ and lemma(tok.head) in self.light:
            poss = None  # "their forces completed their withdrawal": the light verb's subject names them
        if poss is not None:
            sources = expand(poss)
        else:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    sources = [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ == "between":
                    # "clashes between police and protesters": one side each; "the war between
                    # the US, Israel and Iran": the last named stands against the others
                    sides = [x for g in c.children if g.dep_ == "pobj" for x in expand(g)]
                    if len(sides) >= 2:
                        sources, targets = sides[:-1], sides[-1:]
        if not sources:
            sources = self._participle_agent(tok)
        if not sources:
            sources = self._light_verb_subject(tok)
        if not targets and tok.dep_ in ("dobj", "obj") and lemma(tok.head) in self.undergo:
            # "Yoon received a life sentence": who receives it undergoes it
            s = subject_token(tok.head, self.accuse, self.parties)
            targets = expand(s) if s is not None else []
        preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        return Slots(sources, targets, preps)

    def _participle_agent(self, tok: Token) -> list[Token]:
        """"the sanctions imposed by Turkey", "an attack carried out by rebels"."""
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) not in self.not_doer:
                for a in c.children:
                    if a.dep_ == "agent":
                        return [g for g in a.children if g.dep_ == "pobj"][:1]
        return []

    def _light_verb_subject(self, tok: Token) -> list[Token]:
        """"Russia launched an invasion", "forces were engaged in ethnic cleansing": the noun's
        doer is the subject of the verb that carries it. "Poland accused Belarus of an attack":
        the accused's. What one condemns, answers or fears (``@STANCE``) is no deed of one's own."""
        head = tok.head
        if not (tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "ADP")):
            return []
        verb = head.head if head.pos_ == "ADP" else head
        if head.pos_ == "ADP" and accusation(head, self.accuse):
            x = accused(verb)
            return expand(x) if x is not None else []
        if lemma(verb) in self.stance or lemma(verb) in self.undergo:
            return []
        if not (verb.pos_ == "VERB" and (lemma(verb) in self.light or head.pos_ == "ADP" or tok.dep_ == "dobj")):
            return []
        s = subject_token(verb, self.accuse, self.parties)
        if s is None and head.pos_ == "ADP":
            # "Serb forces were engaged in ethnic cleansing": the passive subject acts
            s = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return expand(s) if s is not None else []

    # ---------- slots -> actors ----------
    def _source_actors(self, m: Match, slots: Slots, ctx: ArticleContext, sayer: Actor | None,
                       used: set[int]) -> tuple[list[Actor], Token | None]:
        """The source actors, and the object whose owner turned out to be the source, if any."""
        # "X said it will ...": the pronoun is the speaker
        # (inside a quotation "they" is whom the speaker speaks of, not the speaker)
        found = [a for a in ((sayer if sayer is not None and s.lower_ in _SELF_REF and not ctx.memory.quoted_other(s)
                              else self.actor(s, ctx, sayer)) for s in slots.sources) if a is not None]
        used.update(s.i for s in slots.sources)
        if not found and slots.sources:
            # "the APEC forum": an actor named inside a phrase the resolver cannot place
            a = self.inner_actor(slots.sources[0], ctx, set(), source=True)
            if a is not None:
                found = [a]
        if m.noun and not found:
            found = self._modifier_actor(m, ctx, used)
        if m.noun and not found and m.pattern.owner_is_source and m.obj is not None:
            a = self.actor(m.obj, ctx)
            if a is not None and a.code:
                used.add(m.obj.i)
                return [a], m.obj
        return found, None

    def _modifier_actor(self, m: Match, ctx: ArticleContext, used: set[int]) -> list[Actor]:
        """"a Belarusian assault", "Russian airstrikes", "US Predator attacks"."""
        for c in m.anchor.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i not in used and c is not m.trigger and not _anti(c):
                a = self.actors.lookup(c.text, ctx.when) if c.pos_ == "ADJ" else self.actor(c, ctx)
                if a is not None and a.code:
                    used.add(c.i)
                    return [a]
        return []

    def _own_means(self, m: Match, slots: Slots, sources: list[Actor], ctx: ArticleContext,
                   sayer: Actor | None) -> dict[str, Token]:
        """"sent troops to the border", "recalled its ambassador to Azerbaijan": what the source
        sends or recalls of its own is the means; the other party hangs on it or on the verb.
        Drops the means from the targets and returns its prepositions."""
        if m.obj is None or m.pattern.obj is None or m.noun:
            return {}
        if not sources and (any(lemma(s) in self.weapons for s in slots.sources) or war_means(m.anchor)):
            # "a landmine killed two children", "two were killed when a landmine exploded": a weapon
            # acting alone has no means of its own
            return {}
        own_means = self.actor(m.obj, ctx, sayer)
        src_countries = {a.country for a in sources if a.country}
        if own_means is None or (own_means.country and own_means.country not in src_countries):
            return {}
        slots.targets = [t for t in slots.targets if not (t.left_edge.i <= m.obj.i <= t.right_edge.i)]
        return {c.lower_: c for c in m.obj.children if c.dep_ == "prep"}

    def _prep_targets(self, m: Match, pools: list[dict[str, Token]], ctx: ArticleContext,
                      used: set[int]) -> list[Actor]:
        found: list[Actor] = []
        hostile = (m.pattern.code or "")[:2] >= "13"
        prep_order = _NOUN_TARGET_PREPS if m.noun else _TARGET_PREPS
        for pool in pools:
            for p in (*prep_order, "of"):
                if p not in pool or (p == "in" and not m.noun and found):
                    continue
                for g in pool[p].children:
                    if g.dep_ == "pobj" and g.i not in used:
                        a = self.actor(g, ctx)
                        if (a is None or not a.code) and hostile and p in _AIMED:
                            # "a drone attack on the Indian navy's fleet": whose the thing hit is
                            a = self.inner_actor(g, ctx, used) or a
                        if a is not None and (a.code or p not in _WEAK_TARGET_PREPS):
                            found.append(a)
                if found:
                    return found
        return found

    def _target_actors(self, m: Match, slots: Slots, ctx: ArticleContext, used: set[int],
                       means_preps: dict[str, Token], owner_of: Token | None, binder: Actor | None = None
                       ) -> list[Actor]:
        """``binder``: the source, whose "its" and "their" an object's possessive is."""
        found: list[Actor] = []
        seen: set[int] = set()
        for t in slots.targets:
            for x in expand(t):
                if x.i in seen:  # the sides of "between A, B and C" are conjuncts of each other
                    continue
                seen.add(x.i)
                a = self.actor(x, ctx, binder)
                if a is not None and x.i not in used and not (lemma(x) in self.weapons and not a.country):
                    found.append(a)  # a bare "drones" banned or seized is a means, no party
        thing = next((t for t in slots.targets if lemma(t) in self.force_things or t.lower_ in self.force_things),
                     None)
        if thing is None or m.noun or (m.pattern.code or "")[:2] < "13":
            thing = None
        if not found and thing is not None:
            # "repelled a Russian attack on Kharkiv", "intercepted Iranian missiles over Tel Aviv", "foiled a
            # bombing of the embassy": force met with force is aimed at whose deed or weapon it is, not at
            # what that was aimed at or where it was
            a = self.inner_actor(thing, ctx, used, source=True)
            if a is not None:
                return [a]
        if not found:
            pools = [slots.preps, means_preps]
            if owner_of is not None:
                pools.insert(0, {c.lower_: c for c in owner_of.children if c.dep_ == "prep"})
            if m.noun and m.obj is None:
                pools.append({c.lower_: c for c in m.anchor.children if c.dep_ == "prep" and c.lower_ == "of"})
            found = self._prep_targets(m, pools, ctx, used)
        if not found and m.noun:
            # "anti-French demonstrations", "anti-government protests": the modifier is the target
            for c in m.anchor.children:
                if c.dep_ in ("amod", "compound", "nmod") and _anti(c) and c.i not in used:
                    a = self.actors.lookup(c.text, ctx.when) if c.pos_ == "ADJ" else self.actor(c, ctx)
                    if a is not None and a.code:
                        found.append(a)
                        break
        if not found and slots.targets and thing is None:
            a = self.inner_actor(slots.targets[0], ctx, used)
            if a is not None:
                found.append(a)
        if not found and m.obj is not None and m.obj.i not in used and not m.noun and thing is None:
            a = self.inner_actor(m.obj, ctx, used)
            if a is not None:
                found.append(a)
        return found

    def roles(self, m: Match, ctx: ArticleContext, sayer: Actor | None = None) -> tuple[list[Actor], list[Actor]]:
        """Source and target actors of a matched predicate."""
        slots = self._noun_slots(m.anchor) if m.noun else self._verb_slots(m.anchor)
        used: set[int] = set()
        sources, owner_of = self._source_actors(m, slots, ctx, sayer, used)
        if (not sources and not m.noun and m.obj is not None and (m.pattern.code or "")[:2] == "15"
                and m.obj in slots.targets):
            # "troops were deployed to the Assembly": the force deployed is the one that acts
            a = self.actor(m.obj, ctx, sayer)
            if a is not None and a.code:
                sources = [a]
                used.add(m.obj.i)
                slots.targets = [t for t in slots.targets if t.i != m.obj.i]
        means_preps = self._own_means(m, slots, sources, ctx, sayer)
        binder = next((a for a in sources if a.country), None)
        return sources, self._target_actors(m, slots, ctx, used, means_preps, owner_of, binder)

    # ---------- parties from places ----------
    def place_target(self, m: Match, sources: list[Actor], ctx: ArticleContext) -> list[Actor]:
        """"Shelled the city of Kharkiv", "struck targets in southern Lebanon": force used on a
        place is used on the country it lies in (unless that is the attacker's own). A deed or a
        weapon as the object ("foiled a bombing of the Israeli embassy") names no place hit."""
        tok = m.anchor
        heads = [c for c in tok.children if c.dep_ in VERB_OBJ] + (patients(tok) if tok.pos_ == "VERB" else [])
        heads = [h for h in heads if not (lemma(h) in self.things or h.lower_ in self.things)]
        heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _AT_PLACE
                  for g in c.children if g.dep_ == "pobj"]
        own = {a.country for a in sources if a.country}
        for h in heads:
            for t in noun_phrase(h):
                place = ctx.place_at(t)
                if place is not None and place.country not in own:
                    return [Actor(text=place.text, code=place.country, country=place.country)]
        return []

    def place_actor(self, tok: Token, ctx: ArticleContext) -> Actor | None:
        """Protests with no named protester: the people of the place they happen in."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout", "at"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    a = self.actors.lookup(g.text, ctx.when)
                    country = a.country if a else None
                    if country is None:
                        place = ctx.place_at(g)
                        country = place.country if place else None
                    if country:
                        return Actor(text=g.text, code=country + "CVL", country=country, sector="CVL")
        return None
