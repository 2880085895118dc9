"""synth-lines: the synthetic rows and columns the row reader is tuned on."""

from __future__ import annotations

import numpy as np
import pytest

from kanjipad_trainer import kanjivg
from kanjipad_trainer.synth_lines import RowConfig, row_ink

BOX = kanjivg.KANJIVG_BOX
#: A square glyph of two strokes filling most of its KanjiVG box.
SQUARE = {"口": [np.array([[10.0, 10.0], [10.0, 99.0]]), np.array([[10.0, 10.0], [99.0, 10.0], [99.0, 99.0]])]}


@pytest.mark.parametrize("layout", ["h", "v"])
def test_narrow_writing_makes_characters_narrower_than_tall(layout):
    def extent(cfg: RowConfig) -> tuple[float, float]:
        ink = row_ink("口口口", SQUARE, np.random.default_rng(5), cfg)
        return ink.extent()

    plain = extent(RowConfig(layout=layout, gap=(0.1, 0.1), size_jitter=0.0, baseline_jitter=0.0))
    narrow = extent(RowConfig(layout=layout, gap=(0.1, 0.1), size_jitter=0.0, baseline_jitter=0.0, narrow=(0.6, 0.6)))
    if layout == "h":  # a tight row: three characters in under two and a half cells
        assert narrow[0] < 0.8 * plain[0] and narrow[1] == pytest.approx(plain[1], rel=0.2)
        assert narrow[0] / narrow[1] < 2.5
    else:  # a column of tall characters: as long, narrower across
        assert narrow[1] == pytest.approx(plain[1], rel=0.1) and narrow[0] < 0.8 * plain[0]
