from html.parser import HTMLParser

from benchmarks.generate import briefing_text
from briefing_app.core import parse_briefing
from briefing_app.core.loader import load_briefing
from briefing_app.core.sanitise import split_top_level
from tests.conftest import SEED_BRIEFING

VOID = {"br", "hr", "img", "col", "wbr"}


class _Depth(HTMLParser):
    """Follows how deep the elements are, to prove a piece closes what it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.lowest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        self.lowest = min(self.lowest, self.depth)


def assert_whole(piece: str) -> None:
    parser = _Depth()
    parser.feed(piece)
    parser.close()
    assert parser.depth == 0 and parser.lowest == 0, piece[:200]


def test_pieces_of_the_seed_put_back_together_are_the_body_and_each_is_whole_html():
    body = load_briefing(str(SEED_BRIEFING)).body_html
    pieces = list(split_top_level(body, 1000))
    assert "".join(pieces) == body
    assert len(pieces) > 3
    for piece in pieces:
        assert_whole(piece)


def test_pieces_are_about_the_size_asked_for():
    body = parse_briefing(briefing_text(200_000), "big.briefing").body_html
    pieces = list(split_top_level(body, 20_000))
    assert "".join(pieces) == body
    assert 8 <= len(pieces) <= 12
    assert all(len(piece) < 25_000 for piece in pieces)


def test_lists_tables_and_quotes_are_never_cut_inside():
    body = (
        "<p>one</p><ul><li>a<br/>b</li><li>c</li></ul>"
        "<table><tr><td>1</td></tr></table><blockquote><p>q</p><p>r</p></blockquote><hr/><p>end</p>"
    )
    pieces = list(split_top_level(body, 1))
    assert pieces == [
        "<p>one</p>",
        "<ul><li>a<br/>b</li><li>c</li></ul>",
        "<table><tr><td>1</td></tr></table>",
        "<blockquote><p>q</p><p>r</p></blockquote>",
        "<hr/><p>end</p>",
    ]


def test_short_html_is_one_piece():
    assert list(split_top_level("<p>short</p>", 1000)) == ["<p>short</p>"]
    assert list(split_top_level("", 1000)) == []


def test_a_long_body_comes_in_whole_pieces_as_it_was_sanitised():
    briefing = parse_briefing(briefing_text(200_000), "big.briefing")
    pieces = briefing.body_pieces()
    assert "".join(pieces) == briefing.body_html
    assert 8 <= len(pieces) <= 12
    for piece in pieces:
        assert_whole(piece)


def test_a_short_body_is_one_piece():
    briefing = load_briefing(str(SEED_BRIEFING))
    assert briefing.body_pieces() == [briefing.body_html]
    assert parse_briefing("", "empty.briefing").body_pieces() in ([], [""])
