"""Recognise ink with a self-describing ONNX model (ONNX Runtime; no torch).

The model file carries everything needed to use it in its ONNX metadata
(``kanjipad.*`` keys): the class characters, small-kana companions, input size,
normalisation, name, version and training recipe. There is no separate labels
file to pair up by accident.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

# Candidate lives in a leaf; named here too for the code that imports it from here.
from kanjipad.candidate import Candidate as Candidate
from kanjipad.candidate import Ranker, small_first, top_k
from kanjipad.char_prior import WEIGHT, prior_vector
from kanjipad.devices import DEVICES
from kanjipad.errors import KanjiPadError
from kanjipad.ink import Ink, is_written
from kanjipad.lookalikes import groups_for, keep_together
from kanjipad.render import render

META_PREFIX = "kanjipad."
FORMAT_VERSION = 1
PROBS_OUTPUT = "probs"
#: Optional second output: L2-normalised features (what the pad learns from).
EMBEDDING_OUTPUT = "embedding"


#: The model path names no file (a model moved or deleted since it was chosen).
#: What to do about it is the caller's to say (the window: choose a model in Settings).
MODEL_MISSING = "Model file not found: {path}."
#: The model file (or its folder) cannot be read: ``why`` is the system's word (EACCES, EIO, ...).
MODEL_UNREADABLE = "{path}: the model cannot be read ({why})"


class ModelError(KanjiPadError):
    """A model that cannot be used; the message says what to do about it."""


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    name: str
    classes: str
    companions: dict[str, str]
    input_size: int
    ink_value: float
    background_value: float
    format_version: int
    recipe: dict[str, Any] = field(default_factory=dict)
    size_bytes: int = 0
    #: Width of the ``embedding`` output; 0 when the model has none (learning is then off).
    embedding_dim: int = 0
    #: How the weights are stored, e.g. {"weights": "int8-7bit", ...}; {} for older models.
    quantisation: dict[str, Any] = field(default_factory=dict)

    @property
    def class_count(self) -> int:
        """Characters the model can offer, small-kana companions included."""
        return len(self.classes) + len(self.companions)


def _parse_metadata(path: Path, meta: dict[str, str], output_width: int | None) -> ModelInfo:
    def need(key: str) -> str:
        if META_PREFIX + key not in meta:
            raise ModelError(
                f"{path.name} is an ONNX model but not a KanjiPad model: its metadata lacks "
                f"'{META_PREFIX}{key}'. Export models with 'kanjipad-train export'."
            )
        return meta[META_PREFIX + key]

    try:
        fmt = int(need("format_version"))
        classes = need("classes")
        companions = json.loads(meta.get(META_PREFIX + "companions", "{}"))
        size = int(need("input_size"))
        norm = json.loads(need("normalisation"))
        ink_value, bg_value = float(norm["ink"]), float(norm["background"])
        recipe = json.loads(meta.get(META_PREFIX + "recipe", "{}"))
        quantisation = json.loads(meta.get(META_PREFIX + "quantisation", "{}"))
        if not isinstance(companions, dict) or not isinstance(recipe, dict) or not isinstance(quantisation, dict):
            raise TypeError("companions, recipe and quantisation must be JSON objects")
        if not all(isinstance(v, str) and len(v) == 1 for v in companions.values()):
            raise TypeError("companions must map characters to characters")
    except RecursionError:
        raise ModelError(f"{path.name} has malformed KanjiPad metadata (nested too deeply); re-export it") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path.name} has malformed KanjiPad metadata ({exc}); re-export it") from None
    if fmt > FORMAT_VERSION:
        raise ModelError(
            f"{path.name} uses model format {fmt}; this KanjiPad reads up to {FORMAT_VERSION}. Update KanjiPad."
        )
    if not classes or len(set(classes)) != len(classes):
        raise ModelError(f"{path.name}: the class list in its metadata is empty or has duplicates")
    # A class is offered as a candidate and copied to the clipboard: it must be something written,
    # never a control, format or space character (NUL, ESC, U+202E, ...).
    unwritten = [c for c in [*classes, *companions.values()] if not is_written(c)]
    if unwritten:
        raise ModelError(
            f"{path.name}: its class list holds U+{ord(unwritten[0]):04X}, which is not a written character; "
            "re-export it with printable classes"
        )
    if output_width is not None and output_width != len(classes):
        raise ModelError(
            f"{path.name}: the network has {output_width} outputs but its metadata lists "
            f"{len(classes)} classes; the file is inconsistent, re-export it"
        )
    if not 8 <= size <= 512:
        raise ModelError(f"{path.name}: implausible input size {size} in its metadata")
    if not (math.isfinite(ink_value) and math.isfinite(bg_value)) or ink_value == bg_value:
        raise ModelError(
            f"{path.name}: its normalisation (ink {ink_value}, background {bg_value}) must be two different "
            "finite numbers; re-export it"
        )
    return ModelInfo(
        path=path,
        name=meta.get(META_PREFIX + "name", path.stem),
        classes=classes,
        companions={k: v for k, v in companions.items() if k in classes},
        input_size=size,
        ink_value=ink_value,
        background_value=bg_value,
        format_version=fmt,
        recipe=recipe,
        size_bytes=path.stat().st_size,
        quantisation=quantisation,
    )


def available_providers() -> list[str]:
    import onnxruntime as ort

    return list(ort.get_available_providers())


CUDA_MISSING = (
    "The GPU (CUDA) was chosen, but this installation's ONNX Runtime has no CUDA support; "
    "recognising on the CPU instead. To use the GPU, install onnxruntime-gpu in place of onnxruntime "
    "(see the README: requirements/gpu.txt)."
)


def usable_devices() -> list[str]:
    """The device choices this installation can honour (offered in Settings)."""
    have = available_providers()
    return [d for d in DEVICES if d != "cuda" or "CUDAExecutionProvider" in have]


def choose_providers(device: str) -> list[str]:
    """Execution providers to ask for: CUDA first when wanted and present, CPU always.

    CUDA asked for but absent is not an error: the CPU is used (see :data:`CUDA_MISSING`).
    """
    if device not in DEVICES:
        raise ValueError(f"device must be one of {DEVICES}, not {device!r}")
    if device in ("auto", "cuda") and "CUDAExecutionProvider" in available_providers():
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


class Recognizer:
    """Loads a KanjiPad ONNX model once and recognises ink with it."""

    def __init__(self, path: str | Path, device: str = "auto", threads: int = 1, prior_weight: float | None = None):
        path = Path(path)
        self.notice: str | None = None
        #: Weight of the character prior (:mod:`kanjipad.char_prior`) in every probability this
        #: returns; 0 gives the network's own. Its vector is built on first use (KANJIDIC is read).
        self.prior_weight = WEIGHT if prior_weight is None else prior_weight
        self._prior: np.ndarray | None = None
        try:
            self._load(path, device, threads)
        except OSError as exc:  # unreadable folder or file: EACCES, EIO, ...
            raise ModelError.of(MODEL_UNREADABLE, path=path, why=str(exc.strerror or exc)) from None

    def _load(self, path: Path, device: str, threads: int) -> None:
        import onnxruntime as ort

        if not path.is_file():
            raise ModelError.of(MODEL_MISSING, path=path)
        opts = ort.SessionOptions()
        # One thread: the network is small, and a second thread costs more in
        # synchronisation than it saves at batch size 1 (and keeps the UI thread free).
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(str(path), opts, providers=choose_providers(device))
        except ModelError:
            raise
        except Exception as exc:  # onnxruntime raises several private exception types
            raise ModelError(f"{path.name} could not be loaded as an ONNX model: {_first_line(exc)}") from None
        meta = self._session.get_modelmeta().custom_metadata_map
        outputs = {o.name: o for o in self._session.get_outputs()}
        inputs = self._session.get_inputs()
        if not outputs or len(inputs) != 1:
            raise ModelError(f"{path.name}: expected one input and a probabilities output; re-export it")
        probs = outputs.get(PROBS_OUTPUT) or self._session.get_outputs()[0]
        self._output_names = [probs.name]
        out_shape = probs.shape
        width = out_shape[-1] if out_shape and isinstance(out_shape[-1], int) else None
        info = _parse_metadata(path, dict(meta), width)
        emb = outputs.get(EMBEDDING_OUTPUT)
        if emb is not None and emb.shape and isinstance(emb.shape[-1], int) and len(emb.shape) == 2:
            self._output_names.append(emb.name)
            info = replace(info, embedding_dim=int(emb.shape[-1]))
        self.info = info
        #: Character → its output index (one map, shared with the memory's ranking).
        self.class_index = {c: i for i, c in enumerate(info.classes)}
        #: Look-alike groups among this model's classes (kanjipad.lookalikes), kept together in the candidates.
        self.lookalikes = groups_for([*info.classes, *info.companions.values()])
        inp = inputs[0]
        self._input_name = inp.name
        if len(inp.shape) != 4 or any(isinstance(d, int) and d != self.info.input_size for d in inp.shape[2:]):
            raise ModelError(f"{path.name}: input shape {inp.shape} does not match its metadata")
        self._check_output(path)
        #: The providers ONNX Runtime actually uses (it falls back to CPU silently).
        self.providers: list[str] = list(self._session.get_providers())
        # Something the user should know about how the model runs (e.g. CUDA fell back to the CPU).
        self.notice = CUDA_MISSING if device == "cuda" and self.provider != "CUDA" else None

    def _check_output(self, path: Path) -> None:
        """Run the model once on a blank image: its output must be one finite probability per class.

        A width the file declares may be dynamic or wrong; a model that would fail (or offer the
        wrong characters) at every stroke is refused at load with one clear message instead.
        """
        size = self.info.input_size
        blank = np.full((1, 1, size, size), self.info.background_value, np.float32)
        try:
            out = self._session.run(self._output_names, {self._input_name: blank})
        except Exception as exc:  # onnxruntime raises several private exception types
            raise ModelError(f"{path.name} fails on a blank image: {_first_line(exc)}") from None
        probs = out[0]
        if probs.ndim != 2 or probs.shape != (1, len(self.info.classes)):
            raise ModelError(
                f"{path.name}: the network gives {probs.shape[-1] if probs.ndim else 0} outputs but its metadata "
                f"lists {len(self.info.classes)} classes; the file is inconsistent, re-export it"
            )
        if not np.isfinite(probs).all():
            raise ModelError(f"{path.name} gives non-finite scores on a blank image; it is damaged, re-export it")

    @property
    def provider(self) -> str:
        return "CUDA" if self.providers and self.providers[0].startswith("CUDA") else "CPU"

    def preprocess(self, ink: Ink) -> np.ndarray:
        return self._to_input(render(ink, self.info.input_size))

    def _to_input(self, img: np.ndarray) -> np.ndarray:
        """A rendered image (ink 1, background 0) in the model's value range, as a batch of one."""
        return self.to_batch(img[None])

    def to_batch(self, images: np.ndarray) -> np.ndarray:
        """Rendered images ``(n, size, size)`` (ink 1, background 0) as the model's input batch."""
        if self.info.ink_value != 1.0 or self.info.background_value != 0.0:
            lo, hi = self.info.background_value, self.info.ink_value
            images = lo + images * (hi - lo)
        return images[:, None].astype(np.float32, copy=False)

    @property
    def has_embedding(self) -> bool:
        return self.info.embedding_dim > 0

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities for a float32 batch ``(n, 1, size, size)``, with the character prior."""
        return self._with_prior(self._session.run(self._output_names[:1], {self._input_name: batch})[0])

    def run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """Probabilities (with the prior) and (when the model has them) L2-normalised embeddings, in one call."""
        out = self._session.run(self._output_names, {self._input_name: batch})
        return self._with_prior(out[0]), (out[1] if len(out) > 1 else None)

    def _with_prior(self, probs: np.ndarray) -> np.ndarray:
        """``probs`` times the character prior, renormalised: common characters win close calls."""
        if not self.prior_weight:
            return probs
        if self._prior is None:
            self._prior = prior_vector(self.info.classes, self.prior_weight)
        out = probs * self._prior
        normed: np.ndarray = out / np.maximum(out.sum(axis=-1, keepdims=True), 1e-30)
        return normed

    def recognize(self, ink: Ink, k: int = 10, memory: Ranker | None = None) -> list[Candidate]:
        """The ``k`` most likely characters, best first; empty ink gives none.

        With ``memory`` (what the pad learned from this user, for this model) the
        classifier and the remembered samples rank the candidates together.
        """
        img = render(ink, self.info.input_size)
        if not img.any():  # no finite point to draw: empty ink
            return []
        if memory is None or not len(memory) or not self.has_embedding:
            probs = self.probabilities(self._to_input(img))[0]
            ranked = self.top_k(probs, k)
        else:
            batch, emb = self.run(self._to_input(img))
            assert emb is not None
            probs = batch[0]
            ranked = memory.rank(probs, emb[0], k)
        if small_in_cell(ink):
            ranked = small_first(ranked)
        if not self.lookalikes:
            return ranked
        index = self.class_index

        def score_of(char: str) -> float:
            i = index.get(char)
            return float(probs[i]) if i is not None else 0.0

        return keep_together(ranked, self.lookalikes, score_of, k)

    def top_k(self, probs: np.ndarray, k: int) -> list[Candidate]:
        """The ``k`` most likely of this model's classes (:func:`kanjipad.candidate.top_k`)."""
        return top_k(probs, self.info.classes, self.info.companions, k)


#: Ink whose longer side is under this share of its cell, with its top below ``SMALL_TOP`` of the
#: cell, is written small: ゃ rather than や (people write small kana about half size, low).
SMALL_SIZE = 0.6
SMALL_TOP = 0.3


def small_in_cell(ink: Ink) -> bool:
    """Whether ``ink`` is written small in the lower part of its cell (``ink.box``, from the canvas)."""
    bounds = ink.bounds()
    if ink.box is None or bounds is None:
        return False
    cell = min(ink.box)
    lo, hi = bounds
    return bool(float((hi - lo).max()) < SMALL_SIZE * cell and float(lo[1]) > SMALL_TOP * cell)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
