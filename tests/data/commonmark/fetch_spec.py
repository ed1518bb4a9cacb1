"""Fetch the CommonMark spec's examples from the npm registry into spec-0.31.2.json.

Run once (needs npm); the JSON file is committed, so the tests never go to the network:

    python tests/data/commonmark/fetch_spec.py
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.31.2"
HERE = Path(__file__).parent
# The same pattern as the package's own index.js: an example is markdown, ".", html, between
# lines of 32 backticks; headings name the section.
EXAMPLE = re.compile(
    r"^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$", re.MULTILINE
)


def examples(spec: str) -> list[dict[str, object]]:
    spec = re.sub(r"^<!-- END TESTS -->(.|\n)*", "", spec.replace("\r\n", "\n"), flags=re.M)
    found: list[dict[str, object]] = []
    section = ""
    for match in EXAMPLE.finditer(spec):
        if match.group(3) is not None:
            section = match.group(3)
            continue
        found.append(
            {
                "example": len(found) + 1,
                "section": section,
                "markdown": match.group(1).replace("→", "\t"),
                "html": match.group(2).replace("→", "\t"),
            }
        )
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", f"commonmark-spec@{VERSION}"], cwd=folder, check=True)
        with tarfile.open(Path(folder) / f"commonmark-spec-{VERSION}.tgz") as archive:
            archive.extractall(folder, filter="data")
        package = Path(folder) / "package"
        spec = (package / "spec.txt").read_text(encoding="utf-8")
        shutil.copy(package / "LICENSE", HERE / "LICENSE")
    out = HERE / f"spec-{VERSION}.json"
    out.write_text(
        json.dumps(examples(spec), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{out}: {len(examples(spec))} examples")


if __name__ == "__main__":
    main()
