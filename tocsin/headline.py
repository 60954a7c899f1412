"""Title Case lines ("Kenya Denounces Actions By Uganda") put back in sentence case before parsing.

spaCy's small English model reads a capitalised verb as part of a name, so a headline or a one-line
report written in Title Case parses as one long noun phrase and yields no event. Before the parse, a
Title Case line has the capital taken off every word (but its first) that the tables know as a common
word (a trigger or class word of the pattern lexicon, a sector noun, an English function word: spaCy's
stop words and data/actors/function_words.txt) and do
not also know as a name (a state, a people, a capital, a person, an organisation: "Turkey", "Chad",
"Hamas" keep theirs). Only the case of a letter changes, so every offset into the result is an offset
into the text, as with ``nlp.normalise``.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# inflections tried back to a lemma: "denounces", "seized", "blockading", "accuses", "parties"
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))
# "-en" and "-n" past participles of the lexicon's verbs ("Beaten", "Thrown", "Taken"); not of its nouns ("Golden")
_PARTICIPLES = (("en", ""), ("en", "e"), ("n", ""))


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(common words, names) from the pattern lexicon, the actor tables and spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .actors.tables import SECTOR, load, word_list
    from .coding.patterns import lexicon

    lex = lexicon()
    common: set[str] = set(STOP_WORDS) | set(lex.verbs) | set(lex.nouns) | word_list("function_words.txt")
    for members in lex.classes.values():
        common.update(w for w in members if w.isalpha())
    ix = load()
    names: set[str] = set()
    for key, entries in ix.keys.items():
        if " " in key:
            continue
        if all(e.kind == SECTOR for e in entries):
            common.add(key)
        else:
            names.add(key)
    return frozenset(common), frozenset(names)


def _common(word: str, common: frozenset[str], names: frozenset[str]) -> bool:
    low = word.lower()
    if low in names:
        return False
    if low in common:
        return True
    if any(low.endswith(end) and low[: len(low) - len(end)] + add in common
           for end, add in _ENDINGS if len(low) > len(end) + 2):
        return True
    verbs = _verbs()
    return any(low.endswith(end) and low[: len(low) - len(end)] + add in verbs
               for end, add in _PARTICIPLES if len(low) > len(end) + 2)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from .coding.patterns import lexicon

    return frozenset(lexicon().verbs)


def title_case(line: str) -> bool:
    """Whether a line is written in Title Case: three or more words of four letters or more, nearly all
    capitalised, and not all in capitals; and no word of content left in lower case. A line dense with
    names ("On 12 March 2025, Ansar Allah shelled Hays (Hays, Al Hudaydah).", as event notes are) is prose
    whose verb and nouns keep their small letter; Title Case lowers only short function words ("by", "over")."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    caps = sum(w[0].isupper() for w in words)
    if not (len(words) >= 3 and caps >= 0.8 * len(words) and not all(w.isupper() for w in words)):
        return False
    stop = _stop_words()
    return not any(w[0].islower() and w.lower() not in stop for w in words)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def sentence_case(text: str) -> str:
    """``text`` with its Title Case lines in sentence case (same length, same offsets)."""
    if not any(title_case(line) for line in text.splitlines()[:3]):
        return text
    common, names = _tables()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if not title_case(line):
            out.append(line)
            continue
        chars = list(line)
        first = True
        for m in _WORD.finditer(line):
            word = m.group()
            clause_start = first or line[:m.start()].rstrip().endswith(":")
            first = False
            if clause_start or not word[0].isupper() or word.isupper() or any(c.isupper() for c in word[1:]):
                continue
            if _common(word, common, names):
                chars[m.start()] = word[0].lower()
        out.append("".join(chars))
    return "".join(out)


