"""The training loop: AdamW, cosine schedule with warm-up, label smoothing.

- Precision (``--precision auto``): on a CPU, bf16 autocast only where the CPU has
  native bf16 (AVX512_BF16 or AMX): there it is ~2.7x faster than fp32, while
  emulated bf16 is ~2x slower than fp32. CUDA: bf16 (or fp16 with a grad scaler)
  autocast. channels_last everywhere. Several GPUs: launch with ``torchrun``; each
  rank takes every ``world``-th sample of the epoch order.
- Checkpoints (``last.pt``) are written atomically every ``--ckpt-every`` steps
  and hold model, optimiser, step and config, so ``--resume`` after a ``kill -9``
  loses at most that interval. The best ``--keep-best`` checkpoints by
  validation accuracy are kept as ``best-*.pt``; ``best.pt`` is the top one.
- The resolved config is written to ``config.json`` beside the checkpoints.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from tqdm import tqdm

from kanjipad.paths import atomic_write_text
from kanjipad_trainer.checkpoint import (
    atomic_save,
    check_resumable,
    checked_classes,
    load_torch_file,
    load_weights,
    model_config,
    not_ours,
)
from kanjipad_trainer.config import ModelConfig, TrainConfig
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.model import KanjiNet

# --- helpers -------------------------------------------------------------
PRECISIONS = ("auto", "fp32", "bf16")


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise UserError(f"--device {name}: this torch has no CUDA device; use --device cpu (or auto)")
    try:
        return torch.device(name)
    except RuntimeError:
        raise UserError(f"--device {name}: not a device; use auto, cpu, cuda or cuda:N") from None


def native_cpu_bf16() -> bool:
    """True where the CPU computes bf16 natively (AVX512_BF16 or AMX), so bf16 autocast pays off."""
    probes = [getattr(torch.cpu, name, None) for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported")]
    if any(p is not None for p in probes):
        return any(p() for p in probes if p is not None)
    from kanjipad.cpuinfo import cpu_features

    return bool(cpu_features()["bf16"])


def resolve_precision(requested: str, device: torch.device) -> tuple[str, str]:
    """(precision, why) for this machine: "fp32", "bf16" or (CUDA) "fp16"."""
    if requested not in PRECISIONS:
        raise UserError(f"--precision {requested}: choose one of {', '.join(PRECISIONS)}")
    if device.type == "cuda":
        if requested == "fp32":
            return "fp32", "asked for"
        if torch.cuda.is_bf16_supported():
            return "bf16", "CUDA with bf16"
        return "fp16", "CUDA without bf16: fp16 with a gradient scaler"
    if requested != "auto":
        return requested, "asked for"
    if native_cpu_bf16():
        return "bf16", "auto: this CPU has native bf16 (AVX512_BF16/AMX), ~2.7x faster than fp32"
    return "fp32", "auto: this CPU has no native bf16; emulated bf16 would be ~2x slower than fp32"


def autocast_for(device: torch.device, precision: str = "bf16") -> contextlib.AbstractContextManager[Any]:
    if precision == "fp32":
        return contextlib.nullcontext()
    dtype = torch.float16 if precision == "fp16" else torch.bfloat16
    return torch.autocast(device.type, dtype=dtype)


def to_input(batch_u8: torch.Tensor, device: torch.device) -> torch.Tensor:
    x = batch_u8.to(device, non_blocking=True).unsqueeze(1).float().div_(255.0)
    return x.contiguous(memory_format=torch.channels_last)


def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Small random affine per image, so repeated epochs do not see identical pixels.

    Kept mild: render() already normalises position and size, and the app's input
    is normalised the same way.
    """
    n = x.shape[0]

    def r(s: float) -> torch.Tensor:
        return (torch.rand(n, generator=gen) * 2 - 1) * s

    ang, sc = r(0.06), 1 + r(0.06)
    sh = r(0.06)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = torch.cos(ang) * sc
    theta[:, 0, 1] = -torch.sin(ang) * sc + sh
    theta[:, 1, 0] = torch.sin(ang) * sc
    theta[:, 1, 1] = torch.cos(ang) * sc
    theta[:, :, 2] = torch.stack([r(0.05), r(0.05)], 1)
    grid = F.affine_grid(theta.to(x.device), list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, align_corners=False, padding_mode="zeros")


