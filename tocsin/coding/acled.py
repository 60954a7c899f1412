"""ACLED typing: a layer over coded events that gives each one ACLED's sub-event type.

ACLED's sub-event types turn on *who* acts (state forces, rebels, militias, rioters, protesters,
civilians, external forces), *how* (chemical, suicide bomb, air or drone, shelling, grenade,
remote explosive) and *what came of it* (territory taken or handed over, weapons seized or
defused, a protest dispersed or fired on, a base set up). The CAMEO code alone cannot say these,
so the layer reads them from the event's actors and from cue words in the event's clause, and
decides with a table. Everything it knows is data in ``tocsin/data/acled/``:

- ``actor_types.tsv``  tocsin actor (code, sector, words) -> ACLED actor type
- ``cues.tsv``         means and outcome cue words, and verb-object pairs
- ``families.tsv``     named sets of CAMEO codes
- ``rules.tsv``        the decision table: family x source type x target type x cues -> sub-event type
                       (and the finer CAMEO code the means or outcome gives, for the coarse codes of
                       ``refine.tsv``: a killing from the air is 195, not 1823)
- ``types.tsv``        the 25 sub-event types with their ACLED event type, CAMEO code and PLOVER type
- ``modalities.tsv``   the modalities that get a type (what happened or is said to have; not plans or denials)
- ``war_means.tsv``    the means cues that make a hostile event political whoever its sides are

Entry points: ``type_events(doc, events)`` (called by the coder on every article) and
``cameo_for(event_type, sub_event_type)``, which maps an ACLED record to tocsin's ontologies.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..model import Actor, Event, Plover
from ..ontology import cameo

ARMED = frozenset({"state", "external", "rebel", "political_militia", "identity_militia"})
CROWD = frozenset({"protesters", "rioters", "civilians"})
_GROUPS = {"armed": ARMED, "crowd": CROWD}
_PARTICLES = {"up", "down", "over", "away", "out", "off", "back"}
_OBJ_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd"}
_MAX_WORDS = 5  # the longest cue phrase
# where a clause ends going up the parse: the event's own clause stops at a clause of saying or a
# conjoined clause; "killing" under "opened fire" and "to disperse" under "fired" belong to it
_CLAUSE_TOPS = {"ROOT", "ccomp", "parataxis"}
# subordinators of a clause that tells of another event ("as a bomb exploded", "days after the air force ...");
# not "when": "were killed when a landmine exploded" tells how
_OTHER_EVENT_MARKS = {"as", "while", "whilst", "after", "before", "since", "because", "although",
                      "though", "until", "whereas", "once", "if", "unless"}
# prepositions that place an event in time against another ("a day after a grenade attack on a bar")
_OTHER_EVENT_PREPS = {"after", "before", "since", "following", "prior"}
_RELATIVE = {"that", "which", "who", "whom", "where", "when"}
_WORD = re.compile(r"[a-z]+")


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("tocsin.data.acled").joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if line.strip() and not line.startswith("#")),
                                   delimiter="\t"))


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


@dataclass(frozen=True)
class _Spec:
    """A set of CAMEO codes: alternatives (family names or prefixes) and excluded prefixes."""

    alts: tuple[str, ...]
    excl: tuple[str, ...]


@dataclass(frozen=True)
class _Pair:
    verbs: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class Rule:
    family: _Spec
    source: tuple[bool, frozenset[str]] | None  # (negated, types); None = any
    target: tuple[bool, frozenset[str]] | None
    cues: tuple[str, ...]
    absent: tuple[str, ...]
    sub_event: str
    cameo: str | None
    line: int


@dataclass(frozen=True)
class SubEventType:
    sub_event_type: str
    event_type: str
    cameo: str
    plover_type: str | None
    plover_mode: str | None


class Tables:
    """The ACLED layer's data, read once."""

    def __init__(self) -> None:
        self.actor_rows = [(r["type"], r["by"], frozenset(r["values"].lower().split("|")), r["role"])
                           for r in _rows("actor_types.tsv")]
        self.families: dict[str, _Spec] = {}
        for r in _rows("families.tsv"):
            self.families[r["family"]] = self._spec(r["codes"])
        lists: dict[str, list[str]] = {}
        self.words: dict[str, frozenset[str]] = {}
        self.pairs: dict[str, list[_Pair]] = {}
        self.victim_cues: set[str] = set()
        self.context_cues: set[str] = set()
        self.predicate_cues: set[str] = set()
        self.note_cues: dict[str, tuple[str, ...]] = {}  # cue -> strings looked for in the whole text
        for r in _rows("cues.tsv"):
            name, kind, values = r["cue"], r["kind"], r["values"]
            if kind == "list":
                lists[name] = values.split("|")
            elif kind in ("word", "victim", "context", "predicate"):
                if kind == "victim":
                    self.victim_cues.add(name)
                elif kind == "context":
                    self.context_cues.add(name)
                elif kind == "predicate":
                    self.predicate_cues.add(name)
                self.words[name] = self.words.get(name, frozenset()) | {
                    _norm(v) if "/" not in v else v.lower() for v in values.split("|")}
                if any(len(v.split()) > _MAX_WORDS for v in self.words[name]):
                    raise ValueError(f"cues.tsv: a phrase of cue {name!r} is longer than {_MAX_WORDS} words")
            elif kind == "note":
                self.note_cues[name] = tuple(v.lower() for v in values.split("|"))
            elif kind == "pair":
                verbs, _, objs = values.partition("~")
                obj_words: list[str] = []
                for o in objs.strip().split("|"):
                    obj_words += lists[o[1:]] if o.startswith("@") else [o]
                self.pairs.setdefault(name, []).append(_Pair(
                    frozenset(v.strip().lower() for v in verbs.split("|")),
                    frozenset(o if o.startswith(":") else o.lower() for o in obj_words)))
            else:
                raise ValueError(f"cues.tsv: unknown kind {kind!r} for cue {name!r}")
        self.cue_names = set(self.words) | set(self.pairs) | set(self.note_cues)
        self.first_words = frozenset(p.split()[0].split("/")[0] for ps in self.words.values() for p in ps)
        self.pair_verbs = frozenset(v for pairs in self.pairs.values() for pr in pairs for v in pr.verbs)
        self.pair_bases = frozenset(v.split("_")[0] for v in self.pair_verbs)
        self._by_code: dict[str, tuple[Rule, ...]] = {}
        self.types = {r["sub_event_type"]: SubEventType(r["sub_event_type"], r["event_type"], r["cameo"],
                                                        r["plover_type"] or None, r["plover_mode"] or None)
                      for r in _rows("types.tsv")}
        self.refinable = frozenset(r["code"] for r in _rows("refine.tsv"))
        self.modalities = frozenset(r["modality"] for r in _rows("modalities.tsv"))
        self.war_means = frozenset(r["cue"] for r in _rows("war_means.tsv"))
        if not self.war_means <= self.cue_names:
            raise ValueError(f"war_means.tsv: unknown cues {sorted(self.war_means - self.cue_names)}")
        self.rules: list[Rule] = []
        for n, r in enumerate(_rows("rules.tsv"), 1):
            cues = tuple(c for c in r["cues"].split("|") if c != "-")
            absent = tuple(c for c in r["not"].split("|") if c != "-")
            for c in cues + absent:
                if c not in self.cue_names:
                    raise ValueError(f"rules.tsv row {n}: unknown cue {c!r}")
            if r["sub_event_type"] != "-" and r["sub_event_type"] not in self.types:
                raise ValueError(f"rules.tsv row {n}: unknown sub-event type {r['sub_event_type']!r}")
            code = r["cameo"] if r["cameo"] not in ("", "-") else None
            if code is not None and code not in cameo():
                raise ValueError(f"rules.tsv row {n}: not a CAMEO code {code!r}")
            self.rules.append(Rule(self._spec(r["family"]) if r["family"] != "*" else self.families["MATERIAL"],
                                   self._types(r["source"]), self._types(r["target"]), cues, absent,
                                   r["sub_event_type"], code, n))

    def _spec(self, text: str) -> _Spec:
        alts, excl = [], []
        for part in text.split("|"):
            if part.startswith("!"):
                excl.append(part[1:])
            elif part.startswith("@"):
                if part[1:] not in self.families:
                    raise ValueError(f"unknown CAMEO family {part}")
                alts.append(part)
            else:
                alts.append(part)
        return _Spec(tuple(alts), tuple(excl))

    @staticmethod
    def _types(text: str) -> tuple[bool, frozenset[str]] | None:
        if text == "*":
            return None
        neg = text.startswith("!")
        out: set[str] = set()
        for t in text.lstrip("!").split("|"):
            out |= _GROUPS.get(t, {t})
        return neg, frozenset(out)

    def rules_for(self, code: str) -> tuple[Rule, ...]:
        """The rules whose family holds ``code``, in order."""
        got = self._by_code.get(code)
        if got is None:
            got = self._by_code[code] = tuple(r for r in self.rules if self.in_family(code, r.family))
        return got

    def in_family(self, code: str, spec: _Spec) -> bool:
        if any(code.startswith(p) for p in spec.excl):
            return False
        for alt in spec.alts:
            if alt.startswith("@"):
                if self.in_family(code, self.families[alt[1:]]):
                    return True
            elif code.startswith(alt):
                return True
        return False


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables()


# ---------- actors ----------
def _singular(w: str) -> set[str]:
    out = {w}
    if w.endswith("men"):
        out.add(w[:-3] + "man")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("s"):
        out.add(w[:-1])
    return out


def actor_type(actor: Actor | None, country: str | None = None, role: str = "source") -> str:
    """The ACLED actor type of a tocsin actor as the event's ``role`` ("source" or "target") in ``country``;
    "unknown" when there is none or it has no code."""
    if actor is None:
        return "unknown"
    return _actor_type(actor.text, actor.code, actor.sector, actor.country, country, role)


_PHRASE_END = frozenset({"of", "in", "from", "at", "near", "on", "who", "which", "that", ","})


def _head_word(text: str) -> str:
    """The last word of a noun phrase before what follows its head ("the mayor of a small town" -> "mayor")."""
    words: list[str] = []
    for w in text.split():
        if w.startswith("("):
            break  # ACLED's "Protesters (Kenya)", "Military Forces of Mali (2021-)": the country or years
        low = w.lower().strip(",.;:()")
        if low in _PHRASE_END or w.endswith(","):
            if w.endswith(",") and low not in _PHRASE_END:
                words.append(low)
            break
        words.append(low)
    return words[-1] if words else ""


@lru_cache(maxsize=8192)  # every event asks twice, of actors that recur across events and articles
def _actor_type(text: str, code: str | None, sector: str | None, actor_country: str | None,
                country: str | None, role: str) -> str:
    words: set[str] = set()
    for w in _WORD.findall(text.lower()):
        words |= _singular(w)
    found = "unknown"
    for typ, by, values, row_role in tables().actor_rows:
        if row_role not in ("*", role):
            continue
        if by == "word" and words & values:
            found = typ
        elif by == "head" and _head_word(text) in values:
            found = typ  # the head word as written, no plural: "a man", not "men"
        elif by == "code" and code and any(code.startswith(v.upper()) for v in values):
            found = typ
        elif by == "sector" and sector and sector.lower() in values:
            found = typ
        elif by == "sector" and "-" in values and not sector and actor_country:
            found = typ
        else:
            continue
        break
    if found == "state" and country and actor_country and actor_country != country:
        return "external"
    return found


