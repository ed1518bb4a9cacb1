"""Command line: headless commands run without Qt; anything else starts the window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from briefing_app import APP_NAME, __version__

if TYPE_CHECKING:
    from briefing_app.core.model import Briefing

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description=f"{APP_NAME}: read briefings with key figures, people and a timeline.",
        epilog="Exit status: 0 success, 1 a file has errors or cannot be read, 2 bad usage.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="briefing files to open")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="validate FILEs, or every briefing in a folder; print PATH:LINE:COL diagnostics",
    )
    mode.add_argument("--dump-json", action="store_true", help="print the parsed FILE as JSON")
    mode.add_argument(
        "--dump-library",
        action="store_true",
        help="print the briefings in FOLDERs (or FILEs) as one library in JSON: people matched"
        " across them and one merged timeline",
    )
    mode.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window (1280×800) to a PNG and exit"
    )
    mode.add_argument(
        "--export-pdf",
        metavar="OUT.pdf",
        help="write FILE as a PDF handout and exit (no display needed)",
    )
    mode.add_argument(
        "--export-html",
        metavar="OUT.html",
        help="write FILE as one self-contained HTML file and exit (no display needed)",
    )
    mode.add_argument(
        "--draft",
        metavar="ARTICLE",
        help="propose a briefing from a plain-text or Markdown article: people, key figures and"
        " timeline found in the text, marked as a draft; printed, or written with -o",
    )
    mode.add_argument(
        "--install-desktop-integration",
        action="store_true",
        help="Linux: add the app to the menu and open .briefing files with it (this user only)",
    )
    mode.add_argument(
        "--uninstall-desktop-integration",
        action="store_true",
        help="Linux: remove what --install-desktop-integration added",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.briefing",
        help="with --draft: the file to write (an existing file is never written over)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="with --draft: when the article was published, for dates such as 'four months ago'",
    )
    parser.add_argument(
        "--window-size",
        type=_window_size,
        metavar="WxH",
        help="with --screenshot: the window's size, e.g. 800x600 (default 1280x800)",
    )
    parser.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        help="paper for --export-pdf (default: from the locale)",
    )
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        help="colours of the window for this run (default: as chosen in View › Theme, at first"
        " the desktop's)",
    )
    parser.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help="log unexpected errors without showing a dialog (for automated runs)",
    )
    # The window's parse worker (see briefing_app.parsing); not for users.
    parser.add_argument("--parse-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def _window_size(text: str) -> tuple[int, int]:
    """``800x600`` -> (800, 600), within what a screen can have."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 1280x800")
    size = int(width), int(height)
    if not all(200 <= side <= 10_000 for side in size):
        raise argparse.ArgumentTypeError(f"'{text}': each side must be 200 to 10000 pixels")
    return size


def main(argv: Sequence[str] | None = None) -> int:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # a windowed Windows executable has no console
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - lives as long as the process
    try:
        return _dispatch(build_parser(), argv)
    except BrokenPipeError:  # ``briefing-app --dump-json x | head``: the reader left, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK


def _dispatch(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    args = parser.parse_args(argv)
    if args.parse_worker:
        from briefing_app.parsing import worker

        return worker.run()
    if args.check:
        if not args.files:
            parser.error("--check needs at least one FILE or folder")
        return run_check(args.files)
    if args.dump_json:
        if len(args.files) != 1:
            parser.error("--dump-json takes exactly one FILE")
        return run_dump_json(args.files[0])
    if args.dump_library:
        if not args.files:
            parser.error("--dump-library needs at least one FOLDER or FILE")
        return run_dump_library(args.files)
    if args.draft:
        if args.files:
            parser.error("--draft takes the ARTICLE only; name the output with -o")
        return run_draft(parser, args.draft, args.output, args.date)
    if args.output or args.date:
        parser.error("-o and --date go with --draft")
    if args.install_desktop_integration or args.uninstall_desktop_integration:
        from briefing_app import desktop_integration

        if sys.platform != "linux":
            print(
                "desktop integration is for Linux; installers handle it elsewhere", file=sys.stderr
            )
            return EXIT_ERRORS
        action = (
            desktop_integration.install
            if args.install_desktop_integration
            else desktop_integration.uninstall
        )
        try:
            for line in action():
                print(line)
        except OSError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_ERRORS
        return EXIT_OK
    if args.export_pdf:
        if len(args.files) != 1:
            parser.error("--export-pdf takes exactly one FILE")
        return run_export_pdf(args.export_pdf, args.files[0], args.page_size)
    if args.export_html:
        if len(args.files) != 1:
            parser.error("--export-html takes exactly one FILE")
        return run_export_html(args.export_html, args.files[0])
    if args.page_size:
        parser.error("--page-size goes with --export-pdf")
    if args.window_size and not args.screenshot:
        parser.error("--window-size goes with --screenshot")
    if not args.screenshot:
        from briefing_app import hand_over

        if hand_over.to_running_window(args.files):
            return EXIT_OK
    from briefing_app import startup

    startup.before_qt(args.files)
    from briefing_app.gui.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(
        args.files,
        screenshot=args.screenshot,
        window_size=args.window_size,
        color_scheme=args.color_scheme,
        crash_dialog=not args.no_crash_dialog,
    )


def _load(path: str, errors: TextIO) -> Briefing | None:
    """The briefing at ``path``, or None after one line on ``errors`` saying why not."""
    from briefing_app.core import BriefingError, load_briefing

    try:
        return load_briefing(path)
    except BriefingError as error:
        print(f"{path}: error: {error.message}", file=errors)
    except Exception as error:  # a bug in the core must still not print a traceback
        print(f"{path}: error: internal error while reading: {error!r}", file=errors)
    return None


def run_check(paths: Sequence[str]) -> int:
    """Check files and every briefing under folders; a summary line ends all but a lone file's."""
    from briefing_app.core.library import iter_briefing_files

    _tolerant_stdout()
    files = []
    for path in paths:
        found = list(iter_briefing_files(path)) if os.path.isdir(path) else [path]
        if not found:
            print(f"{path}: warning: no briefings (.briefing, .md, .markdown) in this folder")
        files.extend(found)
    with_errors = with_warnings = 0
    for path in files:
        briefing = _load(path, sys.stdout)
        if briefing is None:
            with_errors += 1
            continue
        for diagnostic in briefing.diagnostics:
            print(diagnostic.format(path))
        if briefing.has_errors:
            with_errors += 1
        elif briefing.diagnostics:
            with_warnings += 1
    if len(files) != 1 or any(os.path.isdir(path) for path in paths):
        count = f"{len(files)} file{'s' if len(files) != 1 else ''}"
        print(f"checked {count}: {with_errors} with errors, {with_warnings} with warnings")
    return EXIT_ERRORS if with_errors else EXIT_OK


def run_draft(
    parser: argparse.ArgumentParser, article: str, output: str | None, date_text: str | None
) -> int:
    from briefing_app.core.dates import PartialDate
    from briefing_app.core.drafting.files import draft_from_file, write_new_file
    from briefing_app.core.errors import BriefingError

    article_date = None
    if date_text:
        try:
            article_date = PartialDate.parse(date_text)
        except ValueError as error:
            parser.error(f"--date {error}")
    try:
        draft = draft_from_file(article, article_date)
        if output is None:
            _tolerant_stdout()
            sys.stdout.write(draft.text)
            return EXIT_OK
        write_new_file(output, draft.text)
    except BriefingError as error:
        print(f"{error.path}: error: {error.message}", file=sys.stderr)
        return EXIT_ERRORS
    print(
        f"{output}: drafted {len(draft.people)} people, {len(draft.figures)} key figures and"
        f" {len(draft.events)} timeline events; check them, then set 'proposed_panels: false'",
        file=sys.stderr,
    )
    return EXIT_OK


def run_dump_json(path: str) -> int:
    from briefing_app.core.jsonexport import briefing_to_dict

    _tolerant_stdout()
    briefing = _load(path, sys.stderr)
    if briefing is None:
        return EXIT_ERRORS
    json.dump(briefing_to_dict(briefing), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_ERRORS if briefing.has_errors else EXIT_OK


def run_dump_library(paths: Sequence[str]) -> int:
    """Print the briefings in folders and files as one library (see core.across.dump). A file
    with errors is reported on stderr and left out, and the exit status says so, as --check's."""
    from briefing_app.core.across.dump import library_to_dict, read_library

    _tolerant_stdout()
    library = read_library(paths)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    json.dump(library_to_dict(library.briefings), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_ERRORS if library.left_out else EXIT_OK


def run_export_pdf(target: str, path: str, page_size: str | None) -> int:
    _tolerant_stdout()
    briefing = _load(path, sys.stderr)
    if briefing is None:
        return EXIT_ERRORS
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF needs fonts, not a display
    from PySide6.QtGui import QGuiApplication

    from briefing_app.gui.export.printing import export_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed for fonts

    def write() -> str:
        from briefing_app.gui.export.print_budget import is_shortened

        pages = export_pdf(briefing, target, page_size)
        shortened = " (shortened: too long to print whole)" if is_shortened(briefing) else ""
        return f"{target}: {pages} page{'s' if pages != 1 else ''}{shortened}"

    return _export(briefing, write)


def run_export_html(target: str, path: str) -> int:
    _tolerant_stdout()
    briefing = _load(path, sys.stderr)
    if briefing is None:
        return EXIT_ERRORS
    from briefing_app.core.html_export import export_html

    def write() -> str:
        export_html(briefing, target)
        return f"{target}: written"

    return _export(briefing, write)


def _export(briefing: Briefing, write: Callable[[], str]) -> int:
    """Run an export and say how it went: what it wrote, or why it could not."""
    from briefing_app.core.export_files import ExportError

    try:
        written = write()
    except ExportError as error:
        print(f"{error.target}: error: {error.message}", file=sys.stderr)
        return EXIT_ERRORS
    problems = len(briefing.diagnostics)
    if problems:
        print(
            f"{briefing.path}: {problems} problem{'s' if problems != 1 else ''} (see --check);"
            " exported what could be read",
            file=sys.stderr,
        )
    print(written)
    return EXIT_OK


def _tolerant_stdout() -> None:
    """Paths and messages may hold any character; never fail on a terminal that cannot show one."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