# ---------------------------------------------------------------------------------------------------
# Headline parses mended.
#
# Even in sentence case the small model misreads a line without determiners: "Mali junta expels French
# ambassador" gets "expels" as a root with no subject and "ambassador" as an adverbial, "Kenya denounces
# Uganda border raid" and "US sanctions Iranian oil firms" become one long noun phrase, "Indian police
# detain Kashmiri separatist leader" keeps its arcs but calls "detain" a noun. Hinting the model does
# not help (measured on the PLOVER headlines: a final stop or a leading "The" changes no accuracy alone and
# costs with the mend). A headline has a plain grammar, though: a noun phrase, a verb, then a noun phrase
# and prepositional phrases. So where a one-line text has no verb with a subject (or a root that is no verb),
# a word that is a verb of the pattern lexicon in the form a headline uses (third person "expels", or the base
# form after a plural "police detain") is made the root, the noun phrase before it its subject, the one after
# it its object and each preposition after it hangs on it.

_HEAD_MAX = 20  # tokens; a longer line is prose, whose parse is left alone
_NAME_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
_NOUNISH = {"NOUN", "PROPN", "NUM", "PRON"}
_PLURAL = {"NNS", "NNPS"}


def _one_line(doc) -> bool:
    """Whether the text is one line: a headline, a feed item, a one-line report."""
    from .nlp import text_of

    return "\n" not in text_of(doc).strip()


def _verb_lemma(tok, verbs) -> tuple[str, str] | None:
    """(lemma, tag) when ``tok`` reads as a verb of the lexicon in a headline: "expels" -> expel, VBZ."""
    low = tok.lower_
    if not low.isalpha() or not tok.text[0].islower():
        return None
    for end, add in (("ies", "y"), ("es", ""), ("s", "")):
        if low.endswith(end) and len(low) > len(end) + 2 and low[: len(low) - len(end)] + add in verbs:
            return low[: len(low) - len(end)] + add, "VBZ"
    if low in verbs:
        return low, "VBP"
    return None


def _plural(tok) -> bool:
    # the small model tags a capitalised plural ("Rebels") as a singular name
    return tok.tag_ in _PLURAL or (tok.tag_ == "NNP" and not tok.ent_type_ and tok.lower_.endswith("s")
                                   and not tok.lower_.endswith("ss"))


def _participle(t) -> bool:
    """"activists detained in Cairo": an "-ed" form right after a noun of the subject modifies it."""
    return t.tag_ in ("VBN", "VBD") and t.text[0].islower() and t.i > 0 and t.nbor(-1).pos_ in ("NOUN", "PROPN", "NUM")


def _subject_ok(left: list, tag: str, lex) -> bool:
    """A third-person form follows a name or a singular noun; a base form follows a plural or a pair
    ("rebels attack", "Kenya and Uganda sign", "police detain"). The subject's head is the last word
    before its first preposition or participle ("rebels in Mombasa reject", "activists held in Cairo start")."""
    last = left[-1]
    party = last.ent_type_ in _NAME_ENTS or last.lower_ in lex.words("@ACTORN")
    if not (last.pos_ in _NOUNISH or last.text == "," or party):
        return False  # "ethnic riots": an adjective is no subject, but "Myanmar military bombs" has one
    first = next((i for i, t in enumerate(left) if t.tag_ == "IN" or (i and _participle(t))), len(left))
    if first == 0:
        return False
    head = left[first - 1]
    pair = any(t.lower_ in ("and", ",") for t in left[1:first])
    many = _plural(head) or pair or head.lower_ in lex.words("@COLLECTIVE")
    return not many if tag == "VBZ" else many


_NP_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS", "HYPH", "VBN", "VBG", "PRP$", "NFP",
            "``", "''"}


def _prep(t) -> bool:
    """A preposition, or a participle the parser already reads as one ("curfew imposed following unrest")."""
    return t.tag_ in ("IN", "TO") or (t.tag_ == "VBG" and t.dep_ == "prep")


def _phrase(tokens: list, participles: bool = False) -> list[tuple]:
    """("np", [tokens]) and ("word", [token]) chunks of a stretch of noun phrases: a phrase ends before a
    preposition, a comma, a stop or "and"."""
    chunks, cur = [], []
    for t in tokens:
        if (_prep(t) or t.tag_ in ("CC", ",", ":", ".") or t.lower_ in ("and", "or")
                or (participles and cur and _participle(t))):
            if cur:
                chunks.append(("np", cur))
                cur = []
            chunks.append(("word", [t]))
        else:
            cur.append(t)
    if cur:
        chunks.append(("np", cur))
    return chunks


