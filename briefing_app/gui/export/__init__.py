"""Printing and exporting handouts."""
