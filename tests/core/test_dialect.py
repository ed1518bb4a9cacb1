"""The Markdown people already write (GitHub, Obsidian, Typora) renders with the structure
CommonMark and GitHub give it. Each case is the smallest text showing one construct; the
documents in tests/data/markdown combine them as those tools write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.local_files import LocalFiles
from briefing_app.core.render import render_body
from tests.core.commonmark_score import normalise

CORPUS = Path(__file__).parents[1] / "data" / "markdown"

CASES = {
    "a list nested by two spaces": (
        "- a\n  - b\n    - c\n- d",
        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>",
    ),
    "a list nested by four spaces": (
        "- a\n    - b\n- c",
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
    ),
    "a list nested by a tab": (
        "- a\n\t- b\n- c",
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
    ),
    "bullets three spaces under a number": (
        "1. one\n   - x\n   - y\n2. two",
        "<ol><li>one<ul><li>x</li><li>y</li></ul></li><li>two</li></ol>",
    ),
    "a list straight after a paragraph line": (
        "Items:\n- a\n- b",
        "<p>Items:</p><ul><li>a</li><li>b</li></ul>",
    ),
    "a numbered list after a paragraph line starts at 1": (
        "Steps:\n1. a\n2. b\n\nIn 2024:\n2024. is not a list",
        "<p>Steps:</p><ol><li>a</li><li>b</li></ol><p>In 2024: 2024. is not a list</p>",
    ),
    "a list inside a blockquote": (
        "> Quoted:\n> - a\n> - b",
        "<blockquote><p>Quoted:</p><ul><li>a</li><li>b</li></ul></blockquote>",
    ),
    "a task list": (
        "- [ ] to do\n- [x] done",
        '<ul class="task-list"><li class="task-list-item"><span class="task">☐</span>\xa0to do</li>'
        '<li class="task-list-item"><span class="task-done">☑</span>\xa0done</li></ul>',
    ),
    "strikethrough": ("~~gone~~ and ~kept~", "<p><del>gone</del> and ~kept~</p>"),
    "a list numbered with parentheses": (
        "1) one\n2) two",
        "<ol><li>one</li><li>two</li></ol>",
    ),
    "a numbered list starting elsewhere": ("3. c\n4. d", '<ol start="3"><li>c</li><li>d</li></ol>'),
    "a backslash hard break": ("one\\\ntwo", "<p>one<br>two</p>"),
    "a two-space hard break": ("one  \ntwo", "<p>one<br>two</p>"),
    "bare URLs": (
        "See https://example.org/a?b=1, or www.example.com.",
        '<p>See <a href="https://example.org/a?b=1">https://example.org/a?b=1</a>, or'
        ' <a href="http://www.example.com">www.example.com</a>.</p>',
    ),
    "a loose list": (
        "- a\n- b\n\n- c",
        "<ul><li><p>a</p></li><li><p>b</p></li><li><p>c</p></li></ul>",
    ),
    "a list item of two paragraphs": (
        "- a\n\n  more of a\n- b",
        "<ul><li><p>a</p><p>more of a</p></li><li><p>b</p></li></ul>",
    ),
    "a numbered item of two paragraphs": (
        "1. a\n\n   more of a\n2. b",
        "<ol><li><p>a</p><p>more of a</p></li><li><p>b</p></li></ol>",
    ),
    "fenced code in a list item": (
        "- a\n\n  ```\n  code\n  ```",
        "<ul><li><p>a</p><pre><code>code</code></pre></li></ul>",
    ),
    "fenced code with blank lines in a numbered item": (
        "1. Run:\n\n   ```sh\n   make\n\n   make test\n   ```\n2. Done",
        '<ol><li><p>Run:</p><pre><code class="language-sh">make\n\nmake test</code></pre></li>'
        "<li><p>Done</p></li></ol>",
    ),
    "fenced code in a quote": (
        "> ```\n> quoted *code*\n> ```",
        "<blockquote><pre><code>quoted *code*</code></pre></blockquote>",
    ),
    "bare links end where the sentence goes on": (
        "(see https://en.wikipedia.org/wiki/Baku_(city)), mail desk@example.org.",
        '<p>(see <a href="https://en.wikipedia.org/wiki/Baku_(city)">'
        "https://en.wikipedia.org/wiki/Baku_(city)</a>), mail"
        ' <a href="mailto:desk@example.org">desk@example.org</a>.</p>',
    ),
    "a link's text is not linked again": (
        "[https://example.org](https://example.org/a)",
        '<p><a href="https://example.org/a">https://example.org</a></p>',
    ),
    "fenced code right after a list": (
        "1. Install\n2. Run\n\n```bash\nmake\n```\n\nThen done.",
        '<ol><li>Install</li><li>Run</li></ol><pre><code class="language-bash">make</code></pre>'
        "<p>Then done.</p>",
    ),
    "code left open in an item ends with the item": (
        "- a\n\n  ```\n  x\n\n- b\n\nText",
        "<ul><li><p>a</p><pre><code>x</code></pre></li><li><p>b</p></li></ul><p>Text</p>",
    ),
    "a marker too far in continues the text": (
        "- a\n      1. b\n      - c",
        "<ul><li>a 1. b - c</li></ul>",
    ),
    "an HTML element left open keeps its text": (
        "<div>\n\n<div>\n\nx",
        "<div><div>x</div></div>",
    ),
    "a rule ends a list": ("- a\n***\n- b", "<ul><li>a</li></ul><hr><ul><li>b</li></ul>"),
    "a hashtag is not a heading": ("#tag and #5", "<p>#tag and #5</p>"),
    "a heading's closing hashes": ("## C# ##", "<h2>C#</h2>"),
    "indented code stays code": (
        "Text\n\n    - not a list",
        "<p>Text</p><pre><code>- not a list</code></pre>",
    ),
    "a callout": (
        "> [!tip] Try this\n> Body.",
        '<table class="callout" width="100%"><tbody><tr><td class="callout callout-tip">'
        '<p class="callout-title">Try this</p><p>Body.</p></td></tr></tbody></table>',
    ),
    "Markdown inside an HTML block": (
        "<details>\n<summary>More</summary>\n\nThe **talks** began.\n\n</details>",
        "<details><summary>More</summary><p>The <strong>talks</strong> began.</p></details>",
    ),
    "a local link": (
        "[notes](notes/a%20b.md#part)",
        '<p><a href="notes/a%20b.md#part">notes</a></p>',
    ),
}


@pytest.mark.parametrize("markdown, expected", CASES.values(), ids=CASES.keys())
def test_construct_renders_with_the_commonmark_structure(markdown, expected):
    assert normalise(render_body(markdown).html) == normalise(expected)


@pytest.mark.parametrize("name", ["github", "obsidian", "typora"])
def test_documents_written_in_other_tools_render_as_expected(name):
    path = CORPUS / f"{name}.md"
    rendered = render_body(path.read_text(encoding="utf-8"), files=LocalFiles(str(path)))
    expected = (CORPUS / f"{name}.html").read_text(encoding="utf-8")
    assert normalise(rendered.html) == normalise(expected)


def test_wiki_links_show_their_label_and_link_only_to_notes_that_exist(tmp_path):
    (tmp_path / "vault" / ".obsidian").mkdir(parents=True)
    (tmp_path / "vault" / "people").mkdir()
    (tmp_path / "vault" / "people" / "Elchin Amirbayov.md").write_text("x", encoding="utf-8")
    note = tmp_path / "vault" / "daily" / "today.md"
    note.parent.mkdir()
    html = render_body(
        "Met [[Elchin Amirbayov|the envoy]] and [[elchin amirbayov]]; [[Nobody]].",
        files=LocalFiles(str(note)),
    ).html
    assert normalise(html) == normalise(
        '<p>Met <a class="wikilink" href="../people/Elchin%20Amirbayov.md">the envoy</a> and'
        ' <a class="wikilink" href="../people/Elchin%20Amirbayov.md">elchin amirbayov</a>;'
        ' <span class="wikilink-missing">Nobody</span>.</p>'
    )


def test_an_image_that_is_not_there_shows_its_alt_text_in_its_place(tmp_path):
    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n")
    briefing = tmp_path / "b.md"
    html = render_body(
        "![The map](map.png)\n\n![The chart](chart.png)", files=LocalFiles(str(briefing))
    ).html
    assert normalise(html) == normalise(
        '<p><img alt="The map" src="map.png"></p>'
        '<p><span class="image-placeholder">[The chart: image not found, chart.png]</span></p>'
    )


def test_task_boxes_and_callouts_are_text_a_reader_can_search():
    rendered = render_body("- [x] done\n\n> [!note] Heads up\n> Read this.")
    assert "☑\xa0done" in rendered.text
    assert "Heads up" in rendered.text and "Read this." in rendered.text
