import codecs

import pytest

from briefing_app.core import BriefingError, load_briefing
from briefing_app.core.textfile import decode, read_bytes, read_head

BODY = "---\ntitle: Café\n---\nHello — world\n"


@pytest.mark.parametrize(
    "data",
    [
        BODY.encode("utf-8"),
        codecs.BOM_UTF8 + BODY.encode("utf-8"),
        BODY.encode("utf-16"),  # with BOM
        BODY.replace("\n", "\r\n").encode("utf-8"),
        codecs.BOM_UTF16_BE + BODY.replace("\n", "\r\n").encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "crlf", "utf16be-crlf"],
)
def test_accepted_encodings_and_line_endings(write_briefing, data):
    briefing = load_briefing(write_briefing(data))
    assert briefing.title == "Café"
    assert briefing.body_text == "Hello — world"
    assert briefing.diagnostics == []


def test_invalid_utf8_is_reported_at_its_line_and_column_and_the_rest_shown():
    decoded = decode(b"line one\nab\xffcd\n")
    assert decoded.text == "line one\nab\ufffdcd\n"
    [diagnostic] = decoded.diagnostics
    assert (diagnostic.severity, diagnostic.line, diagnostic.column) == ("error", 2, 3)
    assert "0xff" in diagnostic.message


def test_nul_bytes_are_replaced_and_reported():
    decoded = decode(b"a\x00b")
    assert decoded.text == "a\ufffdb"
    assert "NUL" in decoded.diagnostics[0].message


def test_missing_file_folder_and_oversized_file_raise_the_core_error(tmp_path):
    with pytest.raises(BriefingError, match="no such file"):
        load_briefing(tmp_path / "missing.briefing")
    with pytest.raises(BriefingError, match="is a folder"):
        load_briefing(tmp_path)
    big = tmp_path / "big.briefing"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(BriefingError, match="larger than the"):
        read_bytes(str(big), limit=1024)


def test_the_head_of_a_file_is_its_first_bytes_with_its_size(tmp_path):
    long = tmp_path / "long.briefing"
    long.write_bytes(bytes(range(256)) * 40)
    info, head = read_head(str(long), 1000)
    assert (info.st_size, head) == (10240, (bytes(range(256)) * 4)[:1000])
    short = tmp_path / "short.briefing"
    short.write_bytes(b"---\ntitle: Short\n---\n")
    assert read_head(str(short), 1000)[1] == b"---\ntitle: Short\n---\n"
    with pytest.raises(FileNotFoundError):
        read_head(str(tmp_path / "gone.briefing"), 1000)
