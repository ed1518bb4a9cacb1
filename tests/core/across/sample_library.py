"""A small library whose briefings share people under other spellings and aliases, and events."""

from __future__ import annotations

from pathlib import Path

GAS_DEAL = """\
---
title: Baku gas deal
date: 2023-07-31
tags: [energy, Azerbaijan]
people:
  - name: Recep Tayyip Erdoğan
    role: President of Turkey
    aliases: [Erdoğan]
  - name: Yoav Gallant
    role: Defense Minister
    aliases: [Gallant, the defence minister]
  - name: Ilham Aliyev
    role: President of Azerbaijan
    aliases: [Aliyev]
  - name: Heydar Aliyev
    role: Former President of Azerbaijan
    aliases: [Aliyev]
timeline:
  - date: 2023-07-31
    event: Gallant visits Baku.
  - date: 2023
    event: Azerbaijan supplies oil to Israel.
  - date: 2023-03-29
    event: Azerbaijan opens an embassy in Israel.
---
Yoav Gallant met Ilham Aliyev in Baku. Gallant said the deal was sound. Recep Tayyip Erdoğan
sent a message; Heydar Aliyev's legacy was praised. Tankers leave for Gdańsk.
"""

EMBASSY = """\
---
title: An embassy in Tel Aviv
date: 2023-03-29
tags: [diplomacy, energy policy]
people:
  - name: YOAV GALLANT
    role: Defense Minister of Israel
  - name: Erdogan
    role: Turkish president
timeline:
  - date: 2023-03-29
    event: "Azerbaijan opens embassy in Israel"
  - date: 2023-03
    event: Talks on the embassy's opening.
  - date: 2023-03-29
    event: Israel's foreign minister attends the opening.
  - date: 2023-07
    event: Gallant plans a visit to Baku.
---
YOAV GALLANT welcomed the embassy. Erdogan was silent. Erdogan spoke a week later.
"""

# Past 16 KB of text: search looks at the whole text, not its start.
_LONG_TEXT = "Cranes and quays of the old harbour. " * 600

GDANSK = f"""\
---
title: Port of Gdańsk
tags: [Energy, Poland]
people:
  - name: Benny Gantz
    aliases: [the defence minister]
  - name: Aliyev
timeline:
  - date: 2022
    event: Gdańsk terminal opens.
  - date: 2023-07-31
    event: GALLANT visits Baku
---
# Port of Gdańsk

Benny Gantz and Aliyev toured Gdańsk. The terminal at Gdańsk is the largest on the coast.

{_LONG_TEXT}

A zeppelin was moored over the terminal.
"""

FILES = {
    "caucasus/gas-deal.briefing": GAS_DEAL,
    "israel/embassy.briefing": EMBASSY,
    "gdansk.md": GDANSK,
}


def write_library(folder: Path) -> dict[str, Path]:
    """Write the library's files below ``folder``; their paths by name."""
    paths = {}
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths
