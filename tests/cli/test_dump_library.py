"""``--dump-library``: a library's briefings, people and merged timeline as JSON, headless."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cli.test_cli import run
from tests.core.across.sample_library import write_library


def dump(*args: str) -> tuple[int, dict, str]:
    result = run("--dump-library", *args)
    return result.returncode, json.loads(result.stdout), result.stderr


def test_a_folder_as_one_library(tmp_path):
    paths = {name: str(path) for name, path in write_library(tmp_path).items()}
    status, library, errors = dump(str(tmp_path))
    assert (status, errors) == (0, "")
    assert sorted(library) == ["briefings", "people", "timeline"]
    assert {b["path"]: (b["title"], b["date"], b["tags"]) for b in library["briefings"]} == {
        paths["caucasus/gas-deal.briefing"]: ("Baku gas deal", "2023-07-31", ["energy", "Azerbaijan"]),
        paths["israel/embassy.briefing"]: ("An embassy in Tel Aviv", "2023-03-29", ["diplomacy", "energy policy"]),
        paths["gdansk.md"]: ("Port of Gdańsk", None, ["Energy", "Poland"]),
    }  # fmt: skip


def test_people_are_matched_and_aliases_are_no_people(tmp_path):
    paths = {name: str(path) for name, path in write_library(tmp_path).items()}
    _, library, _ = dump(str(tmp_path))
    people = {p["name"]: p for p in library["people"]}
    assert sorted(people) == [
        "Aliyev", "Benny Gantz", "Heydar Aliyev", "Ilham Aliyev", "Recep Tayyip Erdoğan", "Yoav Gallant",
    ]  # fmt: skip
    erdogan = people["Recep Tayyip Erdoğan"]
    assert erdogan["aliases"] == ["Erdoğan"]
    assert erdogan["roles"] == ["President of Turkey", "Turkish president"]
    assert sorted((b["path"], b["title"], b["mentions"]) for b in erdogan["briefings"]) == sorted(
        [
            (paths["caucasus/gas-deal.briefing"], "Baku gas deal", 1),
            (paths["israel/embassy.briefing"], "An embassy in Tel Aviv", 2),
        ]
    )
    assert people["Yoav Gallant"]["roles"] == ["Defense Minister", "Defense Minister of Israel"]


def test_the_timeline_in_date_order_with_dates_at_their_precision(tmp_path):
    paths = {name: str(path) for name, path in write_library(tmp_path).items()}
    _, library, _ = dump(str(tmp_path))
    timeline = library["timeline"]
    assert [(e["date"], e["event"]) for e in timeline] == [
        ("2022", "Gdańsk terminal opens."),
        ("2023", "Azerbaijan supplies oil to Israel."),
        ("2023-03", "Talks on the embassy's opening."),
        ("2023-03-29", "Azerbaijan opens an embassy in Israel."),
        ("2023-03-29", "Israel's foreign minister attends the opening."),
        ("2023-07", "Gallant plans a visit to Baku."),
        # As its first source gives it: a folder's own files come before its subfolders'.
        ("2023-07-31", "GALLANT visits Baku"),
    ]
    assert [s["title"] for s in timeline[6]["sources"]] == ["Port of Gdańsk", "Baku gas deal"]
    embassy = timeline[3]
    assert (embassy["path"], embassy["title"], embassy["label"]) == (
        paths["caucasus/gas-deal.briefing"],
        "Baku gas deal",
        "",
    )
    assert [s["path"] for s in embassy["sources"]] == [
        paths["caucasus/gas-deal.briefing"], paths["israel/embassy.briefing"]
    ]  # fmt: skip


def test_files_with_errors_are_reported_and_left_out(tmp_path):
    write_library(tmp_path / "library")
    broken = tmp_path / "library" / "broken.briefing"
    broken.write_text("---\ntitle: Broken\ndate: 2023-02-30\n---\nText\n", encoding="utf-8")
    missing = tmp_path / "missing.briefing"
    status, library, errors = dump(str(tmp_path / "library"), str(missing))
    assert status == 1
    assert errors.splitlines() == [
        f"{broken}:3:7: error: date '2023-02-30' is not a real date",
        f"{missing}: error: no such file",
    ]
    assert len(library["briefings"]) == 3
    assert str(broken) not in json.dumps(library)


def test_a_folder_given_twice_counts_each_briefing_once(tmp_path):
    write_library(tmp_path)
    _, library, _ = dump(str(tmp_path), str(tmp_path / "israel"))
    assert len(library["briefings"]) == 3


def test_an_empty_folder_is_a_warning_and_an_empty_library(tmp_path):
    status, library, errors = dump(str(tmp_path))
    assert status == 0
    assert library == {"briefings": [], "people": [], "timeline": []}
    assert (
        errors == f"{tmp_path}: warning: no briefings (.briefing, .md, .markdown) in this folder\n"
    )


def test_needs_a_folder():
    result = run("--dump-library")
    assert result.returncode == 2
    assert "--dump-library needs at least one FOLDER or FILE" in result.stderr


def test_the_library_and_its_search_never_import_qt(tmp_path):
    write_library(tmp_path)
    code = (
        "import sys, io, contextlib\n"
        "import briefing_app.core.across.search_documents\n"
        "from briefing_app import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    cli.main(['--dump-library', {str(tmp_path)!r}])\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
