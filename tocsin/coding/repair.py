"""Mends in the dependency parse that every later read of it relies on.

The small English model hangs a second finite verb on the nearest verb before it even when that
verb sits inside a content clause: in "Baku denied that its troops had opened fire and accused
Yerevan of provocation" it makes "accused" a conjunct of "opened", so the accusation is read
inside the denial and its doer becomes "its troops". The tense says where it belongs: a past
"accused" cannot share the "had" of "had opened", but matches the "denied" above the clause.

A bare infinitive joined to a verb above a "to" infinitive ("admitted having plotted to kill a guard and
then attack a station") is the infinitive's conjunct: the attack is plotted too.

An absolute "with" whose subject owns the object of a verb of force ("broke the ceasefire with rebels
bombing their positions") is read as the clause's own deed, done to that subject's positions.

It also makes a "to" infinitive an adverbial clause when a phrase stands between it and a verb of
commitment or intent: in "the commander vowed on Sunday to fight the army" the fight is the vow's
content (an open complement, as in "vowed to fight"), not a purpose, and so it is still to come.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

_FINITE = ("VBD", "VBZ", "VBP")
# what a finite conjunct's own clause would carry; with one of these it is the clause's own verb
_OWN = ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
# verbs whose "to" infinitive is what they commit to or aim at ("vowed on Sunday to fight")
_CONTROL = {"vow", "pledge", "promise", "threaten", "swear", "offer", "agree", "decide", "refuse", "plan",
            "intend", "want", "seek", "try", "attempt", "hope", "aim", "resolve", "undertake", "commit"}


def _governor(verb: Token) -> Token | None:
    """The verb a misattached finite conjunct ``verb`` belongs to, or None if it is where it should be."""
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or any(c.dep_ in _OWN for c in verb.children):
        return None
    head = verb.head
    if head.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        # "called for the bill to be withdrawn and urged his supporters", "threatened to attack the town and
        # seized two villages": a finite verb cannot share a "to" infinitive; it joins the finite verb above
        up = head.head
        if up.tag_ == "VBG" and up.dep_ == "pcomp" and up.head.dep_ == "prep" and up.head.head.pos_ == "VERB":
            # "accused Washington of trying to stage a coup and expelled diplomats": past the charge's gerund
            up = up.head.head
        if up.lemma_ == "be" and up.dep_ == "ccomp" and up.tag_ == verb.tag_ and up.i < head.i:
            # "said China was partly to blame and called for talks": a clause that only says how a party
            # stands is the speaker's report, not its act
            up = up.head
        return up if up.pos_ == "VERB" and up.tag_ == verb.tag_ and up.i < head.i else None
    if (head.dep_ in ("relcl", "acl") and verb.tag_ == "VBD" and head.tag_ == "VBN" and head.i < verb.i
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)):
        # "said there was no evidence the attacks had come from Yemen and blamed Iran": a past perfect inside a
        # noun's clause cannot be continued by a simple past; the sentence's own verb of that tense can
        return next((a for a in head.ancestors if a.pos_ == "VERB" and a.tag_ == verb.tag_ and a.lemma_ != "be"
                     and a.i < head.i), None)
    if head.pos_ not in ("VERB", "AUX") or head.dep_ != "ccomp" or head.i > verb.i:
        return None
    if (any(c.dep_ == "auxpass" and c.tag_ == verb.tag_ for c in head.children)
            and not any(c.dep_ == "aux" for c in head.children) and any(c.dep_ in ("dobj", "obj") for c in verb.children)):
        # "said the missiles were launched from Iran and targeted two bases": a simple past passive is the clause's
        # past; an active past joined to it, with an object of its own, goes on telling what its subject did
        return None
    if head.tag_ == verb.tag_ and not _thing_described(head, verb) and not _thing_said(head, verb):
        return None  # "said rebels attacked the convoy and killed five": one clause, one tense
    gov = head.head
    if gov.pos_ != "VERB" or gov.tag_ != verb.tag_ or gov.i > head.i:
        return None
    return gov


def _thing_described(head: Token, verb: Token) -> bool:
    """"insisted the deal was fair and rejected the offer": a clause that only says what a thing is (a copula
    and its complement, a subject that is no party) cannot share its subject with a verb that acts on an object;
    the speaker above it does that."""
    if head.lemma_ != "be" or not any(c.dep_ in ("acomp", "attr") for c in head.children):
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return _no_party(subj) and verb.lemma_.lower() not in _FORCE


def _thing_said(head: Token, verb: Token) -> bool:
    """"said the textbooks glorified the past and demanded that Tokyo correct them": a thing cannot demand,
    urge or say; a verb of saying or asking after a clause whose subject is no party is the speaker's."""
    if verb.lemma_.lower() not in _lex_words("@SAY") | _lex_words("@DENY") | _ASKING:
        return False
    return _no_party(next((c for c in head.children if c.dep_ == "nsubj"), None))


