"""KanjiPad: a handwriting pad for Japanese.

The package root holds the pure core (ink, renderer, recognizer, dictionary,
settings); Qt lives only in :mod:`kanjipad.ui`.
"""

import os

__version__ = "0.1.0"

# ONNX Runtime (1.32) writes a device id and a queue of telemetry events to
# ~/.cache/Microsoft/DeveloperTools/ on every session: outside KanjiPad's folders, kept after
# an uninstall. Only this variable, set before onnxruntime is imported, stops it; every
# program of the project imports this package first.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
