"""Which URLs stay local: the sanitiser's rules for links and images, shared with the dialect's
images and the finder of files beside a briefing."""

from __future__ import annotations

from urllib.parse import unquote


def is_local_relative(url: str) -> bool:
    """A path to a file beside the briefing or below it: no scheme, no root, no way up, also
    once its %-escapes are decoded."""
    url = unquote(url)
    if not url or "\\" in url or url.startswith(("/", "#")) or ":" in url.split("/")[0]:
        return False
    return ".." not in url.split("/")


def is_local_link(url: str) -> bool:
    """An anchor in the document, or the path of a local file (from the briefing's folder, or
    from the root): clicking it opens the file. No scheme, no host, nothing remote."""
    if url.startswith("//") or "\\" in url:
        return False
    return ":" not in url.split("/")[0].split("#")[0].split("?")[0]
