"""GitHub's bare links: ``https://…``, ``http://…``, ``www.…`` and e-mail addresses in the
text become links, without the punctuation that ends a sentence around them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

_BEFORE = r"(?<![\w/@.:+-])"  # at the start of a word, not in the middle of one
BARE_URL = (
    _BEFORE + r"(?:https?://|www\.)[\w-]+(?:\.[\w-]+)*[^\s<]*"
    r"|" + _BEFORE + r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRAILING = "?!.,:*_~'\""
_ENTITY_AT_END = re.compile(r"&\w+;$")


class BareUrlProcessor(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)  # already a link's text

    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | None, int | None, int | None]:
        text = _trimmed(m.group(0))
        if "@" in text and "://" not in text:
            if text[-1] in "-_" or "." not in text.rsplit("@", 1)[1]:
                return None, None, None
            href = "mailto:" + text
        else:
            href = text if "://" in text else "http://" + text
        link = ET.Element("a", {"href": href})
        link.text = util.AtomicString(text)
        return link, m.start(0), m.start(0) + len(text)


def _trimmed(url: str) -> str:
    """The link without what ends the sentence around it: trailing punctuation, an entity, and a
    closing parenthesis that has no opening one in the link."""
    end = len(url)
    unmatched = url.count(")") - url.count("(")
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last == ")" and unmatched > 0:
            end -= 1
            unmatched -= 1
        elif last == ";" and _ENTITY_AT_END.search(url, max(0, url.rfind("&", 0, end)), end):
            end = url.rfind("&", 0, end)
        else:
            break
    return url[:end]


class BareUrlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After links, <autolinks> and raw HTML (a tag's URL is not text), before emphasis.
        md.inlinePatterns.register(BareUrlProcessor(BARE_URL, md), "bare_url", 85)
