"""PLOVER type of an event where PLOVER parts from the CAMEO code's own mapping by what the deed is about.

CAMEO codes every formal agreement 057 (SUPPORT in the mapping); PLOVER codes a signed ceasefire as
RETREAT, an aid package as AID and a cooperation pact as COOPERATE, and a pledge of aid as AID. The
table ``data/plover_refine.tsv`` says which; the CAMEO code (and so the QuadClass) stays as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..model import Plover
from .match import Match
from .patterns import Lexicon
from .syntax import lemma

# the words of a noun phrase that say what it is about: "a billion-dollar aid package", "the security pact"
_ABOUT_DEPS = ("compound", "amod", "nmod")
# "an agreement on security cooperation", "a deal for aid"
_ABOUT_PREPS = frozenset({"on", "for", "of", "over"})


@dataclass(frozen=True)
class Refinement:
    code: str
    triggers: frozenset[str] | None
    about: frozenset[str] | None
    plover: Plover
    doer: bool = False  # ``about`` may also be the doer's words ("hackers targeted the network")


@lru_cache(maxsize=4)
def _rows() -> tuple[tuple[str, ...], ...]:
    with resources.files("tocsin.data").joinpath("plover_refine.tsv").open(encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    return tuple(tuple(line.split("\t")) for line in lines[1:])


def _words(spec: str, lex: Lexicon) -> frozenset[str] | None:
    if spec == "*":
        return None
    out: set[str] = set()
    for w in spec.split("|"):
        out |= lex.words(w) if w.startswith("@") else {w}
    return frozenset(out)


def _about(tok: Token) -> set[str]:
    """The lemmas (and forms) of ``tok`` and the words before it in its phrase that say what it is."""
    out = {lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ in _ABOUT_DEPS:
            out |= _about(c)
        elif c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= {lemma(g), g.lower_} | {lemma(x) for x in g.children if x.dep_ in _ABOUT_DEPS}
        elif c.dep_ in ("acl", "relcl") and c.i > tok.i and any(a.lower_ == "to" for a in c.children):
            # "a deal to share intelligence", "an accord to end the fighting": what it binds them to do
            out |= {lemma(c)} | {w for g in c.children if g.dep_ in ("dobj", "obj")
                                 for w in (lemma(g), g.lower_)}
    return out


# CAMEO's claim of responsibility: a statement there, the deed claimed in PLOVER
_OWNING_UP = frozenset({"015"})


class PloverRefiner:
    def __init__(self, lex: Lexicon) -> None:
        from ..ontology import cameo

        self.codes = cameo()
        self.by_code: dict[str, list[Refinement]] = {}
        self.by_prefix: dict[str, list[Refinement]] = {}
        for row in _rows():
            code, triggers, about, ptype = row[:4]
            mode = row[4] if len(row) > 4 and row[4] else None
            doer = about.startswith("^")
            r = Refinement(code, _words(triggers, lex), _words(about.lstrip("^"), lex), Plover(type=ptype, mode=mode),
                           doer)
            if code.endswith("*"):
                self.by_prefix.setdefault(code[:-1], []).append(r)
            else:
                self.by_code.setdefault(code, []).append(r)

    def plover(self, m: Match, code) -> Plover | None:
        """The PLOVER type and mode of the event ``m`` codes as ``code`` (an ontology.Code)."""
        if code.code in _OWNING_UP and m.pattern.code and m.pattern.code != code.code:
            # "the Houthis claimed they had attacked the airport": CAMEO codes the claim (015), PLOVER, which has
            # no type for claims, the deed owned up to, done by whoever owns up to it
            deed = self.codes.get(m.pattern.code)
            if deed is not None and deed.code not in _OWNING_UP:
                return self.plover(m, deed)
        base = Plover(type=code.plover_type, mode=code.plover_mode) if code.plover_type else None
        rules = self.by_code.get(code.code, []) + [r for n in range(len(code.code), 0, -1)
                                                   for r in self.by_prefix.get(code.code[:n], ())]
        if not rules:
            return base
        trig = {lemma(m.trigger), m.trigger.lower_}
        about: set[str] | None = None
        doer: set[str] | None = None
        for r in rules:
            if r.triggers is not None and not trig & r.triggers:
                continue
            if r.about is not None:
                if about is None:
                    about = self._about(m)
                if r.doer and doer is None:
                    doer = about | self._doer(m)
                if not (doer if r.doer else about) & r.about:
                    continue
            return r.plover
        return base

    @staticmethod
    def _doer(m: Match) -> set[str]:
        """The words of who does the deed: the trigger's subject or passive agent, its compounds and adjectives;
        with a noun trigger's own words ("a cyber attack")."""
        out = {lemma(m.trigger), m.trigger.lower_}
        for c in m.trigger.children:
            if c.dep_ in ("nsubj", "csubj"):
                out |= _about(c)
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out |= _about(g)
        return out

    @staticmethod
    def _about(m: Match) -> set[str]:
        if m.noun:
            # "the aid agreement": the trigger's own modifiers (its own lemma is the agreement word itself)
            out = _about(m.trigger) - {lemma(m.trigger), m.trigger.lower_}
            return out | (_about(m.obj) if m.obj is not None else set())
        obj = m.obj
        if obj is None:
            obj = next((c for c in m.trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
        out = _about(obj) if obj is not None else set()
        for c in m.trigger.children:
            if c.dep_ in ("xcomp", "advcl") and c.i > m.trigger.i and any(a.lower_ == "to" for a in c.children):
                # "signed a deal to share intelligence" with the purpose hung on the verb
                out |= {lemma(c)} | {w for g in c.children if g.dep_ in ("dobj", "obj") for w in (lemma(g), g.lower_)}
        return out
