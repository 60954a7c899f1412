"""Predicates -> events: the sentence pass that ties the coding stages together.

For every sentence, ``match`` finds the verbs and event nouns the pattern lexicon codes,
``modality`` how sure the text is of each, ``roles`` who did it to whom, ``derived`` the
promises, refusals and admissions a statement about an event amounts to, and ``confidence``
ranks them; the ontology table adds Goldstein, QuadClass, PLOVER and ACLED, ``when`` the date
and the Geoparser the place.

``EventCoder`` holds only tables loaded once; everything one article needs while it is coded
lives in its ``ArticleContext`` (``context.py``), so one coder serves many threads.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import when as when_mod
from ..model import Actor, Article, Event, PlaceMention
from ..ontology import cameo
from . import acled
from .article import ArticlePass, sector_rules
from .caption import retold_in_captions
from .background import Background
from .confidence import confidence
from .context import ArticleContext, attach
from .derived import Derived
from .gate import Gate
from .match import Match, Matcher, words
from .modality import ModalityResult, ModalityRules
from .patterns import Lexicon, lexicon
from .plover import PloverRefiner
from ..headline import mend
from .repair import reattach_conjuncts
from .roles import FACE, Roles, _seat, domestic, envoy
from .syntax import VERB_OBJ, lemma, two_parties

_HOSTILE_FORCE = ("17", "18", "19", "20")
# visits (042 make, 043 host are not: a host is at home), whose place abroad is the country visited
_VISITS = frozenset({"042"})
# verbs whose subject is evidence that points to a culprit ("it bears the hallmarks of", "indications point to")
_EVIDENCE_VERBS = frozenset({"bear", "carry", "have", "show", "point"})
# aid and coercion that a state's organs deal out at home ("arrested 40 in Lagos", "gave food in Borno")
_AT_HOME = ("07", "17")
# force used or shown: one state's organs seldom use it on another organ of the same state
_FORCE = ("15", "17", "18", "19", "20")
# coercion a state turns inward (172 bans and curfews, 173 arrests, 175 repression): "Nigerian police arrested
# the governor's aides" are the state's own officials
_INWARD = ("172", "173", "175")
# the organs that deal it out at home: police and courts (troops arrest abroad too)
_HOME_ORGANS = frozenset({"COP", "JUD"})


# a state that protests a deed ("Seoul protests Japanese textbook claims", "China protested the arms sale") lodges a
# complaint (114), no dissent in the street (140)
_COMPLAINT = "114"
# who speaks for a state: its government, the state named alone, an organisation of states
_STATE_VOICES = frozenset({None, "GOV"})


def _lodged(c: "Candidate", sources) -> bool:
    m = c.m
    return (c.code.code == "140" and not m.noun and lemma(m.trigger) == "protest" and bool(sources)
            and any(x.dep_ in ("dobj", "obj") for x in m.trigger.children)
            and all((a.country and a.sector in _STATE_VOICES) or (a.code or "")[:3] == "IGO" for a in sources))


# how far a deed that only serves another deed of its sentence ranks below it
_YIELD = 0.2
# promises and agreements (03): what they bind their parties to is their content, no purpose ("agreed to implement a
# ceasefire", which the parser may hang as a purpose); the content of an appeal or a refusal ("asked the groups to
# end their boycott") is not done, and yields as a purpose does
_PROMISES = frozenset({"03"})


# an order (100) to a state's own forces is the deed ordered, done by the state
_ORDER = "100"
_FORCES = frozenset({"MIL", "COP"})


def _orders_own_forces(c: "Candidate", by_anchor: dict) -> bool:
    """"ordered his troops to withdraw", "ordered the police to disperse the crowd": the complement is a deed of the
    state's own army or police (of the country of whoever orders it), so that deed is the news."""
    countries = {a.country for a in c.sources if a.country}
    if not countries:
        return False
    for x in c.m.trigger.children:
        deed = by_anchor.get(x.i) if x.dep_ in ("xcomp", "ccomp") else None
        if deed is not None and deed.code.code != _ORDER and deed.sources and all(
                a.sector in _FORCES and a.country in countries for a in deed.sources):
            return True
    return False


