"""The library as a whole: its people and one merged timeline, read off the window's thread."""
