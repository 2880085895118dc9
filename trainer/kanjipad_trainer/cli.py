"""``kanjipad-train``: data preparation, training, export and evaluation.

Typical use (scripts/train_bundled_model.sh is the exact recipe of the shipped model)::

    kanjipad-train prepare --classes standard --per-class 300 --seed 1 --out data/train
    kanjipad-train prepare --classes standard --per-class 4 --seed 2 --out data/val
    kanjipad-train train --data data/train --val data/val --out runs/standard
    kanjipad-train export --checkpoint runs/standard/best.pt --calibrate data/val --out runs/standard/export
    kanjipad-train evaluate --model runs/standard/export/model.int8.onnx --strokes devset.jsonl --json

With the ETL Character Database (see the README)::

    kanjipad-train etl-prepare ~/ETL --out data/etl
    kanjipad-train finetune --etl data/etl --out runs/ft            # from the shipped model
    kanjipad-train evaluate --model runs/ft/export/model.int8.onnx --etl data/etl --json
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from kanjipad import __version__
from kanjipad.errors import KanjiPadError
from kanjipad_trainer.args import (
    Parser,
    cache_file,
    class_spec,
    count,
    device,
    existing_file,
    existing_folder,
    existing_path,
    number,
    out_file,
    out_folder,
)
from kanjipad_trainer.classes import PRESETS
from kanjipad_trainer.config import (
    FINETUNE,
    QUANT_SCHEME,
    QUANT_SCHEMES,
    WRITER_SPLIT,
    FinetuneConfig,
    ModelConfig,
    TrainConfig,
)
from kanjipad_trainer.errors import UserError


def print_json(obj: object) -> None:
    """One JSON object on stdout, readable whatever the terminal's encoding.

    Characters go out as themselves on a UTF-8 stdout and as \\u escapes elsewhere
    (a pipe under LANG=C), so a long evaluation never dies at its last print.
    """
    utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
    print(json.dumps(obj, ensure_ascii=not utf8))


def _add_classes(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--classes",
        default="standard",
        type=class_spec(PRESETS),
        help="class preset (standard, full) or a file of characters (default: standard)",
    )


def cmd_classes(args: argparse.Namespace) -> int:
    from kanjipad_trainer import classes

    chars = classes.resolve(args.classes)
    learned, companions = classes.split_companions(chars)
    if args.out:
        Path(args.out).write_text("".join(chars) + "\n", encoding="utf-8")
    counts = {"classes": len(chars), "learned": len(learned), "companions": len(companions)}
    print(json.dumps({**counts, "groups": classes.count_groups(chars)}, ensure_ascii=False))
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    from kanjipad_trainer import classes, shards
    from kanjipad_trainer.synth import SynthConfig

    learned, _ = classes.split_companions(classes.resolve(args.classes))
    only = None
    if args.only_groups:
        wanted = [g.strip() for g in args.only_groups.split(",") if g.strip()]
        unknown = [g for g in wanted if g not in classes.GROUPS]
        if unknown:
            raise UserError(f"--only-groups: unknown group {unknown[0]!r}; choose from {', '.join(classes.GROUPS)}")
        only = [c for c in learned if classes.group_of(c) in wanted]
    cfg = SynthConfig(scale=args.distortion)
    shards.prepare(
        Path(args.out),
        learned,
        args.per_class,
        seed=args.seed,
        cfg=cfg,
        workers=args.workers,
        cache=Path(args.cache) if args.cache else None,
        font_fraction=args.font_fraction,
        font_role="heldout" if args.heldout_fonts else "train",
        only=only,
    )
    return 0


def cmd_synth_set(args: argparse.Namespace) -> int:
    """Write held-out synthetic ink as a stroke-set JSONL file (for evaluate --strokes)."""
    import numpy as np

    from kanjipad.ink import Ink, dumps_sample
    from kanjipad.paths import atomic_write
    from kanjipad_trainer import classes, kanjivg
    from kanjipad_trainer.synth import SynthConfig, distort

    learned, _ = classes.split_companions(classes.resolve(args.classes))
    strokes = kanjivg.load_many(learned)
    without = [c for c in learned if c not in strokes]
    if without:  # font-only classes (most symbols): ink needs strokes
        print(f"{len(without)} classes have no KanjiVG strokes and are left out: {''.join(without[:30])}")
        learned = [c for c in learned if c in strokes]
    cfg = SynthConfig(scale=args.distortion)
    out = Path(args.out)

    def write(fh: BinaryIO) -> None:
        for v in range(args.per_class):
            for i, ch in enumerate(learned):
                rng = np.random.default_rng([args.seed, v, i])
                box = (kanjivg.KANJIVG_BOX, kanjivg.KANJIVG_BOX)
                ink = Ink(tuple(distort(strokes[ch], rng, cfg)), box=box, char=ch)
                fh.write((dumps_sample(ink) + "\n").encode("utf-8"))

    atomic_write(out, write)
    print(f"wrote {args.per_class * len(learned)} samples to {out}")
    return 0


def cmd_synth_lines(args: argparse.Namespace) -> int:
    """Write synthetic rows (words and phrases) as a stroke-set JSONL file (for tuning and tests)."""
    from kanjipad import lexicon as lexicon_mod
    from kanjipad.ink import dumps_sample
    from kanjipad.paths import atomic_write
    from kanjipad_trainer import classes, kanjivg
    from kanjipad_trainer.synth_lines import RowConfig, kana_spellings, synth_rows, words_for

    lex = lexicon_mod.Lexicon.load(Path(args.lexicon)) if args.lexicon else lexicon_mod.shipped()
    if lex is None:
        raise UserError("no lexicon: build it with scripts/build_lexicon.py or pass --lexicon")
    # Small kana are companions, not learned classes, but KanjiVG draws them: rows may hold them.
    have = set(kanjivg.load_many(classes.resolve(args.classes)))
    words = kana_spellings(lex.words, have) if args.kana else words_for(list(lex.words), have)
    if not words and args.kind != "numbers":
        raise UserError("no lexicon word can be written with the class set's KanjiVG characters")
    out = Path(args.out)

    def write(fh: BinaryIO) -> None:
        cfg = RowConfig(kind=args.kind, layout=args.layout, narrow=(0.6, 0.9) if args.narrow else None)
        for row in synth_rows(words, args.count, args.seed, cfg):
            fh.write((dumps_sample(row) + "\n").encode("utf-8"))

    atomic_write(out, write)
    source = "numbers" if args.kind == "numbers" else f"{len(words)} words{' in kana' if args.kana else ''}"
    print(f"wrote {args.count} {'columns' if args.layout == 'v' else 'rows'} to {out} (from {source})")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from kanjipad_trainer.train import train_on_folders

    best = train_on_folders(
        _train_config(args),
        synthetic=[Path(d) for d in args.data],
        etl=[Path(d) for d in args.etl],
        val=Path(args.val) if args.val else None,
        etl_fraction=args.etl_fraction,
        resume=args.resume,
    )
    print(f"best checkpoint: {best}")
    return 0


def _train_config(args: argparse.Namespace) -> TrainConfig:
    return TrainConfig(
        data=[],
        val=args.val,
        out=args.out,
        epochs=args.epochs,
        batch_size=args.batch_size,
        lr=args.lr,
        weight_decay=args.weight_decay,
        warmup_steps=args.warmup_steps,
        label_smoothing=args.label_smoothing,
        augment=not args.no_augment,
        ckpt_every=args.ckpt_every,
        keep_best=args.keep_best,
        eval_every=args.eval_every,
        seed=args.seed,
        threads=args.threads,
        device=args.device,
        precision=args.precision,
        init=args.init,
        model={"widths": tuple(args.widths), "embed": args.embed, "dropout": args.dropout},
    )


def cmd_export(args: argparse.Namespace) -> int:
    import numpy as np

    from kanjipad_trainer import export, shards

    model, state = export.load_checkpoint(Path(args.checkpoint))
    images, _, _ = shards.load(Path(args.calibrate))
    rng = np.random.default_rng(0)
    pick = rng.choice(len(images), size=min(len(images), args.calibration_samples), replace=False)
    check = np.random.default_rng(1).choice(len(images), size=min(len(images), 512), replace=False)
    report = export.export_all(
        model, state, Path(args.out), args.name, images[np.sort(pick)], images[check], scheme=args.quantisation
    )
    print(json.dumps(report, indent=1))
    export.check_export(report, args.out)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from kanjipad_trainer.evaluate import evaluate_file

    if sum(map(bool, (args.strokes, args.etl, args.images))) != 1:
        raise UserError("give exactly one of --strokes FILE, --etl PATH and --images FOLDER")
    if args.etl:
        return _evaluate_etl(args)
    if args.images:
        from kanjipad.recognizer import Recognizer
        from kanjipad_trainer.evaluate import evaluate_shards

        rec = Recognizer(Path(args.model), device=args.device)
        _print_result(evaluate_shards(rec, Path(args.images), args.limit), args.json)
        return 0
    if args.teach:
        from kanjipad_trainer.evaluate import evaluate_taught

        taught = evaluate_taught(
            Path(args.model),
            Path(args.teach),
            Path(args.strokes),
            per_class=args.teach_per_class,
            on_error=args.on_error,
            device=args.device,
        )
        _print_result(taught, args.json)
        return 0
    result = evaluate_file(
        Path(args.model),
        Path(args.strokes),
        variant=args.variant,
        seed=args.seed,
        limit=args.limit,
        device=args.device,
        on_error=args.on_error,
        lines=args.lines,
        lexicon=Path(args.lexicon) if args.lexicon else None,
        line_params=_line_params(args.line_param),
    )
    for problem in result.get("problems", []):
        print(f"skipped {problem}", file=sys.stderr)
    if not args.misses:
        result.pop("misses")
    _print_result(result, args.json)
    return 0


def _line_params(pairs: list[str]) -> dict[str, float]:
    """``--line-param word_gain=0`` → {"word_gain": 0.0} (every RowParams knob is a number)."""
    out: dict[str, float] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")  # no "=": value is "", which is no number either
        try:
            out[key.strip()] = float(value) if "." in value or "e" in value else int(value)
        except ValueError:
            raise UserError(f"--line-param {pair!r}: expected NAME=NUMBER") from None
    return out


def _evaluate_etl(args: argparse.Namespace) -> int:
    from kanjipad.recognizer import Recognizer
    from kanjipad_trainer.evaluate import etl_eval_set, evaluate_images

    images, chars, writers, where = etl_eval_set(
        Path(args.etl), split=args.split, val_fraction=args.val_fraction, seed=args.split_seed
    )
    if args.limit:
        images, chars, writers = images[: args.limit], chars[: args.limit], writers[: args.limit]
    if not chars:
        raise UserError(f"{where}: no records on the {args.split} side of the writer split; try --split all")
    result = evaluate_images(Recognizer(Path(args.model), device=args.device), images, chars, writers)
    result["etl"], result["split"] = where, args.split
    _print_result(result, args.json)
    return 0


def _print_result(result: Mapping[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(result)
    else:
        for k, v in result.items():
            print(f"{k:>18}: {v}")


def cmd_etl_prepare(args: argparse.Namespace) -> int:
    from kanjipad_trainer import classes
    from kanjipad_trainer.etl.prepare import prepare_etl

    if args.classes_from:  # a ModelError reaches main()'s one error boundary
        from kanjipad.recognizer import Recognizer

        chars = list(Recognizer(Path(args.classes_from), device="cpu").info.classes)
    else:
        chars, _ = classes.split_companions(classes.resolve(args.classes))
    summary = prepare_etl(
        [Path(p) for p in args.paths],
        Path(args.out),
        chars,
        val_fraction=args.val_fraction,
        seed=args.split_seed,
        stop_on_error=args.on_error == "stop",
        workers=args.workers,
        on_message=_to_stderr if args.json else print,
    )
    if args.json:
        print_json(summary)
    else:
        for f in summary["files"]:
            state = "ok" if f["done"] else f"FAILED: {f['error']}"
            print(
                f"{f['file']:<12} {f['format']:>3} {f['train']:>7} train {f['val']:>6} val "
                f"{f['not_in_classes']:>6} not in classes {f['problems']:>4} problems  {state}"
            )
        t = summary["totals"]
        print(f"{t['files_done']} files ready in {summary['out']}: {t['train']} train, {t['val']} validation samples")
    if summary["stopped"]:
        return 1
    return 0 if summary["totals"]["files_done"] else 1


def cmd_finetune(args: argparse.Namespace) -> int:
    from kanjipad_trainer.finetune import finetune

    base = Path(args.base) if args.base else _shipped_model()
    cfg = FinetuneConfig(
        epochs=args.epochs,
        lr=args.lr,
        batch_size=args.batch_size,
        replay_per_class=args.replay_per_class,
        new_share=args.new_share,
        seed=args.seed,
        name=args.name,
        device=args.device,
        precision=args.precision,
        threads=args.threads,
        workers=args.workers,
    )
    report = finetune(
        base,
        Path(args.out),
        cfg,
        etl=Path(args.etl) if args.etl else None,
        strokes=[Path(p) for p in args.strokes],
        val=Path(args.val) if args.val else None,
        resume=args.resume,
        stop_on_error=args.on_error == "stop",
        on_message=_to_stderr if args.json else print,
    )
    _print_result(report, args.json)
    if not args.json:
        print(f"\nnew model: {report['model']}  (choose it in KanjiPad: Settings → Model)")
    return 0


def _to_stderr(message: str) -> None:
    """Messages beside a --json result: stdout holds the one JSON object alone."""
    print(message, file=sys.stderr)


def _shipped_model() -> Path:
    from kanjipad.resources import bundled_model_path

    return bundled_model_path()


def cmd_etl_scan(args: argparse.Namespace) -> int:
    from kanjipad_trainer.etl import scan

    result = scan(Path(args.path))
    if args.json:
        print_json(result)
    else:
        for f in result["files"]:
            first = f["first"] or {}
            print(
                f"{f['file']:<12} {f['format']:>3} {f['records']:>8} records {f['classes']:>5} classes "
                f"first {first.get('char', '-')} (sheet {first.get('sheet')})"
            )
        for s in result["skipped"]:
            print(f"skipped {s['file']}: {s['reason']}")
        t = result["totals"]
        print(f"{t['files']} files, {t['records']} records, {t['classes']} classes")
    return 0 if result["files"] else 1


def _add_precision(g: argparse._ArgumentGroup) -> None:
    g.add_argument(
        "--precision",
        choices=["auto", "fp32", "bf16"],
        default="auto",
        help="training arithmetic on a CPU; auto: bf16 only where the CPU has native bf16 (default: auto)",
    )


def build_parser() -> argparse.ArgumentParser:
    ap = Parser(prog="kanjipad-train", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("classes", help="show or write a class set")
    _add_classes(p)
    p.add_argument("--out", type=out_file, help="write the characters to this file")
    p.set_defaults(func=cmd_classes)

    p = sub.add_parser("prepare", help="render synthetic handwriting (KanjiVG) into training shards")
    _add_classes(p)
    g = p.add_argument_group("data")
    g.add_argument("--per-class", type=count(1), default=250, help="samples per class (default: 250)")
    g.add_argument("--seed", type=count(0), default=1, help="data seed; same seed, same data")
    g.add_argument("--distortion", type=number(0, 10), default=1.0, help="scale of all geometric distortions")
    g.add_argument(
        "--only-groups",
        help="render only these class groups, e.g. 'digits,Latin,kana,symbols' (labels stay those of --classes: "
        "a fine-tuning stage's extra data)",
    )
    g = p.add_argument_group("fonts (for classes without KanjiVG strokes, and style; installed when missing)")
    g.add_argument(
        "--font-fraction",
        type=number(0, 1),
        default=0.0,
        help="share of a stroke class's samples from fonts (default 0)",
    )
    g.add_argument(
        "--heldout-fonts",
        action="store_true",
        help="draw every sample from the held-out fonts: a test set of styles training never sees",
    )
    g = p.add_argument_group("output")
    g.add_argument("--out", required=True, type=out_folder, help="shard folder (re-running resumes)")
    g.add_argument("--workers", type=count(1), default=None, help="processes (default: all cores)")
    g.add_argument("--cache", type=cache_file, default="data/kanjivg-cache.npz", help="polyline cache ('' for none)")
    p.set_defaults(func=cmd_prepare)

    p = sub.add_parser("synth-set", help="write held-out synthetic ink as a stroke-set JSONL")
    _add_classes(p)
    p.add_argument("--per-class", type=count(1), default=1)
    p.add_argument("--seed", type=count(0), default=7)
    p.add_argument("--distortion", type=number(0, 10), default=1.0)
    p.add_argument("--out", required=True, type=out_file)
    p.set_defaults(func=cmd_synth_set)

    p = sub.add_parser("synth-lines", help="write synthetic rows (common words and phrases) as a stroke-set JSONL")
    _add_classes(p)
    p.add_argument("--count", type=count(1), default=500, help="rows (default: 500)")
    p.add_argument("--seed", type=count(0), default=11)
    p.add_argument(
        "--lexicon", type=existing_file, help="lexicon.json.gz to draw words from (default: the shipped one)"
    )
    p.add_argument("--layout", choices=["h", "v"], default="h", help="rows (h, default) or columns (v: tategaki)")
    p.add_argument(
        "--kind",
        choices=["words", "small-kana", "numbers"],
        default="words",
        help="common words and phrases (default), only words with a small kana, or numbers",
    )
    p.add_argument(
        "--kana",
        action="store_true",
        help="write the words in kana, as their readings (ちくしょう for 畜生), as people write words whose kanji "
        "they do not know",
    )
    p.add_argument(
        "--narrow",
        action="store_true",
        help="write each character 60-90 %% as wide as tall, as many people do (a row of three in under two "
        "cells, a column's characters up to twice as tall as wide)",
    )
    p.add_argument("--out", required=True, type=out_file)
    p.set_defaults(func=cmd_synth_lines)

    p = sub.add_parser("train", help="train the CNN on prepared shards")
    g = p.add_argument_group("data")
    g.add_argument("--data", nargs="*", type=existing_folder, default=[], help="synthetic shard folders (prepare)")
    g.add_argument(
        "--etl", nargs="*", type=existing_folder, default=[], help="ETL folders (etl-prepare output; their train split)"
    )
    g.add_argument(
        "--etl-fraction",
        type=number(0, 1, low_open=True, high_open=True),
        default=None,
        help="share of each epoch drawn from --etl when both are given (default: in proportion to their sizes)",
    )
    g.add_argument(
        "--val", type=existing_folder, help="shard folder to validate on (an etl-prepare folder: its val split)"
    )
    m, t = ModelConfig(num_classes=0), TrainConfig(data=[], val=None, out="")  # the defaults, stated once
    g = p.add_argument_group("model")
    g.add_argument(
        "--widths",
        type=count(1, 4096),
        nargs="+",
        default=list(m.widths),
        help="channels per stage (default: %(default)s)",
    )
    g.add_argument("--embed", type=count(1, 4096), default=m.embed, help="embedding width (default: %(default)s)")
    g.add_argument("--dropout", type=number(0, 1, high_open=True), default=m.dropout, help="(default: %(default)s)")
    g = p.add_argument_group("optimisation")
    g.add_argument("--epochs", type=number(0, 1e6, low_open=True), default=t.epochs, help="(default: %(default)s)")
    g.add_argument("--batch-size", type=count(1), default=t.batch_size, help="(default: %(default)s)")
    g.add_argument(
        "--lr", type=number(0, 10, low_open=True), default=t.lr, help="peak learning rate (default: %(default)s)"
    )
    g.add_argument("--weight-decay", type=number(0, 10), default=t.weight_decay, help="(default: %(default)s)")
    g.add_argument("--warmup-steps", type=count(0), default=t.warmup_steps, help="(default: %(default)s)")
    g.add_argument(
        "--label-smoothing", type=number(0, 1, high_open=True), default=t.label_smoothing, help="(default: %(default)s)"
    )
    g.add_argument("--no-augment", action="store_true", help="no per-batch random affine")
    g.add_argument("--seed", type=count(0), default=t.seed)
    g = p.add_argument_group("run")
    g.add_argument("--out", required=True, type=out_folder, help="run folder: checkpoints, config.json, log.jsonl")
    g.add_argument("--resume", action="store_true", help="continue the run in --out from last.pt")
    g.add_argument(
        "--init",
        type=existing_file,
        help="start from this checkpoint's weights (same classes and network) with a new schedule",
    )
    g.add_argument(
        "--ckpt-every", type=count(1), default=t.ckpt_every, help="steps between checkpoints (default: %(default)s)"
    )
    g.add_argument(
        "--keep-best", type=count(1), default=t.keep_best, help="best checkpoints to keep (default: %(default)s)"
    )
    g.add_argument(
        "--eval-every", type=count(0), default=t.eval_every, help="steps between validations (0: each epoch)"
    )
    g.add_argument("--device", type=device, default=t.device, help="auto, cpu, cuda or cuda:N")
    _add_precision(g)
    g.add_argument("--threads", type=count(0), default=t.threads, help="CPU threads (0: torch default)")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("export", help="export a checkpoint to ONNX (fp32 + int8) and check it")
    p.add_argument("--checkpoint", required=True, type=existing_file)
    p.add_argument(
        "--calibrate", required=True, type=existing_folder, help="shard folder for int8 calibration and the check"
    )
    p.add_argument("--calibration-samples", type=count(1), default=2048)
    p.add_argument("--name", default="kanjipad-full")
    p.add_argument(
        "--quantisation",
        choices=sorted(QUANT_SCHEMES),
        default=QUANT_SCHEME,
        help="int8 scheme; both cannot saturate on CPUs without VNNI (default: %(default)s)",
    )
    p.add_argument("--out", required=True, type=out_folder, help="folder for model.fp32.onnx and model.int8.onnx")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("etl-prepare", help="normalise ETL scans into train/val shards, split by writer")
    p.add_argument("paths", nargs="+", type=existing_path, help="ETL files or folders of them")
    _add_classes(p)
    p.add_argument("--classes-from", type=existing_file, help="use the class list of this ONNX model (to fine-tune it)")
    p.add_argument("--out", required=True, type=out_folder, help="output folder (train/ and val/); re-running resumes")
    p.add_argument(
        "--val-fraction",
        type=number(0, 1, high_open=True),
        default=WRITER_SPLIT.val_fraction,
        help="share of writers held out (default: %(default)s)",
    )
    p.add_argument("--split-seed", type=count(0), default=WRITER_SPLIT.seed, help="seed of the writer split")
    p.add_argument(
        "--on-error",
        choices=["skip", "stop"],
        default="skip",
        help="damaged records: report and skip them (default), or stop at the first (finished files are kept)",
    )
    p.add_argument("--workers", type=count(1), default=os.cpu_count() or 1, help="processes (one ETL file each)")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.set_defaults(func=cmd_etl_prepare)

    p = sub.add_parser("finetune", help="fine-tune the shipped (or an exported) model on ETL and/or your own ink")
    g = p.add_argument_group("data")
    g.add_argument("--base", type=existing_file, help="ONNX model to start from (default: the shipped model)")
    g.add_argument(
        "--etl", type=existing_folder, help="an etl-prepare folder (made with --classes-from the base model)"
    )
    g.add_argument(
        "--strokes",
        nargs="*",
        type=existing_path,
        default=[],
        help="stroke-set JSONL files or folders (e.g. your samples)",
    )
    g.add_argument(
        "--val", type=existing_folder, help="shard folder to validate on (default: the --etl folder's val split)"
    )
    g.add_argument(
        "--replay-per-class",
        type=count(0),
        default=FINETUNE.replay_per_class,
        help="synthetic samples per class against forgetting (default: %(default)s)",
    )
    g.add_argument(
        "--new-share",
        type=number(0, 1, low_open=True),
        default=FINETUNE.new_share,
        help="share of each epoch from the new data",
    )
    g.add_argument("--on-error", choices=["skip", "stop"], default="skip", help="bad stroke-set lines")
    g = p.add_argument_group("optimisation")
    g.add_argument(
        "--epochs", type=number(0, 1e6, low_open=True), default=FINETUNE.epochs, help="(default: %(default)s)"
    )
    g.add_argument("--lr", type=number(0, 10, low_open=True), default=FINETUNE.lr, help="(default: %(default)s)")
    g.add_argument("--batch-size", type=count(1), default=FINETUNE.batch_size, help="(default: %(default)s)")
    g.add_argument("--seed", type=count(0), default=FINETUNE.seed)
    g = p.add_argument_group("run")
    g.add_argument("--out", required=True, type=out_folder, help="folder for the run, export/ and finetune.json")
    g.add_argument("--name", default=FINETUNE.name, help="model name shown in the app")
    g.add_argument("--resume", action="store_true")
    g.add_argument("--device", type=device, default="auto", help="auto, cpu, cuda or cuda:N")
    _add_precision(g)
    g.add_argument("--threads", type=count(0), default=0)
    g.add_argument("--workers", type=count(1), default=None, help="processes for the replay data")
    g.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_finetune)

    p = sub.add_parser("etl-scan", help="list the ETL files in a file or folder: format, records, classes")
    p.add_argument("path", type=existing_path, help="an ETL file or a folder of them")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_etl_scan)

    p = sub.add_parser("evaluate", help="top-1/top-10 of a model on a stroke set or on ETL writers")
    p.add_argument("--model", required=True, type=existing_file)
    p.add_argument("--strokes", type=existing_file, help="stroke-set JSONL file")
    p.add_argument("--images", type=existing_folder, help="a prepare shard folder (e.g. made with --heldout-fonts)")
    g = p.add_argument_group("ETL (writer-disjoint)")
    g.add_argument("--etl", type=existing_path, help="an etl-prepare folder, or raw ETL files (a file or a folder)")
    g.add_argument("--split", choices=["val", "train", "all"], default="val", help="which writers (default: val)")
    g.add_argument(
        "--val-fraction",
        type=number(0, 1, high_open=True),
        default=WRITER_SPLIT.val_fraction,
        help="raw files: as given to etl-prepare",
    )
    g.add_argument("--split-seed", type=count(0), default=WRITER_SPLIT.seed, help="raw files: as given to etl-prepare")
    p.add_argument("--variant", choices=["orig", "shuffle", "join"], default="orig")
    p.add_argument("--seed", type=count(0), default=0, help="seed of the shuffle/join variants")
    p.add_argument("--limit", type=count(1), default=None, help="only the first N samples")
    p.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda"])
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--misses", action="store_true", help="include up to 50 top-1 misses")
    g = p.add_argument_group("rows (samples whose char holds two or more characters)")
    g.add_argument("--lines", action="store_true", help="send single characters through the row reader too")
    g.add_argument(
        "--lexicon", type=existing_file, help="lexicon.json.gz for the language prior (default: the shipped one)"
    )
    g.add_argument(
        "--line-param", action="append", default=[], metavar="NAME=NUMBER", help="override a RowParams weight"
    )
    g = p.add_argument_group("teaching (the pad's memory of a user's writing)")
    g.add_argument(
        "--teach", type=existing_file, help="stroke-set JSONL taught first, in file order, through the app's own memory"
    )
    g.add_argument(
        "--teach-per-class",
        type=count(1),
        default=None,
        metavar="K",
        help="teach only the first K samples of each (source, character) of --teach",
    )
    p.add_argument(
        "--on-error",
        choices=["skip", "stop"],
        default="skip",
        help="bad stroke-set lines: report, count (bad_lines) and skip them (default), or stop at the first",
    )
    p.set_defaults(func=cmd_evaluate)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run one command: the program's one error boundary.

    A KanjiPadError (bad file, bad option) or an OSError on a path the user gave prints one line
    naming the file and what to do, exit 2; Ctrl+C prints one line, exit 130. Bugs keep their
    traceback. A bad command line ends in argparse with one line, exit 2, before anything runs.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a bad command line (2): already said
        return exc.code if isinstance(exc.code, int) else 2
    if hasattr(sys.stdout, "reconfigure"):
        # Plain-text reports name characters; on a non-UTF-8 stdout they are escaped, not fatal.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        code: int = args.func(args)
        return code
    except KanjiPadError as exc:
        return _fail(args.command, str(exc))
    except OSError as exc:
        path = _users_path(exc, args)
        if path is None and exc.errno not in _ENVIRONMENT:
            raise  # an OSError on a file of the program's own: a bug
        return _fail(args.command, _os_message(exc, args, path))
    except KeyboardInterrupt:
        print(f"kanjipad-train {args.command}: interrupted", file=sys.stderr)
        return 130


def _fail(command: str, message: str) -> int:
    print(f"kanjipad-train {command}: {' '.join(message.split())}", file=sys.stderr)
    return 2


#: OSErrors that are the machine's state, not a bug, whatever the file (a full disk, a read-only mount).
_ENVIRONMENT = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
_ADVICE = {
    errno.ENOENT: "check the path",
    errno.EACCES: "check its permissions",
    errno.EPERM: "check its permissions",
    errno.EISDIR: "give a file, not a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    errno.ENOSPC: "free some space and run again",
    errno.EDQUOT: "free some space and run again",
    errno.EROFS: "choose a writable place",
}
#: How a re-run continues, for the commands that keep their finished work (the others start over).
_RESUMES = {
    "prepare": "a re-run resumes",
    "etl-prepare": "a re-run resumes",
    "train": "add --resume to continue from the last checkpoint",
    "finetune": "add --resume to continue from the last checkpoint",
}


def _user_paths(args: argparse.Namespace) -> list[Path]:
    values: list[str] = []
    for value in vars(args).values():
        values += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
    return [Path(v).absolute() for v in values]


def _users_path(exc: OSError, args: argparse.Namespace) -> Path | None:
    """The path the user gave that the OSError is about: it, a file inside it, or the temporary file an atomic
    write makes beside it (``out.jsonl.x1y2.tmp``); None when the error is about none of them."""
    given = _user_paths(args)
    for name in (exc.filename, exc.filename2):
        if name is None or isinstance(name, int):
            continue
        path = Path(os.fsdecode(name)).absolute()
        for g in given:
            if path == g or g in path.parents:
                return path
            if path.parent == g.parent and path.name.startswith(g.name + ".") and path.name.endswith(".tmp"):
                return g
    return None


def _os_message(exc: OSError, args: argparse.Namespace, path: Path | None) -> str:
    """One line for an OSError on ``path`` (the user's, from :func:`_users_path`) or from the machine's state."""
    if path is not None:
        where = str(path)
    elif isinstance(exc.filename, str | bytes):
        where = os.fsdecode(exc.filename)
    else:  # a failed write or flush names no file: it is the command's output
        out = getattr(args, "out", None)
        where = out if isinstance(out, str) and out else "output"
    why = exc.strerror or type(exc).__name__
    advice = _ADVICE.get(exc.errno or 0, "check the path and run again")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) and args.command in _RESUMES:
        advice += f" ({_RESUMES[args.command]})"
    return f"{where}: {why}; {advice}"


if __name__ == "__main__":
    sys.exit(main())
