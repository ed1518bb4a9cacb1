"""The parse worker: ``briefing-app --parse-worker`` reads tasks on its input and
answers each on its output, in order, until its input closes.

It ends with the window: when the window exits or is killed, the pipe closes and a thread
here ends the process at once, even in the middle of a parse.
"""

from __future__ import annotations

import os
import queue
import sys
import threading

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.parsing import frames
from briefing_app.parsing.tasks import perform

FLAG = "--parse-worker"


def run() -> int:
    tasks: queue.SimpleQueue[tuple[int, str, object, str | None]] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(tasks,), name="receive", daemon=True).start()
    output = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answers
    while True:
        number, kind, argument, cache_folder = tasks.get()
        result = perform(kind, argument, BriefingCache(cache_folder))
        try:
            answer = frames.encode((number, result))
        except Exception as error:  # a result that cannot be sent is an error, not an ending
            path = argument if isinstance(argument, str) else ""
            answer = frames.encode((number, BriefingError(path, f"internal error: {error!r}")))
        try:
            frames.send(output, answer)
        except (OSError, ValueError):  # the window is gone
            os._exit(0)


def _receive(tasks: queue.SimpleQueue[tuple[int, str, object, str | None]]) -> None:
    try:
        while True:
            message = frames.read(sys.stdin.buffer)
            assert isinstance(message, tuple)
            tasks.put(message)
    except BaseException:  # the window closed the pipe, or sent what is not a task
        os._exit(0)