def _no_party(subj: Token | None) -> bool:
    """Whether a clause's subject is a thing that cannot act: no name, no party noun, no deed or weapon."""
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    # a party can act itself; a deed, a weapon or a storm can do harm ("the attack was brutal and killed five")
    doers = _lex_words("@ACTORN") | _lex_words("@ATTACK") | _lex_words("@WEAPON") | _lex_words("@NATURAL") | _sector_words()
    return subj.lemma_.lower() not in doers and subj.lower_ not in doers


def _complement(verb: Token) -> bool:
    """"vowed on Sunday to fight": a "to" infinitive with no subject of its own, after a phrase that
    follows a verb of commitment with no complement of its own."""
    head = verb.head
    if head.lemma_.lower() not in _CONTROL or head.i > verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False  # "in order to", "so as to", a subject of its own: a purpose
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in head.children):
        return False
    between = [t for t in head.doc[head.i + 1:verb.i] if t.head.i == head.i]
    return bool(between) and all(t.dep_ in ("prep", "npadvmod", "advmod", "punct") for t in between)


def _infinitive_host(verb: Token) -> Token | None:
    """"plotted to execute an employee and then attack a station": a bare infinitive the parser joined to a
    finite or participle verb above a "to" infinitive belongs with that infinitive (a bare form cannot share
    the tense of "plotted"); the nearest such infinitive between them, or None."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or any(c.dep_ in _OWN for c in verb.children):
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.tag_ == "VB" or head.i > verb.i:
        return None
    for t in reversed(head.doc[head.i + 1:verb.i]):
        if t.tag_ == "VB" and t.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            if any(a.i == head.i for a in t.ancestors):
                return t
            return None
    return None


# verbs of asking that only a party can do ("demanded that Tokyo correct them")
_ASKING = {"demand", "urge", "call", "ask", "appeal", "request", "press", "implore"}
# verbs that give their object a name or a quality ("called the junta illegitimate")
_NAMING = {"call", "brand", "label", "deem", "declare", "term", "dub", "consider", "find", "judge"}

# verbs of force: no one bombs or attacks their own positions
_FORCE = {"bomb", "shell", "attack", "strike", "target", "shoot", "raid", "hit", "pound", "storm", "overrun", "ambush",
          "besiege", "bombard", "kill"}


def _owner_not_doer(verb: Token) -> bool:
    """"broke a ceasefire with rebels bombing their positions": the parser reads an absolute "with" whose
    subject owns the object of a verb of force; no one bombs their own positions, so the noun is whose the
    positions are and the deed is the clause's above (the one who broke the ceasefire bombed them)."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.lemma_.lower() not in _FORCE or verb.head.lower_ != "with":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "NNS":
        return False
    return any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ == "their" for g in c.children)
               for c in verb.children)


def _hyphen_name(part: Token) -> Token | None:
    """"US-led forces attacked": the name before a hyphenated participle that the parser hung elsewhere (at the
    start of a sentence it made "US-" a sentence of its own); None when it hangs on the participle already."""
    i = part.i
    if i < 2 or part.dep_ != "amod" or part.lower_ not in _hyphen_participles():
        return None
    dash, name = part.doc[i - 1], part.doc[i - 2]
    if dash.text != "-" or dash.whitespace_ or name.whitespace_ or name.head.i == i:
        return None
    if name.pos_ not in ("PROPN", "ADJ", "NOUN") or any(c.i < name.i for c in name.children if c.dep_ != "det"):
        return None
    return name


