"""Static check that an int8 ONNX model reads the same on every x86 CPU.

Without VNNI (Intel before Ice Lake / Alder Lake, AMD before Zen 4), ONNX Runtime
multiplies uint8 activations by int8 weights with ``vpmaddubsw``, which adds two
products in int16 and saturates: 2 × 255 × 127 = 64,770 > 32,767. With weights in
[-64, 64] the largest pair sum is 2 × 255 × 64 = 32,640, which fits; uint8 × uint8
models take another kernel that has no pair-sum step. A model that passes this
check cannot saturate on any CPU, whatever the machine that runs the check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

#: Largest |int8 weight| whose pair sums with uint8 activations fit in int16.
SAFE_INT8_WEIGHT = 64
# Which input of each operator is the weight, for QDQ graphs (weight fed by a
# DequantizeLinear) and for operator-format graphs (the weight is a direct input).
_QDQ_WEIGHT_INPUT = {"Conv": 1, "ConvTranspose": 1, "Gemm": 1, "MatMul": 1}
_QOP_WEIGHT_INPUT = {"QLinearConv": 3, "QLinearMatMul": 3, "ConvInteger": 1, "MatMulInteger": 1}


def saturation_risks(model: Path | onnx.ModelProto) -> list[str]:
    """One line per integer weight tensor that could saturate int16 pair sums; empty when safe."""
    m = onnx.load(str(model)) if isinstance(model, Path | str) else model
    inits = {t.name: t for t in m.graph.initializer}
    producer = {out: n for n in m.graph.node for out in n.output}
    problems = []
    for node in m.graph.node:
        weight_name = None
        if node.op_type in _QOP_WEIGHT_INPUT and len(node.input) > _QOP_WEIGHT_INPUT[node.op_type]:
            weight_name = node.input[_QOP_WEIGHT_INPUT[node.op_type]]
        elif node.op_type in _QDQ_WEIGHT_INPUT and len(node.input) > _QDQ_WEIGHT_INPUT[node.op_type]:
            dq = producer.get(node.input[_QDQ_WEIGHT_INPUT[node.op_type]])
            if dq is not None and dq.op_type == "DequantizeLinear":
                weight_name = dq.input[0]
        if weight_name is None or weight_name not in inits:
            continue  # a float weight, or one computed at run time: no integer product
        w = numpy_helper.to_array(inits[weight_name])
        if w.dtype == np.int8:
            peak = int(np.abs(w.astype(np.int16)).max()) if w.size else 0
            if peak > SAFE_INT8_WEIGHT:
                problems.append(
                    f"{node.op_type} {node.name or node.output[0]}: int8 weights reach ±{peak} (> {SAFE_INT8_WEIGHT}); "
                    "uint8×int8 pair sums can saturate int16 on CPUs without VNNI"
                )
        elif w.dtype != np.uint8:
            problems.append(f"{node.op_type} {node.name or node.output[0]}: {w.dtype} weights; expected int8 or uint8")
    return problems


def integer_weight_count(model: Path | onnx.ModelProto) -> int:
    """How many weight tensors are integer: zero means the model is not quantised at all."""
    m = onnx.load(str(model)) if isinstance(model, Path | str) else model
    return sum(
        1 for t in m.graph.initializer if t.data_type in (onnx.TensorProto.INT8, onnx.TensorProto.UINT8) and len(t.dims)
    )
