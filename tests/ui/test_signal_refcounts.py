"""Guard against a Qt binding that corrupts refcounts on signal emission.

PySide6 6.12.0 decrefs None/True/False once too often per queued emission; after a
few thousand pen strokes the interpreter aborts. Run in a subprocess, since the
failure is a hard crash.
"""

import subprocess
import sys

PROBE = """
import sys, threading
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class E(QObject):
    finished = Signal(int, object, float)
e = E()
got = []
e.finished.connect(lambda a, b, c: got.append(a))
before = sys.getrefcount(None)
t = threading.Thread(target=lambda: [e.finished.emit(i, [i], 1.0) for i in range(5000)])
t.start(); t.join()
for _ in range(5000):
    e.finished.emit(0, None, 0.0)
app.processEvents()
assert len(got) == 10000, len(got)
assert abs(sys.getrefcount(None) - before) < 100, sys.getrefcount(None) - before
print("ok")
"""


def test_signal_emission_keeps_refcounts_intact():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "ok" in out.stdout, out.stderr[-2000:]
