"""What the pad learned, as features of the current model, and how it changes the ranking.

Every sample in the user's memory (:mod:`kanjipad.memory`) is rendered and run
through the model once; its ``embedding`` (L2-normalised) is kept, cached on disk
per model hash, so a new model never mixes with features of an old one and an
unchanged model never recomputes. Recognition then scores each candidate as

    log p_classifier(c) + WEIGHT * max(0, (cos_c - THRESHOLD) / (1 - THRESHOLD))

where ``cos_c`` is the best cosine between the ink and the stored samples of ``c``.
Below the threshold the memory says nothing, so characters the user never taught
keep the classifier's order; a close match lifts a taught character to the top,
and a character the model does not know at all (a taught one) enters the list
through the same formula with the fixed prior ``log(UNKNOWN_PROB)`` in place of the
classifier's say. The constants were chosen on synthetic writers
(``bench/tune_memory.py``), not on the devsets: the best taught top-1 among settings
that cost at most one sample in 3,000 on others, because a real writer's cost came
out about twice the synthetic one (0.75/20 cost 0.10 points on synthetic others and
0.20 on the devset). Chosen: 0.75/12 (taught 94.5 % from 69.3 %, others −0.03) and
UNKNOWN_PROB 1e-3 (unknown characters taught with three samples: 96.5 %, others ±0;
1e-2 reads 99.3 % but costs 0.17).

An index is immutable: the pad builds a new one when the memory or the model
changes and hands it to the recognition thread in one assignment.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kanjipad.candidate import Candidate, top_k
from kanjipad.memory import Sample
from kanjipad.paths import atomic_write, file_sha256
from kanjipad.recognizer import Recognizer
from kanjipad.render import render

THRESHOLD = 0.75
WEIGHT = 12.0
FLOOR_PROB = 1e-6
#: The classifier's say for a character it does not know at all (a taught one): a fixed prior.
UNKNOWN_PROB = 1e-3
#: Candidates of the classifier considered beside the taught ones.
POOL = 50


def model_key(path: Path) -> str:
    """The model file's SHA-256 (first 16 hex digits): what cached features belong to."""
    return file_sha256(path)[:16]


@dataclass(frozen=True)
class Scoring:
    threshold: float = THRESHOLD
    weight: float = WEIGHT
    floor_prob: float = FLOOR_PROB
    unknown_prob: float = UNKNOWN_PROB

    def bonus(self, cos: np.ndarray) -> np.ndarray:
        return self.weight * np.maximum(0.0, (cos - self.threshold) / (1.0 - self.threshold))


class PrototypeIndex:
    """Embeddings of remembered samples for one model; ranks candidates with classifier and memory."""

    def __init__(
        self,
        recognizer: Recognizer,
        ids: Sequence[str],
        chars: Sequence[str],
        embeddings: np.ndarray,
        scoring: Scoring = Scoring(),
    ):
        self.recognizer = recognizer
        order = sorted(range(len(chars)), key=chars.__getitem__)  # stable: a character's samples keep their order
        self.ids = [ids[i] for i in order]
        #: The character of each row (rows of one character are contiguous).
        self.row_chars = [chars[i] for i in order]
        dim = recognizer.info.embedding_dim
        self.embeddings = np.ascontiguousarray(embeddings[order], dtype=np.float32).reshape(len(order), dim)
        # Rows of one character are contiguous: maximum.reduceat gives each character's best cosine.
        self.chars: list[str] = []
        starts: list[int] = []
        for i, c in enumerate(self.row_chars):
            if not self.chars or self.chars[-1] != c:
                self.chars.append(c)
                starts.append(i)
        self._starts = np.asarray(starts, dtype=np.intp)
        self.scoring = scoring
        class_index = recognizer.class_index
        self._char_class = np.array([class_index.get(c, -1) for c in self.chars], dtype=np.intp)

    def __len__(self) -> int:
        return len(self.ids)

    def best_cosines(self, embedding: np.ndarray) -> np.ndarray:
        """Per remembered character, the best cosine between ``embedding`` and its samples."""
        if not len(self.ids):
            return np.zeros(0, np.float32)
        sims = self.embeddings @ embedding.astype(np.float32, copy=False)
        return np.maximum.reduceat(sims, self._starts)

    def rank(self, probs: np.ndarray, embedding: np.ndarray, k: int = 10) -> list[Candidate]:
        """The ``k`` best candidates by classifier and memory together (companions as the recognizer gives them)."""
        rec = self.recognizer
        if not len(self.ids):
            return top_k(probs, rec.info.classes, rec.info.companions, k)
        cos = self.best_cosines(embedding)
        bonus = self.scoring.bonus(cos)
        floor, unknown = np.log(self.scoring.floor_prob), float(np.log(self.scoring.unknown_prob))
        pool = np.argpartition(-probs, min(POOL, len(probs) - 1))[:POOL]
        scores: dict[str, tuple[float, float, bool]] = {}  # char → (score, shown probability, from memory)
        for i, p in zip(pool.tolist(), np.log(np.maximum(probs[pool], 1e-30)).tolist(), strict=True):
            scores[rec.info.classes[i]] = (p, float(probs[i]), False)
        # Only characters close enough to earn a bonus are looked at (a handful, not every one remembered).
        for j in np.flatnonzero(bonus > 0).tolist():
            ci = int(self._char_class[j])
            p = float(probs[ci]) if ci >= 0 else 0.0
            base = max(float(np.log(max(p, 1e-30))), floor) if ci >= 0 else unknown
            scores[self.chars[j]] = (base + float(bonus[j]), p, True)
        best = sorted(scores.items(), key=lambda kv: -kv[1][0])
        out: list[Candidate] = []
        companions = rec.info.companions
        for c, (_s, p, learned) in best:
            out.append(Candidate(c, p, learned=learned))
            if c in companions:
                out.append(Candidate(companions[c], p, companion=True))
            if len(out) >= k:
                break
        return out[:k]


