"""What the library's People and Timeline views are made of lives as long as the library: kept
out of the garbage collector's full passes, which would otherwise walk all of it, holding the
window each time (with 10,000 briefings, most of a second a pass).

As a reading makes it, what was made is frozen (``gc.freeze``) every so often. The young
generations are collected first: the garbage made meanwhile, anywhere in the app, is freed
rather than frozen for good. The collector's full passes wait while a reading matches and
merges, and resume after. A frozen object is still freed with its last reference, as the
views' rows of an earlier reading are; only one in a reference cycle would stay, so what the
views keep holds none. BRIEFING_APP_ACROSS_FREEZE=0 leaves the trick out, to measure it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

ON = os.environ.get("BRIEFING_APP_ACROSS_FREEZE", "1") != "0"
FREEZE_EVERY = 500  # rows made
_HELD = 1_000_000_000  # young passes before a full one: none while held


def made(count: int) -> None:
    """Called with a count of rows made for the views, as they are made."""
    if count % FREEZE_EVERY == 0:
        keep_made()


def keep_made() -> None:
    """What was made so far is frozen, once the young garbage among it is collected."""
    if ON:
        gc.collect(1)  # the young generations alone: what was made since the last time
        gc.freeze()


@contextmanager
def full_passes_held() -> Iterator[None]:
    """No full pass while matching and merging a library: each would walk all it has made so
    far, and a pass holds every thread of the app. What was made is frozen after. One reading
    runs at a time (``LibraryAcross``), so nothing else sets the threshold meanwhile."""
    if not ON:
        yield
        return
    threshold = gc.get_threshold()
    gc.set_threshold(threshold[0], threshold[1], _HELD)
    try:
        yield
    finally:
        keep_made()
        gc.set_threshold(*threshold)