def _hyphen_participles() -> frozenset[str]:
    from .patterns import lexicon  # the repair runs before any coder table is built
    return lexicon().words("@HYPHEN_PARTICIPLE")


def _denied_charge(verb: Token) -> Token | None:
    """"Ethiopia accused Eritrea of sending troops, a charge Asmara denied": the parser makes the denial the
    sentence's root and the accusation its complement, so the accusation reads as denied. A denial whose
    subject is a charge noun ("a charge", "an accusation") set off by a comma after a clause of saying or
    accusing is a relative clause on that noun; the clause of saying is the sentence. Returns that noun."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in _lex_words("@DENY"):
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if said is None or said.lemma_.lower() not in _lex_words("@SAY") | _lex_words("@ACCUSE_OF"):
        return None
    charges = _lex_words("@ACCUSATION")
    # the parser makes the charge the subject, the object ("a charge Kampala denies") or a compound of the
    # name after it ("an allegation Minsk denies")
    noun = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i < verb.i and c.lower_ in charges
                 and any(d.dep_ == "det" for d in c.children)), None)
    if noun is None:
        noun = next((d for c in verb.children if c.dep_ == "nsubj" and any(x.dep_ == "det" for x in c.children)
                     for d in c.children if d.dep_ == "compound" and d.lower_ in charges), None)
    if noun is None or said.i > noun.i or not any(t.text == "," for t in verb.doc[said.i:noun.i]):
        return None
    return noun


def _charged_deed(tok: Token) -> Token | None:
    """"accused the group of shelling the town, killing 20 civilians": a participle after a comma that the parser
    hangs on the verb of accusing belongs to the deed charged (the "of" clause before it)."""
    verb = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or verb.lemma_.lower() not in _lex_words("@ACCUSE_OF"):
        return None
    if any(c.dep_ == "mark" for c in tok.children) or tok.doc[tok.i - 1].text != ",":
        return None
    deed = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < tok.i
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    return deed


def _noun_read_subject(sent) -> None:
    """"Trump imposed tariffs on Mexico": the parser reads a name and a past verb as one noun phrase ("Trump" the
    root, "imposed" an adjective of "tariffs"). A sentence whose root is a name followed at once by a past form
    hung as an adjective on the root's object is that name doing the past verb."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or not root.text[:1].isupper() or root.i + 1 >= sent.end:
        return
    verb = root.doc[root.i + 1]
    obj = verb.head
    if (verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod" or obj.head.i != root.i
            or obj.dep_ not in ("dobj", "appos", "npadvmod", "dep") or obj.i <= verb.i):
        return
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    for c in list(root.children):
        if c.i > root.i and c.i != verb.i:
            c.head = verb
    obj.head, obj.dep_ = verb, "dobj"
    root.head, root.dep_, root.pos_ = verb, "nsubj", "PROPN"


def _verb_read_adjective(noun: Token) -> Token | None:
    """"South Korea returned fire and scrambled fighter jets": the parser reads the second verb as an adjective of a
    noun coordinated with the first verb's object. A past participle right after the "and" of such a noun, when the
    first verb is in the past, is a second past verb. Returns that verb."""
    obj = noun.head  # the first verb's object, or the first verb itself
    if noun.dep_ != "conj" or noun.pos_ != "NOUN" or not (
            obj.tag_ == "VBD" or (obj.dep_ == "dobj" and obj.head.tag_ == "VBD")):
        return None
    cc = next((c for c in obj.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < noun.i), None)
    if cc is None or cc.i + 1 >= noun.i:
        return None
    verb = noun.doc[cc.i + 1]
    if verb.head.i != noun.i or verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD"):
        return None
    return verb


