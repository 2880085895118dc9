"""KanjiPad: a handwriting pad for Japanese.

The package root holds the pure core (ink, renderer, recognizer, dictionary,
settings); Qt lives only in :mod:`kanjipad.ui`.
"""

__version__ = "0.1.0"
