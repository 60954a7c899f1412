"""Matching predicates: which verbs and event nouns of a sentence are events, and by which pattern.

Each verb and event noun is looked up in the pattern lexicon (``patterns.py``); the most
specific pattern whose constraints (preposition, object, modifier, complement, agent) hold
is the match. Nothing here is per article: a ``Matcher`` is built once and shared.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import text_of
from .patterns import Lexicon, Pattern
from .syntax import VERB_OBJ, for_to, lemma, negation, patients, resultative_objects, subject_token

# Entity types that name something; a proper noun of one is a name, not an event ("the APEC forum").
_NAME_ENTS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"}
# dependencies of the words a pattern's "+prep" can be
_PREP_DEPS = ("prep", "prt", "agent", "dative", "advmod")
_NEAR = "near"  # the match memo's key for the prepositions and particles among a trigger's children


@dataclass
class Match:
    trigger: Token
    pattern: Pattern
    obj: Token | None  # the object that satisfied ~object, if any
    noun: bool
    anchor: Token  # where the event hangs in the parse: the trigger, or the head of "mediation effort"
    # the deed a factive stance verb is about ("condemned the Russian attack"): told as done, and kept
    # only where the text says whose deed it was
    given_by: Token | None = None


def words(tok: Token) -> set[str]:
    out = {lemma(tok), tok.lower_}
    if tok.ent_type_:
        out.add(":" + tok.ent_type_.lower())
    return out


def cited_headlines(sent: Span) -> set[int]:
    """Tokens of a parenthesised Title Case phrase: the headline of another story, cited, not reported."""
    out: set[int] = set()
    if "(" not in text_of(sent.doc)[sent.start_char:sent.end_char]:
        return out  # most sentences: no need to visit their tokens
    open_at = None
    for tok in sent:
        if tok.text == "(":
            open_at = tok.i
        elif tok.text == ")" and open_at is not None:
            ws = [t for t in sent.doc[open_at + 1:tok.i] if t.is_alpha]
            caps = sum(1 for t in ws if t.text[0].isupper())
            if len(ws) >= 4 and caps >= 0.7 * len(ws):
                out.update(range(open_at + 1, tok.i))
            open_at = None
    return out


def _nation_word(tok: Token) -> bool:
    """"Ukrainian", "Russian": a capitalised adjective or a nationality the entity recogniser names."""
    return tok.ent_type_ == "NORP" or (tok.pos_ in ("ADJ", "PROPN") and tok.text[:1].isupper())


def _temporal(prep: Token) -> bool:
    """"shot a man on Friday", "fired in March": a preposition of time is not the pattern's."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _states_a_result(verb: Token) -> bool:
    """"left 12 dead", "left thousands of people homeless", "leaving several soldiers injured": the object is
    given a state (the parser hangs it on the verb or on the object)."""
    if any(c.dep_ in ("oprd", "acomp") and c.pos_ in ("ADJ", "VERB") for c in verb.children):
        return True
    doc = verb.doc
    for o in verb.children:
        if o.dep_ != "dobj":
            continue
        # the state right after the object, wherever the parser hangs it ("leaving four soldiers wounded")
        after = o.right_edge.i + 1
        state = doc[after] if after < len(doc) else None
        if (state is not None and state.tag_ in ("VBN", "JJ") and state.head in (o, verb, verb.head)
                and state.dep_ in ("acl", "amod", "oprd", "advcl", "xcomp") and not any(True for _ in state.children)):
            return True
        if any(g.dep_ in ("acl", "amod", "oprd") and g.i > o.i and g.tag_ in ("VBN", "JJ")
               and not any(True for _ in g.children) for g in o.children):
            return True
    return False


class Matcher:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.light = lex.words("@LIGHT")
        self.event_heads = lex.words("@EVENT_HEAD")
        self.quantity = lex.words("@QUANTITY")
        self.stretch = lex.words("@STRETCH")
        self.try_ = lex.words("@TRY")
        self.address = lex.words("@ADDRESS")
        self.crowd = lex.words("@CROWD")
        self.armed = lex.words("@ARMED_GROUP") | lex.words("@COMBATANT")
        self.accuse = lex.words("@ACCUSE_OF")
        self.parties = lex.words("@ACTORN")
        self.places = lex.words("@PLACE")
        self.factive = lex.words("@FACTIVE")
        self.say = lex.words("@SAY")
        self.insult = lex.words("@INSULT")
        self.blame = lex.words("@BLAME")  # the words of a statement that lays blame (112 say &@BLAME)
        self.result_verbs = lex.words("@RESULT")

    def candidates(self, tok: Token) -> tuple[list[Pattern], bool] | None:
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT" and lemma(tok) != "be"):
            if lemma(tok) in self.result_verbs and _states_a_result(tok):
                return None  # "the clashes left several soldiers injured": what came of a deed, no departure
            plist = self.lex.verbs.get(lemma(tok)) or self.lex.verbs.get(tok.lower_)
            return (plist, False) if plist else None
        if pos == "ADJ" and tok.dep_ in ("acomp", "ROOT") and tok.lower_ in self.lex.verbs:
            # "Germany is deeply concerned about the decision": a predicate adjective of stance, listed in the verb
            # patterns under its own form
            return self.lex.verbs[tok.lower_], False
        if tok.ent_type_ in ("DATE", "TIME"):
            return None  # "in March" is a month, not a march
        if pos == "PROPN" and tok.ent_type_ in _NAME_ENTS:
            return None  # "the Asia-Pacific Economic Cooperation forum" names a body, not an event
        if pos in ("NOUN", "PROPN") and (tok.dep_ not in ("compound", "amod", "npadvmod", "poss")
                                         or (tok.dep_ == "compound" and lemma(tok.head) in self.event_heads)):
            plist = self.lex.nouns.get(lemma(tok)) or self.lex.nouns.get(tok.lower_)
            if plist is None and tok.lower_.endswith("s"):
                plist = self.lex.nouns.get(tok.lower_[:-1])
            return (plist, True) if plist else None
        return None

    def objects(self, tok: Token, noun: bool, prep_tokens: list[Token]) -> list[Token]:
        # "call on the government": a preposition with an object of its own holds the object the
        # pattern means ("called Morrison on Wednesday" is no appeal); a bare particle does not
        objs = [g for p in prep_tokens for g in p.children if g.dep_ == "pobj"]
        if not objs:
            # "put their forces on standby": the parser hung the noun beside the preposition
            objs = [n for p in prep_tokens if p.dep_ == "prep" and not any(True for _ in p.children)
                    and p.i + 1 < len(p.doc) for n in (p.doc[p.i + 1],)
                    if n.head.i == p.head.i and n.dep_ in ("advmod", "npadvmod")]
        if not objs and noun:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs += [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "compound":
                    objs.append(c)
        elif not objs:
            objs = [c for c in tok.children if c.dep_ in VERB_OBJ] + patients(tok)
            objs += resultative_objects(tok)
            if tok.dep_ == "relcl" and tok.head.i < tok.i and any(c.dep_ == "nsubj" for c in tok.children):
                # "a claim the army rejects", "the charges which Minsk denied": an object relative clause's object
                # is its noun
                if not objs and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
                    objs = [tok.head]
                objs = [tok.head if o.lower_ in ("which", "that") else o for o in objs]
            if not objs:
                # "allowed UN aid agencies to resume work": the parser makes the object the subject of the infinitive
                objs = [g for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                        and (any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                             # "allowed UN inspectors back into the site", "let journalists in": a small clause
                             or c.pos_ in ("ADV", "ADP"))
                        for g in c.children if g.dep_ == "nsubj" and g.i > tok.i]
            if not objs:
                # "Macron called Merkel on Sunday": the parser reads a lone name as a predicate
                named = [c for c in tok.children if c.dep_ == "oprd"]
                if len(named) == 1 and named[0].ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    objs = named
        # "hundreds of soldiers", "some of its troops", "tons of medicine": the noun inside counts
        for o in list(objs):
            if o.pos_ == "NUM" or o.lemma_.lower() in self.quantity:
                objs += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
        return objs

    def _agent_head(self, tok: Token, noun: bool) -> Token | None:
        if noun:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            carrier = tok
            while (carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and carrier.head.head.i != carrier.head.i
                   and lemma(carrier.head.head) in self.quantity | self.stretch):
                carrier = carrier.head.head  # "began two days of exercises": the deed is what the verb carries
            if (owner is None or owner.pos_ == "PRON") and carrier.dep_ in VERB_OBJ and lemma(carrier.head) in self.light:
                # "their forces completed their withdrawal": who does the light verb does the deed
                return subject_token(carrier.head, self.accuse, self.parties) or owner
            return owner
        return subject_token(tok, self.accuse, self.parties)

    def _preps(self, p: Pattern, children: list[Token], near: frozenset[str] | None = None) -> list[Token] | None:
        """The preposition or particle tokens the pattern's ``+prep`` constraints need, in order;
        ``near``: the words of the children that can be one (most patterns fail on these alone)."""
        if p.preps and near is not None and "for" not in p.preps[0] and p.preps[0].isdisjoint(near):
            return None
        prep_tokens: list[Token] = []
        marks = None
        for need in p.preps:
            pool = children + [g for t in prep_tokens for g in t.children if g.dep_ == "prep"]
            hit = next((c for c in pool if c.dep_ in _PREP_DEPS
                        and c.lower_ in need and not _temporal(c)
                        and not (p.bare and any(g.dep_ == "pobj" for g in c.children))), None)
            if hit is None and "for" in need:
                marks = for_to(children) if marks is None else marks
                hit = next(iter(marks), None)
            if hit is None:
                return None
            prep_tokens.append(hit)
        return prep_tokens

    def _names_given(self, tok: Token, children: list[Token]) -> list[Token]:
        """The name a verb of naming gives ("called him a tyrant", "branded the vote a sham", "described the
        move as illegal", "X was a dictator, Y said") and the words that qualify it ("a dangerous provocation")."""
        objs = [o for o in children if o.dep_ in ("dobj", "nsubjpass")]
        named = [c for c in children if c.dep_ in ("oprd", "acomp")]
        # "branded the vote a sham": the parser hangs the name on the object
        named += [g for o in objs if o.dep_ == "dobj" for g in o.children
                  if g.dep_ in ("dobj", "oprd", "npadvmod") and g.i > o.i]
        named += [g for c in (*children, *(x for o in objs for x in o.children))
                  if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]
        if lemma(tok) in self.say:
            # "X was a brutal dictator, Y said", "Y said the sanctions were illegal": what a speaker says it is
            clause = [c for c in children if c.dep_ == "ccomp" and lemma(c) == "be"]
            if tok.dep_ == "parataxis" and lemma(tok.head) == "be":
                clause.append(tok.head)
            named += [g for c in clause for g in c.children if g.dep_ in ("attr", "acomp")]
            # "said Ukraine was behind the sabotage", "Hamas was to blame": where the blame is laid
            named += [g for c in clause for g in c.children if (g.dep_ == "prep" and g.lower_ == "behind") or (
                g.dep_ == "xcomp" and g.lower_ == "blame")]
            # "said the saboteurs were Ukrainian": the culprits, with the nation they are said to be of
            named += [g for c in clause if any(x.dep_ in ("attr", "acomp") and _nation_word(x) for x in c.children)
                      for g in c.children if g.dep_ == "nsubj" and lemma(g) in self.blame]
        # "an act of piracy", "an act of aggression": what the act is called
        acts = [x for c in named if c.lemma_.lower() == "act" for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                for x in p.children if x.dep_ == "pobj"]
        return named + acts + [g for c in named for g in c.children if g.dep_ in ("amod", "compound")]

    def _holds(self, p: Pattern, tok: Token, noun: bool, children: list[Token],
               memo: dict | None = None) -> tuple[bool, Token | None]:
        """Whether pattern ``p`` holds at ``tok``, and the object that satisfied its ``~object``;
        ``memo`` keeps the objects found for the patterns of one token that ask for the same prepositions."""
        prep_tokens = self._preps(p, children, memo.get(_NEAR) if memo is not None else None)
        if prep_tokens is None:
            return False, None
        if p.negated and not any(negation(c) for c in children):
            return False, None
        obj_tok = None
        if p.obj is not None:
            key = tuple(t.i for t in prep_tokens)
            objs = memo.get(key) if memo is not None else None
            if objs is None:
                objs = self.objects(tok, noun, prep_tokens)
                if memo is not None:
                    memo[key] = objs
            # the object's own word first; a compound modifier only when no head word fits ("a
            # Karen guerrilla stronghold" is a place, though "Karen" looks like a person's name)
            obj_tok = next((o for o in objs if words(o) & p.obj), None) or next(
                (o for o in objs if not words(o) & self.places
                 and any(words(c) & p.obj for c in o.children if c.dep_ == "compound")), None)
            if obj_tok is None:
                return False, None
            if ((p.code or "")[:2] >= "13" and not noun and obj_tok.pos_ == "NOUN" and obj_tok.i != tok.i
                    and self._no_event(obj_tok)):
                return False, None  # "escalating a trade war": the war named is no war, nor is its escalation
        if p.mod is not None:
            # "was found guilty": a predicate adjective of the object (the parser's oprd, or ccomp) qualifies it too
            pool = [c for c in children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod", "oprd")
                    or (c.dep_ == "ccomp" and c.pos_ == "ADJ") or (c.dep_ == "acomp" and p.negated)]  # "will not stand idle"
            if not p.mod.isdisjoint(self.insult) or self.blame <= p.mod:
                # "called the president a dictator", "described the move as illegal": what it is called is
                # said of the trigger (for the patterns of such names only: "Troops Seize Town As Rebels
                # Retreat" calls no one a rebel)
                pool += self._names_given(tok, children)
            if obj_tok is not None:
                pool += [c for c in obj_tok.children if c.dep_ in ("amod", "compound", "nmod")]
            if not any(words(c) & p.mod for c in pool):
                return False, None
        if p.comp is not None:
            # (a gerund right after the verb the parser hangs as an adverbial: "has not ruled out using force")
            comps = [c for c in children if (c.dep_ in ("xcomp", "ccomp") or (
                c.dep_ == "advcl" and c.tag_ == "VBG" and c.i <= tok.i + 2
                and not any(x.dep_ == "mark" for x in c.children))) and words(c) & p.comp]
            # "vowed to fight for equal pay": a complement in a sense that is no event ("-") promises no deed;
            # "vowed to fight corruption", "to fight the charges": a threat needs a complement of force
            if not comps or all(self._no_event(c) for c in comps) or (
                    (p.code or "")[:2] >= "13" and all(self._tame(c) for c in comps)):
                return False, None
        if p.agent is not None:
            a = self._agent_head(tok, noun)
            if a is not None and lemma(a) in self.quantity:
                # "hundreds of gunmen attacked": who they are, not how many, says whether they are a crowd
                who = next((g for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), None)
                if who is not None and words(who) & self.armed:
                    a = who
            if a is None or not (words(a) | {lemma(c) for c in a.children
                                                          if c.dep_ == "compound"}) & p.agent:
                return False, None
            if (p.code or "")[:2] >= "13" and a.pos_ == "NOUN" and a.i != tok.i and self._no_event(a):
                return False, None  # "the trade war intensified"
        return True, obj_tok

    def _audience(self, tok: Token) -> bool:
        """"He told a rally in Florida", "said at a rally", "spoke to a rally": a gathering a speaker speaks to or at
        is the audience or the venue of the speech, no deed of the speaker's."""
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("at", "to", "before") and head.head.pos_ == "VERB":
            verb = head.head
        elif tok.dep_ in ("dobj", "dative") and head.pos_ == "VERB":
            verb = head
            if lemma(verb) not in self.address:
                return False
        else:
            return False
        if lemma(verb) not in self.say | self.address:
            return False
        subj = subject_token(verb)
        return subj is None or not words(subj) & self.crowd  # "protesters said at the rally": theirs

    def _no_event(self, tok: Token) -> bool:
        m = self.match(tok)
        return m is not None and not m.pattern.code

    def _tame(self, comp: Token) -> bool:
        """Whether a complement verb of force is, by a pattern of its own that its object or modifier
        decides, no deed of force ("fight corruption", "fight the charges", "hit a record")."""
        m = self.match(comp)
        return m is not None and m.pattern.specificity > 0 and (m.pattern.code is None or m.pattern.code[:2] < "13")

    def match(self, tok: Token) -> Match | None:
        found = self.candidates(tok)
        if not found:
            return None
        plist, noun = found
        if noun and self._audience(tok):
            return None
        if (not noun and tok.lower_ == "blame" and tok.dep_ == "xcomp" and lemma(tok.head) == "be"
                and not any(c.dep_ in VERB_OBJ for c in tok.children)):
            return None  # "Hamas was to blame": Hamas is blamed, it blames no one
        anchor = tok.head if noun and tok.dep_ == "compound" else tok
        if not noun and lemma(tok) in self.light and any(c.dep_ in VERB_OBJ for c in tok.children):
            plist = [p for p in plist if p.specificity > 0]  # "launch an effort": the object decides
        children = list(tok.children) + ([c for c in anchor.children if c is not tok] if anchor is not tok else [])
        if noun and tok.dep_ in VERB_OBJ and lemma(tok.head) in self.light:
            # "launched strikes on Pakistan": the parser hangs the deed's aim on the light verb
            children += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
        if not noun and lemma(tok) == "call" and sum(c.dep_ in ("dobj", "oprd") for c in children) >= 2:
            # "called China a pillar of the system", "called the summit a success", "called the strikes an act
            # of war": a name given (a stance, praise or insult), no phone call, meeting or strike called
            plist = [p for p in plist if (p.code or "-")[:2] in ("-", "01", "05", "11")]
        if not noun and lemma(tok) == "meet" and any(c.dep_ == "auxpass" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            # "any response would be met with crushing attacks": answered, no meeting
            plist = [p for p in plist if not (p.code or "").startswith("04")]
        if not noun and lemma(tok) in self.try_ and any(
                c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(
                    x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in children):
            plist = [p for p in plist if p.comp is not None]  # "seeking to carry out ...": the attempt, no appeal
        memo: dict = {_NEAR: frozenset(c.lower_ for c in children if c.dep_ in _PREP_DEPS)}
        for p in plist:
            ok, obj_tok = self._holds(p, tok, noun, children, memo)
            if ok:
                return Match(tok, p, obj_tok, noun, anchor)
        return None

    def sentence(self, sent: Span) -> list[Match]:
        """The matches of one sentence, without nouns a verb pattern already named."""
        cited = cited_headlines(sent)
        matches = [m for m in (self.match(t) for t in sent if t.i not in cited) if m is not None]
        # "launches combat sorties": a verb pattern that named the noun already codes it
        covered = {m.obj.i: m for m in matches if not m.noun and m.obj is not None and m.pattern.code}
        out = []
        for m in matches:
            verb = covered.get(m.trigger.i) if m.noun else None
            if verb is not None:
                if lemma(verb.anchor) not in self.factive or not ("14" <= (m.pattern.code or "")[:2] <= "20"):
                    continue
                m.given_by = verb.anchor  # "condemned the attack": the attack is coded too, if it has a doer
            out.append(m)
        return out
