"""Subset BIZ UDGothic (SIL OFL 1.1) to the characters KanjiPad can show.

The app uses it for candidates and the compose line, so they render on machines
without a Japanese font. Covers the ``full`` class preset (a superset of the
bundled model's classes), all kana, ASCII and Japanese punctuation.

    apt-get install fonts-morisawa-bizud-gothic && pip install fonttools
    python scripts/build_font_subset.py
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from fontTools import subset

from kanjipad.kana import SMALL_TO_LARGE
from kanjipad.paths import atomic_write
from kanjipad_trainer.classes import preset

SOURCE = Path("/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf")
LICENCE = Path("/usr/share/doc/fonts-morisawa-bizud-gothic/copyright")
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    chars = set(preset("full")) | set(SMALL_TO_LARGE)
    chars |= {chr(c) for c in range(0x20, 0x7F)} | set("、。・「」『』（）！？ー〜…々〆ヶ　")
    opts = subset.Options()
    opts.name_IDs = ["*"]  # keep copyright and licence names
    opts.layout_features = ["vert", "vrt2"]
    font = subset.load_font(str(args.source), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(sorted(chars)))
    sub.subset(font)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "BIZUDGothic-KanjiPad-subset.ttf"
    atomic_write(target, lambda fh: subset.save_font(font, fh, opts))
    if LICENCE.exists():
        shutil.copyfile(LICENCE, args.out / "BIZUDGothic-copyright.txt")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB, {len(chars)} characters requested)")


if __name__ == "__main__":
    main()
