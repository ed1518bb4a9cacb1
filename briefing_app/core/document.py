"""The briefing as one HTML document for reading and printing: a header block, then the body.

Plain HTML with class names; the reader and the printer each bring their own stylesheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from briefing_app.core.model import Briefing

DRAFT_NOTICE = (
    "Draft: the key figures, people and timeline were proposed from the text and are not yet"
    " checked."
)


def title_lines(briefing: Briefing, heading: str = '<h1 class="title">') -> list[str]:
    """The top of every title block (reader, paper, HTML): draft notice, tags, title, subtitle;
    ``heading`` opens the title (the HTML file's own styles need no class)."""
    lines = []
    if briefing.proposed_panels:
        lines.append(f'<p class="draft">{escape(DRAFT_NOTICE)}</p>')
    if briefing.tags:
        lines.append(f'<p class="tags">{" · ".join(escape(tag) for tag in briefing.tags)}</p>')
    lines.append(f"{heading}{escape(briefing.title)}</h1>")
    if briefing.subtitle:
        lines.append(f'<p class="subtitle">{escape(briefing.subtitle)}</p>')
    return lines


def header_html(briefing: Briefing) -> str:
    parts = ['<div class="briefing-header">']
    parts.extend(title_lines(briefing))
    meta = []
    if briefing.byline:
        meta.append(f"By <b>{escape(briefing.byline)}</b>")
    if briefing.date:
        meta.append(escape(briefing.date.display()))
    if briefing.source:
        name = escape(briefing.source.name)
        meta.append(
            f'<a href="{escape(briefing.source.url)}">{name}</a>' if briefing.source.url else name
        )
    if meta:
        parts.append(f'<p class="meta">{" &nbsp;·&nbsp; ".join(meta)}</p>')
    if briefing.summary_html:
        parts.append(f'<p class="summary">{briefing.summary_html}</p>')
    extras = {key: value for key, value in briefing.extras.items() if value}
    if extras:
        # Inline styles: in Qt, they win over the document's table-cell borders.
        cell = 'style="border: none; padding: 1px 12px 1px 0"'
        rows = "".join(
            f"<tr><td class='extra-key' {cell}><b>{escape(key)}</b></td><td {cell}>{escape(value)}</td></tr>"
            for key, value in extras.items()
        )
        parts.append(f'<table class="extras" cellspacing="0">{rows}</table>')
    parts.append("<hr/></div>")
    return "".join(parts)


def document_html(briefing: Briefing) -> str:
    return f"<html><body>{header_html(briefing)}{briefing.body_html}</body></html>"


def print_html(briefing: Briefing) -> str:
    """The briefing laid out for paper: title block, "At a glance", the text, people, timeline."""
    before, after = print_html_parts(briefing)
    return f'<html><body>{before}<div class="body">{briefing.body_html}</div>{after}</body></html>'


def print_html_parts(briefing: Briefing) -> tuple[str, str]:
    """What :func:`print_html` puts before the text and after it (each whole HTML), for laying
    a long text out a piece at a time."""
    parts = ['<div class="title-block">']
    parts.extend(title_lines(briefing))
    meta = [
        f"By {escape(briefing.byline)}" if briefing.byline else "",
        escape(briefing.date.display()) if briefing.date else "",
    ]
    if briefing.source:
        source = escape(briefing.source.name)
        if briefing.source.url and briefing.source.url != briefing.source.name:
            source += (
                f' (<a href="{escape(briefing.source.url)}">{escape(briefing.source.url)}</a>)'
            )
        meta.append(source)
    meta_text = " · ".join(part for part in meta if part)
    if meta_text:
        parts.append(f'<p class="meta">{meta_text}</p>')
    if briefing.summary_html:
        parts.append(f'<p class="summary">{briefing.summary_html}</p>')
    parts.append("</div>")
    if briefing.key_figures:
        parts.append(_at_a_glance(briefing))
    before = "".join(parts)
    parts = []
    if briefing.people:
        rows = [
            (f"<b>{escape(p.name)}</b>", escape(p.role), escape(p.affiliation))
            for p in briefing.people
        ]
        parts.append(_appendix("People", ("Name", "Role", "Affiliation"), rows))
    if briefing.timeline:
        events = [
            (f'<span class="when">{escape(e.display_date)}</span>', escape(e.event))
            for e in briefing.timeline
        ]
        parts.append(_appendix("Timeline", ("Date", "Event"), events))
    return before, "".join(parts)


def _at_a_glance(briefing: Briefing, columns: int = 3) -> str:
    # Inline: in Qt, these win over the stylesheet's borders on every table cell.
    width = f'width="{100 // columns}%" style="border: none"'
    cells = []
    for figure in briefing.key_figures:
        detail = (
            f'<br/><span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
        )
        cells.append(
            f'<td class="figure" {width} valign="top"><span class="value">{escape(figure.value)}</span><br/>'
            f'<span class="label">{escape(figure.label)}</span>{detail}</td>'
        )
    while len(cells) % columns:
        cells.append(f'<td class="figure" {width}></td>')
    rows = "".join(
        "<tr>" + "".join(cells[start : start + columns]) + "</tr>"
        for start in range(0, len(cells), columns)
    )
    return (
        '<table class="glance" width="100%" cellspacing="0" cellpadding="8">'
        f'<tr><td class="glance-title" colspan="{columns}" style="border: none">At a glance</td></tr>'
        f"{rows}</table>"
    )


def _appendix(title: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """A panel printed in full: a heading and a table with a header row."""
    head = "".join(f"<th>{header}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<h2 class="appendix">{title}</h2>'
        '<table class="panel" width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )
