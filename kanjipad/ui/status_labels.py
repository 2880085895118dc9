"""The main window's permanent status-bar labels: strokes, where recognition runs, the model, the last time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from kanjipad.recognizer import Recognizer
from kanjipad.ui.elided_label import ElidedLabel
from kanjipad.ui.i18n import number, translate
from kanjipad.ui.steady_label import SteadyLabel


class StatusLabels:
    """Added to ``bar`` at once, right of its messages."""

    def __init__(self, bar: QStatusBar):
        self.strokes = SteadyLabel(translate("MainWindow", "{n} strokes").format(n=888))  # the widest it gets
        self.provider = QLabel()
        self.model = ElidedLabel()  # a long model name must not hold the window wide
        self.model.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.time = SteadyLabel("888.8 ms")
        self.strokes.setToolTip(translate("StatusBar", "Strokes on the canvas"))
        self.provider.setToolTip(
            translate("StatusBar", "Where the handwriting is recognised (Settings → Recognise on)")
        )
        self.time.setToolTip(translate("StatusBar", "How long the last recognition took, from pen-up to candidates"))
        for w in (self.strokes, self.provider, self.model, self.time):
            w.setTextFormat(Qt.TextFormat.PlainText)  # model names come from files: never markup
            bar.addPermanentWidget(w)

    def show_strokes(self, n: int) -> None:
        """``n`` strokes on the canvas (nothing shown for none)."""
        strokes = translate("MainWindow", "1 stroke") if n == 1 else translate("MainWindow", "{n} strokes")
        self.strokes.setText(strokes.format(n=n) if n else "")

    def show_model(self, recognizer: Recognizer | None) -> None:
        if recognizer:
            info = recognizer.info
            self.provider.setText(recognizer.provider)
            self.model.set_full_text(
                translate("StatusBar", "{model} · {n} characters").format(model=info.name, n=number(info.class_count))
            )
        else:
            self.provider.setText(translate("StatusBar", "no model"))
            self.model.set_full_text("")
