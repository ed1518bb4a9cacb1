"""Article files in the encodings people save them in, and files that are not text at all."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.drafting.decoding import article_text
from briefing_app.core.errors import BriefingError

APP = shutil.which("briefing-app", path=str(Path(sys.executable).parent))
TEXT = "Café owners protest\n“Quoted” words about the café, said José Álvarez.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [APP] if APP else [sys.executable, "-m", "briefing_app"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "windows-1252"],
)
def test_an_article_is_read_in_the_encodings_editors_save(tmp_path, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert article_text(str(path)) == TEXT


def test_a_windows_1252_article_drafts_with_its_own_characters(tmp_path):
    article = tmp_path / "article.txt"
    article.write_bytes(b"Caf\xe9 owners protest\n\x93Quoted\x94 words about the caf\xe9.\n")
    target = tmp_path / "article.briefing"
    result = run("--draft", str(article), "-o", str(target))
    assert result.returncode == 0, result.stderr
    draft = target.read_text(encoding="utf-8")
    assert 'title: "Café owners protest"' in draft
    assert "“Quoted” words about the café." in draft
    assert "\ufffd" not in draft


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "is not a text file: control character U+001A at byte offset 6",
        ),
        (b"Title\nText \x81 here\n", "byte 0x81 at offset 11 (line 2) is not UTF-8"),
        (codecs.BOM_UTF8 + b"Title\ncaf\xe9\n", "byte 0xe9 at offset 12 (line 2) is not UTF-8"),
        ("Title\nlost \ufffd\n".encode(), "has U+FFFD at byte offset 11 (line 2)"),
        ("Title\nText.\n".encode("utf-16-le"), "(UTF-16 without a byte-order mark?)"),
    ],
    ids=["binary", "neither utf-8 nor windows-1252", "bom then latin-1", "u+fffd", "utf-16 no bom"],
)
def test_what_is_not_text_stops_the_draft_naming_the_byte(tmp_path, data, message):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(BriefingError) as raised:
        article_text(str(path))
    assert message in raised.value.message


def test_a_binary_file_exits_1_with_one_clear_line_and_writes_nothing(tmp_path):
    article = tmp_path / "photo.jpg"
    article.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    target = tmp_path / "photo.briefing"
    result = run("--draft", str(article), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{article}: error: is not a text file: ")
    assert "byte offset 4" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert run("--draft", str(article)).stdout == ""  # nor printed