def embed_samples(recognizer: Recognizer, samples: Sequence[Sample], batch: int = 64) -> np.ndarray:
    """Embeddings of samples, rendered exactly as the pad renders ink; (n, dim) float32."""
    size = recognizer.info.input_size
    out = np.zeros((len(samples), recognizer.info.embedding_dim), np.float32)
    for i in range(0, len(samples), batch):
        chunk = samples[i : i + batch]
        x = recognizer.to_batch(np.stack([render(s.ink, size) for s in chunk]))
        _, emb = recognizer.run(x)
        assert emb is not None  # callers check has_embedding
        out[i : i + len(chunk)] = emb
    return out


#: Most samples a cache file may declare (far above a user's memory), and longest sample id.
MAX_CACHED = 1_000_000
MAX_ID_CHARS = 256


def npz_headers(path: Path) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    """Shape and dtype of each array in an ``.npz``, read from the headers alone (nothing decompressed
    beyond them), so a declared size can be checked before an array is read.

    Raises ValueError for a member that is not a plain ``.npy`` array (e.g. pickled objects), and
    OSError or zipfile.BadZipFile for a damaged file.
    """
    out: dict[str, tuple[tuple[int, ...], np.dtype]] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            with zf.open(name) as fh:
                version = np.lib.format.read_magic(fh)
                if version == (1, 0):
                    shape, _fortran, dtype = np.lib.format.read_array_header_1_0(fh)
                elif version == (2, 0):
                    shape, _fortran, dtype = np.lib.format.read_array_header_2_0(fh)
                else:
                    raise ValueError(f"{name}: npy format {version} not read")
            if dtype.hasobject:
                raise ValueError(f"{name}: holds Python objects")
            out[name.removesuffix(".npy")] = (tuple(shape), dtype)
    return out


def _read_cache(path: Path, dim: int) -> dict[str, np.ndarray]:
    """Cached features by sample id; those that are not unit vectors of ``dim`` finite numbers are left
    out (computed again). Any cache that cannot be read is empty: it is only a cache."""
    try:
        heads = npz_headers(path)
        (n,), ids_type = heads["ids"]
        if (
            not 0 <= n <= MAX_CACHED
            or ids_type.kind != "U"
            or ids_type.itemsize > 4 * MAX_ID_CHARS
            or heads["embeddings"] != ((n, dim), np.dtype("<f4"))
        ):
            return {}  # declared sizes checked before anything large is decompressed
        with np.load(path, allow_pickle=False) as z:
            ids, emb = z["ids"].tolist(), z["embeddings"]
    except Exception:
        return {}
    norms = np.linalg.norm(emb.astype(np.float64), axis=1) if len(emb) else np.zeros(0)
    good = np.isfinite(emb).all(axis=1) & (np.abs(norms - 1.0) < 1e-3)
    return {i: e for i, e, ok in zip(ids, emb, good, strict=True) if ok}


class PrototypeCache:
    """Embeddings per model hash on disk (``<cache>/<model key>.npz``), so only new samples are computed."""

    def __init__(self, folder: Path):
        self.folder = folder

    def build(
        self,
        recognizer: Recognizer,
        samples: Sequence[Sample],
        progress: Callable[[int, int], None] | None = None,
        scoring: Scoring = Scoring(),
    ) -> PrototypeIndex:
        key = model_key(recognizer.info.path)
        path = self.folder / f"{key}.npz"
        known = _read_cache(path, recognizer.info.embedding_dim) if path.exists() else {}
        missing = [s for s in samples if s.id not in known]
        for i in range(0, len(missing), 256):
            chunk = missing[i : i + 256]
            for s, e in zip(chunk, embed_samples(recognizer, chunk), strict=True):
                known[s.id] = e
            if progress:
                progress(min(i + 256, len(missing)), len(missing))
        ids = [s.id for s in samples]
        emb = np.stack([known[i] for i in ids]) if ids else np.zeros((0, recognizer.info.embedding_dim), np.float32)
        if missing or len(known) != len(ids):
            arrays = {"ids": np.asarray(ids, dtype=str), "embeddings": emb.astype(np.float32)}
            try:
                atomic_write(path, lambda fh: np.savez(fh, allow_pickle=False, **arrays))
            except OSError:
                pass  # no cache on a read-only disk: features are recomputed next time
        return PrototypeIndex(recognizer, ids, [s.char for s in samples], emb, scoring)

    def extend(self, index: PrototypeIndex, samples: Sequence[Sample]) -> PrototypeIndex:
        """A new index with ``samples`` added (one pick: one small ONNX call, no disk)."""
        emb = embed_samples(index.recognizer, samples)
        return PrototypeIndex(
            index.recognizer,
            [*index.ids, *(s.id for s in samples)],
            [*index.row_chars, *(s.char for s in samples)],
            np.concatenate([index.embeddings, emb]) if len(index.ids) else emb,
            index.scoring,
        )

    def without(self, index: PrototypeIndex, ids: set[str]) -> PrototypeIndex:
        """A new index without the given samples (undo a pick, delete a taught character)."""
        keep = [i for i, sid in enumerate(index.ids) if sid not in ids]
        return PrototypeIndex(
            index.recognizer,
            [index.ids[i] for i in keep],
            [index.row_chars[i] for i in keep],
            index.embeddings[keep],
            index.scoring,
        )
