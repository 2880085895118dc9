"""Pen-up → ten candidates painted, through the real window (offscreen), and cold start.

Replays devset ink through MainWindow: for each sample the strokes but the last are
put on the canvas, then the last stroke is drawn with mouse events; the clock runs
from the pen-up (mouse release) until the candidate bar has been repainted with the
new candidates. Prints p50/p95 over the samples, then the cold start (process start
to window shown with the model loaded), measured in a fresh interpreter.

    QT_QPA_PLATFORM=offscreen python bench/pen_up_latency.py [--samples 300]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "devsets" / "tomoe_ja.jsonl"


def pen_up_latencies(samples: list[dict]) -> list[float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from kanjipad.ink import Ink
    from kanjipad.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    win = MainWindow()
    win.settings.keep_samples = False
    win.show()
    win.load_model()
    canvas = win.canvas
    shown: list[float] = []
    win.candidatesShown.connect(lambda _seq: (win.candidates.repaint(), shown.append(time.perf_counter())))

    def mouse(kind, pos, button=Qt.MouseButton.LeftButton):
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
        ev = QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, ev)

    out = []
    sq = canvas.square()
    for s in samples:
        canvas.clear()
        app.processEvents()
        k = sq.width() / max(s["box"])
        strokes = s["strokes"]
        canvas._set_ink(Ink.from_strokes(strokes[:-1], box=(1000, 1000)).finite()) if len(strokes) > 1 else None
        app.processEvents()
        pts = [QPointF(sq.x() + x * k, sq.y() + y * k) for x, y in strokes[-1]]
        mouse(QEvent.Type.MouseButtonPress, pts[0])
        for p in pts[1:]:
            mouse(QEvent.Type.MouseMove, p)
        before = len(shown)
        t = time.perf_counter()
        mouse(QEvent.Type.MouseButtonRelease, pts[-1])
        deadline = t + 2
        while len(shown) == before and time.perf_counter() < deadline:
            app.processEvents()
        if len(shown) > before:
            out.append((shown[-1] - t) * 1000)
    win.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--cold-runs", type=int, default=5)
    args = ap.parse_args()
    with open(DEVSET, encoding="utf-8") as fh:
        samples = [json.loads(line) for line in fh][:: max(1, 3045 // args.samples)][: args.samples]
    # Devset ink is in a 300x300 box; the canvas records 1000 units across.
    for s in samples:
        s["strokes"] = [[[x * 1000 / 300, y * 1000 / 300] for x, y in st] for st in s["strokes"]]
        s["box"] = [1000, 1000]
    lat = np.asarray(pen_up_latencies(samples))
    print(
        f"pen-up -> candidates painted: n={len(lat)} p50={np.percentile(lat, 50):.2f} ms "
        f"p95={np.percentile(lat, 95):.2f} ms max={lat.max():.2f} ms"
    )
    windows, ready = [], []
    tmp = tempfile.mkdtemp(prefix="kanjipad-bench-")  # fresh settings: no saved model path or geometry
    for _ in range(args.cold_runs):
        t0 = time.time()
        # The real entry point: it reports when the window is up and when the model is loaded.
        out = subprocess.run(
            [sys.executable, "-m", "kanjipad", "--quit-when-ready"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(REPO), "KANJIPAD_CONFIG_DIR": tmp},
        )
        report = json.loads(out.stdout.strip().splitlines()[-1])
        windows.append((report["window"] - t0) * 1000)
        ready.append((report["ready"] - t0) * 1000)
    print(
        f"cold start (process launch) -> window shown: median {np.median(windows):.0f} ms; "
        f"-> model loaded, ready to recognise: median {np.median(ready):.0f} ms (n={args.cold_runs})"
    )


if __name__ == "__main__":
    main()
