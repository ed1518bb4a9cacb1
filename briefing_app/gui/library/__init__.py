"""The library: briefings found in the watched folders, searchable."""
