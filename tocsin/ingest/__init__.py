"""Readers: every input format becomes ``Article`` records.

A reader never raises on a bad record: it reports a ``Problem`` (where, why) to the
caller's list and goes on. ``read_inputs`` picks the reader for each input.
"""
from .base import InputProblem, Problem, read_inputs

__all__ = ["InputProblem", "Problem", "read_inputs"]
