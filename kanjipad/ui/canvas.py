"""The drawing canvas: mouse, pen and tablet input; smooth anti-aliased ink.

Ink is recorded in *canvas units*: the largest centred square of the widget is
``UNITS`` wide, so resizing the window never changes the ink. Painting is vector
based, so it is crisp at any device pixel ratio.

The canvas takes a row of characters, or a column (tategaki): the guide grid repeats
its square in every direction, and when the ink leaves less than a character's room
before the right edge (a row) or the bottom edge (a column) the view zooms out (the ink
keeps its units; only the scale on screen changes), so a word of six or more characters
fits. The zoom happens in a pause after a pen-up (the moment between characters, as the
hand moves on), never at a pen-down or while writing, so no half-written character jumps
and the room opens ahead of the pen.

Painting is incremental, because every millisecond after a pen-up counts: the
background, grid and finished strokes live in a pixmap at the screen's pixel
ratio; a pen-up draws only the new stroke onto it, pen moves repaint only the
rectangle around the new segment, and the pixmap is rebuilt only when the ink
shrinks (undo, clear), the size, palette or grid changes.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kanjipad.ink import Ink
from kanjipad.ui.i18n import translate

UNITS = 1000.0
PEN_WIDTH = 0.032  # of the square's side
#: The view makes room only once the ink spans more than this (units) along the line.
HALF = 0.5 * UNITS
#: Room kept ahead of the ink, in cells: a character and a gap.
ROOM = 1.1
#: A pause this long (ms) after a pen-up is taken as the moment between two characters.
PAUSE_MS = 450


class InkCanvas(QWidget):
    #: Emitted whenever the ink changes: pen-up, undo, redo, clear.
    inkChanged = Signal(object)
    #: A pen-up added a stroke: (ink before, ink after), for the window's undo history;
    #: emitted just before the ink changes (and inkChanged).
    strokeAdded = Signal(object, object)
    #: The user asked to undo (right click); the window decides what that undoes.
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("Canvas", "Drawing canvas"))
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self._ink = Ink(box=(UNITS, UNITS))
        self._redo: list[tuple[np.ndarray, np.ndarray | None]] = []
        self._current: list[tuple[float, float]] = []
        self._current_t: list[float] = []
        self.show_grid = True
        #: Shown on an empty canvas, so a first-time user knows what to do.
        self.hint = translate("Canvas", "Write a character here")
        #: Background, grid and finished strokes; None when it must be rebuilt.
        self._cache: QPixmap | None = None
        self._cache_strokes = 0  # how many of the ink's strokes the cache holds
        #: The view: (zoom, the unit square's left and top edges as fractions of the width and
        #: height); None: centred, zoom 1.
        self._view: tuple[float, float, float] | None = None
        #: A pause after a pen-up: the moment between characters when the view may make room.
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self._on_pause)
        self.undoRequested.connect(self.undo)  # alone, right click undoes a stroke; the window rewires it

    # --- state ---------------------------------------------------------
    @property
    def ink(self) -> Ink:
        return self._ink

    def set_show_grid(self, on: bool) -> None:
        self.show_grid = on
        self._invalidate()

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

    def set_ink(self, ink: Ink) -> None:
        """Put ``ink`` on the canvas (e.g. undoing a pick brings its ink back)."""
        self._redo.clear()
        self._set_ink(ink)

    @property
    def view(self) -> tuple[float, float, float] | None:
        """How the ink is shown now (zoom and place; None: centred at zoom 1), for :meth:`show_ink_as`."""
        return self._view

    def show_ink_as(self, ink: Ink, view: tuple[float, float, float] | None) -> None:
        """Put ``ink`` back as it was shown (undoing a pick of a row brings it back zoomed out, with room to go on)."""
        self._redo.clear()
        self._view = view if ink.strokes else None
        self._cache = None
        self._set_ink(ink)
        self._make_room()  # the window may be smaller than it was

    def _set_ink(self, ink: Ink) -> None:
        grew_by_one = len(ink.strokes) == len(self._ink.strokes) + 1 and self._cache_strokes == len(self._ink.strokes)
        self._ink = ink
        if not ink.strokes and self._view is not None:
            self._view = None  # a new row starts at the usual size
            grew_by_one = False
        if grew_by_one and self._cache is not None:
            self._add_to_cache(ink.strokes[-1])  # a pen-up or redo: draw just that stroke
            self.update(self._stroke_rect([(float(x), float(y)) for x, y in ink.strokes[-1]]))
        else:
            self._invalidate()
        # Last: a listener starts recognition, and the recognition thread then runs without
        # this thread's Python competing with it for the interpreter.
        self.inkChanged.emit(ink)

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    # --- geometry --------------------------------------------------------
    def square(self) -> QRectF:
        """Where the unit square (0…UNITS on both axes) is on screen: one character's cell."""
        base = min(self.width(), self.height())
        if self._view is None:
            return QRectF((self.width() - base) / 2, (self.height() - base) / 2, base, base)
        zoom, left, top = self._view
        side = base * zoom
        return QRectF(left * self.width(), top * self.height(), side, side)

    def _on_pause(self) -> None:
        if self._room_after_pause():
            self._invalidate()

    def _room_after_pause(self) -> bool:
        """A pause after a pen-up (between characters, as people pause to move the hand): zoom out
        when there is less than a character's room left after the ink, to the right for a row or
        below for a column, so the next character has room ahead of the pen; True if the view changed.

        Never at a pen-down or while writing: a character under way keeps its scale.
        """
        if self._current or not self._ink.strokes or self.width() <= 0 or self.height() <= 0:
            return False
        bounds = self._ink.bounds()
        if bounds is None:
            return False
        lo, hi = bounds
        end = self.to_widget(float(hi[0]), float(hi[1]))
        room = ROOM * self.square().width()  # a character and a gap
        span = hi - lo
        if max(span) < 1.3 * UNITS:  # one character so far: the line goes where the canvas is longer
            across = self.width() >= self.height()
        else:  # a row goes on to the right, a column down
            across = bool(span[0] >= span[1])
        if across and hi[0] - lo[0] > HALF and end.x() + room > self.width():
            return self._zoom_to(lo, hi, 0)
        if not across and hi[1] - lo[1] > HALF and end.y() + room > self.height():
            return self._zoom_to(lo, hi, 1)
        return False

    def _zoom_to(self, lo: np.ndarray, hi: np.ndarray, axis: int) -> bool:
        """Zoom out so ``lo``…``hi`` (units) and room for one more character (ROOM cells) fit along
        ``axis`` (0: across, 1: down) from a 4 % margin; the other axis keeps its place."""
        sq = self.square()
        size = (self.width(), self.height())
        base = min(size)
        zoom = sq.width() / base
        span = max(float(hi[axis] - lo[axis]), 1.0)
        # What is written and the room for one more character fit in 92 % of the length.
        zoom = max(0.25, min(zoom, 0.92 * size[axis] / ((span + ROOM * UNITS) * base / UNITS)))
        if self._view is not None and zoom >= self._view[0] - 1e-9 and self._view[0] < 1.0:
            return False  # already as small as the rule asks
        side = base * zoom
        # Keep the centre of what is written where it was across the line.
        other = 1 - axis
        centre = float(lo[other] + hi[other]) / 2
        old_at = (sq.left(), sq.top())[other] + centre * sq.width() / UNITS
        start = [0.0, 0.0]
        start[axis] = 0.04 * size[axis] - float(lo[axis]) * side / UNITS
        start[other] = old_at - centre * side / UNITS
        self._view = (zoom, start[0] / self.width(), start[1] / self.height())
        self._cache = None
        self.update()
        return True

    def _make_room(self) -> bool:
        """After a resize: zoom out when written ink runs off the widget (compact mode, say, kept
        the square centred and cut off the start of the row); True if the view changed."""
        if not self._ink.strokes or self.width() <= 0:
            return False
        bounds = self._ink.bounds()
        if bounds is None:
            return False
        lo, hi = bounds
        a, b = self.to_widget(float(lo[0]), float(lo[1])), self.to_widget(float(hi[0]), float(hi[1]))
        if a.x() < 0 or b.x() > 0.96 * self.width():
            return self._zoom_to(lo, hi, 0)
        if a.y() < 0 or b.y() > 0.96 * self.height():
            return self._zoom_to(lo, hi, 1)
        return False

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
        self._pause.stop()  # writing on: the view stays as it is
        self._current = [self.to_units(pos)]
        self._current_t = [time.monotonic() * 1000]
        if self._ink.strokes or not self.hint:
            self.update(self._stroke_rect(self._current))
        else:
            self.update()  # the hint text goes away

    def _extend(self, pos: QPointF) -> None:
        if not self._current:
            return
        p = self.to_units(pos)
        if p != self._current[-1]:
            self._current.append(p)
            self._current_t.append(time.monotonic() * 1000)
            self.update(self._stroke_rect(self._current[-2:]))

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._current:
            return
        if pos is not None:
            self._extend(pos)
        stroke, times = self._current, self._current_t
        self._current, self._current_t = [], []
        # A click without any movement is a dot (dakuten tapped with a mouse or a pen): one point.
        self._redo.clear()
        before, after = self._ink, self._ink.with_stroke(stroke, times)
        self.strokeAdded.emit(before, after)  # before the ink changes: see _set_ink
        self._set_ink(after)
        self._pause.start()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._begin(e.position())
        elif e.button() == Qt.MouseButton.RightButton:
            self.undoRequested.emit()

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
    def changeEvent(self, e: QEvent) -> None:
        if e.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._invalidate()  # theme switch: background, grid and ink colours change
        super().changeEvent(e)

    def focusInEvent(self, e: QFocusEvent) -> None:
        self.update()  # the focus frame
        super().focusInEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(e)

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(e)
        self._make_room()

    def _pen(self) -> QPen:
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), PEN_WIDTH * self.square().width())
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _stroke_rect(self, pts: list[tuple[float, float]]) -> QRect:
        """The widget rectangle a stroke (or segment) covers, pen width and anti-aliasing included."""
        xs = [x for x, _ in pts]
        ys = [y for _, y in pts]
        a, b = self.to_widget(min(xs), min(ys)), self.to_widget(max(xs), max(ys))
        pad = PEN_WIDTH * self.square().width() / 2 + 2
        return QRectF(a, b).normalized().adjusted(-pad, -pad, pad, pad).toAlignedRect()

    def _rebuild_cache(self) -> None:
        ratio = self.devicePixelRatioF()
        pix = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pix.setDevicePixelRatio(ratio)
        pal = self.palette()
        pix.fill(pal.color(QPalette.ColorRole.Base))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.show_grid:
            self._draw_grid(p, pal.color(QPalette.ColorRole.Text))
        p.setPen(self._pen())
        for stroke in self._ink.strokes:
            self._draw_stroke(p, [(float(x), float(y)) for x, y in stroke])
        p.end()
        self._cache, self._cache_strokes = pix, len(self._ink.strokes)

    def _add_to_cache(self, stroke: np.ndarray) -> None:
        assert self._cache is not None
        p = QPainter(self._cache)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self._pen())
        self._draw_stroke(p, [(float(x), float(y)) for x, y in stroke])
        p.end()
        self._cache_strokes = len(self._ink.strokes)

    def _draw_grid(self, p: QPainter, ink_color: QColor) -> None:
        sq = self.square()
        grid = QColor(ink_color)
        grid.setAlphaF(0.14)
        pen = QPen(grid, 1, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        p.setPen(pen)
        # The square repeats in every direction: cells for a row or a column of characters.
        side = max(sq.width(), 8.0)
        faint = QColor(grid)
        faint.setAlphaF(0.07)
        faint_pen = QPen(faint, 1, Qt.PenStyle.DashLine)
        faint_pen.setCosmetic(True)
        x = sq.left() - side * int(sq.left() // side + 1)
        while x <= self.width():
            p.setPen(pen)
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            p.setPen(faint_pen)
            p.drawLine(QPointF(x + side / 2, 0), QPointF(x + side / 2, self.height()))
            x += side
        y = sq.top() - side * int(sq.top() // side + 1)
        while y <= self.height():
            p.setPen(pen)
            p.drawLine(QPointF(0, y), QPointF(self.width(), y))
            p.setPen(faint_pen)
            p.drawLine(QPointF(0, y + side / 2), QPointF(self.width(), y + side / 2))
            y += side

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cache is None or self._cache_strokes != len(self._ink.strokes):
            self._rebuild_cache()
        cache = self._cache
        assert cache is not None  # just rebuilt
        p = QPainter(self)
        rect = event.rect()
        p.drawPixmap(QRectF(rect), cache, self._source_rect(rect, cache.devicePixelRatio()))
        if self._current:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setClipRect(rect)
            p.setPen(self._pen())
            self._draw_stroke(p, self._current)
        elif not self._ink.strokes and self.hint:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        if self.hasFocus():
            # Keyboard users must see where the keys go: a frame in the highlight colour.
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()

    @staticmethod
    def _source_rect(rect: QRect, r: float) -> QRectF:
        return QRectF(rect.x() * r, rect.y() * r, rect.width() * r, rect.height() * r)

    def _draw_stroke(self, p: QPainter, pts: list[tuple[float, float]]) -> None:
        if len(pts) == 1:
            p.drawPoint(self.to_widget(*pts[0]))
            return
        path = QPainterPath(self.to_widget(*pts[0]))
        for x, y in pts[1:]:
            path.lineTo(self.to_widget(x, y))
        p.drawPath(path)