def _np_arcs(words: list, arcs: dict) -> object:
    """Arcs inside one noun phrase (head = its last word but closing quotes); returns the head."""
    head = next((t for t in reversed(words) if t.pos_ != "PUNCT"), words[-1])
    for i, t in enumerate(words):
        if t is head:
            continue
        if t.tag_ == "POS":
            arcs[t.i] = (words[i - 1] if i else head, "case")
        elif i + 1 < len(words) and words[i + 1].tag_ == "POS":
            arcs[t.i] = (head, "poss")
        elif t.pos_ == "PUNCT" or t.tag_ in ("HYPH", "``", "''"):
            arcs[t.i] = (head, "punct")
        elif t.pos_ == "ADJ" or t.tag_ in ("JJ", "VBN", "VBG"):
            arcs[t.i] = (head, "amod")
        elif t.tag_ == "CD":
            arcs[t.i] = (head, "nummod")
        elif t.tag_ == "PRP$":
            arcs[t.i] = (head, "poss")
        else:
            arcs[t.i] = (head, "compound")
    return head


def _ing_lemma(low: str, verbs) -> str | None:
    """"condemning" -> condemn, "seizing" -> seize, "shelling" -> shell, "hitting" -> hit."""
    stem = low[:-3]
    for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if cand in verbs:
            return cand
    return None


def _clause_start(tokens: list, verbs) -> int | None:
    """Where a participle clause begins in what follows a verb: a "-ing" form of a lexicon verb after a noun
    or a comma ("issues statement condemning government", ", killing 11"); before a noun with nothing
    ahead of it in its phrase it is a modifier ("against ruling party")."""
    for k, t in enumerate(tokens[1:-1], 1) if tokens else ():
        low = t.lower_
        if not low.endswith("ing") or not t.text[0].islower():
            continue
        if _ing_lemma(low, verbs) is None or _prep(t):
            continue
        if tokens[k - 1].pos_ in ("NOUN", "PROPN", "NUM") or tokens[k - 1].text == ",":
            return k
    return None


def _tail(right: list, verb, arcs: dict, tags: dict, verbs, passive: bool = False) -> bool:
    """Arcs after a verb: its object, then prepositional phrases ("of" belongs to the noun before it), then
    perhaps a second verb ("declare truce and agree to talks"), an infinitive ("vow to retake town") or a
    participle clause, each read the same way. False when the words do not fit."""
    for j, t in enumerate(right[:-1]):
        nxt = right[j + 1]
        if t.lower_ == "and" and nxt.tag_ in ("VB", "VBP", "VBZ") and _verb_lemma(nxt, verbs):
            arcs[t.i], arcs[nxt.i] = (verb, "cc"), (verb, "conj")
            tags[nxt.i] = _verb_lemma(nxt, verbs)[::-1]
            return (_tail(right[:j], verb, arcs, tags, verbs, passive)
                    and _tail(right[j + 2:], nxt, arcs, tags, verbs))
        if t.tag_ == "TO" and nxt.tag_ == "VB":
            arcs[t.i], arcs[nxt.i] = (nxt, "aux"), (verb, "xcomp")
            tags[nxt.i] = ("VB", nxt.lemma_.lower())
            return (_tail(right[:j], verb, arcs, tags, verbs, passive)
                    and _tail(right[j + 2:], nxt, arcs, tags, verbs))
    k = _clause_start(right, verbs)
    clause = right[k:] if k is not None else []
    right = right[:k] if k is not None else right
    obj, last_head, prep, joined = None, None, None, None
    for kind, chunk in _phrase(right):
        t = chunk[0]
        if kind == "np":
            if t.tag_ == "RB" and len(chunk) == 1:
                arcs[t.i] = (verb, "advmod")
                continue
            head = _np_arcs(chunk, arcs)
            if prep is not None:
                arcs[head.i] = (prep, "pobj")
                prep = None
            elif joined is not None:
                arcs[head.i] = (joined, "conj")
                joined = None
            elif passive and last_head is None and len(chunk) == 1 and t.pos_ == "ADJ":
                arcs[head.i] = (verb, "oprd")  # "four found guilty"
            elif passive:
                return False  # a passive has no object
            elif obj is None and last_head is None:
                obj = head
                arcs[head.i] = (verb, "dobj")
            else:
                return False
            last_head = head
            continue
        if _prep(t):
            if prep is not None:
                return False
            host = last_head if t.lower_ == "of" and last_head is not None else verb
            arcs[t.i] = (host, "agent" if passive and host.i == verb.i and t.lower_ == "by" else "prep")
            prep, joined = t, None
        elif t.text == ".":
            arcs[t.i] = (verb, "punct")
        elif t.text == "," and t is right[-1] and clause:
            arcs[t.i] = (verb, "punct")
        else:  # "and", ",": joins the phrase before to the next
            if last_head is None:
                return False
            arcs[t.i] = (last_head, "cc" if t.tag_ == "CC" else "punct")
            joined = last_head
    if prep is not None or joined is not None:
        return False
    if not clause:
        return True
    ing = clause[0]
    after_comma = not right or right[-1].text == ","
    arcs[ing.i] = (verb, "advcl") if after_comma or last_head is None else (last_head, "acl")
    tags[ing.i] = ("VBG", _ing_lemma(ing.lower_, verbs))
    return _tail(clause[1:], ing, arcs, tags, verbs)