def _compound_read_object(deed: Token) -> Token | None:
    """"Launch a ground offensive", "a border raid": a noun of deed the parser reads as a predicate right after the
    verb's object, which is only its modifier. Returns that object."""
    if deed.dep_ != "oprd" or deed.i == 0 or any(True for _ in deed.children):
        return None
    obj = deed.doc[deed.i - 1]
    if obj.dep_ != "dobj" or obj.head.i != deed.head.i or obj.pos_ != "NOUN":
        return None
    from .patterns import lexicon  # the repair runs before any coder table is built
    return obj if deed.lower_ in lexicon().nouns else None


def _stative(tok: Token) -> bool:
    """"it was alarmed by reports", "is concerned about": a participle of feeling is a state, not a passive."""
    return (tok.tag_ == "VBN" and tok.lower_ in _lex_words("@STATIVE")
            and any(c.dep_ == "auxpass" for c in tok.children)
            and any(c.dep_ in ("nsubjpass", "agent", "prep") for c in tok.children))


def _as_adjective(tok: Token) -> None:
    """Make the participle ``tok`` the adjective of its copula: the auxiliary takes its place in the tree and its
    subject; "by" becomes a plain preposition."""
    cop = next(c for c in tok.children if c.dep_ == "auxpass")
    if tok.dep_ == "ROOT" or tok.head.i == tok.i:
        cop.head, cop.dep_ = cop, "ROOT"
    else:
        cop.head, cop.dep_ = tok.head, tok.dep_
    for c in list(tok.children):
        if c.i == cop.i:
            continue
        if c.dep_ == "nsubjpass":
            c.head, c.dep_ = cop, "nsubj"
        elif c.dep_ in ("aux", "mark", "punct", "cc", "conj", "neg"):
            c.head = cop
        elif c.dep_ == "agent":
            c.dep_ = "prep"
    tok.head, tok.dep_, tok.pos_ = cop, "acomp", "ADJ"
    cop.pos_ = "AUX"


def _split_pair(tok: Token) -> bool:
    """"Colombia's government and ELN rebels signed": the parser makes the first party a modifier of the second
    and the second's own modifier a conjunct of the first, one party in all. Two parties' nouns joined by "and"
    are two parties."""
    head = tok.head
    if tok.dep_ != "nmod" or tok.pos_ != "NOUN" or head.i <= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    actors = _lex_words("@ACTORN")
    if tok.lemma_.lower() not in actors or head.lemma_.lower() not in actors:
        return False
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return False
    return any(c.dep_ == "conj" and tok.i < c.i < head.i for c in tok.children)


