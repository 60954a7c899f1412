"""The hostile-input corpus (scripts/hostile.py) through code, places, ingest and events.

Each case must end within its bound, print no traceback, exit with a status it allows and lose
no good record. A few cases (one per command and kind of damage) run by default; the whole
corpus under ``-m slow``.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("hostile", Path(__file__).resolve().parents[1] / "scripts" / "hostile.py")
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile"] = hostile  # dataclasses look their module up there
_spec.loader.exec_module(hostile)

DEFAULT = {"terminal-escapes", "places-terminal", "jsonl-nested", "folder-links", "db-foreign-ingest",
           "db-schema-999", "limit-65-bits", "out-full-disk", "lang-empty"}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=() if c.name in DEFAULT else pytest.mark.slow)
                                  for c in hostile.CASES])
def test_hostile_case(case, tmp_path):
    r = hostile.run_case(case, tmp_path)
    assert r["ok"], f"{case.name}: {r['why']}\n{r.get('stderr', '')}"
