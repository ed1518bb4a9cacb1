"""The HTML export, read back as a browser would: one file that needs nothing else."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing_app.core.export_files import ExportError
from briefing_app.core.html_export import export_html
from briefing_app.core.loader import load_briefing
from tests.cli.test_cli import run
from tests.conftest import SEED_BRIEFING

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class Page(HTMLParser):
    """The elements of a page, the URLs it would load, and the markup inside ``<main>``."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.main: list[str] = []
        self.in_main = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag == "main":
            self.in_main += 1
        elif self.in_main:
            kept = sorted((k, "…" if k == "src" else v) for k, v in attributes.items() if k != "id")
            self.main.append(f"<{tag} {kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main -= 1
        elif self.in_main:
            self.main.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.in_main and data.strip():
            self.main.append(data.strip())

    def ids(self) -> set[str]:
        return {attributes["id"] for _, attributes in self.tags if "id" in attributes}


def markup(html: str) -> list[str]:
    """Markup as Page reads ``<main>``: ids left out, images' sources not compared."""
    page = Page(f"<main>{html}</main>")
    return page.main


@pytest.fixture
def briefing_with_images(tmp_path: Path) -> Path:
    (tmp_path / "chart.png").write_bytes(PNG)
    path = tmp_path / "notes.md"
    path.write_text(
        "---\ntitle: Weekly notes\npeople:\n  - name: Elchin Amirbayov\n    role: Envoy\n"
        "key_figures:\n  - value: 30%\n    label: of the oil\ntimeline:\n"
        "  - date: 2023-03-29\n    event: An embassy opens.\n    quote: embassy opens\n---\n\n"
        "Elchin Amirbayov says 30% and an embassy opens. Amirbayov again.\n\n"
        "![A chart](chart.png)\n\n![Gone](missing.png) ![Remote](https://example.org/a.png)\n\n"
        "- [x] done\n- [ ] to do\n\n> [!tip] A tip\n> Read it.\n\nSee https://example.org and"
        " [[Other]].\n",
        encoding="utf-8",
    )
    (tmp_path / "Other.md").write_text("# Other\n", encoding="utf-8")
    return path


def test_the_export_is_self_contained(briefing_with_images, tmp_path):
    target = tmp_path / "out" / "notes.html"
    target.parent.mkdir()
    export_html(load_briefing(briefing_with_images), str(target))
    html = target.read_text(encoding="utf-8")
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed", "base"}
    sources = [attributes["src"] for tag, attributes in page.tags if "src" in attributes]
    assert sources and all(src.startswith("data:image/png;base64,") for src in sources)
    assert base64.b64decode(sources[0].split(",", 1)[1]) == PNG
    assert "[Gone: image not found, missing.png]" in html
    assert "[Remote: not shown" in html  # a remote image is never fetched, nor embedded
    assert "default-src 'none'" in html
    assert "@media (prefers-color-scheme: dark)" in html and "@media print" in html
    # The link to the note still leads to it from where the HTML was written.
    assert 'href="../Other.md"' in html


def test_main_holds_the_readers_text_and_the_panels_link_to_it(briefing_with_images, tmp_path):
    briefing = load_briefing(briefing_with_images)
    target = tmp_path / "notes.html"
    export_html(briefing, str(target))
    page = Page(target.read_text(encoding="utf-8"))
    assert page.main == markup(briefing.body_html)
    ids = page.ids()
    links = [a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("#")]
    assert "#person-0-in-text-1" in links and "#person-0-in-text-2" in links
    assert {"person-0-in-text-1", "person-0-in-text-2", "figure-0-in-text-1"} <= ids
    assert {"timeline-0-in-text-1", "person-0", "figure-0", "timeline-0"} <= ids
    for link in links:  # every anchor lands somewhere
        assert link[1:] in ids, link
    headers = {tag for tag, _ in page.tags}
    assert {"header", "main", "aside"} <= headers


def test_the_seed_exports_with_every_person_linked(tmp_path):
    briefing = load_briefing(SEED_BRIEFING)
    target = tmp_path / "seed.html"
    export_html(briefing, str(target))
    page = Page(target.read_text(encoding="utf-8"))
    assert page.main == markup(briefing.body_html)
    ids = page.ids()
    for index, person in enumerate(briefing.people):
        if person.mentions:
            assert f"person-{index}-in-text-1" in ids, person.name


def test_exporting_over_the_briefing_is_refused_and_nothing_is_written(briefing_with_images):
    before = briefing_with_images.read_bytes()
    with pytest.raises(ExportError, match="over the briefing"):
        export_html(load_briefing(briefing_with_images), str(briefing_with_images))
    assert briefing_with_images.read_bytes() == before


def test_a_failed_export_leaves_no_partial_file_and_keeps_the_old_one(
    briefing_with_images, tmp_path, monkeypatch
):
    target = tmp_path / "notes.html"
    target.write_text("the old handout", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        export_html(load_briefing(briefing_with_images), str(target))
    assert target.read_text(encoding="utf-8") == "the old handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["Other.md", "chart.png", "notes.md", "notes.html"]
    )


def test_the_command_line_writes_html(tmp_path):
    target = tmp_path / "seed.html"
    result = run("--export-html", str(target), str(SEED_BRIEFING))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{target}: written\n"
    text = target.read_text(encoding="utf-8")
    assert re.search(r"<h1>Israel, Azerbaijan are “strategic partners,” Baku says</h1>", text)


def test_no_file_from_outside_the_briefings_folder_is_ever_embedded(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.png").write_bytes(PNG + b"SECRET-BYTES")
    folder = tmp_path / "brief"
    folder.mkdir()
    (folder / "logo.png").symlink_to(secret / "private.png")
    (folder / "inside.png").write_bytes(PNG)
    path = folder / "b.md"
    path.write_text(
        f"![a](%2e%2e/secret/private.png) ![b]({quote_path(secret / 'private.png')})"
        " ![c](logo.png) ![d](../secret/private.png) ![e](inside.png)\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.html"
    export_html(load_briefing(path), str(target))
    html = target.read_text(encoding="utf-8")
    embedded = [
        base64.b64decode(a["src"].split(",", 1)[1])
        for tag, a in Page(html).tags
        if tag == "img" and a.get("src", "").startswith("data:")
    ]
    assert embedded == [PNG]  # only the image that really is in the briefing's folder
    assert html.count('class="image-placeholder"') == 4


def quote_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path), safe="")
