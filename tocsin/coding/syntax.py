"""Small reads of the dependency parse that the matching and role stages share."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..nlp import text_of

VERB_OBJ = ("dobj", "obj")
RELATIVE = {"that", "which", "who", "whom"}
_BASED = {"base", "locate", "station", "headquarter", "deploy"}
_WILL_CAN = {"will", "wo", "'ll", "shall", "can", "ca", "could", "would"}


def trigger_token(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The token an event's character ``span`` (its trigger) starts in."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found[0] if found is not None and len(found) else None


def actor_token(actor, sent, trig: Token) -> Token | None:
    """The token of ``sent`` that an actor's text starts or ends at, nearest the trigger."""
    text = actor.text.strip()
    if not text:
        return None
    best, dist = None, 10 ** 6
    whole = text_of(sent.doc)
    for tok in sent:
        if tok.text == text or (tok.idx + len(text) <= len(whole)
                                and whole[tok.idx:tok.idx + len(text)] == text):
            d = abs(tok.i - trig.i)
            if d < dist:
                best, dist = tok, d
    return best


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def resultative_objects(verb: Token) -> list[Token]:
    """"Gunmen shot dead the ambassador": the parser hangs the object under "dead", not the verb."""
    return [g for c in verb.children if c.lower_ == "dead" and c.dep_ in ("ccomp", "xcomp", "oprd", "advmod", "acomp")
            for g in c.children if g.dep_ in VERB_OBJ]


# "Ethiopia let free 74 leaders": the parser makes "free" a clause of its own under "let"
_CAUSATIVE = {"let"}


def _documents() -> frozenset[str]:
    from .patterns import lexicon  # the lexicon imports nothing of the parse helpers
    return lexicon().words("@DOCUMENT")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    from .patterns import lexicon
    return lexicon().words("@PLACE") | {"capital", "capitals"}


def terms_clauses(tokens) -> list[Token]:
    """The relative clauses of terms among ``tokens`` ("a ceasefire under which their forces would disarm", "a deal
    by which ..."): what a thing provides, which names no one it belongs to and no party to the deed around it."""
    return [t for t in tokens if t.dep_ == "relcl" and any(
        c.dep_ == "prep" and c.i < t.i and any(g.lower_ in ("which", "whom") for g in c.children) for c in t.children)]


def who_head(head: Token, rel: Token) -> Token:
    """The noun a "who" clause is about: "thousands of protesters in the capital, Nairobi, who were demanding":
    a place the parser hangs the clause on is where the people are, not who does it."""
    if rel.lower_ not in ("who", "whom"):
        return head
    h = head
    for _ in range(4):
        if not (h.ent_type_ in ("GPE", "LOC", "FAC") or h.lower_ in _place_nouns()):
            break
        if h.dep_ == "appos":
            h = h.head
        elif h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
            h = h.head.head
        else:
            return head
    return h


def _carry_out() -> frozenset[str]:
    from .patterns import lexicon
    return lexicon().words("@CARRY_OUT")


def _opposing() -> frozenset[str]:
    from .patterns import lexicon
    return lexicon().words("@OPPOSE_DOCUMENT")


_ACCUSED_OF = ("of", "for", "with")

_AROUND = frozenset({"amid", "despite", "during", "amidst"})
# verbs whose subject, not their object, does what their infinitive says ("promised Kyiv to send")
_SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "offer", "agree"}


def accused(verb: Token) -> Token | None:
    """Whom "accuse X of", "blame X for", "charge X with" name: the object, or a passive's subject."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)


def accusation(prep: Token, accuse: frozenset[str]) -> bool:
    """Whether ``prep`` is the "of" of "accused X of Y" (or "blamed X for", "charged X with")."""
    return accusing(prep, accuse) is not None


def accusing(prep: Token, accuse: frozenset[str]) -> Token | None:
    """The verb of accusing whose "of" ``prep`` is: "accused X of Y", or the parser's "were accused by
    Baku of firing", where the "of" hangs on the accuser."""
    if prep.dep_ != "prep" or prep.lower_ not in _ACCUSED_OF:
        return None
    head = prep.head
    if lemma(head) in accuse:
        return head
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and lemma(head.head.head) in accuse:
        return head.head.head
    return None


