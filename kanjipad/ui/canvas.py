"""The drawing canvas: mouse, pen and tablet input; smooth anti-aliased ink.

Ink is recorded in *canvas units*: the largest centred square of the widget is
``UNITS`` wide, so resizing the window never changes the ink. Painting is vector
based, so it is crisp at any device pixel ratio.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kanjipad.ink import Ink

UNITS = 1000.0
PEN_WIDTH = 0.032  # of the square's side


class InkCanvas(QWidget):
    #: Emitted whenever the ink changes: pen-up, undo, redo, clear.
    inkChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Drawing canvas")
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self._ink = Ink(box=(UNITS, UNITS))
        self._redo: list[tuple[np.ndarray, np.ndarray | None]] = []
        self._current: list[tuple[float, float]] = []
        self._current_t: list[float] = []
        self.show_grid = True

    # --- state ---------------------------------------------------------
    @property
    def ink(self) -> Ink:
        return self._ink

    def set_show_grid(self, on: bool) -> None:
        self.show_grid = on
        self.update()

    def undo(self) -> None:
        if not self._ink.strokes:
            return
        times = self._ink.times[-1] if self._ink.times else None
        self._redo.append((self._ink.strokes[-1], times))
        self._set_ink(self._ink.without_last_stroke())

    def redo(self) -> None:
        if not self._redo:
            return
        stroke, times = self._redo.pop()
        self._set_ink(self._ink.with_stroke(stroke, times))

    def clear(self) -> None:
        if self._ink.strokes:
            self._redo.clear()
            self._set_ink(Ink(box=(UNITS, UNITS)))

    def _set_ink(self, ink: Ink) -> None:
        self._ink = ink
        self.update()
        self.inkChanged.emit(ink)

    # --- geometry --------------------------------------------------------
    def square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_units(self, pos: QPointF) -> tuple[float, float]:
        sq = self.square()
        k = UNITS / max(1.0, sq.width())
        return ((pos.x() - sq.x()) * k, (pos.y() - sq.y()) * k)

    def to_widget(self, x: float, y: float) -> QPointF:
        sq = self.square()
        k = sq.width() / UNITS
        return QPointF(sq.x() + x * k, sq.y() + y * k)

    # --- input ---------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        self._current = [self.to_units(pos)]
        self._current_t = [time.monotonic() * 1000]
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if not self._current:
            return
        p = self.to_units(pos)
        if p != self._current[-1]:
            self._current.append(p)
            self._current_t.append(time.monotonic() * 1000)
            self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._current:
            return
        if pos is not None:
            self._extend(pos)
        stroke, times = self._current, self._current_t
        self._current, self._current_t = [], []
        self._redo.clear()
        self._set_ink(self._ink.with_stroke(stroke, times))

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._begin(e.position())
        elif e.button() == Qt.MouseButton.RightButton:
            self.undo()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if e.buttons() & Qt.MouseButton.LeftButton:
            self._extend(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._end(e.position())

    def tabletEvent(self, e: QTabletEvent) -> None:
        # Accepting stops Qt from synthesising mouse events for the same pen motion.
        kind = e.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(e.position())
        elif kind == QTabletEvent.Type.TabletMove and self._current:
            self._extend(e.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end(e.position())
        e.accept()

    # --- painting --------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        sq = self.square()
        ink_color = pal.color(QPalette.ColorRole.Text)
        if self.show_grid:
            grid = QColor(ink_color)
            grid.setAlphaF(0.14)
            pen = QPen(grid, 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawRect(sq.adjusted(0.5, 0.5, -0.5, -0.5))
            p.drawLine(QPointF(sq.center().x(), sq.top()), QPointF(sq.center().x(), sq.bottom()))
            p.drawLine(QPointF(sq.left(), sq.center().y()), QPointF(sq.right(), sq.center().y()))
        pen = QPen(ink_color, PEN_WIDTH * sq.width())
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for stroke in self._ink.strokes:
            self._draw_stroke(p, [(float(x), float(y)) for x, y in stroke])
        if self._current:
            self._draw_stroke(p, self._current)
        p.end()

    def _draw_stroke(self, p: QPainter, pts: list[tuple[float, float]]) -> None:
        if len(pts) == 1:
            p.drawPoint(self.to_widget(*pts[0]))
            return
        path = QPainterPath(self.to_widget(*pts[0]))
        for x, y in pts[1:]:
            path.lineTo(self.to_widget(x, y))
        p.drawPath(path)
