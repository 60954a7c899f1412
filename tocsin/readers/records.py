"""A structured record (JSON object, CSV row) to an Article, through the column mapping."""
from __future__ import annotations

from typing import Callable

from ..model import Article
from .base import InputProblem, Options, check_text, has_surrogates, parse_date
from .ids import content_id, url_id


def article_from_record(get: Callable[[str], str | None], origin: str, opts: Options) -> Article:
    """``get(column)`` returns a field as a stripped string, None when the record has no such field."""
    cols = opts.columns

    def meta(col: str) -> str | None:
        # A bad byte in a title should not cost the article, nor break a JSON or database
        # write later: it becomes U+FFFD.
        v = get(col) or None
        if v is not None and has_surrogates(v):
            v = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in v)
        return v

    text = get(cols.text)
    if text is None:
        raise InputProblem(f"no {cols.text!r} field (the article text)")
    check_text(text, opts.max_chars)
    url = meta(cols.url)
    art = Article(id="-", text=text, date=parse_date(meta(cols.date), origin) or opts.date,
                  title=meta(cols.title), url=url, source=meta(cols.source), author=meta(cols.author),
                  origin=origin)
    # The record's own id wins; else one derived from what identifies the story, so that
    # re-reading the file gives the same ids.
    art.id = meta(cols.id) or (url_id(url) if url else content_id(art.content_hash))
    return art
