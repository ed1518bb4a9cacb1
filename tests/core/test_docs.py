"""The examples in the documentation are valid briefings."""

import re

from briefing_app.core import parse_briefing
from tests.conftest import ROOT


def code_blocks(path, language):
    text = (ROOT / path).read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_the_full_example_in_the_format_doc_has_no_problems():
    [example] = [b for b in code_blocks("docs/format.md", "markdown") if b.startswith("---")]
    briefing = parse_briefing(example, "example.briefing")
    assert briefing.diagnostics == []
    assert briefing.key_figures[0].mentions == 1
    assert briefing.people[0].mentions == 2  # in the summary and in the text
    assert briefing.timeline[0].mentions == 1


def test_the_readme_example_parses_without_errors():
    [example] = code_blocks("README.md", "markdown")
    briefing = parse_briefing(example, "readme.briefing")
    assert not briefing.has_errors
    assert briefing.title.startswith("Israel, Azerbaijan")
    assert briefing.timeline[0].mentions == 1