def for_to(children) -> list[Token]:
    """The "for" of a for-to clause among a verb's children ("called for the embargo to be lifted",
    "pushed for Kyiv to join"): the parser makes it the mark of the clause, not a preposition."""
    return [g for c in children if c.dep_ in ("advcl", "ccomp", "xcomp") for g in c.children
            if g.dep_ == "mark" and g.lower_ == "for" and g.i < c.i
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]


def counted_fragment(verb: Token) -> Token | None:
    """"1 officer killed.", "Five soldiers wounded": a note's or headline's passive without "were",
    whose counted subject underwent the deed; its subject, else None. A past form with no auxiliary
    and no object in a fragment of its own, under a subject that is a count of people."""
    # passive() asks this of every verb it sees: the cheap reads first, the sentence's length last
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "ROOT":
        return None
    from .patterns import lexicon  # the lexicon imports nothing of syntax; loaded once

    if lemma(verb) not in lexicon().words("@COUNTED_PATIENT"):
        return None  # "two gunmen attacked": an active deed with its object left out
    if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "prt", "dative") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in subj.children):
        return None
    return subj if len(verb.sent) <= 12 else None


def passive(verb: Token) -> bool:
    """A passive of its own, or the second of two passives sharing "was" ("was impeached and removed")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or counted_fragment(verb) is not None:
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) and passive(verb.head))


def patients(verb: Token) -> list[Token]:
    """Who undergoes a passive: its own subject, or the subject a raising or control predicate
    took for it ("the sanctions are expected to be lifted", "the ban is likely to be lifted"),
    or that of the passive it is conjoined to ("was impeached and removed from office")."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"] or [
        c for c in (counted_fragment(verb),) if c is not None]
    if own:
        # "Kim, who was sentenced to 30 years": the relative pronoun is the noun it hangs on
        return [who_head(verb.head, c) if c.lower_ in RELATIVE and verb.dep_ == "relcl" else c for c in own]
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return patients(verb.head) if verb.dep_ == "conj" and passive(verb) else []
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acomp"):
            break
        cur = cur.head
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
    return []


