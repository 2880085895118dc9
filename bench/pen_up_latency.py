"""Pen-up → ten candidates painted, through the real window (offscreen), and cold start.

Replays devset ink through MainWindow: for each sample the strokes but the last are
put on the canvas, then the last stroke is drawn with mouse events; the clock runs
from the pen-up (mouse release) until the candidate bar has been repainted with the
new candidates. A second pass writes each sample after ``--row`` other characters in a
row (the pad then shows whole strings): the time from the last pen-up to the strings.
Prints p50/p95 over the samples with the split of that time (recognition in the
worker: render + inference; the candidate bar: new texts and its repaint; the canvas:
its paints between pen-up and candidates), then the cold start (process start to
window shown with the model loaded), measured in a fresh interpreter. Names the CPU,
since the numbers differ between machines.

    QT_QPA_PLATFORM=offscreen python bench/pen_up_latency.py [--samples 300] [--row 5]
"""

from __future__ import annotations

import argparse
import compileall
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


class _Stopwatch:
    """Adds up the time spent in wrapped methods (class-level, so Qt's virtual calls are timed too)."""

    def __init__(self) -> None:
        self.ms = 0.0

    def wrap(self, cls, name: str) -> None:
        original = getattr(cls, name)

        def timed(obj, *args):
            t = time.perf_counter()
            try:
                return original(obj, *args)
            finally:
                self.ms += (time.perf_counter() - t) * 1000

        setattr(cls, name, timed)


def pen_up_latencies(samples: list[dict], row: int = 0) -> tuple[list[float], dict[str, list[float]]]:
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from kanjipad.ink import Ink
    from kanjipad.ui.candidates import CandidateBar
    from kanjipad.ui.canvas import InkCanvas
    from kanjipad.ui.main_window import MainWindow

    canvas_watch, bar_watch = _Stopwatch(), _Stopwatch()
    canvas_watch.wrap(InkCanvas, "paintEvent")
    bar_watch.wrap(CandidateBar, "set_candidates")  # its repaint is timed where the bench forces it
    try:
        from kanjipad.ui.row_bar import RowBar

        bar_watch.wrap(RowBar, "set_lines")
    except ImportError:
        try:  # an older checkout (A/B runs): the row bar was kanjipad.ui.strings.StringBar
            from kanjipad.ui.strings import StringBar

            bar_watch.wrap(StringBar, "set_lines")
        except ImportError:  # a build from before rows
            pass

    app = QApplication.instance() or QApplication([])
    win = MainWindow()
    win.settings.learning = "off"
    win.show()
    if not win.load_model() or win.worker is None:
        raise SystemExit(f"no model: {win.model_problem}")
    canvas = win.canvas
    shown: list[float] = []
    recognition: list[float] = []
    win.worker.finished.connect(lambda _seq, _c, ms: recognition.append(ms))

    def painted(_seq) -> None:
        t = time.perf_counter()
        bar = win.bars.currentWidget() if hasattr(win, "bars") else win.candidates
        if bar is not None:
            bar.repaint()
        bar_watch.ms += (time.perf_counter() - t) * 1000
        shown.append(time.perf_counter())

    win.candidatesShown.connect(painted)
    wait, timeout = QEventLoop(), QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(wait.quit)
    win.candidatesShown.connect(wait.quit)  # after ``painted``: the clock has stopped

    def mouse(kind, pos, button=Qt.MouseButton.LeftButton):
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
        ev = QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, ev)

    worker = win.worker

    def idle() -> bool:
        return worker.idle() if hasattr(worker, "idle") else True  # builds before it had no idle()

    out: list[float] = []
    split: dict[str, list[float]] = {"recognition": [], "candidate bar": [], "canvas": []}
    for i, s in enumerate(samples):
        # The last sample's row search (wide ink reads as a row after its characters are
        # painted) ends first: a writer's next pen-up comes long after those few ms.
        deadline = time.perf_counter() + 2
        while not idle() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0002)
        canvas.clear()
        app.processEvents()
        # ``row`` characters already written to the left (other samples, 15 % apart), then this one.
        strokes = [[[x + j * 1150, y] for x, y in st] for j in range(row) for st in samples[i - row + j]["strokes"]] + [
            [[x + row * 1150, y] for x, y in st] for st in s["strokes"]
        ]
        if len(strokes) > 1:
            before = len(shown)
            canvas._set_ink(Ink.from_strokes(strokes[:-1], box=(1000, 1000)).finite())
            if hasattr(canvas, "_make_room"):  # builds before rows have no zoom
                canvas._make_room()
            deadline = time.perf_counter() + 2
            while (len(shown) == before or not idle()) and time.perf_counter() < deadline:
                app.processEvents()  # the row so far is read (and its runs cached) before the clock starts
            app.processEvents()
        pts = [canvas.to_widget(x, y) for x, y in strokes[-1]]
        mouse(QEvent.Type.MouseButtonPress, pts[0])
        for p in pts[1:]:
            mouse(QEvent.Type.MouseMove, p)
        app.processEvents()  # the pen's own paints, before the clock starts
        before, n_rec = len(shown), len(recognition)
        canvas_watch.ms = bar_watch.ms = 0.0
        t = time.perf_counter()
        mouse(QEvent.Type.MouseButtonRelease, pts[-1])
        # Wait as the app does: the UI thread asleep in an event loop. (Spinning processEvents
        # here held the interpreter lock against the recognition thread and slowed it.)
        if len(shown) == before:
            timeout.start(2000)
            wait.exec()
            timeout.stop()
        if len(shown) > before:
            out.append((shown[-1] - t) * 1000)
            split["recognition"].append(recognition[-1] if len(recognition) > n_rec else float("nan"))
            split["candidate bar"].append(bar_watch.ms)
            split["canvas"].append(canvas_watch.ms)
    win.close()
    return out, split


