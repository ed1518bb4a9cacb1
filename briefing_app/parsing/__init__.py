"""Parsing off the window's process: one long-lived worker answers "parse this file" for
opening, reloading, reading ahead at start and indexing the library."""