def subject_token(verb: Token, accuse: frozenset[str] = frozenset(),
                  parties: frozenset[str] = frozenset()) -> Token | None:
    """Who does what ``verb`` says: its subject, or the agent of a passive, or whoever a
    relative clause, participle or open complement hangs on; in "accused X of shelling" (the
    verbs ``accuse``), X; in "ordered the military to capture", the object, when it can act
    (a name, a pronoun, or one of the nouns ``parties``)."""
    cur, steps = verb, 0
    via_xcomp = False
    while steps < 6:
        steps += 1
        if via_xcomp:
            # "border guards were seen escorting migrants", "troops were ordered to withdraw": the one a passive
            # says it of does the complement (not who ordered or saw it)
            held = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
            if held is not None:
                return held
        via_xcomp = cur.dep_ == "xcomp"
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in RELATIVE and cur.dep_ == "relcl":
                    return who_head(cur.head, c)
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if cur.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in cur.children):
            return cur.head
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            if lemma(cur.head) in _documents() and cur.head.dep_ in VERB_OBJ:
                if lemma(cur.head.head) in _opposing():
                    return None  # "vetoed a resolution calling for a ceasefire": the paper's words, not the vetoer's
                # "approved a resolution criticizing X": who issued the paper says what it says
                cur = cur.head.head
                continue
            return cur.head  # "rail lines carrying troops": the noun does it
        if cur.dep_ == "acl" and cur.tag_ in ("VBD", "VBZ", "VBP") and not passive(cur):
            return cur.head  # "youths resorted to ...": a finite verb the parser hung on its subject
        if cur.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            # "Trump's decision to recognise", "an attempt by Hungary to veto": the noun's owner acts
            owner = next((c for c in cur.head.children if c.dep_ == "poss"), None) or next(
                (g for c in cur.head.children if c.dep_ == "prep" and c.lower_ == "by"
                 for g in c.children if g.dep_ == "pobj"), None)
            noun = cur.head
            if (owner is None and noun.dep_ in VERB_OBJ and noun.head.pos_ == "VERB"
                    and lemma(noun.head) in _carry_out()):
                # "Georgia launched an offensive to retake the region": who carries the deed out aims it
                cur = noun.head
                continue
            return owner
        if cur.dep_ == "xcomp" and lemma(cur.head) not in _SUBJECT_CONTROL:
            # "ordered the military to capture", "urged Iran to release": the object does it
            obj = next((c for c in cur.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.i < cur.i and (
                    obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
                    or lemma(obj) in parties or obj.lower_ in parties):
                return obj
        if cur.dep_ == "ROOT" and not any(c.dep_ in ("nsubjpass", "expl", "csubjpass") for c in cur.children):
            return _stranded_subject(cur)
        if cur.dep_ == "conj" and passive(cur.head) and not passive(cur):
            # "the prime minister has been indicted by the court and will resign": the one indicted resigns
            got = next((c for c in cur.head.children if c.dep_ == "nsubjpass"), None)
            if got is not None:
                return got
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") or (cur.dep_ == "ccomp" and (
                cur.lemma_ == "be" or lemma(cur.head) in _CAUSATIVE)) or (
                # "Hungary accuses Ukraine ..., deploys soldiers": a headline's second finite verb, which
                # the parser leaves unattached, shares the first one's subject
                cur.dep_ == "dep" and cur.tag_ in ("VBZ", "VBD", "VBP") and cur.head.pos_ == "VERB"):
            if (cur.dep_ == "pcomp" and cur.head.lower_ in _AROUND and cur.tag_ == "VBG"
                    and not any(c.dep_ in VERB_OBJ for c in cur.children)):
                return None  # "recalled its envoy amid fighting in the West Bank": a bare gerund names what went
                # on around, not a deed of the subject's ("after meeting Macron" is the subject's own)
            cur = cur.head
            if cur.dep_ == "prep":
                verb = accusing(cur, accuse)
                if verb is not None:
                    return accused(verb)
                cur = cur.head
            continue
        return None
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """"With the signing of a memorandum, the government and the rebels have agreed": a main verb
    with no subject whose noun phrase right before it the parser hung inside a preceding phrase."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].dep_ in ("aux", "neg", "advmod") and verb.doc[i].head.i == verb.i:
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("conj", "pobj", "appos") or tok.head.i > verb.i:
        return None
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > verb.sent.start:
        first = tok.head
        if not any(c.dep_ == "cc" for c in first.children) and first.dep_ != "conj":
            # "a Memorandum ..., the Sudanese government and SPLM/A": the list starts after the comma
            break
        tok = first
    return tok


def expand(tok: Token) -> list[Token]:
    """A head and the heads conjoined with it ("Belarus and Russia"); two titles of one named person
    ("the Foreign Minister and deputy prime minister Sergei Lavrov") are that one person."""
    conj = [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN", "ADJ")]
    if len(conj) == 1 and (title := shared_title(conj[0])) is not None and title.i == tok.i:
        return conj
    return [tok] + conj


def _person_named(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children)


def shared_title(tok: Token) -> Token | None:
    """"Russian Foreign Minister and deputy prime minister Sergei Lavrov": for the named conjunct, the
    title with no name of its own it is conjoined to (whose country the name may lack)."""
    head = tok.head
    if (tok.dep_ != "conj" or head.i >= tok.i or not _person_named(tok) or head.pos_ not in ("NOUN", "PROPN")
            or head.ent_type_ == "PERSON" or head.tag_ in ("NNS", "NNPS")
            or any(c.dep_ in ("det", "poss") or (c.ent_type_ == "PERSON" and c.dep_ != "conj") for c in head.children)
            or any(c.dep_ == "conj" and c.i != tok.i for c in head.children)):
        return None
    # the name must follow the second title at once: "the minister and Sergei Lavrov" are two
    titles = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.ent_type_ != "PERSON"]
    return head if titles else None


def noun_phrase(head: Token, depth: int = 0):
    """A noun, its modifiers and its own "of/in/near" objects, without the clauses hanging on it."""
    yield head
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod", "appos", "poss"):
            yield c
        elif c.dep_ == "prep" and c.lower_ in ("of", "in", "near", "outside") and depth < 2:
            for g in c.children:
                if g.dep_ == "pobj":
                    yield from noun_phrase(g, depth + 1)
        elif c.dep_ == "acl" and c.lemma_ in _BASED and depth < 2:
            # "a group based in Trinidad", "troops stationed in Poland"
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "near", "at"):
                    for g in p.children:
                        if g.dep_ == "pobj":
                            yield from noun_phrase(g, depth + 1)


def negation(c: Token) -> bool:
    """Whether the child ``c`` negates its head: "not", "never", and "no longer"/"no more",
    where the parser hangs the "no" on "longer" rather than on the verb."""
    if c.dep_ == "neg":
        return True
    return c.dep_ == "advmod" and (c.lower_ == "never" or (
        c.lower_ in ("longer", "more") and any(g.dep_ == "neg" and g.lower_ == "no" for g in c.children)))


def will_not(tok: Token) -> bool:
    """"will not lift", "cannot accept", "won't release": the refusal is the predicate's own."""
    kids = list(tok.children)
    return (any(negation(c) for c in kids)
            and any(c.dep_ == "aux" and c.lower_ in _WILL_CAN for c in kids))


