#!/usr/bin/env python3
"""Builds tocsin/data/cameo.tsv: one row per CAMEO 1.1b3 code.

Inputs (read once, at development time, from ../shared): the codebook's codes, labels and
CAMEO->PLOVER mapping, and GDELT's Goldstein figure per code. QuadClass follows from the root;
ACLED sub-event types are our own mapping (ACLED_BY_CODE below): only the default of a code, since the
ACLED layer (tocsin/coding/acled.py, tables in tocsin/data/acled/) decides each event's type from its
actors, means and outcome. Root codes and appeals that
the PLOVER mapping leaves out take the PLOVER type of their family.
"""
import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(os.environ.get("TOCSIN_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
OUT = Path(__file__).resolve().parents[1] / "tocsin" / "data" / "cameo.tsv"

ACLED_BY_CODE = {
    "057": "Agreement", "0871": "Agreement",
    "141": "Peaceful protest", "1411": "Peaceful protest", "1412": "Peaceful protest",
    "1413": "Peaceful protest", "1414": "Peaceful protest", "140": "Peaceful protest",
    "143": "Peaceful protest", "1431": "Peaceful protest", "1432": "Peaceful protest",
    "1433": "Peaceful protest", "1434": "Peaceful protest", "142": "Peaceful protest",
    "144": "Peaceful protest",
    "145": "Violent demonstration", "1451": "Violent demonstration", "1451i": "Violent demonstration",
    "1452": "Violent demonstration", "1453": "Violent demonstration", "1454": "Violent demonstration",
    "175": "Excessive force against protesters",
    "171": "Looting/property destruction", "1711": "Looting/property destruction",
    "1712": "Looting/property destruction",
    "173": "Arrests",
    "180": "Attack", "182": "Attack", "1823": "Attack", "1822": "Attack", "186": "Attack", "185": "Attack",
    "202": "Attack", "203": "Attack",
    "181": "Abduction/forced disappearance",
    "1821": "Sexual violence",
    "183": "Remote explosive/landmine/IED", "1832": "Remote explosive/landmine/IED",
    "1833": "Remote explosive/landmine/IED",
    "1831": "Suicide bomb",
    "190": "Armed clash", "193": "Armed clash", "196": "Armed clash",
    "194": "Shelling/artillery/missile attack",
    "195": "Air/drone strike", "1951": "Air/drone strike", "1952": "Air/drone strike",
    "192": "Non-state actor overtakes territory",
    "2041": "Chemical weapon",
    "154": "Headquarters or base established",
}
# The PLOVER manual's own ASSAULT modes for air and drone strikes, finer than the mapping file's.
PLOVER_MODE_OVERRIDE = {"195": "aerial", "1951": "aerial", "1952": "drone"}
# Where PLOVER's own gold records code a CAMEO code otherwise than the mapping file: easing a curfew or
# martial law is a concession; occupying territory an assault; a promise to ease sanctions or
# restrictions (035, 0351, 0352, 0354) or to halt a campaign (0356) codes as the concession it promises
# ("agreed to lift the curfew", "agrees to halt settlement construction"); a leader who resigns retreats
# (0831, mode resign), as PLOVER's gold records code a resignation; a conviction or sentence is a sanction
# (116, mode convict), as the current manual codes it; sanctions, an embargo or a boycott imposed are a
# sanction (163), as the current manual defines SANCTION, not the coercion the mapping file has.
PLOVER_OVERRIDE = {"163": ("SANCTION", None), "0813": ("CONCEDE", None), "0814": ("CONCEDE", None), "192": ("ASSAULT", "occupy"),
                   "035": ("CONCEDE", None), "0351": ("CONCEDE", None), "0352": ("CONCEDE", None), "0354": ("CONCEDE", None),
                   "0356": ("CONCEDE", None), "0831": ("RETREAT", "resign"),
                   "116": ("SANCTION", "convict")}
# Appeals (02x) are requests in PLOVER; the mapping file leaves them out.
APPEAL_MODE = {"021": "assist", "022": "assist", "023": "assist", "024": "change", "025": "yield",
               "026": "meet", "027": "meet", "028": "meet"}


def quad_class(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def main() -> int:
    codes = json.loads((SHARED / "eval" / "cameo_codebook.json").read_text())["codes"]
    rows = list(csv.reader((SHARED / "reference" / "cameo_goldstein.tsv").open(), delimiter="\t"))[1:]
    goldstein = {code: float(value) for code, value in rows if code}
    family_type = {}
    for root in {c["root"] for c in codes.values()}:
        types = Counter(c["plover"]["event"] for c in codes.values() if c["root"] == root and c.get("plover"))
        family_type[root] = types.most_common(1)[0][0] if types else None
    family_type["02"] = "REQUEST"
    out = []
    for code, info in codes.items():
        label = info.get("label") or info.get("label_icews") or ""
        plover = info.get("plover") or {}
        ptype, pmode = plover.get("event"), plover.get("mode")
        if not ptype:
            ptype = family_type[info["root"]]
            if code.startswith("02"):
                pmode = APPEAL_MODE.get(code[:3])
        ptype, pmode = PLOVER_OVERRIDE.get(code, (ptype, pmode))
        pmode = PLOVER_MODE_OVERRIDE.get(code, pmode)
        # Variants such as 0811i or 13y take the Goldstein figure of their nearest parent.
        g = next((goldstein[code[:n]] for n in range(len(code), 1, -1) if code[:n] in goldstein), 0.0)
        out.append((code, info["root"], label, f"{g:.1f}", str(quad_class(int(info["root"]))),
                    ptype or "", pmode or "", ACLED_BY_CODE.get(code, "")))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "acled"])
        w.writerows(out)
    print(f"wrote {len(out)} codes to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
