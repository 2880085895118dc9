"""Screenshot of the app in a real window: draws devset pen ink and waits for candidates.

xvfb-run -s "-screen 0 1100x820x24" python scripts/screenshot.py docs/screenshot.png
xvfb-run -s "-screen 0 1100x820x24" python scripts/screenshot.py docs/row.png 日本語
xvfb-run -s "-screen 0 1100x820x24" python scripts/screenshot.py docs/dark.png --theme dark
xvfb-run -s "-screen 0 1100x820x24" python scripts/screenshot.py docs/compact.png --compact

With a word, its characters are written side by side (a row) and the shot is taken
when the pad offers the word. ``make screenshots`` takes every picture in docs/.
Settings and data go to a fresh temporary folder: the user's own are not read or touched.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.themes import apply_theme

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "devsets" / "tomoe_ja.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="docs/screenshot.png", type=Path)
    ap.add_argument("word", nargs="?", default="漢", help="one character, or a word written as a row")
    ap.add_argument("--theme", choices=["light", "dark", "high-contrast"], default="light")
    ap.add_argument("--compact", action="store_true", help="compact mode, in a window that sits beside an editor")
    args = ap.parse_args()
    out, word = args.out, args.word
    for kind in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"KANJIPAD_{kind}_DIR"] = tempfile.mkdtemp(prefix=f"kanjipad-shot-{kind.lower()}-")
    with open(DEVSET, encoding="utf-8") as fh:
        devset = [json.loads(line) for line in fh]
    samples = [next(s for s in devset if s["char"] == c) for c in word]
    app = QApplication([])
    win = MainWindow()
    win.settings.learning = "off"
    win.settings.theme = args.theme
    apply_theme(app, args.theme)
    if args.compact:
        win.set_compact(True)
        win.resize(380, 320)
    else:
        win.resize(1000, 760)
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.load_model()
    canvas = win.canvas
    sq = canvas.square()
    k = sq.width() / 300 * (0.9 if len(word) == 1 else 0.55) * (0.95 if args.compact else 1)
    left = sq.x() if len(word) == 1 else 30
    strokes = [
        [(left + i * 330 * k + x * k, sq.y() + 0.05 * sq.height() + y * k) for x, y in st]
        for i, s in enumerate(samples)
        for st in s["strokes"]
    ]
    for stroke in strokes:
        pts = [QPointF(x, y).toPoint() for x, y in stroke]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
        for a, b in itertools.pairwise(pts):
            for i in range(1, 9):
                QTest.mouseMove(canvas, a + (b - a) * (i / 8))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])
    win.compose.setText("漢字")

    def shoot() -> None:
        ready = word in win.strings.strings()[:1] if len(word) > 1 else word in win.candidates.chars()
        if not ready:
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
