"""Run-time hook of the frozen app, in place of PyInstaller's own for PySide6.

PyInstaller's hook imports QtCore at every start of the executable (about 0.1 s), to make sure Qt
knows where its files are; PySide6's wheels embed that in QtCore themselves. Every start paid
for it, even one that never shows a window: a second launch handing its files to the running
window, ``--check``, ``--version``. Here only the environment Qt reads is set, and Qt loads when
the window is wanted, as it does from source.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6", *([] if sys.platform == "win32" else ["Qt"]))
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
