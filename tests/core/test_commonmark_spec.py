"""The CommonMark specification's examples, scored as docs/format.md reports them."""

from __future__ import annotations

from tests.core.commonmark_score import examples, passes, score


def test_the_spec_examples_are_all_there():
    assert len(examples()) == 652


def test_the_score_stays_at_least_the_one_documented():
    passed, total, _, _ = score()
    assert passed >= 472, f"{passed}/{total}: docs/format.md reports 472"


def test_the_scorer_tells_a_right_rendering_from_a_wrong_one():
    assert passes(
        {"markdown": "- a\n  - b\n", "html": "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"}
    )
    assert not passes({"markdown": "- a\n  - b\n", "html": "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"})
