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

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.normal import words as match_words
from ..actors.tables import INST
from ..model import Actor
from .context import ArticleContext
from .match import Match
from .patterns import Lexicon
from .acled import war_means
from .syntax import (VERB_OBJ, accusation, accused, accusing, expand, for_to, lemma, noun_phrase, passive, patients, shared_title,
                     resultative_objects, subject_token, terms_clauses)

# Prepositions that introduce the target, in order of preference.
_TARGET_PREPS = ("against", "on", "upon", "with", "between", "to", "at", "into", "toward", "towards", "from",
                 "over", "for")
_NOUN_TARGET_PREPS = ("against", "on", "upon", "to", "with", "between", "into", "toward", "towards", "at", "from",
                      "over")
# A target named only by one of these is a party only if it resolves to a code ("in Paris" is a venue).
_WEAK_TARGET_PREPS = ("in", "at", "from", "over", "for")
# passives whose subject takes part in what their "in" names ("forces were engaged in ethnic cleansing")
_ENGAGED = frozenset({"engage", "involve", "implicate", "embroil", "entangle", "caught"})
# a state's people, never the means it acts with
_PEOPLE_SECTORS = frozenset({"CVL", "REF", "EDU", "LAB", "AGR", "BUS", "HLH", "REL", "MED"})
# "in retaliation for X's decision": nouns of answering a deed, whose doer a hostile answer is aimed at
_ANSWER = frozenset({"retaliation", "response", "reprisal", "revenge", "protest", "reaction", "answer"})
# prepositions of an event's object that name whom the event is aimed at ("a truce with", "aid to")
_OBJ_PREPS = frozenset({"against", "on", "upon", "with", "to", "toward", "towards", "into"})
# prepositions that aim hostility at what they name
# what a party gives or says, so that its "from" names the giver: statements, appeals, wishes, consultation,
# cooperation, aid, demands, disapproval, rejection, threats ("warnings from Pyongyang", "aid from Japan")
_SENT_BY = frozenset({"01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13"})
# roots whose act two parties named together do to each other ("Armenia and Azerbaijan held talks"); force
# is not among them: "US and Israeli jets struck" are allies against a third (unless "each other"); material
# cooperation is: "Russia and China held joint exercises"
_RECIPROCAL = frozenset({"03", "04", "05", "06"})
_PARTNER_PREPS = frozenset({"with", "between", "to", "toward", "towards", "against", "among", "alongside"})
# what a judgement is for: "sanctioned over", "thanked for", "complained about"
_REASON = frozenset({"for", "over", "about"})
# prepositions that set one deed beside another in time or circumstance ("after the protests", "amid clashes")
_WHEN_PREPS = frozenset({"after", "before", "during", "following", "since", "until", "amid", "amidst", "despite",
                         "throughout", "ahead"})
_AIMED = frozenset({"against", "on", "upon", "at", "toward", "towards", "into", "through"})
# what an event is done to: never where its source is looked for ("between" names both sides)
_SOURCE_PRUNE = frozenset(_NOUN_TARGET_PREPS) - {"between"}
# where a deed or a weapon was ("a car bomb in central Turkey") says nothing of whose it was
_WHERE = frozenset({"in", "near", "outside", "inside", "across", "around", "of"})
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "these",
             "those", "that", "which", "who", "whom"}
_SELF_REF = {"it", "they", "he", "she", "we", "i"}
_POSS_PRONOUNS = frozenset({"his", "her", "its", "their"})
_AT_PLACE = {"in", "near", "on", "at", "around", "outside", "across", "inside", "through"}
# sectors that, named without a country ("the government", "the army"), are the home side's
_DOMESTIC = {"GOV", "MIL", "COP", "OPP", "JUD", "LEG"}
# a state and its organs (None: the country itself); in a hostile event one of them opposing a
# bare "army" or "drone" does not lend it its country: a state seldom attacks its own navy
_STATE = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# a state named as a whole, and its armed forces: parties a bare organ deals with as another state
_WHOLE_STATE = {None, "MIL"}
# sectors that take the country of the place they act in, when only a place names one
_PEOPLE_HERE = (_DOMESTIC - {"GOV"}) | {"CVL", "LAB", "EDU", "BUS", "AGR", "REL", "MED", "HLH", "REF", "ELI"}


@dataclass
class Slots:
    """The tokens that fill the roles of one predicate, before they resolve to actors."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    preps: dict[str, Token] = field(default_factory=dict)


# verbs of making or selling a thing: its maker is not its user ("a nerve agent developed by the Soviet Union")
_MAKERS = frozenset({"develop", "make", "manufacture", "produce", "build", "design", "supply", "sell", "provide",
                     "invent", "create", "export", "import", "buy", "purchase", "acquire"})


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
        victims = False
        if hostile:
            rivals = {a.country for a in others if a.country and a.sector in _STATE}
            country = next((a.country for a in others if a.country and a.sector not in _STATE), None)
            # "rebels in Darfur attacked a market, killing 12 people": an armed group's victims at home are its
            # country's people
            victims = country is not None and any(a.country == country and a.sector == "REB" for a in others)
            if country is None and home not in rivals:
                country = home
        else:
            # "Opposition leaders demanded the withdrawal of Syria's troops", "the government accused Syria": a
            # state, or its armed forces, dealt with as a whole is another state than the bare organ's
            # (nor a news organisation spoken to: "a security official told the BBC"; nor an envoy, foreign by
            # office: "Junta expels French ambassador")
            country = next((a.country for a in others if a.country and a.sector not in _WHOLE_STATE
                            and a.sector != "MED" and not _seat(a.text)
                            and not envoy(a.text)), None)
            if country is None and home not in {a.country for a in others if a.sector in _WHOLE_STATE}:
                # "demonstrators demanded the withdrawal of Syrian troops": the state they deal with is no home
                country = home
        if country is None:
            return actors
        # people where they act ("demonstrators marched through Caracas"), but no government
        kinds = _PEOPLE_HERE if venue and country == home else _DOMESTIC | ({"CVL"} if victims else set())
        return [Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector)
                if (not a.country and a.sector in kinds and a.code == a.sector
                    and not _says_where(a.text) and not office_holder(a.text) and not _foreign(a.text)
                    and not (a.sector == "GOV" and _named(a.text))) else a
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
    if venue and home is not None:
        # "thousands protested in Caracas against the government": people placed in their country by where
        # they act lend it to the government they address (ministers who met in Brussels lend nothing)
        def addressed(actors: list[Actor], others: list[Actor]) -> list[Actor]:
            if not any(a.country == home and a.sector in _PEOPLE_HERE - _STATE for a in others):
                return actors
            return [Actor(text=a.text, code=home + "GOV", country=home, sector="GOV")
                    if (not a.country and a.sector == "GOV" and a.code == "GOV" and not _says_where(a.text)
                        and not office_holder(a.text) and not _foreign(a.text) and not _named(a.text)) else a
                    for a in actors]
        s, t = addressed(s, t), addressed(t, s)
    return rebels(s, t), rebels(t, s)


def _two_sides_named(tok: Token) -> bool:
    """"both countries", "each side", "the two governments": the words before the noun are exactly those."""
    words = [t.lower_ for t in tok.doc[tok.left_edge.i:tok.i]]
    return words in (["both"], ["each"], ["the", "two"], ["both", "the"])


# "said Israel would face severe punishment": what a party is told it will face is a threat's content (coder.py
# checks what is faced; verbs.txt has the verbs of saying with ">face")
FACE = "face"
# nouns for a state as a whole, whose possessive pronoun says which ("his country", "our nation")
_OWN_STATE = frozenset({"country", "nation"})
# nouns for one of two parties: "both countries", "each side"
_SIDE_NOUNS = frozenset({"country", "side", "nation", "government", "party", "camp", "state"})
def envoy(text: str) -> bool:
    """Whether ``text`` names an ambassador, envoy or diplomat: at his post abroad, so no home to the sentence he is
    named in."""
    return bool(set(re.findall(r"[a-z]+", text.lower())) & _ENVOYS)


_ENVOYS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul", "embassy"})
# one office-holder named by the office alone ("the president", "the prime minister"): the one the article
# speaks of, whom the article pass finds among the people it names, not whoever else the sentence names
_OFFICES = ("president", "prime minister", "premier", "chancellor", "foreign minister", "defence minister",
            "defense minister", "interior minister", "king", "queen", "emir", "monarch")
_OFFICE_HOLDER = re.compile(r"^the (?:(?:former|then|late|new|incoming|outgoing|acting|interim)[- ])?(" +
                            "|".join(_OFFICES) + r")$", re.IGNORECASE)
# "foreign diplomats", "Western envoys", "overseas officials", "European leaders", "world leaders", "all sides": not
# of the country the sentence names
_FOREIGN = re.compile(r"\b(?:foreign(?!\s+(?:ministry|minister|ministers|secretary|office|affairs|service|policy|"
                      r"intelligence))|western|overseas|other countries|european|arab|african|asian|nordic|scandinavian|"
                      r"balkan|gulf|world|all sides|all parties)\b", re.IGNORECASE)


def region_named_like_a_state(actors, actor: Actor | None, tok: Token, places, when) -> Actor | None:
    """"British Columbia Finance Minister", "the governor of New Mexico", "New South Wales police": a region
    whose name holds another state's name or people lies where the gazetteer puts it, and so does whoever
    the phrase names by it."""
    if actor is None or not actor.country or not places:
        return actor
    phrase = set(noun_phrase(tok)) | set(tok.doc[tok.left_edge.i:tok.i + 1])
    # "the governors of Texas, Arizona, and New Mexico": every region of a list the phrase names
    phrase.update(c for t in list(phrase) if t.pos_ == "PROPN" for c in t.conjuncts)
    for t in sorted(phrase, key=lambda x: x.i):
        if t.pos_ != "PROPN":
            continue
        place = next((p for p in places if p.start <= t.idx < p.end and p.country), None)
        if place is None or place.country == actor.country or place.feature.startswith("PCL"):
            continue
        alone = actors.lookup(place.text, when)
        if alone is not None and alone.country == actor.country and not alone.sector:
            return Actor(text=actor.text, code=place.country + (actor.sector or ""), country=place.country,
                         sector=actor.sector)
    return actor


def shared_institution(actors, actor: Actor, home: str | None) -> Actor | None:
    """"The House of Commons" in a story set in Canada: an institution whose name several states give theirs
    (institutions.tsv lists each) is the story's country's, when that is one of them; None otherwise."""
    ix = getattr(actors, "ix", None)
    if ix is None or not home or not actor.country or actor.country == home:
        return None
    ws = [w.norm for w in match_words(actor.text)]
    for n in range(len(ws), 0, -1):
        for i in range(len(ws) - n + 1):
            found = [e for e in ix.get(" ".join(ws[i:i + n])) if e.kind == INST]
            countries = {e.country for e in found}
            if actor.country in countries and home in countries:
                e = next(e for e in found if e.country == home)
                sector = actor.sector or e.sector
                return Actor(text=actor.text, code=home + (sector or ""), country=home, sector=sector)
            if found:
                return None
    return None


def office_holder(text: str) -> str | None:
    """The office of "the president", "the prime minister": a definite title with no name or country."""
    m = _OFFICE_HOLDER.match(text.strip())
    return m.group(1).lower() if m else None


def _named(text: str) -> bool:
    """"Prime Minister Isa Mustafa": a titled official no table knows is of no country the other party lends
    (an opposition leader or a judge, named, is most often of the same country as the other party)."""
    from ..actors.tables import SECTOR, load

    ix = load()
    ws = text.split()
    named = 0
    while ws and ws[-1][:1].isupper() and ws[-1] not in _NOT_NAME:
        w = ws.pop().strip(".,").lower()
        if any(e.kind == SECTOR for e in ix.get(w)):
            break  # "Prime Minister", "the Interior Ministry": a title, no name
        named += 1
    return named > 0 and bool(ws)


def _seat(text: str) -> bool:
    """"Beijing", "the Kremlin", "Washington": a state named by its capital or seat, as a whole."""
    ws = text.split()
    if ws and ws[0].lower() == "the":
        ws = ws[1:]
    return len(ws) == 1 and ws[0][:1].isupper() and not ws[0].isupper()


def _foreign(text: str) -> bool:
    return bool(_FOREIGN.search(text))


_NOT_NAME = {"The", "A", "An", "Of", "For", "And"}  # "Skripal poisoning The Foreign Ministry" is no title and name


def _says_where(text: str) -> bool:
    """Whether a capitalised modifier says where an actor is from ("a senior European official");
    the capitalised name a title ends in does not ("opposition leader Maulana Fazl-ur-Rehman")."""
    ws = text.split()[1:]
    while ws and ws[-1][:1].isupper() and ws[-1] not in _NOT_NAME:
        ws.pop()
    return any(w[:1].isupper() for w in ws)


def _sector_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The one-word nouns of the sector table: military ones that only say "someone armed" (weak),
    military heads, and police heads."""
    global _SECTOR_WORDS
    if _SECTOR_WORDS is None:
        from ..actors.tables import SECTOR, load

        weak, mil, cop = set(), set(), set()
        for key, entries in load().keys.items():
            if " " in key:
                continue
            for e in entries:
                if e.kind != SECTOR:
                    continue
                if e.sector == "MIL":
                    (weak if e.weak else mil).add(key)
                elif e.sector == "COP" and not e.weak:
                    cop.add(key)
        _SECTOR_WORDS = frozenset(weak), frozenset(mil), frozenset(cop)
    return _SECTOR_WORDS


