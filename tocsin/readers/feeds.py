"""RSS and Atom files (feedparser): one Article per item.

Items often carry only a summary: that (HTML stripped) is the text, or the headline when
there is nothing else, since headlines alone are codeable.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator
from urllib.parse import urlsplit

from ..model import Article
from .base import InputProblem, Options, Problem, check_text, parse_date
from .ids import content_id, key_id, url_id
from .markup import fragment_text


def _entry_text(entry) -> str:
    candidates: list[str] = []
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        candidates.append(value if "html" in (c.get("type") or "html") else value.replace("<", "&lt;"))
    if entry.get("summary"):
        candidates.append(entry["summary"])
    texts = [fragment_text(c) for c in candidates]
    return max(texts, key=len, default="")


def _web_link(link: object) -> str | None:
    # feedparser puts an Atom id (tag:...) in ``link`` when an entry has no link of its own.
    if not isinstance(link, str):
        return None
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    return link.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _host(link: object) -> str | None:
    url = _web_link(link)
    return urlsplit(url).hostname if url else None


def _entry_date(entry, where: str):
    # The date as the publisher wrote it: feedparser's parsed struct is shifted to UTC,
    # which moves an evening story in Kyiv to the next day.
    for key in ("published", "updated", "created", "dc_date"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw, where)
            except InputProblem:
                pass
    for key in ("published_parsed", "updated_parsed"):
        st = entry.get(key)
        if st:
            from datetime import date

            try:
                return date(st.tm_year, st.tm_mon, st.tm_mday)
            except (TypeError, ValueError, OverflowError):
                continue  # year 0, month 99: no date rather than no item
    return None


def read_feed_stream(stream: BinaryIO, origin: str, opts: Options, problems: list[Problem]) -> Iterator[Article]:
    import feedparser

    data = stream.read(opts.max_markup_bytes + 1)
    if len(data) > opts.max_markup_bytes:
        raise InputProblem(f"feed too large ({len(data):,} bytes > {opts.max_markup_bytes:,})")
    if not data.strip():
        raise InputProblem("empty feed")
    # Bytes, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputProblem(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        if not parsed.get("version"):
            raise InputProblem("XML but not an RSS or Atom feed")
        return  # a well-formed feed with no items: nothing to read, nothing wrong
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        # Items before the damage are still read; say that the feed itself is broken.
        problems.append(Problem(origin, f"malformed feed, items read up to the damage "
                                        f"({parsed.get('bozo_exception')})"))
    feed = parsed.get("feed", {})
    source = fragment_text(feed.get("title") or "") or None
    source = source or _host(feed.get("link"))
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{i}"
        try:
            title = fragment_text(entry.get("title") or "") or None
            text = _entry_text(entry) or title or ""
            if not text.strip():
                raise InputProblem("feed item has no title, summary or content")
            check_text(text, opts.max_chars)
            link = _web_link(entry.get("link"))
            art = Article(id="-", text=text, date=_entry_date(entry, where) or opts.date, title=title,
                          url=link, source=source, author=entry.get("author") or None, origin=where)
            guid = entry.get("id")
            art.id = url_id(link) if link else key_id(guid) if guid else content_id(art.content_hash)
            yield art
        except InputProblem as exc:
            problems.append(Problem(where, str(exc), exc.kind))
        except Exception as exc:  # one odd item must not cost the rest of the feed
            problems.append(Problem(where, f"unreadable item ({type(exc).__name__}: {exc})"))