_ACRONYM = r"[A-Z][A-Z0-9-]*[A-Z0-9]"
_ACRONYM_BEFORE = re.compile(_ACRONYM + r"\s*:\s*$")  # "ELN: " before "National Liberation Army"
_ACRONYM_ALONE = re.compile(r"(?:the\s+)?" + _ACRONYM)  # "PDF" before ": People's Defense Force"


def _named_group(actor: Actor | None, trigger: Token) -> bool:
    """Whether the actor is written as ACLED names an organised non-state group: its acronym, a colon and its
    name ("JNIM: Group for Support of Islam and Muslims", "ELN: National Liberation Army", "PDF: People's
    Defense Force"). ACLED writes state forces otherwise ("Military Forces of Colombia (2022-)"), so the
    parser's reading of the name ("Army", "Defense Force") does not make such a group the state."""
    text = actor.text.strip() if actor is not None else ""
    if not text:
        return False
    from ..nlp import text_of
    from .syntax import actor_token

    tok = actor_token(actor, trigger.sent, trigger)
    if tok is None:
        return False
    whole = text_of(tok.doc)
    start = tok.idx
    if any(c.isalpha() for c in text) and _ACRONYM_ALONE.fullmatch(text) \
            and whole[start + len(text):start + len(text) + 3].lstrip().startswith(":"):
        return True  # the actor came out as the acronym alone
    return bool(_ACRONYM_BEFORE.search(whole[max(0, start - 20):start]))


