"""Near-duplicate articles (wire copies, syndication) by MinHash over word shingles.

The signatures come from datasketch; the banding (how many bands of how many rows for a
Jaccard threshold) is datasketch's ``MinHashLSH`` optimum too. What is ours is where the
band keys live: in the store's ``lsh_bands`` table rather than in a dict in memory, so
that an ingest of the ten-millionth article needs no more memory than one of the first,
and so that later ingests see every article stored before them.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Params:
    """What a signature was made with: every article in one store must share these."""

    num_perm: int = 128
    shingle: int = 5  # words per shingle: long enough that shared phrasing alone is not a match
    threshold: float = 0.8  # estimated Jaccard at or above which an article is a copy
    seed: int = 1

    def as_meta(self) -> dict[str, str]:
        return {"minhash_num_perm": str(self.num_perm), "minhash_shingle": str(self.shingle),
                "minhash_threshold": str(self.threshold), "minhash_seed": str(self.seed)}

    @classmethod
    def from_meta(cls, meta: dict[str, str]) -> "Params | None":
        try:
            return cls(int(meta["minhash_num_perm"]), int(meta["minhash_shingle"]),
                       float(meta["minhash_threshold"]), int(meta["minhash_seed"]))
        except KeyError:
            return None


def shingles(text: str, k: int) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


class Sketcher:
    """Signatures and LSH band keys under one set of ``Params``."""

    def __init__(self, params: Params = Params()) -> None:
        self.params = params
        lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
        self.bands: list[tuple[int, int]] = list(lsh.hashranges)
        # Permutations are drawn once; copying them into every MinHash is far cheaper than redrawing.
        self._template = MinHash(num_perm=params.num_perm, seed=params.seed)

    def signature(self, text: str) -> np.ndarray:
        m = self._template.copy()
        m.update_batch(list(shingles(text, self.params.shingle)))
        # datasketch keeps hash values below 2**32 in a uint64 array: half the bytes suffice on disk.
        return m.hashvalues.astype(np.uint32)

    def band_keys(self, sig: np.ndarray) -> list[tuple[int, int]]:
        """(band, key) pairs: two articles are LSH candidates when any pair is equal."""
        return [(b, int.from_bytes(hashlib.blake2b(sig[s:e].tobytes(), digest_size=8).digest(), "little"))
                for b, (s, e) in enumerate(self.bands)]

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(a == b)) / len(a)

    @staticmethod
    def to_bytes(sig: np.ndarray) -> bytes:
        return sig.astype("<u4").tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4").astype(np.uint32)
