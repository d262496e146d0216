"""Test doubles that subclass the real interfaces."""

import hashlib
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planqa.assistant.chain import Assistant
from planqa.assistant.retrieve import HybridSearch
from planqa.index.build import index_files
from planqa.index.embed import PlanqaEmbeddings
from planqa.index.store import PlanStore, close_client, open_client


class HashEmbeddings(PlanqaEmbeddings):
    """Deterministic bag-of-bigrams vectors: fast, offline, similar texts get similar vectors.

    Counts every embedded text, so tests can tell what was embedded again."""

    def __init__(self, name: str = "fake-hash", dim: int = 64):
        self.name, self.dim = name, dim
        self.embedded: list[str] = []

    @property
    def id(self) -> str:
        return f"test:{self.name}"

    @property
    def dimension(self) -> int:
        return self.dim

    def _vector(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        grams = [text[i : i + 2] for i in range(len(text) - 1)] or [text]
        for g in grams:
            v[int(hashlib.md5(g.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += texts
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


@contextmanager
def hash_assistant(home: Path, paths: Iterable[Path]) -> Iterator[Assistant]:
    """An Assistant over the plans at ``paths``, indexed with HashEmbeddings in an embedded
    Chroma at ``home`` (closed afterwards): the answering path without a model."""
    client = open_client(home)
    try:
        store = PlanStore(client, HashEmbeddings())
        index_files(store, list(paths))
        yield Assistant(HybridSearch(store))
    finally:
        close_client(client)
