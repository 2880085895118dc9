"""The full class set, its groups, and the glyph → training image path (on the font the repository ships)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kanjipad.lookalikes import GROUPS, groups_for
from kanjipad.render import render
from kanjipad_trainer import classes, fonts, shards
from kanjipad_trainer.synth import SynthConfig

from ..conftest import REPO

SHIPPED_FONT = fonts.Font(
    "BIZ UDGothic subset", "-", str(REPO / "resources/fonts/BIZUDGothic-KanjiPad-subset.ttf"), "OFL", "train"
)


def test_full_preset_counts_per_group(capsys):
    from kanjipad_trainer import cli

    assert cli.main(["classes", "--classes", "full"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["groups"] == {
        "kanji level 1": 2965, "kanji level 2": 3390, "other kanji": 52, "kana": 179,
        "digits": 10, "Latin": 52, "symbols": 53,
    }  # fmt: skip
    assert out["classes"] == 6701 and out["companions"] == 24


def test_full_holds_what_the_issue_names_and_standard_is_unchanged():
    full = set(classes.preset("full"))
    assert set("𠮟塡剝頰澤邊齋ゐゑヰヱゝゞヽヾヴヵヶ々〆〇ー0123456789AZaz、。？！〜…「」￥＄→★※〒") <= full
    assert not any(0xF900 <= ord(ch) <= 0xFAFF for ch in full)  # NFC turns these into unified kanji
    from kanjipad.recognizer import Recognizer

    learned, _ = classes.split_companions(classes.preset("full"))
    shipped = Recognizer(REPO / "resources/models/kanjipad-full.onnx", device="cpu").info.classes
    assert list(shipped) == learned  # the full recipe makes the shipped model's classes
    standard, _ = classes.split_companions(classes.preset("standard"))
    assert len(standard) == 3154 and set(standard) <= set(learned)  # and the standard preset is as it was


def test_every_look_alike_is_a_class_of_the_full_model():
    full = classes.preset("full")
    claimed = groups_for(full)
    for group in GROUPS:
        assert all(ch in full for ch in group), group
        assert all(claimed[ch] == tuple(group) for ch in group)


@pytest.mark.parametrize("char", ["日", "5", "A", "？"])
def test_a_glyph_becomes_an_image_like_rendered_ink(char):
    img = fonts.font_image(char, SHIPPED_FONT, np.random.default_rng(0), SynthConfig())
    assert img is not None and img.shape == (64, 64) and 0 <= img.min() and img.max() <= 1
    ys, xs = np.nonzero(img > 0.5)
    # Scaled into the same square as pen ink: the longer side spans what render() gives a long stroke.
    pen = render_extent()
    assert max(np.ptp(xs), np.ptp(ys)) == pytest.approx(pen, abs=4)


def render_extent() -> int:
    from kanjipad.ink import Ink

    ys, xs = np.nonzero(render(Ink.from_strokes([[[0, 0], [100, 0]], [[0, 0], [0, 100]]])) > 0.5)
    return int(max(np.ptp(xs), np.ptp(ys)))


def test_the_same_seed_gives_the_same_image_and_another_seed_another():
    one = fonts.font_image("日", SHIPPED_FONT, np.random.default_rng(3), SynthConfig())
    again = fonts.font_image("日", SHIPPED_FONT, np.random.default_rng(3), SynthConfig())
    other = fonts.font_image("日", SHIPPED_FONT, np.random.default_rng(4), SynthConfig())
    assert np.array_equal(one, again) and not np.array_equal(one, other)


def test_shards_draw_classes_without_strokes_from_fonts(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "FONTS", (SHIPPED_FONT,))
    out = shards.prepare(tmp_path / "s", list("日？"), 3, seed=1, workers=1, cache=None, progress=False)
    images, labels, meta = shards.load(out)
    assert labels.tolist() == [0, 1] * 3 and (images.reshape(6, -1).max(axis=1) > 0).all()
    assert meta["fonts"]["names"] == [SHIPPED_FONT.name]
    monkeypatch.setattr(fonts, "FONTS", ())
    with pytest.raises(classes.UserError, match="neither KanjiVG strokes nor"):
        shards.prepare(tmp_path / "t", list("日？"), 1, seed=1, workers=1, cache=None, progress=False)


def test_missing_fonts_name_the_command_that_installs_them(monkeypatch):
    monkeypatch.setattr(fonts.os, "geteuid", lambda: 1000)
    gone = fonts.Font("Gone", "fonts-gone", "/nonexistent/gone.ttf", "-", "train")
    with pytest.raises(classes.UserError, match="apt-get install -y -qq fonts-gone"):
        fonts.ensure_installed([gone])
