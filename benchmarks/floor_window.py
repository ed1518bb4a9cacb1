"""The floor for cold start: the least a Qt program can do to show the seed briefing.

Imports the same Qt modules as the app, renders the seed's Markdown into a QTextBrowser in a
QMainWindow, shows it and grabs it to a PNG, exactly as ``briefing-app --screenshot`` ends.

    python benchmarks/floor_window.py OUT.png BRIEFING
"""

import sys

import markdown
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


def main(out: str, path: str) -> int:
    app = QApplication(sys.argv[:1])
    with open(path, encoding="utf-8") as file:
        text = file.read()
    body = text.split("\n---\n", 1)[-1]
    window = QMainWindow()
    browser = QTextBrowser(window)
    browser.setHtml(markdown.markdown(body, extensions=["tables", "footnotes"]))
    window.setCentralWidget(browser)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return 0 if window.grab().save(out) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