def _event_country(ev: Event) -> str | None:
    if ev.location is not None and ev.location.country:
        return ev.location.country
    if ev.target is not None and ev.target.country and not ev.target.sector:
        return ev.target.country  # force used on a place: the place's country
    return None


# ---------- the event's clause ----------
def _apart(t: Token) -> bool:
    """Whether ``t`` heads a clause or phrase that tells of another event than the one it hangs on."""
    dep = t.dep_
    if dep == "advcl":  # "as a roadside bomb exploded", "while jets bombed"; not "killing three"
        if any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in t.children):
            return False  # "were killed when a landmine exploded": how they were killed
        return any(c.dep_ == "mark" and c.lower_ in _OTHER_EVENT_MARKS for c in t.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if dep == "relcl":  # "the town where the air force bombed a school"; not "a bomb that killed five"
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE for c in t.children)
    if dep in ("parataxis", "ccomp", "csubj"):
        return True
    if dep == "prep" and t.lower_ in _OTHER_EVENT_PREPS:
        return True
    # a verb conjoined to another tells of another event; not inside a noun's modifier ("grenades containing
    # tear gas and chloropicrin", where a noun parsed as a verb is still what the grenades hold)
    return (dep == "conj" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX")
            and t.head.dep_ not in ("acl", "relcl", "amod"))


