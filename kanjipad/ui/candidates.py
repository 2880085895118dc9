"""The candidate bar: ten buttons, each the character large with readings and meaning."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kanjipad import dictionary
from kanjipad.recognizer import Candidate
from kanjipad.ui.fonts import japanese_font
from kanjipad.width import width_of

SLOTS = 10
KEYS = "1234567890"


def shorten(parts: list[str], limit: int) -> str:
    """Join readings and elide gracefully: whole readings first, then an ellipsis."""
    out = ""
    for i, part in enumerate(parts):
        piece = part if i == 0 else "、" + part
        if len(out) + len(piece) > limit:
            return (out or part[: max(1, limit - 1)]) + "…"
        out += piece
    return out


def format_kun(kun: str) -> str:
    """Mark okurigana: つ.ぐ → つ(ぐ); keep the affix hyphens of KANJIDIC."""
    stem, dot, okuri = kun.partition(".")
    return f"{stem}({okuri})" if dot else stem


def readings_text(entry: dictionary.Entry, limit: int = 9) -> tuple[str, str]:
    """(on'yomi line, kun'yomi line) for a candidate; kana give their romaji."""
    if entry.romaji:
        return entry.romaji, ""
    return shorten(list(entry.on), limit), shorten([format_kun(k) for k in entry.kun], limit)


class CandidateButton(QPushButton):
    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.char = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 110)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(3, 3, 3, 3)
        lay.setSpacing(0)
        self.key_label = QLabel(KEYS[index])
        self.on_label = QLabel()
        self.kun_label = QLabel()
        self.char_label = QLabel()
        self.meaning_label = QLabel()
        for lbl in (self.key_label, self.on_label, self.kun_label, self.char_label, self.meaning_label):
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lbl.setTextFormat(Qt.TextFormat.PlainText)  # characters come from the model file
            lbl.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(lbl)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        for lbl in (self.key_label, self.on_label, self.kun_label, self.meaning_label):
            lbl.setFont(small)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.key_label.setEnabled(False)
        self.char_label.setFont(japanese_font(self.font(), 2.6))
        for lbl in (self.on_label, self.kun_label):
            lbl.setFont(japanese_font(small))
        self.set_candidate(None)

    def set_candidate(self, cand: Candidate | None) -> None:
        self.char = cand.char if cand else ""
        self.setEnabled(cand is not None)
        if cand is None:
            for lbl in (self.on_label, self.kun_label, self.char_label, self.meaning_label):
                lbl.setText("")
            self.setToolTip("")
            self.setAccessibleName(f"Candidate {KEYS[self.index]}: none")
            return
        entry = dictionary.lookup(cand.char)
        on, kun = readings_text(entry)
        self.on_label.setText(on)
        self.kun_label.setText(kun)
        self.char_label.setText(cand.char)
        meaning = entry.meaning
        width = width_of(cand.char)
        if width and not meaning:  # which of the two forms this is, where it has two
            meaning = f"{width}-width"
        self.meaning_label.setText(meaning if len(meaning) <= 12 else meaning[:11] + "…")
        tip = [cand.char]
        if entry.on:
            tip.append("On: " + "、".join(entry.on))
        if entry.kun:
            tip.append("Kun: " + "、".join(format_kun(k) for k in entry.kun))
        if entry.meanings:
            tip.append("; ".join(entry.meanings))
        if entry.romaji:
            tip.append(entry.romaji)
        if width:
            tip.append(f"{width}-width (Settings → Digits and letters)")
        if cand.learned:
            tip.append("learned from your writing")
        if cand.score > 0 or not cand.learned:
            tip.append(f"score {cand.score:.1%}" + (" (small form)" if cand.companion else ""))
        self.setToolTip("\n".join(tip))
        desc = entry.meaning or entry.romaji
        learned = ", learned from your writing" if cand.learned else ""
        self.setAccessibleName(f"Candidate {KEYS[self.index]}: {cand.char}" + (f", {desc}" if desc else "") + learned)


class CandidateBar(QWidget):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Candidates")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.buttons = [CandidateButton(i, self) for i in range(SLOTS)]
        for b in self.buttons:
            b.clicked.connect(lambda _=False, b=b: self._pick(b))
            lay.addWidget(b)

    def set_candidates(self, cands: list[Candidate]) -> None:
        for i, b in enumerate(self.buttons):
            b.set_candidate(cands[i] if i < len(cands) else None)

    def chars(self) -> list[str]:
        return [b.char for b in self.buttons if b.char]

    def pick_index(self, i: int) -> None:
        if 0 <= i < SLOTS:
            self._pick(self.buttons[i])

    def _pick(self, b: CandidateButton) -> None:
        if b.char:
            self.picked.emit(b.char)
