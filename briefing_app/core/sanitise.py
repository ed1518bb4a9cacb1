"""Sanitising rendered HTML with nh3, a piece at a time: nothing that could run, fetch, overlay or
escape the document is kept, and only local images load."""

from __future__ import annotations

import re
from collections.abc import Iterator

import nh3

from briefing_app.core.link_rules import is_local_link, is_local_relative

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul", "var",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "table": {"width"},
}
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)([^>]*)>")
_ALT = re.compile(r'\salt="([^"]*)"')

BODY_PIECE = 20_000  # characters: nh3 cleans one in a millisecond, Qt lays one out in a few
# html5ever slows down with depth. Real documents never come near this; hostile ones are flattened.
MAX_HTML_DEPTH = 100

_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def flatten_deep_html(html_text: str) -> str:
    """Drop tags nested deeper than MAX_HTML_DEPTH, keeping their text."""
    depth = 0
    pieces = []
    position = 0
    for match in _HTML_TAG.finditer(html_text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID_TAGS or self_closing:
            continue
        if closing:
            drop = depth > MAX_HTML_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            drop = depth > MAX_HTML_DEPTH
        if drop:
            pieces.append(html_text[position : match.start()])
            position = match.end()
    if not pieces:
        return html_text
    pieces.append(html_text[position:])
    return "".join(pieces)


def sanitise(fragment: str) -> str:
    """Strip everything that could run, fetch, overlay or escape the document."""
    return "".join(sanitise_pieces(fragment))


def sanitise_pieces(fragment: str, size: int = BODY_PIECE) -> list[str]:
    """:func:`sanitise`, giving the result cut between top-level elements into pieces of about
    ``size`` characters, each whole HTML.

    The window lays a long text out by the same pieces, a few at a time.
    """
    return [
        _sanitise(flatten_deep_html(piece) if deepest > MAX_HTML_DEPTH else piece)
        for piece, deepest in _cut(fragment, size)
    ]


def _sanitise(flat: str) -> str:
    cleaned = nh3.clean(
        flat,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _IMAGE_WITHOUT_SOURCE.sub(_image_placeholder, cleaned)


def split_top_level(html: str, size: int) -> Iterator[str]:
    """Cut HTML between top-level elements into pieces of about ``size`` characters.

    A piece ends only where every element opened in it is closed again, so each one is whole
    HTML. An element longer than ``size`` stays one piece. (Broken HTML may be cut oddly; it is
    sanitised piece by piece, so what shows is still safe.) Pieces are found as they are asked
    for, so a caller working in slices also spreads the cutting over them.
    """
    return (piece for piece, _ in _cut(html, size))


def _cut(html: str, size: int) -> Iterator[tuple[str, int]]:
    """:func:`split_top_level`'s pieces, each with the depth its elements reach: only a piece
    deeper than MAX_HTML_DEPTH needs another walk to flatten it."""
    start = depth = deepest = 0
    for tag in _HTML_TAG.finditer(html):
        closing, name, self_closing = tag.groups()
        if self_closing or name.lower() in _VOID_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
        if depth == 0 and tag.end() - start >= size:
            yield html[start : tag.end()], deepest
            start, deepest = tag.end(), 0
    if start < len(html):
        yield html[start:], deepest


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(_LINK_SCHEMES) or is_local_link(value) else None
    if tag == "img" and attribute == "src":
        return value if is_local_relative(value) else None
    return value


def _image_placeholder(match: re.Match[str]) -> str:
    alt = _ALT.search(match.group(1))
    description = alt.group(1) if alt and alt.group(1) else "image"
    return f'<span class="image-placeholder">[{description}: not shown, only images beside the briefing load]</span>'
