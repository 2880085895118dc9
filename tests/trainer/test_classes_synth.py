import numpy as np

from kanjipad.dictionary import kanji_table
from kanjipad.ink import Ink
from kanjipad.render import render
from kanjipad_trainer import classes, kanjivg, synth


def test_standard_preset_covers_joyo_jis1_and_kana():
    chars = classes.preset("standard")
    assert len(chars) == len(set(chars))
    dic = kanji_table()
    joyo = [c for c, e in dic.items() if e.get("grade") in (1, 2, 3, 4, 5, 6, 8)]
    assert len(joyo) == 2136 and set(joyo) <= set(chars)
    assert sum(1 for c in chars if 16 <= dic.get(c, {}).get("jis_row", 0) <= 47) == 2965
    for c in "あぁゔアァヴヶ々〆ーゝヽ":
        assert c in chars
    assert len(classes.preset("full")) > 6000


def test_small_kana_become_companions():
    learned, companions = classes.split_companions(list("あぁアァ日"))
    assert learned == list("あア日")
    assert companions == {"あ": "ぁ", "ア": "ァ"}


def test_synthesis_is_deterministic_given_a_seed():
    strokes = kanjivg.load_char("書")
    cfg = synth.SynthConfig()
    a = synth.synth_image(strokes, np.random.default_rng([1, 2]), cfg)
    b = synth.synth_image(strokes, np.random.default_rng([1, 2]), cfg)
    c = synth.synth_image(strokes, np.random.default_rng([1, 3]), cfg)
    np.testing.assert_array_equal(a, b)
    assert np.abs(a - c).sum() > 1


def test_synthesis_varies_but_stays_recognisably_close():
    strokes = kanjivg.load_char("口")
    clean = render(Ink(tuple(strokes)))
    variants = [synth.synth_image(strokes, np.random.default_rng(i), synth.SynthConfig()) for i in range(20)]
    diffs = [np.abs(v - clean).mean() for v in variants]
    assert min(diffs) > 0.0
    assert np.mean(diffs) < 0.3


def test_rdp_keeps_ends_and_drops_collinear_points():
    line = np.column_stack([np.linspace(0, 10, 50), np.zeros(50)])
    out = synth.rdp(line, 0.5)
    np.testing.assert_array_equal(out, line[[0, -1]])
    corner = np.array([[0, 0], [5, 0], [10, 0], [10, 5], [10, 10]], float)
    np.testing.assert_array_equal(synth.rdp(corner, 0.5), corner[[0, 2, 4]])


def test_join_strokes_reduces_the_count():
    strokes = [np.zeros((2, 2)), np.ones((2, 2)), np.full((2, 2), 2.0)]
    joined = synth.join_strokes(strokes, np.random.default_rng(0), count=1)
    assert len(joined) == 2 and sum(len(s) for s in joined) == 6