def _yielding(found: list["Candidate"]) -> None:
    """Mark the candidates that rank below another deed of their sentence: a purpose ("students demonstrated
    in Dhaka to demand reform", "moved missiles to the border to intimidate its neighbour": the deed done is the
    news, what it is for comes second)."""
    anchors = {c.m.anchor.i for c in found if not c.m.noun and c.code.root not in _PROMISES}
    by_anchor = {c.m.anchor.i: c for c in found if not c.m.noun}
    for c in found:
        if c.code.code == _ORDER and not c.m.noun and _orders_own_forces(c, by_anchor):
            c.yields = True  # "Saddam Hussein ordered his troops to withdraw": the state withdraws
            continue
        t = c.m.trigger
        if (not c.m.noun and t.dep_ == "advcl" and t.head.i in anchors and t.head.i != c.m.anchor.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)):
            c.yields = True


@dataclass
class Candidate:
    """A matched predicate with its modality and parties, before the events are written."""

    m: Match
    mod: ModalityResult
    sayer: Actor | None
    sources: list[Actor]
    targets: list[Actor]
    code: object  # ontology.Code
    place_target: bool = False  # the target is only the country a place named lies in
    governed: bool = False  # a pattern of the verb above names this one ("vowed to fight"): no derived reading
    yields: bool = False  # the sentence's news is another deed of it: this one ranks below (see _yielding)


class EventCoder:
    def __init__(self, actors, lex: Lexicon | None = None, dates: bool = True,
                 nonpolitical: bool = False) -> None:
        self.actors = actors
        self.dates = dates
        # keep the events the political gate sets aside, flagged ``political=False``, instead of dropping them
        self.nonpolitical = nonpolitical
        self.lex = lex or lexicon()
        self.codes = cameo()
        self.matcher = Matcher(self.lex)
        self.modality = ModalityRules(self.lex)
        self.roles = Roles(actors, self.lex)
        self.derived = Derived(self.codes, self.lex)
        self.plover = PloverRefiner(self.lex)  # PLOVER's type by what an agreement or pledge is about
        self.background = Background(self.lex)
        self.gate = Gate(self.lex)
        self.say = self.lex.words("@SAY")
        self.blame = self.lex.words("@BLAME")  # the culprit words of a statement that lays blame (112)
        self.wield = self.lex.words("@WIELD")
        self.threatened = self.lex.words("@THREATENED")  # what a speaker says a party will face, if a threat
        self.lend_hand = self.lex.words("@LEND_HAND")  # "helped detain": a hand in another deed, no aid of its own
        self.force = self.lex.words("@TROOP") | self.lex.words("@POLICE") | self.lex.words("@WEAPON")
        self.mutual = self.lex.words("@MUTUAL_FIGHT")  # "clashed", "exchanged fire": each side fights the other
        # the pass over the whole article once its sentences are coded (coding/article.py); None skips it
        self.article: ArticlePass | None = ArticlePass(actors, self.lex)

    def code_doc(self, doc: Doc, article: Article, places: list[PlaceMention] | tuple = (), geo=None) -> list[Event]:
        """The events of ``article``, parsed as ``doc``, whose place mentions are ``places``."""
        ctx = attach(doc, article)
        ctx.places = places if isinstance(places, list) else list(places)  # the Geoparser's list knows its adjectives
        ctx.geo = geo
        return self.code(doc, ctx)

    def code(self, doc: Doc, ctx: ArticleContext) -> list[Event]:
        """The events of the article ``ctx`` holds; they are also left in ``ctx.events``."""
        events: list[Event] = []
        mend(doc)  # headline lines without determiners first: the small model often finds no verb in them
        reattach_conjuncts(doc)
        ctx.locations = {}  # as the places stage left ctx.places for this coding
        if self.article is not None:  # acronyms and groups the whole article defines, for its sentences
            self.article.prepare(doc, ctx)
        for si, sent in enumerate(doc.sents):
            events += self._code_sentence(sent, si, ctx)
            for tok in sent:  # remember who the sentence is about, for pronouns in the next
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") and tok.head.dep_ == "ROOT":
                    ctx.memory.note(self.roles.actor(tok, ctx), tok)
        if self.article is not None:  # actors settled by the whole article first: ACLED types turn on them
            events = self.article.run(doc, ctx.article, events, ctx.places)
        events = retold_in_captions(doc, events, self.say)  # "Riot police detain a protester ... REUTERS/Stringer"
        # "the scholar mobilizes both", "the vessel arrived at the search area": no show of force (root 15) by a
        # party that holds none, once the article has settled who the party is
        events = [e for e in events if not (e.cameo[:2] == "15" and e.source is not None and _unarmed(e.source))]
        # crime, accidents, business and sport among private parties: after the article pass has settled the parties
        events = self.gate(doc, events, ctx.places)
        if not self.nonpolitical:
            events = [e for e in events if e.political]
        events = acled.type_events(doc, events)
        ctx.events = events
        return events

    # ---------- one sentence ----------
    def _candidate(self, m: Match, sent: Span, ctx: ArticleContext) -> Candidate:
        tok = m.anchor
        mod = self.modality.of(tok)
        if m.pattern.negated:
            # "will not tolerate attacks": the negation is the stance the pattern codes, taken now
            rest = mod.without({"negated", "future"})
            mod = ModalityResult(rest, mod.sayer if rest != "asserted" else None, mod.found - {"negated", "future"})
        sayer = None
        if mod.sayer is not None:
            # "analysts said": whoever says it, known actor or not, is who it is attributed to
            sayer = self.roles.actor(mod.sayer, ctx) or Actor(
                text=sent.doc[mod.sayer.left_edge.i:mod.sayer.right_edge.i + 1].text)
        sources, targets = self.roles.roles(m, ctx, sayer)
        if m.pattern.negated and mod.modality == "reported" and _own(sources, sayer):
            # "Abbas said he will not tolerate attacks": his own stance, in his own words
            mod, sayer = ModalityResult("asserted", None, mod.found - {"reported"}), None
        code = self.codes[m.pattern.code]
        if code.root == "11" and sayer is not None and sayer.code and not m.noun and lemma(m.anchor) in _EVIDENCE_VERBS:
            # "officials say it bears the hallmarks of the PKK": the evidence accuses no one; its speaker does, of
            # whom the hallmarks are
            sources = [sayer]
            mod, sayer = ModalityResult("asserted", None, mod.found - {"reported"}), None
            owner = next((g for c in (m.obj.children if m.obj is not None else ()) if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            a = self.roles.actor(owner, ctx) if owner is not None else None
            if a is not None and a.code:
                targets = [a]
        if not sources and code.root == "14":
            pa = self.roles.place_actor(tok, ctx)
            if pa is not None:
                sources = [pa]
        at_place = False
        if code.root in _HOSTILE_FORCE and not any(a.code for a in targets):
            # "Douma is surrounded": force used on a place no table names is used on its country
            placed = self.roles.place_target(m, sources, ctx)
            if placed:
                targets, at_place = placed, True
        if code.code in _VISITS and not any(a.code for a in targets) and any(a.country for a in sources):
            # "Macron arrived in Kyiv for talks": a visit to a place abroad is a visit to its country
            placed = [a for a in self.roles.place_target(m, sources, ctx)
                      if all(a.country != s.country for s in sources if s.country)]
            if placed:
                targets, at_place = placed, True
        if code.root in _AT_HOME and not any(a.code for a in targets):
            # "police recovered 86 firearms in Osun", "the army chief handed out food in Waziristan": what a
            # state's organ does to or for people where it rules is done to its own country
            placed = self.roles.home_target(m, sources, ctx)
            if placed:
                targets, at_place = placed, True
        return Candidate(m, mod, sayer, sources, targets, code, at_place)

    def _candidates(self, sent: Span, ctx: ArticleContext) -> list[Candidate]:
        matches = self.matcher.sentence(sent)
        noun_triggers = {m.anchor.i for m in matches if m.noun}
        verb_triggers = {m.anchor.i for m in matches if not m.noun and m.pattern.code}
        roots = {m.anchor.i: m.pattern.code[:2] for m in matches if m.noun and m.pattern.code and m.pattern.code[:2] >= "13"}
        same_root = {i for i in roots if any(not m.noun and m.pattern.code and m.pattern.code[:2] == roots[i]
                                             for m in matches)}
        # "vowed to fight": the vow's pattern (>fight) codes the statement; the fight is only its content
        governed = {c.i for m in matches if m.pattern.code and m.pattern.comp is not None
                    for c in m.anchor.children if c.dep_ in ("xcomp", "ccomp") and words(c) & m.pattern.comp}
        out = []
        year = ctx.when.year if ctx.when is not None else None
        for m in matches:
            if m.pattern.code is None or self.background(m, year):
                continue
            if m.pattern.code[:2] == "15" and not m.noun and m.pattern.specificity == 0 and self._no_force(m.anchor):
                continue  # "salt trucks have been deployed", "the prototype deployed off the coast": nothing of force
            # "launched an offensive": the noun carries the event; "criticised the intervention" is a deed of its own,
            # and "blamed an Israeli air strike" an accusation
            if not m.noun and m.pattern.specificity == 0 and lemma(m.trigger) not in self.matcher.factive and not (
                    lemma(m.trigger) in self.matcher.accuse and (m.pattern.code or "")[:2] == "11") and any(
                    c.i in noun_triggers for c in m.anchor.children if c.dep_ in VERB_OBJ):
                continue
            if (not m.noun and m.anchor.dep_ == "acl" and m.anchor.tag_ == "VBG" and m.anchor.head.i in noun_triggers
                    and lemma(m.trigger) in self.wield):
                continue  # "an attack near Tessit using drones and artillery": the means of the deed the noun codes
            if (not m.noun and m.pattern.specificity == 0 and lemma(m.trigger) in self.lend_hand
                    and not any(c.dep_ in VERB_OBJ for c in m.anchor.children)
                    and any(c.dep_ in ("xcomp", "ccomp") and c.i in verb_triggers and not any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in m.anchor.children)):
                continue  # "marines helped detain a tanker": the deed is coded, its helpers among its doers
            if not m.noun and m.pattern.specificity == 0 and any(
                    g.i in same_root for c in m.anchor.children if c.dep_ == "prep" and c.lower_ == "in"
                    for g in c.children if g.dep_ == "pobj"):
                continue  # "the gunmen struck in coordinated attacks": the noun names the same deed
            c = self._candidate(m, sent, ctx)
            if (m.pattern.comp is not None and FACE in m.pattern.comp and not m.noun
                    and not self._faces_threat(m.anchor)):
                c = None  # "said the company would face losses": what may befall, no threat
            if c is None or (m.pattern.mod is not None and self.blame <= m.pattern.mod and not any(
                    a.code for a in c.targets)):
                # "said the weather was to blame for the delay": a blame laid on no party is no accusation, only
                # the statement the verb's plain pattern codes
                plain = next((p for p in self.lex.verbs.get(lemma(m.trigger), ()) if p.specificity == 0 and p.code), None)
                if plain is None:
                    continue
                c = self._candidate(replace(m, pattern=plain, obj=None), sent, ctx)
            c.governed = m.anchor.i in governed
            out.append(c)
        return self._given(out)

    def _faces_threat(self, verb) -> bool:
        """"Khamenei said Israel would face severe punishment": what a speaker says a named party will face is
        a threat when it is force, punishment or reprisal."""
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp") and lemma(c) == FACE:
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                return subj is not None and subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and any(
                    g.dep_ == "dobj" and (lemma(g) in self.threatened or g.lower_ in self.threatened) for g in c.children)
        return False

    def _no_force(self, verb) -> bool:
        """A verb of mobilising with no pattern object whose objects are all common nouns that name no
        troops, police or weapons."""
        if lemma(verb) not in _PLACING:
            return False  # "recruited 300 youths", "mobilised its members": people enlisted are a group's strength
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
            objs = [verb.head]  # "the prototype string deployed off the coast": the noun it describes
        return bool(objs) and all(o.pos_ == "NOUN" and not o.like_num and lemma(o) not in self.force
                                  and o.lower_ not in self.force for o in objs)

    @staticmethod
    def _given(found: list[Candidate]) -> list[Candidate]:
        """"Britain condemned the Russian attack on Kyiv": the attack is an event of its own when the text
        says whose it was, and the condemnation is aimed at its doer, not at its victim; a deed of no
        one named ("condemned the attack on Kyiv") is left to the condemnation, aimed at no victim."""
        out = []
        for c in found:
            verb = c.m.given_by
            if verb is None:
                out.append(c)
                continue
            doers = [a for a in c.sources if a.code]
            stance = next((s for s in found if s.m.anchor.i == verb.i and not s.m.noun), None)
            if stance is not None:
                victims = {a.code for a in c.targets if a.code}
                stance.targets = doers or [a for a in stance.targets if a.code not in victims]
            if doers:
                out.append(c)
        return out

    def _code_sentence(self, sent: Span, si: int, ctx: ArticleContext) -> list[Event]:
        article = ctx.article
        sentence = article.text[sent.start_char:sent.end_char].strip()
        if not sentence:
            return []
        found = self._candidates(sent, ctx)
        _yielding(found)
        out: list[Event] = []
        partyless: list[Candidate] = []
        homes: dict[tuple[int, ...], tuple[str | None, bool]] = {}
        for c in found:
            # one country named in the sentence is home to its bare "police" and "the government"; not
            # what a speaker says: "the minister said the ambassador would return to Moscow" names no
            # country of the minister's
            said = _said_within(c.m.anchor)
            if said not in homes:
                homes[said] = self._sentence_home(sent, found, said, ctx)
            home, by_place = homes[said]
            # a threat, like force, is aimed across sides: "accused Damascus of trying to intimidate the opposition"
            # lends the opposition no Syrian country
            if ((not c.targets or c.place_target) and len({a.code for a in c.sources if a.code}) == 2
                    and ((c.code.root == "04" and c.code.code[:3] != "045")
                         or (c.code.root == "19" and lemma(c.m.anchor) in self.mutual))):
                # "India and Pakistan exchanged fire", "police and protesters clashed in Nairobi", "Israeli and
                # Palestinian officials met in Jerusalem": each side fought or met the other (not the place)
                c.targets, c.place_target = list(c.sources), False
            sources, targets = domestic(c.sources, c.targets, home,
                                        hostile=(c.code.root in _FORCE + ("13",) and not c.place_target and not (
                                            c.code.code[:3] in _INWARD and (any(a.sector in _HOME_ORGANS
                                                                                for a in c.sources) or _coup(c)))),
                                        venue=by_place)
            if not sources and not targets and (self.article is None or not self.article.implies(c.code.code)):
                partyless.append(c)
                continue  # no party; unless the act implies its agent ("drones were banned"), for the article pass
            if _lodged(c, sources):
                c = replace(c, code=self.codes[_COMPLAINT])
            out += self._events(c, sources, targets, sentence, si, len(out), ctx)
        if partyless and _alone(sent) and all(e.plover is None and e.source is None for e in out):
            # a text of one sentence, a headline ("Six indicted by grand jury", "Dozens march in downtown
            # demonstration"), reports its event even where it leaves the parties implicit, beside a statement
            # about it ("Mass deportations reported in Kenya")
            for c in partyless:
                out += self._events(c, [], [], sentence, si, len(out), ctx)
        return out

    @staticmethod
    def _sentence_home(sent: Span, found: list[Candidate], said: tuple[int, ...], ctx: ArticleContext
                       ) -> tuple[str | None, bool]:
        """The one country the sentence names outside the token ranges ``said`` (what a speaker says), and
        whether only its places name it."""
        def outside(i: int) -> bool:
            return not any(a <= i < b for a, b in zip(said[::2], said[1::2]))
        # not a state dealt with as a whole, nor its armed forces: "Opposition leaders demanded the withdrawal of
        # Syria's troops from Lebanon and called for the government to resign" names no Syrian government
        # nor an envoy sent away or held ("expelled the French ambassador"): he is at his post abroad
        countries = {a.country for c in found if outside(c.m.anchor.i)
                     for a in (*c.sources, *c.targets, c.sayer) if a is not None and a.country
                     and a.sector not in _WHOLE_STATE and a.sector != "MED" and not _seat(a.text)
                     and not (a in c.targets and c.code.root in ("16", "17") and envoy(a.text))}
        by_place = not countries
        if by_place and any(c.code.code[:3] == "042" and outside(c.m.anchor.i) for c in found):
            # "the former prime minister visited NATO headquarters in Brussels, discussing ...": the place of a
            # visit is where its parties went, no home of theirs
            return None, True
        if by_place:
            # "police detained 40 supporters in Nairobi": else the one country its places lie in;
            # not for a bare government, as "ministers met in Brussels" names a venue
            doc = sent.doc
            # not a capital named as the other party ("accused Beijing of ..."): that is a state, not a place
            # nor the nation of an envoy ("the French ambassador"), nor a nation's adjective ("outside a French base
            # in Niamey")
            places = [(p, _token_at(doc, p.start, sent)) for p in ctx.places
                      if p.country and sent.start_char <= p.start < sent.end_char]
            countries = {p.country for p, i in places
                         if (not said or outside(i)) and not _party_dep(doc, i)
                         and not envoy(doc[i].head.text) and doc[i].pos_ != "ADJ"}
        return (next(iter(countries)) if len(countries) == 1 else None), by_place

    def _events(self, c: Candidate, sources: list[Actor], targets: list[Actor], sentence: str, si: int, k: int,
                ctx: ArticleContext) -> list[Event]:
        """The event records of one candidate: one per source-target pair and derived reading."""
        m, tok, article = c.m, c.m.anchor, ctx.article
        dt = (when_mod.event_date(tok, ctx.when, future=c.mod.modality == "future") if self.dates
              else when_mod.stand_in(ctx.when))
        location = None
        if ctx.geo is not None:
            # candidates of one trigger (a verb and its derived readings, several patterns) share its place
            if tok.i not in ctx.locations:
                ctx.locations[tok.i] = ctx.geo.event_location(tok, ctx.places)
            location = ctx.locations[tok.i]
        out: list[Event] = []
        venues = frozenset(p.text for p in ctx.places) if len(sources) == len(targets) == 1 else frozenset()
        for vcode, modality, rule in self.derived.variants(m, c.code, c.mod, sources, c.sayer, c.governed):
            conf = confidence(m, modality, sources, targets, vcode.root, derived=vcode is not c.code)
            if c.yields:
                conf = round(max(0.05, conf - _YIELD), 3)
            for src, tgt in _pairs(sources, targets, venues):
                out.append(Event(
                    event_id=f"{article.id}:s{si}:e{k + len(out)}", article_id=article.id, sentence=sentence,
                    span=(m.trigger.idx, m.trigger.idx + len(m.trigger.text)), date=dt.date,
                    date_precision=dt.precision, date_from_text=dt.from_text, source=src, target=tgt,
                    cameo=vcode.code, goldstein=vcode.goldstein, quad_class=vcode.quad_class,
                    plover=self.plover.plover(m, vcode),
                    acled=vcode.acled, modality=modality,
                    attributed_to=c.sayer if modality != "asserted" else None,
                    location=location, confidence=conf, rule=rule))
        return out


_WHOLE_STATE = {None, "MIL"}


def _alone(sent: Span) -> bool:
    """Whether ``sent`` is the whole text: a headline or a sentence coded on its own; or the part of a one-line
    headline after a dateline or a topic and its colon ("Kenya: Widespread torture during occupation")."""
    doc = sent.doc
    if sent.start == 0 and sent.end == len(doc):
        return True
    return (sent.end == len(doc) and sent.start > 0 and doc[sent.start - 1].text == ":"
            and "\n" not in doc.text.strip() and len(doc) <= 25)

# verbs of putting something somewhere, which show force only when what they place is force
_PLACING = {"deploy", "redeploy", "station", "position", "send", "dispatch", "move", "mass", "amass", "install"}


def _unarmed(a: Actor) -> bool:
    """A party of a sector that holds no armed force (``armed`` in data/article/sectors.tsv): a company,
    a school, a union, a party, a scholar."""
    rule = sector_rules().get(a.sector or "") if a.code else None
    return rule is not None and not rule.armed


def _own(sources: list[Actor], sayer: Actor | None) -> bool:
    """Whether the speaker speaks of its own deed ("Hungary says it will not accept ...")."""
    return bool(sources) and sayer is not None and any(
        a is sayer or (a.country and a.country == sayer.country) for a in sources)


def _pairs(sources: list[Actor], targets: list[Actor], places: frozenset[str] = frozenset()):
    """Every source with every target; a party is never its own target (``places``: the texts of the places
    the article names, which are venues, not a second party of one state)."""
    for src in sources or [None]:
        for tgt in targets or [None]:
            if src is not None and tgt is not None and src.code and src.code == tgt.code:
                if len(targets) > 1:
                    continue
                if tgt.text.strip().lower() not in ("him", "her") and not two_parties(src, tgt, places):
                    # "talks at Downing Street": a venue of one's own is no party; "him" is someone else
                    # whom the article pass finds among the people it names; "the governors backed the
                    # president's move": two organs of one state are two parties
                    tgt = None
            yield src, tgt


def _said_within(verb: Token) -> tuple[int, ...]:
    """The token ranges (start, end, start, end ...) of what ``verb`` says or reports: its clausal
    complements ("said [the ambassador would return to Moscow]")."""
    out: list[int] = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis") and c.i != verb.i:
            out += [c.left_edge.i, c.right_edge.i + 1]
    return tuple(out)


def _coup(c: "Candidate") -> bool:
    """"The junta detained President Bazoum": a bare army holding a state's officer is that state's own army."""
    return (any(a.sector == "MIL" and not a.country for a in c.sources)
            and any(a.sector in ("GOV", "ELI") and a.country and not envoy(a.text) for a in c.targets))


def _party_dep(doc, i: int) -> bool:
    """Whether the place word at token ``i`` is a clause's subject or object: a party, not where."""
    return 0 <= i < len(doc) and doc[i].dep_ in ("nsubj", "nsubjpass", "dobj", "dative")


def _token_at(doc, char: int, sent: Span) -> int:
    for t in sent:
        if t.idx <= char < t.idx + len(t.text_with_ws):
            return t.i
    return -1
