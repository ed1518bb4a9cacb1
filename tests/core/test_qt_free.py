import subprocess
import sys

from tests.conftest import SEED_BRIEFING


def test_core_and_headless_commands_never_import_qt():
    code = (
        "import sys, io, contextlib\n"
        "import briefing_app.core, briefing_app.core.library, briefing_app.core.document\n"
        "from briefing_app import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    cli.main(['--check', {str(SEED_BRIEFING)!r}])\n"
        f"    cli.main(['--dump-json', {str(SEED_BRIEFING)!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')]\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
