"""A structured record (JSON object, CSV row) to an Article, through the column mapping."""
from __future__ import annotations

from typing import Callable

from ..model import Article
from .base import InputProblem, Options, check_text, parse_date
from .ids import content_id, url_id


def article_from_record(get: Callable[[str], str | None], origin: str, opts: Options) -> Article:
    """``get(column)`` returns a field as a stripped string or None."""
    cols = opts.columns
    text = get(cols.text)
    if text is None:
        raise InputProblem(f"no {cols.text!r} field (the article text)")
    check_text(text, opts.max_chars)
    url = get(cols.url)
    art = Article(id="-", text=text, date=parse_date(get(cols.date), origin) or opts.date,
                  title=get(cols.title), url=url, source=get(cols.source), author=get(cols.author),
                  origin=origin)
    # The record's own id wins; else one derived from what identifies the story, so that
    # re-reading the file gives the same ids.
    art.id = get(cols.id) or (url_id(url) if url else content_id(art.content_hash))
    return art
