"""A briefing as one self-contained HTML file: the handout for a browser.

The file opens offline anywhere: its styles are inline (light, dark and print), its local
images are embedded as data URIs, it loads nothing from the network (its content policy even
forbids it) and needs no script. The text in ``<main>`` is the reader's own HTML, with an ``id``
on each mention (and on each in the summary, which is read first) so that the panels in
``<aside>`` can link to them with plain anchors.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import tempfile
from html import escape
from urllib.parse import quote, unquote

from briefing_app import __version__
from briefing_app.core.document import title_lines
from briefing_app.core.export_files import ExportError, checked_target, kept_mode, part_prefix
from briefing_app.core.links import EntryRef
from briefing_app.core.local_files import image_file
from briefing_app.core.model import Briefing
from briefing_app.core.palette import DARK, LIGHT, Colours, callout_css
from briefing_app.core.textfile import open_regular

MAX_IMAGE_BYTES = 20 * 1024 * 1024  # embedded per image; a larger one shows its placeholder
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".svg": "image/svg+xml",
}
# The body as the renderer writes it: mentions and quotes (named as core.links reads them),
# images, local links.
_PERSON_MENTION = re.compile(r'<a class="mention-person" href="(#[^"]*)"')
_QUOTE = re.compile(r'<span class="mention-(?:figure|timeline)" title="([^"]*)"')
_IMAGE = re.compile(r'<img([^>]*?) src="([^"]*)"([^>]*)>')
_LOCAL_HREF = re.compile(r'<a([^>]*?) href="([^"#][^"]*)"')
_ALT = re.compile(r'\salt="([^"]*)"')


def export_html(briefing: Briefing, target: str, replace_read_only: bool = False) -> None:
    """Write the briefing as HTML at ``target``: to a temporary file beside it, moved into
    place only when complete, so a failure leaves no partial file and never touches an
    existing one. Writing over the briefing itself is refused, and over a read-only file
    unless ``replace_read_only``."""
    target = checked_target(target, briefing.path, "HTML", replace_read_only)
    folder = os.path.dirname(target)
    data = html_document(briefing, links_from=folder).encode("utf-8")
    partial = ""
    try:
        handle, partial = tempfile.mkstemp(dir=folder, prefix=part_prefix(target), suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, kept_mode(target))
        os.replace(partial, target)
        partial = ""
    except OSError as error:
        raise ExportError(target, f"could not be written: {error.strerror or error}") from None
    finally:
        if partial and os.path.exists(partial):
            os.remove(partial)


def html_document(briefing: Briefing, links_from: str | None = None) -> str:
    """The whole HTML file; links to local files are made relative to ``links_from`` (the
    folder the file is written to), else left relative to the briefing."""
    mention_ids = _MentionIds()
    summary = mention_ids.add(briefing.summary_html)  # first: it is read first
    body = _main_html(briefing, links_from, mention_ids)
    aside = _aside(briefing, mention_ids.ids)
    title = escape(briefing.title)
    meta = [f'<meta name="generator" content="Briefing Viewer {escape(__version__)}">']
    if briefing.byline:
        meta.append(f'<meta name="author" content="{escape(briefing.byline)}">')
    if briefing.summary:
        meta.append(f'<meta name="description" content="{escape(briefing.summary)}">')
    if briefing.tags:
        meta.append(f'<meta name="keywords" content="{escape(", ".join(briefing.tags))}">')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may be fetched: images are embedded, styles inline, and there is no script.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
        " img-src data:; style-src 'unsafe-inline'\">\n"
        f"{chr(10).join(meta)}\n<title>{title}</title>\n<style>\n{stylesheet()}</style>\n"
        "</head>\n<body>\n"
        f"{_header(briefing, summary)}\n"
        f'<div class="page{"" if aside else " no-panels"}">\n'
        f"<main>\n{body}\n</main>\n{aside}</div>\n"
        f"<footer>Exported from Briefing Viewer on {dt.date.today().isoformat()}</footer>\n"
        "</body>\n</html>\n"
    )


class _MentionIds:
    """Gives each mention an id, numbered per entry in reading order across the summary and
    the body (``person-2-in-text-1``, ...), and keeps them by the entry's name (``person-2``)
    for the panels' links."""

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}
        # Each href or title read once: a long text names the same entries thousands of times.
        self._people: dict[str, str | None] = {}
        self._quotes: dict[str, str | None] = {}

    def add(self, html: str) -> str:
        """``html`` with an id on each mention and quote; call in reading order."""
        return _QUOTE.sub(self._quote_span, _PERSON_MENTION.sub(self._person, html))

    def _person(self, match: re.Match[str]) -> str:
        href = match.group(1)
        if href not in self._people:
            self._people[href] = _entry_name(href, person=True)
        return self._number(match, self._people[href])

    def _quote_span(self, match: re.Match[str]) -> str:
        title = match.group(1)
        if title not in self._quotes:
            self._quotes[title] = _entry_name(title, person=False)
        return self._number(match, self._quotes[title])

    def _number(self, match: re.Match[str], name: str | None) -> str:
        if name is None:
            return match.group()
        found = self.ids.setdefault(name, [])
        found.append(f"{name}-in-text-{len(found) + 1}")
        return f'{match.group()} id="{found[-1]}"'


