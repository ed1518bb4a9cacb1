"""Allow ``python -m briefing_app``."""

import sys

from briefing_app.cli import main

sys.exit(main())
