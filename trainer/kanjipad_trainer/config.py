"""Training and model configuration: every default stated once, here, without importing torch.

``kanjipad-train``'s arguments take their defaults from these dataclasses, the
resolved values are written to ``config.json`` in the run folder, and checkpoints
carry them, so a run can always be repeated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ModelConfig:
    num_classes: int
    widths: tuple[int, ...] = (32, 48, 96, 192)
    embed: int = 384
    dropout: float = 0.2

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TrainConfig:
    data: list[str]
    val: str | None
    out: str
    epochs: float = 3.0
    batch_size: int = 256
    lr: float = 3e-3
    weight_decay: float = 0.05
    warmup_steps: int = 300
    label_smoothing: float = 0.1
    augment: bool = True
    ckpt_every: int = 500
    keep_best: int = 2
    eval_every: int = 0  # steps; 0 = once per epoch
    val_limit: int = 20000
    seed: int = 0
    threads: int = 0
    device: str = "auto"
    precision: str = "auto"  # auto, fp32, bf16 (CUDA: auto picks bf16 or fp16)
    init: str | None = None  # fine-tune from this checkpoint
    # Several data sources (e.g. synthetic + ETL), concatenated in this order, each
    # drawn with the given share of every epoch. None: one plain shuffle of all data.
    source_sizes: list[int] | None = None
    mix: list[float] | None = None
    model: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FinetuneConfig:
    """Fine-tuning starts from a trained model: a smaller learning rate and batch, and a little replay."""

    epochs: float = 3.0
    lr: float = 5e-4
    batch_size: int = 128
    replay_per_class: int = 2  # synthetic samples per class mixed in against forgetting
    new_share: float = 0.5  # share of each epoch drawn from the new data
    seed: int = 0
    name: str = "kanjipad-finetuned"
    device: str = "auto"
    precision: str = "auto"
    threads: int = 0
    workers: int | None = None  # processes making the replay shards; None: one per CPU
    warmup_steps: int = 20  # a trained model needs little warm-up
    ckpt_every: int = 200  # steps


#: The defaults (``kanjipad-train finetune``'s arguments take theirs from here).
FINETUNE = FinetuneConfig()


@dataclass(frozen=True)
class WriterSplit:
    """ETL's writer-disjoint split: the share of writers held out for validation and the seed that picks them."""

    val_fraction: float = 0.1
    seed: int = 0


#: etl-prepare's split, and the one evaluate --etl assumes for raw files.
WRITER_SPLIT = WriterSplit()


@dataclass(frozen=True)
class QuantScheme:
    """How an export quantises its weights (activations are always uint8)."""

    weight_type: str  # an onnxruntime.quantization.QuantType name
    reduce_range: bool


#: Quantisation schemes measured for the shipped model (docs/BENCHMARKS.md, "Same accuracy on every CPU").
#: Both keep every uint8 × weight pair sum inside int16, so no CPU saturates:
#: ``int8-7bit``: int8 weights limited to [-64, 64] (``reduce_range``), uint8 activations;
#: ``uint8``: uint8 weights and activations (ONNX Runtime's u8u8 kernels).
QUANT_SCHEMES: dict[str, QuantScheme] = {
    "int8-7bit": QuantScheme(weight_type="QInt8", reduce_range=True),
    "uint8": QuantScheme(weight_type="QUInt8", reduce_range=False),
}
#: The scheme exports use. Chosen on the devset and latency measured on this project's
#: CPUs: 7-bit weights read the tomoe devset as well as fp32 and run as fast as the old
#: full-range int8, and the check (|w| ≤ 64) is a plain bound on the stored weights.
QUANT_SCHEME = "int8-7bit"
