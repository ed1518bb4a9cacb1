"""The briefing as one HTML document for reading and printing: a header block, then the body.

Plain HTML with class names; the reader and the printer each bring their own stylesheet.
"""

from __future__ import annotations

from html import escape

from briefing_app.core.model import Briefing


def header_html(briefing: Briefing) -> str:
    parts = ['<div class="briefing-header">']
    if briefing.tags:
        tags = " · ".join(escape(tag) for tag in briefing.tags)
        parts.append(f'<p class="tags">{tags}</p>')
    parts.append(f'<h1 class="title">{escape(briefing.title)}</h1>')
    if briefing.subtitle:
        parts.append(f'<p class="subtitle">{escape(briefing.subtitle)}</p>')
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
