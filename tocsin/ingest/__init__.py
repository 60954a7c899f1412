"""Readers: every input format becomes ``Article`` records.

A reader never raises on a bad record: it reports a ``Problem`` (where, why, what kind)
to the caller's list and goes on. ``read_inputs`` picks the reader for each input.
"""
from .base import Columns, InputProblem, Problem, ReadStats, count_kinds
from .dispatch import read_inputs

__all__ = ["Columns", "InputProblem", "Problem", "ReadStats", "count_kinds", "read_inputs"]
