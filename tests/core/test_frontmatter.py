from briefing_app.core import parse_briefing
from briefing_app.core.frontmatter import parse, split


def messages(briefing):
    return [(d.severity, d.line, d.message) for d in briefing.diagnostics]


def test_front_matter_closed_by_dots_and_positions_are_file_lines():
    result = split("---\ntitle: A\n...\nBody\n")
    assert result.yaml_text == "title: A\n"
    assert result.body == "Body\n"
    assert result.body_first_line == 4


def test_plus_fenced_front_matter_is_toml_and_the_body_starts_after_it():
    result = split('+++\ntitle = "A"\n+++\nBody\n')
    assert (result.yaml_text, result.toml_text) == (None, 'title = "A"\n')
    assert result.body == "Body\n"
    assert result.body_first_line == 4


def test_no_front_matter_is_all_body():
    briefing = parse_briefing("# Heading title\n\nSome text.\n", "notes.md")
    assert briefing.title == "Heading title"
    assert briefing.body_text == "Some text."  # the heading became the title
    assert briefing.diagnostics == []


def test_title_falls_back_to_the_file_name():
    assert parse_briefing("Just text.", "/tmp/my-notes.md").title == "my-notes"


def test_unclosed_front_matter_is_an_error_and_the_body_still_renders():
    briefing = parse_briefing("---\ntitle: A\n\nThe body text.\n", "x.briefing")
    assert briefing.has_errors
    assert "never closed" in briefing.diagnostics[0].message
    assert "The body text." in briefing.body_text


def test_invalid_yaml_names_the_file_line_and_keeps_the_body():
    text = "---\ntitle: ok\npeople:\n\t- name: Tab\n---\nBody survives.\n"
    briefing = parse_briefing(text, "x.briefing")
    [diagnostic] = briefing.diagnostics
    assert diagnostic.severity == "error"
    assert diagnostic.line == 4
    assert "tab" in diagnostic.message.lower()
    assert briefing.body_text == "Body survives."


def test_python_tags_are_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "ran"
    text = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nBody\n"
    briefing = parse_briefing(text, "x.briefing")
    assert not marker.exists()
    assert any("!!python/object/apply" in d.message for d in briefing.diagnostics)
    assert briefing.title == "x"


def test_alias_bomb_is_rejected_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    front = parse("\n".join(lines), 2)
    assert any("aliases" in d.message for d in front.diagnostics)


def test_deep_nesting_is_rejected_before_parsing():
    front = parse("key: " + "[" * 5000 + "]" * 5000, 2)
    assert "nested more than" in front.diagnostics[0].message


def test_a_front_matter_too_long_is_refused_before_parsing(monkeypatch):
    import yaml

    def compose(*args, **kwargs):
        raise AssertionError("composed")

    monkeypatch.setattr(yaml, "compose", compose)
    people = "people:\n" + "  - name: P\n" * 120_000
    front = parse(people, 2)
    assert front.data == {}
    [problem] = front.diagnostics
    assert (problem.line, problem.severity) == (2, "error")
    assert "too large (120,002 lines; at most 120,000 lines)" in problem.message
    [problem] = parse("summary: " + "x" * 4 * 1024 * 1024, 2).diagnostics
    assert "too large (4,194,313 characters; at most 4,194,304 characters)" in problem.message


def test_duplicate_keys_warn_and_the_later_value_wins():
    briefing = parse_briefing("---\ntitle: First\ntitle: Second\n---\n", "x.briefing")
    assert briefing.title == "Second"
    assert messages(briefing) == [
        ("warning", 3, "duplicate key 'title' (first on line 2); this later value is used")
    ]


def test_front_matter_that_is_not_a_mapping_is_an_error():
    briefing = parse_briefing("---\n- just\n- a list\n---\nText\n", "x.briefing")
    assert "key: value" in briefing.diagnostics[0].message
    assert briefing.body_text == "Text"


def test_a_hash_line_inside_code_is_not_taken_as_the_title():
    briefing = parse_briefing(
        "```\n# a shell comment\n```\n\n## Intro\n\n# Real title\n\nText\n", "x.md"
    )
    assert briefing.title == "Real title"
    assert [h.text for h in briefing.headings] == ["Intro"]
    assert "# a shell comment" in briefing.body_text
