"""A character's stroke order: KanjiVG's stroke paths drawn with their numbers, and drawn one by one on request.

:func:`parse_path` draws SVG path data (the ``d`` attribute, read by :mod:`kanjipad.svgpath`) as a
``QPainterPath``; :class:`StrokeOrderView` paints a :class:`kanjipad.lookup.StrokeOrder` in the palette's
colours (ink in Text, numbers and the stroke being drawn in Highlight, guides in PlaceholderText on Base).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kanjipad.svgpath import PathDataError, segments
from kanjipad.ui.i18n import translate

if TYPE_CHECKING:
    from kanjipad.lookup import StrokeOrder

__all__ = ["PathDataError", "StrokeOrderView", "accent_colour", "contrast", "parse_path", "partial"]


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def accent_colour(pal: QPalette, *roles: QPalette.ColorRole, minimum: float = 4.5) -> QColor:
    """The first of ``roles`` (Highlight by default) that reads on Base (``minimum``: 4.5:1 for text,
    3:1 for graphics), else Text."""
    base = pal.color(QPalette.ColorRole.Base)
    for role in roles or (QPalette.ColorRole.Highlight,):
        if contrast(pal.color(role), base) >= minimum:
            return pal.color(role)
    return pal.color(QPalette.ColorRole.Text)


def parse_path(d: str) -> QPainterPath:
    """SVG path data as a ``QPainterPath`` in the data's own coordinates (KanjiVG: 109 × 109, y down).

    Read by the core's parser (:func:`kanjipad.svgpath.segments`: numbers run together as SVG allows,
    ``c0-.5.5.5``, repeated commands, linetos after a moveto). Raises :class:`PathDataError` for data that
    does not start with a moveto, gives a command a wrong count of numbers, or uses arcs.
    """
    path = QPainterPath()
    for op, pts in segments(d):
        if op == "M":
            path.moveTo(*pts[0])
        elif op == "L":
            path.lineTo(*pts[0])
        elif op == "C":
            path.cubicTo(QPointF(*pts[0]), QPointF(*pts[1]), QPointF(*pts[2]))
        elif op == "Q":
            path.quadTo(QPointF(*pts[0]), QPointF(*pts[1]))
        else:
            path.closeSubpath()
    return path


def partial(path: QPainterPath, fraction: float, steps: int = 48) -> QPainterPath:
    """The first ``fraction`` (0-1) of ``path``'s length, as a polyline of up to ``steps`` segments."""
    if fraction >= 1.0:
        return path
    out = QPainterPath()
    if fraction <= 0.0:
        return out
    n = max(2, int(steps * fraction) + 1)
    out.moveTo(path.pointAtPercent(0.0))
    for k in range(1, n + 1):
        out.lineTo(path.pointAtPercent(path.percentAtLength(path.length() * fraction * k / n)))
    return out


class StrokeOrderView(QWidget):
    """A character's strokes in a square, each numbered where KanjiVG puts the number.

    :meth:`animate` draws them one by one (``ms_per_stroke`` each); :attr:`finished` says when it is done.
    """

    finished = Signal()
    #: Frames of the animation.
    FRAME_MS = 16

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.order: StrokeOrder | None = None
        self.paths: list[QPainterPath] = []
        self.numbers: list[tuple[float, float]] = []
        self.box = 109.0
        self.ms_per_stroke = 450
        #: Strokes shown, with a fraction for the one being drawn; None: all of them, still.
        self.progress: float | None = None
        self._timer = QTimer(self, interval=self.FRAME_MS)
        self._timer.timeout.connect(self._step)
        self._elapsed = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(120, 120)
        self.setAccessibleName(translate("StrokeOrder", "Stroke order"))

    def sizeHint(self) -> QSize:
        return QSize(180, 180)

    def heightForWidth(self, w: int) -> int:
        return min(w, 220)

    def set_order(self, order: StrokeOrder | None) -> None:
        """Show ``order`` (None: nothing) whole; any animation stops."""
        self._timer.stop()
        self.progress = None
        self.order = order
        self.paths, self.numbers = [], []
        if order is not None:
            self.box = order.box or 109.0
            for d in order.paths:
                try:
                    self.paths.append(parse_path(d))
                except PathDataError:
                    self.paths.append(QPainterPath())  # keeps the numbering of the strokes after it
            self.numbers = list(order.numbers)
        self.setAccessibleDescription(
            translate("StrokeOrder", "{n} strokes").format(n=len(self.paths)) if self.paths else ""
        )
        self.update()

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    def animate(self) -> None:
        """Draw the strokes one by one, from an empty square."""
        if not self.paths:
            return
        self._elapsed = 0
        self.progress = 0.0
        self._timer.start()
        self.update()

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.progress = None
            self.update()
            self.finished.emit()

    def _step(self) -> None:
        self._elapsed += self.FRAME_MS
        self.progress = self._elapsed / max(1, self.ms_per_stroke)
        if self.progress >= len(self.paths):
            self.stop()
        else:
            self.update()

    # --- painting ---------------------------------------------------------------------------------
    def square(self) -> QRectF:
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, e: QPaintEvent) -> None:
        pal = self.palette()
        sq = self.square()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(sq, pal.color(QPalette.ColorRole.Base))
        guide = QColor(pal.color(QPalette.ColorRole.PlaceholderText))
        p.setPen(QPen(guide, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(sq.center().x(), sq.top()), QPointF(sq.center().x(), sq.bottom()))
        p.drawLine(QPointF(sq.left(), sq.center().y()), QPointF(sq.right(), sq.center().y()))
        p.setPen(QPen(guide, 1))
        p.drawRect(sq.adjusted(0.5, 0.5, -0.5, -0.5))
        if not self.paths:
            return
        scale = sq.width() / self.box
        ink = pal.color(QPalette.ColorRole.Text)
        accent = accent_colour(pal, minimum=3.0)  # the stroke being drawn and the numbers (graphics)
        width = max(2.0, 3.2 * scale)
        shown = len(self.paths) if self.progress is None else self.progress
        p.save()
        p.translate(sq.topLeft())
        p.scale(scale, scale)
        for i, path in enumerate(self.paths):
            if i >= shown:
                break
            fraction = min(1.0, shown - i)
            current = self.progress is not None and fraction < 1.0
            pen = QPen(accent if current else ink, width / scale)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(partial(path, fraction))
        p.restore()
        font = QFont(self.font())
        font.setPixelSize(max(8, round(sq.width() * 0.075)))
        p.setFont(font)
        p.setPen(accent)
        for i, (x, y) in enumerate(self.numbers[: len(self.paths)]):
            if i >= shown:
                break
            pos = QPointF(sq.left() + x * scale, sq.top() + y * scale)
            # KanjiVG places a number by its text baseline's left end.
            p.drawText(pos, str(i + 1))
