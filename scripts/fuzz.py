"""Coverage-guided fuzzing (atheris) of the readers, the date resolver and the place parser.

    pip install -e ".[fuzz]"
    python scripts/fuzz.py readers -atheris_runs=20000          # or -max_total_time=300
    python scripts/fuzz.py dates -max_total_time=120
    python scripts/fuzz.py places -max_total_time=120

The first input byte picks the format (readers) or the publication date (dates); the rest is the
input. Checks are those of ``tests/fuzzing.py``: a reader may not raise, articles keep their
bounds, a date stays inside the calendar, a place mention points at its text. libFuzzer writes
a crashing input to ``crash-<sha1>``: add it to ``tests/test_fuzz.py::REGRESSIONS`` once fixed.
At the end the number of executions is printed.
"""
from __future__ import annotations

import atexit
import sys
from datetime import date, timedelta
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

with atheris.instrument_imports(include=["tocsin"]):
    from fuzzing import SEEDS, read_bytes
    from tocsin.geo import Geoparser  # here, so that the place parser is instrumented (it gave no coverage)
    from tocsin.model import Article
    from tocsin.when import resolve

FORMATS = sorted(SEEDS)
RUNS = [0]


def readers(data: bytes) -> None:
    RUNS[0] += 1
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    gz = bool(data[0] & 0x80)
    body = data[1:]
    if data[0] & 0x40:  # half the time, start from a valid file of the format and splice the input in
        seed = SEEDS[fmt]
        at = int.from_bytes(body[:2] or b"\0", "little") % (len(seed) + 1)
        body = seed[:at] + body[2:] + seed[at:]
    read_bytes(body, {"atom": "atom"}.get(fmt, fmt), gz=gz)


def dates(data: bytes) -> None:
    RUNS[0] += 1
    if len(data) < 3:
        return
    days = int.from_bytes(data[:3], "little") % (date(9999, 12, 31) - date(1, 1, 1)).days
    published = date(1, 1, 1) + timedelta(days=days)
    text = data[3:].decode("utf-8", "replace")
    got = resolve(text, published, bool(data[0] & 1))
    if got is not None:
        assert date(1, 1, 1) <= got[0] <= date(9999, 12, 31) and got[1] in ("day", "week", "month", "year")


_geo = None


def places(data: bytes) -> None:
    global _geo
    RUNS[0] += 1
    if _geo is None:
        _geo = Geoparser()
    text = data.decode("utf-8", "replace")
    for m in _geo.places(None, Article(id="p", text=text)):
        assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]


def main() -> None:
    target = {"readers": readers, "dates": dates, "places": places}[sys.argv[1]]
    atexit.register(lambda: print(f"executions: {RUNS[0]}", file=sys.stderr))
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