class _DocWords:
    """One Doc's words as the cue phrases are looked up in, read from its tokens once.

    Every clause and sentence of the Doc spells its phrases from these lists instead of asking
    each spaCy token for its strings again; kept on the Doc (``user_data``), one per Doc."""

    _KEY = "tocsin.acled_words"

    def __init__(self, doc: Doc) -> None:
        first = tables().first_words
        # per token: kept at all (not a lone hyphen or space), lemma and form (lower case, hyphens
        # spaced as in the tables), and the "lemma/pos" key of a lemma that can begin a cue
        self.kept: list[bool] = []
        self.lemma: list[str] = []
        self.form: list[str] = []
        self.tagged: list[str | None] = []
        self.first_lemma: list[bool] = []
        self.first_form: list[bool] = []
        for t in doc:
            self.kept.append(t.text != "-" and not t.is_space)
            lw, fw = t.lemma_.lower(), t.lower_
            self.tagged.append(f"{lw}/{t.pos_.lower()}" if lw in first else None)
            lw = _norm(lw) if "-" in lw else lw
            fw = _norm(fw) if "-" in fw else fw
            self.lemma.append(lw)
            self.form.append(fw)
            self.first_lemma.append(lw in first)
            self.first_form.append(fw in first)
        self.sentences: dict[int, set[str]] = {}
        self.clause_cues: dict[int, set[str]] = {}  # trigger index -> the cues of its clause
        text = doc.text.lower()
        self.note = {name for name, marks in tables().note_cues.items() if any(m in text for m in marks)}

    @classmethod
    def of(cls, doc: Doc) -> "_DocWords":
        got = doc.user_data.get(cls._KEY)
        if got is None:
            got = doc.user_data[cls._KEY] = cls(doc)
        return got

    def grams(self, idx: list[int]) -> set[str]:
        """The phrases the tokens at ``idx`` (in text order) spell that could be cues, and "lemma/pos"."""
        idx = [i for i in idx if self.kept[i]]
        out: set[str] = {self.tagged[i] for i in idx if self.tagged[i] is not None}
        for words, first in ((self.lemma, self.first_lemma), (self.form, self.first_form)):
            seq = None
            for k, i in enumerate(idx):
                if first[i]:
                    if seq is None:
                        seq = [words[j] for j in idx]
                    for n in range(1, _MAX_WORDS + 1):
                        out.add(" ".join(seq[k:k + n]))
        return out

    def sentence_grams(self, sent) -> set[str]:
        got = self.sentences.get(sent.start)
        if got is None:
            got = self.sentences[sent.start] = self.grams(list(range(sent.start, sent.end)))
        return got


