"""How sure the text is that an event happened: asserted, reported, future, hypothetical, negated.

The rules walk from the predicate up the dependency tree to the root, collecting what each
step says about the event: a modal or a negation on the way, a verb of saying whose
complement it is, a governor such as "prepare to" or "seems to want to", a conditional "if".
The most restrictive finding wins (negated, hypothetical, future, reported, asserted).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import MODALITY_ORDER
from .patterns import Lexicon
from .syntax import accusing, negation

_RANK = {m: i for i, m in enumerate(MODALITY_ORDER)}
# cues that are no modality of their own: "conditional" (an "if" clause governs the deed) comes with "hypothetical"
_CUE_RANK = len(MODALITY_ORDER)
_HYPO_AUX = {"would", "could", "might", "may", "should", "ought", "can"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HEARSAY_ADV = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly"}
_CONDITION_MARKS = {"if", "unless", "whether", "lest"}
# "without firing a shot", "instead of bombing the bridge", "rather than expelling": what is done instead
_INSTEAD = {"without", "instead", "rather"}
# "neither side fired", "nobody was arrested", "no soldier was hurt": a subject that names no one
_NO_ONE = {"nobody", "none", "neither", "noone"}
# members of @HYPO that with an event object carry it on ("pressing its military operations")
_CARRY_ON = {"press", "push"}
_PLAN_HEADS = {"plan", "plans", "proposal", "proposals", "scheme", "schemes", "blueprint", "idea"}
# "the first country to expel", "the only state to recall its envoy": an infinitive after these tells what was done
_ORDINAL = {"first", "last", "only", "second", "third", "latest"}
# "despite US objections", "amid protests": a deed set against something that is there
_IN_THE_FACE_OF = {"despite", "amid", "amidst", "notwithstanding"}
_TIME_OR_CAUSE_MARKS = {"after", "because", "since", "when"}


@dataclass
class ModalityResult:
    modality: str
    sayer: Token | None  # the subject of the verb of saying (or "according to" object)
    found: frozenset[str] = frozenset()  # every cue seen, before the most restrictive was chosen

    def without(self, cues: set[str]) -> str:
        """The modality once ``cues`` are set aside: that of the announcement, not the deed."""
        return min((self.found - cues) | {"asserted"}, key=lambda m: _RANK.get(m, _CUE_RANK))

    def without_future(self) -> str:
        return self.without({"future"})


def forms(tok: Token) -> set[str]:
    """Lemma and surface forms; title-case headline words often keep their inflection as lemma."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if tok.pos_ == "PROPN" and low.endswith("s"):
        out.add(low[:-2] if low.endswith("es") else low[:-1])
        out.add(low[:-1])
    return out


def hf_content(noun: Token, content: frozenset[str]) -> bool:
    """Whether ``noun`` is one whose clause says what it holds ("the denial that its troops shelled")."""
    return bool(forms(noun) & content)