def _entry_name(text: str, person: bool) -> str | None:
    """The name of the entry ``text`` stands for: a person for a link, a figure or an event
    for a quote's title; None for anything else."""
    entry = EntryRef.parse(text)
    if entry is None or (entry.kind == "person") != person:
        return None
    return entry.name


def _main_html(briefing: Briefing, links_from: str | None, mention_ids: _MentionIds) -> str:
    """The reader's body HTML with an id on each mention, images embedded and local links
    rewritten."""
    folder = os.path.dirname(os.path.abspath(briefing.path))
    body = mention_ids.add(briefing.body_html)
    body = _IMAGE.sub(lambda m: _embedded_image(m, folder), body)
    if links_from is not None:
        body = _LOCAL_HREF.sub(lambda m: _relinked(m, folder, links_from), body)
    return body


def _embedded_image(match: re.Match[str], folder: str) -> str:
    before, src, after = match.groups()
    kind = IMAGE_TYPES.get(os.path.splitext(unquote(src).lower())[1])
    path = image_file(folder, src)  # never a file from outside the briefing's folder
    data = b""
    if kind and path is not None:
        try:
            with os.fdopen(open_regular(path), "rb") as image:  # never a pipe swapped in since
                data = image.read(MAX_IMAGE_BYTES + 1)
        except OSError:
            data = b""
    if len(data) > MAX_IMAGE_BYTES:
        data = b""
    if not data:
        alt = _ALT.search(before + after)
        description = (alt.group(1) if alt else "") or "image"
        return f'<span class="image-placeholder">[{description}: image not embedded, {src}]</span>'
    uri = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return f'<img{before} src="{uri}"{after}>'


def _relinked(match: re.Match[str], folder: str, links_from: str) -> str:
    attributes, href = match.groups()
    if "://" in href or href.lower().startswith("mailto:"):
        return match.group()
    target = os.path.normpath(os.path.join(folder, unquote(href)))
    relative = os.path.relpath(target, links_from).replace(os.sep, "/")
    return f'<a{attributes} href="{quote(relative)}"'


def _header(briefing: Briefing, summary_html: str) -> str:
    parts = ['<header class="briefing-header">', *title_lines(briefing, "<h1>")]
    meta = []
    if briefing.byline:
        meta.append(f"By <b>{escape(briefing.byline)}</b>")
    if briefing.date:
        meta.append(
            f'<time datetime="{briefing.date.iso()}">{escape(briefing.date.display())}</time>'
        )
    if briefing.source:
        name = escape(briefing.source.name)
        url = briefing.source.url
        meta.append(f'<a href="{escape(url)}">{name}</a>' if url else name)
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if summary_html:
        parts.append(f'<p class="summary">{summary_html}</p>')
    extras = {key: value for key, value in briefing.extras.items() if value}
    if extras:
        rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in extras.items())
        parts.append(f'<dl class="extras">{rows}</dl>')
    parts.append("</header>")
    return "\n".join(parts)


def _aside(briefing: Briefing, mention_ids: dict[str, list[str]]) -> str:
    sections = []
    if briefing.key_figures:
        items = []
        for index, figure in enumerate(briefing.key_figures):
            entry = EntryRef("figure", index)
            detail = f'<span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
            items.append(
                f'<li id="{entry.name}"><span class="value">{escape(figure.value)}</span>'
                f' <span class="label">{escape(figure.label)}</span>{detail}'
                f"{_in_text(mention_ids.get(entry.name, []))}</li>"
            )
        sections.append(_section("key-figures", "Key figures", "figures", items))
    if briefing.people:
        items = []
        for index, person in enumerate(briefing.people):
            entry = EntryRef("person", index)
            role = ", ".join(escape(part) for part in (person.role, person.affiliation) if part)
            note = f'<span class="detail">{escape(person.note)}</span>' if person.note else ""
            items.append(
                f'<li id="{entry.name}"><span class="name">{escape(person.name)}</span>'
                f"{f'<span class=role>{role}</span>' if role else ''}{note}"
                f"{_in_text(mention_ids.get(entry.name, []))}</li>"
            )
        sections.append(_section("people", "People", "people", items))
    if briefing.timeline:
        items = []
        for index, event in enumerate(briefing.timeline):
            entry = EntryRef("timeline", index)
            items.append(
                f'<li id="{entry.name}"><time datetime="{event.date.iso()}">'
                f"{escape(event.display_date)}</time> {escape(event.event)}"
                f"{_in_text(mention_ids.get(entry.name, []))}</li>"
            )
        sections.append(_section("timeline", "Timeline", "events", items))
    if not sections:
        return ""
    return '<aside aria-label="Panels">\n' + "\n".join(sections) + "\n</aside>\n"


