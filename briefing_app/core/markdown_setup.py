"""The Markdown converters: Python-Markdown with the extensions of the briefing dialect, set up
once per thread and reset between texts."""

from __future__ import annotations

import string
import threading
from collections.abc import Callable

import markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from briefing_app.core.block_stack import keep_blocks_in_a_stack
from briefing_app.core.dialect.autolinks import BareUrlExtension
from briefing_app.core.dialect.breaks import BackslashBreakExtension
from briefing_app.core.dialect.callouts import CalloutExtension
from briefing_app.core.dialect.code_spans import CodeSpansExtension
from briefing_app.core.dialect.container_fences import ContainerFencesExtension
from briefing_app.core.dialect.fences import FencesExtension
from briefing_app.core.dialect.files import LocalFilesExtension
from briefing_app.core.dialect.footnotes import QuickFootnoteExtension
from briefing_app.core.dialect.headings import HeadingsExtension
from briefing_app.core.dialect.html_blocks import HtmlBlocksExtension
from briefing_app.core.dialect.lists import CommonMarkListsExtension
from briefing_app.core.dialect.quotes import QuotesExtension
from briefing_app.core.dialect.setext import SetextExtension
from briefing_app.core.dialect.strikethrough import StrikethroughExtension
from briefing_app.core.dialect.tasks import TaskListExtension
from briefing_app.core.quick_markdown import make_quick


def reused_markdown(kind: str, make: Callable[[], markdown.Markdown]) -> markdown.Markdown:
    """This thread's Markdown of ``kind``, reset: setting one up is a good part of reading a
    short briefing. One per thread, since a Markdown keeps the state of what it converts."""
    md: markdown.Markdown | None = getattr(_markdowns, kind, None)
    if md is None:
        md = make()
        setattr(_markdowns, kind, md)
    return md.reset()


_markdowns = threading.local()


def new_markdown(quick: bool = True) -> markdown.Markdown:
    # Extension instances, not names: names make Markdown scan every installed package's
    # entry points first, which costs more than the rest of its set-up.
    md = markdown.Markdown(
        extensions=[
            TableExtension(use_align_attribute=True),
            QuickFootnoteExtension(BACKLINK_TEXT="↩"),
            TocExtension(permalink=False),
            SaneListExtension(),
            FencedCodeExtension(),
            DefListExtension(),
            AbbrExtension(),
            AttrListExtension(),
            # What GitHub, Obsidian and Typora write, read as CommonMark reads it (core/dialect):
            FencesExtension(),
            CommonMarkListsExtension(),
            HeadingsExtension(),
            CalloutExtension(),
            QuotesExtension(),
            CodeSpansExtension(),
            SetextExtension(),
            HtmlBlocksExtension(),
            LocalFilesExtension(),  # wiki links and images
            TaskListExtension(),
            BackslashBreakExtension(),
            StrikethroughExtension(),
            BareUrlExtension(),
            ContainerFencesExtension(),
        ],
        output_format="html",
    )
    md.ESCAPED_CHARS = list(string.punctuation)  # CommonMark escapes any ASCII punctuation
    if quick:
        make_quick(md)
        keep_blocks_in_a_stack(md)
    return md


def local_files(md: markdown.Markdown) -> LocalFilesExtension:
    return next(e for e in md.registeredExtensions if isinstance(e, LocalFilesExtension))
