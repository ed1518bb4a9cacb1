import pytest

from briefing_app.core import parse_briefing
from briefing_app.core.render import render_body
from briefing_app.core.sanitise import sanitise


def body_html(markdown_text: str) -> str:
    return render_body(markdown_text).html


def test_tables_footnotes_heading_anchors_and_lists():
    html = body_html(
        "## Key facts\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1]\n\n1. one\n2. two\n\n[^1]: Note.\n"
    )
    assert '<h2 id="key-facts">Key facts</h2>' in html
    assert "<table>" in html and 'align="right"' in html
    assert 'class="footnote"' in html and "Note." in html
    assert "<ol>" in html


def test_headings_are_listed_with_their_ids():
    rendered = render_body("# One\n\n## Two & more\n\n### Three\n")
    assert [(h.level, h.text, h.id) for h in rendered.headings] == [
        (1, "One", "one"),
        (2, "Two & more", "two-more"),
        (3, "Three", "three"),
    ]


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<p onclick="alert(1)">x</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="file:///etc/passwd">x</a>', "file:"),
        ('<img src="data:image/png;base64,AAAA">', "data:"),
        ('<div style="position:fixed;top:0;left:0;width:100%">overlay</div>', "position"),
        ('<img src="https://tracker.example/pixel.png">', "tracker.example"),
        ('<img src="../../secret.png">', "secret.png"),
        ('<img src="/etc/hosts">', "/etc/hosts"),
        ("<style>body{display:none}</style>", "display:none"),
        ('<form action="https://x.example"><input name="a"></form>', "<form"),
    ],
)
def test_raw_html_is_sanitised(raw, forbidden):
    assert forbidden not in body_html(f"Text\n\n{raw}\n\nMore")


def test_allowed_links_and_local_images_survive():
    html = body_html(
        "[web](https://example.org) [mail](mailto:a@example.org) [here](#top) ![chart](chart.png)"
    )
    assert 'href="https://example.org"' in html
    assert 'href="mailto:a@example.org"' in html
    assert 'href="#top"' in html
    assert 'src="chart.png"' in html


def test_remote_images_become_a_visible_placeholder():
    html = sanitise('<p><img src="https://example.org/a.png" alt="A map"></p>')
    assert "<img" not in html
    assert "[A map: not shown" in html


def test_body_text_is_the_readable_text_of_each_block():
    briefing = parse_briefing("Para *one*.\n\n> Quoted\n\n- item\n", "x.md")
    assert briefing.body_text.split("\n") == ["Para one.", "", "Quoted", "", "item"]


def test_summary_is_inline_markdown_without_a_paragraph():
    briefing = parse_briefing("---\nsummary: 'A **bold** claim <script>x</script>'\n---\n", "x")
    assert briefing.summary_html == "A <strong>bold</strong> claim "


def test_a_briefing_keeps_nothing_of_the_one_rendered_before_it():
    first = "The NATO line[^1].\n\n*[NATO]: North Atlantic Treaty\n\n[^1]: A note.\n\n[map]: https://example.org\n\n# Head\n"
    render_body(first)
    parse_briefing("---\nsummary: 'Also *NATO*[^1]'\n---\n", "x")
    second = render_body("NATO, see [map] and [^1].\n\n# Head\n")
    assert second.html == '<p>NATO, see [map] and [^1].</p>\n<h1 id="head">Head</h1>'
    assert [(h.text, h.id) for h in second.headings] == [("Head", "head")]
    assert render_body(first).html == body_html(first)  # and the first renders as it did


def test_a_failed_render_leaves_the_next_one_whole():
    render_body("> " * 3000 + "deep")  # Markdown fails on it; shown as plain text
    rendered = render_body("Text with **bold**.\n")
    assert rendered.html == "<p>Text with <strong>bold</strong>.</p>"
    assert rendered.text == "Text with bold."


@pytest.mark.parametrize(
    "text",
    [
        "".join("  " * i + "- item\n" for i in range(1500)),
        "> " * 3000 + "deep",
        "- " * 3000 + "deep",
        "[" * 5000 + "a" + "]" * 5000 + "(x)",
    ],
    ids=["indented-lists", "quotes", "list-markers", "brackets"],
)
def test_deep_nesting_renders_flat_with_a_warning_instead_of_failing(text):
    briefing = parse_briefing(text, "deep.md")
    assert any(
        "nests lists, quotes or brackets too deeply" in d.message for d in briefing.diagnostics
    )
    assert briefing.body_text.strip()


def test_a_paragraph_with_thousands_of_links_is_shown_as_plain_text():
    text = "Intro.\n\n" + "[a](" * 3000 + "\n\nOutro."
    briefing = parse_briefing(text, "links.md")
    [warning] = briefing.diagnostics
    assert warning.line == 3
    assert "too much markup" in warning.message
    assert "Outro." in briefing.body_text


def test_html_nested_thousands_deep_keeps_its_text():
    html = sanitise("<div>" * 3000 + "kept" + "</div>" * 3000)
    assert "kept" in html
    assert html.count("<div>") <= 100


def test_deep_html_inside_a_long_text_is_flattened_in_its_piece():
    paragraphs = "".join(f"<p>Paragraph {n} of a long text.</p>" for n in range(2000))
    html = sanitise(paragraphs + "<div>" * 3000 + "kept" + "</div>" * 3000 + paragraphs)
    assert "kept" in html and "Paragraph 1999" in html
    assert html.count("<div>") <= 100


def test_a_very_long_unbroken_run_gets_places_to_break_and_nothing_else_changes():
    url = "https://example.org/" + "a" * 1_500
    text = f"{'x' * 2_500} [{'&' * 500}{'z' * 600}]({url}) `{'c' * 1_001}` {'y' * 1_000}"
    rendered = render_body(text)
    assert rendered.html.count("\u200b") == 2 + 1 + 1
    assert "x" * 1_000 + "\u200b" + "x" * 1_000 + "\u200b" + "x" * 500 + " " in rendered.html
    assert f'href="{url}"' in rendered.html  # attributes are left whole
    assert "&amp;" * 500 + "z" * 500 + "\u200bz" in rendered.html  # a reference counts as one
    assert "c" * 1_000 + "\u200bc</code>" in rendered.html
    assert "y" * 1_000 + "</p>" in rendered.html
    assert "\u200b" not in rendered.text
    words = " ".join(["word"] * 10_000)
    assert render_body(words).html == f"<p>{words}</p>"


def test_a_paragraph_of_more_than_50_000_characters_is_shown_in_several():
    long = " ".join(["word"] * 30_000)
    rendered = render_body(f"Intro.\n\n{long}\n\n" + "short line\n" * 6_000)
    assert rendered.html.count("<p>") == 1 + 3 + 2
    assert rendered.problems == [
        (3, "a paragraph is longer than 50,000 characters; it is shown in several paragraphs")
    ]
    assert rendered.text.split() == ["Intro.", *long.split(), *["short", "line"] * 6_000]