def _section(anchor: str, title: str, noun: str, items: list[str]) -> str:
    return (
        f'<section id="{anchor}" aria-label="{title}">\n<h2>{title}'
        f' <span class="count">{len(items)} {noun if len(items) != 1 else noun.rstrip("s")}</span></h2>\n'
        f"<ol>\n{chr(10).join(items)}\n</ol>\n</section>"
    )


def _in_text(ids: list[str]) -> str:
    """Links to where the text mentions an entry."""
    if not ids:
        return ""
    if len(ids) == 1:
        return f' <a class="in-text" href="#{ids[0]}">in the text</a>'
    links = " ".join(f'<a href="#{anchor}">{n}</a>' for n, anchor in enumerate(ids, start=1))
    return f' <span class="in-text">in the text: {links}</span>'


def stylesheet() -> str:
    return (
        _colours_css(LIGHT)
        + "@media (prefers-color-scheme: dark) {\n"
        + _colours_css(DARK)
        + "}\n"
        + _LAYOUT_CSS
        + "@media print {\n"
        + _colours_css(LIGHT)
        + _PRINT_CSS
        + "}\n"
    )


def _colours_css(c: Colours) -> str:
    return f""":root {{ color-scheme: {"dark" if c.dark else "light"}; }}
body {{ color: {c.text}; background: {c.page}; }}
a {{ color: {c.accent}; }}
a.mention-person {{ color: {c.text}; text-decoration: underline dotted {c.muted}; }}
:target {{ background: {c.highlight}; }}
.tags, h2, .value, time {{ color: {c.accent}; }}
.subtitle, .meta, .detail, .role, .count, .in-text, .image-placeholder, footer,
blockquote, del, .wikilink-missing, .extras {{ color: {c.muted}; }}
hr, aside section, th, td, header {{ border-color: {c.rule}; }}
pre, code, aside li, th {{ background: {c.card}; }}
.draft {{ background: {c.highlight}; }}
{callout_css(c.dark)}
"""


_LAYOUT_CSS = """
body { margin: 0; font: 17px/1.6 "Source Serif 4", Georgia, "DejaVu Serif", serif; }
header, .page, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; box-sizing: border-box; }
header { padding-top: 2rem; padding-bottom: 1rem; border-bottom: 1px solid; }
header h1 { font-size: 2.2rem; line-height: 1.2; margin: 0.2rem 0; }
.tags, .meta, .extras, aside, footer, .callout-title { font-family: system-ui, sans-serif; }
.tags { font-size: 0.8rem; font-weight: 600; margin: 0; }
.subtitle { font-size: 1.25rem; margin: 0.2rem 0 0.6rem; }
.meta { font-size: 0.9rem; }
.summary { font-style: italic; }
.draft { font-family: system-ui, sans-serif; font-weight: 600; padding: 0.4rem 0.6rem; }
.extras { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; font-size: 0.85rem; }
.extras dt { font-weight: 600; } .extras dd { margin: 0; }
.page { display: grid; grid-template-columns: minmax(0, 42rem) minmax(16rem, 1fr); gap: 3rem; }
main { padding: 1rem 0 3rem; min-width: 0; }
main img { max-width: 100%; height: auto; }
main pre { padding: 0.6rem 0.8rem; overflow-x: auto; white-space: pre-wrap; }
main code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
main table { border-collapse: collapse; }
main th, main td { border: 1px solid; padding: 0.25rem 0.5rem; }
blockquote { font-style: italic; margin-left: 1.5rem; }
ul.task-list { list-style: none; padding-left: 1.2rem; }
table.callout { width: 100%; margin: 0.5rem 0 1rem; border-collapse: collapse; }
td.callout { border: none; padding: 0.6rem 0.9rem; }
.callout-title { font-weight: 600; margin: 0 0 0.3rem; }
.image-placeholder { font-size: 0.85rem; }
aside { padding: 1rem 0 3rem; font-size: 0.9rem; line-height: 1.45; }
aside section { border-top: 1px solid; padding-top: 0.5rem; margin-bottom: 1.5rem; }
aside h2 { font-size: 1rem; margin: 0 0 0.6rem; }
aside .count { font-weight: normal; font-size: 0.85rem; }
aside ol { list-style: none; margin: 0; padding: 0; }
aside li { margin: 0 0 0.5rem; padding: 0.45rem 0.6rem; border-radius: 4px; }
aside .value { display: block; font-size: 1.5rem; font-weight: 700; }
aside .name { display: block; font-weight: 600; }
aside .role, aside .detail { display: block; }
aside time { font-weight: 600; margin-right: 0.3rem; }
aside .in-text { display: block; font-size: 0.8rem; }
footer { font-size: 0.8rem; padding-bottom: 2rem; }
.page.no-panels { grid-template-columns: minmax(0, 42rem); }
@media (max-width: 60rem) { .page { grid-template-columns: minmax(0, 1fr); gap: 0; } }
"""

_PRINT_CSS = """
@page { margin: 20mm; }
body { font-size: 11pt; }
.page { display: block; }
aside { break-before: page; }
aside li, tr, img, table.callout { break-inside: avoid; }
h1, h2, h3, h4 { break-after: avoid; }
a { text-decoration: none; }
:target { background: none; }
"""
