"""Entry point of the frozen app (PyInstaller runs this file)."""

import multiprocessing
import sys

from briefing_app.cli import main

if __name__ == "__main__":
    # A frozen executable started as a worker (the library indexer's) runs the worker, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