def lr_at(step: int, total: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    p = (step - cfg.warmup_steps) / max(1, total - cfg.warmup_steps)
    return cfg.lr * 0.5 * (1 + math.cos(math.pi * min(1.0, p)))


def epoch_order(n: int, epoch: int, cfg: TrainConfig) -> torch.Tensor:
    """Sample indices for one epoch; depends only on (seed, epoch), so resuming repeats it."""
    gen = torch.Generator().manual_seed(cfg.seed + epoch)
    if not cfg.mix:
        return torch.randperm(n, generator=gen)
    total_share = sum(cfg.mix)
    wants = [round(share / total_share * n) for share in cfg.mix]
    wants[-1] = n - sum(wants[:-1])  # the epoch keeps its length whatever the rounding
    parts, offset = [], 0
    sizes = cfg.source_sizes or [n]
    for size, want in zip(sizes, wants, strict=True):
        if size and want > 0:
            # Whole permutations, then part of one: a small source is repeated evenly.
            reps = -(-want // size)
            parts.append(torch.cat([torch.randperm(size, generator=gen) for _ in range(reps)])[:want] + offset)
        offset += size
    order = torch.cat(parts)
    return order[torch.randperm(len(order), generator=gen)]


def _link_best(top: Path, best: Path) -> None:
    """Point ``best.pt`` at the top checkpoint atomically (a hard link, no copy)."""
    if not top.exists() or (best.exists() and os.path.samefile(top, best)):
        return  # rename() of two links to one file is a no-op that would leave the .tmp behind
    tmp = best.with_name(best.name + ".tmp")
    tmp.unlink(missing_ok=True)
    os.link(top, tmp)
    os.replace(tmp, best)


@torch.no_grad()
def accuracy(
    model: nn.Module,
    images: np.ndarray,
    labels: np.ndarray,
    device: torch.device,
    precision: str = "fp32",
    bs: int = 512,
) -> float:
    model.eval()
    correct = 0
    for i in range(0, len(images), bs):
        x = to_input(torch.from_numpy(images[i : i + bs]), device)
        with autocast_for(device, precision):
            pred = model(x).argmax(1).cpu().numpy()
        correct += int((pred == labels[i : i + bs]).sum())
    model.train()
    return 100.0 * correct / max(1, len(images))


class _SpeedReport:
    """Measures images per second over the first steps and predicts the whole run's time once."""

    WARMUP, MEASURE = 3, 20  # the first steps are slow (allocator, oneDNN kernel choice): not counted

    def __init__(self, start_step: int, total: int, images_per_step: int):
        self.start, self.total, self.per_step = start_step, total, images_per_step
        self.t_warm: float | None = None
        self.done = False

    def after_step(self, step: int) -> str | None:
        ran = step - self.start
        if self.done or ran < self.WARMUP:
            return None
        if self.t_warm is None:
            self.t_warm = time.perf_counter()
            return None
        if ran < self.WARMUP + self.MEASURE and step < self.total:
            return None
        self.done = True
        per_step = (time.perf_counter() - self.t_warm) / max(1, ran - self.WARMUP)
        left = (self.total - step) * per_step
        return (
            f"measured {self.per_step / per_step:.0f} images/s ({per_step:.2f} s/step); "
            f"expected time of the whole run {_duration(self.total * per_step)}, "
            f"{_duration(left)} left for {self.total - step} steps"
        )


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{max(seconds, 0) / 60:.1f} min"


# --- data ----------------------------------------------------------------
def train_on_folders(
    cfg: TrainConfig,
    *,
    synthetic: list[Path],
    etl: list[Path],
    val: Path | None,
    etl_fraction: float | None = None,
    resume: bool = False,
) -> Path:
    """Load prepared shard folders (synthetic and/or ETL), check they fit together, and train."""
    from kanjipad.kana import companions_for
    from kanjipad_trainer import shards

    out = Path(cfg.out)
    if (out / "last.pt").exists() and not resume:
        raise UserError(f"{out} already holds a run; pass --resume to continue it or choose a new --out")
    if not synthetic and not etl:
        raise UserError("give --data (synthetic shard folders) and/or --etl (prepared ETL folders)")
    etl_dirs = [shards.split_folder(d, "train") for d in etl]
    groups = [[shards.load(d) for d in synthetic], [shards.load(d) for d in etl_dirs]]
    parts = [p for g in groups for p in g]
    classes = parts[0][2]["classes"]
    if any(p[2]["classes"] != classes for p in parts):
        raise UserError("all --data and --etl folders must share one class list (prepare them with the same --classes)")
    images = np.concatenate([p[0] for p in parts])
    labels = np.concatenate([p[1] for p in parts])
    sizes = [sum(len(p[1]) for p in g) for g in groups]
    if etl_fraction is not None:
        if not (0.0 < etl_fraction < 1.0) or not all(sizes):
            raise UserError("--etl-fraction needs both --data and --etl, and a value between 0 and 1")
        cfg.source_sizes, cfg.mix = sizes, [1.0 - etl_fraction, etl_fraction]
    val_data = None
    if val is not None:
        vi, vl, vm = shards.load(shards.split_folder(val, "val"))
        if vm["classes"] != classes:
            raise UserError(f"--val {val} was prepared with other classes")
        val_data = (vi, vl)
    cfg.data = [*map(str, synthetic), *map(str, etl_dirs)]
    return train(cfg, list(classes), companions_for(classes), (images, labels), val_data)


def _resume_state(path: Path, classes: list[str], asked: ModelConfig) -> dict[str, Any]:
    """The checked state of the run in ``path``; it must be of these classes and this network."""
    state = load_torch_file(path)
    check_resumable(state, path)
    if state["classes"] != "".join(classes):
        raise UserError(f"{path} was trained on other classes; use a new --out")
    if "model_config" in state:
        kept = model_config(state, path)
        if kept != asked:
            widths = " ".join(map(str, kept.widths))
            raise UserError(
                f"{path}: this run was started with --widths {widths} --embed {kept.embed} --dropout {kept.dropout}; "
                "resume with those, or choose a new --out"
            )
    return state


# --- main loop -----------------------------------------------------------
def train(
    cfg: TrainConfig,
    classes: list[str],
    companions: dict[str, str],
    data: tuple[np.ndarray, np.ndarray],
    val: tuple[np.ndarray, np.ndarray] | None,
) -> Path:
    """Train on ``data`` = (images uint8, labels) and validate on ``val`` (or None)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    if world > 1:
        torch.distributed.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    device = pick_device(cfg.device)
    if device.type == "cuda" and world > 1:
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    out = Path(cfg.out)
    main_proc = rank == 0

    images, labels = data
    mcfg = ModelConfig(num_classes=len(classes), **cfg.model)
    model = KanjiNet(mcfg)
    ckpt_path = out / "last.pt"
    state = None
    if ckpt_path.exists():
        state = _resume_state(ckpt_path, classes, mcfg)
        load_weights(model, state, ckpt_path)
    elif cfg.init:
        init = load_torch_file(cfg.init)
        if checked_classes(init, cfg.init) != "".join(classes):
            raise UserError(f"--init {cfg.init} was trained on other classes than --data")
        load_weights(model, init, cfg.init)
    model = model.to(device).to(memory_format=torch.channels_last)  # type: ignore[call-overload]  # torch stubs
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    if state:
        try:
            opt.load_state_dict(state["optimizer"])
        except (ValueError, KeyError, TypeError, RuntimeError):
            raise not_ours(ckpt_path, "its optimizer state does not fit its network") from None
    ddp_model = (
        nn.parallel.DistributedDataParallel(model, device_ids=[device] if device.type == "cuda" else None)
        if world > 1
        else model
    )
    kept = state and state.get("train_config", {}).get("precision")
    if kept in ("fp32", "bf16", "fp16"):
        # A resumed run keeps the precision it started with, so its steps stay comparable.
        precision, why = kept, "kept from the run being resumed"
    else:
        precision, why = resolve_precision(cfg.precision, device)
    scaler = torch.amp.GradScaler(enabled=precision == "fp16")

    n = len(images)
    if cfg.batch_size < world or n < cfg.batch_size:
        raise UserError(
            f"--batch-size {cfg.batch_size} does not fit {n} training samples"
            + (f" on {world} processes" if world > 1 else "")
            + f"; use a batch size between {world} and {n}"
        )
    out.mkdir(parents=True, exist_ok=True)  # only now: a run that cannot start leaves nothing behind
    per_rank_bs = cfg.batch_size // world
    steps_per_epoch = n // cfg.batch_size
    total = max(1, int(cfg.epochs * steps_per_epoch))
    step = state["step"] if state else 0
    best: list[tuple[float, str]] = [tuple(b) for b in state.get("best", [])] if state else []
    resolved = {
        **asdict(cfg),
        "precision": precision,
        "precision_reason": why,
        "model": mcfg.to_dict(),
        "total_steps": total,
        "world_size": world,
    }
    if main_proc:
        atomic_write_text(out / "config.json", json.dumps(resolved, indent=1))
        tqdm.write(f"device {device}, precision {precision} ({why})", file=sys.stderr)  # stdout may be --json

    images_t = torch.from_numpy(images)
    labels_t = torch.from_numpy(labels)
    gen = torch.Generator().manual_seed(cfg.seed)
    if state and "rng" in state:
        # Restoring both RNG streams makes a resumed run repeat exactly the steps
        # an uninterrupted one would have taken (dropout and augmentation alike).
        torch.set_rng_state(state["rng"])
        gen.set_state(state["aug_rng"])
    eval_every = cfg.eval_every or steps_per_epoch
    # Only the main process logs; the others write to nowhere.
    log = open(out / "log.jsonl" if main_proc else os.devnull, "a", encoding="utf-8")
    bar = tqdm(total=total, initial=step, unit="step", desc="train", disable=not main_proc)
    t0, seen = time.time(), 0
    speed = _SpeedReport(start_step=step, total=total, images_per_step=cfg.batch_size)

    def checkpoint(extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "model": model.state_dict(),
            "optimizer": opt.state_dict(),
            "step": step,
            "classes": "".join(classes),
            "companions": companions,
            "model_config": mcfg.to_dict(),
            "train_config": resolved,
            "best": best,
            "rng": torch.get_rng_state(),
            "aug_rng": gen.get_state(),
            **(extra or {}),
        }

    order = None
    while step < total:
        epoch, pos = divmod(step, steps_per_epoch)
        if order is None or pos == 0:
            # The epoch's order depends only on (seed, epoch), so a resumed run
            # continues with exactly the batches it would have seen.
            order = epoch_order(n, epoch, cfg)
        idx = order[pos * cfg.batch_size : (pos + 1) * cfg.batch_size][rank::world][:per_rank_bs]
        x = to_input(images_t[idx], device)
        y = labels_t[idx].to(device)
        if cfg.augment:
            x = augment(x, gen)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, total, cfg)
        with autocast_for(device, precision):
            loss = F.cross_entropy(ddp_model(x), y, label_smoothing=cfg.label_smoothing)
        opt.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()  # type: ignore[no-untyped-call]
        scaler.step(opt)
        scaler.update()
        step += 1
        seen += len(idx) * world
        bar.update(1)
        if main_proc and (line := speed.after_step(step)):
            tqdm.write(line)
            log.write(json.dumps({"step": step, "speed": line}) + "\n")
        if main_proc and step % 50 == 0:
            rate = seen / (time.time() - t0)
            bar.set_postfix(loss=f"{loss.item():.3f}", img_s=f"{rate:.0f}")
            log.write(
                json.dumps(
                    {
                        "step": step,
                        "loss": round(loss.item(), 4),
                        "lr": opt.param_groups[0]["lr"],
                        "img_s": round(rate),
                    }
                )
                + "\n"
            )
            log.flush()
        if main_proc and val is not None and (step % eval_every == 0 or step == total):
            vi, vl = val
            acc = accuracy(model, vi[: cfg.val_limit], vl[: cfg.val_limit], device, precision)
            log.write(json.dumps({"step": step, "val_top1": round(acc, 3)}) + "\n")
            log.flush()
            tqdm.write(f"step {step}: validation top-1 {acc:.2f}%")
            name = f"best-{step:07d}.pt"
            best.append((acc, name))
            best.sort(key=lambda b: -b[0])
            if (acc, name) in best[: cfg.keep_best]:
                atomic_save(checkpoint({"val_top1": acc}), out / name)
            for _, old in best[cfg.keep_best :]:
                (out / old).unlink(missing_ok=True)
            best = best[: cfg.keep_best]
            _link_best(out / best[0][1], out / "best.pt")
        if main_proc and (step % cfg.ckpt_every == 0 or step == total):
            atomic_save(checkpoint(), ckpt_path)
    bar.close()
    if main_proc:
        atomic_save(checkpoint(), out / "final.pt")
        if not (out / "best.pt").exists():
            os.link(out / "final.pt", out / "best.pt")
        log.close()
    if world > 1:
        torch.distributed.destroy_process_group()
    return out / "best.pt"
