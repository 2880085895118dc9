"""Day, night and high-contrast palettes (Fusion style, so they look the same everywhere)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_SYSTEM: dict[int, QPalette] = {}


def _palette(window, base, text, button, highlight, highlighted_text, disabled) -> QPalette:
    p = QPalette()
    R = QPalette.ColorRole
    for role, color in (
        (R.Window, window), (R.WindowText, text), (R.Base, base), (R.AlternateBase, window),
        (R.Text, text), (R.Button, button), (R.ButtonText, text), (R.ToolTipBase, base),
        (R.ToolTipText, text), (R.Highlight, highlight), (R.HighlightedText, highlighted_text),
        (R.PlaceholderText, disabled), (R.BrightText, highlight),
    ):  # fmt: skip
        p.setColor(role, QColor(color))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def palette_for(theme: str) -> QPalette | None:
    if theme == "light":
        return _palette("#f3f3f3", "#ffffff", "#1b1b1b", "#e8e8e8", "#2f6fd6", "#ffffff", "#9a9a9a")
    if theme == "dark":
        return _palette("#202124", "#17181a", "#e8e8e8", "#2d2f33", "#5b9bff", "#0b0b0b", "#7a7a7a")
    if theme == "high-contrast":
        return _palette("#000000", "#000000", "#ffffff", "#000000", "#ffff00", "#000000", "#c0c0c0")
    return None


def apply_theme(app: QCoreApplication | None, theme: str) -> None:
    """Apply ``theme`` to the running application (QApplication.instance() is typed as optional)."""
    if not isinstance(app, QApplication):
        return
    key = id(app)
    if key not in _SYSTEM:
        _SYSTEM[key] = QPalette(app.palette())
    pal = palette_for(theme)
    if pal is None:
        app.setPalette(_SYSTEM[key])
        app.setStyleSheet("")
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(pal)
    # High contrast: thick, bright focus and button borders, not just colours.
    app.setStyleSheet(
        "QPushButton { border: 2px solid #ffffff; } QPushButton:hover { border-color: #ffff00; }"
        if theme == "high-contrast"
        else ""
    )
