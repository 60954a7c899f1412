"""The article pass: read the whole article once its sentences are coded.

A sentence alone cannot say who "he", "the army" or "Mr Abbas" is, whether "the accusations"
are new ones, or whether a kidnapping in Redding is politics. The article can:

- one table of the article's actors (people with their titles, acronyms it spells out, the
  country the story is about) that personal pronouns, bare sector nouns and re-mentioned names
  resolve against;
- acts whose agent an institution's office implies ("was sentenced") get that agent;
- event coreference: a definite re-mention ("the accusations", "the blast destroyed ...",
  "said in a statement") adds weight to the event it repeats instead of making another one;
- a Title Case headline keeps only what the body supports; the headline and lede events rank
  first (confidence is what the article's main event is chosen by);
- the political-event gate (coding/gate.py ``PartyGate``): an event needs a political actor on one side
  (data/article/sectors.tsv);
- a statement is placed where its speaker is, not where the story is.

Everything here reads the parse and the events; nothing is kept between articles.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date, timedelta
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..actors.normal import actor_key
from ..actors.tables import ADJ, CAPITAL, COUNTRY, PEOPLE
from ..model import Actor, Article, Event, PlaceMention
from ..headline import title_case
from ..nlp import entity_bounds, normalise, text_of
from .roles import _RECIPROCAL, _foreign, _named, domestic, office_holder, region_named_like_a_state, shared_institution
from .gate import PERSONAL as _PERSONAL, STATE_FEATURES as _STATE_FEATURES, PartyGate
from .syntax import actor_token, subject_token, terms_clauses, trigger_token, two_parties

_DEFINITE = {"the", "this", "that", "these", "those", "such"}
_OBJECT_PRONOUNS = {"him", "her"}
# "the two leaders", "both sides": the two parties named last together
_PAIR = re.compile(r"^(?:the\s+)?(?:two|both)\s+[a-z]+s$", re.IGNORECASE)
# the two sides of a reciprocal deed: "both sides", "the two countries", "each side", "each country"
_SIDES = re.compile(r"^(?:(?:(?:the\s+)?(?:two|both)\s+)?sides|(?:the\s+)?(?:two|both)\s+[a-z]+s|each\s+(?:side|country|party|nation|government|camp|army))$",
                    re.IGNORECASE)
_LOCAL = re.compile(r"\b(?:regional|local|provincial|district|municipal|county|city)\b", re.IGNORECASE)
_RECIPROCAL_WORDS = re.compile(r"^(?:each other|one another|the other)(?:'s)?", re.IGNORECASE)
# words and stances on what someone did: "condemned the attacks" is aimed at their doer
_STANCE_ROOTS = frozenset({"10", "11", "12", "13", "16"})
_SUBJ = ("nsubj", "nsubjpass")
_VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13", "16"}
_FORCE = {"17", "18", "19", "20"}
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                            "nov", "dec"))}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_FULL_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b")
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"))}
# sectors of a group that "the group" names again: armed groups, parties, opposition, bodies of people
_GROUP_SECTORS = frozenset({"REB", "PTY", "OPP", "NGO", "IGO", "LAB", "REL", "CRM"})
_LOCATIVE = {"in", "at", "near", "across", "throughout", "inside", "outside", "around", "within", "through"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
# named things that "they" may stand for when two or more are named together ("Hungary and Slovakia")
_GROUP_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
# where a group is a party of its clause, not a word inside another phrase
_PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "appos", "ROOT"}
# people rather than bodies: "it" is never a person or a crowd
_PEOPLE_SECTORS = {"CVL", "ELI", "REF"}


# sectors whose titled members are people of a state ("PM Miro Cerar"): a name the tables lack does not
# make them the body the article named last
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# "the minister", "the army chief", "this ambassador": a definite title with no name or country
_TITLE = re.compile(r"^(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}([a-z]+)$", re.IGNORECASE)


# what a one-word name is when it only names a state: no person's name
_STATE_KINDS = frozenset({ADJ, CAPITAL, COUNTRY, PEOPLE})


def _words_of(text: str) -> set[str]:
    return {w.strip(".,'\u2019").lower() for w in text.split()}


def _title_of(text: str) -> str | None:
    """The title word of "the minister", "the Party chief" (singular only: "the ministers" are a group)."""
    m = _TITLE.match(text.strip())
    if m is None:
        return None
    word = m.group(1).lower()
    return None if word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class SectorRule:
    political: bool
    antecedent: bool
    armed: bool = True


def _rows(name: str):
    with resources.files("tocsin.data").joinpath("article", name).open(encoding="utf-8") as f:
        yield from csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")


@lru_cache(maxsize=1)
def sector_rules() -> dict[str, SectorRule]:
    return {r["sector"]: SectorRule(r["political"] == "1", r["antecedent"] == "1", r["armed"] == "1")
            for r in _rows("sectors.tsv")}


@lru_cache(maxsize=1)
def remention_nouns() -> dict[str, frozenset[str]]:
    """Noun -> the CAMEO roots of the acts it names again ("the proposal": 03, 02), data/article/remention.tsv."""
    return {r["noun"]: frozenset(r["roots"].split()) for r in _rows("remention.tsv")}


@lru_cache(maxsize=1)
def implicit_agents() -> dict[str, tuple[str, str, bool, str]]:
    return {r["cameo"]: (r["sector"], r["text"], r["domestic"] == "1", r["of"]) for r in _rows("implicit_agents.tsv")}


@lru_cache(maxsize=1)
def stateless_peoples() -> frozenset[str]:
    """Codes of peoples spread over several states (KUR): no country of their own, so the story says whose."""
    def codes(name: str) -> set[str]:
        with resources.files("tocsin.data").joinpath("actors", name).open(encoding="utf-8") as f:
            rows = csv.reader((ln for ln in f if ln.strip() and not ln.startswith("#")), delimiter="\t")
            return {r[0] for r in rows if r}
    return frozenset(codes("peoples.tsv") - codes("countries.tsv") - {"code", "iso3"})


def _implied(code: str, trigger: str | None = None) -> tuple[str, str, bool, str] | None:
    """The agent an act of ``code`` implies; a row for the code and the trigger's lemma ("115 impeach")
    comes before the code's own."""
    table = implicit_agents()
    for n in range(len(code), 1, -1):
        if trigger is not None and f"{code[:n]} {trigger}" in table:
            return table[f"{code[:n]} {trigger}"]
        if code[:n] in table:
            return table[code[:n]]
    return None


def _with(actor: Actor, country: str, text: str | None = None) -> Actor:
    return Actor(text=actor.text if text is None else text, code=country + (actor.sector or ""), country=country,
                 sector=actor.sector)


def _bare(actor: Actor | None) -> bool:
    """A sector with no country: "the army", "protesters", "the court"."""
    return (actor is not None and bool(actor.code) and not actor.country and actor.sector is not None
            and actor.code == actor.sector and actor.sector not in ("IGO", "NGO"))


@dataclass
class _Mention:
    i: int  # token index of the mention's head
    actor: Actor
    subject: bool
    gender: str | None = None  # "m", "f" or unknown: what "he" and "she" may stand for


# titles that say whether a person is a man or a woman ("Mrs May", "King Abdullah", "the Queen")
_TITLE_GENDER = {**{w: "m" for w in ("mr", "mr.", "mister", "sir", "lord", "king", "prince", "emir", "sheikh", "pope",
                                     "sultan", "duke", "count", "baron", "brother", "father", "son", "husband",
                                     "uncle", "nephew", "grandson", "monsignor", "cardinal")},
                 **{w: "f" for w in ("mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "queen",
                                     "princess", "empress", "duchess", "baroness", "countess", "sister", "mother",
                                     "daughter", "wife", "widow", "aunt", "niece", "granddaughter", "sheikha",
                                     "congresswoman", "chairwoman", "spokeswoman", "businesswoman", "first lady")}}
# words of a title before a name, which are no given name ("President Donald Trump")
_TITLE_WORDS = frozenset({"president", "prime", "minister", "chancellor", "governor", "gov", "senator", "sen", "rep",
                          "general", "gen", "colonel", "col", "judge", "justice", "chief", "secretary", "mayor",
                          "ambassador", "commissioner", "director", "dr", "prof", "professor", "former", "late",
                          "foreign", "defence", "defense", "interior", "deputy", "vice", "speaker", "leader",
                          "state", "councilor", "councillor", "elect", "acting", "opposition", "party"})
