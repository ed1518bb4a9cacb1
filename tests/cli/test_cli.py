"""The headless commands, run as a user runs them: the installed entry point in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FORMAT_EXAMPLE, ROOT, SEED_BRIEFING

APP = shutil.which("briefing-app", path=str(Path(sys.executable).parent))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [APP] if APP else [sys.executable, "-m", "briefing_app"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=60)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("Briefing Viewer ")


def test_check_on_a_good_file_prints_nothing_and_exits_0():
    result = run("--check", str(SEED_BRIEFING))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_on_several_good_files_prints_only_the_summary():
    result = run("--check", str(SEED_BRIEFING), str(FORMAT_EXAMPLE))
    assert result.returncode == 0
    assert result.stdout == "checked 2 files: 0 with errors, 0 with warnings\n"


def test_check_prints_path_line_column_severity_message(write_briefing):
    path = write_briefing("---\ntitle: T\npoeple: []\ndate: 2023-02-30\n---\nText\n")
    result = run("--check", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:3:1: warning: unknown key 'poeple'; did you mean 'people'?",
        f"{path}:4:7: error: date '2023-02-30' is not a real date",
    ]


def test_check_with_only_warnings_exits_0(write_briefing):
    path = write_briefing("---\ntitel: T\n---\nText\n")
    result = run("--check", str(path))
    assert result.returncode == 0
    assert "did you mean 'title'" in result.stdout


def test_check_unreadable_files_one_line_each_and_exit_1(tmp_path):
    result = run("--check", str(tmp_path / "missing.briefing"), str(tmp_path / "bad.md"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'missing.briefing'}: error: no such file",
        f"{tmp_path / 'bad.md'}: error: no such file",
        "checked 2 files: 2 with errors, 0 with warnings",
    ]
    assert "Traceback" not in result.stderr


def test_check_folder_checks_every_briefing_below_it_and_sums_up(tmp_path):
    (tmp_path / "good.briefing").write_text("---\ntitle: Good\n---\nText.\n", encoding="utf-8")
    (tmp_path / "posts").mkdir()
    broken = tmp_path / "posts" / "broken.md"
    broken.write_text("---\ndate: 2023-02-30\n---\nText.\n", encoding="utf-8")
    empty = tmp_path / "posts" / "empty.markdown"
    empty.write_text("", encoding="utf-8")
    (tmp_path / "posts" / "notes.txt").write_text("---\ndate: nonsense\n---\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("---\ndate: nonsense\n---\n", encoding="utf-8")
    result = run("--check", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{broken}:2:7: error: date '2023-02-30' is not a real date",
        f"{empty}:1:1: warning: the file is empty",
        "checked 3 files: 1 with errors, 1 with warnings",
    ]


def test_check_folder_without_errors_exits_0(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    result = run("--check", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout == "checked 1 file: 0 with errors, 0 with warnings\n"


@pytest.mark.parametrize(
    "args", [["--check"], ["--dump-json"], ["--dump-json", "a", "b"], ["--bogus"]]
)
def test_bad_usage_exits_2_without_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_dump_json_has_every_documented_field():
    result = run("--dump-json", str(SEED_BRIEFING))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    for key in (
        "title", "subtitle", "date", "byline", "source", "tags", "summary", "key_figures",
        "people", "timeline", "headings", "body_text", "word_count", "diagnostics",
    ):  # fmt: skip
        assert key in data
    assert data["date"] == "2023-07-31"
    assert data["source"]["name"].endswith("Caliber.Az")
    assert set(data["key_figures"][0]) >= {"value", "label", "detail", "quote", "mentions"}
    assert set(data["people"][0]) >= {"name", "role", "affiliation", "aliases", "mentions"}
    assert set(data["timeline"][0]) >= {"date", "display_date", "label", "event", "quote"}
    assert data["timeline"][0]["display_date"] == "1918"
    assert data["headings"][0] == {"level": 2, "text": "Historic ties", "id": "historic-ties"}
    assert data["word_count"] > 800
    assert data["diagnostics"] == []


def test_dump_json_with_errors_prints_what_was_parsed_and_exits_1(write_briefing):
    path = write_briefing("---\ntitle: Half good\ndate: sometime\n---\nThe body.\n")
    result = run("--dump-json", str(path))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["title"] == "Half good"
    assert data["body_text"] == "The body."
    assert data["diagnostics"][0]["severity"] == "error"
    assert data["diagnostics"][0]["line"] == 3


def test_dump_json_of_a_missing_file_says_so_on_stderr(tmp_path):
    result = run("--dump-json", str(tmp_path / "nope.briefing"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"{tmp_path / 'nope.briefing'}: error: no such file"


def test_export_pdf_works_without_a_display(tmp_path):
    import os

    target = tmp_path / "out.pdf"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    command = [APP] if APP else [sys.executable, "-m", "briefing_app"]
    result = subprocess.run(
        [*command, "--export-pdf", str(target), str(SEED_BRIEFING), "--page-size", "Letter"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(f"{target}: ")
    assert target.read_bytes().startswith(b"%PDF")


def test_export_pdf_to_an_unwritable_place_is_one_line_and_exit_1(tmp_path):
    target = tmp_path / "no-such-folder" / "out.pdf"
    result = run("--export-pdf", str(target), str(SEED_BRIEFING))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{target}: error: the folder {target.parent} does not exist"
    assert "Traceback" not in result.stderr


def test_export_pdf_of_an_unreadable_briefing(tmp_path):
    result = run("--export-pdf", str(tmp_path / "x.pdf"), str(tmp_path / "missing.briefing"))
    assert result.returncode == 1
    assert "no such file" in result.stderr


DRAFT_ARTICLE = (
    Path(__file__).resolve().parent.parent / "drafting" / "articles" / "gdansk-terminal.txt"
)


def test_draft_prints_a_briefing_marked_as_a_draft():
    result = run("--draft", str(DRAFT_ARTICLE))
    assert result.returncode == 0
    assert result.stdout.startswith("---\n# Drafted by Briefing Viewer from gdansk-terminal.txt.")
    assert "\nproposed_panels: true\n" in result.stdout
    assert '  - name: "Anna Kowalczyk"' in result.stdout


def test_draft_written_with_o_passes_check_and_is_never_written_over(tmp_path):
    target = tmp_path / "port.briefing"
    result = run("--draft", str(DRAFT_ARTICLE), "-o", str(target))
    assert result.returncode == 0
    assert "3 people" in result.stderr
    assert run("--check", str(target)).stdout == ""
    written = target.read_text(encoding="utf-8")
    again = run("--draft", str(DRAFT_ARTICLE), "-o", str(target), "--date", "2024-03-12")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == written


def test_draft_usage_errors():
    assert run("--draft", str(DRAFT_ARTICLE), "--date", "2024-13-01").returncode == 2
    assert run("-o", "x.briefing").returncode == 2
    missing = run("--draft", "no-such-article.txt")
    assert missing.returncode == 1
    assert "no-such-article.txt" in missing.stderr


def test_check_on_a_folder_without_briefings_says_so(tmp_path):
    (tmp_path / "notes.txt").write_text("not a briefing", encoding="utf-8")
    result = run("--check", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{tmp_path}: warning: no briefings (.briefing, .md, .markdown) in this folder",
        "checked 0 files: 0 with errors, 0 with warnings",
    ]


def test_export_pdf_says_when_the_handout_is_shortened(tmp_path):
    # In a process of its own: the export makes a QGuiApplication, and the budget is lowered.
    code = (
        "import sys\n"
        "from briefing_app import cli\n"
        "from briefing_app.gui.export import print_budget\n"
        "print_budget.MAX_PRINTED_PAGES = int(sys.argv[1])  # the seed runs to several\n"
        "sys.exit(cli.main(sys.argv[2:]))\n"
    )
    target = tmp_path / "seed.pdf"
    for pages, said in (("1", True), ("1000", False)):
        result = subprocess.run(
            [sys.executable, "-c", code, pages, "--export-pdf", str(target), str(SEED_BRIEFING)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        assert ("(shortened: too long to print whole)" in result.stdout) == said