def _object_in_complement(verb: Token) -> Token | None:
    """"called the junta illegitimate": a noun the parser did not know it makes a modifier of the complement
    ("the junta illegitimate" as one phrase), leaving the verb no object; the noun is the object."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    comp = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.i > verb.i and c.pos_ in ("ADJ", "NOUN")
                 and any(d.dep_ == "det" and d.i < c.i for d in c.children)), None)
    if comp is None or comp.tag_ not in ("JJ", "NN"):
        return None
    return next((c for c in comp.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i == comp.i - 1
                 and c.lower_ in _lex_words("@ACTORN") | _sector_words()), None)


# what a speaker goes on to do in a participle after the clause he reports ("..., citing intelligence")
_SPEAKERS_OWN = frozenset({"cite", "add", "note", "say", "point", "refer", "quote", "insist", "warn", "urge", "vow"})
_SAYING = frozenset({"say", "tell", "announce", "state", "declare", "claim", "insist", "argue", "write", "report"})
_AUX_WORDS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do", "does",
                        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to"})
_DESCRIBING = frozenset({"describe", "characterise", "characterize", "portray", "identify"})


def _free_relative(named: Token) -> None:
    """"struck what it called terrorist camps in Pakistan": the parser makes the naming the verb's clause;
    what is struck is the thing named (the naming a clause on it), and where is the striking's."""
    verb = named.head
    what = next((c for c in named.children if c.dep_ == "dobj" and c.lower_ == "what" and c.i < named.i), None)
    thing = next((c for c in named.children if c.dep_ == "oprd" and c.pos_ == "NOUN" and c.i > named.i), None) or next(
        (g for c in named.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > named.i
         for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)  # "what it described as targets"
    if what is None or thing is None or verb.pos_ != "VERB" or verb.i > named.i or any(
            c.dep_ == "dobj" for c in verb.children):
        return
    for c in list(named.children):
        if c.dep_ == "prep" and c.i > thing.i:
            c.head = verb
    thing.head, thing.dep_ = verb, "dobj"
    named.head, named.dep_ = thing, "relcl"


def _free_relative_said(said: Token) -> None:
    """"air strikes on what it said was a militant camp in Pakistani territory", "struck what it said were
    rebel positions": the parser makes the saying the verb's or preposition's complement; what is struck is the
    thing said to be there (the saying a clause on it)."""
    verb = said.head
    be = next((c for c in said.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
    if be is None or verb.i > said.i:
        return
    what = next((c for c in be.children if c.dep_ == "nsubj" and c.lower_ == "what" and c.i < said.i), None)
    thing = next((c for c in be.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.i > be.i), None)
    if what is None or thing is None:
        return
    if said.dep_ == "pcomp":
        thing.head, thing.dep_ = verb, "pobj"
    elif verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children):
        thing.head, thing.dep_ = verb, "dobj"
    else:
        return
    said.head, said.dep_ = thing, "relcl"


@lru_cache(maxsize=1)
def _sector_words() -> frozenset[str]:
    """The one-word sector nouns of the actor tables ("junta", "army", "police")."""
    from ..actors.tables import SECTOR, load
    return frozenset(k for k, entries in load().keys.items()
                     if " " not in k and entries and all(e.kind == SECTOR for e in entries))


def _lex_words(cls: str) -> frozenset[str]:
    from .patterns import lexicon  # the repair runs before any coder table is built
    return lexicon().words(cls)


def reattach_conjuncts(doc: Doc) -> None:
    """Hang each finite conjunct the parser put inside a content clause on the verb that governs the clause,
    when its tense matches that verb and not the clause's ("had opened ... and accused")."""
    moves = []
    for tok in doc:
        if tok.dep_ == "conj" and tok.tag_ in _FINITE:
            gov = _governor(tok)
            if gov is not None:
                moves.append((tok, gov))
        elif tok.dep_ == "advcl" and tok.tag_ == "VB" and _complement(tok):
            tok.dep_ = "xcomp"
        elif tok.dep_ == "conj" and tok.tag_ == "VB":
            host = _infinitive_host(tok)
            if host is not None:
                moves.append((tok, host))
        elif tok.dep_ == "pcomp" and _owner_not_doer(tok):
            prep = tok.head
            clause = prep.head if prep.head.pos_ in ("VERB", "AUX") else prep.head.head
            if clause.pos_ in ("VERB", "AUX") and clause.i < tok.i:
                subj = next(c for c in tok.children if c.dep_ == "nsubj")
                subj.head, subj.dep_ = prep, "pobj"
                tok.dep_ = "advcl"
                moves.append((tok, clause))
    for tok in doc:
        name = _hyphen_name(tok) if tok.dep_ == "amod" else None
        if name is not None and not any(c.i > tok.i for c in name.children):
            dash = doc[tok.i - 1]
            name.head, name.dep_ = tok, "npadvmod"
            dash.head, dash.dep_ = tok, "punct"
    for tok in doc:
        if _split_pair(tok):
            head = tok.head
            mod = next(c for c in tok.children if c.dep_ == "conj" and tok.i < c.i < head.i)
            for c in list(head.children):
                if c.i < tok.i:
                    c.head = tok
            tok.head, tok.dep_ = head.head, head.dep_
            head.head, head.dep_ = tok, "conj"
            mod.head, mod.dep_ = head, ("amod" if mod.pos_ == "ADJ" else "compound")
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _NAMING:
            obj = _object_in_complement(tok)
            if obj is not None:
                comp = obj.head
                for d in list(comp.children):
                    if d.dep_ in ("det", "poss", "amod") and d.i < obj.i:
                        d.head = obj
                obj.head, obj.dep_ = tok, "dobj"
    for tok in doc:
        head = tok.head
        if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _SPEAKERS_OWN
                and head.dep_ == "ccomp" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in _SAYING
                and tok.i > 0 and doc[tok.i - 1].text == ","):
            # "said Iran was responsible for the attacks, citing intelligence": the speaker cites, not Iran
            tok.head = head.head
    for tok in doc:
        if (tok.dep_ in ("aux", "auxpass") and tok.text[:1].isupper() and tok.lower_ not in _AUX_WORDS
                and tok.i > 0 and tok.head.i > tok.i and not tok.is_sent_start):
            # "The West African regional bloc Ecowas condemned the coup": a name read as an auxiliary is the
            # subject's name, and the verb is active
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is not None:
                tok.head, tok.dep_, tok.pos_, tok.tag_ = subj, "appos", "PROPN", "NNP"
                if subj.dep_ == "nsubjpass" and not any(c.dep_ == "auxpass" for c in subj.head.children):
                    subj.dep_ = "nsubj"
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _NAMING | _DESCRIBING and tok.dep_ == "ccomp":
            _free_relative(tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in _SAYING and tok.dep_ in ("pcomp", "ccomp"):
            _free_relative_said(tok)
    for sent in list(doc.sents):
        noun = _denied_charge(sent.root)
        if noun is not None:
            denial = sent.root
            said = next(c for c in denial.children if c.dep_ == "ccomp" and c.i < denial.i)
            if noun.dep_ == "compound":  # "an allegation Minsk": the article is the charge's
                name = noun.head
                for d in list(name.children):
                    if d.dep_ == "det":
                        d.head = noun
            said.head, said.dep_ = said, "ROOT"
            noun.head, noun.dep_ = said, "npadvmod"
            denial.head, denial.dep_ = noun, "relcl"
            for c in list(denial.children):
                if c.dep_ == "punct" and c.i > denial.i:
                    c.head = said
            # "an accusation Kigali denies": the name the parser hung on the noun is the denial's subject
            for c in list(noun.children):
                if c.dep_ == "appos" and c.i > noun.i and c.i < denial.i:
                    c.head, c.dep_ = denial, "nsubj"
    for tok in doc:
        if tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.dep_ == "dobj" and (
                tok.head.head.lemma_.lower() in _lex_words("@ACCUSE_OF")) and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children):
            # "accused the group of shelling Omdurman": the charge is the verb's, not a part of the group
            tok.head = tok.head.head
    for tok in doc:
        deed = _charged_deed(tok)
        if deed is not None:
            tok.head = deed  # "accused the group of shelling the town, killing 20": the killing is charged too
    for sent in list(doc.sents):
        _noun_read_subject(sent)
    for tok in doc:
        obj = _compound_read_object(tok)
        if obj is not None:
            # "could launch a ground offensive": the parser makes "ground" the object and the deed a predicate
            tok.dep_, tok.pos_, tok.tag_ = "dobj", "NOUN", "NN"
            for c in list(obj.children):
                c.head = tok
            obj.head, obj.dep_ = tok, "compound"
    for tok in doc:
        verb = _verb_read_adjective(tok)
        if verb is not None:
            first = tok.head if tok.head.tag_ == "VBD" else tok.head.head
            cc = doc[verb.i - 1]
            verb.head, verb.dep_, verb.pos_, verb.tag_ = first, "conj", "VERB", "VBD"
            cc.head = first
            tok.head, tok.dep_ = verb, "dobj"
    for tok in doc:
        if _stative(tok):
            _as_adjective(tok)
        if tok.pos_ == "AUX" and tok.text[:1].isupper() and tok.tag_ == "MD" and (
                tok.dep_ in ("nsubj", "nsubjpass", "poss")
                or (tok.dep_ == "aux" and tok.head.tag_ in ("VBD", "VBZ") and tok.head.i == tok.i + 1)):
            # "May said the talks were useful": a modal takes no finite verb; the name is the subject
            tok.pos_, tok.tag_ = "PROPN", "NNP"
            if tok.dep_ == "aux":
                tok.dep_ = "nsubj"
    for tok, gov in moves:
        cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i == tok.i - 1), None)
        tok.head = gov
        if cc is not None:
            cc.head = gov
