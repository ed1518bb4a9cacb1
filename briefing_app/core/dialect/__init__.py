"""The Markdown the app reads: Python-Markdown with extensions for what GitHub, Obsidian and
Typora users write (see docs/format.md, "The Markdown")."""
