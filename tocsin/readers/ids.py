"""Stable article ids for records that do not bring their own.

Re-reading the same input must give the same ids, so that re-ingest is idempotent and the
same story reached by a feed link and by a crawl gets one id.
"""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Tracking parameters vary per channel (feed, newsletter, social) for one and the same page.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium", "at_campaign")


def normalize_url(url: str) -> str:
    """The page a URL points to: no fragment, no tracking parameters, lower-case host."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # e.g. a malformed IPv6 host or port: hash it as written
        return url
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING)])
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def _digest(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def url_id(url: str) -> str:
    return "u-" + _digest(normalize_url(url))


def key_id(key: str) -> str:
    """From an identifier that is not a URL (an RSS guid such as ``tag:site,2022:123``)."""
    return "g-" + _digest(key.strip())


def content_id(content_hash: str) -> str:
    """From ``Article.content_hash``: the last resort, stable as long as the text is."""
    return "h-" + content_hash[:16]
