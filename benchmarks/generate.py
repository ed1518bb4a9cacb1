"""Generated briefings of a given size, and folders of many small ones, for benchmarks and tests."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "ministry",
    "talks",
    "border",
    "energy",
    "pipeline",
    "embassy",
    "agreement",
    "security",
    "trade",
    "visit",
    "summit",
    "delegation",
    "parliament",
    "investment",
    "region",
    "cooperation",
    "envoy",
    "statement",
    "report",
    "official",
]


def briefing_text(target_bytes: int, people: int = 300, events: int = 1000, seed: int = 1) -> str:
    rng = random.Random(seed)
    names = [f"Person{n} Surname{n}" for n in range(people)]
    front = [
        "---",
        f"title: Generated briefing of {target_bytes:,} bytes",
        "date: 2024-01-15",
        "people:",
    ]
    front += [f"  - name: {name}\n    role: Official" for name in names]
    front.append("timeline:")
    front += [
        f"  - date: {1900 + n % 120}-{1 + n % 12:02d}\n    event: Event {n}\n    quote: event number {n}"
        for n in range(events)
    ]
    front.append("---")
    body: list[str] = []
    size = 0
    paragraph = 0
    while size < target_bytes:
        if paragraph % 12 == 0:
            body.append(f"## Section {paragraph // 12 + 1}")
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 120))]
        words.insert(5, names[paragraph % people])
        words.insert(20, f"event number {paragraph % events}")
        sentence = " ".join(words)
        text = sentence[0].upper() + sentence[1:] + "."
        body.append(text)
        size += len(text) + 2
        paragraph += 1
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


def write_briefing(path: Path, target_bytes: int) -> Path:
    path.write_text(briefing_text(target_bytes), encoding="utf-8")
    return path


def write_library(folder: Path, count: int) -> None:
    rng = random.Random(count)
    for n in range(count):
        sub = folder / f"folder-{n // 500}"
        sub.mkdir(parents=True, exist_ok=True)
        tags = ", ".join(rng.sample(WORDS, 3))
        (sub / f"briefing-{n}.briefing").write_text(
            f"---\ntitle: Briefing {n} on {rng.choice(WORDS)}\ndate: {2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
            f"source: Wire {n % 7}\ntags: [{tags}]\npeople:\n  - name: Person{n} Surname\n---\n"
            + " ".join(rng.choice(WORDS) for _ in range(200))
            + "\n",
            encoding="utf-8",
        )


def write_people_library(folder: Path, count: int, events: int = 10) -> None:
    """``count`` briefings naming five people each from a shared pool (some without accents,
    some by an alias alone) and ``events`` events each, each event of its own briefing: the
    merged timeline has ``count * events`` events, the worst case for the Timeline view."""
    rng = random.Random(count)
    pool = max(50, count // 5)
    for n in range(count):
        sub = folder / f"folder-{n // 500}"
        sub.mkdir(parents=True, exist_ok=True)
        lines = ["---", f"title: Briefing {n}", f"date: {2000 + n % 25}-{1 + n % 12:02d}-01"]
        lines.append("people:")
        for k in rng.sample(range(pool), 5):
            name = f"Persön{k} Sürname{k}" if rng.random() < 0.5 else f"Person{k} Surname{k}"
            if rng.random() < 0.1:
                name = f"Sürname{k}"  # an alias of the full name elsewhere
            lines += [f"  - name: {name}", f"    role: Role {k % 7}", f"    aliases: [Sürname{k}]"]
        lines.append("timeline:")
        for k in range(events):
            day = rng.randrange(25 * 365)
            date = f"{2000 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}"
            lines += [f"  - date: {date}", f"    event: Event {k} of briefing {n}."]
        lines.append("---")
        body = " ".join(rng.choice(WORDS) for _ in range(100))
        (sub / f"briefing-{n}.briefing").write_text("\n".join(lines) + "\n" + body + "\n", "utf-8")