def depth(tok: Token, limit: int = 8) -> int:
    """Steps from ``tok`` up to its sentence's root, at most ``limit``."""
    n, cur = 0, tok
    while cur.dep_ != "ROOT" and cur.head is not cur and n < limit:
        n += 1
        cur = cur.head
    return n


# words that name no one of their own: a pronoun or a determiner is whoever the text named before
_NO_NAME = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
                      "our", "my", "your", "himself", "herself", "itself", "themselves", "who", "whom", "which",
                      "that", "this", "these", "those", "the", "a", "an", "both", "all", "each", "other", "own",
                      "what", "whatever", "whoever", "everyone", "everybody", "anyone", "anybody", "someone",
                      "somebody", "one", "ones", "itself", "themselves", "yourself", "ourselves", "myself", "me"})


def two_parties(a, b, places: frozenset[str] = frozenset()) -> bool:
    """Whether two actors of one code are two parties of a state's own politics ("the Republican governors
    backed the president's move", "officials accused the army"), not one party twice: neither is a pronoun,
    they share no name, and one of them is named by what it is (a lower-case noun such as "governors" or
    "the army"), not only by a proper name (two proper names of one code are often a party and its venue,
    "Blair ... at Downing Street"); nor is a place the text names (``places``): "the delegations met in
    Caracas" names a venue."""
    wa = [w.strip(".,'\u2019\"") for w in a.text.split()]
    wb = [w.strip(".,'\u2019\"") for w in b.text.split()]
    la = {w.lower() for w in wa if w}
    lb = {w.lower() for w in wb if w}
    if not la - _NO_NAME or not lb - _NO_NAME or la == lb:
        return False
    if a.text.strip() in places or b.text.strip() in places:
        return False
    if {w for w in wa if w[:1].isupper()} & {w for w in wb if w[:1].isupper()}:
        return False  # "President Trump" and "Trump"
    if la & lb - _NO_NAME:
        return False  # "the minister" and "the foreign minister": one office named twice
    if getattr(a, "sector", None) == getattr(b, "sector", None) == "PTY":
        return True  # "the Conservatives accused Labour": two parties by their names
    def common(ws):
        return any(w[:1].islower() and w.isalpha() and w.lower() not in _NO_NAME for w in ws)
    return common(wa) or common(wb)
