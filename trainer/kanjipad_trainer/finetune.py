"""Fine-tune an exported model (the shipped one by default) on ETL data and/or the user's own ink.

Starts from the weights behind the ONNX model (see ``kanjipad_trainer.base_model``), trains
with a small learning rate on the new data, and exports a new self-describing
model (fp32 + int8 ONNX, plus its own ``weights.pt`` so it can be fine-tuned
again). To keep the model from forgetting the classes the new data lacks, a
little synthetic KanjiVG "replay" data of every class is mixed in at a fixed
share of each epoch. Before/after accuracy is reported on the validation writers
of the ETL data when there are any.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kanjipad import memory
from kanjipad.ink import read_stroke_set
from kanjipad.memory import read_forgotten
from kanjipad.paths import atomic_write_text
from kanjipad.render import INPUT_SIZE, render
from kanjipad_trainer.config import FINETUNE, FinetuneConfig
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.etl.prepare import label_for


class FinetuneError(UserError):
    """Bad or missing input for a fine-tune; the message says what to do."""


def stroke_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            # The pad's copies of damaged lines are for recovery by hand, not training data.
            files.extend(sorted(f for f in p.rglob("*.jsonl") if not f.name.startswith("memory.damaged-")))
        elif p.exists():
            files.append(p)
        else:
            raise FinetuneError(f"{p}: no such stroke-set file or folder")
    return files


def user_stroke_images(
    paths: Sequence[Path], classes: Sequence[str], *, on_problem: Callable[[str], None], stop_on_error: bool = False
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Render the user's stroke samples exactly as the app does; labels by the model's classes."""
    index = {c: i for i, c in enumerate(classes)}
    images, labels = [], []
    report = {"files": 0, "samples": 0, "used": 0, "not_in_classes": 0, "bad_lines": 0, "forgotten": 0}
    for f in stroke_files(paths):
        report["files"] += 1
        forgotten = read_forgotten(f.parent) if f.name == memory.STORE else set()

        def bad_line(msg: str) -> None:
            if stop_on_error:
                raise FinetuneError(msg)
            on_problem(msg)
            report["bad_lines"] += 1

        for ink in read_stroke_set(f, on_error=bad_line):
            if ink.extra.get("id") in forgotten:  # an undone pick in the pad's memory: its label may be wrong
                report["forgotten"] += 1
                continue
            report["samples"] += 1
            image = render(ink)
            label = label_for(ink.char or "", index)
            if label is None or not image.any():
                report["not_in_classes" if label is None else "bad_lines"] += 1
                continue
            images.append(np.rint(image * 255).astype(np.uint8))
            labels.append(label)
            report["used"] += 1
    arr = np.stack(images) if images else np.zeros((0, INPUT_SIZE, INPUT_SIZE), np.uint8)
    return arr, np.asarray(labels, np.int64), report


