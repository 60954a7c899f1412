"""Actor mentions -> codes (country + sector, IGOs, armed groups), leaders by date.

CONTRACT (placeholder until the actors module lands):
    ActorResolver().actor(head: spacy Token, when: date | None) -> Actor | None
    ActorResolver().lookup(text: str, when: date | None) -> Actor | None
"""
from __future__ import annotations

from ..model import Actor


class ActorResolver:
    def actor(self, head, when=None):
        return Actor(text=head.text)

    def lookup(self, text, when=None):
        return None