# what the entity recogniser may call "Mrs Ana Costa" or "King Faisal"
_NAME_ENTS = ("", "PERSON", "ORG")
_MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "m" or "f" (data/actors/given_names.tsv)."""
    with resources.files("tocsin.data").joinpath("actors", "given_names.tsv").open(encoding="utf-8") as f:
        rows = csv.reader((ln for ln in f if ln.strip() and not ln.startswith("#")), delimiter="\t")
        return {r[0]: r[1] for r in rows if len(r) >= 2 and r[0] != "name"}


def _ent_gender(ent: Span) -> str | None:
    """Whether a person named is a man or a woman, where the text says so: a title before or in the name
    ("Mrs Clinton", "Queen Rania"), else a given name the data list knows ("Theresa May")."""
    doc = ent.doc
    for k in range(max(ent.start - 2, 0), ent.end):
        g = _TITLE_GENDER.get(doc[k].lower_)
        if g is not None and (k >= ent.start - 1 or doc[k + 1].lower_ in (".",)):
            return g
    # the given name is the first of two or more names ("Kelly" alone may be John Kelly's surname)
    words = [t for t in ent if t.is_alpha and t.text[:1].isupper() and len(t) > 1
             and t.lower_ not in _TITLE_WORDS]
    if len(words) >= 2:
        return given_names().get(words[0].text)
    return None


@dataclass
class ArticleActors:
    """Who the article is about: its people, the acronyms it defines and its home country."""

    home: str | None = None
    scene: str | None = None  # where the story happens, when it says so
    people: list[_Mention] = field(default_factory=list)  # persons named, in text order
    names: dict[str, Actor | None] = field(default_factory=dict)  # a word of a person's name -> that person
    acronyms: dict[str, Actor] = field(default_factory=dict)

    def person_before(self, i: int, sent: Span, avoid: str | None = None, gender: str | None = None
                      ) -> Actor | None:
        """Who "he" or "she" at token ``i`` is: a person named earlier in the sentence, else the last
        person who was the subject of a recent sentence, else the last person named. ``avoid``: the code
        of the other party of the pronoun's event ("Orban wrote to Zelenskyy, accusing him": not Orban).
        ``gender`` ("m" for "he", "f" for "she"): not a person the text says is of the other one."""
        before = [m for m in self.people if m.i < i and (avoid is None or m.actor.code != avoid)]
        if gender is not None:
            before = [m for m in before if m.gender in (None, gender)] or before
        if not before:
            return None
        here = [m for m in before if m.i >= sent.start]
        if here:
            subj = [m for m in here if m.subject]
            return (subj or here)[-1].actor
        doc = sent.doc
        window_start = i
        for _ in range(3):  # the three sentences before this one
            if window_start <= 0:
                break
            window_start = doc[window_start - 1].sent.start
        recent = [m for m in before if m.i >= window_start]
        subj = [m for m in recent if m.subject]
        if subj:
            return subj[-1].actor
        return (recent or before)[-1].actor

    def titled_before(self, title: str, i: int, avoid: str | None = None) -> Actor | None:
        """The last person named before token ``i`` with ``title`` among the words before their name
        ("Foreign Minister Karl Erjavec" for "the minister"), if they have a country; not one of code
        ``avoid`` (the event's other party) while another holds the title."""
        held = [m.actor for m in self.people if m.i < i and m.actor.country and title in _words_of(m.actor.text)]
        other = [a for a in held if a.code != avoid] if avoid else held
        return (other or held)[-1] if held else None

    def by_name(self, text: str) -> Actor | None:
        words = [w for w in re.split(r"[\s]+", text.strip()) if w]
        if not words:
            return None
        if len(words) == 1 and words[0] in self.acronyms:
            return self.acronyms[words[0]]
        names = [w for w in words if w[:1].isupper() and w.lower() not in ("mr", "mrs", "ms", "dr", "mr.", "mrs.",
                                                                           "ms.", "dr.", "the")]
        found = {id(a): a for w in names if (a := self.names.get(w)) is not None}
        if len(found) == 1:
            return next(iter(found.values()))
        acr = [self.acronyms[w] for w in words if w in self.acronyms]
        return acr[0] if len(acr) == 1 else None


def _name_words(doc: Doc, i: int) -> list[str]:
    """The capitalised words of the person's name whose head is token ``i``."""
    lo, hi = entity_bounds(doc[i])
    return [t.text for t in doc[lo:hi] if t.is_alpha and t.text[:1].isupper() and len(t) > 1]


def _states(doc: Doc, places: list[PlaceMention]) -> list[tuple[int, str]]:
    """The states the article names as such ("Ukraine", not "Ukrainian officials"), for "the country"."""
    out = []
    for p in places:
        if not p.country or p.feature not in _STATE_FEATURES:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.pos_ == "PROPN":
            out.append((p.start, p.country))
    return out


def _member_of(tok: Token) -> bool:
    """"A company of 100 UK troops", "a group of protesters": the plural after "of" is who the party is."""
    head = tok.head
    return (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.tag_ == "NN"
            and head.head.dep_ in _PARTY_DEPS and tok.tag_ in ("NNS", "NNPS"))


def _headline(doc: Doc) -> Span | None:
    """The article's first line when it stands alone above the body: no final stop, and a line break
    (the layout keeps the blank line under a headline) before the body's first sentence."""
    sents = list(doc.sents)
    if len(sents) < 2:
        return None
    # the first line, which the layout may have cut in two ("Belarus withdraws ambassador | as Ukraine warns ...")
    end = 0
    while end < len(sents) - 1 and "\n" not in sents[end].text and "\n" not in text_of(doc)[
            sents[end].end_char:sents[end].end_char + 1]:
        end += 1
    if end == len(sents) - 1:
        return None
    first = doc[sents[0].start:sents[end].end]
    text = first.text.strip()
    after = first.text[len(first.text.rstrip()):] + text_of(doc)[first.end_char:first.end_char + 1]
    if not text or text[-1] in ".!?:" or "\n" in text or "\n" not in after:
        return None
    return first


class ArticlePass:
    """Runs over one article's events after its sentences are coded. Holds only read-only tables."""

    def __init__(self, actors, lexicon=None, gate: bool = True) -> None:
        self.actors = actors  # the ActorResolver
        self.gate = gate
        self.rules = sector_rules()
        self.event_nouns: dict[str, set[str]] = {}  # noun -> the roots of force it codes ("blast" -> 18, 20)
        self.say: frozenset[str] = lexicon.words("@SAY") if lexicon is not None else frozenset({"say", "tell", "add"})
        self.mob: frozenset[str] = lexicon.words("@MOB") if lexicon is not None else frozenset({"mob", "mobs"})
        # force met with force ("destroyers intercepted the drones"): no attack a stance on "the attacks" is taken on
        self.defence: frozenset[str] = lexicon.words("@DEFENCE") if lexicon is not None else frozenset()
        # "South Korea returned fire": force that answers force, aimed at whoever struck first
        self.answer: frozenset[str] = lexicon.words("@ANSWER_FORCE") if lexicon is not None else frozenset()
        # "the prime minister said he ...": titles of a person
        self.officials: frozenset[str] = lexicon.words("@OFFICIAL") if lexicon is not None else frozenset()
        # "the fighting", "the clashes": a deed of two sides, neither of them its attacker
        self.mutual: frozenset[str] = lexicon.words("@MUTUAL_FIGHT") if lexicon is not None else frozenset()
        # "rejected criticism from Washington": disapproval its subject withstands is aimed at that subject
        self.withstand: frozenset[str] = lexicon.words("@WITHSTAND") if lexicon is not None else frozenset()
        # "the group", "the movement": the group the article named last
        self.group_nouns: frozenset[str] = lexicon.words("@GROUP_NOUN") if lexicon is not None else frozenset()
        # an event needs a political actor on one side (coding/gate.py decides what is political)
        self.party_gate = PartyGate(self.rules, self.mob)
        if lexicon is not None:
            for w, plist in lexicon.nouns.items():
                roots = {p.code[:2] for p in plist if p.code and p.code[:2] >= "14"}
                if roots:
                    self.event_nouns[w] = roots

    @staticmethod
    def implies(code: str) -> bool:
        """Whether an act of this CAMEO code implies its agent when the text names none."""
        return _implied(code) is not None

    # ---------- before the sentence pass ----------
    def prepare(self, doc: Doc, ctx) -> None:
        """What the sentences need from the whole article before they are coded: the acronyms it
        spells out ("the Palestinian Authority (PA)" ... "with the PA") and its groups, which "they",
        "them" and "their" point back to."""
        when = ctx.article.date
        if len(doc) and "tocsin.text" not in doc.user_data:
            # the Doc is the normalised article (same length); Doc.text would join every token anew
            text = normalise(ctx.article.text)
            if len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
                doc.user_data["tocsin.text"] = text
        for acr, actor in self.acronyms(doc, when).items():
            ctx.memory.names.setdefault(acr, actor)
        ctx.memory.groups, ctx.memory.bodies = self.parties(doc, when, ctx.places)
        ctx.memory.pairs = {}
        for k, (i, start, actor) in enumerate(ctx.memory.groups):
            duo = self._pair(doc[i], actor, when)
            if duo is not None:
                ctx.memory.groups[k] = (i, start, duo[0])
                ctx.memory.pairs[i] = duo[1]
        ctx.memory.states = _states(doc, ctx.places)
        ctx.memory.home = self._home(doc, [], ctx.places)[0]
        ctx.memory.quotes = [(a, b, who, self._group_actor(who, when) if who.pos_ == "PROPN" else None)
                             for a, b, who in self.quotes(doc)]

    def quotes(self, doc: Doc) -> list[tuple[int, int, Token]]:
        """Quotations with their speaker's token: '"...," he said', '"...," said Mr X', 'Mr X said: "..."'.
        A quotation may run over several sentences; its speaker is named after it closes, or before
        it opens."""
        text = text_of(doc)
        if '"' not in text and "\u201c" not in text:
            return []
        spans: list[tuple[int, int]] = []
        start = None
        for k, ch in enumerate(text):
            if ch == "\u201c" or (ch == '"' and start is None):
                start = k
            elif (ch == "\u201d" or ch == '"') and start is not None:
                spans.append((start, k + 1))
                start = None
        out = []
        for a, b in spans:
            who = self._sayer_after(doc, b) or self._sayer_before(doc, a)
            if who is not None:
                out.append((a, b, who))
        return out

    def _sayer_after(self, doc: Doc, end: int) -> Token | None:
        close = doc.char_span(end - 1, end, alignment_mode="expand")
        if close is None or not len(close):
            return None
        sent = close[0].sent
        for tok in doc[close[-1].i + 1:sent.end]:
            if tok.text in ('"', "\u201c"):
                break  # another quotation opens: its speaker is its own
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.say:
                return next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return None

    def _sayer_before(self, doc: Doc, start: int) -> Token | None:
        opening = doc.char_span(start, start + 1, alignment_mode="expand")
        if opening is None or not len(opening):
            return None
        sent = opening[0].sent
        verbs = [t for t in doc[sent.start:opening[0].i] if t.pos_ == "VERB" and t.lemma_.lower() in self.say]
        if not verbs:
            return None
        return next((c for c in verbs[-1].children if c.dep_ == "nsubj"), None)

    def acronyms(self, doc: Doc, when) -> dict[str, Actor]:
        cache = doc.user_data.get("tocsin.acronyms")
        if cache is not None:
            return cache
        found: dict[str, Actor] = {}
        for tok in doc:  # "Chief of Army Staff (COAS)": the acronym stands for the phrase before it
            if (tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")"
                    and _ACRONYM.match(doc[tok.i + 1].text) and tok.i > 0):
                head = doc[tok.i - 1]
                while head.dep_ in ("compound", "amod", "pobj", "prep") and head.head.i < tok.i and head.head is not head:
                    head = head.head  # "Chief of Army Staff (COAS)": the whole title
                start = min(head.left_edge.i, head.i)
                try:
                    actor = self.actors.lookup(doc[start:tok.i].text, when)
                except Exception:
                    actor = None
                if actor is not None and actor.code:
                    found.setdefault(doc[tok.i + 1].text, actor)
        doc.user_data["tocsin.acronyms"] = found
        return found

    def parties(self, doc: Doc, when, places: list[PlaceMention] | tuple = ()
                ) -> tuple[list[tuple[int, int, Actor]], list[tuple[int, int, Actor]]]:
        """The article's groups and bodies in text order, in one pass over its tokens.

        Groups, what "they", "them" and "their" point back to: plural nouns that name a party ("the
        tribal elders", "Western diplomats") and coordinated names ("Hungary and Slovakia"). Bodies, what
        "it" points back to: states and bodies ("Syria", "the government", "NATO"). Both only where
        they are a clause's own party (its subject, object or a verb's prepositional object; a body also
        as an owner, "Syria's denials"), not a word inside another phrase ("operations against terrorists")."""
        groups: list[tuple[int, int, Actor]] = []
        bodies: list[tuple[int, int, Actor]] = []
        states = {p.start: p.country for p in places if p.country and p.feature in _STATE_FEATURES}
        for tok in doc:
            pos, dep = tok.pos_, tok.dep_
            if pos not in ("NOUN", "PROPN") or dep in ("conj", "compound"):
                continue
            party = dep in _PARTY_DEPS or (dep == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"))
            if tok.tag_ in ("NNS", "NNPS") or (tok.ent_type_ in _GROUP_ENTS and any(c.dep_ == "conj" for c in tok.children)):
                if dep == "poss" or not (party or _member_of(tok)):
                    continue
                actor = self._group_actor(tok, when)
                if actor is None and tok.tag_ in ("NNS", "NNPS"):
                    # "dozens of opposition activists": the count names no one, what it counts does
                    member = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                   for g in c.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")), None)
                    actor = self._group_actor(member, when) if member is not None else None
                if actor is not None:
                    groups.append((tok.i, tok.sent.start, actor))
            elif party or dep == "poss":
                if pos == "PROPN" and tok.ent_type_ not in ("GPE", "ORG", "NORP"):
                    continue
                state = states.get(tok.idx) if tok.ent_type_ == "GPE" else None
                # a state the places stage found needs no resolver: "Syria" is SYR
                actor = Actor(text=tok.text, code=state, country=state) if state else self._group_actor(tok, when)
                if actor is not None and actor.sector not in _PEOPLE_SECTORS:
                    bodies.append((tok.i, tok.sent.start, actor))
        return groups, bodies

    def _pair(self, tok: Token, actor: Actor, when) -> tuple[Actor, Actor] | None:
        """The two of a pair named together ("Hungary and Slovakia", "Pakistani and Afghan forces")."""
        conj = next((c for c in tok.children if c.dep_ == "conj"), None)
        if conj is not None:
            if any(c.dep_ == "conj" for c in conj.children) or sum(c.dep_ == "conj" for c in tok.children) > 1:
                return None  # "Qatar, Egypt and the United States": three are no pair
            second = self._group_actor(conj, when) if tok.ent_type_ in _GROUP_ENTS else None
            return (actor, second) if second is not None else None
        adj = next((c for c in tok.children if c.dep_ == "amod" and c.i < tok.i), None)
        conj = next((c for c in adj.children if c.dep_ == "conj" and c.i < tok.i), None) if adj is not None else None
        if conj is None or conj.ent_type_ not in ("NORP", "GPE"):
            return None
        # the noun is each adjective's: "Pakistani forces" and "Afghan forces"
        first, second = (self.actors.lookup(f"{a.text} {tok.text}", when) for a in (adj, conj))
        if first is None or second is None or not (first.country and second.country) or first.code == second.code:
            return None
        return first, second

    def _group_actor(self, tok: Token, when) -> Actor | None:
        ix = getattr(self.actors, "ix", None)
        if ix is not None and tok.pos_ == "NOUN" and not (ix.get(tok.lower_) or ix.get(tok.lemma_.lower())):
            return None  # no actor word ("the decision"): not worth a resolver call on every noun
        try:
            actor = self.actors.actor(tok, when)
        except Exception:  # a resolver bug must not lose the article
            return None
        return actor if actor is not None and actor.code else None

    # ---------- the actor table ----------
    def table(self, doc: Doc, article: Article, events: list[Event], places: list[PlaceMention]) -> ArticleActors:
        when = article.date
        t = ArticleActors()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            head = ent.root
            if self._state_named(ent):
                continue  # "Slovak", "Kyiv" taken for persons: "he" never stands for a state or its seat
            try:
                actor = region_named_like_a_state(self.actors, self.actors.actor(head, when), head, places, when)
            except Exception:  # a resolver bug must not lose the article
                actor = None
            if actor is None or not actor.code:
                # "Gomez" after "Judge Maria Gomez": a re-mention is the person first named
                known = {id(a): a for tok in ent if (a := t.names.get(tok.text)) is not None}
                actor = next(iter(known.values())) if len(known) == 1 else (
                    self._titled(head, ent, when) or self._title_before(ent, when) or actor or Actor(text=ent.text))
            t.people.append(_Mention(head.i, actor, self._main_subject(head), _ent_gender(ent)))
            for tok in ent:
                if tok.is_alpha and tok.text[:1].isupper() and len(tok) > 1:
                    prev = t.names.get(tok.text, actor)
                    same = prev is not None and prev.code == actor.code and prev.text == actor.text
                    if tok.text in t.names and prev is not None and not same and not (prev.code and actor.code):
                        # "Cerar" alone (no code) and "PM Miro Cerar" (SVNGOV): one person, the coded one
                        t.names[tok.text] = prev if prev.code else actor
                        continue
                    t.names[tok.text] = actor if tok.text not in t.names or same else None
        # "King Faisal", "Mrs Costa": a gendered title before a name is a person even where the entity
        # recogniser saw none
        covered = {k for m in t.people for k in range(m.i - 3, m.i + 1)}
        extra = False
        for tok in doc:
            g = _TITLE_GENDER.get(tok.lower_)
            if g is None or not tok.text[:1].isupper() or tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN":
                continue
            end = tok.i + 1
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ in _NAME_ENTS:
                end += 1
            if end in covered or doc[end].ent_type_ not in _NAME_ENTS:
                continue
            try:
                actor = self.actors.actor(doc[end], when)
            except Exception:  # a resolver bug must not lose the article
                actor = None
            if actor is not None and actor.code:
                t.people.append(_Mention(end, actor, self._main_subject(doc[end]), g))
                extra = True
        # "Outgoing PM Cerar said": a name the article gave a person before stands for that person where the
        # entity recogniser missed it
        covered = {k for m in t.people for k in range(m.i - 3, m.i + 1)}
        for tok in doc:
            if (tok.pos_ != "PROPN" or tok.i in covered or tok.ent_type_ not in _NAME_ENTS + ("NORP",)
                    or tok.lower_ in _MONTH_NAMES or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")):
                continue
            known = t.names.get(tok.text)
            if known is not None and known.code:
                t.people.append(_Mention(tok.i, known, self._main_subject(tok)))
                extra = True
        if extra:
            t.people.sort(key=lambda m: m.i)
        # "Theresa May ... Mrs May": what one mention of a name says of the person, every mention of it says
        said: dict[str, str | None] = {}
        for m in t.people:
            if m.gender is not None:
                for w in _name_words(doc, m.i):
                    said[w] = m.gender if said.get(w, m.gender) == m.gender else None
        for m in t.people:
            if m.gender is None:
                found = {said.get(w) for w in _name_words(doc, m.i)} - {None}
                m.gender = found.pop() if len(found) == 1 else None
        t.acronyms = dict(self.acronyms(doc, when))
        t.home, t.scene = self._home(doc, events, places)
        if t.home:  # "Judge Jee" is a judge of the country the story is about
            for m in t.people:
                if _bare(m.actor):
                    m.actor = _with(m.actor, t.home)
            t.names = {k: (_with(a, t.home) if _bare(a) else a) if a is not None else None for k, a in t.names.items()}
            t.acronyms = {k: _with(a, t.home) if _bare(a) else a for k, a in t.acronyms.items()}
        return t

    def _state_named(self, ent: Span) -> bool:
        """Whether what the entity recogniser took for a person's name is only a state's name, people,
        adjective or capital ("the Hungarian and Slovak governments", "accused Kyiv of ...")."""
        key = actor_key(ent.text)
        if not key or " " in key:
            return False
        kinds = {e.kind for e in self.actors.ix.get(key)}
        return bool(kinds) and kinds <= _STATE_KINDS

    def _main_subject(self, tok: Token) -> bool:
        """Whether ``tok`` is who a sentence is about: the subject of its main verb or of a verb of saying
        ("Cerar said that ...", not "... when Saddam Hussein did not have")."""
        return tok.dep_ in _SUBJ and (tok.head.dep_ == "ROOT" or tok.head.lemma_.lower() in self.say)

    def _title_before(self, ent: Span, when) -> Actor | None:
        """"White House chief of staff John Kelly" where the parser hung the title elsewhere: the office words
        right before the name say who the person is."""
        doc = ent.doc
        k = ent.start
        while k > ent.sent.start and ent.start - k < 6 and (
                doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ") or doc[k - 1].lower_ in ("of", "the")):
            k -= 1
        if k == ent.start:
            return None
        try:
            actor = self.actors.lookup(doc[k:ent.end].text, when)
        except Exception:  # a resolver bug must not lose the article
            return None
        if actor is None or not actor.code or actor.sector in (None, "CVL"):
            return None
        return Actor(text=ent.text, code=actor.code, country=actor.country, sector=actor.sector)

    def _titled(self, head: Token, ent: Span, when) -> Actor | None:
        """"The state Commissioner of Police, Mr. Olafimihan Adeoye", "Adeoye, the police commissioner":
        a person no table knows holds the office the apposition names."""
        title = head.head if head.dep_ == "appos" else next((c for c in head.children if c.dep_ == "appos"), None)
        if title is None or title.pos_ not in ("NOUN", "PROPN") or title.ent_type_ == "PERSON":
            return None
        words = [t for t in title.subtree if not (ent.start <= t.i < ent.end) and t.dep_ not in ("punct", "appos")
                 and t.i < (head.i if title.i < head.i else len(head.doc))]
        if not words:
            return None
        try:
            actor = self.actors.lookup(" ".join(t.text for t in words), when)
        except Exception:  # a resolver bug must not lose the article
            return None
        if actor is None or not actor.code or actor.sector in (None, "CVL"):
            return None
        return Actor(text=ent.text, code=actor.code, country=actor.country, sector=actor.sector)

    @staticmethod
    def _home(doc: Doc, events: list[Event], places: list[PlaceMention]) -> tuple[str | None, str | None]:
        """The country the story is about: where its events happen ("in Ivory Coast" counts most, a
        "British" or "UK troops" that names an actor least), then who acts in it; the headline and the
        lede count double. None when no country stands out. Also the scene: the country most named as
        where things happen ("in Ivory Coast"), whose people the bare "rebels" and "protesters" are."""
        sents = list(doc.sents)
        lede_end = sents[min(1, len(sents) - 1)].end_char if sents else 0
        votes: Counter[str] = Counter()
        scene: Counter[str] = Counter()
        for p in places:
            if not p.country:
                continue
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            w = 2.0
            if span is not None and len(span):
                root = span.root
                if root.ent_type_ == "PERSON":
                    continue  # "Noma said": a person the gazetteer also knows as a town
                if root.pos_ == "ADJ" or root.ent_type_ == "NORP" or root.dep_ in (
                        "amod", "compound", "poss", "nmod", "nsubj", "nsubjpass", "dobj"):
                    w = 1.0  # names who acts ("British troops", "France has begun"), not where
                elif root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
                    w = 3.0
                    scene[p.country] += 1
                elif root.dep_ == "pobj":
                    w = 1.0  # "oil from Russia", "relations with Russia": a party, not where
                if p.start < lede_end and root.dep_ in _SUBJ and root.head.dep_ == "ROOT":
                    w += 2.0  # the subject of the headline or the lede: who the story is about
            votes[p.country] += w * (2 if p.start < lede_end else 1)
        for e in events:
            for a in (e.source, e.target):
                if a is not None and a.country:
                    votes[a.country] += 0.5 if e.span[0] < lede_end else 0.25
        home = None
        if votes:
            (top, n), (_, second) = (votes.most_common(2) + [("", 0)])[:2]
            home = top if n >= 3 and n >= 1.3 * second else None
        where = None
        if scene:
            (top, n), (_, second) = (scene.most_common(2) + [("", 0)])[:2]
            where = top if n >= 2 and n > second else None
        # no country stands out among all mentions, but one is where things happen again and again
        return home or where, where or home

    # ---------- the pass ----------
    def run(self, doc: Doc, article: Article, events: list[Event], places: list[PlaceMention] | tuple = ()
            ) -> list[Event]:
        places = list(places)
        if not events:
            return events
        sents = list(doc.sents)
        if len(sents) < 2 or _colon_headline(doc, sents):  # no article around the sentence to imply an agent from
            # a headline that leaves its parties implicit ("Six indicted by grand jury") still reports its event
            kept = [e for e in events if e.source is not None or e.target is not None]
            if all(e.plover is None and e.source is None for e in kept):
                # or only a statement about it has a party, and no speaker ("Mass deportations reported in Kenya";
                # not "..., the agency said": the agency's words, no deed of its own)
                kept = [e for e in events if e in kept or e.plover is not None] or events
            return [_no_self_target(e) for e in kept]
        table = self.table(doc, article, events, places)
        venues = frozenset(p.text for p in places)
        last_seen: dict[str, tuple[int, str]] = {}  # sector -> (sentence start, country) of its last named body
        out: list[Event] = []
        for e in events:
            trig = self._trigger(doc, e)
            sent = trig.sent if trig is not None else None
            src, tgt, said = e.source, e.target, e.attributed_to
            if sent is not None and _bare(src) and _LOCAL.search(src.text):
                # "drones struck a refinery in Russia's Saratov region, the regional governor said": local
                # officials are of the one country the sentence's places lie in
                here = {pl.country for pl in places if pl.country and sent.start_char <= pl.start < sent.end_char
                        and not _adjectival(doc, pl)}
                if len(here) == 1:
                    src = _with(src, next(iter(here)))
            if sent is not None and trig is not None and e.cameo[:2] == "01" and _bare(src) and src.sector in _OFFICE_SECTORS:
                # "China has imposed sanctions on US firms, the foreign ministry said": a bare ministry tells what its
                # own state did
                src = self._teller_of(trig, src, out) or src
            if sent is not None:
                src = self._resolve(src, doc, sent, trig, table, last_seen, other=tgt)
                tgt = self._resolve(tgt, doc, sent, trig, table, last_seen, other=src)
                said = self._resolve(said, doc, sent, trig, table, last_seen)
            if sent is not None:
                src = self._group_again(src, out, sent) or src
                tgt = self._group_again(tgt, out, sent) or tgt
            if src is not None and tgt is not None and (_bare(src) or _bare(tgt)) and (src.country or tgt.country):
                # "The Senate criticised the minister's decision": once the article has said whose the minister
                # is, a bare organ on the other side is of that state too (no state lends its country to a bare
                # army it fights)
                ss, ts = domestic([src], [tgt], None, hostile=e.cameo[:2] in _FORCE | {"13", "15"})
                src, tgt = ss[0], ts[0]
            if src is None and trig is not None:
                src = self._implicit_agent(e, trig, tgt, table, last_seen)
            if tgt is None and src is not None and src.sector == "REB" and src.country and (
                    e.cameo[:3] in ("080", "083") or e.cameo[:4] in ("0873", "0874")):
                # (not a release or a halt: "Hamas releases three hostages", "the Houthis will halt attacks on shipping")
                # "the rebels capitulated and agreed to surrender": they yield to the state they fight
                tgt = Actor(text="the government", code=src.country + "GOV", country=src.country, sector="GOV")
            if tgt is None and src is not None and trig is not None and e.cameo[:2] in _AT_HOME:
                tgt = _at_home(trig, src)  # "the police recovered 86 firearms in the state": its own state's
            if src is None and tgt is not None and e.cameo[:2] == "04" and trig is not None and trig.pos_ == "NOUN":
                src = _speaker_party(said, tgt)
            if src is not None and tgt is None and sent is not None and e.cameo[:3] != "045" and (e.cameo[:2] in _RECIPROCAL
                                                                         or _reciprocal(sent)):
                tgt = self._pair_other(doc, src, sent, trig)  # "the two countries agreed": with each other
            if src is not None and sent is not None and _PAIR.match(src.text.strip()):
                # "Scholz spoke with Macron ... The two leaders agreed": the two of the last meeting
                pair = _last_pair(doc, out, sent)
                if pair is not None and (tgt is None or tgt.code in (pair[0].code, pair[1].code)):
                    src, tgt = _named_as(pair[0], src.text), pair[1]
            also = None
            swapped = None
            if (src is not None and sent is not None and _SIDES.match(src.text.strip()) and _reciprocal(sent)
                    and (tgt is None or not tgt.code or _SIDES.match(tgt.text.strip()) or _RECIPROCAL_WORDS.match(tgt.text.strip()))):
                # "Both sides accused each other", "Each side blamed the other": each of the last two parties
                # told, at the other
                sides = _last_pair(doc, out, sent) or _two_sides(out, Actor(text=""))
                if sides is not None:
                    src, tgt = _named_as(sides[0], src.text), _named_as(sides[1], tgt.text if tgt else "the other")
                    swapped = (_named_as(sides[1], src.text), _named_as(sides[0], tgt.text))
            if src is not None and not src.code and _SIDES.match(src.text.strip()):
                src = None  # "both countries" the article names no two of
            if src is not None and tgt is not None and (_PAIR.match(tgt.text.strip()) or self._pair_named(tgt, sent, trig)):
                # "Egypt urged both sides to show restraint": each of the two sides of the story's last dealings
                # (not the sides of this sentence's own events: "the US and China urged both sides")
                sides = _two_sides([x for x in out if x.sentence != e.sentence], src)
                if sides is not None:
                    tgt, also = _named_as(sides[0], tgt.text), _named_as(sides[1], tgt.text)
            if src is not None and tgt is None and trig is not None and (e.cameo[:2] in _STANCE_ROOTS | {"05"}
                                                                         or e.cameo in ("012", "016")):
                # "... The government condemned the attacks": their doer; "... Schumer rejected the charge": the
                # accuser
                tgt = self._doer_of(doc, trig, out, src)
            if src is not None and tgt is None and e.cameo[:2] == "13":
                # "said the seizure was unacceptable and warned of serious consequences": a threat beside the
                # speaker's own disapproval in the sentence is aimed where that is
                tgt = next((x.target for x in reversed(out) if x.sentence == e.sentence and _code(x.source) == _code(src)
                            and x.cameo[:2] in ("11", "12") and x.target is not None and x.target.code), None)
            if src is not None and tgt is None and trig is not None and e.cameo[:2] in _FORCE and self._answers(trig):
                tgt = _first_striker(out, src)
            if src is not None and tgt is None and trig is not None and e.cameo[:2] in _OBJECTION_ROOTS:
                # "lifted despite US objections", "rejected criticism from Washington": whom it is raised against
                tgt = self._objected_to(doc, trig, out, src, article.date)
                if tgt is None and trig.pos_ == "NOUN":
                    tgt = _aim_told_before(out, e.cameo[:2], src)  # "Washington's objections" after "US objections"
            if (src is not None and tgt is None and sent is not None and trig is not None
                    and e.cameo[:2] in _ASIDE_ROOTS and e.modality != "negated"):
                # "Moon said China was partly to blame and called for Beijing's help": the other party the
                # clause of the deed names is whom it is aimed at, when the parse hung it elsewhere
                tgt = self._other_party(doc, sent, trig, src, table, last_seen)
            if src is not None and tgt is not None and src.code and src.code == tgt.code and not two_parties(
                    src, tgt, venues):
                tgt = None  # resolving made the two sides one: no self-directed event
            if src is None and tgt is None:
                continue
            if (src, tgt, said) != (e.source, e.target, e.attributed_to):
                e = e.model_copy(update={"source": src, "target": tgt, "attributed_to": said})
            for a in (src, tgt):
                if a is not None and a.country and a.sector and sent is not None:
                    last_seen[a.sector] = (sent.start, a.country)
                    if not _people(a.text):
                        last_seen["body:" + a.sector] = (sent.start, a.country)
            out.append(e)
            if also is not None and tgt is not None and also.code != src.code:
                out.append(e.model_copy(update={"event_id": e.event_id + "b", "target": also}))
            if swapped is not None:
                out.append(e.model_copy(update={"event_id": e.event_id + "b", "source": swapped[0], "target": swapped[1]}))
        out = self._quoted(doc, out, table)
        # a Title Case headline's events first lend their weight to the body's tellings, so that they bridge no
        # two tellings the coreference pass would otherwise keep apart
        out = self._headline(doc, article, out)
        out = self._corefer(doc, out)
        aside: list[Event] = []
        if self.gate:  # what the gate flags takes no part in dating and ranking the article's events
            out = self.party_gate(doc, out, places)
            aside = [e for e in out if not e.political]
            out = [e for e in out if e.political]
        out = [self._dated(doc, article, self._placed(e)) for e in out]
        out = self._narrative_years(doc, out)
        return self._ranked(doc, article, out) + aside

    @staticmethod
    def _trigger(doc: Doc, e: Event) -> Token | None:
        return trigger_token(doc, e.span)

    _token_of = staticmethod(actor_token)

    def _resolve(self, actor: Actor | None, doc: Doc, sent: Span, trig: Token, table: ArticleActors,
                 last_seen: dict[str, tuple[int, str]], other: Actor | None = None) -> Actor | None:
        if actor is None:
            return None
        low = actor.text.strip().lower()
        if low in _PERSONAL:
            tok = self._token_of(actor, sent, trig)
            if tok is not None:
                # "him", "her" as the other party is never the event's own source
                avoid = (other.code if other is not None and other.code and low in _OBJECT_PRONOUNS
                         and tok.dep_ != "poss" else None)  # "criticised her decision" may be her own
                ref = self._titled_speaker(tok, avoid) or table.person_before(tok.i, sent, avoid,
                                                                            _PRONOUN_GENDER.get(low))
                if ref is not None:
                    return Actor(text=actor.text, code=ref.code, country=ref.country, sector=ref.sector)
            return actor
        if actor.country and table.home and actor.country != table.home:
            shared = shared_institution(self.actors, actor, table.home)
            if shared is not None:
                return shared
        if actor.code and not actor.country and actor.code[:3] in stateless_peoples() and table.scene:
            # "Kurdish militants" in a story set in Turkey act in Turkey's politics; the code keeps the people
            return Actor(text=actor.text, code=actor.code, country=table.scene, sector=actor.sector)
        if not actor.country:
            named = table.by_name(actor.text)
            if named is not None and named.code and (not actor.code or actor.code == named.sector):
                return Actor(text=actor.text, code=named.code, country=named.country, sector=named.sector)
        if not actor.code and actor.text.strip():
            found = self._unknown(actor, sent, trig, table)
            if found is not None:
                return found
        if _bare(actor) and _foreign(actor.text):
            return actor  # "foreign diplomats": not the story's country, and whose the text does not say
        if _bare(actor) and (office := office_holder(actor.text)) is not None:
            # "the president": the last person the article named with that office, else its home's
            tok = self._token_of(actor, sent, trig)
            at = tok.i if tok is not None else trig.i
            held = [m.actor for m in table.people if m.i < at and m.actor.country and office in m.actor.text.lower()]
            if other is not None and other.code and any(a.code != other.code for a in held):
                # "the president's meeting with Erdogan": not Erdogan, whom the article also calls president
                held = [a for a in held if a.code != other.code]
            if held:
                return _with(actor, held[-1].country)
            if table.home:
                return _with(actor, table.home)
        if _bare(actor) and (title := _title_of(actor.text)) is not None:
            # "the minister", "the ambassador", "the Party chief": the last person the article named with
            # that title, not the last body it named ("recalled its ambassador to Moscow. The minister said")
            tok = self._token_of(actor, sent, trig)
            at = tok.i if tok is not None else trig.i
            held = table.titled_before(title, at, other.code if other is not None else None)
            if held is not None:
                return _with(actor, held.country)
        if _bare(actor):
            tok = self._token_of(actor, sent, trig)
            ctx = doc._.tocsin
            # "the country's foreign ministry": the state just named; "Azerbaijani troops crossed ... the
            # troops shelled": the same troops
            named = ctx.memory.bare_country(tok, actor.sector) if tok is not None and ctx is not None else None
            if named is not None:
                return _with(actor, named)
            rule = self.rules.get(actor.sector or "")
            seen = last_seen.get(actor.sector or "")
            if _body_word(actor.text):
                # "Kyrgyz officials said ... Rights groups accused the government": a body named again is the
                # body named last, not a state's people who spoke for it
                seen = last_seen.get("body:" + (actor.sector or ""))
            if tok is not None and _named(actor.text) and (actor.sector in _OFFICE_SECTORS or any(
                    t.ent_type_ == "PERSON" for t in sent if tok.idx <= t.idx < tok.idx + len(actor.text.strip()))):
                # "Foreign Minister Karl Erjavec": a person by name re-mentions no body named before; whose
                # minister a name no table knows is, only the story's country says
                return _with(actor, table.home) if table.home else actor
            if rule is not None and rule.antecedent:
                if seen is not None:
                    # the body named last, if near; a foreign one only from the sentence before or this one
                    near = sent.start - seen[0] <= (120 if seen[1] == table.home else 60)
                    if near or not table.home:
                        return _with(actor, seen[1])
                if table.home:
                    return _with(actor, table.home)
            else:
                if (tok is not None and tok.tag_ == "NNS" and _definite_np(tok) and seen is not None
                        and seen[0] < sent.start and sent.start - seen[0] <= 60):
                    # "Thousands marched through Beirut ... The demonstrators demanded": the crowd named again
                    return _with(actor, seen[1])
                # "a gunman opened fire on police in Paris": rebels, crowds, parties act where the
                # sentence places them, before where the story as a whole is set
                here = _sentence_country(doc, sent)
                if here is not None:
                    return _with(actor, here)
                if table.scene:
                    return _with(actor, table.scene)
        return actor

    def _group_again(self, actor: Actor | None, before: list[Event], sent: Span) -> Actor | None:
        """"Hezbollah fighters captured two soldiers. The group demanded ...": "the group" (or "the movement",
        "the organisation") with no code names again the group or body of the events just before, within the
        sentence and the two before it; None if there is none or it is not one."""
        if actor is None or actor.code:
            return None
        words = actor.text.strip().lower().split()
        if len(words) != 2 or words[0] not in ("the", "this") or words[1] not in self.group_nouns:
            return None
        doc = sent.doc
        start = sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        for x in reversed(before):
            t = self._trigger(doc, x)
            if t is None or t.i < start:
                break
            for a in (x.source, x.target):
                if a is not None and a.code and (a.sector in _GROUP_SECTORS or a.code[:3] in ("IGO", "NGO", "IMG")):
                    return Actor(text=actor.text, code=a.code, country=a.country, sector=a.sector)
        return None

    def _speakers(self, trig: Token) -> set[int]:
        """The tokens of whoever a verb of saying above or beside the deed names as saying it."""
        verbs = [v for v in trig.ancestors if v.pos_ == "VERB" and v.lemma_.lower() in self.say]
        verbs += [c for h in (trig, *trig.ancestors) for c in h.children
                  if c.dep_ in ("parataxis", "ccomp", "advcl") and c.pos_ == "VERB" and c.lemma_.lower() in self.say
                  and c.i > trig.i]
        return {t.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}

    def _teller_of(self, trig: Token, src: Actor, before: list[Event]) -> Actor | None:
        """The state whose deed a bare organ's statement tells: the country of the subject of the clause said,
        when that subject is a state named as a whole ("China has imposed ...", "Russia will expel ...")."""
        clauses = [c for c in trig.children if c.dep_ in ("ccomp", "parataxis")]
        if trig.dep_ == "parataxis":
            clauses.append(trig.head)
        for c in clauses:
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            # only a clause told before its teller ("..., the ministry said"): "the ministry said Russia had
            # attacked" may be the attacked state's ministry
            if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ != "GPE" or c.i > trig.i:
                continue
            if any(x.span[0] == c.idx and "18" <= x.cameo[:2] <= "20" for x in before):
                continue  # "Russia launched 400 drones at Ukraine, the air force said": force is as often told by the side hit
            try:
                a = self.actors.actor(subj, None)
            except Exception:  # a resolver bug must not lose the article
                a = None
            if a is not None and a.country and not a.sector:
                return _with(src, a.country)
        return None

    def _other_party(self, doc: Doc, sent: Span, trig: Token, src: Actor, table: ArticleActors,
                     last_seen: dict[str, tuple[int, str]]) -> Actor | None:
        """The one party of another code than ``src`` that the deed's sentence names outside the source's own
        phrase, resolved as the article resolves it (of the source's state only as a second organ of it, and
        not a bare "people" or "farmers" whose country only a guess would give); None if none or several."""
        subj = {t.i for c in trig.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        v = trig
        while v.dep_ == "xcomp" and v.head.i != v.i:
            # "Egypt and Qatar have tried to broker a truce": the subject of the verb the deed completes
            v = v.head
            subj |= {t.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        subj |= self._speakers(trig)  # "Iran has agreed to suspend enrichment, the IAEA said": not with the IAEA
        own = self._token_of(src, sent, trig)
        if own is not None:
            subj.update(t.i for t in own.subtree)
            first = own
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            # "brokered by Qatar, Egypt and the United States": co-doers are no party to each other
            subj.update(t.i for t in first.subtree)
        # "agreed to a ceasefire under which their forces would disarm": the terms' clause names no other party
        subj |= {x.i for t in terms_clauses(sent) for x in t.subtree}
        found: dict[str, Actor] = {}
        for t in sent:  # the whole sentence: the parser often hangs the other party away from the verb
            if (t.i in subj or t.i == trig.i or t.pos_ not in ("NOUN", "PROPN")
                    or t.dep_ not in ("dobj", "pobj", "dative", "poss", "nsubj", "nsubjpass", "appos", "conj")):
                continue
            try:
                when = None if t.ent_type_ == "PERSON" else table_when(doc)
                ctx = doc._.tocsin
                a = region_named_like_a_state(self.actors, self.actors.actor(t, when), t,
                                              ctx.places if ctx is not None else [], when)
            except Exception:  # a resolver bug must not lose the article
                a = None
            if a is None or not a.code or a.text.strip() == src.text.strip():
                continue
            if _bare(a):
                if a.sector not in _OFFICE_SECTORS or not src.country:
                    continue  # "people", "farmers": whose, only a guess would say
                # "the administration obtains approval from key lawmakers": a bare organ beside a state's own is
                # another organ of that state
                a = _with(a, src.country)
            else:
                a = self._resolve(a, doc, sent, trig, table, last_seen, other=src) or a
            if a.code and a.code != src.code and (a.country != src.country or two_parties(src, a)):
                found.setdefault(a.code, a)
        if len(found) != 1:
            return None
        a = next(iter(found.values()))
        return Actor(text=a.text, code=a.code, country=a.country, sector=a.sector)

    def _unknown(self, actor: Actor, sent: Span, trig: Token, table: ArticleActors) -> Actor | None:
        """An actor no table knows. "The Syrian army command": the words before the unknown head still
        say whose body it is; "Douma", a town the gazetteer lacks, lies in the country the story is about."""
        tok = self._token_of(actor, sent, trig)
        if tok is not None and tok.ent_type_ in ("GPE", "LOC") and table.home and tok.pos_ == "PROPN":
            return Actor(text=actor.text, code=table.home, country=table.home)
        if (tok is not None and table.home and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"
                and all(t.ent_type_ == "PERSON" or not t.is_alpha or t.text[:1].isupper()
                        for t in sent.doc[tok.i:tok.i + len(actor.text.split())])):
            # "Trump told Fox's Chris Wallace", "met the family of Ali Khan": a person no table knows and the
            # article gives no office is one of the story's own people
            return Actor(text=actor.text, code=table.home + "CVL", country=table.home, sector="CVL")
        words = actor.text.split()
        if len(words) < 2 or words[-1][:1].isupper():
            return None  # a name: "Monex Group" is not "Monex"
        when = None
        for n in range(len(words) - 1, 0, -1):
            try:
                a = self.actors.lookup(" ".join(words[:n]), when)
            except Exception:
                a = None
            if a is not None and a.code and a.sector and a.country:
                if _bare(a) and table.home:
                    a = _with(a, table.home)
                return Actor(text=actor.text, code=a.code, country=a.country, sector=a.sector)
        return None

    @staticmethod
    def _passive_or_noun(trig: Token) -> bool:
        return trig.pos_ in ("NOUN", "PROPN") or any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)

    def _implicit_agent(self, e: Event, trig: Token, tgt: Actor | None, table: ArticleActors,
                        last_seen: dict[str, tuple[int, str]]) -> Actor | None:
        """"Yoon was sentenced to life": a court did it, of the country of the sentenced; "drones were
        banned": the government of the story's country, else of the one the article spoke of last."""
        implied = _implied(e.cameo, trig.lemma_.lower())
        if implied is None or not self._passive_or_noun(trig):
            return None
        if any(c.dep_ == "agent" for c in trig.children):
            return None  # "by X" names the agent; if the coder could not code it, leave it out
        sector, text, domestic, of = implied
        if domestic and tgt is not None and tgt.country and table.home and tgt.country != table.home:
            return None  # troops sent to a foreign border could be anyone's
        if of == "scene":
            if tgt is None or table.scene is None or (tgt.country == table.scene and tgt.sector is None):
                # "anti-French demonstrations" are an event; "the centre of street protests" with no one
                # they are against is background; protests against the very country they happen in:
                # whose, the text must say
                return None
            country = table.scene
        else:
            # "Brunson, an American pastor, was detained in Izmir": an organ of the state where it happened,
            # when the sentence says where, before the state of whom it fell on
            here = _sentence_country(trig.doc, trig.sent)
            country = here or (tgt.country if tgt is not None and tgt.country else None) or table.home
        if country is None:
            seen = last_seen.get(sector) or last_seen.get("GOV")
            if seen is not None and trig.sent.start - seen[0] <= 120:
                country = seen[1]
        if country is None:
            return None
        return Actor(text=text, code=country + sector, country=country, sector=sector)

    def _pair_named(self, actor: Actor, sent: Span | None, trig: Token | None) -> bool:
        """"Urged both sides", which the sentence pass gave as "sides" with one of the pair's codes."""
        if sent is None or trig is None or not _PAIR.match("both " + actor.text.strip()):
            return False
        tok = self._token_of(actor, sent, trig)
        return tok is not None and _PAIR.match(tok.doc[tok.left_edge.i:tok.i + 1].text) is not None

    def _titled_speaker(self, tok: Token, avoid: str | None) -> Actor | None:
        """"Iraq's prime minister said he had received a warning": "he" in what an official named by title says
        is that official (a name would be in the table of people; a title is not)."""
        if tok.lower_ not in ("he", "she", "him", "her", "his"):
            return None
        verb, steps = tok.head, 0
        while verb.dep_ != "ccomp" and verb.head is not verb and steps < 4:
            verb, steps = verb.head, steps + 1
        say = verb.head
        if verb.dep_ != "ccomp" or say.lemma_.lower() not in self.say:
            return None
        subj = next((c for c in say.children if c.dep_ == "nsubj"), None)
        if (subj is None or subj.i > tok.i or subj.tag_ != "NN" or subj.ent_type_ == "PERSON"
                or subj.lemma_.lower() not in self.officials):
            return None
        ctx = tok.doc._.tocsin
        try:
            a = self.actors.actor(subj, ctx.when if ctx is not None else None)
        except Exception:  # a resolver bug must not lose the article
            return None
        return a if a is not None and a.code and a.country and a.code != avoid else None

    def _answers(self, trig: Token) -> bool:
        """"retaliated", "returned fire", "hit back": a verb that says its force answers force."""
        low = trig.lemma_.lower()
        return low in self.answer or any(f"{low} {c.lower_}" in self.answer for c in trig.children
                                         if c.dep_ in ("prt", "dobj", "advmod"))

    def _doer_of(self, doc: Doc, trig: Token, before: list[Event], src: Actor) -> Actor | None:
        """"Rebels shelled the town. The government condemned the attacks": a stance taken on a deed the
        article told before ("the attacks", "the bombing") is aimed at whoever did it."""
        obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
        if obj is None and trig.dep_ == "relcl" and trig.head.i < trig.i:
            obj = trig.head  # "..., a charge Minsk denies": the noun the denial is a relative clause of
        if obj is None:
            # "said the strikes were a barbaric aggression": what the speaker says the deed was; "warned that such
            # actions would not be left without consequences": what the warning is of
            obj = next((g for c in trig.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                        for g in c.children if g.dep_ == "nsubj"), None) or next(
                (g for c in trig.children if c.dep_ == "ccomp" and c.lemma_ != "be" for g in c.children
                 if g.dep_ == "nsubjpass" and g.pos_ == "NOUN"), None)
        # "condemned what it called a massacre": the thing a free relative names points back as "the" would
        named = obj is not None and _named_in_free_relative(obj)
        if (obj is not None and obj.i > trig.i and not named
                and not _pointing(obj)):
            # "expressed regret at the strikes", "voiced concern over the killing": the deed the feeling is about
            obj = next((g for c in (*obj.children, *trig.children) if c.dep_ == "prep"
                        and c.lower_ in ("at", "over", "about") for g in c.children if g.dep_ == "pobj"), None)
        # "accused Belarus of orchestrating the crisis, a charge Minsk denies": a noun before the verb that has it
        # as object points back, definite or not
        if obj is None or not (obj.i < trig.i or named
                               or _pointing(obj)):
            return None
        roots = set(self.event_nouns.get(obj.lemma_.lower(), ()))
        if not any(c.dep_ in ("acl", "relcl", "prep") and c.i != trig.i for c in obj.children):
            # "Russia rejected the proposal", "the EU welcomed the decision": an act of another kind named again
            # ("the decision to prosecute" says itself what was decided, and so whose it was); "a charge" is
            # a deed of force or an accusation
            roots |= remention_nouns().get(obj.lower_) or remention_nouns().get(obj.lemma_.lower()) or set()
        if not roots:
            return None
        # "the attack on the French troops": only a deed on them
        aim = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                    for g in c.children if g.dep_ == "pobj"), None)
        aimed = None
        if aim is not None:
            try:
                aimed = self.actors.actor(aim, None)
            except Exception:  # a resolver bug must not lose the article
                aimed = None
            if aimed is None or not aimed.country:
                return None  # aimed at someone the article pass cannot tell: leave it
        start = trig.sent.start
        for _ in range(2):  # the deed told in this sentence or the two before
            if start > 0:
                start = doc[start - 1].sent.start
        if aimed is not None:
            start = 0  # "condemned the aggression against Iran": the deed on that party, wherever the article told it

        def doer(x: Event, t: Token) -> Actor | None:
            if t.lemma_.lower() in self.defence:
                return None  # "its destroyers intercepted several drones": they met the attacks, they did not make them
            if t.lemma_.lower() in self.mutual or t.lower_ in self.mutual:
                return None  # "soldiers were killed in the fighting": whoever fought, the attack was another's
            if (x.source is not None and src.country and x.source.country == src.country
                    and {src.sector, x.source.sector} <= _OFFICE_SECTORS | {None}):
                # "the prime minister condemned the attack": not his own forces' raid told before it; "China's
                # foreign ministry condemned the decision": not China's own closing of its consulate
                return None
            if any(self._same_kind(x.cameo[:2], r) for r in roots) and x.source is not None and x.source.code \
                    and x.source.code != src.code \
                    and x.modality in ("asserted", "reported") and (
                        aimed is None or (x.target is not None and x.target.country == aimed.country)):
                s = x.source
                return Actor(text=s.text, code=s.code, country=s.country, sector=s.sector)
            return None

        told = [(x, t) for x in reversed(before) if (t := self._trigger(doc, x)) is not None and t.i < trig.i]

        def first_doer(t: Token) -> Actor | None:
            """"The US and Britain carried out strikes": the first of the doers the deed at ``t`` names."""
            return next(f for y, u in reversed(told) if u.i == t.i and (f := doer(y, u)) is not None)
        # "The US and Britain carried out air strikes ... The Houthis have fired drones ... Iran condemned the
        # strikes": the deed told in the same word, wherever the article told it, before any other of its kind
        word = obj.lemma_.lower()
        for x, t in told:
            if word in {t.lemma_.lower()} | {c.lemma_.lower() for c in t.children if c.dep_ in ("dobj", "nsubjpass")}:
                if doer(x, t) is not None:
                    return first_doer(t)
        # "halted gas supplies to Poland after they refused to pay ... called the move unjustified": the news, not
        # the background a subordinate clause gives
        for x, t in sorted(told, key=lambda xt: _background(xt[1])):
            if t.i >= start and doer(x, t) is not None:
                return first_doer(t)
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            # "condemned the detention of the civilian leaders": a deed named with whom it was done to is the one
            # the article told, however far back
            for x, t in told:
                if (found := doer(x, t)) is not None:
                    return found
        # "Two car bombs exploded ... He blamed al-Shabab ... The UN envoy condemned the attack": a deed told with no
        # doer is aimed at whom the article blamed for it since
        for y, u in told:
            if u.i < start or not y.cameo.startswith("112") or y.target is None or not y.target.code:
                continue
            if y.target.code != src.code and any(
                    t.i < u.i and x.source is None and x.modality in ("asserted", "reported")
                    and any(self._same_kind(x.cameo[:2], r) for r in roots) for x, t in told):
                return _named_as(y.target, y.target.text)
            break
        return None

    def _objected_to(self, doc: Doc, trig: Token, before: list[Event], src: Actor, when) -> Actor | None:
        """An objection, a complaint or a demand named as a noun, with no target of its own, is aimed at
        whoever acts in the clause it qualifies: the doer of "the embargo is to be lifted despite US
        objections" (the event coded there, or the clause's subject), the subject of "the government
        rejected criticism from Washington"."""
        if trig.pos_ != "NOUN":
            return None
        head = trig.head
        if trig.dep_ == "pobj" and head.lower_ in _IN_THE_FACE_OF and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            done = next((x.source for x in reversed(before) if x.source is not None and x.source.code
                         and (t := self._trigger(doc, x)) is not None and t.i == verb.i), None)
            if done is not None:
                return done if done.code != src.code else None
        elif trig.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in self.withstand:
            verb = head
        else:
            return None
        subj = subject_token(verb)
        if subj is None or subj.pos_ == "PRON" or subj.i >= trig.i:
            return None
        try:
            a = self.actors.actor(subj, when)
        except Exception:  # a resolver bug must not lose the article
            a = None
        if a is None or not a.code or a.code == src.code:
            return None
        return a

    def _pair_other(self, doc: Doc, src: Actor, sent: Span, trig: Token) -> Actor | None:
        """The other of two parties acting together: "Armenia and Azerbaijan resumed talks" (each with the
        other), "the two countries agreed" (the pair named last)."""
        ctx = doc._.tocsin
        tok = self._token_of(src, sent, trig)
        if ctx is None or tok is None:
            return None
        while tok.dep_ in ("det", "nummod", "amod", "compound", "poss") and tok.head.i > tok.i:
            # "Both sides", "French President Jacques Chirac", "his Russian counterpart": the noun the words
            # before it qualify
            tok = tok.head
        pairs = ctx.memory.pairs
        if tok.i in pairs:
            return pairs[tok.i]
        if tok.dep_ == "conj" and tok.head.i in pairs:
            head = next((a for i, _, a in ctx.memory.groups if i == tok.head.i), None)
            return Actor(text=tok.head.text, code=head.code, country=head.country, sector=head.sector) if head else None
        first = ctx.memory.pair_before(tok)
        if first is None:
            return None
        # the pair whose first member pair_before found: the nearest before with that member
        for i in sorted(ctx.memory.pairs, reverse=True):
            if i < tok.i and ctx.memory.pairs[i].code != first.code and any(
                    j == i and a.code == first.code for j, _, a in ctx.memory.groups):
                other = ctx.memory.pairs[i]
                return Actor(text=src.text, code=other.code, country=other.country, sector=other.sector)
        return None

    # ---------- quotations ----------
    def _quoted(self, doc: Doc, events: list[Event], table: ArticleActors) -> list[Event]:
        """'"Troops crossed the border at dawn. They shelled the town," the governor said': a sentence
        inside a quotation whose speaker another sentence names tells what the speaker says, not what
        the article asserts; what the speakers say they do themselves stays their own."""
        ctx = doc._.tocsin
        quotes = ctx.memory.quotes if ctx is not None else []
        if not quotes:
            return events
        out = []
        for e in events:
            q = next((q for q in quotes if q[0] <= e.span[0] < q[1]), None) if e.modality == "asserted" else None
            if q is not None:
                trig = self._trigger(doc, e)
                who = q[2]
                if trig is not None and who.sent.start != trig.sent.start:
                    speaker = self._speaker(who, q[3], table)
                    own = speaker is not None and e.source is not None and e.source.code == speaker.code
                    if speaker is not None and not own:
                        e = e.model_copy(update={"modality": "reported", "attributed_to": speaker})
            out.append(e)
        return out

    @staticmethod
    def _speaker(who: Token, known: Actor | None, table: ArticleActors) -> Actor | None:
        if who.lower_ in _PERSONAL:
            ref = table.person_before(who.i, who.sent, gender=_PRONOUN_GENDER.get(who.lower_))
        elif known is not None and known.country:
            ref = known
        else:
            ref = table.by_name(who.text) or known
        if ref is None or not ref.code:
            return None
        return Actor(text=who.text, code=ref.code, country=ref.country, sector=ref.sector)

    # ---------- coreference ----------
    def _remention(self, trig: Token) -> bool:
        """"the accusations", "his accusations", "such attacks": a noun that points back."""
        if trig.pos_ not in ("NOUN", "PROPN"):
            return False
        if _named_in_free_relative(trig):
            return True  # "condemned what it called a terrorist attack": the deed told, named
        for c in trig.children:
            if c.dep_ == "det" and c.lower_ in _DEFINITE:
                return True
            if c.dep_ == "poss" and c.pos_ == "PRON":
                return True
        return False

    def _subject_remention(self, trig: Token) -> set[str]:
        """"The blast destroyed the bus", "four were killed in the attack", "the decision to destroy the
        air force": the verb tells more of an event already told. The roots of force the pointing noun
        codes (or the verb's own, for "the decision to ..."), when it is definite."""
        def definite(n: Token) -> bool:
            return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in n.children) or any(
                c.dep_ == "poss" for c in n.children)
        for c in trig.children:
            if c.dep_ == "nsubj" and definite(c):
                return self.event_nouns.get(c.lemma_.lower(), set())
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                for g in c.children:
                    if g.dep_ == "pobj" and definite(g) and g.lemma_.lower() in self.event_nouns:
                        return self.event_nouns[g.lemma_.lower()]
        if (trig.dep_ == "relcl" and trig.head.pos_ == "NOUN" and definite(trig.head)
                and trig.head.lemma_.lower() in self.event_nouns):
            return self.event_nouns[trig.head.lemma_.lower()]  # "the blast that targeted coalition forces"
        if trig.dep_ == "acl" and trig.head.pos_ == "NOUN" and definite(trig.head) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in trig.children):
            return {"17", "18", "19", "20"}
        return set()

    def _corefer(self, doc: Doc, events: list[Event]) -> list[Event]:
        out: list[Event] = []
        sent_of: dict[int, int] = {}
        for e in events:
            trig = self._trigger(doc, e)
            si = trig.sent.start if trig is not None else -1
            root = e.cameo[:2]
            j = None
            if trig is not None and self._remention(trig):
                j = next((k for k in range(len(out) - 1, -1, -1)
                          if sent_of[k] < si and self._same_kind(out[k].cameo[:2], root)), None)
            elif trig is not None and root >= "14":
                roots = self._subject_remention(trig)
                # ("the army said it had killed 37 militants in the fighting": a deed of another doer than the one
                # the article told is no telling of it again)
                j = next((k for k in range(len(out) - 1, -1, -1)
                          if sent_of[k] < si and any(self._same_kind(out[k].cameo[:2], r) for r in roots)
                          and not _other_doer(out[k], e)), None)
                if j is None and root in _FORCE and self._known_parties(e, trig):
                    # "Police officers shot a man ... Four of the officers then fired ten rounds, striking the man":
                    # force between parties both told before ("the officers", "the man") tells that deed again
                    j = next((k for k in range(len(out) - 1, -1, -1)
                              if sent_of[k] < si and out[k].cameo[:2] in _FORCE and _same_sides(out[k], e)), None)
            if j is not None:
                out[j] = out[j].model_copy(update={"confidence": min(0.99, round(out[j].confidence + 0.02, 3)),
                                                   "mentions": out[j].mentions + e.mentions})
                continue
            # one sentence, one event said twice ("said ... in a statement"): keep the better one
            dup = next((k for k, x in enumerate(out) if sent_of[k] == si and x.cameo == e.cameo
                        and _code(x.source) == _code(e.source) and _code(x.target) == _code(e.target)
                        and x.modality == e.modality), None)
            if dup is not None:
                if e.confidence > out[dup].confidence:
                    out[dup] = e
                continue
            # "A pastor of the church, Brunson was detained": one party named twice in apposition is one target
            twice = next((k for k, x in enumerate(out) if x.span == e.span and x.cameo == e.cameo
                          and (_code(x.source) == _code(e.source) or _implied_side(x.source) or _implied_side(e.source))
                          and x.modality == e.modality
                          and self._appositive(doc, x, e)), None)
            if twice is not None:
                if out[twice].target is None or not out[twice].target.code:
                    out[twice] = out[twice].model_copy(update={"target": e.target})
                continue
            # "44 people were killed in a PKK attack": the attack is the killing told as its circumstance
            means = next((k for k, x in enumerate(out) if sent_of[k] == si and x.cameo[:2] in _FORCE
                          and root in _FORCE and _code(x.source) == _code(e.source)
                          and x.modality == e.modality and _one_target(x.target, e.target)
                          and self._told_within(doc, x, e)), None)
            if means is not None:
                verb, noun = (out[means], e) if self._trigger(doc, e).pos_ in ("NOUN", "PROPN") else (e, out[means])
                target = verb.target or noun.target
                if verb.target is not None and noun.target is not None and not verb.target.sector:
                    target = noun.target  # "killed in a U.S. drone strike on IS commanders": the party, not the place
                out[means] = verb.model_copy(update={"mentions": verb.mentions + noun.mentions,
                                                     "confidence": max(verb.confidence, noun.confidence),
                                                     "target": target})
                continue
            sent_of[len(out)] = si
            out.append(e)
        return self._orphans(doc, out)

    def _orphans(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"Countries that expelled Russian diplomats", "envoys who were expelled": a deed told in a relative
        clause to say who a noun is, whose doer that clause leaves unnamed, and that the article tells
        elsewhere with its doer (the same code done to the same party), is that deed told again: a mention
        of it, not an event of no one's. (A deed told for itself, "two policemen were wounded", stays.)"""
        out = list(events)
        drop: set[int] = set()
        for k, e in enumerate(out):
            if e.source is not None or e.target is None or not e.target.code or e.modality == "negated":
                continue
            trig = self._trigger(doc, e)
            if trig is None:
                continue
            if trig.dep_ == "relcl" or (trig.dep_ == "acl" and trig.tag_ == "VBN"):
                j = next((j for j, x in enumerate(out) if j != k and j not in drop and x.source is not None
                          and x.source.code and x.cameo == e.cameo and x.target is not None
                          and x.target.code == e.target.code and x.modality != "negated"), None)
            elif _retold(trig):
                # "Slovenia recalled its ambassador ... the ambassador was recalled for consultations": the deed
                # told before with its doer, now in the passive with no doer and a definite party it befell
                j = next((j for j, x in enumerate(out[:k]) if j not in drop and x.source is not None
                          and x.source.code and x.cameo == e.cameo and x.modality != "negated"
                          and self._trigger(doc, x) is not None and self._trigger(doc, x).sent.start < trig.sent.start
                          and e.target.country in (x.source.country, _country(x.target))), None)
            else:
                continue
            if j is not None:
                out[j] = out[j].model_copy(update={"mentions": out[j].mentions + e.mentions})
                drop.add(k)
        return [e for k, e in enumerate(out) if k not in drop]

    def _known_parties(self, e: Event, trig: Token) -> bool:
        """Whether both sides of a verb's event are parties told before: definite ("the officers", "four of
        the officers", "its troops") or a personal pronoun."""
        if trig.pos_ != "VERB" or e.source is None or e.target is None:
            return False
        for a in (e.source, e.target):
            tok = self._token_of(a, trig.sent, trig)
            if tok is None or not _definite_np(_noun_head(tok)):
                return False
        return True

    def _appositive(self, doc: Doc, a: Event, b: Event) -> bool:
        """Whether the targets of two events of one trigger are one party named twice ("Brunson, a pastor")."""
        if a.target is None or b.target is None:
            return False
        trig = self._trigger(doc, a)
        if trig is None:
            return False
        ta, tb = self._token_of(a.target, trig.sent, trig), self._token_of(b.target, trig.sent, trig)
        if ta is None or tb is None:
            return False
        ha, hb = _noun_head(ta), _noun_head(tb)
        if ha.i == hb.i:
            return False
        if (ha.dep_ == "appos" and ha.head.i == hb.i) or (hb.dep_ == "appos" and hb.head.i == ha.i):
            return True
        # "A pastor of the church, Brunson was detained": the parser makes both the subject of the verb
        return ha.dep_ in _SUBJ and hb.dep_ in _SUBJ and ha.head.i == hb.head.i

    def _told_within(self, doc: Doc, a: Event, b: Event) -> bool:
        """Whether one of two events is a force noun in the other's "in/during/by" phrase ("were killed in an
        attack", "died during the shelling")."""
        ta, tb = self._trigger(doc, a), self._trigger(doc, b)
        if ta is None or tb is None:
            return False
        for verb, noun in ((ta, tb), (tb, ta)):
            if (verb.pos_ == "VERB" and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj"
                    and noun.head.lower_ in ("in", "during", "by") and noun.head.head.i == verb.i):
                return True
        return False

    @staticmethod
    def _same_kind(a: str, b: str) -> bool:
        """Re-mentions keep their root, except force: "the explosion" may repeat a bombing (18) or a strike
        (19), "the destruction" a seizure (17)."""
        return a == b or (a in _FORCE and b in _FORCE)

    # ---------- headline and main event ----------
    def _headline(self, doc: Doc, article: Article, events: list[Event]) -> list[Event]:
        head = _headline(doc)
        # as written: the parse read it in sentence case (tocsin.headline)
        if head is None or not title_case(article.text[head.start_char:head.end_char]):
            return events
        lo, hi = head.start_char, head.end_char
        body = [e for e in events if not lo <= e.span[0] < hi]
        out = list(body)
        for e in events:
            if not lo <= e.span[0] < hi:
                continue
            # a Title Case headline parses badly: keep its event only as weight on the body's own telling
            j = next((k for k, b in enumerate(out) if b.cameo[:2] == e.cameo[:2] and _agrees(b, e)), None)
            if j is not None:
                out[j] = out[j].model_copy(update={"confidence": min(0.99, round(out[j].confidence + 0.05, 3)),
                                                   "mentions": out[j].mentions + e.mentions})
        return sorted(out, key=lambda x: x.span[0]) if len(out) != len(events) else events

    def _ranked(self, doc: Doc, article: Article, events: list[Event]) -> list[Event]:
        """The headline and the lede carry the news; background years back is not the main event."""
        sents = list(doc.sents)
        lede_end = sents[min(1, len(sents) - 1)].end_char
        out = []
        for e in events:
            c = e.confidence
            if e.span[0] < lede_end and e.cameo[:2] not in ("01",):
                c += 0.04
            if article.date is not None and e.date and e.date_from_text:
                try:
                    d = Date.fromisoformat(e.date[:10])
                    if (article.date - d).days > 60:
                        c -= 0.05
                except ValueError:
                    pass
            c = round(max(0.05, min(0.99, c)), 3)
            out.append(e if c == e.confidence else e.model_copy(update={"confidence": c}))
        return out

    # ---------- dates ----------
    def _dated(self, doc: Doc, article: Article, e: Event) -> Event:
        """"Tuesday's meeting is being hosted by Blair": a weekday that names an event still being
        prepared is the coming one, and the event is future."""
        if article.date is None or not e.date or e.modality not in ("asserted", "reported"):
            return e
        trig = self._trigger(doc, e)
        if trig is None or trig.pos_ != "VERB" or not _present(trig):
            return e
        subj = next((c for c in trig.children if c.dep_ in _SUBJ), None)
        day = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in _WEEKDAYS), None) if subj else None
        if day is None:
            return e
        try:
            dated = Date.fromisoformat(e.date[:10])
        except ValueError:
            return e
        if dated > article.date:
            return e
        ahead = (_WEEKDAYS[day.lower_] - article.date.weekday()) % 7
        if ahead == 0:
            return e  # today's meeting: today
        when = article.date + timedelta(days=ahead)
        return e.model_copy(update={"date": when.isoformat(), "date_precision": "day", "date_from_text": True,
                                    "modality": "future", "attributed_to": None if e.modality == "asserted"
                                    else e.attributed_to})

    def _narrative_years(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"He imposed martial law on Dec. 3 ... He was impeached 11 days later and removed from office on
        April 4, 2025": a date the text gives without a year precedes what the story tells next with
        one, so it takes the year that puts it before."""
        sents = list(doc.sents)
        index = {s.start: k for k, s in enumerate(sents)}
        shifts: dict[int, int] = {}  # sentence number -> years to move its yearless dates back
        whole = text_of(doc)  # Span.text joins its tokens anew; this is the same string
        for k, sent in enumerate(sents):
            if _YEAR.search(whole[sent.start_char:sent.end_char]):
                continue
            dated = [e for e in events if e.date_from_text and e.date and sent.start_char <= e.span[0] < sent.end_char]
            if not dated:
                continue
            for nxt in sents[k + 1:k + 3]:
                nxt_text = whole[nxt.start_char:nxt.end_char]
                m = _FULL_DATE.search(nxt_text)
                if m is None or "later" not in nxt_text.lower():
                    continue
                try:
                    anchor = Date(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
                except (ValueError, KeyError):
                    continue
                first = min(Date.fromisoformat(e.date[:10]) for e in dated)
                years = 0
                while first.replace(year=first.year - years) > anchor and years < 5:
                    years += 1
                if years:
                    shifts[k] = years
                    shifts.setdefault(index[nxt.start], years) if nxt.start in index else None
                break
        if not shifts:
            return events
        out = []
        for e in events:
            trig = self._trigger(doc, e)
            k = index.get(trig.sent.start) if trig is not None else None
            years = shifts.get(k) if k is not None else None
            if years and e.date_from_text and e.date and not _YEAR_IN(e, doc):
                d = Date.fromisoformat(e.date[:10])
                try:
                    e = e.model_copy(update={"date": d.replace(year=d.year - years).isoformat()})
                except ValueError:  # 29 February
                    e = e.model_copy(update={"date": d.replace(year=d.year - years, day=28).isoformat()})
            out.append(e)
        return out

    # ---------- places ----------
    @staticmethod
    def _placed(e: Event) -> Event:
        """A statement is made where its speaker is: a Qatari statement is not in Iran."""
        loc, src = e.location, e.source
        if (loc is None or src is None or not src.country or not loc.country or loc.country == src.country
                or e.cameo[:2] not in _VERBAL_ROOTS or loc.basis == "locative"):
            return e
        return e.model_copy(update={"location": None})


_BACKGROUND_MARKS = frozenset({"after", "before", "since", "because", "as", "when", "while", "until"})


def _background(trig: Token) -> bool:
    """Whether a deed is told in a subordinate clause of time or cause ("after they refused to pay")."""
    for a in (trig, *trig.ancestors):
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in a.children):
            return True
    return False


def _YEAR_IN(e: Event, doc: Doc) -> bool:
    """The event's own clause gives a year ("removed from office on April 4, 2025"): it stands."""
    head = trigger_token(doc, e.span)
    if head is None:
        return False
    own = [t for c in head.children if c.dep_ not in ("conj", "cc") for t in c.subtree]
    return any(_YEAR.search(t.text) for t in own)


# aid and coercion a state's organs deal out at home, and the nouns of "in the state", "across the country"
_AT_HOME = frozenset({"07", "17"})
_HOME_NOUNS = frozenset({"state", "country", "nation", "region", "province", "city", "town", "area", "community",
                         "district", "village", "villages", "communities", "capital", "territory"})


def _at_home(trig: Token, src: Actor) -> Actor | None:
    """"Police recovered firearms in the state", "the army handed out food across the region": a state's organ
    acting in its own "state", "country" or "region" does so to its own country."""
    if not src.country or src.sector not in _OFFICE_SECTORS:
        return None
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ in _HOME_NOUNS and any(
                        d.dep_ in ("det", "poss") and d.lower_ in ("the", "this", "its", "their", "our") for d in g.children):
                    return Actor(text=f"{c.text} {g.text}", code=src.country, country=src.country)
    return None


# roots whose target the deed's clause may name away from the verb: appeals, intents, consultations, support,
# cooperation, aid, yielding, demands, disapproval and rejection (not statements, and not force, whose target
# the hostile-precision yardstick holds to what the text says)
# disapproval, appeals and rejections named as nouns ("US objections", "criticism from Washington")
_OBJECTION_ROOTS = frozenset({"10", "11", "12"})


def _first_striker(before: list[Event], answerer: Actor) -> Actor | None:
    """Who last used force on the answerer's country, as the article told it (not denied, not supposed)."""
    if not answerer.country:
        return None
    for x in reversed(before[-12:]):
        if (x.cameo[:2] in _FORCE and x.modality in ("asserted", "reported") and x.source is not None
                and x.source.country and x.source.code != answerer.code and x.target is not None
                and (x.source.country != answerer.country or x.source.sector == "REB")
                and x.target.country == answerer.country):
            return _named_as(x.source, x.source.text)
    return None
# prepositions that set a clause's deed against an objection ("despite US objections", "amid protests")
_IN_THE_FACE_OF = frozenset({"despite", "amid", "amidst", "notwithstanding"})
_ASIDE_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08", "10", "11", "12"})


def table_when(doc: Doc):
    ctx = doc._.tocsin
    return ctx.article.date if ctx is not None else None


def _present(verb: Token) -> bool:
    """"is being hosted", "are meeting", "hosts": present tense, no past or perfect auxiliary."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "VBN") or a.lemma_ == "have" for a in auxes):
        return False
    if auxes:
        return any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    return verb.tag_ in ("VBZ", "VBP")


# words that name a body of a state, not people who speak or act for it
_BODY_WORDS = frozenset({"government", "authorities", "authority", "administration", "regime", "cabinet", "junta",
                         "army", "military", "police", "parliament", "assembly", "legislature", "court", "judiciary"})
# words that name people of a state's organs, and titles before a person's name
_PEOPLE_WORDS = frozenset({"official", "officials", "minister", "ministers", "spokesman", "spokeswoman", "spokesperson",
                           "diplomat", "diplomats", "envoy", "envoys", "ambassador", "ambassadors", "leader", "leaders",
                           "president", "lawmakers", "mps", "senators", "officers", "officer", "aides", "aide",
                           "negotiators", "delegation", "delegates"})
_TITLES = frozenset({"president", "minister", "secretary", "prime", "chancellor", "king", "ambassador", "general",
                     "governor", "mayor", "senator", "premier", "spokesman", "spokeswoman", "chief", "mr", "mrs", "ms"})


def _body_word(text: str) -> bool:
    """"the government", "the authorities": a bare body, named by what it is."""
    ws = text.strip().lower().split(" of ")[0].split()  # "the government of a massacre": the parser's "of"
    return bool(ws) and ws[-1] in _BODY_WORDS


def _people(text: str) -> bool:
    """"Kyrgyz officials", "President Islam Karimov", "Mr Straw": people of an organ, not the body itself."""
    ws = [w.strip(".,'\u2019\"") for w in text.split()]
    ws = [w for w in ws if w]
    if not ws:
        return False
    if ws[-1].lower() in _PEOPLE_WORDS:
        return True
    return ws[-1][:1].isupper() and any(w.lower() in _TITLES for w in ws[:-1])


def _sentence_country(doc: Doc, sent: Span) -> str | None:
    """The one country the places named in ``sent`` lie in, if they lie in one (once per sentence)."""
    memo = doc.user_data.setdefault("tocsin.sentence_country", {})
    if sent.start not in memo:
        ctx = doc._.tocsin
        places = ctx.places if ctx is not None else []
        countries = {p.country for p in places if p.country and sent.start_char <= p.start < sent.end_char
                     and _where(doc, p)}
        memo[sent.start] = next(iter(countries)) if len(countries) == 1 else None
    return memo[sent.start]


def _where(doc: Doc, p: PlaceMention) -> bool:
    """Whether a place mention says where ("in Paris", "on Paris' main boulevard"), not who ("Moscow's
    protection", "talks with Moscow")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ in ("poss", "compound") and root.head.dep_ == "pobj":
        root = root.head  # "on Paris' boulevard", "in the Kharkiv region"
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE | {"on", "into", "from"}


def _aim_told_before(before: list[Event], root: str, src: Actor) -> Actor | None:
    """A stance named again as a noun ("US objections to lifting the ban ... Washington's objections were based
    on") keeps the aim the article gave it: the target of the last event of its root by the same state."""
    if not src.country:
        return None
    for x in reversed(before):
        if (x.cameo[:2] == root and x.source is not None and x.source.country == src.country
                and x.target is not None and x.target.code and x.target.code[:3] != src.country):
            t = x.target
            return Actor(text=t.text, code=t.code, country=t.country, sector=t.sector)
    return None


def _last_pair(doc: Doc, before: list[Event], sent: Span) -> tuple[Actor, Actor] | None:
    """The two parties of the last meeting or agreement told in this sentence or the one before."""
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for x in reversed(before):
        if (x.cameo[:2] in _RECIPROCAL and x.source is not None and x.target is not None and x.source.code
                and x.target.code and x.source.code != x.target.code and x.span[0] >= doc[start].idx):
            return x.source, x.target
    return None


# the sectors that take sides in a civil war
_ARMED_SIDES = frozenset({"MIL", "REB", "GOV", "COP", "SPY", "UAF", "INS", "SEP"})


def _two_sides(before: list[Event], third: Actor) -> tuple[Actor, Actor] | None:
    """The two parties of the last event told between two countries, neither of them ``third``'s."""
    for x in reversed(before):
        a, b = x.source, x.target
        if (a is not None and b is not None and a.country and b.country and a.country != b.country
                and third.country not in (a.country, b.country)):
            return a, b
        if (a is not None and b is not None and a.country and a.country == b.country and a.sector != b.sector
                and {a.sector, b.sector} <= _ARMED_SIDES and x.cameo[:2] >= "11" and third.code not in (a.code, b.code)):
            return a, b  # a civil war's two sides: "the army ... the RSF ... urged both sides"
    return None


def _named_as(actor: Actor, text: str) -> Actor:
    return Actor(text=text, code=actor.code, country=actor.country, sector=actor.sector)


def _adjectival(doc: Doc, place: PlaceMention) -> bool:
    """"Ukrainian drones": a nation's adjective the gazetteer placed, no place where anything is."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "ADJ"


def _each_other(sent: Span) -> bool:
    text = sent.text.lower()
    return "each other" in text or "one another" in text


def _reciprocal(sent: Span) -> bool:
    """Whether the sentence has the other side as its object: "accused each other", "blamed the other",
    "expelled 23 of the other's diplomats"."""
    return _each_other(sent) or re.search(r"\bthe other\b(?!\s+(?:side of|hand|day|week|two|three|\w+s\b))",
                                          sent.text.lower()) is not None


def _speaker_party(sayer: Actor | None, other: Actor) -> Actor | None:
    """"The rebels say talks with the Russian military aim to ...": talks whose one side the text
    leaves out, told by a speaker who is not the other side, are the speaker's own."""
    if sayer is None or not sayer.code or (sayer.country is not None and sayer.country == other.country):
        return None
    return sayer


def _one_target(a: Actor | None, b: Actor | None) -> bool:
    """Whether two tellings of one deed in one sentence may share a target: the same, one unnamed, or one only the
    country of a place (no sector) beside a party ("killed in a drone strike in Raqqa": the killed, not Syria).
    Two places of different countries are two targets ("at the Stade de France ... in the Boulevard Voltaire")."""
    if a is None or b is None or not a.code or not b.code or a.code == b.code:
        return True
    return bool(a.sector) != bool(b.sector)


def _definite_np(tok: Token) -> bool:
    if tok.lower_ in _PERSONAL or tok.lower_ in ("they", "them", "it"):
        return True
    if tok.pos_ == "NUM" or tok.lower_ in ("some", "several", "many", "most", "all", "two", "three", "four", "five"):
        # "four of the officers": whom the count is of
        tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), tok)
    return tok.pos_ == "NOUN" and any((c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON")
                                      for c in tok.children)


def _same_sides(a: Event, b: Event) -> bool:
    """Two tellings of force between the same sides, by country (the resolver may call police "military" once)."""
    def country(x: Actor | None) -> str | None:
        return x.country if x is not None else None
    return (country(a.source) is not None and country(a.source) == country(b.source)
            and country(a.target) is not None and country(a.target) == country(b.target))


def _named_in_free_relative(noun: Token) -> bool:
    """"What it called a massacre" (parse repair made the thing named the head, the naming its clause)."""
    return any(c.dep_ == "relcl" and any(g.lower_ == "what" for g in c.children) for c in noun.children)


def _pointing(noun: Token) -> bool:
    """"the strikes", "these attacks", "such actions": a noun whose determiner points back."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "amod" and c.lower_ == "such")
               for c in noun.children)


def _other_doer(told: Event, e: Event) -> bool:
    """Whether ``e`` names a doer, and another than the one of the deed ``told``."""
    return bool(_code(told.source) and _code(e.source) and _code(told.source) != _code(e.source))


def _implied_side(a: Actor | None) -> bool:
    """An agent the article pass inferred from the act ("[police]"), whose country follows the target's."""
    return a is not None and a.text.startswith("[")


def _noun_head(tok: Token) -> Token:
    """The noun a determiner, a modifier or a name's first word belongs to ("A" of "A minister", "Andrew")."""
    while tok.dep_ in ("det", "amod", "compound", "nummod", "poss") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _retold(verb: Token) -> bool:
    """"The ambassador was recalled", "the protesters were released": a passive with no doer whose subject
    is definite, a party the story has already named."""
    if verb.pos_ != "VERB" or any(c.dep_ == "agent" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and subj.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON") for c in subj.children)


def _country(a: Actor | None) -> str | None:
    return a.country if a is not None else None


def _code(a: Actor | None) -> str | None:
    return a.code if a is not None else None


def _agrees(a: Event, b: Event) -> bool:
    """Two tellings of one event: no side of one contradicts the other's country."""
    def ok(x: Actor | None, y: Actor | None) -> bool:
        return x is None or y is None or not x.country or not y.country or x.country == y.country
    return ok(a.source, b.source) and ok(a.target, b.target)


def _no_self_target(e: Event) -> Event:
    """"Orban wrote, accusing him": a "him" the article could not tell from the source is no target."""
    if (e.source is not None and e.target is not None and e.source.code and e.source.code == e.target.code
            and not two_parties(e.source, e.target)):
        return e.model_copy(update={"target": None})
    return e


def _colon_headline(doc: Doc, sents: list) -> bool:
    """A one-line headline the parser split at its colon ("Kenya: Curfew imposed after clashes"): one report."""
    return (len(sents) == 2 and sents[1].start > 0 and doc[sents[1].start - 1].text == ":"
            and "\n" not in doc.text.strip() and len(doc) <= 25)
