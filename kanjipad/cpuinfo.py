"""What the CPU can do fast: the features that decide int8 and bf16 speed.

Two results from two machines are only comparable when they say which CPU they
came from; int8 models read alike on every CPU (see ``kanjipad_trainer.quant_check``) but
run at different speeds, and bf16 training is fast only with native bf16.
"""

from __future__ import annotations

import functools
import platform
from pathlib import Path

_VNNI = ("avx512_vnni", "avx_vnni")
_BF16 = ("avx512_bf16", "amx_bf16")


@functools.cache
def _cpuinfo() -> tuple[str, frozenset[str]]:
    """(model name, flags) from /proc/cpuinfo; ('', {}) where there is none (not Linux)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "", frozenset()
    model, flags = "", frozenset[str]()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and not model:
            model = value.strip()
        elif key in ("flags", "Features") and not flags:
            flags = frozenset(value.split())
    return model, flags


def cpu_features() -> dict[str, object]:
    """``{"cpu": name, "vnni": bool|None, "bf16": bool|None}``; None means unknown on this OS."""
    model, flags = _cpuinfo()
    known = bool(flags)
    return {
        "cpu": model or platform.processor() or platform.machine(),
        "vnni": any(f in flags for f in _VNNI) if known else None,
        "bf16": any(f in flags for f in _BF16) if known else None,
    }