_SECTOR_WORDS: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None


def _policing(tok: Token) -> bool:
    """A generic armed noun ("officers", "personnel", "the unit") with no modifier of its own that names
    a sector, in a stretch of text (its sentence and the two before) that speaks of police and of no army."""
    weak, mil, cop = _sector_words()
    if tok.lower_ not in weak and lemma(tok) not in weak:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") and (c.lower_ in mil or c.lower_ in cop or
                                                                c.pos_ == "PROPN") for c in tok.children):
        return False  # "army officers", "Israeli officers": whose they are is said
    doc = tok.doc
    start = tok.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    police = False
    for t in doc[start:tok.sent.end]:
        low = t.lower_
        if (low in mil or lemma(t) in mil) and not _police_rank(t, cop):
            return False
        police = police or low in cop or lemma(t) in cop
    return police


def _first_preps(preps) -> dict[str, Token]:
    """Each preposition's first use ("fired on police on the main boulevard": the police), passing over
    one whose object is a date or time ("on Monday")."""
    out: dict[str, Token] = {}
    for c in preps:
        if c.lower_ not in out or (_timed(out[c.lower_]) and not _timed(c)):
            out[c.lower_] = c
    return out


def _timed(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _police_rank(t: Token, cop: frozenset[str]) -> bool:
    """"Police Captain X", "State Police Lt. X": a rank that a police word beside it makes the police's."""
    near = [c for c in t.children if c.dep_ in ("compound", "amod")]
    if t.dep_ == "compound":
        near += [t.head] + [c for c in t.head.children if c.dep_ == "compound" and c.i != t.i]
    return any(n.lower_ in cop or lemma(n) in cop for n in near)


def _anti(tok: Token) -> bool:
    """"anti-French", "anti - government": the modifier names whom the thing is against."""
    doc, i = tok.doc, tok.i
    return (tok.lower_.startswith("anti-") or (i >= 1 and doc[i - 1].lower_ == "anti")
            or (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"))


def _counted_people(tok: Token, patient_verbs: frozenset[str]) -> bool:
    """"Four killed in air strike", "six were abducted": a bare count that undergoes a deed done to people
    counts people; who they are the text does not say, so they are civilians (as "four people" would be)."""
    return (tok.pos_ == "NUM" and tok.dep_ == "nsubjpass" and lemma(tok.head) in patient_verbs
            and not any(c.dep_ == "prep" for c in tok.children))


class Roles:
    def __init__(self, actors, lex: Lexicon) -> None:
        self.actors = actors
        self.light = lex.words("@LIGHT")
        self.runs = lex.words("@QUANTITY") | lex.words("@STRETCH")
        self.time_span = lex.words("@TIME_SPAN")
        self.visits = lex.words("@VISIT")
        self.stative = lex.words("@STATIVE_PASSIVE")
        self.stance = lex.words("@STANCE")
        self.accuse = lex.words("@ACCUSE_OF")
        self.parties = lex.words("@ACTORN")  # nouns that can act: "ordered the army to ..."
        # "comments reported by MTI", "a strike condemned by the UN": no doer by "by"
        self.brokers = lex.words("@BROKERS")
        self.not_doer = lex.words("@SAY") | self.stance | lex.words("@BACKERS") | self.brokers
        self.weapons = lex.words("@WEAPON")
        self.wield = lex.words("@WIELD")
        self.undergo = lex.words("@UNDERGO")
        self.perish = lex.words("@PERISH")  # "died after torture": the subject undergoes the deed
        # deed nouns: "protests against violations by the army": the "by" is the violations' doer, not the protests'
        self.deeds = lex.words("@EVENTN")
        self.merely_say = lex.words("@MERELY_SAY")  # verbs that only report words
        self.telling = lex.words("@TELLING")  # verbs whose object is whom the words are addressed to
        self.receipt = lex.words("@RECEIPT")
        # deeds whoever is hurt or held in them took part in: fights with a side each, and protests
        self.fight = lex.words("@MUTUAL_FIGHT")
        self.mutual = self.fight | lex.words("@DEMO")
        self.taken_part = lex.words("@TALKS")  # "agreed to a truce after talks with Baku": talks it took part in
        self.patient_verbs = lex.words("@COUNTED_PATIENT")  # "were killed in", "were detained in": done to them
        self.things = frozenset(lex.nouns) | self.weapons  # deeds and means, not parties
        # deeds of force and weapons: what meets them meets whoever used them
        self.force_things = frozenset(n for n, ps in lex.nouns.items()
                                      if any(p.code and p.code[:2] in ("18", "19", "20") for p in ps)) | self.weapons
        self.sanctions = lex.words("@SANCTION") | {"ban", "bans"}
        self.sent_from = lex.words("@SENT_FROM")
        self.say_verbs = lex.words("@SAY")
        self.lend_hand = lex.words("@LEND_HAND")  # "helped Ukraine repel the attack": aid to whom the deed is left
        self.partitive = lex.words("@PARTITIVE")
        self.culprits = lex.words("@BLAME")
        self.judge = lex.words("@JUDGE")
        self.own_up = lex.words("@OWN_UP")
        self.responsibility = lex.words("@RESPONSIBILITY")
        # people a deed is done to, whoever holds or harmed them ("schoolchildren abducted by gunmen")
        self.held = lex.words("@PERSON_HELD") | lex.words("@CIVILIAN")
        self.sites = lex.words("@TARGET_SITE")
        self.documents = lex.words("@DOCUMENT")
        # the buildings and vehicles an attack is named by ("the Pakistan train attack"): not places of a state's
        # own (a "Uganda border raid" is Uganda's)
        self.hit_sites = lex.words("@VEHICLE") | lex.words("@HIT_SITE")
        self.charge = lex.words("@CHARGE")

    # ---------- one mention -> one actor ----------
    def actor(self, tok: Token | None, ctx: ArticleContext, sayer: Actor | None = None) -> Actor | None:
        if tok is None:
            return None
        memory = ctx.memory
        part = self._partitive(tok)
        if part is not None:
            tok = part  # "some of the rebel groups": the groups they are part of
        if tok.lower_ in ("what", "whatever", "whatsoever"):
            return None  # "blaming what it called the threat of war": a free relative names a thing, never a party
        if tok.lower_ in ("which", "whom") and tok.dep_ in ("pobj", "dobj"):
            # "an emergency meeting, at which the US ambassador said ...": the noun the relative clause hangs on
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return self.actor(clause.head, ctx, sayer) if clause is not None and clause.head.i != tok.i else None
        if (tok.lower_ in ("that", "which") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl"
                and tok.head.head.i != tok.i and tok.head.head.i < tok.i):
            # "a militia that has killed thousands": a relative pronoun is its noun, an actor or none
            return self.actor(tok.head.head, ctx, sayer)
        if (tok.lower_ == "that" and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp"
                and tok.head.head.pos_ == "VERB" and lemma(tok.head.head) not in self.say_verbs
                and not any(c.dep_ == "dobj" for c in tok.head.head.children)):
            # "a war broke out that has killed thousands": the parser reads a relative clause put after the verb
            # as its complement; "that" is the subject before, an actor or none
            noun = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None:
                return self.actor(noun, ctx, sayer)
        if tok.lower_ in ("those", "these") and any(c.dep_ in ("acl", "relcl", "amod") for c in tok.children):
            return None  # "among those injured", "those who fled", "those responsible": people described, no party named again
        if (tok.pos_ == "PRON" or (tok.lower_ in _PRONOUNS and not tok.text.isupper())) and not (  # "US" is no "us"
                tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I"):  # "Vice Premier Liu He said": a name's last word
            return memory.resolve(tok)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None  # "no group has claimed the attack": no one
        try:
            actor = self.actors.actor(tok, ctx.when)
        except Exception:  # a resolver bug must not lose the article
            actor = None
        if actor is None and _counted_people(tok, self.patient_verbs):
            actor = Actor(text=tok.text, code="CVL", sector="CVL")  # "four (were) killed in air strike"
        if actor is not None and actor.sector == "MIL" and tok.pos_ == "NOUN" and _policing(tok):
            # "officers were called to the venue": in a story of police, its officers are police officers
            actor = Actor(text=actor.text, code=(actor.country or "") + "COP", country=actor.country, sector="COP")
        if actor is not None and actor.country and not actor.sector and tok.pos_ == "PROPN" and ctx.places:
            # "Tamil Nadu", "Kurdistan Region": a place whose name only starts with a people's or state's word
            # lies where the gazetteer puts it
            place = ctx.place_at(tok)
            alone = self.actors.lookup(tok.text, ctx.when) if place is not None else None
            if place is not None and place.country != actor.country and place.start < tok.idx and (
                    alone is None or not alone.code):
                actor = Actor(text=actor.text, code=place.country, country=place.country)
        if actor is not None and actor.country and ctx.places:
            actor = region_named_like_a_state(self.actors, actor, tok, ctx.places, ctx.when)
        if actor is not None and actor.country and ctx.memory.home:
            actor = shared_institution(self.actors, actor, ctx.memory.home) or actor
        if (actor is None or not actor.country) and tok.pos_ == "NOUN":
            # "the two countries", "both sides" (which the tables read as a bare government): the pair the
            # article named last
            actor = memory.pair_before(tok) or actor
        if actor is None and tok.pos_ == "NOUN" and lemma(tok) in _OWN_STATE:
            # "the minister said his country was willing to host talks", "Iran said its nation would respond":
            # the state of whom the possessive points back to
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            # ("accused Russia of invading his country": "his" is a person's, the accuser above, not the doer's)
            person = self._person_above(owner, ctx) if owner is not None and owner.lower_ in ("his", "her") else None
            ref = None if owner is None else person or (sayer if sayer is not None and sayer.country else (
                self._clause_owner(tok, owner, ctx) or self._person_above(owner, ctx)))
            if ref is not None and ref.country:
                actor = Actor(text=tok.doc[owner.i:tok.i + 1].text, code=ref.country, country=ref.country)
        if actor is None and tok.pos_ == "NOUN" and lemma(tok) in _SIDE_NOUNS and _two_sides_named(tok):
            # "Both countries have expelled ...": the two sides, whom the article pass finds among the parties told
            # before (no pair named together to take them from here)
            actor = Actor(text=tok.doc[tok.left_edge.i:tok.i + 1].text, code=None)
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
        if actor is not None and not actor.country and (title := shared_title(tok)) is not None:
            # "Russian Foreign Minister and deputy prime minister X": the first title says whose
            try:
                first = self.actors.actor(title, ctx.when)
            except Exception:  # a resolver bug must not lose the article
                first = None
            if first is not None and first.country:
                sector = actor.sector or first.sector
                actor = Actor(text=actor.text, code=first.country + (sector or ""), country=first.country,
                              sector=sector)
        if actor is not None and actor.country:
            actor = self._owner_over_topic(actor, tok, ctx)
        if actor is not None and tok.pos_ == "NOUN":
            actor = self._named_in_apposition(actor, tok, ctx)
        memory.note_name(actor, tok)
        if actor is not None and actor.code and not actor.country:
            actor = self._possessor_country(actor, tok, ctx, sayer)
        return actor

    def _named_in_apposition(self, actor: Actor, tok: Token, ctx: ArticleContext) -> Actor:
        """"The group's spokesman, Yahya Saree": a person the tables know, named beside a title, is who he is
        (the Houthis' spokesman), not what the bare title would make him (a government's)."""
        name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"),
                    None)
        if name is None:
            return actor
        try:
            known = self.actors.actor(name, ctx.when)
        except Exception:  # a resolver bug must not lose the article
            return actor
        if (known is None or not known.code or not known.country or known.code == actor.code
                or (actor.country and known.country != actor.country)):
            return actor
        return Actor(text=actor.text, code=known.code, country=known.country, sector=known.sector)

    def _owner_over_topic(self, actor: Actor, tok: Token, ctx: ArticleContext) -> Actor:
        """"Russia's Ukraine envoy", "China's Taiwan Affairs Office": the state that owns the office is
        its country; the state named as a noun before the office is what it deals with."""
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or not any(c.dep_ == "compound" and c.pos_ == "PROPN" and owner.i < c.i < tok.i
                                    and (a := self.actors.lookup(c.text, ctx.when)) is not None
                                    and a.country == actor.country for c in tok.subtree):
            return actor
        state = self.actors.lookup(owner.text, ctx.when)
        if state is None or not state.country or state.code != state.country or state.country == actor.country:
            return actor
        return Actor(text=actor.text, code=state.country + (actor.sector or ""), country=state.country,
                     sector=actor.sector)

    def _partitive(self, tok: Token) -> Token | None:
        """"Some of the rebel groups", "dozens of the protesters", "one of the soldiers": a part named by a
        count or quantifier stands for the plural party after its "of"."""
        if tok.lower_ not in self.partitive or tok.pos_ not in ("PRON", "DET", "NUM", "NOUN", "ADJ"):
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and g.pos_ in ("NOUN", "PROPN") and (g.tag_ in ("NNS", "NNPS") or g.ent_type_):
                    return g
        return None

    def _possessor_country(self, actor: Actor, tok: Token, ctx: ArticleContext, sayer: Actor | None) -> Actor:
        """"his defense minister": a possessive pronoun lends the country of who it names."""
        # "its consulate building": the possessive of the phrase a compound is part of is the compound's too
        poss = next((c for c in (*tok.children, *(tok.head.children if tok.dep_ == "compound" else ()))
                     if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            # "rebel groups fighting to topple Assad": an armed group is of the country whose state it fights
            country = self._state_fought(tok, ctx) if actor.sector == "REB" else None
            # "the country's parliament", "the troops" named again: whose the article just said
            country = country or ctx.memory.bare_country(tok, actor.sector)
            return Actor(text=actor.text, code=country + (actor.sector or ""), country=country,
                         sector=actor.sector) if country else actor
        # "Baku denied that its troops...": under a speaker, "its" is the speaker's; "France began
        # evacuating its nationals": else the subject of its own clause, not a guess from sentences before
        ref = sayer if sayer is not None and sayer.country else (
            self._clause_owner(tok, poss, ctx) or self._person_above(poss, ctx) or ctx.memory.resolve(poss))
        if ref and ref.country:
            # "Hezbollah ... its commander", "the rebels ... their fighters": an armed group's officers and men are
            # the group's, not a state's army
            sector = ref.sector if ref.sector == "REB" and actor.sector in ("MIL", "GOV", None) else actor.sector
            return Actor(text=actor.text, code=ref.country + (sector or ""), country=ref.country, sector=sector)
        if ref and ref.code and ref.sector == "REB" and actor.sector in ("MIL", "GOV", "REB", None):
            # "the separatists agreed to a truce under which their forces would disarm": the group's own men,
            # of whichever country the article pass finds for the group
            return Actor(text=actor.text, code=ref.code, country=None, sector="REB")
        if ref and ref.code and ref.code[:3] in ("IGO", "NGO") and actor.sector in ("GOV", None):
            # "The United Nations said ... Its human rights chief urged": an organisation's officer speaks for it
            return Actor(text=actor.text, code=ref.code, country=None, sector=ref.sector)
        return actor

    def _state_fought(self, tok: Token, ctx: ArticleContext) -> str | None:
        """The country of the state an armed group's own participle says it fights ("rebels fighting the
        government of Bashar al-Assad", "militants battling to topple Assad")."""
        for c in tok.children:
            if c.dep_ != "acl" or c.tag_ != "VBG" or lemma(c) not in self.mutual:
                continue
            for g in c.subtree:
                if g.i != tok.i and g.pos_ in ("PROPN", "NOUN") and g.dep_ in ("dobj", "pobj"):
                    a = self.actor(g, ctx)
                    if a is not None and a.country and a.sector in _STATE - {None}:
                        return a.country
        return None

    def nationalities(self, head: Token, actor: Actor, ctx: ArticleContext) -> list[Actor]:
        """"Her American and Mexican counterparts", "French and British troops": one party per nation the
        coordinated adjectives name, each with the noun's sector."""
        adj = next((c for c in head.children if c.dep_ == "amod" and any(d.dep_ == "conj" for d in c.children)), None)
        if adj is None:
            return self._state_and_group(head, actor, ctx)
        out: list[Actor] = []
        # "US, British and French forces": a name the parser hangs apart before the coordinated adjectives
        before = [c for c in head.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < adj.i
                  and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","]
        for a in (*before, adj, *adj.conjuncts):
            if a.pos_ not in ("ADJ", "PROPN"):
                continue
            nation = self.actors.lookup(a.text, ctx.when)
            if nation is None or not nation.country or nation.sector:
                return [actor]  # "senior and junior officials": no nations
            out.append(Actor(text=actor.text, code=nation.country + (actor.sector or ""), country=nation.country,
                             sector=actor.sector))
        return out if len(out) > 1 else [actor]

    def _state_and_group(self, head: Token, actor: Actor, ctx: ArticleContext) -> list[Actor]:
        """"Russia and Shiite militias", parsed as one noun with two modifiers: a state named before "and"
        is a party of its own, the rest of the phrase another, never one blend of the two."""
        mod = next((c for c in head.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                    and c.ent_type_ in ("GPE", "ORG") and c.i < head.i), None)
        conj = next((d for d in mod.children if d.dep_ == "conj" and d.i < head.i), None) if mod is not None else None
        if conj is None:
            return [actor]
        doc = head.doc
        try:
            first = self.actors.lookup(doc[mod.left_edge.i:mod.i + 1].text, ctx.when)
            rest = self.actors.lookup(doc[conj.left_edge.i:head.i + 1].text, ctx.when)
        except Exception:  # a resolver bug must not lose the article
            return [actor]
        if first is None or not first.code or rest is None or not rest.code:
            return [actor]
        return [first, rest]

    def _person_above(self, poss: Token, ctx: ArticleContext, doers: frozenset[int] = frozenset()) -> Actor | None:
        """"Assad said the truce was meant to stop his government's advance": "his" or "her" is first the person
        named as the subject of a clause the pronoun sits in, before it, not whom the sentences before named."""
        if poss.lower_ not in ("his", "her"):
            return None
        verb, steps = poss.head, 0
        while verb.head is not verb and steps < 8:
            verb, steps = verb.head, steps + 1
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.i >= poss.i or subj.pos_ == "PRON" or subj.i in doers:
                continue  # (``doers``: the deed's own, whose "his" is another's)
            if subj.ent_type_ != "PERSON":
                return None  # the nearest subject above is no person: leave "his" to the article
            a = self.actor(subj, ctx)
            return a if a is not None and a.country else None
        return None

    def _clause_owner(self, tok: Token, poss: Token, ctx: ArticleContext) -> Actor | None:
        """Who "its" or "their" at ``poss`` (on the noun ``tok``) is: the subject of the clause the noun is in,
        named before it: a body for "its" (no person), a group or pair for "their"."""
        low = poss.lower_
        if low not in ("its", "their"):
            return None
        verb, steps = tok.head, 0
        # through nouns and prepositions only, so the nearest verb however deep the phrase ("fired rockets in
        # response to the killing of its commander")
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and steps < 8:
            verb, steps = verb.head, steps + 1
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = subject_token(verb, self.accuse, self.parties)
        if subj is not None and subj.i == tok.i and verb.dep_ == "relcl":
            # "agreed to a ceasefire under which their forces would disarm": the noun is its own clause's
            # subject; whose it is, the clause the relative hangs in says
            up, steps = verb.head, 0
            while up.pos_ not in ("VERB", "AUX") and up.head is not up and steps < 8:
                up, steps = up.head, steps + 1
            subj = subject_token(up, self.accuse, self.parties) if up.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.i >= poss.i or subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
            return None
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        if (low == "their") != plural:
            return None
        a = self.actor(subj, ctx)
        if a is None and low == "its" and subj.pos_ == "NOUN":
            # "vowed to retaliate after an air strike destroyed its consulate": a deed as subject owns nothing;
            # whose it is, the clause above says
            return self._subject_above(verb, ctx, set())
        # "the EU recalled its ambassador": a body of states owns what a state would
        body = a is not None and a.country or (a is not None and ((a.code or "")[:3] in ("IGO", "NGO")
                                                                  or a.sector == "REB"))
        return a if body and a.sector not in ("CVL",) else None

    def inner_actor(self, tok: Token, ctx: ArticleContext, skip: set[int], source: bool = False) -> Actor | None:
        """The first actor named inside a phrase that is not one ("rail lines carrying Russian troops").

        For a ``source``, never inside what the phrase is done to: in "the attack on the Indian
        fleet killed four sailors" the fleet is the attack's target, not the killer."""
        if not source and (lemma(tok) in self.documents or tok.lower_ in self.documents):
            # "marched against the foreign agents law": what a law is about names no party
            skip = set(skip) | {x.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i
                                for x in c.subtree}
        if source:
            skip = set(skip)
            for t in tok.subtree:
                # where someone no table knows is ("analysts in Tbilisi", "experts in Moscow") makes
                # them no organ of that state: the capital stands for its government only as a subject
                if t.dep_ == "prep" and (t.lower_ in _SOURCE_PRUNE or (t.lower_ in _WHERE and (
                        lemma(t.head) in self.things or (t.head.i == tok.i and t.lower_ != "of")))):
                    skip.update(x.i for x in t.subtree)
        if source:
            # "countries that expelled Russian diplomats", "three states that border Mexico": what a relative
            # clause says its noun did names no one the noun belongs to
            # ("his brother Raul, who succeeded him as president": what it says the noun is still counts)
            skip = set(skip)
            for t in tok.subtree:
                if t.dep_ == "relcl":
                    keep = {x.i for c in t.children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("attr", "oprd")
                            for x in c.subtree}
                    skip.update(x.i for x in t.subtree if x.i not in keep)
        if source:
            # "poisoned by a nerve agent developed by the Soviet Union", "rifles made in Belgium": who made or sold
            # the means is not who used it
            skip = set(skip)
            for t in tok.subtree:
                if t.dep_ == "acl" and lemma(t) in _MAKERS:
                    skip.update(x.i for x in t.subtree)
        if not source:
            # "agreed to a ceasefire brokered by Qatar": the broker is no party the agreement is made with
            skip = set(skip) | {x.i for t in tok.subtree if t.dep_ == "acl" and lemma(t) in self.brokers
                                for x in t.subtree}
        if not source and (lemma(tok) in self.held or tok.lower_ in self.held):
            # "rescued 40 hostages held by bandits": who holds the people a deed is done to is not whom it is done
            # to ("welcomed the deal signed by Kyiv" still welcomes Kyiv's deed)
            skip = set(skip)
            for t in tok.subtree:
                if (t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by")) and t.head.dep_ == "acl":
                    skip.update(x.i for x in t.subtree)
        # "agreed to a ceasefire under which their forces would disarm": a relative clause of terms ("under which",
        # "by which") says what the thing provides, not whose it is
        terms = terms_clauses(tok.subtree)
        if terms:
            skip = set(skip) | {x.i for t in terms for x in t.subtree}
        if source:
            led = self._led_by(tok, ctx, set(skip))  # "Saudi-led airstrikes killed ...": whoever leads them
            if led is not None:
                return led
        if not source and lemma(tok) in self.sites:
            # "struck Kurdish militant targets": the words before a place or target name whose it is, together
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i not in skip]
            if len(mods) > 1 and all(m.i == tok.i - len(mods) + k for k, m in enumerate(mods)):
                a = self.actors.lookup(tok.doc[mods[0].i:tok.i].text, ctx.when)
                if a is not None and a.code and (a.country or a.sector):
                    return a
        person = None
        for t in tok.subtree:
            if t.i == tok.i or t.i in skip:
                continue
            if (source and t.dep_ == "compound" and (lemma(tok) in self.force_things or tok.lower_ in self.force_things)
                    and self._place_compound(t, tok, ctx)):
                continue  # "a Kabul suicide attack", "the Pakistan train attack": where it was, not who did it
            if t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.dep_ in ("compound", "amod")):  # "the Bolivian vote"
                a = None
                if t.pos_ == "PROPN" and t.left_edge.i < t.i and t.left_edge.i not in skip:
                    # "the African Union mediator": the name the compound ends, not its last word ("Union")
                    a = self.actors.lookup(t.doc[t.left_edge.i:t.i + 1].text, ctx.when)
                    a = a if a is not None and a.code else None
                a = a or self.actors.lookup(t.text, ctx.when)
                if a is not None and t.pos_ == "ADJ" and not a.country:
                    continue  # "humanitarian access" names no party; "Ukrainian territory" does
            elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj", "poss", "nsubj", "appos", "conj", "nmod"):
                a = self.actor(t, ctx)
            elif (not source and t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == tok.i and t.i == tok.i - 1
                  and not any(c.dep_ == "nummod" for c in t.children)):  # "six-party talks": what they are made of
                # "rebel positions", "an army checkpoint", "police stations": whose the place or thing is
                a = self.actor(t, ctx)
            else:
                continue
            if a is not None and a.code:
                return a
            if a is not None and person is None and not source and t.ent_type_ == "PERSON" and t.dep_ == "pobj":
                person = a  # "met the father of Ali Khan": a person no table knows, for the article to place
        return person

    def _led_by(self, tok: Token, ctx: ArticleContext, used: set[int]) -> Actor | None:
        """"Saudi-led airstrikes", "the US-led bombing": who leads a deed does it ("Iranian-backed attacks"
        name a backer, not the doer)."""
        for c in tok.children:
            if c.dep_ not in ("amod", "compound") or c.lower_ != "led" or c.i in used:
                continue
            for g in c.children:
                if g.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod") and g.i < c.i and g.pos_ in (
                        "PROPN", "ADJ", "NOUN"):
                    a = self.actors.lookup(g.text, ctx.when) if g.pos_ == "ADJ" else self.actor(g, ctx)
                    if a is None or not a.code:
                        a = self.actors.lookup(g.text, ctx.when)
                    if a is not None and a.code:
                        used.update((c.i, g.i))
                        return a
        return None

    # ---------- which tokens fill the roles ----------
    def _verb_slots(self, tok: Token) -> Slots:
        subj = subject_token(tok, self.accuse, self.parties)
        targets: list[Token] = []
        if passive(tok) and lemma(tok) not in self.stative:
            targets += patients(tok)
            if tok.tag_ == "VBN" and (tok.dep_ == "acl" or (tok.dep_ == "relcl" and not targets)):
                targets.append(tok.head)  # "the first president to be arrested": the noun undergoes it
            subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                         if g.dep_ == "pobj"), None)
            if subj is None and lemma(tok) in self.sent_from:
                # "envoys who were expelled from other countries": the countries expelled them
                subj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                             for g in c.children if g.dep_ == "pobj"), None)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":
            targets.append(tok.head)  # "troops sent to the border": the noun undergoes it
            # "two towns besieged by government forces": the "by" does it
            subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if subj is None and lemma(tok) in self.stative:
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        sources = expand(subj) if subj is not None else []
        if subj is not None and (lemma(subj) in self.mutual or subj.lower_ in self.mutual):
            # "heavy fighting broke out between the army and the RSF": the fight's sides, wherever the "between" hangs
            hosts = [subj, tok] + [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            sides = [x for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                     for g in c.children if g.dep_ == "pobj" for x in expand(g)]
            if len(sides) >= 2:
                sources, targets = sides[:-1], sides[-1:]
        if not targets:
            targets = [c for c in tok.children if c.dep_ in VERB_OBJ or c.dep_ == "dative"] + resultative_objects(tok)
        if not targets:
            # "called President Maduro a tyrant": the parser reads both nouns as predicates; the first is
            # whom the name is given
            named = [c for c in tok.children if c.dep_ == "oprd"]
            if len(named) >= 2 and named[0].pos_ in ("PROPN", "NOUN", "PRON"):
                targets = named[:1]
            elif len(named) == 1 and named[0].ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                targets = named  # "Macron called Merkel": a lone name read as a predicate
        if not targets:
            # "holds the United States responsible", "held Moscow accountable": the parser's small clause; its
            # subject is whom the verdict is on
            targets = [g for c in tok.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
                       for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
        if not targets:
            # "called for Israel to withdraw", "for the embargo to be lifted": whom the for-to clause is about
            targets = [c for m in for_to(list(tok.children)) for c in m.head.children
                       if c.dep_ in ("nsubj", "nsubjpass")]
        # "sending aid to North Korea": the parser calls the "to" a dative; it is a preposition
        targets = [t for t in targets if t.pos_ != "ADP"]
        preps = _first_preps(c for c in tok.children if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"))
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
            sources = self._stray_by(tok)
        if not sources and (lemma(tok) in self.sent_from or tok.lower_ in self.sent_from):
            # "the expulsion of Russian diplomats from Britain": the state they are sent from sends them
            # (the parser often hangs the "from" on the diplomats themselves)
            held = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
            sources = [g for h in (tok, *held) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                       for g in c.children if g.dep_ == "pobj"][:1]
        if not sources:
            sources = self._participle_agent(tok)
        if not sources and not targets and tok.dep_ == "dobj" and lemma(tok.head) in self.receipt:
            # "Kelly's account drew a rebuke from Hicks", "Kyiv received aid from Japan": the "from" does the
            # deed, and whoever gets it undergoes it
            giver = next((g for h in (tok, tok.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"), None)
            if giver is not None:
                sources = expand(giver)
                s = subject_token(tok.head, self.accuse, self.parties)
                targets = expand(s) if s is not None else []
        if not sources:
            sources = self._light_verb_subject(tok)
            host = self._means_of(tok) if sources and not targets else None
            if host is not None:
                targets = [c for c in host.children if c.dep_ == "dobj"]  # struck whom it killed, not where
        if (not targets and tok.dep_ == "pobj" and tok.head.dep_ == "prep"
                and tok.head.lower_ in _WHEN_PREPS | {"from", "of", "in"} and lemma(tok.head.head) in self.perish):
            # "a party member died in prison after torture", "died in the shelling": who dies of a deed undergoes it
            s = subject_token(tok.head.head, self.accuse, self.parties)
            targets = expand(s) if s is not None else []
        if (not targets and tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.dep_ == "prep"
                and tok.head.head.pos_ in ("VERB", "AUX")):
            # "Mr Bongo was under house arrest", "was placed under arrest by the army": its subject undergoes it
            s = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            targets = expand(s) if s is not None else []
        if not targets and tok.dep_ in ("dobj", "obj") and lemma(tok.head) in self.undergo:
            # "Yoon received a life sentence": who receives it undergoes it
            s = subject_token(tok.head, self.accuse, self.parties)
            targets = expand(s) if s is not None else []
        preps = _first_preps(c for c in tok.children if c.dep_ == "prep")
        return Slots(sources, targets, preps)

    def _stray_by(self, tok: Token) -> list[Token]:
        """"The arrest of the opposition leader by police", "condemned the attack on the embassy by militants":
        the parser hangs the deed's "by" on the noun it is done to, or on the active verb that carries the
        deed; an active verb with a subject of its own has no "by" agent, so the "by" is the deed's doer."""
        hosts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "upon")
                 for g in c.children if g.dep_ == "pobj"]
        verb = tok.head
        if (tok.dep_ in VERB_OBJ and verb.pos_ == "VERB" and not passive(verb)
                and any(c.dep_ == "nsubj" for c in verb.children)):
            hosts.append(verb)
        for h in hosts:
            if h.pos_ == "NOUN" and (lemma(h) in self.deeds or h.lower_ in self.deeds):
                continue
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > tok.i:
                    g = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if g is not None and g.pos_ in ("NOUN", "PROPN") and lemma(g) not in self.things:
                        return [g]
        return []

    def _participle_agent(self, tok: Token) -> list[Token]:
        """"the sanctions imposed by Turkey", "an attack carried out by rebels"."""
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) not in self.not_doer:
                for a in c.children:
                    if a.dep_ == "agent":
                        return [g for g in a.children if g.dep_ == "pobj"][:1]
        return []

    def _means_of(self, deed: Token) -> Token | None:
        """The active verb a deed of force is the means of ("killed the general in a drone strike", the parser
        often hanging the "in" on the object), or None."""
        head = deed.head
        if deed.dep_ != "pobj" or head.lower_ not in ("in", "with") or head.head.i == head.i:
            return None
        verb = head.head
        verb = verb.head if verb.pos_ == "NOUN" and verb.dep_ == "dobj" else verb
        if (verb.pos_ != "VERB" or passive(verb) or not {lemma(deed), deed.lower_} & self.force_things
                or {lemma(deed), deed.lower_} & self.mutual or not any(c.dep_ == "dobj" for c in verb.children)):
            return None
        return verb

    def _light_verb_subject(self, tok: Token, deed: Token | None = None) -> list[Token]:
        """"Russia launched an invasion", "forces were engaged in ethnic cleansing": the noun's
        doer is the subject of the verb that carries it. "Poland accused Belarus of an attack":
        the accused's. What one condemns, answers or fears (``@STANCE``) is no deed of one's own."""
        head = tok.head
        if (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i and head.head.pos_ == "NOUN"
                and lemma(head.head) in self.runs):
            if (head.head.dep_ == "pobj" and lemma(head.head) in self.time_span
                    and not {lemma(tok), tok.lower_} & self.fight):
                # "on the third night of demonstrations", "after weeks of protests": when, not whose ("after days of
                # fighting with the army" is a side's)
                return []
            return self._light_verb_subject(head.head, deed or tok)  # "began two days of exercises", "a series of raids"
        if not (tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "ADP")):
            return []
        verb = head.head if head.pos_ == "ADP" else head
        owned = self._owned_up(tok, head)
        if owned is not None:
            return owned
        if head.pos_ == "ADP" and accusation(head, self.accuse):
            x = accused(accusing(head, self.accuse))
            return expand(x) if x is not None else []
        if head.pos_ == "ADP" and head.lower_ in _REASON:
            judged = self._judged(verb)
            if judged is not None:
                return judged
        if (lemma(verb) in self.stance or lemma(verb) in self.undergo or lemma(verb) in self.perish
                or (tok.dep_ == "dobj" and lemma(verb) in self.accuse)):
            return []  # ("Kyiv blamed Russian shelling": the shelling is whom it blames, never its own)
        if head.pos_ == "ADP" and head.lower_ == "under" and tok.dep_ == "pobj":
            return []  # "remains under house arrest", "came under fire": who is under it undergoes it
        deed = deed or tok
        if (head.pos_ == "ADP" and head.lower_ in ("in", "on") and lemma(verb) == "be"
                and {lemma(deed), deed.lower_} & (self.taken_part | self.mutual | self.visits)):
            # "Saudi Arabia, which has been in talks with the Houthis": who is in talks holds them; "Abe, who is on
            # a visit to Seoul": who is on a visit makes it
            s = subject_token(verb, self.accuse, self.parties)
            return expand(s) if s is not None else []
        doer_verb = self._means_of(deed)
        if doer_verb is not None:
            # "killed Iran's top general in a drone strike": whoever killed him struck
            s = subject_token(doer_verb, self.accuse, self.parties)
            return expand(s) if s is not None else []
        # ("resigned after weeks of protests against her government": protests against one are not one's own)
        fought_with = ({lemma(deed), deed.lower_} & self.fight and not passive(verb)
                       and any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in deed.children))
        if head.pos_ == "ADP" and head.lower_ in _WHEN_PREPS and not fought_with and not (
                {lemma(deed), deed.lower_} & (self.mutual if passive(verb) else self.taken_part)):
            return []  # "police arrested 20 people after the protests", "put its army on alert after clashes",
            # "troops were deployed after the riots": what went on around a deed is none of its subject's (but talks
            # it took part in; and "youths were detained during demonstrations", "were killed in clashes": a side)
        if tok.dep_ == "dobj" and lemma(verb) in self.merely_say:
            return []  # "Powell said the killings in Darfur amount to genocide": the parser's object of a verb of
            # saying is what is said of, no deed of the speaker's
        if head.pos_ == "ADP" and passive(verb) and lemma(verb) not in _ENGAGED and any(
                c.dep_ in ("compound", "amod", "nmod") and not _anti(c) and (a := self.actors.lookup(c.text, None))
                is not None and a.code for c in tok.children):
            return []  # "44 people were killed in a PKK attack": the attack's own modifier says whose it is
        if not (verb.pos_ == "VERB" and (lemma(verb) in self.light or head.pos_ == "ADP" or tok.dep_ == "dobj")):
            return []
        s = subject_token(verb, self.accuse, self.parties)
        if s is None and head.pos_ == "ADP" and (lemma(verb) not in self.patient_verbs
                                                 or lemma(tok) in self.mutual or tok.lower_ in self.mutual):
            # "Serb forces were engaged in ethnic cleansing": the passive subject acts; "militants were killed
            # in clashes with police": it was a side; "youths were detained during demonstrations": they
            # demonstrated; "two soldiers were killed in an attack": it undergoes,
            # and says nothing of whose the attack was
            s = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return expand(s) if s is not None else []

    def _owned_up(self, tok: Token, head: Token) -> list[Token] | None:
        """Who owns up to a deed of force: "the Taliban claimed an attack", "claimed responsibility for the
        bombing", "took credit for the raid" (None: no owning up here)."""
        if lemma(tok) not in self.force_things and tok.lower_ not in self.force_things:
            return None
        if tok.dep_ == "dobj" and head.pos_ == "VERB" and lemma(head) == "claim":
            verb = head
        elif (head.pos_ == "ADP" and head.lower_ == "for" and lemma(head.head) in self.responsibility
              and head.head.dep_ == "dobj" and lemma(head.head.head) in self.own_up):
            verb = head.head.head
        elif (head.pos_ == "ADP" and head.lower_ == "for" and lemma(head.head) in self.own_up
              and any(c.dep_ == "dobj" and lemma(c) in self.responsibility for c in head.head.children)):
            verb = head.head  # "took credit for the bombing": the parser hangs the "for" on the verb
        else:
            return None
        s = subject_token(verb, self.accuse, self.parties)
        return expand(s) if s is not None else []

    def _judged(self, host: Token) -> list[Token] | None:
        """Whose deed the reason ("for", "over", "about") hung on ``host`` is, when ``host`` judges a party: the
        party judged ("thanked Uganda for the deployment", "Britain was sanctioned over the seizure", "a protest
        with Tokyo over the detention"); no one's when a suspect is held for it, as that is only alleged
        ("arrested two men over the bombing"). None when nothing is judged, and the deed may be the subject's
        own ("apologised for")."""
        verb = host if host.pos_ == "VERB" else None
        if verb is not None and lemma(verb) in self.charge:
            return []
        if verb is None:
            if host.pos_ != "NOUN" or lemma(host) not in self.judge:
                return None
            carriers, judged = [host], None
        else:
            carriers = [c for c in verb.children if c.dep_ == "dobj" and lemma(c) in self.judge]
            if lemma(verb) not in self.judge and not carriers:
                return None
            if passive(verb):
                judged = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            else:
                judged = next((c for c in verb.children if c.dep_ in ("dobj", "dative")
                               and lemma(c) not in self.judge and lemma(c) not in self.things), None)
        if judged is None:  # "lodged a protest with Beijing", "imposed sanctions on Iran", "protested to Turkey"
            judged = next((g for h in (*carriers, *([verb] if verb is not None else [])) for c in h.children
                           if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS for g in c.children if g.dep_ == "pobj"),
                          None)
        return expand(judged) if judged is not None else []

    # ---------- slots -> actors ----------
    def _source_actors(self, m: Match, slots: Slots, ctx: ArticleContext, sayer: Actor | None,
                       used: set[int]) -> tuple[list[Actor], Token | None]:
        """The source actors, and the object whose owner turned out to be the source, if any."""
        # "X said it will ...": the pronoun is the speaker
        # (inside a quotation "they" is whom the speaker speaks of, not the speaker)
        found = [b for s in slots.sources
                 for a in (self._addressee(s, ctx) or sayer
                           if sayer is not None and s.lower_ in _SELF_REF and not ctx.memory.quoted_other(s)
                           else self.actor(s, ctx, sayer),) if a is not None
                 for b in (self.nationalities(s, a, ctx) if a is not sayer else [a])]
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

    def _addressee(self, pron: Token, ctx: ArticleContext) -> Actor | None:
        """"Trump warned Iran that it would face force if it closed the strait": "it" in what is said to a state
        or body is that state, not the speaker (a person is never "it")."""
        if pron.lower_ != "it":
            return None
        for v in pron.ancestors:
            if v.pos_ not in ("VERB", "AUX"):
                continue
            told = next((c for c in v.children if c.dep_ in ("dobj", "dative") and c.i < pron.i
                         and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP")), None
                        ) if lemma(v) in self.telling else None
            if told is not None:
                a = self.actor(told, ctx)
                return a if a is not None and a.code else None
            if any(c.dep_ == "nsubj" and c.i < pron.i and c.pos_ != "PRON" for c in v.children):
                return None  # the clause of the speaker, who addresses no one
        return None

    def _place_compound(self, mod: Token, deed: Token, ctx: ArticleContext) -> bool:
        """A place's proper name before a deed of force that names no target: a city ("a Kabul suicide attack"),
        or a country before the site hit ("the Pakistan train attack", "a Nigeria church attack") is where it
        happened; "a U.S. drone strike", "a Russia strike on Kyiv" name the doer."""
        if mod.pos_ != "PROPN" or mod.ent_type_ != "GPE" or mod.i > deed.i or any(
                c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting") for c in deed.children):
            return False
        a = self.actors.lookup(mod.text, ctx.when)
        if a is None or not a.country or a.sector:
            return True  # a city, or a capital's name (its government only as a party, not as a modifier here)
        return any(lemma(t) in self.hit_sites or t.lower_ in self.hit_sites for t in mod.doc[mod.i + 1:deed.i])

    def _modifier_actor(self, m: Match, ctx: ArticleContext, used: set[int]) -> list[Actor]:
        """"a Belarusian assault", "Russian airstrikes", "US Predator attacks", "Saudi-led airstrikes"."""
        led = self._led_by(m.anchor, ctx, used)
        if led is not None:
            return [led]
        for c in m.anchor.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i not in used and c is not m.trigger and not _anti(c):
                if lemma(c) in self.weapons or c.lower_ in self.weapons:
                    continue  # "drone attacks on oil facilities": the means, whoever's they were
                if m.pattern.mod is not None and c.lower_ in m.pattern.mod and (m.pattern.code or "")[:2] == "07":
                    # "a package of military aid": the kind of aid, not its giver ("military operations",
                    # "a terrorist attack" name their doers too)
                    continue
                a = self.actors.lookup(c.text, ctx.when) if c.pos_ == "ADJ" else self.actor(c, ctx)
                if a is not None and a.code and m.noun and (m.pattern.code or "")[:2] == "14" and (
                        a.sector == "GOV" and _seat(c.text)):
                    continue  # "Dhaka protests": the capital is where, its people protest (``place_actor``)
                if m.noun and c.dep_ == "compound" and "18" <= (m.pattern.code or "")[:2] <= "20" and self._place_compound(
                        c, m.anchor, ctx):
                    continue  # "a Kabul suicide attack", "the Pakistan train attack": where it was, not who did it
                if a is not None and a.code:
                    used.add(c.i)
                    return [a]
        return []

    def _own_means(self, m: Match, slots: Slots, sources: list[Actor], ctx: ArticleContext,
                   sayer: Actor | None, used: set[int]) -> dict[str, Token]:
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
        if own_means is None or (not sources and passive(m.anchor)) or (
                own_means.country and own_means.country not in src_countries):
            # what a passive's subject undergoes ("three soldiers killed") is never the doer's means
            return {}
        if (m.pattern.code or "")[:2] == "17":
            return {}  # "banned opposition leader Juan Guaido from ...": coercion is done to its object
        if passive(m.anchor) and m.obj.dep_ == "nsubjpass" or (
                (m.pattern.code or "")[:2] in ("18", "19", "20") and own_means.sector):
            return {}  # "two Turkish soldiers were killed by PKK militants": force meets a party, which is no means
        if own_means.sector in _PEOPLE_SECTORS and own_means.country:
            return {}  # "evacuated its nationals": its people are whom the deed is for, not its instrument
        slots.targets = [t for t in slots.targets if not (t.left_edge.i <= m.obj.i <= t.right_edge.i)]
        used.update(x.i for x in expand(m.obj) if x.i != m.obj.i)  # "moved tanks and artillery": means too
        return {c.lower_: c for c in m.obj.children if c.dep_ == "prep"}

    def _prep_targets(self, m: Match, pools: list[dict[str, Token]], ctx: ArticleContext,
                      used: set[int]) -> list[Actor]:
        found: list[Actor] = []
        hostile = (m.pattern.code or "")[:2] >= "13"
        prep_order = _NOUN_TARGET_PREPS if m.noun else _TARGET_PREPS
        if hostile:
            prep_order = (*prep_order, "through")  # "a bomb ripped through the army headquarters"
        if (m.pattern.code or "")[:2] == "15":
            prep_order = (*prep_order, "around", "off")  # "drills around Taiwan": a show of force at it
        for pool in pools:
            for p in (*prep_order, "of"):
                if p not in pool or (p == "in" and not m.noun and found):
                    continue
                if p == "from" and (m.pattern.code or "")[:2] in ("18", "19", "20"):
                    continue  # "a rocket fired from Lebanon": where force comes from is not where it falls
                for g in pool[p].children:
                    if g.dep_ == "pobj" and g.i not in used:
                        if p == "with" and hostile and lemma(g) in self.weapons:
                            continue  # "attacked the plant with drones": the means, whoever's they are
                        a = self.actor(g, ctx)
                        if (a is None or not a.code) and hostile and (p in _AIMED or p == "to"):
                            # "a drone attack on the Indian navy's fleet": whose the thing hit is; "closed its
                            # airspace to Indian airlines": whose the things shut out are
                            a = self.inner_actor(g, ctx, used) or a
                        if a is not None and (a.code or p not in _WEAK_TARGET_PREPS):
                            found += self.nationalities(g, a, ctx)
                if found:
                    return found
        return found

    def _target_actors(self, m: Match, slots: Slots, ctx: ArticleContext, used: set[int],
                       means_preps: dict[str, Token], owner_of: Token | None, binder: Actor | None = None
                       ) -> list[Actor]:
        """``binder``: the source, whose "its" and "their" an object's possessive is."""
        found: list[Actor] = []
        seen: set[int] = set()
        wielded = (m.obj is not None and lemma(m.obj) in self.weapons and lemma(m.anchor) in self.wield
                   and not any(c.dep_ == "prt" for c in m.anchor.children))
        if wielded:
            # "fired dozens of drones and missiles at ships": the means, not the aim
            top = m.obj
            while top.head is not m.anchor and top.dep_ in ("pobj", "prep", "conj") and top.head.i != top.i:
                top = top.head
            seen |= {x.i for w in (top, m.obj) for x in expand(w)}
        for t in slots.targets:
            for x in expand(t):
                if x.i in seen:  # the sides of "between A, B and C" are conjuncts of each other
                    continue
                seen.add(x.i)
                a = self.actor(x, ctx, binder)
                if a is not None and a.country and binder is not None and a.country == binder.country:
                    a = self._not_own(m, x, a, ctx, used)
                if a is not None and x.i not in used and not (lemma(x) in self.weapons and not a.country):
                    found += self.nationalities(x, a, ctx)  # a bare "drones" banned or seized is a means, no party
        thing = next((t for t in slots.targets if lemma(t) in self.force_things or t.lower_ in self.force_things),
                     None)
        root = (m.pattern.code or "")[:2]
        # "will not tolerate attacks on its citizens", "condemned the attack on the embassy": disapproval of a
        # deed of force is aimed at its doer, never at whom it hit
        judged = thing is not None and not m.noun and root in ("11", "12") and lemma(m.anchor) in self.stance
        if thing is None or m.noun or (root < "13" and not judged):
            thing = None
        if not found and thing is not None:
            # "repelled a Russian attack on Kharkiv", "intercepted Iranian missiles over Tel Aviv", "foiled a
            # bombing of the embassy": force met with force is aimed at whose deed or weapon it is, not at
            # what that was aimed at or where it was
            a = self.inner_actor(thing, ctx, used, source=True)
            if a is not None:
                return [a]
            if judged:
                return []
        if not found:
            pools = [slots.preps, means_preps]
            if owner_of is not None:
                pools.insert(0, {c.lower_: c for c in owner_of.children if c.dep_ == "prep"})
            if m.noun and m.obj is None:
                pools.append({c.lower_: c for c in m.anchor.children if c.dep_ == "prep" and c.lower_ == "of"})
            if m.noun and m.anchor.dep_ in VERB_OBJ and m.anchor.head.pos_ == "VERB":
                # "launched cyber warfare against India", "signed a deal with Iran": the parser hangs the
                # other party on the verb that carries the deed
                pools.append({c.lower_: c for c in m.anchor.head.children
                              if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS})
            if (not m.noun and m.obj is not None and m.obj.i not in used and not means_preps
                    and (thing is None or lemma(m.anchor) not in self.stance)):
                # "expressed concern to the Council", "declared a truce with the rebels", "gave equipment to
                # Nicaragua": the parser hangs whom the deed is aimed at on the object
                pools.append({c.lower_: c for c in m.obj.children if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS})
            found = self._prep_targets(m, pools, ctx, used)
        if not found and m.noun:
            # "anti-French demonstrations", "anti-government protests": the modifier is the target
            for c in m.anchor.children:
                if c.dep_ in ("amod", "compound", "nmod") and _anti(c) and c.i not in used:
                    a = self.actors.lookup(c.text, ctx.when) if c.pos_ == "ADJ" else self.actor(c, ctx)
                    if a is not None and a.code:
                        found.append(a)
                        break
        if not found and slots.targets and thing is None and not wielded:
            a = self.inner_actor(slots.targets[0], ctx, used)
            if a is not None:
                found.append(a)
        if not found and m.obj is not None and m.obj.i not in used and not m.noun and thing is None:
            a = self.inner_actor(m.obj, ctx, used)
            if a is not None:
                found.append(a)
        # "fired rockets at its cities": for force, also the place it is aimed at
        aimed = [g for c in m.anchor.children if c.dep_ == "prep" and c.lower_ in _AIMED for g in c.children
                 if g.dep_ == "pobj"] if root >= "13" and not m.noun else []
        heads = [t for t in ([] if wielded else slots.targets[:1]) + aimed
                 if any(c.dep_ == "poss" and c.lower_ in _POSS_PRONOUNS for c in t.children)]
        if not found and not m.noun and heads:
            # "criticised her decision", "backed their plan", "bombed their positions": what the deed is aimed
            # at belongs to whom the possessive names (the article pass tells who; one's own is no target)
            t0 = heads[0]
            poss = next((c for c in t0.children if c.dep_ == "poss" and c.lower_ in _POSS_PRONOUNS), None)
            subj = slots.sources[0] if slots.sources else None
            own = poss is not None and poss.lower_ in ("its", "their") and subj is not None and (
                (poss.lower_ == "their") == (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we")
                                             or any(c.dep_ == "conj" for c in subj.children)))
            if (poss is not None and poss.lower_ == "its" and poss.i not in used and (own or subj is None)
                    and root in ("17", "18", "19", "20")):
                # "Israel will respond because Hamas fired rockets at its cities", "vowed to retaliate after a
                # strike destroyed its consulate": a deed's own doer is no target of it; "its" is then
                # whom the clause above names
                a = self._subject_above(m.anchor, ctx, used)
                if a is not None:
                    found.append(a)
                    return found
            if own:
                poss = None  # "soldiers abandoned their positions": their own
            if poss is not None and poss.i not in used:
                a = self._group_in_sentence(poss, ctx, used) if poss.lower_ == "their" else None
                if (a is None or not a.code) and poss.lower_ in ("his", "her"):
                    # "fled days after protesters stormed his residence": the person the clause above names
                    a = self._person_above(poss, ctx, frozenset(x.i for t in slots.sources for x in expand(t)))
                if a is None or not a.code:
                    a = self.actor(poss, ctx)
                if a is not None and a.code:
                    found.append(a)
        return found

    def _not_own(self, m: Match, x: Token, a: Actor, ctx: ArticleContext, used: set[int]) -> Actor:
        """"Iran vowed revenge after Israel bombed its embassy": force is not done to one's own ("its own people"
        says so); "its" is then whom the clause above names, or no one the sentence tells."""
        poss = next((c for c in x.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if (poss is None or (m.pattern.code or "")[:2] not in ("18", "19", "20")
                or any(c.lower_ == "own" for c in x.children)):
            return a
        above = self._subject_above(m.anchor, ctx, used)
        country = above.country if above is not None else None
        return Actor(text=a.text, code=(country or "") + (a.sector or ""), country=country, sector=a.sector)

    def _subject_above(self, verb: Token, ctx: ArticleContext, used: set[int]) -> Actor | None:
        """The state or body that is the subject of a clause above ``verb`` (the clause it hangs on as a
        clause of time, cause or purpose, or the main verb it is the complement of)."""
        steps = 0
        while verb.dep_ in ("advcl", "xcomp", "conj", "ccomp") and verb.head is not verb and steps < 6:
            verb, steps = verb.head, steps + 1
            subj = subject_token(verb, self.accuse, self.parties) if verb.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.i in used:
                continue
            a = self.actor(subj, ctx)
            if a is not None and a.country and a.sector not in ("CVL",) and subj.ent_type_ != "PERSON":
                return a
            return None
        return None

    def _group_in_sentence(self, poss: Token, ctx: ArticleContext, used: set[int]) -> Actor | None:
        """"Broke a ceasefire with the rebels, bombing their positions": "their" is the party named last before
        it in its sentence as a plural or a pair, other than the deed's own doer."""
        for t in reversed(poss.doc[poss.sent.start:poss.i]):
            if t.i in used or t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children):
                a = self.actor(t, ctx)
                if a is not None and a.code:
                    return a
        return None

    def _transit(self, m: Match, ctx: ArticleContext) -> tuple[list[Actor], list[Actor]] | None:
        """"Supplies for the Russian army pass through Belarus": the state crossed is the source, whom the
        goods are for the target (the goods themselves are no party)."""
        if m.noun or m.pattern.agent is None or not any("through" in need or "via" in need for need in m.pattern.preps):
            return None
        via = next((g for c in m.anchor.children if c.dep_ == "prep" and c.lower_ in ("through", "via")
                    for g in c.children if g.dep_ == "pobj"), None)
        goods = subject_token(m.anchor, self.accuse, self.parties)
        if via is None or goods is None:
            return None
        src = self.actor(via, ctx)
        if src is None or not src.country:
            place = ctx.place_at(via)
            src = Actor(text=place.text, code=place.country, country=place.country) if place is not None else None
        if src is None or not src.country:
            return None
        tgt = next((a for c in goods.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
                    for g in c.children if g.dep_ == "pobj" for a in (self.actor(g, ctx),)
                    if a is not None and a.code), None)
        return [src], [tgt] if tgt is not None else []

    def roles(self, m: Match, ctx: ArticleContext, sayer: Actor | None = None) -> tuple[list[Actor], list[Actor]]:
        """Source and target actors of a matched predicate."""
        transit = self._transit(m, ctx)
        if transit is not None:
            return transit
        slots = self._noun_slots(m.anchor) if m.noun else self._verb_slots(m.anchor)
        used: set[int] = set()
        # "fled after threats from the rebels": the "from" names the giver before any verb's subject can
        # ("despite warnings from Pyongyang", "criticism from Beijing": words, offers and aid come from the giver)
        sent = (self._from_party(m.anchor, ctx, used, lambda g: lemma(g) not in self.things, lambda a: bool(a.code))
                if m.noun and (m.pattern.code or "")[:2] in _SENT_BY else [])
        sources, owner_of = (sent, None) if sent else self._source_actors(m, slots, ctx, sayer, used)
        if (not sources and not m.noun and m.obj is not None and (m.pattern.code or "")[:2] == "15"
                and m.obj in slots.targets):
            # "troops were deployed to the Assembly": the force deployed is the one that acts
            a = self.actor(m.obj, ctx, sayer)
            if a is not None and a.code:
                sources = [a]
                used.add(m.obj.i)
                slots.targets = [t for t in slots.targets if t.i != m.obj.i]
        if not sources and not m.noun and (m.pattern.code or "")[:2] in ("18", "19", "20") and passive(m.anchor):
            sources = self._doer_of_means(m.anchor, ctx, used)
        if not sources and (m.pattern.code or "")[:2] in ("18", "19", "20"):
            # "a rocket fired from Lebanon", "shells launched from Russian territory": the state it came from
            sources = self._from_party(m.anchor, ctx, used, lambda g: g.pos_ == "PROPN",
                                       lambda a: bool(a.country) and not a.sector)
        means_preps = self._own_means(m, slots, sources, ctx, sayer, used)
        binder = next((a for a in sources if a.country), None)
        targets = self._target_actors(m, slots, ctx, used, means_preps, owner_of, binder)
        if not m.noun and (m.pattern.code or "")[:3] == "192":
            # "retook the palace in Khartoum from the RSF": whom the place is taken from, not the place's state
            held = [a for c in m.anchor.children if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children if g.dep_ == "pobj" and g.i not in used
                    for a in (self.actor(g, ctx),) if a is not None and a.code and a.sector]
            if held:
                targets = held[:1]
        if not targets and not m.noun:
            targets = self._complement_targets(m, ctx, used, binder)
        if not m.noun and (m.pattern.code or "")[:2] == "11" and lemma(m.anchor) in self.say_verbs:
            # "Maduro is a dictator, the minister told reporters": the verdict is passed on whom it is said of,
            # not on whom it is told to
            targets = self._content_subject(m, ctx, used, binder) or targets
        if not targets and not m.noun and ((m.pattern.code or "")[:2] in ("02", "10", "11", "13") or (
                (m.pattern.code or "")[:2] == "07" and lemma(m.anchor) in self.lend_hand)):
            # "the US helped Ukraine repel the attack": whom one helps is the subject the parser gives the deed
            targets = self._content_subject(m, ctx, used, binder)
            if (m.pattern.code or "")[:2] == "13" and binder is not None:
                # "warned that Israel would face punishment" threatens Israel; "warned that its forces would
                # strike" names the threatener's own side, whom no threat is aimed at
                targets = [a for a in targets if a.country != binder.country]
        if not targets and not m.noun and (m.pattern.code or "")[:2] == "13":
            targets = self._condition_subject(m, ctx, used, binder)
        if not targets and "11" <= (m.pattern.code or "")[:2] <= "20":
            targets = self._retaliation_target(m, ctx, used, binder)
        if m.noun and not sources and targets and (lemma(m.anchor) in self.mutual or m.anchor.lower_ in self.mutual):
            # "two soldiers died in an exchange of fire with Pakistani troops": the side they fought dealt it
            sources = [a for g in (g for c in m.anchor.children if c.dep_ == "prep" and c.lower_ == "with"
                                   for g in c.children if g.dep_ == "pobj" and g.i not in used)
                       for a in (self.actor(g, ctx),) if a is not None and a.code][:1]
        if (len({a.code for a in sources if a.code}) >= 2 and (m.pattern.code or "")[:2] in _RECIPROCAL
                and (m.pattern.code or "")[:3] != "045" and not self._partner_named(m)):
            # (not a mediation: "Egypt and Qatar brokered a truce" is between others)
            # "The Philippines and Japan signed a defence pact", "Egypt and Sudan held talks": with each other,
            # not with whatever the pact or the talks mention
            targets = list(sources)
        if not m.noun:
            sources, targets = self._sanctioned(m, slots, sources, targets, ctx)
        elif (m.pattern.code or "")[:2] in ("16", "17") and self._is_sanction(m.anchor):
            owner, aim = self.sanction_parties(m.anchor, ctx)
            if m.anchor.i not in ctx.memory.sanctions_again:
                self._note_sanction(m.anchor, owner, aim, sources, targets, ctx)
        return sources, targets

    @staticmethod
    def _partner_named(m: Match) -> bool:
        """Whether the deed or its object names a party it is done with ("talks with Ethiopia", "a deal
        between Cairo and Khartoum")."""
        for h in (m.anchor, m.obj):
            if h is None:
                continue
            for c in h.children:
                # "agreed to a truce": the prep's object is the deed's own object, no partner
                if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS and any(
                        g.dep_ == "pobj" and (m.obj is None or g.i != m.obj.i) for g in c.children):
                    return True
        return False

    def _from_party(self, anchor: Token, ctx: ArticleContext, used: set[int], word_ok, actor_ok) -> list[Actor]:
        """The first party named in a "from" phrase of ``anchor`` whose word and actor pass the two tests."""
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for g in c.children:
                    if g.dep_ == "pobj" and word_ok(g):
                        a = self.actor(g, ctx)
                        if a is not None and actor_ok(a):
                            used.add(g.i)
                            return [a]
        return []

    def _doer_of_means(self, verb: Token, ctx: ArticleContext, used: set[int]) -> list[Actor]:
        """"44 people were killed in a PKK attack", "were wounded in Russian shelling", "died in an attack
        by rebels": whoever did the deed that killed them did the killing."""
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
                continue
            for deed in c.children:
                if deed.dep_ != "pobj" or not (lemma(deed) in self.force_things or deed.lower_ in self.force_things):
                    continue
                for d in deed.children:
                    if d.i in used or _anti(d):
                        continue
                    a = None
                    if d.dep_ == "compound" and self._place_compound(d, deed, ctx):
                        continue  # "wounded in a Syria rocket attack": where it was ("in a PKK attack": whose)
                    if d.dep_ in ("poss", "compound"):
                        a = self.actor(d, ctx)
                    elif d.dep_ == "amod":
                        a = self.actors.lookup(d.text, ctx.when)
                    elif d.dep_ == "prep" and d.lower_ == "by":
                        g = next((g for g in d.children if g.dep_ == "pobj"), None)
                        a = self.actor(g, ctx) if g is not None else None
                    if a is not None and a.code:
                        used.add(d.i)
                        return [a]
        return []

    def _complement_targets(self, m: Match, ctx: ArticleContext, used: set[int], binder: Actor | None
                            ) -> list[Actor]:
        """"Hezbollah threatened to shell Haifa", "agreed to lift sanctions against the North", "offered to
        send troops to Uganda": a promise, threat, refusal or plan is aimed at whom what it promises is aimed at."""
        comp = m.pattern.comp
        clause = next((c for c in m.anchor.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                       and (comp is None or {lemma(c), c.lower_} & comp)), None)
        if clause is None:
            return []
        obj = next((c for c in clause.children if c.dep_ in VERB_OBJ), None)
        inner = Match(trigger=clause, pattern=m.pattern, obj=obj, noun=False, anchor=clause)
        slots = self._verb_slots(clause)
        slots.targets = [t for t in slots.targets if t.i not in used]
        means: dict[str, Token] = {}
        if obj is not None and (m.pattern.code or "")[:2] not in ("17", "18", "19", "20"):
            # "offered to send troops to Uganda": what the source sends of its own is the means
            a = self.actor(obj, ctx)
            if a is not None and a.code and (not a.country or (binder is not None and a.country == binder.country)):
                slots.targets = [t for t in slots.targets if t.i != obj.i]
                means = {c.lower_: c for c in obj.children if c.dep_ == "prep"}
        found = self._target_actors(inner, slots, ctx, used, means, None, binder)
        if not any(a.code for a in found) and (m.pattern.code or "")[:2] >= "13":
            own = {binder.country} if binder is not None and binder.country else set()
            for t in ([obj] if obj is not None else []):
                for x in noun_phrase(t):
                    place = ctx.place_at(x)
                    if place is not None and place.country not in own:
                        return [Actor(text=place.text, code=place.country, country=place.country)]
        return found

    def _content_subject(self, m: Match, ctx: ArticleContext, used: set[int], binder: Actor | None
                         ) -> list[Actor]:
        """"Protesters demanded that the government resign", "urged that Israel withdraw": an appeal or a
        demand is made to whom its content clause says should act; "said the president was a dictator": a
        verdict is passed on whom it is said of (the parser often reads the subjunctive
        verb as a noun, with the subject as its compound)."""
        clauses = [c for c in m.anchor.children if c.dep_ == "ccomp"]
        verdict = (m.pattern.code or "")[:2] == "11"
        if verdict and m.anchor.dep_ == "parataxis":
            clauses.append(m.anchor.head)  # "X was a dictator, Y said"
        for c in clauses:
            if verdict:
                if lemma(c) != "be":
                    continue  # "said the sanctions were illegal": whom the verdict is passed on
            elif not any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children) and lemma(
                    m.anchor) not in self.lend_hand and lemma(c) != FACE:
                continue  # ("said Israel would face severe punishment": whom the threat is aimed at)
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if verdict and subj is not None and lemma(subj) in self.culprits:
                # "said the saboteurs were Ukrainian": the blame is laid on the nation they are said to be of
                nation = next((x for x in c.children if x.dep_ in ("attr", "acomp") and x.text[:1].isupper()), None)
                a = self.actors.lookup(nation.text, ctx.when) if nation is not None else None
                if a is not None and a.code and (binder is None or a.code != binder.code):
                    return [a]
            if subj is None and c.pos_ in ("NOUN", "PROPN"):
                subj = next((x for x in c.children if x.dep_ == "compound" and x.pos_ in ("NOUN", "PROPN")), None)
            if subj is None or subj.i in used or subj.pos_ == "PRON":
                continue
            a = self.actor(subj, ctx, binder)
            if (a is None or not a.code) and verdict:
                a = self.inner_actor(subj, ctx, used, source=True)  # "said the Russian sanctions were illegal"
            if a is not None and a.code and (binder is None or a.code != binder.code):
                used.add(subj.i)
                return [a]
        return []

    def _condition_subject(self, m: Match, ctx: ArticleContext, used: set[int], binder: Actor | None
                           ) -> list[Actor]:
        """"Threatened to impose sanctions unless the military reversed its actions", "warned of consequences if
        Iran did not comply": a threat is aimed at whom its condition asks to act."""
        verbs = [m.anchor] + [c for c in m.anchor.children if c.dep_ == "xcomp"]
        for v in verbs:
            for c in v.children:
                if c.dep_ != "advcl" or not any(g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children):
                    continue
                # (an active one: "if the men were not freed" names whom it is done to, not who must act)
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is None or subj.i in used or subj.pos_ == "PRON":
                    continue
                a = self.actor(subj, ctx)
                if a is not None and a.code and (binder is None or (a.code != binder.code and a.country != binder.country)):
                    return [a]  # (one's own side is no one a threat is aimed at)
        return []

    def _retaliation_target(self, m: Match, ctx: ArticleContext, used: set[int], binder: Actor | None
                            ) -> list[Actor]:
        """"Suspended cooperation in retaliation for Trump's decision", "expelled diplomats in response to
        Moscow's move": a hostile act in answer to someone's deed is aimed at whoever did that deed."""
        ins = [t for t in m.anchor.subtree if t.dep_ == "prep" and t.lower_ == "in"]
        cur, steps = m.anchor, 0
        while steps < 4 and cur.dep_ != "ROOT" and cur.head is not cur:
            steps += 1
            cur = cur.head
            ins += [c for c in cur.children if c.dep_ == "prep" and c.lower_ == "in"]
        for c in ins:
            for why in c.children:
                if why.dep_ != "pobj" or lemma(why) not in _ANSWER:
                    continue
                for p in why.children:
                    if p.dep_ != "prep" or p.lower_ not in ("for", "to", "against", "at", "over"):
                        continue
                    for deed in p.children:
                        if deed.dep_ != "pobj" or deed.i in used:
                            continue
                        a = self.actor(deed, ctx)
                        if a is None or not a.code:
                            a = self.inner_actor(deed, ctx, used, source=True)
                        if a is not None and a.code and (binder is None or a.code != binder.code):
                            return [a]
        return []

    # ---------- sanctions: whose, and on whom ----------
    def _sanctioned(self, m: Match, slots: Slots, sources: list[Actor], targets: list[Actor],
                    ctx: ArticleContext) -> tuple[list[Actor], list[Actor]]:
        """"The EU embargo on arms exports to China is to be lifted": a sanction is its owner's ("EU", "its",
        "Washington's") and aimed at what its "on/against" phrase names; who imposes, lifts or keeps it is its
        owner when the text names no one else, and whom it hits is the target, not the owner. "Called for the
        embargo to be lifted" appeals to the owner. "The ban" named again is the one named before."""
        root = (m.pattern.code or "")[:2]
        if root not in ("02", "03", "08", "10", "16", "17"):
            return sources, targets
        noun = self._sanction_noun(m, slots)
        if noun is None:
            return sources, targets
        owner, aim = self.sanction_parties(noun, ctx)
        if root in ("16", "17"):
            if noun.i in ctx.memory.sanctions_again:
                # imposing one named again: its own phrase does not say on whom, and the earlier one's
                # parties may not be this one's
                return sources, targets
            owner, aim = self._note_sanction(noun, owner, aim, sources, targets, ctx)
        if root in ("02", "10"):
            # an appeal about a sanction is made to whoever holds it
            return sources, (targets if any(a.code for a in targets) or owner is None else [owner])
        if (noun.dep_ == "pobj" and noun.head.lower_ == "against" and noun.head.head.i == m.anchor.i
                and owner is not None and owner.code and owner.code not in {a.code for a in sources}):
            return sources, [owner]  # "will retaliate against Chinese tariffs": at whose they are
        if not sources and owner is not None:
            sources = [owner]
        own = {a.code for a in sources if a.code}
        if aim is not None and aim.code not in own:
            targets = [aim] + [a for a in self._more_aims(noun, ctx) if a.code != aim.code and a.code not in own]
        elif owner is not None:
            targets = [a for a in targets if a.code != owner.code]
        return sources, targets

    @staticmethod
    def _note_sanction(noun: Token, owner: Actor | None, aim: Actor | None, sources: list[Actor],
                       targets: list[Actor], ctx: ArticleContext) -> tuple[Actor | None, Actor | None]:
        """"Japan placed a ban on ...": who imposes a sanction owns it, and whom the imposing aims at is its
        aim, when the sanction is named again ("the ban")."""
        if owner is None and sources and sources[0].code:
            owner = sources[0]
        if aim is None:
            aim = next((a for a in targets if a.code and (owner is None or a.code != owner.code)), None)
        ctx.memory.sanctions[noun.i] = (owner, aim)
        return owner, aim

    def _more_aims(self, noun: Token, ctx: ArticleContext) -> list[Actor]:
        """The parties a sanction's "on/against" phrase names after the first ("tariffs on Mexico and Canada",
        "duties on imports from Mexico and Canada")."""
        out: list[Actor] = []
        for c in noun.children:
            if c.dep_ != "prep" or c.lower_ not in ("on", "against", "upon"):
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                heads = [g] + [x for p in g.children if p.dep_ == "prep" and p.lower_ == "from"
                               for x in p.children if x.dep_ == "pobj"]
                for h in heads:
                    for x in h.children:
                        if x.dep_ == "conj":
                            a = self.actor(x, ctx)
                            if a is not None and a.code and a.country:
                                out.append(a)
        return out

    def _sanction_noun(self, m: Match, slots: Slots) -> Token | None:
        """The sanction a predicate acts on: its object, its passive subject, or the object of the
        clause it governs ("promised to work towards lifting the embargo")."""
        if m.obj is not None and self._is_sanction(m.obj):
            return m.obj
        found = next((t for t in slots.targets if self._is_sanction(t)), None)
        if found is not None:
            return found
        frontier, steps = [m.anchor], 0
        while frontier and steps < 3:
            steps += 1
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in ("xcomp", "ccomp", "advcl", "prep", "pcomp"):
                        nxt.append(c)
                    elif c.dep_ in ("dobj", "nsubjpass", "pobj") and t is not m.anchor and self._is_sanction(c):
                        return c
            frontier = nxt
        return None

    def _is_sanction(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and (lemma(tok) in self.sanctions or tok.lower_ in self.sanctions)

    def sanction_parties(self, noun: Token, ctx: ArticleContext) -> tuple[Actor | None, Actor | None]:
        """The owner and the aim of a sanction noun, or of the one it names again."""
        memo = ctx.memory.sanctions
        if noun.i in memo:
            return memo[noun.i]
        owner = aim = None
        for c in noun.children:
            if owner is None and c.dep_ in ("poss", "compound", "amod", "nmod") and not _anti(c):
                a = self.actors.lookup(c.text, ctx.when) if c.pos_ == "ADJ" else self.actor(c, ctx)
                if a is not None and a.code and (a.country or a.code[:3] in ("IGO", "NGO")):
                    owner = a
            elif aim is None and c.dep_ == "prep" and c.lower_ in ("on", "against", "upon"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        a = self.actor(g, ctx)
                        aim = a if a is not None and a.country else self.inner_actor(g, ctx, set())
        if owner is None and aim is None and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such")
                                                 for c in noun.children):
            # "the ban": the last sanction the article named with its owner or aim, if any
            earlier = [i for i in memo if i < noun.i and (memo[i][0] or memo[i][1])]
            if not earlier:
                for t in noun.doc[:noun.i]:
                    if self._is_sanction(t) and t.i not in memo and any(
                            c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in t.children):
                        memo[t.i] = self.sanction_parties(t, ctx)
                earlier = [i for i in memo if i < noun.i and (memo[i][0] or memo[i][1])]
            if earlier:
                owner, aim = memo[max(earlier)]
                ctx.memory.sanctions_again.add(noun.i)
        memo[noun.i] = (owner, aim)
        return owner, aim

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
        # a state's forces at home do not attack their own country; rebels and militants there do
        own = {a.country for a in sources if a.country and a.sector in _STATE}
        for h in heads:
            for t in noun_phrase(h):
                place = ctx.place_at(t)
                if place is not None and place.country not in own:
                    return [Actor(text=place.text, code=place.country, country=place.country)]
        return []

    def home_target(self, m: Match, sources: list[Actor], ctx: ArticleContext) -> list[Actor]:
        """"Police arrested 40 people in Lagos", "the army distributed food in Borno": a state's organ acting in a
        place of its own country (or, named bare, of the country the place is in) does it to that country."""
        organs = [a for a in sources if a.sector in _STATE and a.sector is not None]
        if not organs or len(organs) != len(sources):
            return []
        own = {a.country for a in organs if a.country}
        tok = m.anchor
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at", "across", "throughout"):
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for t in noun_phrase(g):
                    place = ctx.place_at(t)
                    if place is not None and (not own or own == {place.country}):
                        return [Actor(text=place.text, code=place.country, country=place.country)]
        return []

    def place_actor(self, tok: Token, ctx: ArticleContext) -> Actor | None:
        """Protests with no named protester: the people of the place they happen in ("protests in Dhaka",
        "Mombasa protests")."""
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.text[:1].isupper() and not _anti(c):
                place = ctx.place_at(c)
                country = place.country if place is not None else None
                if country is None:
                    a = self.actors.lookup(c.text, ctx.when)  # a capital the gazetteer missed
                    country = a.country if a is not None and a.sector == "GOV" and _seat(c.text) else None
                if country:
                    return Actor(text=c.text, code=country + "CVL", country=country, sector="CVL")
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
