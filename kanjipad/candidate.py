"""A candidate character and the ranking contract: the leaf that recognizer, look-alikes and memory share.

:func:`top_k` turns class probabilities into candidates (small-kana companions offered beside
their large forms); the recognizer, the prototype memory and the row reader all rank through it,
so none of them calls back into another to rank. :class:`Ranker` is what the recognizer asks of
a memory (:class:`kanjipad.prototypes.PrototypeIndex`) without importing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Candidate:
    char: str
    score: float
    #: True for a small kana offered beside its large form (not scored on its own).
    companion: bool = False
    #: True when the user's own samples (picked or taught) put it where it is.
    learned: bool = False


class Ranker(Protocol):
    """Ranks candidates from a classifier's probabilities and the ink's embedding (the user's memory)."""

    def __len__(self) -> int: ...

    def rank(self, probs: np.ndarray, embedding: np.ndarray, k: int = 10) -> list[Candidate]: ...


def top_k(probs: np.ndarray, classes: str, companions: Mapping[str, str], k: int) -> list[Candidate]:
    """The ``k`` most likely of ``classes`` by ``probs``, best first; a companion follows its large form."""
    order = best_first(probs, k)
    out: list[Candidate] = []
    # Plain Python numbers: indexing numpy scalars one by one cost 7 µs more at k=30.
    for i, p in zip(order.tolist(), probs[order].tolist(), strict=True):
        ch = classes[i]
        out.append(Candidate(ch, p))
        if ch in companions:
            out.append(Candidate(companions[ch], p, companion=True))
    return out[:k]


def best_first(probs: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest of ``probs`` ``(n,)`` (all ``n`` if fewer), largest first."""
    order = np.argpartition(-probs, min(k, len(probs) - 1))[:k]
    best: np.ndarray = order[np.argsort(-probs[order])]
    return best


def small_first(ranked: list[Candidate]) -> list[Candidate]:
    """Each small-kana companion moved before its large form (which keeps the companion's place)."""
    out = list(ranked)
    for i in range(len(out) - 1):
        if out[i + 1].companion and not out[i].companion:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out
