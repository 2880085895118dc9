"""Qt widgets. The only place in KanjiPad that imports Qt."""
