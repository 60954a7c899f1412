"""Predicates -> events: CAMEO/PLOVER/ACLED codes, roles, modality, confidence.

Modules, one job each: ``match`` (predicates and their patterns), ``roles`` (who did it to
whom), ``modality``, ``derived`` (promises, refusals, admissions), ``confidence``, ``context``
(the per-article state), ``coder`` (the sentence pass over them) and ``components`` (the
stages as spaCy components ``tocsin_places`` and ``tocsin_events``).
"""
from . import components  # noqa: F401 - registers the spaCy factories
from .coder import EventCoder
from .context import ArticleContext

__all__ = ["ArticleContext", "EventCoder"]
