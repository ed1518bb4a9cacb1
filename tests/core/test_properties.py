"""Property tests: whatever the input, the core gives a Briefing or its one error."""

from __future__ import annotations

import os
import re
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core import BriefingError, load_briefing, parse_briefing
from briefing_app.core.model import Briefing, count_words

# CI runs the "ci" profile; `HYPOTHESIS_PROFILE=long` runs many more examples (docs/reliability.md).
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
FAST = settings()

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["2023", "2023-07", "2023-07-31", "2023-02-30", "July", "30%"]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
known_keys = st.sampled_from(
    ["title", "date", "source", "tags", "key_figures", "people", "timeline", "summary", "poeple"]
)
front_matters = st.dictionaries(known_keys | st.text(max_size=8), yaml_values, max_size=8)


def check(briefing: Briefing) -> None:
    assert isinstance(briefing, Briefing)
    for mention in briefing.mentions:
        assert 0 <= mention.start < mention.end <= len(briefing.body_text)
    for diagnostic in briefing.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.severity in ("error", "warning")
    html = briefing.body_html.lower()
    assert not re.search(r"<(script|iframe|object|embed|form|style|link|meta)\b", html)
    # inside real tags (escaped text such as "&lt;a onclick=" is harmless words)
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no event handlers
    assert not re.search(r"<[^>]*\s(href|src)=\"(javascript|file|data|vbscript):", html)


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_briefing_or_the_core_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "x.briefing"
    path.write_bytes(data)
    try:
        briefing = load_briefing(path)
    except BriefingError:
        return
    check(briefing)


@FAST
@given(front_matters, st.text(max_size=300))
def test_arbitrary_front_matter_gives_a_briefing(front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    check(parse_briefing(text, "fuzz.briefing"))


@FAST
@given(st.text(alphabet=string.printable + "“”’—é", max_size=400))
def test_arbitrary_text_gives_a_briefing(text):
    check(parse_briefing(text, "fuzz.md"))


html_pieces = st.sampled_from(
    [
        "<script>x</script>", "<iframe src=x>", "<a href=\"javascript:x\">j</a>", "<img src=x onerror=y>",
        "<div style=\"position:fixed\">", "<a href='file:///etc'>f</a>", "<object data=x>", "<b>", "</b>",
        "<p onclick=x>", "[l](javascript:x)", "![i](data:image/png;base64,AA)", "<svg><script>x</script>",
        "<a href=\"data:text/html,x\">d</a>", "<form>", "<style>p{}</style>", "# h", "*e*", "\n\n", "`c`",
        "<meta http-equiv=refresh>", "<link rel=stylesheet href=x>", "<a href=\"vbscript:x\">v</a>",
    ]
)  # fmt: skip


@FAST
@given(st.lists(html_pieces | st.text(max_size=10), max_size=30).map("".join))
def test_markdown_with_raw_html_never_keeps_what_the_sanitiser_forbids(text):
    check(parse_briefing(text, "fuzz.md"))


@FAST
@given(
    st.lists(
        st.sampled_from(["Ada Lind", "Bo", "the chief", "O'Neil", "Ω"]), min_size=1, max_size=3
    ),
    st.text(alphabet="Ada Lind Bo the chief O'Neil Ω*_`[]<>#\n", max_size=300),
)
def test_mention_offsets_point_at_the_text_they_claim(names, body):
    people = "".join(f'  - name: "{name}"\n' for name in names)
    briefing = parse_briefing(f"---\npeople:\n{people}---\n{body}", "m.briefing")
    check(briefing)
    for mention in briefing.mentions:
        found = briefing.body_text[mention.start : mention.end]
        person = briefing.people[mention.index]
        candidates = [person.name, *person.aliases, person.name.split()[-1]]
        assert any(found.casefold().split() == c.casefold().split() for c in candidates), found


WHOLE_WORD = re.compile(r"\w+(?:['’\-]\w+)*")  # what a word is, as one pattern


@FAST
@given(st.text(alphabet=st.sampled_from("ab9é_ '’-‐\n\t.,—ß中١"), max_size=200))
def test_words_are_counted_as_one_pattern_for_a_whole_word_would_count_them(text):
    assert count_words(text) == len(WHOLE_WORD.findall(text))


def test_word_count_examples():
    assert count_words("Don't stop — well-known, co-op’s 3-2 win; a--b ''x' -y-") == 10
    assert count_words("") == 0
