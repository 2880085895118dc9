"""Export a checkpoint to self-describing ONNX models (fp32 and int8) and check them.

The graph has two outputs: ``probs`` (softmax over the classes) and ``embedding``
(the L2-normalised features that feed the classifier, for prototype matching).
Metadata keys (``kanjipad.*``) carry classes, companions, input size,
normalisation, name, version, the embedding, the quantisation and the training
recipe. The int8 variant uses static per-channel QDQ quantisation calibrated on
real renders of the training data, in a scheme that cannot saturate on CPUs
without VNNI (see :data:`QUANT_SCHEME`). Every export is checked: ONNX Runtime's
outputs must match torch's on rendered samples, and the int8 weights must pass
:func:`kanjipad_trainer.quant_check.saturation_risks`.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import torch
from torch import nn

from kanjipad.paths import atomic_write
from kanjipad.recognizer import EMBEDDING_OUTPUT, FORMAT_VERSION, META_PREFIX, PROBS_OUTPUT, Recognizer
from kanjipad.render import INPUT_SIZE
from kanjipad_trainer.checkpoint import build_model, load_torch_file, not_ours, require_keys
from kanjipad_trainer.config import QUANT_SCHEME, QUANT_SCHEMES
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.model import KanjiNet
from kanjipad_trainer.quant_check import saturation_risks

OPSET = 17


# The schemes and the default one are stated in kanjipad_trainer.config (read without torch for --help).


class _ExportHead(nn.Module):
    """The network as the app runs it: class probabilities and the normalised embedding."""

    def __init__(self, net: KanjiNet):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        feats = self.net.embed(x)
        probs = torch.softmax(self.net.head(feats).float(), dim=1)
        return probs, nn.functional.normalize(feats.float(), dim=1)


def load_checkpoint(path: Path) -> tuple[KanjiNet, dict[str, Any]]:
    """A checkpoint (``best.pt``, ``last.pt``) or fine-tuning weights (``weights.pt``) as an fp32 network.

    Raises CheckpointError naming ``path`` when it is damaged or not a kanjipad-train checkpoint.
    """
    state = load_torch_file(path)
    require_keys(state, ("model", "model_config", "classes"), path)
    companions = state.get("companions", {})
    if not isinstance(companions, dict) or not all(isinstance(v, str) for v in companions.values()):
        raise not_ours(path, "companions is not a mapping of characters")
    if not isinstance(state.get("train_config", {}), dict):
        raise not_ours(path, "train_config is not a mapping")
    model = build_model(state, path)
    model.eval()
    return model, state


def _metadata(state: dict[str, Any], name: str) -> dict[str, str]:
    recipe = {k: v for k, v in state.get("train_config", {}).items() if k not in ("data", "val", "out")}
    return {
        "format_version": str(FORMAT_VERSION),
        "name": name,
        "classes": state["classes"],
        "companions": json.dumps(state.get("companions", {}), ensure_ascii=False),
        "input_size": str(INPUT_SIZE),
        "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
        "embedding": json.dumps(
            {"output": EMBEDDING_OUTPUT, "dim": state["model_config"]["embed"], "normalisation": "l2"}
        ),
        "quantisation": json.dumps({"weights": "fp32"}),
        "recipe": json.dumps(recipe, ensure_ascii=False),
        "trainer": "kanjipad-train",
    }


def _set_metadata(path: Path, meta: dict[str, str]) -> None:
    model = onnx.load(str(path))
    del model.metadata_props[:]
    for k, v in meta.items():
        p = model.metadata_props.add()
        p.key, p.value = META_PREFIX + k, v
    onnx.checker.check_model(model)
    _atomic_onnx_save(model, path)


def _atomic_onnx_save(model: onnx.ModelProto, path: Path) -> None:
    atomic_write(path, lambda fh: fh.write(model.SerializeToString()))


def export_fp32(model: KanjiNet, state: dict[str, Any], out: Path, name: str) -> Path:
    wrapped = _ExportHead(model).eval()
    dummy = torch.zeros(1, 1, INPUT_SIZE, INPUT_SIZE)
    with tempfile.TemporaryDirectory() as tmpdir:
        raw = Path(tmpdir) / "raw.onnx"
        with warnings.catch_warnings():
            # The TorchScript exporter is chosen on purpose (dynamo=False): the dynamo one needs onnxscript and gives
            # another graph than the one the int8 calibration and the export agreement check were built on. Its
            # deprecation notices (the exporter's and its internals') are torch's roadmap, not news for the user.
            warnings.simplefilter("ignore", DeprecationWarning)
            torch.onnx.export(
                wrapped,
                (dummy,),
                str(raw),
                input_names=["image"],
                output_names=[PROBS_OUTPUT, EMBEDDING_OUTPUT],
                opset_version=OPSET,
                dynamo=False,
                dynamic_axes={"image": {0: "batch"}, PROBS_OUTPUT: {0: "batch"}, EMBEDDING_OUTPUT: {0: "batch"}},
            )
        _set_metadata(raw, _metadata(state, name))
        atomic_write(out, lambda fh: fh.write(raw.read_bytes()))  # the temp dir may be another file system
    return out


def export_int8(fp32_path: Path, out: Path, calibration: np.ndarray, scheme: str = QUANT_SCHEME) -> Path:
    """Static QDQ quantisation (per-channel weights), calibrated on ``calibration`` images.

    Refuses to write a model whose integer weights could saturate on a CPU without VNNI.
    """
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    spec = QUANT_SCHEMES[scheme]

    class Reader(CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self.batches = iter(calibration[i : i + 32] for i in range(0, len(calibration), 32))

        def get_next(self) -> dict[str, np.ndarray] | None:
            b = next(self.batches, None)
            return None if b is None else {"image": b.astype(np.float32)}

    with tempfile.TemporaryDirectory() as tmpdir:
        pre = Path(tmpdir) / "pre.onnx"
        quant_pre_process(str(fp32_path), str(pre), skip_symbolic_shape=True)
        q = Path(tmpdir) / "q.onnx"
        quantize_static(
            str(pre),
            str(q),
            Reader(),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            weight_type=getattr(QuantType, spec.weight_type),
            activation_type=QuantType.QUInt8,
            reduce_range=spec.reduce_range,
            # Logits and probabilities stay float: quantised to uint8, every
            # probability under ~0.002 becomes 0 and the tail of the top-10 is a tie
            # broken by class order, i.e. junk candidates. The embedding's
            # normalisation (ReduceL2, Div) is not quantised either.
            extra_options={"OpTypesToExcludeOutputQuantization": ["Gemm", "Softmax"]},
            op_types_to_quantize=["Conv", "Gemm", "MatMul", "Relu", "MaxPool", "GlobalAveragePool", "Flatten"],
        )
        risks = saturation_risks(q)
        if risks:
            raise RuntimeError(f"the {scheme} export could saturate without VNNI: {risks[0]}")
        meta = {p.key[len(META_PREFIX) :]: p.value for p in onnx.load(str(fp32_path)).metadata_props}
        meta["name"] = meta.get("name", "model") + "-int8"
        meta["quantisation"] = json.dumps({"weights": scheme, "activations": "uint8", "per_channel": True})
        _set_metadata(q, meta)
        atomic_write(out, lambda fh: fh.write(q.read_bytes()))
    return out


def export_all(
    model: KanjiNet,
    state: dict[str, Any],
    out: Path,
    name: str,
    calibration: np.ndarray,
    check: np.ndarray,
    scheme: str = QUANT_SCHEME,
) -> dict[str, Any]:
    """``model.fp32.onnx``, ``model.int8.onnx`` and ``weights.pt`` in ``out``, each ONNX checked against torch.

    ``calibration`` and ``check`` are uint8 images (ink 255). Returns, per ONNX file,
    its size and its agreement with torch on ``check``.
    """
    from kanjipad_trainer.base_model import save_weights

    out.mkdir(parents=True, exist_ok=True)
    fp32 = export_fp32(model, state, out / "model.fp32.onnx", name)
    int8 = export_int8(fp32, out / "model.int8.onnx", calibration.astype(np.float32)[:, None] / 255.0, scheme)
    save_weights(state, [fp32, int8], out / "weights.pt")  # so `finetune --base` works on this export
    x = check.astype(np.float32) / 255.0
    return {p.name: {"path": str(p), "bytes": p.stat().st_size, **check_agreement(model, p, x)} for p in (fp32, int8)}


def check_agreement(model: KanjiNet, onnx_path: Path, images: np.ndarray) -> dict[str, float]:
    """Compare ONNX Runtime and torch (fp32) on the same rendered images: probabilities and embeddings."""
    rec = Recognizer(onnx_path, device="cpu", prior_weight=0)  # the network alone, as torch computes it
    x = images.astype(np.float32)[:, None]
    with torch.no_grad():
        ref_probs, ref_emb = (t.numpy() for t in _ExportHead(model).eval()(torch.from_numpy(x)))
    got = [rec.run(x[i : i + 64]) for i in range(0, len(x), 64)]
    probs = np.concatenate([g[0] for g in got])
    emb = np.concatenate([g[1] for g in got])
    return {
        "max_abs_diff": float(np.abs(ref_probs - probs).max()),
        "top1_agreement": float((ref_probs.argmax(1) == probs.argmax(1)).mean() * 100),
        "embedding_cosine_min": float((ref_emb * emb).sum(1).min()),
    }


def check_export(report: dict[str, dict[str, Any]], where: Path | str) -> None:
    """Refuse an export whose fp32 ONNX model disagrees with torch (``report`` from :func:`export_all`)."""
    fp32 = report["model.fp32.onnx"]
    if fp32["top1_agreement"] < 99.9 or fp32["max_abs_diff"] > 1e-3:
        raise UserError(
            f"{where}: the fp32 ONNX model disagrees with torch ({fp32}); the export is broken, do not ship it"
        )
