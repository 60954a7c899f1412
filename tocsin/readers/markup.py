"""HTML fragments (feed summaries) to plain text, keeping paragraph breaks."""
from __future__ import annotations

import html
import re

import lxml.etree
import lxml.html

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "tr", "table", "section", "article", "header", "footer", "pre", "figcaption", "dd", "dt", "hr"}
_DROP = ("script", "style", "noscript", "iframe", "object", "svg", "template")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment: block elements become line breaks, scripts and styles go."""
    if not _TAG.search(fragment):
        return _tidy(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(html.unescape(_TAG.sub(" ", fragment)))
    for bad in root.iter(*_DROP):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
