"""The hostile corpus: files kept in tests/data/hostile plus cases generated on the spot."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "hostile"
GENERATED = (
    "long-line", "huge-list", "over-the-size-cap", "a-folder", "html-left-open",
    "bare-link-parentheses", "strikethrough-runs", "fences-left-open", "quotes-unspaced",
    "a-million-people", "title-of-5-mb", "one-long-word",
)  # fmt: skip
CASE_NAMES = sorted([p.stem for p in CORPUS.glob("*.briefing")] + list(GENERATED))


def copy_corpus(folder: Path) -> dict[str, Path]:
    """Every case in ``folder``, by name."""
    for path in CORPUS.iterdir():
        shutil.copy(path, folder / path.name)
    cases = {p.stem: p for p in folder.glob("*.briefing")}
    cases.update(_generate(folder))
    return cases


def _generate(folder: Path) -> dict[str, Path]:
    """Cases too big to keep in the repository, or that only a file system can express."""
    long_line = folder / "long-line.briefing"
    long_line.write_text(
        "---\ntitle: One long line\n---\n" + "word " * 400_000 + "\n", encoding="utf-8"
    )
    huge_list = folder / "huge-list.briefing"
    huge_list.write_text(
        "---\npeople:\n"
        + "".join(f"  - name: Person {n}\n" for n in range(100_000))
        + "---\nPerson 7 spoke.\n",
        encoding="utf-8",
    )
    million = folder / "a-million-people.briefing"  # 24 MB of front matter
    with open(million, "w", encoding="utf-8") as handle:
        handle.write("---\npeople:\n")
        handle.writelines(f"  - name: Person {n}\n" for n in range(1_000_000))
        handle.write("---\nPerson 7 spoke.\n")
    too_big = folder / "over-the-size-cap.briefing"
    with open(too_big, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: costs no disk
    directory = folder / "a-folder.briefing"
    directory.mkdir()
    markdown = {  # constructs of the Markdown dialect, each run to a length that would show a
        # search repeated from every position
        "html-left-open": "<div>\n\n" * 20_000 + ("<div>\n" * 590 + "\n") * 20,
        "bare-link-parentheses": "https://a.example/"
        + ")" * 64_000
        + "\n\n"
        + "www.example.org"
        + "." * 64_000,
        "strikethrough-runs": "\n\n".join(["~~a " * 500] * 200),
        "fences-left-open": "".join(f"- item {n}\n\n  ```\n  code\n" for n in range(5_000)),
        "quotes-unspaced": ">" * 10_000_000 + " deep\n",  # ">>>>" nests as "> > > >" does
        "title-of-5-mb": "---\ntitle: " + "Long title " * 480_000 + "\n---\nText.\n",
        "one-long-word": "x" * 1_000_000 + "\n",  # nowhere for a line to break
    }
    generated = {}
    for name, text in markdown.items():
        generated[name] = folder / f"{name}.briefing"
        generated[name].write_text(text, encoding="utf-8")
    return {
        **generated,
        "long-line": long_line,
        "huge-list": huge_list,
        "a-million-people": million,
        "over-the-size-cap": too_big,
        "a-folder": directory,
    }
