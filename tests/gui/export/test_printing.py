"""Print and PDF export, read back from the PDF as a reader of the handout would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest
from pypdf import PdfReader

from briefing_app.core import load_briefing
from briefing_app.gui.export import printing
from briefing_app.gui.export.printing import ExportError, export_pdf
from briefing_app.gui.shell.menus import Command
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING, SEED_TEXT

pytestmark = pytest.mark.gui
needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils not installed"
)


def page_texts(pdf) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def poppler_pages(pdf) -> list[str]:
    pages = len(PdfReader(str(pdf)).pages)
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory, qapp):
    target = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    export_pdf(load_briefing(SEED_BRIEFING), str(target), "A4")
    return target


@needs_poppler
def test_every_paragraph_of_the_seed_is_in_the_pdf_in_order(seed_pdf):
    body_lines = []
    for number, text in enumerate(poppler_pages(seed_pdf), start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert f"Page {number} of" in lines[-1]
        lines = lines[:-1]  # the footer
        if number > 1:
            lines = lines[1:]  # the running header
        body_lines.extend(lines)
    # Compared without whitespace: a line may break after a hyphen ("three-decade-" / "old").
    text = "".join("".join(body_lines).split())
    seed_lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()[1:]
    position = 0
    for paragraph in (line for line in seed_lines if line.strip()):
        wanted = "".join(paragraph.split())
        found = text.find(wanted, position)
        assert found >= 0, paragraph[:60]
        position = found + len(wanted)


def test_panels_are_printed_in_full(seed_pdf):
    text = flat(" ".join(page_texts(seed_pdf)))
    briefing = load_briefing(SEED_BRIEFING)
    assert "At a glance" in text
    for figure in briefing.key_figures:
        assert figure.value in text and figure.label in text
    assert "People" in text and "Timeline" in text
    for person in briefing.people:
        assert person.name in text and flat(person.role) in text
    for event in briefing.timeline:
        assert event.display_date in text and flat(event.event) in text


def test_every_page_has_page_i_of_n_and_the_title_from_page_two(seed_pdf):
    pages = [flat(text) for text in page_texts(seed_pdf)]
    assert len(pages) >= 3
    title = "Israel, Azerbaijan are “strategic partners,” Baku says"
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "31 July 2023" in text
        if number > 1:
            assert title in text


def test_metadata_page_size_and_bookmarks(seed_pdf):
    reader = PdfReader(str(seed_pdf))
    meta = reader.metadata
    assert meta.title == "Israel, Azerbaijan are “strategic partners,” Baku says"
    assert meta.author == "Etgar Lefkovitz"
    assert meta.subject.startswith("In an interview in Baku, Elchin Amirbayov")
    assert (
        meta.get("/Keywords") == "Israel, Azerbaijan, Iran, diplomacy, energy, security, interview"
    )
    assert meta.creator.startswith("Briefing Viewer ")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert [item.title for item in reader.outline] == [
        "Historic ties",
        "The ties that bind",
        "Looking to the future",
        "Top-level visits and Iranian violence",
        "A friend in need",
        "People",
        "Timeline",
    ]


@needs_poppler
def test_fonts_are_embedded_and_text_is_selectable(seed_pdf):
    output = subprocess.run(
        ["pdffonts", str(seed_pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = output.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\b", row.split("Identity-H")[-1] if "Identity-H" in row else row), (
            row
        )
    assert "strategic partnership" in flat(page_texts(seed_pdf)[0])


def test_letter_paper(tmp_path, qapp):
    target = tmp_path / "letter.pdf"
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(target), "Letter")
    box = PdfReader(str(target)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_printing_uses_light_colours_even_in_a_dark_theme(qapp, tmp_path):
    from briefing_app.gui.app import dark_palette

    original = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        target = tmp_path / "dark.pdf"
        export_pdf(load_briefing(SEED_BRIEFING), str(target), "A4")
    finally:
        qapp.setPalette(original)
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")],
        check=True,
    )
    from PySide6.QtGui import QImage

    image = QImage(str(next(tmp_path.glob("page*.png"))))
    corner = image.pixelColor(2, 2)
    assert corner.lightness() > 240  # white paper
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.lightness() > 150


def test_a_briefing_with_problems_still_exports_what_renders(qapp, tmp_path):
    source = tmp_path / "broken.briefing"
    source.write_text(
        "---\ntitle: Half broken\ndate: 2023-02-30\npeople: 5\n---\nThe text survives.\n",
        encoding="utf-8",
    )
    briefing = load_briefing(source)
    assert briefing.has_errors
    target = tmp_path / "broken.pdf"
    export_pdf(briefing, str(target))
    text = flat(" ".join(page_texts(target)))
    assert "Half broken" in text and "The text survives." in text


def test_refuses_to_export_over_the_briefing_itself(qapp, tmp_path):
    source = tmp_path / "self.briefing"
    source.write_text("# Self\n\nText.\n", encoding="utf-8")
    before = source.read_bytes()
    with pytest.raises(ExportError, match="over the briefing itself"):
        export_pdf(load_briefing(source), str(source))
    assert source.read_bytes() == before


def test_unwritable_targets_give_a_clear_message_and_leave_nothing(qapp, tmp_path, monkeypatch):
    briefing = load_briefing(FORMAT_EXAMPLE)
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(briefing, str(tmp_path / "missing" / "x.pdf"))
    with pytest.raises(ExportError, match="is a folder"):
        export_pdf(briefing, str(tmp_path))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(printing.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=r"cannot write in .*Permission denied"):
        export_pdf(briefing, str(tmp_path / "x.pdf"))
    assert os.listdir(tmp_path) == []


def test_a_failure_while_writing_keeps_the_previous_file_and_leaves_no_partial(
    qapp, tmp_path, monkeypatch
):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"%PDF- the previous export")
    from pypdf import PdfWriter

    def disk_full(self, stream):
        stream.write(b"%PDF-1.7 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PdfWriter, "write", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_pdf(load_briefing(FORMAT_EXAMPLE), str(target))
    assert target.read_bytes() == b"%PDF- the previous export"
    assert sorted(os.listdir(tmp_path)) == ["handout.pdf"]


def test_cancelling_writes_nothing(qapp, tmp_path):
    from briefing_app.gui.export.printing import ExportCancelled

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(load_briefing(SEED_BRIEFING), str(target), progress=lambda page, pages: False)
    assert os.listdir(tmp_path) == []


def test_cancel_is_asked_while_pages_are_laid_out_and_while_they_are_drawn(qapp, tmp_path):
    from briefing_app.gui.export.printing import ExportCancelled

    calls = []

    def progress(page, pages):
        calls.append((page, pages))
        return page < 2

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(load_briefing(SEED_BRIEFING), str(target), progress=progress)
    assert calls[0] == (0, 0)  # before any page exists: a long layout can be cancelled too
    assert calls[-1][0] == 2 and calls[-1][1] > 2  # stopped while drawing page 2
    assert os.listdir(tmp_path) == []


def test_the_window_is_asked_while_the_pdf_is_finished_and_can_still_cancel(
    qapp, tmp_path, monkeypatch
):
    from briefing_app.gui.export import pdf_finishing
    from briefing_app.gui.export.printing import ExportCancelled

    finish = pdf_finishing.finish_pdf

    def slow_finish(*args):  # as a 700-page file takes pypdf
        time.sleep(0.3)
        finish(*args)

    monkeypatch.setattr(pdf_finishing, "finish_pdf", slow_finish)
    calls = []

    def progress(page, pages):
        calls.append((page, pages))
        return calls.count((pages, pages)) < 3 if pages else True  # the last page, then twice

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(load_briefing(SEED_BRIEFING), str(target), progress=progress)
    pages = calls[-1][1]
    assert calls.count((pages, pages)) >= 3  # asked again while it was finished, and stopped
    assert os.listdir(tmp_path) == []


def test_a_failure_while_finishing_is_reported_from_the_thread(qapp, tmp_path, monkeypatch):
    from pypdf import PdfWriter

    def disk_full(self, stream):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PdfWriter, "write", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_pdf(load_briefing(FORMAT_EXAMPLE), str(tmp_path / "h.pdf"), progress=lambda *_: True)
    assert os.listdir(tmp_path) == []


def test_export_from_the_window(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    asked = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "from-window"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.exporter.export_pdf()
    assert asked[0].endswith("Israel, Azerbaijan are strategic partners, Baku says.pdf")
    assert "briefings" not in asked[0].split(os.sep)  # not among the bundled samples
    assert (tmp_path / "from-window.pdf").exists()
    notice = window.exported_notice
    assert notice.isVisible() and notice.path == str(tmp_path / "from-window.pdf")
    assert notice.label.text().startswith("Exported ")
    assert notice.open_button.isVisible() and notice.folder_button.isVisible()
    from briefing_app.gui.shell import file_actions

    asked_for = []
    monkeypatch.setattr(file_actions, "open_with_default_app", lambda p, w: asked_for.append(p))
    monkeypatch.setattr(file_actions, "show_in_folder", lambda p, w: asked_for.append(p))
    notice.open_button.click()
    notice.folder_button.click()
    assert asked_for == [notice.path, notice.path]
    from briefing_app.gui.shell import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)  # replace the first one
    window.exporter.export_pdf()
    assert asked[1].startswith(str(tmp_path))  # the folder is remembered


def test_a_name_typed_without_its_suffix_does_not_replace_a_file_unasked(
    make_window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from briefing_app.gui.shell import dialogs

    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"%PDF mine")
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "report"), ""))
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: asked.append(a[2]) or False)
    window.exporter.export_pdf()
    assert asked == ["report.pdf already exists. Replace it?"]
    assert existing.read_bytes() == b"%PDF mine"
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.exporter.export_pdf()
    assert existing.read_bytes().startswith(b"%PDF-")


def test_export_errors_in_the_window_are_shown_in_a_dialog(
    make_window, errors_shown, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "nope" / "x.pdf"), "")
    )
    window.exporter.export_pdf()
    assert errors_shown[0][0] == "Cannot export PDF"
    assert "does not exist" in errors_shown[0][1]


def test_print_preview_renders_through_the_same_routine(make_window, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    drawn = []
    monkeypatch.setattr(
        printing, "render", lambda briefing, device, progress=None: drawn.append(briefing.title)
    )
    window.exporter.render_to(QPrinter(), window.current_tab().briefing)
    assert drawn == [window.current_tab().briefing.title]


def test_leftovers_of_a_killed_export_are_cleaned_up(qapp, tmp_path):
    stale = tmp_path / ".~handout.pdfabc123.part"
    stale.write_bytes(b"%PDF half")
    os.utime(stale, (1_000_000, 1_000_000))
    recent = tmp_path / ".~handout.pdfdef456.part"  # perhaps another export at work right now
    recent.write_bytes(b"%PDF")
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(tmp_path / "handout.pdf"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~handout.pdfdef456.part", "handout.pdf"]


@pytest.fixture
def long_window(make_window, tmp_path):
    from benchmarks.generate import write_briefing

    window = make_window()
    window.open_file(str(write_briefing(tmp_path / "long.briefing", 60_000)))
    return window


def pdf_printer(path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def cancel_at(monkeypatch, label: str) -> list[str]:
    """The progress dialog is cancelled once it shows ``label``; what it showed."""
    from PySide6.QtWidgets import QProgressDialog

    shown: list[str] = []
    set_label = QProgressDialog.setLabelText

    def noting(self, text):
        shown.append(text)
        set_label(self, text)

    monkeypatch.setattr(QProgressDialog, "setLabelText", noting)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: label in shown)
    return shown


@pytest.mark.parametrize("preview", [True, False])
def test_a_long_print_or_preview_shows_its_progress_and_stops_when_cancelled(
    long_window, tmp_path, monkeypatch, preview
):
    from pypdf import PdfReader

    doing = "Preparing" if preview else "Printing"
    shown = cancel_at(monkeypatch, "never")
    target = tmp_path / "whole.pdf"
    long_window.exporter.render_to(
        pdf_printer(target), long_window.current_tab().briefing, preview=preview
    )
    assert shown[0] == "Laying out the pages…"
    pages = len(PdfReader(str(target)).pages)
    assert pages > 10
    assert f"{doing} page 1 of {pages}…" in shown
    assert f"{doing} page {pages - 1} of {pages}…" in shown

    cancel_at(monkeypatch, f"{doing} page 3 of {pages}…")
    target = tmp_path / "cancelled.pdf"
    long_window.exporter.render_to(
        pdf_printer(target), long_window.current_tab().briefing, preview=preview
    )
    assert len(PdfReader(str(target)).pages) == 3  # stopped at the page reached


def test_print_preview_opens_shows_the_pages_and_closes(make_window, qtbot):
    """The preview dialog only borrows its printer: one left to be collected crashed the app."""
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.export.preview_dialog import PreviewDialog

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    seen = []

    def look_and_close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreviewDialog) or not dialog.pages.pageCount():
            QTimer.singleShot(50, look_and_close)
            return
        gc.collect()  # what Python no longer holds is gone now
        seen.append((dialog.windowTitle(), dialog.page_label.text()))
        dialog._next()
        seen.append(dialog.page_label.text())
        dialog.reject()

    QTimer.singleShot(50, look_and_close)
    window.exporter.print_preview()
    pages = seen[0][1].rsplit(" ", 1)[-1]
    assert seen == [
        (f"Print Preview — {window.current_tab().briefing.title}", f"Page 1 of {pages}"),
        f"Page 2 of {pages}",
    ]


def test_the_page_size_chosen_in_the_preview_is_remembered(make_window, qtbot, settings):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.export.preview_dialog import PreviewDialog

    settings.page_size = "A4"
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    letter_pages = []

    def choose_letter():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreviewDialog) or not dialog.pages.pageCount():
            QTimer.singleShot(50, choose_letter)
            return
        dialog.size_box.setCurrentText("Letter")
        letter_pages.append(dialog.printer.pageLayout().pageSize().id())
        dialog.reject()

    QTimer.singleShot(50, choose_letter)
    window.exporter.print_preview()
    assert letter_pages == [QPageSize.PageSizeId.Letter]
    assert settings.page_size == "Letter"


def test_exporting_html_from_the_window_writes_the_handout_and_says_where(
    make_window, errors_shown, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    asked = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "handout"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.menu.actions[Command.EXPORT_HTML].trigger()
    assert asked[0].endswith("Israel, Azerbaijan are strategic partners, Baku says.html")
    html = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert "<main>" in html and "Elchin Amirbayov" in html
    assert window.exported_notice.path == str(tmp_path / "handout.html")
    assert window.exported_notice.label.text() == "Exported to handout.html"

    missing = tmp_path / "nope" / "x.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(missing), ""))
    window.menu.actions[Command.EXPORT_HTML].trigger()
    assert errors_shown[0][0] == "Cannot export HTML"
    assert "does not exist" in errors_shown[0][1]