def devset_samples(n: int) -> list[dict]:
    """``n`` devset samples spread over the file, in canvas units (the devset's box is 300 across,
    the canvas records 1000)."""
    with open(DEVSET, encoding="utf-8") as fh:
        samples = [json.loads(line) for line in fh][:: max(1, 3045 // n)][:n]
    for s in samples:
        s["strokes"] = [[[x * 1000 / 300, y * 1000 / 300] for x, y in st] for st in s["strokes"]]
        s["box"] = [1000, 1000]
    return samples


def cold_start(code_root: Path) -> tuple[float, float]:
    """Process launch → window shown, and → model loaded (ms), of the build at ``code_root``.

    The real entry point, which reports both; fresh settings and data folders, so no saved
    model path, geometry or learned samples of the user's take part.
    """
    fresh = tempfile.mkdtemp(prefix="kanjipad-bench-")
    env = {**os.environ, "PYTHONPATH": str(code_root), "KANJIPAD_CONFIG_DIR": fresh, "KANJIPAD_DATA_DIR": fresh}
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "kanjipad", "--quit-when-ready"], capture_output=True, text=True, check=True, env=env
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return (report["window"] - t0) * 1000, (report["ready"] - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--cold-runs", type=int, default=5)
    ap.add_argument("--row", type=int, default=5, help="characters already written in the row scenario")
    args = ap.parse_args()
    samples = devset_samples(args.samples)
    import kanjipad
    import kanjipad.ui.main_window
    from kanjipad.cpuinfo import cpu_features

    # The build being measured (PYTHONPATH may point at another checkout, for A/B runs).
    code_root = Path(kanjipad.__file__).resolve().parent.parent
    has_rows = hasattr(kanjipad.ui.main_window.MainWindow, "row_mode")
    print(f"CPU: {cpu_features()}  build: {code_root}")
    for row in (0, args.row) if has_rows else (0,):
        latencies, split = pen_up_latencies(samples, row)
        lat = np.asarray(latencies)
        what = "one character" if row == 0 else f"a row, {row} characters already written"
        print(
            f"pen-up -> candidates painted ({what}): n={len(lat)} p50={np.percentile(lat, 50):.2f} ms "
            f"p95={np.percentile(lat, 95):.2f} ms max={lat.max():.2f} ms"
        )
        for part, values in split.items():
            v = np.asarray(values)
            print(f"  {part:>13}: p50={np.nanpercentile(v, 50):.2f} ms p95={np.nanpercentile(v, 95):.2f} ms")
    # Bytecode first, as an installed app (pip, the bundle) has it: with PYTHONDONTWRITEBYTECODE
    # set, every start would otherwise compile the whole package from source (30-40 ms).
    compileall.compile_dir(code_root / "kanjipad", quiet=1)
    windows, ready = np.asarray([cold_start(code_root) for _ in range(args.cold_runs)]).T
    print(
        f"cold start (process launch) -> window shown: median {np.median(windows):.0f} ms; "
        f"-> model loaded, ready to recognise: median {np.median(ready):.0f} ms (n={args.cold_runs})"
    )


if __name__ == "__main__":
    main()
