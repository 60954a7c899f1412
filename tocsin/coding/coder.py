from __future__ import annotations


class EventCoder:
    def __init__(self, actors):
        self.actors = actors

    def code_doc(self, doc, article, places=(), geo=None):
        return []
