"""finetune --strokes reads the pad's memory folder as the pad does."""

from __future__ import annotations

from kanjipad.ink import Ink
from kanjipad.memory import Memory
from kanjipad_trainer.finetune import user_stroke_images


def ink(seed: int) -> Ink:
    return Ink.from_strokes([[[seed, 0], [10, 10 + seed]], [[10, 0], [0, 10]]])


def test_finetune_reads_the_store_as_the_pad_does(tmp_path):
    """What the user took back (an undone pick, often a wrong label) is not trained on."""
    m = Memory(tmp_path)
    keep, wrong = m.add(ink(1), "日"), m.add(ink(2), "月")
    m.forget([wrong.id])
    (tmp_path / "memory.damaged-20260101-000000.jsonl").write_text(m.path.read_text("utf-8"), "utf-8")
    _images, labels, report = user_stroke_images([tmp_path], "日月", on_problem=print)
    assert report["used"] == 1 and report["forgotten"] == 1 and labels.tolist() == [0]
    assert keep.char == "日" and report["files"] == 1
