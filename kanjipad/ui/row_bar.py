"""The row bar: when the ink holds a row of characters, its whole strings first.

Top: the five best strings (keys 1–5), each with its reading and meaning when it is
a common word. Below: for each character of the first string, that character's own
alternatives; a click swaps it into the first string before the string is picked.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanjipad.ui.char_names import name_of
from kanjipad.ui.elided_label import ElidedLabel
from kanjipad.ui.fonts import japanese_font
from kanjipad.ui.i18n import translate

if TYPE_CHECKING:  # both load with the first row (kanjipad.ui.worker.shipped_row_reader)
    from kanjipad.lexicon import Lexicon
    from kanjipad.row import RowCandidate

STRINGS = 5
#: Alternatives offered under each character of the first string.
ALTERNATIVES = 4
#: The alternatives' size (times the UI font), their group's margins, a string button's least height.
ALT_SCALE = 1.3
GROUP_MARGIN = 2
STRING_MIN_HEIGHT = 36
#: Between the strings and the alternatives below them.
ROW_SPACING = 4
#: Between a string's key (1–5) and the string, in compact mode.
KEY_GAP = 4


class MarkedLabel(ElidedLabel):
    """A string with some of its characters underlined in the highlight colour (those that differ
    from the first string; the one the keys are changing in the first)."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: set[int] = set()

    def set_marks(self, marks: set[int]) -> None:
        if marks != self.marks:
            self.marks = marks
            self.update()

    def mark_rects(self) -> list[QRectF]:
        """Where the marks are drawn, for the characters on screen (an elided tail has none)."""
        shown, fm = self.text(), self.fontMetrics()
        cut = len(shown) - 1 if shown != self.full_text else len(shown)
        cr = self.contentsRect()
        left = cr.left() + (cr.width() - fm.horizontalAdvance(shown)) / 2
        top = cr.top() + (cr.height() - fm.height()) / 2
        thick = max(2.0, fm.height() / 14)
        y = top + fm.ascent() + fm.descent() / 2
        return [
            QRectF(left + fm.horizontalAdvance(shown[:i]), y, fm.horizontalAdvance(shown[i]), thick)
            for i in sorted(self.marks)
            if i < cut
        ]

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        if self.marks:
            p = QPainter(self)
            for r in self.mark_rects():
                p.fillRect(r, self.palette().color(QPalette.ColorRole.Highlight))
            p.end()


def differences(first: str, other: str) -> tuple[set[int], list[str]]:
    """Where ``other`` differs from ``first``: its positions, and a line for each ("漠 desert where 1 has 漢 …")."""
    marks: set[int] = set()
    notes: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, first, other, autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            marks.update(range(j1, j2))
        for k in range(max(i2 - i1, j2 - j1) if op != "equal" else 0):
            new = other[j1 + k] if j1 + k < j2 else ""
            old = first[i1 + k] if i1 + k < i2 else ""
            if new and old:
                notes.append(
                    translate("RowBar", "{new} where string 1 has {old}").format(new=_named(new), old=_named(old))
                )
            elif new:
                notes.append(translate("RowBar", "{new} added").format(new=_named(new)))
            else:
                notes.append(translate("RowBar", "without {old}").format(old=_named(old)))
    return marks, notes


def _named(char: str) -> str:
    name = name_of(char)
    return f"{char} “{name}”" if name else char


