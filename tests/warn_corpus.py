"""Test streams for the warning layer: news sentences of the kind wires write, a quiet stretch then an
escalation, and GDELT 2.0 / ACLED rows. Deterministic for a seed. Used by tests/test_warn.py and
benchmarks/warn_eval.py (which measures days-to-first-alert and false alarms on longer streams)."""
from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

# (country name, adjective, capital, ISO alpha-3)
PAIRS = {
    "ARM-AZE": (("Azerbaijan", "Azerbaijani", "Baku", "AZE"), ("Armenia", "Armenian", "Yerevan", "ARM")),
    "FRA-DEU": (("France", "French", "Paris", "FRA"), ("Germany", "German", "Berlin", "DEU")),
    "JPN-KOR": (("Japan", "Japanese", "Tokyo", "JPN"), ("South Korea", "South Korean", "Seoul", "KOR")),
    "SRB-HRV": (("Serbia", "Serbian", "Belgrade", "SRB"), ("Croatia", "Croatian", "Zagreb", "HRV")),
}

QUIET = [
    "{A} and {B} held talks on trade and transport links in {Bcap} on {wd}.",
    "{A}'s foreign minister met his {Badj} counterpart in {Acap} on {wd} to discuss energy supplies.",
    "{A} signed an agreement with {B} on {wd} to expand rail freight between the two countries.",
    "The {Aadj} president welcomed a delegation from {B} in {Acap} on {wd}.",
    "{A} praised {B} on {wd} for its help in fighting forest fires.",
    "{Badj} and {Aadj} officials agreed on {wd} to reopen a border crossing for trucks.",
    "{A} offered {B} emergency aid after floods on {wd}.",
    "{A} and {B} pledged on {wd} to cooperate on migration.",
]
# Every stream has ordinary friction too: the detector must not take it for a breakout.
FRICTION = [
    "{A} accused {B} on {wd} of dragging its feet in negotiations over water rights.",
    "{A} criticised {B} on {wd} over its treatment of journalists.",
    "{Aadj} officials complained on {wd} that {B} had delayed a customs agreement.",
]
ESCALATION = [
    "{A} recalled its ambassador to {B} on {wd} after the talks collapsed.",
    "{A} deployed troops along the border with {B} on {wd}, officials in {Bcap} said.",
    "{A} warned {B} on {wd} that it would respond with force to any provocation.",
    "{Aadj} forces shelled {Badj} positions near the border on {wd}, killing two soldiers.",
    "{A} accused {B} on {wd} of preparing an attack on its territory.",
    "{Aadj} artillery fired on villages in {B} on {wd}, {Badj} officials said.",
    "{Aadj} soldiers attacked a {Badj} border post on {wd}.",
    "{A} expelled three {Badj} diplomats on {wd}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _fill(tpl: str, a, b, day: date) -> str:
    return tpl.format(A=a[0], Aadj=a[1], Acap=a[2], B=b[0], Badj=b[1], Bcap=b[2], wd=WEEKDAYS[day.weekday()])


def news(start: date, quiet_days: int, escalation_days: int, pairs=("ARM-AZE",), escalating: str | None = "ARM-AZE",
         seed: int = 7, friction: float = 0.12) -> list[dict]:
    """Article records (JSON Lines input): every pair quiet for ``quiet_days``; then ``escalating`` escalates.

    Quiet days carry 0-2 stories per pair (fewer at weekends), a share ``friction`` of them
    accusations or complaints. Escalation days carry 2-4 hostile stories from one side.
    """
    rng = random.Random(seed)
    out: list[dict] = []
    for i in range(quiet_days + escalation_days):
        day = start + timedelta(days=i)
        for key in pairs:
            a, b = PAIRS[key]
            if key == escalating and i >= quiet_days:
                k = rng.randint(2, 4)
                pool = ESCALATION
            else:
                k = rng.choice([0, 1, 1, 2] if day.weekday() < 5 else [0, 0, 1])
                pool = None
            for j in range(k):
                x, y = (a, b) if rng.random() < 0.7 else (b, a)
                if pool is ESCALATION:
                    x, y = a, b
                    tpl = rng.choice(pool)
                else:
                    tpl = rng.choice(FRICTION if rng.random() < friction else QUIET)
                out.append({"id": f"{key}-{day:%Y%m%d}-{j}", "date": day.isoformat(), "text": _fill(tpl, x, y, day)})
    return out


# -- GDELT 2.0 and ACLED rows ------------------------------------------------------------------------

def gdelt_line(gid: int, day: date, a1: str, a2: str, code: str, quad: int, goldstein: float,
               url: str = "", lat: float | None = None, lon: float | None = None, fips: str = "") -> str:
    """One line of a GDELT 2.0 event export (61 tab-separated fields)."""
    f = [""] * 61
    f[0] = str(gid)
    f[1] = f"{day:%Y%m%d}"
    f[2] = f"{day:%Y%m}"
    f[3] = f"{day:%Y}"
    f[4] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    for base, code_ in ((5, a1), (15, a2)):
        if code_:
            f[base] = code_
            f[base + 1] = code_
            f[base + 2] = code_[:3]
            f[base + 7] = code_[3:6]
    f[25] = "1"
    f[26], f[27], f[28] = code, code[:3], code[:2]
    f[29] = str(quad)
    f[30] = str(goldstein)
    f[31], f[32], f[33], f[34] = "3", "1", "3", "-2.5"
    if lat is not None:
        f[51], f[52], f[53] = "4", "Somewhere", fips
        f[56], f[57] = str(lat), str(lon)
    f[59] = f"{day:%Y%m%d}150000"
    f[60] = url or f"https://news.example.org/{day:%Y/%m/%d}/{gid}"
    return "\t".join(f)


ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                "fatalities", "tags", "timestamp"]


