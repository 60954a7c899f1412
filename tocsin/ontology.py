"""CAMEO codes with their Goldstein score, QuadClass, PLOVER type/mode and ACLED sub-event type."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    acled: str | None


@lru_cache(maxsize=1)
def cameo() -> dict[str, Code]:
    with resources.files("tocsin.data").joinpath("cameo.tsv").open(encoding="utf-8") as f:
        return {
            row["code"]: Code(row["code"], row["root"], row["name"], float(row["goldstein"]),
                              int(row["quad_class"]), row["plover_type"] or None,
                              row["plover_mode"] or None, row["acled"] or None)
            for row in csv.DictReader(f, delimiter="\t")
        }


def lookup(code: str) -> Code:
    """The entry for ``code``; raises KeyError with the code named when it is not CAMEO."""
    try:
        return cameo()[code]
    except KeyError:
        raise KeyError(f"not a CAMEO 1.1b3 code: {code!r}") from None


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, str]:
    with resources.files("tocsin.data").joinpath(name).open(encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        next(rows)
        return {action: derived for action, derived in rows}


def _longest_prefix(code: str, table: dict[str, str]) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def intent_of(code: str) -> str | None:
    """The CAMEO code for announcing ``code`` as one's own future action, if CAMEO has one."""
    return _longest_prefix(code, _table("intent.tsv"))


def refusal_of(code: str) -> str | None:
    """The CAMEO code for saying one will not do ``code`` (a cooperative action), if any."""
    return _longest_prefix(code, _table("refusal.tsv"))