class StringButton(QPushButton):
    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.text_value = ""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(48, STRING_MIN_HEIGHT)
        lay = self.box = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(0)
        # The key sits in the corner, outside the layout (as on the candidates): in compact mode
        # the string needs the button's whole height, and a row of its own cut the string off.
        self.key_label = QLabel(str(index + 1), self)
        self.key_label.move(4, 1)
        self.string_label = MarkedLabel()
        self.word_label = ElidedLabel()
        self.word_label.setFont(japanese_font(self.font(), 0.9))
        self._fonts = {False: japanese_font(self.font(), 2.0), True: japanese_font(self.font(), 1.5)}
        self.string_label.setFont(self._fonts[False])
        for lbl in (self.key_label, self.string_label, self.word_label):
            lbl.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lbl.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.string_label)
        lay.addWidget(self.word_label)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.key_label.adjustSize()

    def set_compact(self, compact: bool) -> None:
        """Compact: the string alone, smaller, so it fits the short button."""
        self.word_label.setVisible(not compact)
        self.string_label.setFont(self._fonts[compact])
        # Compact: the string shares the key's line, so it starts clear of the key (it touched it).
        left = self.key_label.geometry().right() + 1 + KEY_GAP if compact else 4
        self.box.setContentsMargins(left, 2, 4, 2)

    def set_string(self, text: str, lexicon: Lexicon | None, first: str = "") -> None:
        """``first``: the first string, which look-alikes are told apart from (曰本 beside 日本)."""
        self.text_value = text
        self.setEnabled(bool(text))
        self.string_label.set_full_text(text)
        marks, notes = differences(first, text) if first and text and self.index else (set(), [])
        self.string_label.set_marks(marks)
        word = lexicon.word(text) if lexicon and text else None
        about = ""
        if word:
            about = "、".join(word.readings[:2])
            about = f"{about} — {'; '.join(word.glosses)}" if about else "; ".join(word.glosses)
        self.word_label.set_full_text(about)
        self.setToolTip("\n".join([text, *notes, *([about] if about else [])]))
        name = translate("RowBar", "String {n}: {text}").format(n=self.index + 1, text=text)
        self.setAccessibleName(name + "".join(f", {n}" for n in notes) + (f", {about}" if about else ""))


def compact_height(base: QFont) -> int:
    """The row bar's least height in compact mode (a string over its alternatives), measured without
    making the bar: the compact window keeps it from the start, so the first row does not make it taller."""
    probe = QToolButton()
    probe.setFont(japanese_font(base, ALT_SCALE))
    probe.setText("漢")
    return STRING_MIN_HEIGHT + ROW_SPACING + GROUP_MARGIN * 2 + probe.sizeHint().height()