def _subject(verb: Token) -> Token | None:
    """Who does the saying; a relative "that"/"which" names no one, so the search goes on up."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who"):
            return c
    return None


def _polar_question(tok: Token) -> bool:
    """Whether ``tok`` stands in a yes-no question: the sentence ends in "?" and opens with an auxiliary
    ("Will Russia invade?", "Could the army storm the building?", "Did the rebels fire first?")."""
    sent = tok.sent
    # asked of every candidate event: look at the sentence's end first, which rules out nearly all
    end = next((t.text.rstrip('"\u201d\'') for t in reversed(sent) if t.text.strip().rstrip('"\u201d\'')), "")
    if not end.endswith("?"):
        return False
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    return first.tag_ == "MD" or (first.pos_ == "AUX" and first.dep_ in ("aux", "auxpass", "ROOT")
                                  and first.lemma_.lower() in ("do", "be", "have"))


class ModalityRules:
    def __init__(self, lex: Lexicon) -> None:
        self.say = lex.words("@SAY")
        self.deny = lex.words("@DENY")
        self.say_or_deny = self.say | self.deny  # looked up at every step of every walk
        self.future = lex.words("@FUTURE")
        self.hypo = lex.words("@HYPO")
        self.plan = lex.words("@PLAN_VERB")  # verbs whose event-noun object is not done yet
        self.favour = lex.words("@FAVOUR")  # verbs of backing a course: in the present, what they back is a policy
        self.neggov = lex.words("@NEGGOV")
        self.neggov_noun = lex.words("@NEGGOV_NOUN")
        self.hold_back = lex.words("@HOLD_BACK")
        self.partake = lex.words("@PARTAKE")
        self.future_noun = lex.words("@FUTURE_NOUN")
        self.hypo_noun = lex.words("@HYPO_NOUN")
        self.stance = lex.words("@STANCE")
        self.accuse = lex.words("@ACCUSE_OF")
        self.event_nouns = frozenset(lex.nouns)
        self.hypo_adj = lex.words("@HYPO_ADJ")
        self.deny_noun = lex.words("@DENY_NOUN")
        self.block = lex.words("@BLOCK")
        self.hypo_mod = lex.words("@HYPO_MOD")
        self.future_mod = lex.words("@FUTURE_MOD")
        self.keep_from = lex.words("@KEEP_FROM")
        # verbs whose "if" clause conditions what they say or promise, not the saying
        self.speech_acts = self.say_or_deny | lex.words("@FUTURE") | lex.words("@ACCUSE_OF")
        self.occur = lex.words("@OCCUR")
        self.hearsay_mod = lex.words("@HEARSAY_MOD")
        self.claims = lex.words("@ACCUSATION")
        # nouns whose "that" clause is their content, not a relative clause ("the denial that", "plans that")
        self.content_nouns = self.deny_noun | self.claims | self.future_noun | self.hypo_noun

    def _presupposed(self, cur: Token) -> bool:
        """An event noun that a verb of stance takes as given ("will not tolerate attacks",
        "condemned the bombing", "responded to the accusations"): nothing above it bears on it."""
        if cur.pos_ not in ("NOUN", "PROPN") or cur.lemma_.lower() not in self.event_nouns:
            return False
        head = cur.head
        if cur.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in _IN_THE_FACE_OF:
                return True  # "the ban may be lifted despite US objections": the objections are there
            if head.lower_ in ("of", "for", "with") and head.head.lemma_.lower() in self.accuse:
                return False  # "blamed India for the bombing": told, not taken as given
            head = head.head
        elif cur.dep_ not in ("dobj", "nsubjpass"):
            return False
        elif cur.dep_ == "dobj" and head.lemma_.lower() in self.accuse:
            return False  # "Hamas blamed an Israeli air strike": told
        return head.pos_ == "VERB" and head.lemma_.lower() in self.stance

    def _local(self, tok: Token, found: set[str], own: bool, came_from: Token | None = None) -> Token | None:
        """What a token's own children say; returns an 'according to' source if any."""
        source = None
        for c in tok.children:
            dep, low = c.dep_, c.lower_
            if dep in ("aux", "auxpass"):
                if low in _HYPO_AUX:
                    found.add("hypothetical")
                elif low in _FUTURE_AUX:
                    found.add("future")
            elif negation(c) and own:  # "not", "never", "no longer"
                found.add("negated")
            elif dep == "det" and low == "no" and own:
                found.add("negated")
            elif dep == "advmod" and low in _HEARSAY_ADV:
                found.add("reported")
            elif dep == "mark" and low in _CONDITION_MARKS:
                found.add("hypothetical")
            elif dep == "advcl" and (came_from is None or c.i != came_from.i) and not (
                    came_from is None and forms(tok) & self.speech_acts) and any(
                    g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                # ("threatened to shell Haifa if Israel hits Beirut": the condition is the threat's content's)
                # "if you put them in this camp, they will end up fighting": what an "if" clause governs
                # is supposed; said of one's own deeds it is a conditional threat or promise
                found.update(("hypothetical", "conditional"))
            elif dep == "prep" and low == "according":
                found.add("reported")
                for to in c.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            source = obj
        if own:
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(
                        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)):
                    found.add("negated")
        # "going to attack": the trigger is the xcomp of a progressive "go"
        if tok.lemma_ == "go" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children) and own:
            found.add("future")
        return source

    def of(self, trigger: Token) -> ModalityResult:
        found: set[str] = set()
        sayer = self._local(trigger, found, own=True)
        kids = list(trigger.children)
        if trigger.pos_ == "VERB":  # "to repel potential attacks" (but "cancelled a planned visit" is done)
            kids += [g for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in self.event_nouns for g in c.children
                     if g.lower_ in self.hypo_mod]
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "the invasion never came", "the strike did not take place"
            verb = trigger.head
            if (forms(verb) & self.occur or any(c.dep_ in ("prt", "dobj") and f"{verb.lemma_.lower()} {c.lower_}"
                                                in self.occur for c in verb.children)) and any(
                    c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
                found.add("negated")
        if trigger.pos_ in ("NOUN", "PROPN") and forms(trigger) & _PLAN_HEADS and any(
                c.dep_ == "compound" and c.lemma_.lower() in self.event_nouns for c in trigger.children):
            # "his tariffs plan", "the sanctions proposal": the deed the plan is of (the coder anchors it on the
            # plan); "the failed martial law bid" was made
            found.add("future")
        if (trigger.dep_ in ("acl", "relcl") and trigger.pos_ == "VERB" and trigger.head.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
                and any(c.dep_ == "auxpass" for c in trigger.children)
                and trigger.head.dep_ != "attr"
                and not any(c.lower_ in _ORDINAL or c.tag_ == "JJS" or c.ent_type_ == "ORDINAL"
                            for c in trigger.head.subtree if c.i < trigger.head.i)):
            # "the number of buses to be deployed", "weapons to be delivered": a purpose, not yet done
            # ("the first country to expel its envoy" did it)
            found.add("future")
        for c in kids:  # "potential attacks", "the planned talks"
            if c.dep_ == "amod" and c.lower_ in self.hearsay_mod:
                found.add("reported")
            elif c.dep_ == "amod" and c.lower_ in self.hypo_mod:
                found.add("hypothetical")
            elif c.dep_ == "amod" and c.lower_ in self.future_mod and c.head.i == trigger.i:
                found.add("future")
        # "they said they would blockade Paris": after a past verb of saying, "would" is the past
        # of "will" (sequence of tenses), a plan rather than a supposition, unless an "if" rules it
        would = any(c.dep_ == "aux" and c.lower_ == "would" for c in trigger.children)
        conditional = any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in trigger.children)
        backshift = False
        below: set[str] | None = None  # what a relative clause said of itself, before the clause it hangs in
        cur = trigger
        own = True  # negation counts while the chain is one predicate (xcomp, aux)
        steps = 0
        while cur.dep_ != "ROOT" and cur.head is not cur and steps < 12:
            steps += 1
            if self._presupposed(cur):
                break
            dep, head = cur.dep_, cur.head
            if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                own = False  # "we will not escalate, but we will defend": a conjunct with its own subject has its own "not"
            if (below is None and head.pos_ in ("NOUN", "PROPN") and not hf_content(head, self.content_nouns) and (
                    dep == "relcl" or (dep == "acl" and cur.tag_ == "VBN" and any(c.dep_ == "agent" for c in cur.children)))):
                # "Russia would retaliate against countries that expelled its diplomats": a relative
                # clause tells what its noun did ("a ceasefire brokered by Russia", what was done to it); the would,
                # will or not of the clause around it is not its own
                below = set(found)
            if below is None and dep == "advcl" and _told_past(cur):
                # "vowed to retaliate after an air strike destroyed its consulate": a clause of time or cause
                # told in the past is what happened; the vow or would of the clause it hangs on is not its own
                below = set(found)
            hf = forms(head)
            hl = head.lemma_.lower()
            if dep == "prep" and cur.lower_ in ("of", "for", "with") and (
                    hl in self.accuse or accusing(cur, self.accuse) is not None):
                # "Poland accused Belarus of shelling": the accuser reports the deed ("were accused by Baku of
                # firing": the parser hangs the "of" on the accuser)
                head = accusing(cur, self.accuse) or head
                found.add("reported")
                if sayer is None:  # the accuser; "Belarus was accused of" names none, or a "by"
                    sayer = next((c for c in head.children if c.dep_ == "nsubj" and c.lower_ not in
                                  ("that", "which", "who")), None) or next(
                        (g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
                own = False
            elif dep in ("ccomp", "parataxis") and hf & self.say_or_deny:
                found.add("negated" if hf & self.deny else "reported")
                if would and steps == 1 and head.tag_ == "VBD" and not conditional:
                    backshift = True
                if sayer is None:
                    sayer = _subject(head)
                own = False
            elif dep == "dobj" and cur is not trigger and hl in self.block and forms(cur) & (
                    self.future_noun | self.hypo_noun):
                found.add("negated")  # "blocked an attempt to impose sanctions"
            elif dep == "dobj" and cur is trigger and trigger.pos_ == "NOUN" and hl in self.plan:
                found.add("future")  # "plotting attacks on Serbs", "planning an offensive": not yet done
            elif (dep == "dobj" and cur is trigger and trigger.pos_ == "NOUN" and head.pos_ == "VERB"
                  and hl in self.hypo and hl not in _CARRY_ON):
                found.add("hypothetical")  # "urged attacks on soldiers", "wants sanctions": asked, not done
            elif (dep == "dobj" and cur is trigger and trigger.pos_ == "NOUN" and hl in self.favour
                  and head.tag_ in ("VBZ", "VBP", "VBG")):
                found.add("hypothetical")  # "backing mass deportation", "favours the expulsion of migrants"
            elif dep == "dobj" and cur is trigger and trigger.pos_ == "NOUN" and (
                    hl in ("reject", "refuse", "decline", "forgo") or (hl == "rule" and any(
                        c.dep_ == "prt" and c.lower_ == "out" for c in head.children))):
                found.add("negated")  # "ruled out negotiations", "rejected talks": no talks held
            elif dep == "dobj" and cur is trigger and trigger.pos_ == "NOUN" and hl in self.accuse and hl != "charge":
                found.add("reported")  # "Hamas blamed an Israeli air strike": the deed is the accuser's telling
                if sayer is None:
                    sayer = _subject(head)
            elif dep == "dobj" and cur is trigger and hl == "deny":  # "Moscow denied the attack"
                found.add("negated")
                if sayer is None:
                    sayer = _subject(head)
            elif dep == "ccomp" and hf & self.hypo:
                found.add("hypothetical")
                own = False
            elif dep in ("xcomp", "advcl") and hl in self.hold_back and own and any(negation(c) for c in head.children):
                own = False  # "would not hesitate to order strikes": the deed is meant, the holding back denied
            elif dep in ("xcomp", "advcl") and hl in self.hold_back and own:
                found.add("hypothetical")  # "hesitated to strike": not done
            elif dep == "xcomp":
                if hf & self.neggov:
                    found.add("negated")
                elif hf & self.hypo:
                    found.add("hypothetical")
                elif hf & self.future or hl == "about":  # "is about to invade"
                    found.add("future")
                elif (head.pos_ == "ADJ" and hl in self.hypo_adj) or (hl == "be" and any(
                        c.dep_ == "acomp" and c.lemma_.lower() in self.hypo_adj for c in head.children)):
                    found.add("hypothetical")  # "it was wrong to impose", "it is time to act"
                elif hl == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and not any(
                        c.dep_ in ("acomp", "attr", "expl") for c in head.children):
                    found.add("future")  # "troops are to be deployed", "the works are to be stopped"
            elif dep == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in self.future:
                found.add("future")  # "preparing for an invasion"
            elif (dep == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB"
                  and head.head.lemma_.lower() in self.hypo and cur.pos_ == "NOUN"):
                found.add("hypothetical")  # "called for a ceasefire and the withdrawal of Russian forces": asked for
            elif (dep == "pobj" and head.lower_ in ("in", "with") and head.head.lemma_.lower() in self.partake
                  and _denied_part(head.head)):
                found.add("negated")  # "we are not involved in strikes against Iran": no part in the deed
                own = False
            elif (dep == "pobj" and cur is trigger and head.lower_ == "to" and head.head.pos_ == "VERB"
                  and head.head.lemma_.lower() in self.hypo and head.head.lemma_.lower() not in _CARRY_ON):
                found.add("hypothetical")  # "wanting to outright ban such imports": the parser's noun "ban" is wanted
            elif dep == "pcomp" and head.dep_ == "prep" and (
                    head.lower_ in _INSTEAD or (head.lower_ in ("of", "than") and (
                        head.head.lower_ in _INSTEAD or any(c.lower_ in _INSTEAD for c in head.children)))
                    or (head.lower_ == "from" and forms(head.head) & self.keep_from)):
                found.add("negated")  # "refrained from expelling", "instead of bombing"
                own = False
            elif dep in ("acl", "relcl", "prep", "pobj", "compound", "ccomp", "appos") and head.pos_ in ("NOUN", "PROPN"):
                if hf & self.deny_noun and dep in ("acl", "ccomp", "relcl"):
                    found.add("negated")  # "Syria's denial that it was involved"
                    if sayer is None:
                        sayer = next((c for c in head.children if c.dep_ == "poss"), None)
                    own = False
                elif hl in self.claims and dep in ("acl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
                    # "claims that its forces shelled villages": what a claim says is reported; a claim
                    # denied ("rejected claims that ...") is a denial
                    found.add("reported")
                    if sayer is None:
                        sayer = next((c for c in head.children if c.dep_ == "poss"), None)
                    if head.dep_ in ("dobj", "pobj") and forms(head.head) & self.deny:
                        found.add("negated")
                    if sayer is None and head.dep_ == "dobj":
                        sayer = _subject(head.head)  # "Delhi repeated claims that ..."
                    own = False
                elif dep == "acl" and hf & self.neggov_noun and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                    found.add("negated")  # "Hungary's refusal to send weapons": not sent
                    own = False
                elif hf & self.future_noun:
                    found.add("future")
                elif hf & self.hypo_noun:
                    found.add("hypothetical")
            elif dep == "ccomp" and hl == "be":
                # "the presumption is that these will attack": the subject of the copula frames it
                subj = _subject(head)
                if subj is not None and forms(subj) & self.hypo_noun:
                    found.add("hypothetical")
                elif subj is not None and forms(subj) & self.future_noun:
                    found.add("future")
                own = False
            elif dep == "ccomp":
                own = False
            if dep not in ("xcomp", "conj", "aux", "acomp"):
                own = False
            s = self._local(head, found, own, came_from=cur)
            sayer = sayer or s
            cur = head
        if backshift:
            found.discard("hypothetical")
            found.add("future")
        if below is not None:
            found = below | (found & {"reported"})
        if _polar_question(trigger):
            found.add("hypothetical")  # "Will Russia invade again?": asked, not told ("Why did X close ...?" tells it)
        best = min(found | {"asserted"}, key=lambda m: _RANK.get(m, _CUE_RANK))
        return ModalityResult(best, sayer if best != "asserted" else None, frozenset(found))


def _told_past(verb: Token) -> bool:
    """A clause of time or cause in a past tense of its own ("after rebels attacked", "because they had fired")."""
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_OR_CAUSE_MARKS for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in aux):
        return False
    # "would withdraw as soon as a force had been sent": a past perfect after a would is what is supposed
    return verb.tag_ == "VBD" or any(c.lower_ in ("has", "have", "was", "were") for c in aux)


def _denied_part(word) -> bool:
    """Whether "involved", "engaged" or "participate" is negated, on itself or on its copula ("are not involved")."""
    verb = word.head if word.dep_ == "acomp" else word
    return any(c.dep_ == "neg" for c in (*word.children, *verb.children))
