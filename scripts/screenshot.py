"""Screenshot of the app in a real window: draws 漢 (devset pen ink) and waits for candidates.

xvfb-run -s "-screen 0 1100x820x24" python scripts/screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kanjipad.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "devsets" / "tomoe_ja.jsonl"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    sample = next(json.loads(line) for line in open(DEVSET, encoding="utf-8") if '"char":"漢"' in line)
    app = QApplication(sys.argv[:1])
    win = MainWindow()
    win.settings.learning = "off"
    win.resize(1000, 760)
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.load_model()
    canvas = win.canvas
    sq = canvas.square()
    k = sq.width() / 300
    for stroke in sample["strokes"]:
        pts = [QPointF(sq.x() + x * k, sq.y() + y * k).toPoint() for x, y in stroke]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
        for a, b in itertools.pairwise(pts):
            for i in range(1, 9):
                QTest.mouseMove(canvas, a + (b - a) * (i / 8))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])
    win.compose.setText("漢字")

    def shoot() -> None:
        if "漢" not in win.candidates.chars():
            QTimer.singleShot(50, shoot)
            return
        app.processEvents()
        shot = win.screen().grabWindow(win.winId())
        out.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(out))
        print(f"saved {out}: candidates {''.join(win.candidates.chars())}")
        app.quit()

    QTimer.singleShot(200, shoot)
    app.exec()


if __name__ == "__main__":
    main()
