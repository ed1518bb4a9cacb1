"""Allow ``python -m briefing_app``."""

import sys

from briefing_app.cli import main

if __name__ == "__main__":  # not when a library-indexing worker process imports this module
    sys.exit(main())
