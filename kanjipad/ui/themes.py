"""Day, night and high-contrast palettes (Fusion style, so they look the same everywhere)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

#: Per application: the system's palette and style name, as they were before the first theme.
_SYSTEM: dict[int, QPalette] = {}
_SYSTEM_STYLE: dict[int, str] = {}


def _palette(
    window: str, base: str, text: str, button: str, highlight: str, highlighted_text: str, disabled: str
) -> QPalette:
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
        return _palette("#f3f3f3", "#ffffff", "#1b1b1b", "#e8e8e8", "#2f6fd6", "#ffffff", "#6b6b6b")
    if theme == "dark":
        return _palette("#202124", "#17181a", "#e8e8e8", "#2d2f33", "#5b9bff", "#0b0b0b", "#9a9a9a")
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
        _SYSTEM_STYLE[key] = app.style().name()
    pal = palette_for(theme)
    if pal is None:
        # The system's style back too: high contrast's style (white boxes, yellow ticks) stayed on.
        system_style = QStyleFactory.create(_SYSTEM_STYLE[key]) or QStyleFactory.create("Fusion")
        if system_style is not None:
            app.setStyle(system_style)
        app.setPalette(_SYSTEM[key])
        app.setStyleSheet("")
    else:
        fusion = QStyleFactory.create("Fusion")
        box = CHECKBOXES.get(theme)
        app.setStyle(OutlinedCheckBoxStyle(fusion, *box) if box else fusion)
        app.setPalette(pal)
        app.setStyleSheet(SHEETS.get(theme, ""))
    # Every widget painted afresh: once under X11 the menu bar kept the previous theme's colours until
    # something else repainted it (issue 26, finding 10; not reproduced since, so no pixel test can tell).
    for widget in app.allWidgets():
        widget.update()


class OutlinedCheckBoxStyle(QProxyStyle):
    """Fusion, with check boxes drawn as a box of ``fill`` outlined in ``edge`` and a ``tick`` when checked.

    Fusion outlines a box with the window colour darkened: on a dark or black window that edge is
    not there (an unchecked box could not be seen in the dark theme). A style sheet that outlines the
    box leaves no tick (a checked box in high contrast was a solid square), so the box is drawn here.
    """

    def __init__(self, base: QStyle | None, edge: str, fill: str, tick: str, edge_width: float) -> None:
        super().__init__(base)
        self.edge, self.fill, self.tick, self.edge_width = QColor(edge), QColor(fill), QColor(tick), edge_width

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            super().drawPrimitive(element, option, painter, widget)
            return
        r = option.rect.adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.edge, self.edge_width))
        painter.setBrush(self.fill)
        painter.drawRect(r)
        if option.state & QStyle.StateFlag.State_On:
            pen = QPen(self.tick, max(2.0, r.width() / 6))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            w, h, x, y = r.width(), r.height(), r.x(), r.y()
            painter.drawPolyline(
                [
                    QPointF(x + w * 0.22, y + h * 0.52),
                    QPointF(x + w * 0.42, y + h * 0.72),
                    QPointF(x + w * 0.78, y + h * 0.28),
                ]
            )
        painter.restore()


#: Check boxes per theme (edge, fill, tick, edge width): high contrast a white box on black with a
#: yellow tick; dark the text fields' edge (DARK_SHEET) and fill, so a box stands out 3:1 as they do.
CHECKBOXES: dict[str, tuple[str, str, str, float]] = {
    "high-contrast": ("#ffffff", "#000000", "#ffff00", 2.0),
    "dark": ("#8a8a8a", "#17181a", "#e6e6e6", 2.0),
}


#: High contrast: every control has a bright outline (Fusion draws unchecked boxes and fields
#: with a border close to the background); focus and hover turn it yellow.
HIGH_CONTRAST_SHEET = """
QPushButton, QToolButton, QLineEdit, QComboBox, QTextBrowser, QListWidget { border: 2px solid #ffffff; }
QPushButton:hover, QToolButton:hover, QLineEdit:focus, QComboBox:focus, QListWidget:focus { border-color: #ffff00; }
QPushButton { padding: 3px 10px; }
QCheckBox:focus { outline: 2px solid #ffff00; }
"""

#: Dark: text fields get an edge that stands out from the window (Fusion's was about 1.3:1, and the
#: compose field seemed to float); 3:1 or more, as WCAG asks of a control's boundary.
DARK_SHEET = """
QLineEdit { border: 1px solid #8a8a8a; border-radius: 2px; padding: 2px 3px; background: #17181a; }
QLineEdit:focus { border-color: #5b9bff; }
"""

SHEETS = {"high-contrast": HIGH_CONTRAST_SHEET, "dark": DARK_SHEET}
