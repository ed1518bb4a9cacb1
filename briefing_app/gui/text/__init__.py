"""The reader and its layout helpers."""
