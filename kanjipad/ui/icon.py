"""KanjiPad's icon (resources/icons: the SVG and its PNG sizes), for every window."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from kanjipad.desktop_entry import ICON_SIZES
from kanjipad.resources import resource_path


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for n in ICON_SIZES:
        icon.addFile(str(resource_path(f"icons/kanjipad-{n}.png")))
    return icon
