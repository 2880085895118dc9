"""The string bar: when the ink holds a row of characters, whole strings first.

Top: the five best strings (keys 1–5), each with its reading and meaning when it is
a common word. Below: for each character of the first string, that character's own
alternatives; a click swaps it into the first string before the string is picked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from kanjipad.ui.elided_label import ElidedLabel
from kanjipad.ui.fonts import japanese_font

if TYPE_CHECKING:  # both load with the first row (kanjipad.ui.worker.shipped_row_reader)
    from kanjipad.lexicon import Lexicon
    from kanjipad.line import LineCandidate

STRINGS = 5
#: Alternatives offered under each character of the first string.
ALTERNATIVES = 4


class StringButton(QPushButton):
    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.text_value = ""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(48, 36)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(0)
        # The key sits in the corner, outside the layout (as on the candidates): in compact mode
        # the string needs the button's whole height, and a row of its own cut the string off.
        self.key_label = QLabel(str(index + 1), self)
        self.key_label.move(4, 1)
        self.string_label = ElidedLabel()
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

    def set_string(self, text: str, lexicon: Lexicon | None) -> None:
        self.text_value = text
        self.setEnabled(bool(text))
        self.string_label.set_full_text(text)
        word = lexicon.word(text) if lexicon and text else None
        about = ""
        if word:
            about = "、".join(word.readings[:2])
            about = f"{about} — {'; '.join(word.glosses)}" if about else "; ".join(word.glosses)
        self.word_label.set_full_text(about)
        self.setToolTip(f"{text}\n{about}" if about else text)
        self.setAccessibleName(f"String {self.index + 1}: {text}" + (f", {about}" if about else ""))


class StringBar(QWidget):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Strings")
        self.lexicon: Lexicon | None = None
        self.lines: list[LineCandidate] = []
        #: The first string as the user has edited it (swapped characters), one entry per character.
        self.first: list[str] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.buttons = [StringButton(i, self) for i in range(STRINGS)]
        for b in self.buttons:
            b.clicked.connect(lambda _=False, b=b: self._pick(b))
            row.addWidget(b, 3 if b.index == 0 else 2)
        lay.addLayout(row, 3)
        self.alternatives_row = QHBoxLayout()
        self.alternatives_row.setSpacing(8)
        lay.addLayout(self.alternatives_row, 2)
        self.alternatives_row.addStretch(1)
        self._alt_font = japanese_font(self.font(), 1.3)
        self._groups: list[QWidget] = []
        #: Per character of the first string: its alternative buttons (shown ones).
        self.alternatives: list[list[QToolButton]] = []

    def set_compact(self, compact: bool) -> None:
        """Compact: the strings without their readings (the alternatives stay: they are how to fix one)."""
        for b in self.buttons:
            b.set_compact(compact)

    def set_lines(self, lines: list[LineCandidate], lexicon: Lexicon | None) -> None:
        self.lexicon = lexicon
        self.lines = lines[:STRINGS]
        self.first = list(lines[0].text) if lines else []
        self._show_strings()
        self._build_alternatives()

    def strings(self) -> list[str]:
        """The strings on screen, first as edited."""
        return [b.text_value for b in self.buttons if b.text_value]

    def _show_strings(self) -> None:
        texts = ["".join(self.first)] + [c.text for c in self.lines[1:]] if self.lines else []
        for i, b in enumerate(self.buttons):
            b.set_string(texts[i] if i < len(texts) else "", self.lexicon)

    def _build_alternatives(self) -> None:
        """Fill the alternative buttons from a pool (made once): new widgets per pen-up cost milliseconds."""
        segments = self.lines[0].segments if self.lines else ()
        while len(self._groups) < len(segments):
            self._add_group()
        self.alternatives = []
        for pos, group in enumerate(self._groups):
            buttons = group.findChildren(QToolButton)
            shown = []
            if pos < len(segments):
                alts = [c.char for c in segments[pos].candidates if c.char != self.first[pos]][:ALTERNATIVES]
                for b, char in zip(buttons, alts, strict=False):
                    self._label(b, pos, char)
                    shown.append(b)
            for b in buttons:
                b.setVisible(b in shown)
            group.setVisible(bool(shown))
            if pos < len(segments):
                self.alternatives.append(shown)

    def _add_group(self) -> None:
        group = QWidget(self)
        col = QHBoxLayout(group)
        col.setContentsMargins(0, 0, 0, 0)
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
        b.setToolTip(f"Use {char} for character {pos + 1}")
        b.setAccessibleName(f"Character {pos + 1}: {char}")

    def swap(self, pos: int, char: str) -> None:
        """Put ``char`` at ``pos`` of the first string; the character it replaced becomes an alternative."""
        if 0 <= pos < len(self.first):
            old = self.first[pos]
            self.first[pos] = char
            self._show_strings()
            for b in self.alternatives[pos]:
                if b.text() == char:
                    self._label(b, pos, old)

    def pick_index(self, i: int) -> None:
        if 0 <= i < STRINGS:
            self._pick(self.buttons[i])

    def _pick(self, b: StringButton) -> None:
        if b.text_value:
            self.picked.emit(b.text_value)
