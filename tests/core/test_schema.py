from briefing_app.core import parse_briefing


def briefing_of(front: str, body: str = ""):
    return parse_briefing(f"---\n{front}\n---\n{body}", "test.briefing")


def diagnostic_texts(briefing):
    return [f"{d.line}:{d.severity}: {d.message}" for d in briefing.diagnostics]


def test_all_fields_are_read():
    briefing = briefing_of(
        "title: T\nsubtitle: S\ndate: 2023-07\nbyline: B\n"
        "source: {name: JNS, url: 'https://jns.org/x'}\ntags: [a, b]\nsummary: '*Hi*'",
        "Text",
    )
    assert (briefing.title, briefing.subtitle, briefing.byline) == ("T", "S", "B")
    assert briefing.date is not None and briefing.date.display() == "July 2023"
    assert briefing.source is not None
    assert (briefing.source.name, briefing.source.url) == ("JNS", "https://jns.org/x")
    assert briefing.tags == ["a", "b"]
    assert briefing.summary_html == "<em>Hi</em>"
    assert briefing.diagnostics == []


def test_wrong_type_message_names_the_path_and_the_type():
    briefing = briefing_of(
        "people:\n  - name: A\n  - name: B\n  - name: C\n    aliases: 42", "A B C"
    )
    assert "6:error: people[2].aliases must be a list of strings, got a number" in diagnostic_texts(
        briefing
    )
    assert [p.name for p in briefing.people] == ["A", "B", "C"]


def test_wrong_shaped_entries_are_skipped_and_the_rest_of_the_panel_survives():
    briefing = briefing_of(
        "key_figures:\n  - value: 30%\n    label: oil\n  - just text\n  - label: no value\n",
        "30% of the oil",
    )
    assert [f.value for f in briefing.key_figures] == ["30%"]
    texts = diagnostic_texts(briefing)
    assert "5:error: key_figures[1] must be a mapping of keys, got text; skipped" in texts
    assert "6:error: key_figures[2] has no 'value'; skipped" in texts


def test_misspelt_keys_suggest_the_right_name_and_are_kept_as_extras():
    briefing = briefing_of("poeple: []\nkey_figure: []\nlayout: post")
    texts = diagnostic_texts(briefing)
    assert "2:warning: unknown key 'poeple'; did you mean 'people'?" in texts
    assert "3:warning: unknown key 'key_figure'; did you mean 'key_figures'?" in texts
    assert briefing.extras["layout"] == "post"
    assert len(texts) == 2  # an unrelated unknown key is an extra detail, not a problem


def test_jekyll_post_opens_with_its_keys_as_extras():
    briefing = briefing_of(
        'layout: post\ntitle: "Welcome to Jekyll!"\ndate: 2023-07-31 10:00:00 +0200\n'
        "categories: jekyll update\nauthor: Jo\npermalink: /welcome/",
        "You’ll find this post in your `_posts` directory.",
    )
    assert not briefing.has_errors
    assert briefing.title == "Welcome to Jekyll!"
    assert briefing.date is not None and briefing.date.iso() == "2023-07-31"
    assert briefing.byline == "Jo"
    assert briefing.extras == {
        "layout": "post",
        "categories": "jekyll update",
        "permalink": "/welcome/",
    }  # the author is the byline, not repeated as an extra


def test_timeline_sorts_chronologically_and_displays_partial_dates():
    briefing = briefing_of(
        "timeline:\n"
        "  - {date: 2023-07-31, event: Interview}\n"
        "  - {date: 1918, event: Republic}\n"
        "  - {date: 2023-03, event: Embassy, label: Early spring 2023}\n"
    )
    assert [e.event for e in briefing.timeline] == ["Republic", "Embassy", "Interview"]
    assert [e.display_date for e in briefing.timeline] == [
        "1918",
        "Early spring 2023",
        "31 July 2023",
    ]


def test_bad_timeline_date_skips_the_event_with_a_message():
    briefing = briefing_of("timeline:\n  - date: 2023-02-30\n    event: Never\n")
    assert briefing.timeline == []
    assert "3:error: timeline[0].date '2023-02-30' is not a real date" in diagnostic_texts(briefing)


def test_source_url_must_be_http():
    briefing = briefing_of("source: {name: X, url: 'javascript:alert(1)'}")
    assert briefing.source is not None and briefing.source.url == ""
    assert any("http" in d.message for d in briefing.diagnostics)


def test_numbers_for_text_fields_keep_their_written_form():
    briefing = briefing_of("key_figures:\n  - value: 1.50\n    label: 2023\n", "It cost 1.50.")
    assert (briefing.key_figures[0].value, briefing.key_figures[0].label) == ("1.50", "2023")


def test_long_header_fields_are_cut_with_an_ellipsis_and_a_warning():
    long = "word " * 1_000
    briefing = briefing_of(
        f"title: {long}\nsubtitle: {long}\nbyline: short\nsource: {long}\ntags: [a, {long}]"
    )
    for text in (briefing.title, briefing.subtitle, briefing.source.name, briefing.tags[1]):
        assert len(text) == 500 and text.endswith("word…")
    assert (briefing.byline, briefing.tags[0]) == ("short", "a")
    texts = diagnostic_texts(briefing)
    assert "2:warning: title is 4,999 characters long; only the first 499 are shown" in texts
    for what in ("subtitle", "source", "tags[1]"):
        assert any(f"{what} is 4,999 characters long" in text for text in texts), what
    heading = parse_briefing("Intro\n\n# " + "x" * 1_000 + "\n\nText.\n")
    assert heading.title == "x" * 499 + "…"
    assert "3:warning: the title (the first heading) is 1,000 characters" in "".join(
        diagnostic_texts(heading)
    )
