"""Derived events: what a statement about an event is, besides the event itself.

"The rebels said they will free the hostages" is a promise (CAMEO's intent codes, 03x);
"Hungary says it will not accept refugees" a refusal (12x); "the rebels claimed they had
attacked the base" an admission (015). Each is coded beside the event it speaks of, from the
tables ``data/intent.tsv`` and ``data/refusal.tsv``.
"""
from __future__ import annotations

from ..model import Actor
from ..ontology import intent_of, refusal_of
from .match import Match
from .modality import ModalityResult
from .patterns import Lexicon
from .syntax import lemma, will_not


class Derived:
    def __init__(self, codes, lex: Lexicon) -> None:
        self.codes = codes
        self.claim_own = lex.words("@CLAIM_OWN")
        self.plans = lex.words("@FUTURE_NOUN")  # "the decision to release": a plan, not a purpose
        self.not_intent = lex.words("@NOT_INTENT")
        self.say = lex.words("@SAY")
        self.decline_to = lex.words("@DECLINE_TO")
        # verbs that code a threat with no object at all ("warned that ..."): what they report is the threat
        self.threat_verbs = frozenset(v for v, ps in lex.verbs.items()
                                      if any(p.code and p.code[:2] == "13" and p.specificity == 0 for p in ps))

    def _stated(self, m: Match, mod: ModalityResult) -> bool:
        """Whether the future is the actor's own intent: not a permission ("was allowed to leave after an
        intervention"), an expectation ("is expected to") or a preparation ("is preparing to strike"); not a
        participle that only says who someone is ("protesting teachers"); not someone's plan that another
        party's clause speaks of ("Haley attacked Trump's proposal to ban ...": Haley states no intent, and
        the sentence does not say Trump stated one)."""
        cur = m.anchor
        if cur.dep_ in ("amod", "compound", "nmod"):
            return False
        for _ in range(6):
            if cur.dep_ == "ROOT" or cur.head is cur:
                return True
            prev, cur = cur, cur.head
            if lemma(cur) in self.not_intent:
                return False
            if lemma(cur) in self.say or mod.sayer is not None and cur is mod.sayer.head:
                return True
            if prev.pos_ == "VERB" and cur.pos_ == "NOUN" and prev.dep_ == "acl" and _others_plan(cur):
                return False
        return True

    def variants(self, m: Match, code, mod: ModalityResult, sources: list[Actor], sayer: Actor | None,
                 governed: bool = False) -> list[tuple[object, str, str]]:
        """(code, modality, rule) of the event itself, then of what the statement about it is.
        ``governed``: a pattern of the verb above already codes the statement ("vowed to fight": 138)."""
        out = [(code, mod.modality, m.pattern.rule)]
        if governed:
            return out
        # (or one of the same kind the sentence names no country of: "Governor Brown said the governor was unwilling")
        own = bool(sources) and (sayer is None or any(a is sayer or (a.country and a.country == sayer.country)
                                                      or (not a.country and not sayer.country and a.code and a.code == sayer.code)
                                                      for a in sources) or _organ_of(sayer, sources))
        purpose = (m.anchor.dep_ in ("advcl", "relcl", "acl")
                   and any(c.dep_ == "aux" and c.lower_ == "to" for c in m.anchor.children)
                   and not lemma(m.anchor.head) in self.plans)
        # "warned that police will no longer tolerate rallies": the warning is the event; the
        # promise or refusal inside it is no statement of its own
        own = own and not (mod.sayer is not None and lemma(mod.sayer.head) in self.threat_verbs)
        # "Hungary will veto the sanctions if ...": a condition on one's own future deed leaves it a threat
        future = mod.modality == "future" or (mod.modality == "hypothetical" and {"future", "conditional"} <= mod.found)
        intent = intent_of(code.code)
        if intent and code.root == "16" and "conditional" not in mod.found:
            # "Russia will expel 60 diplomats": an announced decision is the future deed, not a threat;
            # a threat makes the deed hang on a condition ("will veto the sanctions if ...") or is
            # said as one ("warned that police will disperse rallies", the verb above codes it)
            intent = None
        if own and future and intent and not purpose and self._stated(m, mod):
            # "the rebels said they will free the hostages": the promise is the event CAMEO codes,
            # and the rebels saying it of themselves is no hearsay; "troops will be deployed to
            # repel attacks" states a purpose, not a promise
            said = mod.without({"future", "hypothetical", "conditional"})
            out.append((self.codes[intent], "asserted" if said == "reported" else said,
                        f"announced: {m.pattern.rule}"))
        elif own and mod.modality == "negated" and (will_not(m.anchor) or self._declined(m.anchor)) and refusal_of(
                code.code):
            # "Hungary says it will not accept refugees": the refusal is the event
            said = mod.without({"negated", "future", "hypothetical"})
            out.append((self.codes[refusal_of(code.code)], "asserted" if said == "reported" else said,
                        f"refused: {m.pattern.rule}"))
        if (mod.modality == "reported" and sayer is not None and mod.sayer is not None
                and lemma(mod.sayer.head) in self.claim_own and code.root >= "14"
                and any(a is sayer or (a.code and a.code == sayer.code) for a in sources)):
            # "the rebels claimed they had attacked the base": owning up is the event
            out.append((self.codes["015"], "asserted", f"claimed: {m.pattern.rule}"))
        return out


    def _declined(self, tok) -> bool:
        """"declined to commit troops", "was unwilling to send", "is not prepared to accept": the act refused."""
        head = tok.head
        if tok.dep_ != "xcomp" or lemma(head) not in self.decline_to:
            return False
        if lemma(head) in ("willing", "prepared", "ready"):
            verb = head.head if head.dep_ == "acomp" else head
            return any(c.dep_ == "neg" for c in (*head.children, *verb.children))
        return True


def _others_plan(noun) -> bool:
    """"attacked Trump's proposal": a plan whose owner is not the subject of the clause that holds it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or noun.dep_ not in ("dobj", "pobj", "nsubj", "attr"):
        return False
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ not in ("it", "its") and subj.text != owner.text and owner.lower_ not in (
        "his", "her", "their", "its", "our", "my")


# the organs that speak for a state: "Pakistan will respond with full force, the army chief said"
_STATE_ORGANS = (None, "GOV", "MIL")


def _organ_of(sayer: Actor, sources: list[Actor]) -> bool:
    """A speaker named only by office ("the army chief", "the foreign ministry") who speaks of a state's own deed:
    the state's organ, so the deed is the state's own word."""
    return (not sayer.country and bool(sayer.sector) and sayer.sector in _STATE_ORGANS
            and any(a.country and a.sector in _STATE_ORGANS for a in sources))
