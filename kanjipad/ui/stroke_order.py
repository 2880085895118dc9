"""A character's stroke order: KanjiVG's stroke paths drawn with their numbers, and drawn one by one on request.

:func:`parse_path` reads SVG path data (the ``d`` attribute: ``M m L l H h V v C c S s Q q T t Z z``) into a
``QPainterPath``; :class:`StrokeOrderView` paints a :class:`kanjipad.lookup.StrokeOrder` in the palette's
colours (ink in Text, numbers and the stroke being drawn in Highlight, guides in PlaceholderText on Base).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kanjipad.ui.i18n import translate

if TYPE_CHECKING:
    from kanjipad.lookup import StrokeOrder

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: How many numbers each command takes per repetition.
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


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


class PathDataError(ValueError):
    """Path data this parser cannot read (a stroke drawn from it is skipped)."""


def parse_path(d: str) -> QPainterPath:
    """SVG path data as a ``QPainterPath`` in the data's own coordinates (KanjiVG: 109 × 109, y down).

    Numbers may be separated by commas, spaces or nothing (``c0.1,1-0.2,2.7``); a command repeats while
    numbers follow it, and numbers after a moveto are linetos, as SVG says. Raises :class:`PathDataError`
    for data that does not start with a command, ends in the middle of one, or uses arcs.
    """
    tokens = _TOKEN.findall(d)
    if "".join(tokens).replace(" ", "") == "" or len(re.sub(r"[\s,]", "", d)) != sum(map(len, tokens)):
        raise PathDataError(f"unreadable path data: {d[:60]!r}")
    path = QPainterPath()
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl: tuple[float, float] | None = None  # the second control point of the last C/S (for S)
    last_quad: tuple[float, float] | None = None  # the control point of the last Q/T (for T)
    i, cmd = 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
        elif not cmd:
            raise PathDataError(f"path data does not start with a command: {d[:60]!r}")
        upper, rel = cmd.upper(), cmd.islower()
        n = _ARITY[upper]
        args = tokens[i : i + n]
        if len(args) < n or any(a.isalpha() for a in args):
            raise PathDataError(f"truncated path data: {d[:60]!r}")
        v = [float(a) for a in args]
        i += n
        ox, oy = (x, y) if rel else (0.0, 0.0)
        ctrl, quad = None, None
        if upper == "M":
            x, y = ox + v[0], oy + v[1]
            path.moveTo(x, y)
            start = (x, y)
            cmd = "l" if rel else "L"  # more pairs after a moveto are linetos
        elif upper == "L":
            x, y = ox + v[0], oy + v[1]
            path.lineTo(x, y)
        elif upper == "H":
            x = ox + v[0]
            path.lineTo(x, y)
        elif upper == "V":
            y = (y if rel else 0.0) + v[0]
            path.lineTo(x, y)
        elif upper in "CS":
            if upper == "C":
                c1 = (ox + v[0], oy + v[1])
                rest = v[2:]
            else:  # the first control point mirrors the last one (or is the current point)
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                rest = v
            c2 = (ox + rest[0], oy + rest[1])
            x, y = ox + rest[2], oy + rest[3]
            path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(x, y))
            ctrl = c2
        elif upper in "QT":
            if upper == "Q":
                q = (ox + v[0], oy + v[1])
                end = (ox + v[2], oy + v[3])
            else:
                q = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
                end = (ox + v[0], oy + v[1])
            x, y = end
            path.quadTo(QPointF(*q), QPointF(x, y))
            quad = q
        else:  # Z
            path.closeSubpath()
            x, y = start
        last_ctrl, last_quad = ctrl, quad
    if path.isEmpty() and path.elementCount() == 0:
        raise PathDataError(f"empty path data: {d[:60]!r}")
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
