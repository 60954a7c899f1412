"""Predicates -> events: CAMEO/PLOVER/ACLED codes, roles, modality, confidence."""
from .coder import EventCoder

__all__ = ["EventCoder"]
