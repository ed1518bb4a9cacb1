"""A long text filled a slice at a time must come out as the very document setHtml gives."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from briefing_app.core.document import document_html
from briefing_app.core.loader import load_briefing
from briefing_app.core.sanitise import split_top_level
from briefing_app.gui.text.reader import ReaderView
from briefing_app.gui.text.sliced_build import Anchors, SlicedBuild
from tests.conftest import BRIEFINGS, SEED_BRIEFING


def blocks(document: QTextDocument) -> list[tuple]:
    """Everything a reader sees of each block: text, block format, and each fragment's format."""
    described = []
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        fragments = []
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char = fragment.charFormat()
            fragments.append(
                (
                    fragment.text(),
                    char.fontWeight(),
                    char.fontItalic(),
                    char.fontPointSize(),
                    char.foreground().color().name(),
                    char.anchorHref(),
                    tuple(char.anchorNames()),
                    char.isImageFormat() and char.toImageFormat().name(),
                )
            )
            iterator += 1
        described.append(
            (
                block.text(),
                block_format.headingLevel(),
                block_format.topMargin(),
                block_format.bottomMargin(),
                block_format.leftMargin(),
                block_format.indent(),
                block.textList() is not None,
                tuple(fragments),
            )
        )
        block = block.next()
    return described


def build_in_slices(qtbot, reader: ReaderView, path, piece_characters: int | None = None):
    """Build ``path``'s text in slices: the loader's pieces, or pieces of ``piece_characters``."""
    briefing = load_briefing(str(path))
    document = reader._new_document(briefing)
    head = document_html(briefing).removesuffix(briefing.body_html + "</body></html>")
    head = head.removeprefix("<html><body>")
    pieces = (
        list(split_top_level(briefing.body_html, piece_characters))
        if piece_characters
        else briefing.body_pieces()
    )
    build = SlicedBuild(document, head, pieces, reader._scratch_document, reader)
    steps = []
    build.progress.connect(lambda done, total: steps.append(done))
    with qtbot.waitSignal(build.finished, timeout=30_000):
        build.start()
    return briefing, document, build, steps


@pytest.mark.parametrize(
    "path", [SEED_BRIEFING, BRIEFINGS / "format-example.briefing"], ids=["seed", "format example"]
)
def test_slices_give_the_same_document_as_setHtml(qapp, qtbot, path):
    reader = ReaderView()
    briefing, sliced, build, _ = build_in_slices(qtbot, reader, path, piece_characters=300)
    whole = reader._new_document(briefing)
    whole.setHtml(document_html(briefing))
    assert len(briefing.body_html) > 10 * 300  # so there were many pieces
    assert blocks(sliced) == blocks(whole)
    expected = Anchors.of(whole)
    assert dict(build.anchors.people) == dict(expected.people)
    assert dict(build.anchors.quotes) == dict(expected.quotes)


def test_a_long_text_is_filled_over_several_turns_of_the_event_loop(
    qapp, qtbot, tmp_path, monkeypatch
):
    from benchmarks.generate import write_briefing
    from briefing_app.gui.text import sliced_build

    monkeypatch.setattr(sliced_build, "SLICE_SECONDS", 0.0)  # one piece a turn, on any machine
    path = write_briefing(tmp_path / "long.briefing", 300_000)
    reader = ReaderView()
    _, document, _, steps = build_in_slices(qtbot, reader, path)
    assert len(steps) >= 10  # it gave the event loop back, and said how far it was
    assert steps == sorted(steps)
    assert "Generated briefing of" in document.toPlainText()


def test_the_reader_shows_a_text_built_in_slices_with_its_links(qapp, qtbot):
    reader = ReaderView()
    briefing = load_briefing(str(SEED_BRIEFING))
    build = reader.show_briefing_in_slices(briefing)
    assert reader.briefing is None  # nothing is shown until the text is whole
    qtbot.waitUntil(lambda: not build.running, timeout=10_000)
    assert reader.briefing is briefing
    assert "Elchin Amirbayov" in reader.toPlainText()
    assert reader.person_ranges and reader.quote_positions
