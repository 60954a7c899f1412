"""A generator of varied, realistic-looking news articles and of corpora in mixed formats.

Deterministic for a seed. Articles name real countries, capitals, institutions and the
kinds of acts event coders care about (recalls, shelling, protests, agreements, meetings,
sanctions, aid, threats, arrests), with datelines, quotes and background, as wire copy
has them. Some are syndicated: exact copies under another publisher, and near copies
with a different lead-in and sign-off, which ingest must link rather than code.
"""
from __future__ import annotations

import csv
import gzip
import html
import json
import random
from datetime import date as Date, timedelta
from pathlib import Path

# name, adjective, capital, another city, ministry spokesperson surname
COUNTRIES = [
    ("Belarus", "Belarusian", "Minsk", "Gomel", "Glaz"), ("Ukraine", "Ukrainian", "Kyiv", "Kharkiv", "Nikolenko"),
    ("Russia", "Russian", "Moscow", "Belgorod", "Zakharova"), ("Poland", "Polish", "Warsaw", "Lublin", "Jasina"),
    ("Lithuania", "Lithuanian", "Vilnius", "Kaunas", "Bilotaite"), ("Kenya", "Kenyan", "Nairobi", "Mombasa", "Ogutu"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Mekelle", "Meles"), ("Sudan", "Sudanese", "Khartoum", "Omdurman", "Sadiq"),
    ("Israel", "Israeli", "Jerusalem", "Haifa", "Haiat"), ("Lebanon", "Lebanese", "Beirut", "Tyre", "Bou Habib"),
    ("India", "Indian", "New Delhi", "Srinagar", "Bagchi"), ("Pakistan", "Pakistani", "Islamabad", "Lahore", "Baloch"),
    ("China", "Chinese", "Beijing", "Shanghai", "Wang"), ("Japan", "Japanese", "Tokyo", "Osaka", "Matsuno"),
    ("Colombia", "Colombian", "Bogota", "Cali", "Leyva"), ("Venezuela", "Venezuelan", "Caracas", "Maracaibo", "Gil"),
    ("Mali", "Malian", "Bamako", "Gao", "Diop"), ("France", "French", "Paris", "Marseille", "Legendre"),
    ("Turkey", "Turkish", "Ankara", "Istanbul", "Bilgic"), ("Armenia", "Armenian", "Yerevan", "Gyumri", "Badalyan"),
    ("Azerbaijan", "Azerbaijani", "Baku", "Ganja", "Hajizada"), ("Iran", "Iranian", "Tehran", "Isfahan", "Kanaani"),
    ("Myanmar", "Myanmar", "Naypyitaw", "Yangon", "Zaw"), ("Nigeria", "Nigerian", "Abuja", "Maiduguri", "Adebayo"),
]
PUBLISHERS = [("Northern Wire", "northernwire.example"), ("Daily Ledger", "dailyledger.example"),
              ("Capital Post", "capitalpost.example"), ("Meridian News", "meridian.example"),
              ("The Coastal Times", "coastaltimes.example"), ("Frontier Herald", "frontierherald.example"),
              ("Evening Courier", "eveningcourier.example"), ("Global Dispatch", "globaldispatch.example")]
TOPICS = ["grain exports", "border security", "energy supplies", "the release of prisoners", "a ceasefire",
          "trade tariffs", "fishing rights", "refugee returns", "water sharing", "rail links"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "a dozen", "dozens of", "at least 20", "more than 40"]


def _event_sentences(r: random.Random, a, b) -> list[str]:
    an, aa, acap, acity, aspok = a
    bn, ba, bcap, bcity, bspok = b
    day = r.choice(WEEKDAYS)
    topic = r.choice(TOPICS)
    n = r.choice(NUMBERS)
    kind = r.randrange(12)
    if kind == 0:
        return [f"{an} recalled its ambassador to {bn} on {day}, citing what it called hostile statements by "
                f"{ba} officials.", f"The {aa} foreign ministry said the envoy would return to {acap} for "
                f"consultations."]
    if kind == 1:
        return [f"{aa} forces shelled the outskirts of {bcity} overnight, killing {n} civilians, the regional "
                f"governor said on {day}.", f"Artillery fire also hit a power station near {bcity}, leaving "
                f"thousands of homes without electricity."]
    if kind == 2:
        return [f"Thousands of people protested in {acap} on {day} against the government's handling of {topic}.",
                f"Police used tear gas to disperse the crowd outside parliament, witnesses said."]
    if kind == 3:
        return [f"{an} and {bn} signed an agreement on {topic} in {bcap} on {day}.",
                f"The deal, signed by the two foreign ministers, takes effect next month."]
    if kind == 4:
        return [f"The {aa} foreign minister met his {ba} counterpart in {bcap} on {day} to discuss {topic}.",
                f"Both sides described the talks as constructive, according to a joint statement."]
    if kind == 5:
        return [f"{an} accused {bn} of violating the ceasefire along their shared border on {day}.",
                f"Spokesperson {aspok} told reporters that {ba} troops had fired on {aa} positions."]
    if kind == 6:
        return [f"{an} imposed sanctions on {n} {ba} banks and officials on {day} over {topic}.",
                f"The measures freeze assets held in {an} and bar the officials from travel."]
    if kind == 7:
        return [f"Police in {acap} arrested {n} opposition activists on {day}, a rights group said.",
                f"The activists had planned a rally against the government's policy on {topic}."]
    if kind == 8:
        return [f"{an} pledged humanitarian aid worth millions of dollars to {bn} on {day}.",
                f"The first convoy of food and medicine is due to reach {bcity} within a week."]
    if kind == 9:
        return [f"{an} threatened on {day} to cut {topic.split()[-1]} supplies to {bn} if talks failed.",
                f"{ba} officials dismissed the warning as blackmail."]
    if kind == 10:
        return [f"{an} denied that its forces had shelled {bcity}, calling the reports fabricated.",
                f"Spokesperson {aspok} said on {day} that {aa} units were nowhere near the area."]
    return [f"{an} could send troops to its border with {bn} if the crisis over {topic} deepens, analysts said.",
            f"No decision has been taken, a {aa} official said on {day}."]


def _background(r: random.Random, a, b) -> list[str]:
    an, aa, acap, _, _ = a
    bn, ba, _, _, bspok = b
    pool = [f"Relations between {an} and {bn} have been strained since {r.randint(2005, 2021)}.",
            f"\"We will not accept pressure from anyone,\" {ba} spokesperson {bspok} said.",
            f"Talks on {r.choice(TOPICS)} are expected to resume in {r.choice(['May', 'June', 'the autumn', 'January'])}.",
            f"The {aa} government has faced criticism at home over rising prices.",
            f"Diplomats in {acap} said the next steps were unclear.",
            f"{an} is home to about {r.randint(2, 140)} million people.",
            f"Neither government responded to requests for comment on {r.choice(WEEKDAYS)}.",
            f"The United Nations called on both sides to show restraint."]
    return r.sample(pool, r.randint(1, 3))


def make_articles(n: int, seed: int = 0, copy_rate: float = 0.06, near_rate: float = 0.06) -> list[dict]:
    """``n`` article records ``{"id", "title", "text", "date", "source", "url"}``, some of them copies."""
    r = random.Random(seed)
    start = Date(2022, 1, 1)
    out: list[dict] = []
    while len(out) < n:
        i = len(out)
        if out and r.random() < copy_rate:
            orig = r.choice(out)
            pub, host = r.choice(PUBLISHERS)
            out.append({**orig, "id": f"{host.split('.')[0]}-{i:06d}", "source": pub,
                        "url": f"https://{host}/world/{i:06d}"})
            continue
        if out and r.random() < near_rate:
            orig = r.choice(out)
            pub, host = r.choice(PUBLISHERS)
            body = orig["text"].split("\n\n", 1)[-1]
            text = f"({pub}) - {orig['text'].splitlines()[0]}\n\n{body}\n\nReporting by {pub} staff; editing by the world desk."
            out.append({**orig, "id": f"{host.split('.')[0]}-{i:06d}", "text": text, "source": pub,
                        "url": f"https://{host}/world/{i:06d}"})
            continue
        a, b = r.sample(COUNTRIES, 2)
        when = start + timedelta(days=r.randrange(365))
        pub, host = r.choice(PUBLISHERS)
        lead = _event_sentences(r, a, b)
        paras = [f"{a[2].upper()}, {when:%B} {when.day} ({pub}) - {lead[0]}", lead[1]]
        if r.random() < 0.5:
            paras.append(" ".join(_event_sentences(r, b, a)))
        paras.append(" ".join(_background(r, a, b)))
        title = lead[0].split(",")[0].split(" on ")[0]
        out.append({"id": f"{host.split('.')[0]}-{i:06d}", "title": title, "text": "\n\n".join(paras),
                    "date": when.isoformat(), "source": pub, "url": f"https://{host}/world/{when:%Y/%m/%d}/{i:06d}"})
    return out


def _html(rec: dict) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in rec["text"].split("\n\n"))
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(rec['title'])}</title>"
            f"<link rel=\"canonical\" href=\"{rec['url']}\">"
            f"<meta property=\"article:published_time\" content=\"{rec['date']}T09:00:00Z\">"
            f"<meta property=\"og:site_name\" content=\"{html.escape(rec['source'])}\"></head>"
            f"<body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article>"
            f"<h1>{html.escape(rec['title'])}</h1>\n{paras}</article>"
            f"<footer>Copyright {rec['source']}. All rights reserved.</footer></body></html>")


def _rss(recs: list[dict]) -> str:
    items = "".join(
        f"<item><title>{html.escape(r['title'])}</title><link>{r['url']}</link><guid>{r['url']}</guid>"
        f"<pubDate>{Date.fromisoformat(r['date']):%a, %d %b %Y} 08:00:00 GMT</pubDate>"
        f"<description>{html.escape(r['text'])}</description></item>\n" for r in recs)
    return (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>World news</title>"
            f"<link>https://feeds.example/world</link><description>World</description>\n{items}</channel></rss>")


def write_corpus(folder: Path, n: int, seed: int = 0, malformed: bool = True) -> list[str]:
    """Write ``n`` articles in mixed formats (JSONL, gzipped JSONL, CSV, text, HTML, RSS) under
    ``folder``, plus a few malformed files; returns the inputs in the order to ingest them."""
    folder.mkdir(parents=True, exist_ok=True)
    recs = make_articles(n, seed)
    r = random.Random(seed + 1)
    paths: list[str] = []
    i = 0
    part = 0
    while i < len(recs):
        fmt = ["jsonl", "jsonl", "jsonl.gz", "csv", "txt", "html", "rss"][part % 7]
        size = {"txt": 3, "html": 3}.get(fmt, r.randint(40, 160))
        chunk, i = recs[i:i + size], i + size
        base = folder / f"part{part:04d}"
        part += 1
        if fmt == "jsonl":
            lines = [json.dumps(x) for x in chunk]
            if malformed and part % 9 == 1:
                lines.insert(len(lines) // 2, '{"id": "broken", "text": "unterminated')
            (p := base.with_suffix(".jsonl")).write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(str(p))
        elif fmt == "jsonl.gz":
            p = folder / f"{base.name}.jsonl.gz"
            with gzip.open(p, "wt", encoding="utf-8") as f:
                f.write("".join(json.dumps(x) + "\n" for x in chunk))
            paths.append(str(p))
        elif fmt == "csv":
            p = base.with_suffix(".csv")
            with open(p, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=["id", "date", "source", "url", "title", "text"])
                w.writeheader()
                w.writerows({k: x[k] for k in w.fieldnames} for x in chunk)
            paths.append(str(p))
        elif fmt == "txt":
            for j, x in enumerate(chunk):
                p = folder / f"{x['id']}.txt"
                p.write_text(x["text"] + "\n", encoding="utf-8")
                paths.append(str(p))
        elif fmt == "html":
            for x in chunk:
                p = folder / f"{x['id']}.html"
                p.write_text(_html(x), encoding="utf-8")
                paths.append(str(p))
        else:
            (p := base.with_suffix(".rss")).write_text(_rss(chunk), encoding="utf-8")
            paths.append(str(p))
    if malformed:
        bad = folder / "bad"
        bad.mkdir(exist_ok=True)
        (bad / "latin1.txt").write_bytes("Le ministre a rencontr\xe9 son homologue \xe0 Paris.".encode("latin-1"))
        (bad / "empty.txt").write_bytes(b"")
        (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
        good = gzip.compress("".join(json.dumps(x) + "\n" for x in recs[:5]).encode())
        (bad / "truncated.jsonl.gz").write_bytes(good[: len(good) // 2])
        (bad / "german.jsonl").write_text(json.dumps({
            "id": "de-1", "date": "2022-03-01", "text": "Die Regierung in Berlin hat am Montag den Botschafter "
            "einbestellt. Der Außenminister sagte, man werde die Lage weiter genau beobachten und mit den "
            "Partnern in der Europäischen Union beraten."}) + "\n", encoding="utf-8")
        extra = [str(bad / x) for x in ("latin1.txt", "empty.txt", "binary.txt", "truncated.jsonl.gz", "german.jsonl")]
        # Spread the bad files through the run, so a failure mid-way is exercised, not only at the end.
        for k, pth in enumerate(extra):
            paths.insert((k + 1) * len(paths) // (len(extra) + 1), pth)
    return paths