def acled_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, ACLED_HEADER)
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in ACLED_HEADER})
    return buf.getvalue()


def gdelt_stream(start: date, quiet_days: int, escalation_days: int, dyads=(("RUS", "UKR"), ("FRA", "DEU"),
                 ("USA", "CHN")), escalating=("RUS", "UKR"), seed: int = 3) -> list[str]:
    """A GDELT-like stream: per dyad a noisy background of conflict and cooperation (overdispersed,
    weekly cycle), then ``escalating`` breaks out (material conflict several times its usual rate)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    lines, gid = [], 1_000_000
    base = {d: rng.uniform(0.5, 3.0) for d in dyads}
    codes = [("190", 4, -10.0), ("193", 4, -10.0), ("130", 3, -4.4), ("112", 3, -2.0), ("161", 3, -4.0),
             ("154", 4, -7.2), ("036", 1, 4.0), ("042", 1, 1.9), ("057", 1, 8.0)]
    for i in range(quiet_days + escalation_days):
        day = start + timedelta(days=i)
        weekly = 0.6 if day.weekday() >= 5 else 1.1
        for d in dyads:
            lam = base[d] * weekly * rng.gamma(4.0, 0.25)  # overdispersed: a gamma-Poisson mixture
            esc = d == escalating and i >= quiet_days
            n_conf = rng.poisson(lam * (6 if esc else 1))
            n_coop = rng.poisson(lam)
            for k in range(n_conf):
                code, quad, g = codes[rng.integers(0, 6 if esc else 4)]
                gid += 1
                # Spread over the target's territory (a box of some 1,000 km): GDELT rows carry a place.
                lat, lon = 45 + rng.uniform(0, 8), 25 + rng.uniform(0, 12)
                lines.append(gdelt_line(gid, day, d[0] + "MIL" if esc else d[0], d[1], code, quad, g,
                                        lat=round(lat, 3), lon=round(lon, 3), fips=""))
            for k in range(n_coop):
                code, quad, g = codes[6 + rng.integers(0, 3)]
                gid += 1
                lines.append(gdelt_line(gid, day, d[0] + "GOV", d[1] + "GOV", code, quad, g))
    return lines
