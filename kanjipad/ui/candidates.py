"""The candidate bar: ten buttons a page, each the character large with stroke count, readings and meaning.

Text is fitted by pixel width (an ellipsis where it must cut, the whole entry in the
tooltip); the character grows with the button, and the buttons with the window.
Narrow windows get two rows of five; compact mode one row of bare characters.
A "more" button pages through the candidates after the first ten.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QToolButton, QWidget

from kanjipad import dictionary
from kanjipad.ink import Ink
from kanjipad.recognizer import Candidate
from kanjipad.ui.char_names import code_point, unicode_name, wrap_words
from kanjipad.ui.fonts import japanese_font
from kanjipad.ui.glyphs import font_for, paint_ink
from kanjipad.ui.i18n import translate
from kanjipad.width import width_of

SLOTS = 10
KEYS = "1234567890"
#: Narrowest a button may get with readings shown; below this the bar takes two rows.
FULL_MIN_WIDTH = 58
COMPACT_MIN_WIDTH = 28
#: A button's least height: with readings (one row of the bar), and compact.
FULL_MIN_HEIGHT = 112
COMPACT_MIN_HEIGHT = 44
#: Between the buttons (a pixel less in compact mode).
SPACING = 4
#: The character's height below which the meaning keeps to one line.
MIN_CHAR_HEIGHT = 56


def _joined(readings: tuple[str, ...]) -> str:
    return "、".join(dictionary.readable_list(readings))


def readings_text(entry: dictionary.Entry) -> tuple[str, str]:
    """(on'yomi line, kun'yomi line) for a candidate, without KANJIDIC notation; kana give their romaji."""
    if entry.romaji:
        return entry.romaji, ""
    return _joined(entry.on), _joined(entry.kun)


def full_entry(cand: Candidate, entry: dictionary.Entry) -> str:
    """Everything known about a candidate, for its tooltip."""
    strokes = translate("Candidates", "{char}  ({n} strokes)").format(char=cand.char, n=entry.strokes)
    lines = [strokes if entry.strokes else cand.char]
    if entry.on:
        lines.append(translate("Candidates", "On: {readings}").format(readings=_joined(entry.on)))
    if entry.kun:
        lines.append(translate("Candidates", "Kun: {readings}").format(readings=_joined(entry.kun)))
    if entry.meanings:
        lines.append("; ".join(entry.meanings))
    elif name := unicode_name(cand.char):
        lines.append(name)
    if entry.romaji:
        lines.append(entry.romaji)
    width = width_of(cand.char)
    if width:
        lines.append(translate("Candidates", "{width} (Settings → Digits and letters)").format(width=width_name(width)))
    if cand.learned:
        lines.append(translate("Candidates", "learned from your writing"))
    if cand.score > 0 or not cand.learned:
        score = f"{cand.score:.1%}"
        if cand.companion:
            lines.append(translate("Candidates", "score {score} (small form)").format(score=score))
        else:
            lines.append(translate("Candidates", "score {score}").format(score=score))
    return "\n".join(lines)


def width_name(width: str) -> str:
    """ "full-width" or "half-width", in the UI's language."""
    return translate("Candidates", "full-width") if width == "full" else translate("Candidates", "half-width")


class TextLine:
    """One line of text a candidate paints: its font and box, and the text elided to fit the box.

    Painted by the button itself rather than by child labels: ten buttons of six
    labels each made every new set of candidates cost sixty widget updates.
    """

    def __init__(self, font: QFont, align: Qt.AlignmentFlag):
        self.full_text = ""
        self._font = font
        self.align = align
        self.rect = QRect()
        self.visible = True
        #: Lines the text may take (broken between words); the rect is this many lines high.
        self.max_lines = 1
        self._shown: list[str] | None = None

    def font(self) -> QFont:
        return self._font

    def set_font(self, font: QFont) -> None:
        self._font, self._shown = font, None

    def set_full_text(self, text: str) -> None:
        self.full_text, self._shown = text, None

    def set_rect(self, rect: QRect) -> None:
        self.rect, self._shown = rect, None

    def shown_lines(self) -> list[str]:
        """What is on screen, line by line: the full text, or as much as fits, cut after a word with "…"."""
        if self._shown is None:
            self._shown = wrap_words(self.full_text, QFontMetrics(self._font), self.rect.width(), self.max_lines)
        return self._shown

    def text(self) -> str:
        return " ".join(self.shown_lines())

    def is_elided(self) -> bool:
        return self.text() != self.full_text

    def width(self) -> int:
        return self.rect.width()

    def isVisible(self) -> bool:
        return self.visible

    def paint(self, p: QPainter) -> None:
        if self.visible and self.full_text:
            p.setFont(self._font)
            lines = self.shown_lines()
            if len(lines) == 1:
                p.drawText(self.rect, self.align, lines[0])
                return
            h = self.rect.height() // max(1, self.max_lines)
            for i, line in enumerate(lines):
                p.drawText(QRect(self.rect.left(), self.rect.top() + i * h, self.rect.width(), h), self.align, line)


