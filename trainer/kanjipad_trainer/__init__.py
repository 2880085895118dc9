"""kanjipad-train: builds, fine-tunes, exports and evaluates KanjiPad's recognition model."""