def finetune(
    base: Path,
    out: Path,
    cfg: FinetuneConfig = FINETUNE,
    *,
    etl: Path | None = None,
    strokes: Sequence[Path] = (),
    val: Path | None = None,
    resume: bool = False,
    stop_on_error: bool = False,
    progress: bool = True,
    on_message: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Fine-tune ``base`` on ``etl`` (a prepared folder) and/or ``strokes`` with ``cfg``; the new model in ``out``."""
    from kanjipad.recognizer import Recognizer
    from kanjipad_trainer import export, shards
    from kanjipad_trainer.base_model import load_base
    from kanjipad_trainer.config import TrainConfig
    from kanjipad_trainer.evaluate import evaluate_images
    from kanjipad_trainer.train import train

    _, state = load_base(base)
    classes = list(state["classes"])
    run = out / "run"
    if (run / "last.pt").exists() and not resume:
        raise FinetuneError(f"{out} already holds a fine-tune; pass --resume to continue it or choose a new --out")

    new_images, new_labels, data_names = [], [], []
    report: dict[str, Any] = {"base": str(base), "weights": state["weights_file"]}
    if etl is not None:
        train_dir = shards.split_folder(etl, "train")
        images, labels, meta = shards.load(train_dir)
        if meta["classes"] != "".join(classes):
            raise FinetuneError(
                f"{train_dir} was prepared for another class list; run etl-prepare again with --classes-from {base}"
            )
        new_images.append(images)
        new_labels.append(labels)
        data_names.append(str(train_dir))
        report["etl_train"] = len(labels)
        if val is None and shards.split_folder(etl, "val") != etl:
            val = shards.split_folder(etl, "val")
    if strokes:
        images, labels, srep = user_stroke_images(
            strokes, classes, on_problem=lambda m: on_message(f"problem: {m}"), stop_on_error=stop_on_error
        )
        new_images.append(images)
        new_labels.append(labels)
        data_names.extend(str(p) for p in strokes)
        report["strokes"] = srep
    if not new_images or sum(len(x) for x in new_labels) == 0:
        raise FinetuneError("nothing to fine-tune on: give --etl (a prepared folder) and/or --strokes with samples")
    images = np.concatenate(new_images)
    labels = np.concatenate(new_labels)
    sizes, mix = [len(labels)], None
    if cfg.replay_per_class > 0:
        replay_dir = shards.prepare(
            out / "replay", classes, cfg.replay_per_class, seed=cfg.seed + 1000, workers=cfg.workers, progress=progress
        )
        ri, rl, _ = shards.load(replay_dir)
        images, labels = np.concatenate([images, ri]), np.concatenate([labels, rl])
        sizes, mix = [sizes[0], len(rl)], [cfg.new_share, 1.0 - cfg.new_share]
        data_names.append(str(replay_dir))
    val_data = None
    if val is not None:
        vi, vl, vmeta = shards.load(val)
        if vmeta["classes"] != "".join(classes):
            raise FinetuneError(f"{val} was prepared for another class list")
        val_data = (vi, vl, vmeta.get("writers", np.full(len(vl), -1)))

    model_cfg = {k: v for k, v in state["model_config"].items() if k != "num_classes"}
    train_cfg = TrainConfig(
        data=data_names,
        val=str(val) if val else None,
        out=str(run),
        epochs=cfg.epochs,
        batch_size=min(cfg.batch_size, len(labels)),
        lr=cfg.lr,
        warmup_steps=cfg.warmup_steps,
        eval_every=0,
        ckpt_every=cfg.ckpt_every,
        seed=cfg.seed,
        threads=cfg.threads,
        device=cfg.device,
        precision=cfg.precision,
        init=state["weights_file"],
        model=model_cfg,
        source_sizes=sizes if mix else None,
        mix=mix,
    )
    best = train(train_cfg, classes, state.get("companions", {}), (images, labels), val_data and val_data[:2])

    tuned, tuned_state = export.load_checkpoint(best)
    tuned_state["train_config"] = {**tuned_state.get("train_config", {}), "base": base.name}
    rng = np.random.default_rng(cfg.seed)
    calib = images[np.sort(rng.choice(len(images), size=min(len(images), 1024), replace=False))]
    exported = export.export_all(tuned, tuned_state, out / "export", cfg.name, calib, calib[:256])
    export.check_export(exported, out / "export")
    fp32, int8 = exported["model.fp32.onnx"], exported["model.int8.onnx"]
    report.update(
        model=int8["path"], model_fp32=fp32["path"], train_samples=int(sizes[0]), replay_samples=int(sum(sizes[1:]))
    )
    if val_data is not None:
        vi, vl, writers = val_data
        chars = [classes[i] for i in vl]
        report["val_before"] = evaluate_images(Recognizer(base, device="cpu"), vi, chars, writers)
        report["val_after"] = evaluate_images(Recognizer(int8["path"], device="cpu"), vi, chars, writers)
    atomic_write_text(out / "finetune.json", json.dumps(report, ensure_ascii=False, indent=1))
    return report
