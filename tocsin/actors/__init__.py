"""Actor mentions -> codes (country + sector, IGOs, armed groups), leaders by date.

    from tocsin.actors import ActorResolver
    r = ActorResolver()                      # loads tocsin/data/actors/*.tsv once
    r.actor(head_token, date(2022, 3, 1))    # Actor | None for the noun phrase headed by a spaCy token
    r.lookup("Ukrainian officials", None)    # the same for a bare string
"""
from __future__ import annotations

from .resolver import ActorResolver

__all__ = ["ActorResolver"]
