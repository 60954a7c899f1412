"""Loads the actor data files (tocsin/data/actors/*.tsv) into one index of match keys.

Every name, adjective, capital, title, organisation, group and leader becomes an ``Entry``
under the folded key of each of its spellings, so that resolving a phrase is a handful of
dictionary look-ups.
"""
from __future__ import annotations

import csv
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .normal import actor_fold, actor_key, is_acronym, words

COUNTRY, ADJ, PEOPLE, CAPITAL = "country", "adj", "people", "capital"
ORG, GROUP, INST, PERSON, SECTOR = "org", "group", "inst", "person", "sector"
# Roles in leaders.tsv that make a person government (GOV) while in office.
GOV_ROLES = frozenset({"HOS", "HOG", "FM", "DM", "GOV"})
OUT_OF_OFFICE = "ELI"  # former officials: CAMEO's elites sector


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    code: str | None = None  # full actor code (country + sector, IGO..., IMG...)
    country: str | None = None  # ISO alpha-3 of a state; None for IGOs, transnational groups, stateless peoples
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    exact: str | None = None  # acronyms match only as written
    weak: bool = False  # generic actor noun whose sector yields to a modifier's
    override: bool = False  # modifier sector that beats any head ("rebel", "former")
    head_ok: bool = True  # False for modifier-only words ("former")
    name: str | None = None  # canonical name of a person
    initials: frozenset[str] = field(default_factory=frozenset)  # first letters of a person's given names
    surname: bool = False  # key is a person's surname alone

    def covers(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class Index:
    keys: dict[str, list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    states: frozenset[str] = frozenset()

    def add(self, name: str, entry: Entry) -> None:
        ws = words(name)
        k = actor_key(name, ws)
        if not k:
            return
        if is_acronym(name, ws):
            entry = _replace(entry, exact=ws[0].orig)
        bucket = self.keys.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, k.count(" ") + 1)

    def get(self, k: str) -> list[Entry]:
        return self.keys.get(k, [])


def _replace(e: Entry, **kw) -> Entry:
    return replace(e, **kw)


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = resources.files("tocsin.data") / "actors" / name
    with path.open(encoding="utf-8") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items()}