def _arcs(sent, verb, verbs, passive: bool = False) -> tuple[dict, dict] | None:
    """token index -> (head token, dep) for the whole line with ``verb`` as its root, or None when the line
    is not the plain headline grammar (another verb after ours, a clause, an unknown word class)."""
    words = [t for t in sent if not t.is_space]
    left = [t for t in words if t.i < verb.i]
    right = [t for t in words if t.i > verb.i]
    if any(t.text == ":" for t in left):  # "Kenya: rebels attack ...": the part before the colon is a label
        cut = max(i for i, t in enumerate(left) if t.text == ":")
        label, left = left[:cut + 1], left[cut + 1:]
    else:
        label = []
    if not left or any(t.tag_ not in _NP_TAGS and t.lower_ not in ("and", ",", "in", "of", "from")
                       and not _participle(t) for t in left):
        return None
    # after the verb only noun phrases, prepositions and participles; a base form right after it is a noun
    # the tagger misread ("pledges aid to Moldova"), elsewhere a verb ("declare truce and agree to talks")
    if any(t.tag_ not in _NP_TAGS and t.tag_ not in ("IN", "TO", "CC", ",", ".", "RB")
           and not t.lower_.endswith("ing") and not (t.tag_ in ("VB", "VBP") and t.i == verb.i + 1)
           and not (t.tag_ in ("VB", "VBP", "VBZ") and t.nbor(-1).lower_ in ("and", "to"))
           for t in right):
        return None
    arcs: dict = {verb.i: (verb, "ROOT")}
    # the subject: the conjuncts before the first preposition, each a noun phrase; later ones join the first
    tags: dict = {}  # token index -> (tag, lemma) of a word the headline reading makes a verb
    subj, last_head, prep = None, None, None
    for kind, chunk in _phrase(left, participles=True):
        if kind == "np":
            head = _np_arcs(chunk, arcs)
            if prep is not None:
                arcs[head.i] = (prep, "pobj")
                prep = None
            elif subj is None:
                subj = head
                arcs[head.i] = (verb, "nsubjpass" if passive else "nsubj")
            else:
                arcs[head.i] = (subj, "conj")
            last_head = head
            continue
        t = chunk[0]
        if _prep(t):
            if last_head is None:
                return None
            arcs[t.i] = (last_head, "prep")
            prep = t
        elif _participle(t) and last_head is not None and prep is None:
            arcs[t.i] = (last_head, "acl")  # its prepositions hang on it: "activists [detained in Cairo]"
            tags[t.i] = ("VBN", t.lemma_.lower())
            last_head = t
        else:  # "and", ","
            arcs[t.i] = (subj or verb, "cc" if t.tag_ == "CC" else "punct")
    if subj is None or prep is not None:
        return None
    if not _tail(right, verb, arcs, tags, verbs, passive):
        return None
    for t in label:
        arcs[t.i] = (verb, "punct" if t.text == ":" else "dep")
    for t in sent:  # spaces hang on the word before them, as the parser has them
        if t.is_space:
            arcs[t.i] = (sent.doc[t.i - 1] if t.i > sent.start else verb, "dep")
    return (arcs, tags) if len(arcs) == len(sent) else None