class RowBar(QWidget):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("RowBar", "Strings"))
        self.lexicon: Lexicon | None = None
        self.lines: list[RowCandidate] = []
        #: The first string as the user has edited it (swapped characters), one entry per character.
        self.first: list[str] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(ROW_SPACING)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.strings_row = row
        self.buttons = [StringButton(i, self) for i in range(STRINGS)]
        for b in self.buttons:
            b.clicked.connect(lambda _=False, b=b: self._pick(b))
            row.addWidget(b, 3 if b.index == 0 else 2)
        lay.addLayout(row, 3)
        self.alternatives_row = QHBoxLayout()
        self.alternatives_row.setSpacing(8)
        lay.addLayout(self.alternatives_row, 2)
        self.alternatives_row.addStretch(1)
        self._alt_font = japanese_font(self.font(), ALT_SCALE)
        self._groups: list[QFrame] = []
        #: Per character of the first string: its alternative buttons (shown ones).
        self.alternatives: list[list[QToolButton]] = []
        #: Per character of the first string: what it may be, the reading's choice first (the keys cycle these).
        self.choices: list[list[str]] = []
        #: The character of the first string the arrow keys change (None until a key is used).
        self.selected: int | None = None

    def set_compact(self, compact: bool) -> None:
        """Compact: the strings without their readings (the alternatives stay: they are how to fix one)."""
        for b in self.buttons:
            b.set_compact(compact)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the strings allow, however many characters the row has: the alternatives shown
        per character follow the width (see _fit_alternatives). A wider minimum for a longer row widened
        a compact window in the middle of a character whose strokes read as a row (the dots of 氵)."""
        hint = super().minimumSizeHint()
        return QSize(self.strings_row.minimumSize().width(), hint.height())

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit_alternatives()

    def _fit_alternatives(self) -> None:
        """As many alternatives per character as the width holds (the first ones; at least one each)."""
        groups = [g for pos, g in enumerate(self._groups) if pos < len(self.alternatives) and self.alternatives[pos]]
        if not groups:
            return
        button = max(b.sizeHint().width() for shown in self.alternatives for b in shown)
        frame = 2 * GROUP_MARGIN + 2  # the group's margins and its frame
        room = (self.width() - self.alternatives_row.spacing() * (len(groups) - 1)) // len(groups) - frame
        fit = max(1, min(ALTERNATIVES, (room + 1) // (button + 1)))
        for shown in self.alternatives:
            for i, b in enumerate(shown):
                b.setVisible(i < fit)

    def set_lines(self, lines: list[RowCandidate], lexicon: Lexicon | None) -> None:
        self.lexicon = lexicon
        self.lines = lines[:STRINGS]
        self.first = list(lines[0].text) if lines else []
        self.selected = None
        self._build_alternatives()
        self._show_strings()

    def strings(self) -> list[str]:
        """The strings on screen, first as edited."""
        return [b.text_value for b in self.buttons if b.text_value]

    def _show_strings(self) -> None:
        first = "".join(self.first)
        texts = [first] + [c.text for c in self.lines[1:]] if self.lines else []
        for i, b in enumerate(self.buttons):
            b.set_string(texts[i] if i < len(texts) else "", self.lexicon, first)
        self.buttons[0].string_label.set_marks(set() if self.selected is None else {self.selected})
        for pos, group in enumerate(self._groups):
            group.setFrameShape(QFrame.Shape.Box if pos == self.selected else QFrame.Shape.NoFrame)

    def _build_alternatives(self) -> None:
        """Fill the alternative buttons from a pool (made once): new widgets per pen-up cost milliseconds."""
        segments = self.lines[0].segments if self.lines else ()
        while len(self._groups) < len(segments):
            self._add_group()
        self.alternatives = []
        self.choices = []
        for pos, group in enumerate(self._groups):
            buttons = group.findChildren(QToolButton)
            shown = []
            if pos < len(segments):
                alts = [c.char for c in segments[pos].candidates if c.char != self.first[pos]][:ALTERNATIVES]
                self.choices.append([self.first[pos], *alts])
                for b, char in zip(buttons, alts, strict=False):
                    self._label(b, pos, char)
                    shown.append(b)
            for b in buttons:
                b.setVisible(b in shown)
            group.setVisible(bool(shown))
            if pos < len(segments):
                self.alternatives.append(shown)
        self._fit_alternatives()

    def _add_group(self) -> None:
        group = QFrame(self)  # framed while the arrow keys change its character
        col = QHBoxLayout(group)
        col.setContentsMargins(GROUP_MARGIN, GROUP_MARGIN, GROUP_MARGIN, GROUP_MARGIN)
        col.setSpacing(1)
        for _ in range(ALTERNATIVES):
            b = QToolButton(group)
            b.setFont(self._alt_font)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, b=b: self.swap(b.property("segment_index"), b.text()))
            col.addWidget(b)
        self.alternatives_row.insertWidget(len(self._groups), group)
        self._groups.append(group)

    @staticmethod
    def _label(b: QToolButton, pos: int, char: str) -> None:
        b.setText(char)
        b.setProperty("segment_index", pos)
        b.setToolTip(translate("RowBar", "Use {char} for character {n}").format(char=char, n=pos + 1))
        b.setAccessibleName(translate("RowBar", "Character {n}: {char}").format(char=char, n=pos + 1))

    def swap(self, pos: int, char: str) -> None:
        """Put ``char`` at ``pos`` of the first string; the character it replaced becomes an alternative."""
        if 0 <= pos < len(self.first):
            old = self.first[pos]
            self.first[pos] = char
            self._show_strings()
            for b in self.alternatives[pos]:
                if b.text() == char:
                    self._label(b, pos, old)

    # --- the keyboard route to the alternatives (the window's arrow-key actions) ---------------
    def has_alternatives(self) -> bool:
        return any(len(c) > 1 for c in self.choices)

    def select(self, step: int) -> None:
        """Left / Right: the character of the first string that Up / Down change."""
        n = len(self.first)
        if n:
            self.selected = (0 if step > 0 else n - 1) if self.selected is None else (self.selected + step) % n
            self._show_strings()

    def change(self, step: int) -> None:
        """Down / Up: the selected character becomes its next / previous alternative, and back round."""
        if self.selected is None:
            self.selected = 0
        pos = self.selected
        if pos < len(self.choices) and len(self.choices[pos]) > 1:
            options = self.choices[pos]
            self.swap(pos, options[(options.index(self.first[pos]) + step) % len(options)])
        else:
            self._show_strings()

    def pick_index(self, i: int) -> None:
        if 0 <= i < STRINGS:
            self._pick(self.buttons[i])

    def _pick(self, b: StringButton) -> None:
        if b.text_value:
            self.picked.emit(b.text_value)