def word_list(name: str) -> frozenset[str]:
    """A list of words in data/actors, one a line, lower case; "#" starts a comment line."""
    text = (resources.files("tocsin.data") / "actors" / name).read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def parse_date(text: str, end: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date means the end of that year or month."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, monthrange(y, m)[1] if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def plurals(term: str) -> list[str]:
    """Regular English plurals of a (possibly multi-word) noun: the last word changes."""
    *lead, last = term.split(" ")
    forms: list[str] = []
    if last.endswith("man"):
        forms.append(last[:-3] + "men")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms.append(last[:-1] + "ies")
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        forms.append(last + "es")
    else:
        forms.append(last + "s")
    return [" ".join([*lead, f]) for f in forms]


def _countries(ix: Index) -> set[str]:
    states: set[str] = set()
    for row in _rows("countries.tsv"):
        iso = row["iso3"]
        states.add(iso)
        for n in [row["name"], *_split(row["aliases"])]:
            ix.add(n, Entry(COUNTRY, code=iso, country=iso))
        _nation(ix, iso, iso, _split(row["adjectives"]), _split(row["people"]))
        for c in _split(row["capitals"]):
            ix.add(c, Entry(CAPITAL, code=iso + "GOV", country=iso, sector="GOV"))
    return states


def _nation(ix: Index, code: str, country: str | None, adjectives: list[str], people: list[str]) -> None:
    for a in adjectives:
        ix.add(a, Entry(ADJ, code=code, country=country))
        # "Belarusians", "Iraqis": person nouns made from the adjective.
        if a[-1:] in ("n", "i") and not a.endswith("ese"):
            ix.add(a + "s", Entry(PEOPLE, code=code, country=country))
    for p in people:
        ix.add(p, Entry(PEOPLE, code=code, country=country))


def _peoples(ix: Index, states: set[str]) -> None:
    for row in _rows("peoples.tsv"):
        code = row["code"]
        _nation(ix, code, code if code in states else None, _split(row["adjectives"]), _split(row["people"]))


def _sectors(ix: Index) -> None:
    for row in _rows("sectors.tsv"):
        term, sector, kind = row["term"], row["sector"], row["kind"]
        e = Entry(
            SECTOR,
            sector=None if sector == "-" else sector,
            weak=kind == "weak",
            override=row["override"] == "1",
            head_ok=kind != "mod",
        )
        ix.add(term, e)
        if kind != "mod":
            for p in plurals(term):
                ix.add(p, e)


def _orgs(ix: Index) -> None:
    for row in _rows("organizations.tsv"):
        for n in _split(row["names"]):
            ix.add(n, Entry(ORG, code=row["code"], sector=row["sector"]))


def _groups(ix: Index, states: set[str]) -> None:
    for row in _rows("groups.tsv"):
        country = row["country"] if row["country"] in states else None
        e = Entry(
            GROUP,
            code=row["code"],
            country=country,
            sector=row["sector"],
            start=parse_date(row["start"]),
            end=parse_date(row["end"], end=True),
        )
        for n in _split(row["names"]):
            ix.add(n, e)


def _institutions(ix: Index) -> None:
    for row in _rows("institutions.tsv"):
        code = row["code"]
        e = Entry(
            INST,
            code=code,
            country=code[:3],
            sector=code[3:] or None,
            start=parse_date(row["start"]),
            end=parse_date(row["end"], end=True),
        )
        for n in _split(row["names"]):
            ix.add(n, e)


def _media(ix: Index) -> None:
    # a news agency is its country's media, never its state: kept apart from institutions for that reason
    for row in _rows("media.tsv"):
        code = row["code"]
        e = Entry(INST, code=code, country=code[:3], sector=code[3:])
        for n in _split(row["names"]):
            ws = words(n)
            if len(ws) == 2 and ws[0].norm == "the":
                # "the Independent", "the Guardian": a paper named by a common word is that word capitalised
                # ("an independent investigation" names no paper)
                ix.add(n, _replace(e, exact=ws[1].orig))
            else:
                ix.add(n, e)


def _leaders(ix: Index, states: set[str]) -> None:
    for row in _rows("leaders.tsv"):
        name, where, role = row["name"], row["country"], row["role"]
        if where in states:
            country, sector = where, ("GOV" if role in GOV_ROLES else role)
            code = country + sector
        else:  # an organisation's officer (IGOUNO, IGONAT, ...)
            country, sector, code = None, where[:3], where
        aliases = _split(row["aliases"])
        names = [name] + [a for a in aliases if a != "-"]
        initials = frozenset(actor_fold(n.split()[0])[:1] for n in names if " " in n)
        base = Entry(
            PERSON,
            code=code,
            country=country,
            sector=sector,
            start=parse_date(row["start"]),
            end=parse_date(row["end"], end=True),
            name=name,
            initials=initials,
        )
        for n in names:
            # A one-word alias ("Bush", "Lula") is a short name: guarded like a surname.
            ix.add(n, _replace(base, surname=True) if " " not in n.strip() and " " in name else base)
        # The surname alone ("Putin"), unless the row says "-" (family name first: "Xi Jinping").
        parts = name.split()
        if "-" not in aliases and len(parts) > 1 and len(parts[-1]) > 2:
            ix.add(parts[-1], _replace(base, surname=True))


@lru_cache(maxsize=1)
def load() -> Index:
    ix = Index()
    states = _countries(ix)
    _peoples(ix, states)
    _sectors(ix)
    _orgs(ix)
    _groups(ix, states)
    _institutions(ix)
    _media(ix)
    _leaders(ix, states)
    ix.states = frozenset(states)
    return ix
