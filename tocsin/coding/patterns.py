"""The pattern lexicon: verb and noun patterns that turn a predicate into a CAMEO code.

A pattern file line is ``CODE  TRIGGER [CONSTRAINT ...]  [# comment]``:

- ``TRIGGER``      the lemma of the predicate (a verb in verbs.txt, an event noun in nouns.txt)
- ``+prep``        the trigger has a preposition or particle child with this lemma ("call +for")
- ``~object``      its object has this lemma: the direct object, else the object of the ``+prep``;
                   for a noun trigger the object of "of" or a compound ("recall ~ambassador")
- ``&modifier``    an adjective or compound modifier of the trigger ("strike &air")
- ``>complement``  an open complement verb ("agree >meet")
- ``^agent``       the head of the source phrase ("withdrawal ^ambassador": the envoy withdrew)
- ``~!object``     as ``~object``, and for a noun whose source is not named, the object's owner
                   is the source ("the recall of Belarus' ambassador": Belarus recalled)
- ``!neg``         the trigger is negated, and the negation is the event: "will not tolerate
                   attacks" is a condemnation, asserted, not a tolerating that did not happen
- ``!bare``        each ``+prep`` is a bare particle with no object of its own: "gave in" yields, "gave a
                   speech in Paris" does not

Each constraint value may be ``@CLASS`` (a word class from classes.txt) or several values
joined by ``|``. ``CODE`` is a CAMEO code, or ``-`` for "not an event" (to block a sense such
as "strikes me as"). The most specific matching pattern wins; on a tie, the first in the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..ontology import cameo

_KINDS = {"+": "preps", "~": "obj", "&": "mod", ">": "comp", "^": "agent"}


@dataclass(frozen=True)
class Pattern:
    code: str | None
    trigger: str
    rule: str
    preps: tuple[frozenset[str], ...] = ()
    obj: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    comp: frozenset[str] | None = None
    agent: frozenset[str] | None = None
    owner_is_source: bool = False
    negated: bool = False  # holds only under a negation, which the code already expresses
    bare: bool = False  # its +prep words are bare particles ("gave in"), never a preposition with an object
    specificity: int = field(default=0, compare=False)


class PatternError(ValueError):
    pass


@dataclass
class Lexicon:
    classes: dict[str, frozenset[str]]
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]

    def words(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())


def _read(name: str) -> list[tuple[int, str]]:
    text = resources.files("tocsin.data.patterns").joinpath(name).read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            out.append((n, line))
    return out


def _classes() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for n, line in _read("classes.txt"):
        name, _, words = line.partition("=")
        name = name.strip()
        if not name.startswith("@") or not words.strip():
            raise PatternError(f"classes.txt:{n}: expected '@NAME = word word ...'")
        members: set[str] = set()
        for w in words.split():
            if w.startswith("@"):  # a class may include an earlier one
                if w not in classes:
                    raise PatternError(f"classes.txt:{n}: {w} used before it is defined")
                members |= classes[w]
            else:
                members.add(w.replace("_", " ").lower())
        classes[name] = members
    return {k: frozenset(v) for k, v in classes.items()}


def _values(token: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    out: set[str] = set()
    for v in token.split("|"):
        if v.startswith("@"):
            if v not in classes:
                raise PatternError(f"{where}: unknown word class {v}")
            out |= classes[v]
        else:
            out.add(v.replace("_", " ").lower())
    return frozenset(out)


def _patterns(name: str, classes: dict[str, frozenset[str]]) -> dict[str, list[Pattern]]:
    codes = cameo()
    index: dict[str, list[Pattern]] = {}
    for n, line in _read(name):
        where = f"{name}:{n}"
        parts = line.split()
        if len(parts) < 2:
            raise PatternError(f"{where}: expected 'CODE TRIGGER [constraints]'")
        code = None if parts[0] == "-" else parts[0]
        if code is not None and code not in codes:
            raise PatternError(f"{where}: {code} is not a CAMEO code")
        kw: dict = {"preps": []}
        for tok in parts[2:]:
            if tok == "!neg":
                kw["negated"] = True
                continue
            if tok == "!bare":
                kw["bare"] = True
                continue
            kind = _KINDS.get(tok[0])
            if kind is None or len(tok) < 2:
                raise PatternError(f"{where}: cannot read constraint {tok!r}")
            if tok.startswith("~!"):
                kw["owner_is_source"] = True
                tok = "~" + tok[2:]
            vals = _values(tok[1:], classes, where)
            if kind == "preps":
                kw["preps"].append(vals)
            else:
                kw[kind] = vals
        kw["preps"] = tuple(kw["preps"])
        spec = (len(kw["preps"]) + sum(kw.get(k) is not None for k in ("obj", "mod", "comp", "agent"))
                + kw.get("negated", False))
        for trigger in _values(parts[1], classes, where):
            index.setdefault(trigger, []).append(
                Pattern(code, trigger, " ".join([trigger, *parts[2:]]) + f" -> {code or 'none'}",
                        specificity=spec, **kw))
    for plist in index.values():
        plist.sort(key=lambda p: -p.specificity)  # stable: file order breaks ties
    return index


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    classes = _classes()
    return Lexicon(classes, _patterns("verbs.txt", classes), _patterns("nouns.txt", classes))
