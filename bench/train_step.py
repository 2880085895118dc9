"""Seconds per training step of the standard network in fp32 and in bf16 autocast, on this CPU.

Decides whether bf16 pays off here; ``kanjipad-train train --precision auto`` makes
the same choice from the CPU's features (native bf16 or not). Prints the CPU, the
median step time of each precision and their ratio.

    python bench/train_step.py [--steps 8] [--batch-size 256] [--threads 2]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch
import torch.nn.functional as F

from kanjipad.cpuinfo import cpu_features
from kanjipad.render import INPUT_SIZE
from kanjipad_trainer.model import KanjiNet, ModelConfig
from kanjipad_trainer.train import autocast_for, native_cpu_bf16


def step_times(precision: str, steps: int, batch: int) -> list[float]:
    torch.manual_seed(0)
    model = KanjiNet(ModelConfig(num_classes=3154, widths=(32, 48, 96, 192)))
    model = model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]  # torch stubs
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x = torch.rand(batch, 1, INPUT_SIZE, INPUT_SIZE).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 3154, (batch,))
    times = []
    for i in range(steps + 2):
        t = time.perf_counter()
        with autocast_for(torch.device("cpu"), precision):
            loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if i >= 2:  # the first steps choose kernels
            times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"CPU: {cpu_features()} native bf16 (torch): {native_cpu_bf16()}")
    med = {}
    for precision in ("fp32", "bf16"):
        t = step_times(precision, args.steps, args.batch_size)
        med[precision] = float(np.median(t))
        print(f"{precision}: median {med[precision]:.3f} s/step, {args.batch_size / med[precision]:.0f} img/s")
    print(f"bf16 / fp32 step time: {med['bf16'] / med['fp32']:.2f}")


if __name__ == "__main__":
    main()