# the third-person forms of the true auxiliaries: any other "-s" form the parser makes an auxiliary is a verb
_AUX_FORMS = frozenset({"is", "has", "does", "was", "needs", "dares", "gets", "goes"})


def _broken(sent, verbs) -> bool:
    """No verb in the line has a subject, or its root is no verb; or its root has a subject but the parser made it a noun that is the
    headline's verb ("Germany pledges aid to Moldova" with "aid" as the verb, "pledges" its subject) or
    hung the noun phrase after the root as anything but its object ("Israel rejects Hamas truce offer" with
    "offer" a clause)."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not any(
            t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in sent):
        return True  # "Mali junta expels French ambassador" once came out rooted in "French"
    if any(c.dep_ == "aux" and c.tag_ == "VBZ" and c.lower_ not in _AUX_FORMS and _verb_lemma(c, verbs)
           for c in root.children):
        return True  # "Ghana lifts ban on rallies" with "lifts" an auxiliary of the verb "ban"
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if root.pos_ != "VERB" or subj is None:
        return False
    if (subj.i == root.i - 1 and subj.i > sent.start and subj.nbor(-1).pos_ == "PROPN"
            and (_verb_lemma(subj, verbs) or ("", ""))[1] == "VBZ"):
        return True
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
                                              for c in root.children):
        return False
    return not any(c.dep_ == "dobj" for c in root.children) and any(
        c.i > root.i and c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("ccomp", "npadvmod", "dep", "appos")
        for c in root.children)


def _depths(arcs: dict) -> dict[int, int] | None:
    """Each word's distance from the root in ``arcs``, or None if the arcs are no tree (a cycle, a head
    outside the line): then the parse is left as it was."""
    depth: dict[int, int] = {}
    for start in arcs:
        chain, i = [], start
        while i not in depth:
            if i not in arcs or i in chain or len(chain) > len(arcs):
                return None
            chain.append(i)
            head = arcs[i][0].i
            if head == i:
                depth[i] = 0
                chain.pop()
                break
            i = head
        for j in reversed(chain):
            depth[j] = depth[arcs[j][0].i] + 1
    return depth


def _apply(sent, verb, lemma: str, tag: str, arcs: dict, tags: dict) -> bool:
    doc = sent.doc
    depth = _depths(arcs)
    if depth is None:
        return False
    verb.head = verb  # the root first, then each word top-down, so no step makes a cycle
    for t in sent:
        if t.i != verb.i:
            t.head = verb
    for i in sorted(arcs, key=depth.__getitem__):
        head, dep = arcs[i]
        if i != verb.i:
            doc[i].head = head
        doc[i].dep_ = dep
    verb.tag_, verb.pos_, verb.lemma_ = tag, "VERB", lemma
    for i, (t_tag, t_lemma) in tags.items():
        doc[i].tag_, doc[i].pos_, doc[i].lemma_ = t_tag, "VERB", t_lemma
    for i, (head, dep) in arcs.items():
        t = doc[i]
        if i not in tags and dep in ("nsubj", "dobj", "pobj", "conj", "compound") and t.pos_ in ("VERB", "AUX"):
            t.pos_, t.tag_ = "NOUN", "NNS" if t.lower_.endswith("s") else "NN"
    return True


def _active(sent, words: list, lex, start: int = 1, sent_words: list | None = None) -> bool:
    """Mends a line around its first lexicon verb among ``words[start:]`` in a headline's form (the line's
    words are ``sent_words`` when only some of them may be its verb)."""
    for tok in words[start:]:
        if tok.ent_type_ in _NAME_ENTS and tok.text[0].isupper():
            continue
        found = _verb_lemma(tok, lex.verbs)
        if found is None:
            continue
        left = [t for t in (sent_words or words) if t.i < tok.i and t.text != ":"]
        if not left or not _subject_ok(left, found[1], lex):
            continue
        read = _arcs(sent, tok, lex.verbs)
        if read is None:
            return False
        return _apply(sent, tok, found[0], found[1], *read)
    return False


def _passive(sent, words: list, lex) -> bool:
    """A headline's bare participle after its subject is a passive ("four killed in air strike", "opposition
    leader beaten with bat", "six indicted by grand jury"): headlines tell past deeds in the present tense,
    so an "-ed" form followed by a preposition, an adjective or nothing has lost its "were"."""
    if words[-1].text in (".", "!", "?") or any(t.lower_ in ("the", "a", "an") for t in words):
        return False  # a sentence of prose: "rebels withdrew from the town."
    verbs = lex.verbs
    for k, tok in enumerate(words[1:], 1):
        if tok.tag_ not in ("VBN", "VBD") or not tok.text[0].islower() or tok.lemma_.lower() not in verbs:
            continue
        if any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dobj") for c in tok.children):
            return False
        if any(t.i < words[-1].i and (t.tag_ in ("VB", "VBP", "VBZ") or (
                _verb_lemma(t, verbs) and t.nbor(-1).pos_ in ("NOUN", "PROPN"))) for t in words[k + 2:]):
            # "activists detained in Cairo launch hunger strike": a verb after it with words of its own
            # is the line's; the participle modifies the subject
            return _active(sent, words[:-1], lex, start=k + 2, sent_words=words)
        prev, nxt = words[k - 1], words[k + 1] if k + 1 < len(words) else None
        if prev.pos_ not in _NOUNISH or (nxt is not None and nxt.tag_ != "IN" and nxt.pos_ != "ADJ"):
            return False
        read = _arcs(sent, tok, verbs, passive=True)
        if read is None:
            return False
        return _apply(sent, tok, tok.lemma_.lower(), "VBN", *read)
    return False


def mend(doc) -> int:
    """Re-parse, by the headline grammar above, each line of its own whose parse has no verb with a subject,
    or whose participle is a headline's passive; returns how many lines were mended."""
    from .coding.patterns import lexicon

    if not _one_line(doc):
        # a headline over a body is left as parsed: the article pass weighs a Title Case one against the
        # body's telling, and mending them lost a matched hostile event on the articles dev set
        return 0
    lex = lexicon()
    verbs = lex.verbs
    mended = 0
    for sent in list(doc.sents):
        words = [t for t in sent if not t.is_space]
        if not words or len(words) > _HEAD_MAX:
            continue
        if _passive(sent, words, lex) or (_broken(sent, verbs) and _active(sent, words, lex)):
            mended += 1
        else:
            mended += _comma_pair(sent)
    return mended


def _comma_pair(sent) -> int:
    """"Serbia, Kosovo sign border deal", "Colombia, ELN rebels agree to truce": a headline's comma stands for
    "and"; the parser makes both names subjects of the verb (two deeds, each with no partner) or the first an
    adverbial. The first becomes the subject and the later one its conjunct."""
    doc = sent.doc
    for verb in sent:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if verb.pos_ != "VERB" or not subjects or len(subjects) > 2:
            continue
        second = subjects[-1]
        at = second.left_edge.i - 1
        if at <= sent.start or doc[at].text != ",":
            continue
        comma, first = doc[at], doc[at - 1]
        if first.head.i != verb.i or not (first.dep_ == "nsubj" or (first.dep_ in ("npadvmod", "dep", "appos")
                                                                   and first.pos_ == "PROPN")):
            continue
        if any(not t.is_space for t in doc[sent.start:first.left_edge.i]):
            continue  # the first name opens the line
        first.dep_ = "nsubj"
        second.head, second.dep_ = first, "conj"
        comma.head, comma.dep_ = first, "punct"
        return 1
    return 0