class Clause:
    """The tokens of an event's clause, with the strings cue phrases are looked up in.

    The clause is the event's predicate with what hangs on it, up to a clause of saying or a
    conjoined clause, and without the clauses and phrases inside it that tell of another event
    ("rioted against French nationals, days after the air force grounded its jets": no air strike)."""

    def __init__(self, trigger: Token) -> None:
        head = trigger
        while head.dep_ not in _CLAUSE_TOPS and head.head.i != head.i and not _apart(head):
            head = head.head
        path = {t.i for t in trigger.ancestors} | {trigger.i}
        toks: dict[int, Token] = {}
        stack = [head]
        while stack:
            t = stack.pop()
            toks[t.i] = t
            # what a statement says is its content ("announced it had changed its name")
            stack += [c for c in t.children if c.i in path or not _apart(c)
                      or (t.i == trigger.i and c.dep_ == "ccomp")]
        if head.dep_ == "conj":
            # "tortured and killed a student": the subject of the first verb is the second's too;
            # "dispersed a rally and arrested 30 people": so is what the first verb acted on
            for c in head.head.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
                    toks.update({t.i: t for t in c.subtree})
        self.tokens = [toks[i] for i in sorted(toks)]
        # the acting side's own phrase ("intelligence police tortured an inmate"): a victim cue is not read there
        self.actor: set[int] = set()
        for h in {head, trigger}:
            for c in h.children:
                if c.dep_ in ("nsubj", "csubj", "agent", "poss") or (c.dep_ == "prep" and c.lower_ == "by"
                                                                     and h.pos_ in ("NOUN", "PROPN")):
                    self.actor.update(x.i for x in c.subtree)
        self.head = head
        self.trigger = trigger
        self.sentence = trigger.sent

    @staticmethod
    def _grams(tokens: list[Token]) -> set[str]:
        """The phrases the tokens spell that could be cues (by lemma and by form), and "lemma/pos"."""
        if not tokens:
            return set()
        return _DocWords.of(tokens[0].doc).grams([t.i for t in tokens])

    def _pairs(self) -> set[str]:
        tab = tables()
        found: set[str] = set()
        for t in self.tokens:
            keys = {t.lemma_.lower(), t.lower_}
            if keys.isdisjoint(tab.pair_bases):
                continue
            parts = [c.lower_ for c in t.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in _PARTICLES]
            keys |= {f"{k}_{p}" for k in list(keys) for p in parts}
            if not keys & tab.pair_verbs:
                continue
            objs = [c for c in t.children if c.dep_ in _OBJ_DEPS]
            if t.dep_ == "relcl" and any(o.lower_ in _RELATIVE for o in objs):
                objs.append(t.head)  # "a drone, which was shot down": what "which" stands for
            if t.dep_ == "acl" and t.tag_ == "VBN":
                objs.append(t.head)  # "a bomb planted near a church, defused by police"
            for o in list(objs):
                objs += list(o.conjuncts)
                objs += [c for c in o.children if c.dep_ in ("compound", "amod")]
                objs += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
            okeys: set[str] = set()
            for o in objs:
                okeys |= {o.lemma_.lower(), o.lower_}
                if o.ent_type_:
                    okeys.add(":" + o.ent_type_)
            for name, pairs in tab.pairs.items():
                if name not in found and any(keys & pr.verbs and okeys & pr.objects for pr in pairs):
                    found.add(name)
        return found

    def cues(self) -> set[str]:
        tab = tables()
        dw = _DocWords.of(self.sentence.doc)
        full = dw.grams([t.i for t in self.tokens])
        victim = dw.grams([t.i for t in self.tokens if t.i not in self.actor]) if self.actor else full
        context = dw.sentence_grams(self.sentence) if tab.context_cues else full

        # what the event itself is: the trigger, the clause's head, and the head's subject ("fighting ... took place")
        preds = {self.trigger, self.head} | {c for c in self.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        predicate = {k for t in preds for k in (t.lemma_.lower(), t.lower_)}

        def where(name: str) -> set[str]:
            if name in tab.predicate_cues:
                return predicate
            return victim if name in tab.victim_cues else context if name in tab.context_cues else full

        found = {name for name, phrases in tab.words.items() if not phrases.isdisjoint(where(name))}
        return found | self._pairs() | dw.note


# ---------- deciding ----------
@dataclass(frozen=True)
class Decision:
    sub_event_type: str
    event_type: str
    cameo: str | None  # the finer CAMEO code, where the rule gives one and the event's code is coarse
    rule: Rule
    source_type: str
    target_type: str
    cues: frozenset[str]


def _types_ok(spec: tuple[bool, frozenset[str]] | None, typ: str) -> bool:
    if spec is None:
        return True
    neg, values = spec
    return (typ in values) != neg


def _clause_cues(trigger: Token) -> set[str]:
    # the article pass, the roles and the typing all ask of the same triggers: one answer per Doc
    memo = _DocWords.of(trigger.doc).clause_cues
    cues = memo.get(trigger.i)
    if cues is None:
        cues = memo[trigger.i] = Clause(trigger).cues()
    return cues


_TAIL_TOKENS = 12  # the longest sentence that can be a mere outcome line ("8 soldiers were killed in the blast.")


def _tail_means(ev: Event, trigger: Token) -> set[str]:
    """The means of war told in the sentence before an outcome line that names no one who acted.

    Event notes, and many reports, tell the attack in one sentence and its toll in the next ("a roadside
    bomb hit a police patrol in Quetta. 1 officer killed."): the toll's killing was done by the means the
    sentence before names. Only a short sentence with no acting side borrows them, and only means of war."""
    sent = trigger.sent
    if ev.source is not None or len(sent) > _TAIL_TOKENS or sent.start == 0:
        return set()
    prev = trigger.doc[sent.start - 1].sent
    tab = tables()
    grams = _DocWords.of(trigger.doc).sentence_grams(prev)
    return {name for name in tab.war_means if name in tab.words and not tab.words[name].isdisjoint(grams)}


def decide(ev: Event, trigger: Token) -> Decision | None:
    """The ACLED sub-event type of one coded event whose trigger token is ``trigger``, or None."""
    tab = tables()
    if ev.modality not in tab.modalities:
        return None
    country = _event_country(ev)
    src, tgt = actor_type(ev.source, country, "source"), actor_type(ev.target, country, "target")
    if src not in ("rebel", "political_militia", "identity_militia") and _named_group(ev.source, trigger):
        src = "rebel"
    if tgt not in ("rebel", "political_militia", "identity_militia") and _named_group(ev.target, trigger):
        tgt = "rebel"
    cues: set[str] | None = None
    for rule in tab.rules_for(ev.cameo):
        if not (_types_ok(rule.source, src) and _types_ok(rule.target, tgt)):
            continue
        if rule.cues or rule.absent:
            if cues is None:
                cues = _clause_cues(trigger) | _tail_means(ev, trigger)
            if not all(c in cues for c in rule.cues) or any(c in cues for c in rule.absent):
                continue
        if rule.sub_event == "-":  # a row that says the event is none of ACLED's ("police blocked the road")
            return None
        finer = rule.cameo if (rule.cameo and ev.cameo in tab.refinable and rule.cameo != ev.cameo) else None
        return Decision(rule.sub_event, tab.types[rule.sub_event].event_type, finer, rule, src, tgt,
                        frozenset(cues or ()))
    return None


def war_means(trigger: Token) -> bool:
    """Whether the clause of the event at ``trigger`` names a means of war (``war_means.tsv``):
    a landmine, a shell or an air strike is political violence whoever is named on either side."""
    return bool(_clause_cues(trigger) & tables().war_means)


def apply(ev: Event, trigger: Token) -> Event:
    """Set ``ev.acled`` (and refine a coarse CAMEO code where the means or outcome says more)."""
    d = decide(ev, trigger)
    if d is None:
        ev.acled = None
        return ev
    ev.acled = d.sub_event_type
    if d.cameo is not None:
        code = cameo()[d.cameo]
        ev.cameo, ev.goldstein, ev.quad_class = code.code, code.goldstein, code.quad_class
        ev.plover = Plover(type=code.plover_type, mode=code.plover_mode) if code.plover_type else None
        ev.rule = f"{ev.rule}; acled rule {d.rule.line} -> {code.code}"
    return ev


def type_events(doc: Doc, events: Iterable[Event]) -> list[Event]:
    """Type every event of an article parsed as ``doc`` (events point at their trigger by ``span``)."""
    starts = doc.to_array(IDX)  # where each token begins, without a Token object of each
    out = []
    for ev in events:
        i = int(starts.searchsorted(ev.span[0]))
        tok = doc[i] if i < len(starts) and starts[i] == ev.span[0] else None
        out.append(apply(ev, tok) if tok is not None else ev)
    return out


# ---------- ACLED -> tocsin ----------
def sub_event_types() -> list[str]:
    """ACLED's 25 sub-event types, in the codebook's order."""
    return list(tables().types)


def event_type_of(sub_event_type: str) -> str | None:
    """ACLED's event type (Battles, Protests, ...) for a sub-event type."""
    t = tables().types.get(sub_event_type)
    return t.event_type if t else None


def cameo_for(event_type: str | None, sub_event_type: str) -> dict | None:
    """The tocsin ontology entry for an ACLED record, for importing ACLED data.

    Returns ``{"cameo", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "event_type"}``
    for a known sub-event type (its name as in ACLED's data, case and spacing aside), or None. The
    ``event_type`` argument is checked against the sub-event type's own where it is given.
    """
    key = " ".join(sub_event_type.split()).lower()
    t = next((v for k, v in tables().types.items() if k.lower() == key), None)
    if t is None:
        return None
    if event_type and " ".join(event_type.split()).lower() != t.event_type.lower():
        return None
    code = cameo()[t.cameo]
    return {"cameo": code.code, "root": code.root, "quad_class": code.quad_class, "goldstein": code.goldstein,
            "plover_type": t.plover_type, "plover_mode": t.plover_mode, "event_type": t.event_type}
