"""An HTML page to an Article: main text and metadata (title, date, author, site) via trafilatura."""
from __future__ import annotations

from datetime import date as Date
from typing import BinaryIO, Iterator

from ..model import Article
from .base import InputProblem, Options, check_text, parse_date
from .ids import content_id, url_id


# Less than this is a caption or a link list, not an article (the shortest wire flashes
# run to a couple of sentences).
MIN_PAGE_CHARS = 80
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _without_headline(text: str, title: str | None) -> str:
    # The headline is kept in ``title``; left in the text too it would be coded twice,
    # and feed items (whose text is the summary) would differ from the page.
    if title:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()).casefold() == " ".join(title.split()).casefold() and rest.strip():
            return rest
    return text


def extract_html(data: bytes, origin: str, opts: Options, *, url: str | None = None,
                 name_id: str | None = None, fallback_date: Date | None = None) -> Article:
    """The article in one page. ``url`` is where the page was fetched (WARC); it names the
    article when given, else the page's own canonical URL does, else ``name_id``."""
    import trafilatura

    if len(data) > opts.max_markup_bytes:
        raise InputProblem(f"HTML too large ({len(data):,} bytes > {opts.max_markup_bytes:,})")
    if not data.strip():
        raise InputProblem("empty HTML")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputProblem("binary data (NUL bytes), not HTML")
    try:
        # Comments are readers' opinions, not the report; the encoding is detected from
        # the bytes (meta charset, then content), which web pages need.
        # No extensive date search: it turns a footer's "(c) 2022" into 2022-01-01, and a
        # made-up publication date misdates every event of the article.
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # the extractor's failure is this page's problem, not the run's
        raise InputProblem(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if doc is None or not (doc.text or "").strip():
        raise InputProblem("no article text found in the HTML (an index, a page of links, or empty?)")
    text = check_text(_without_headline(doc.text, doc.title), opts.max_chars)
    if len(text.strip()) < MIN_PAGE_CHARS:
        raise InputProblem(f"too little text for an article ({len(text.strip())} characters: "
                           "an index, a page of links, or a page that needs JavaScript?)")
    try:
        published = parse_date(doc.date, origin)
    except InputProblem:
        published = None  # a page's odd date markup should not cost the article
    page_url = url or doc.url
    art = Article(id="-", text=text, date=published or opts.date or fallback_date,
                  title=doc.title or None, url=page_url or None, source=doc.sitename or doc.hostname or None,
                  author=doc.author or None, origin=origin)
    art.id = url_id(page_url) if page_url else (name_id or content_id(art.content_hash))
    return art


def read_html_stream(stream: BinaryIO, origin: str, name_id: str, opts: Options) -> Iterator[Article]:
    data = stream.read(opts.max_markup_bytes + 1)
    yield extract_html(data, origin, opts, name_id=name_id)