class CandidateButton(QPushButton):
    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.char = ""
        self.compact = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        center = Qt.AlignmentFlag.AlignCenter
        self.key_label = TextLine(small, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.key_label.set_full_text(KEYS[index])
        # 画 in the bundled Japanese font: a font fallback on every paint costs more than the rest of the bar.
        self.strokes_label = TextLine(japanese_font(small), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Furigana at nearly body size: KANJIDIC's readings are the point of the bar.
        self.on_label = TextLine(japanese_font(self.font(), 0.95), center)
        self.kun_label = TextLine(japanese_font(self.font(), 0.95), center)
        big = japanese_font(self.font(), 2.6)
        # Unhinted: at this size hinting changes nothing visible, and a hinted kanji took
        # twice as long to rasterise (45 vs 22 µs at 50 px, each new candidate).
        big.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        self.char_label = TextLine(big, center)
        self._char_families = big.families()
        #: Where a character's face comes from when no font has it: the user's ink (see CandidateBar.ink_for).
        self.ink_for: Callable[[str], Ink | None] | None = None
        #: The ink drawn as the character's face (no font has it), else None.
        self.face: Ink | None = None
        self.meaning_label = TextLine(small, center)
        self.lines = [self.key_label, self.strokes_label, self.on_label, self.kun_label, self.char_label]
        self.lines.append(self.meaning_label)
        self.set_compact(False)
        self.set_candidate(None)

    def set_compact(self, compact: bool) -> None:
        """Compact: the key and the character only, in a narrow button."""
        self.compact = compact
        for line in (self.on_label, self.kun_label, self.meaning_label, self.strokes_label):
            line.visible = not compact
        if compact:
            self.setMinimumSize(COMPACT_MIN_WIDTH, COMPACT_MIN_HEIGHT)
        else:
            self.setMinimumSize(FULL_MIN_WIDTH, FULL_MIN_HEIGHT)
        self._layout_lines()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._layout_lines()

    def _layout_lines(self) -> None:
        r = self.rect().adjusted(4, 2, -4, -3)
        hs = QFontMetrics(self.key_label.font()).height()
        hr = QFontMetrics(self.on_label.font()).height()
        self.key_label.set_rect(QRect(r.left(), r.top(), r.width(), hs))
        self.strokes_label.set_rect(QRect(r.left(), r.top(), r.width(), hs))
        top, bottom = r.top() + hs, r.bottom() + 1
        if not self.compact:
            self.on_label.set_rect(QRect(r.left(), top, r.width(), hr))
            self.kun_label.set_rect(QRect(r.left(), top + hr, r.width(), hr))
            top = top + 2 * hr
            # A second line for the meaning where the character keeps room enough (a tall card).
            lines = 2 if bottom - top - 2 * hs >= MIN_CHAR_HEIGHT else 1
            self.meaning_label.max_lines = lines
            self.meaning_label.set_rect(QRect(r.left(), bottom - lines * hs, r.width(), lines * hs))
            bottom -= lines * hs
        char_rect = QRect(r.left(), top, r.width(), max(0, bottom - top))
        # As large as the space allows, so a big window gives big characters.
        font = QFont(self.char_label.font())
        font.setPixelSize(max(12, min(int(char_rect.height() * 0.92), int(r.width() * 0.8), 120)))
        self.char_label.set_font(font)
        self.char_label.set_rect(char_rect)
        self.update()

    def paintEvent(self, e: QPaintEvent) -> None:
        p = QPainter(self)
        self._paint_frame(p)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        # The key number in full text colour (it was disabled grey, about 1.6:1).
        p.setPen(self.palette().color(group, QPalette.ColorRole.ButtonText))
        for line in self.lines:
            line.paint(p)
        if self.face is not None:
            paint_ink(p, self.face, QRectF(self.char_label.rect), p.pen())
        p.end()

    def _paint_frame(self, p: QPainter) -> None:
        """A flat button face: the style's gradient bevel cost 0.07 ms a button, half the bar's update.

        High contrast (button and window both black) gets a 2 px outline in the text colour,
        as its style sheet gives other buttons; hover and press show as they do there.
        """
        pal = self.palette()
        hover = self.underMouse() and self.isEnabled()
        key = (pal.cacheKey(), self.isDown(), hover, self.isEnabled())
        frame = _FRAMES.get(key)
        if frame is None:
            frame = _FRAMES[key] = _frame_colours(pal, self.isDown(), hover, self.isEnabled())
        face, border, width = frame
        p.fillRect(self.rect(), face)
        p.setPen(QPen(border, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(self.rect().adjusted(width // 2, width // 2, -((width + 1) // 2), -((width + 1) // 2)))

    def enterEvent(self, e: QEnterEvent) -> None:
        self.update()
        super().enterEvent(e)

    def leaveEvent(self, e: QEvent) -> None:
        self.update()
        super().leaveEvent(e)

    def set_candidate(self, cand: Candidate | None) -> None:
        self.char = cand.char if cand else ""
        self.setEnabled(cand is not None)
        self.update()
        self.face = None
        if cand is None:
            for line in (self.on_label, self.kun_label, self.meaning_label, self.char_label, self.strokes_label):
                line.set_full_text("")
            self.setToolTip("")
            self.setAccessibleName(translate("Candidates", "Candidate {key}: none").format(key=KEYS[self.index]))
            return
        entry = dictionary.lookup(cand.char)
        on, kun = readings_text(entry)
        self.on_label.set_full_text(on)
        self.kun_label.set_full_text(kun)
        self._set_face(cand.char)
        self.strokes_label.set_full_text(f"{entry.strokes}画" if entry.strokes else "")
        # Kana, punctuation and symbols are named too ("katakana ro"): a blank card says nothing.
        # A character nothing names (a rare kanji, a private mark) shows its code point.
        width, meaning = width_of(cand.char), entry.meaning or unicode_name(cand.char)
        if width:  # which of the two forms this is: "full-width digit five"
            meaning = f"{width_name(width)} {meaning.removeprefix('fullwidth ').removeprefix('halfwidth ')}".strip()
        meaning = meaning or code_point(cand.char)
        self.meaning_label.set_full_text(meaning)
        self.setToolTip(full_entry(cand, entry))
        desc = meaning or entry.romaji
        name = translate("Candidates", "Candidate {key}: {char}").format(key=KEYS[self.index], char=cand.char)
        if desc:
            name += translate("Candidates", ", {meaning}").format(meaning=desc)
        if entry.strokes:
            name += translate("Candidates", ", {n} strokes").format(n=entry.strokes)
        if cand.learned:
            name += translate("Candidates", ", learned from your writing")
        self.setAccessibleName(name)

    def _set_face(self, char: str) -> None:
        """The character in the card's font, or a fallback font that has it, or else the user's own
        ink for it (a character taught that no font has: the card was blank)."""
        font = self.char_label.font()
        if font.families() != self._char_families:  # the last character took a fallback: the card's own again
            font = QFont(font)
            font.setFamilies(self._char_families)
            self.char_label.set_font(font)
        shown = font_for(font, char)  # the same font, without a copy, for nearly every character
        self.face = self.ink_for(char) if shown is None and self.ink_for is not None else None
        if shown is not None and shown is not font:
            self.char_label.set_font(shown)
        self.char_label.set_full_text("" if self.face is not None else char)


#: (palette, down, hover, enabled) → (face, border, border width): worked out once, not on every paint.
_FRAMES: dict[tuple[int, bool, bool, bool], tuple[QColor, QColor, int]] = {}


def _frame_colours(pal: QPalette, down: bool, hover: bool, enabled: bool) -> tuple[QColor, QColor, int]:
    face = pal.color(QPalette.ColorRole.Button)
    text = pal.color(QPalette.ColorRole.ButtonText)
    high_contrast = face == pal.color(QPalette.ColorRole.Window) and face.lightness() < 32  # black on black
    if down:
        face = face.darker(115) if face.lightness() > 60 else face.lighter(160)
    border = QColor(pal.color(QPalette.ColorRole.Highlight) if hover else text)
    if not high_contrast and not hover:
        # Mixed by hand, opaque: a translucent pen took the slow path (1 ms for the bar).
        k = 0.35 if enabled else 0.15
        border = QColor.fromRgbF(
            face.redF() + (border.redF() - face.redF()) * k,
            face.greenF() + (border.greenF() - face.greenF()) * k,
            face.blueF() + (border.blueF() - face.blueF()) * k,
        )
    return face, border, 2 if high_contrast else 1


class MoreButton(QToolButton):
    """The "›" button: as wide as its widest text ("›" over "3/3") from the start, so the bar's
    minimum width, and a compact window at it, does not grow when the first candidates come."""

    #: Up to nine pages (the pad asks for 30 candidates: three).
    WIDEST = "›\n9/9"

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        fm = self.fontMetrics()

        def width(text: str) -> int:  # as QToolButton measures its text
            return fm.size(Qt.TextFlag.TextShowMnemonic, text).width()

        return QSize(hint.width() + max(0, width(self.WIDEST) - width(self.text())), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class CandidateBar(QWidget):
    picked = Signal(str)
    #: The page shown changed: (first rank shown, how many candidates in all).
    pageChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("Candidates", "Candidates"))
        self.compact = False
        #: One row of ten even when narrow: a short screen has no room for two (see set_one_row).
        self.one_row = False
        self.page = 0
        self.all: list[Candidate] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self.buttons = [CandidateButton(i, self) for i in range(SLOTS)]
        for b in self.buttons:
            b.clicked.connect(lambda _=False, b=b: self._pick(b))
        self.more = MoreButton(self)
        self.more.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.more.setAccessibleName(translate("Candidates", "More candidates"))
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more.clicked.connect(self.next_page)
        self.columns = 0
        self._relayout(SLOTS)
        self._update_more()

    # --- layout ------------------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        for b in self.buttons:
            b.set_compact(compact)
        # A pixel less between the bare buttons: compact mode holds at 360 px wide.
        self.grid.setSpacing(SPACING - 1 if compact else SPACING)
        self._relayout(self._columns_for(self.width()))
        self.updateGeometry()  # the minimum size hint depends on the mode

    def set_one_row(self, on: bool) -> None:
        """One row of ten: wider, but 116 px less tall than two rows of five (a short screen needs it)."""
        if on != self.one_row:
            self.one_row = on
            self._relayout(self._columns_for(self.width()))
            self.updateGeometry()

    def reflow_height(self) -> int:
        """How much taller the bar gets if the window is narrowed until it takes two rows (0 if it cannot)."""
        if self.compact or self.one_row or self.columns != SLOTS:
            return 0
        return FULL_MIN_HEIGHT + self.grid.spacing()

    def _columns_for(self, width: int) -> int:
        if self.compact or self.one_row:
            return SLOTS
        need = SLOTS * (FULL_MIN_WIDTH + self.grid.spacing()) + self.more.sizeHint().width()
        return SLOTS if width >= need else SLOTS // 2

    def _relayout(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for b in self.buttons:
            self.grid.removeWidget(b)
        self.grid.removeWidget(self.more)
        for i, b in enumerate(self.buttons):
            self.grid.addWidget(b, i // columns, i % columns)
        self.grid.addWidget(self.more, 0, columns, SLOTS // columns, 1)
        self.updateGeometry()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._relayout(self._columns_for(e.size().width()))

    def minimumSizeHint(self) -> QSize:
        # As narrow as two rows of five allow (resizeEvent switches to them), as tall as the rows shown need.
        spacing, more = self.grid.spacing(), self.more.sizeHint().width()
        if self.compact:
            return QSize(SLOTS * (COMPACT_MIN_WIDTH + spacing) + more, COMPACT_MIN_HEIGHT)
        if self.one_row:
            return QSize(SLOTS * (FULL_MIN_WIDTH + spacing) + more, FULL_MIN_HEIGHT)
        rows = SLOTS // max(1, self.columns)
        return QSize(SLOTS // 2 * (FULL_MIN_WIDTH + spacing) + more, rows * FULL_MIN_HEIGHT + (rows - 1) * spacing)

    # --- content -------------------------------------------------------------
    def set_candidates(self, cands: list[Candidate]) -> None:
        self.all = list(cands)
        self.show_page(0)

    def show_page(self, page: int) -> None:
        pages = max(1, -(-len(self.all) // SLOTS))
        self.page = page % pages
        shown = self.all[self.page * SLOTS : (self.page + 1) * SLOTS]
        for i, b in enumerate(self.buttons):
            b.set_candidate(shown[i] if i < len(shown) else None)
        self._update_more()
        self.pageChanged.emit(self.page * SLOTS, len(self.all))

    def next_page(self) -> None:
        if len(self.all) > SLOTS:
            self.show_page(self.page + 1)

    def previous_page(self) -> None:
        if len(self.all) > SLOTS:
            self.show_page(self.page - 1)

    def _update_more(self) -> None:
        pages = -(-len(self.all) // SLOTS)
        self.more.setEnabled(pages > 1)
        self.more.setText(f"›\n{self.page + 1}/{pages}" if pages > 1 else "›")
        first = self.page * SLOTS
        self.more.setToolTip(
            translate("Candidates", "Candidates {first}–{last} of {n}: show the next ten (Page Down)").format(
                first=first + 1, last=min(len(self.all), first + SLOTS), n=len(self.all)
            )
            if pages > 1
            else translate("Candidates", "More candidates (none yet)")
        )

    def set_ink_for(self, ink_for: Callable[[str], Ink | None]) -> None:
        """Where a character no font has gets its face: the user's ink for it (a taught sample), or None."""
        for b in self.buttons:
            b.ink_for = ink_for

    def chars(self) -> list[str]:
        """The characters on screen now (this page)."""
        return [b.char for b in self.buttons if b.char]

    def pick_index(self, i: int) -> None:
        if 0 <= i < SLOTS:
            self._pick(self.buttons[i])

    def _pick(self, b: CandidateButton) -> None:
        if b.char:
            self.picked.emit(b.char)
