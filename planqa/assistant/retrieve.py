"""Hybrid retrieval: dense (Chroma, per passage) + lexical (BM25 over jieba words and bigrams).

A chunk's dense score is the best cosine of its passages (title line and sentences). Both lists
are scaled to [0, 1] within the query (dense: min-max over the candidate pool; lexical: by the
best BM25 score) and added with equal weight, the lexical part multiplied by how much of the
question the plan's vocabulary covers: an English question shares almost no terms with a
Chinese plan, and its few accidental matches must not drown the dense list.
"""

from dataclasses import dataclass, field
from typing import Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from planqa.errors import PlanqaError
from planqa.index.build import check_embedder
from planqa.index.chunk import Chunk, passages
from planqa.index.lexical import BM25Index
from planqa.index.store import PlanEntry, PlanStore

Mode = Literal["hybrid", "dense", "lexical"]
DENSE_WEIGHT = 0.5
DENSE_POOL = 120  # passages asked from Chroma per question (a seed task has about 5)
LEXICAL_POOL = 100  # best BM25 chunks that take part in the fusion


class UnknownPlan(PlanqaError):
    """A plan id that is not indexed (the API maps this to 404)."""


class IndexDamaged(PlanqaError):
    """The registry names chunks that the vector collection does not have."""


@dataclass(frozen=True)
class Scored:
    chunk: Chunk
    score: float  # fused, 0 … 1; higher is better
    dense: float | None = None  # best cosine similarity of the chunk's passages
    lexical: float | None = None  # BM25
    best_passages: tuple[str, ...] = ()  # the chunk's sentences nearest the question, best first
    matched: frozenset[str] = field(default_factory=frozenset)  # lexical terms found


class HybridSearch:
    """Search over the active chunks of every registered plan; ``reload`` after re-indexing."""

    def __init__(self, store: PlanStore, mode: Mode = "hybrid"):
        self.store = store
        self.mode = mode  # the default for ``search`` (evaluations compare the three)
        self.reload()

    def reload(self) -> None:
        check_embedder(self.store)
        entries = self.store.entries()
        self.entries: dict[str, PlanEntry] = {e.plan.plan_id: e for e in entries}
        ids = [i for e in entries for i in e.chunk_ids]
        self.chunks = self.store.load_chunks(ids)
        if len(self.chunks) != len(ids):
            raise IndexDamaged(
                f"索引不完整：登记了 {len(ids)} 块，向量库里只有 {len(self.chunks)} 块。"
                "请运行 planqa index --rebuild 重建索引"
            )
        self.by_id = {c.id: c for c in self.chunks}
        self.active_records = {p.id for c in self.chunks for p in passages(c)}
        self.bm25 = BM25Index([c.text for c in self.chunks])
        self.plan_docs: dict[str, set[int]] = {}
        for i, c in enumerate(self.chunks):
            self.plan_docs.setdefault(c.plan, set()).add(i)
        self.plan_text = {
            plan: "\n".join(self.chunks[i].text for i in sorted(docs))
            for plan, docs in self.plan_docs.items()
        }
        # Records of a run killed before its commit sit in the collection but do not answer.
        self.inactive = {
            plan: len(self.store.plan_record_ids(plan) - self.active_records)
            for plan in self.entries
        }

    def plan_ids(self, plan: str | None) -> list[str]:
        if plan is None:
            return list(self.entries)
        if plan not in self.entries:
            known = "、".join(self.entries) or "（无）"
            raise UnknownPlan(f"没有这个计划：{plan}。已索引的计划：{known}")
        return [plan]

    def search(self, question: str, k: int = 5, plan: str | None = None,
               mode: Mode | None = None) -> list[Scored]:
        mode = mode or self.mode
        plans = self.plan_ids(plan)
        if not plans:
            return []
        dense = self._dense(question, plans) if mode != "lexical" else {}
        lexical = self._lexical(question, plans) if mode != "dense" else {}
        if mode == "hybrid":
            dense_w = DENSE_WEIGHT
            lexical_w = (1 - DENSE_WEIGHT) * self.bm25.query_coverage(question)
        else:
            dense_w, lexical_w = (1.0, 0.0) if mode == "dense" else (0.0, 1.0)
        sims = [d[0] for d in dense.values()]
        lo, hi = (min(sims), max(sims)) if sims else (0.0, 0.0)
        top_bm25 = max((h.score for h in lexical.values()), default=0.0)
        scored = []
        for cid in dense.keys() | lexical.keys():
            sim, best = dense.get(cid, (None, ()))
            hit = lexical.get(cid)
            score = 0.0
            if sim is not None:
                score += dense_w * ((sim - lo) / (hi - lo) if hi > lo else 1.0)
            if hit is not None:
                score += lexical_w * hit.score / top_bm25
            scored.append(Scored(self.by_id[cid], score, sim, hit.score if hit else None,
                                 best, hit.matched if hit else frozenset()))
        scored.sort(key=lambda s: (-s.score, -(s.dense or 0.0)))
        return scored[:k]

    def _dense(self, question: str, plans: list[str]) -> dict[str, tuple[float, tuple[str, ...]]]:
        """chunk id → (best passage similarity, its sentences best first)."""
        vector = self.store.embedder.embed_query(question)
        n = DENSE_POOL + sum(self.inactive[p] for p in plans)
        # Asking for every plan needs no filter, and Chroma is ten times faster without one.
        every = len(plans) == len(self.entries)
        found: dict[str, list] = {}
        for hit in self.store.dense_search(vector, n, None if every else plans):
            if hit.record_id in self.active_records:
                found.setdefault(hit.chunk_id, []).append(hit)
        return {
            cid: (hits[0].similarity, tuple(h.text for h in hits if h.record_id != cid))
            for cid, hits in found.items()
        }

    def _lexical(self, question: str, plans: list[str]):
        allowed = None
        if len(plans) < len(self.entries):
            allowed = set().union(*(self.plan_docs.get(p, set()) for p in plans))
        return {self.chunks[h.index].id: h
                for h in self.bm25.search(question, LEXICAL_POOL, allowed)}


class PlanRetriever(BaseRetriever):
    """LangChain face of ``HybridSearch``: Documents whose metadata carry the scores."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    search: HybridSearch
    k: int = 5
    plan: str | None = None
    mode: Mode | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                id=s.chunk.id,
                page_content=s.chunk.text,
                metadata={
                    "plan": s.chunk.plan, "unit": s.chunk.unit, "task": s.chunk.task_number,
                    "section": s.chunk.section_number, "title": s.chunk.task_title or s.chunk.section_title,
                    "score": s.score, "dense": s.dense, "lexical": s.lexical,
                    "passages": list(s.best_passages),
                },
            )
            for s in self.search.search(query, self.k, self.plan, self.mode)
        ]
