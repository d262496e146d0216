"""Hybrid retrieval: dense (Chroma, per passage) + lexical (BM25 over jieba words and bigrams).

A chunk's dense score is the best cosine of its passages (title line and sentences). Both lists
are scaled to [0, 1] within the query (dense: min-max over the candidate pool; lexical: by the
best BM25 score) and added with the weight fitted for the embedder (calibration.py), the lexical
part multiplied by how much of the question the plan's vocabulary covers: an English question shares almost no terms with a
Chinese plan, and its few accidental matches must not drown the dense list.
"""

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from planqa.assistant.calibration import Calibration, load_calibration
from planqa.errors import IndexDamaged, UnknownPlan
from planqa.index.build import check_embedder
from planqa.index.chunk import Chunk, passages
from planqa.index.glossary import Expansion, Glossary
from planqa.index.lexical import BM25Index, LexicalHit
from planqa.index.store import PlanEntry, PlanStore

Mode = Literal["hybrid", "dense", "lexical"]
DENSE_POOL = 120  # passages asked from Chroma per question (a seed task has about 5)
LEXICAL_POOL = 100  # best BM25 chunks that take part in the fusion


@dataclass(frozen=True)
class Scored:
    chunk: Chunk
    score: float  # fused, 0 … 1; higher is better
    dense: float | None = None  # best cosine similarity of the chunk's passages
    lexical: float | None = None  # BM25
    best_passages: tuple[str, ...] = ()  # the chunk's sentences nearest the question, best first
    matched: frozenset[str] = field(default_factory=frozenset)  # lexical terms found


@dataclass(frozen=True)
class Lexicon:
    """The words a question is searched with: BM25 over the chunks of the plan asked, the
    dictionary restricted to its words, its text. Each plan has its own, so that indexing
    another plan changes nothing in how this one answers; a question asked of every plan
    searches one built over all of them."""

    docs: tuple[int, ...]  # its chunks' positions in Snapshot.chunks, in BM25 document order
    bm25: BM25Index
    glossary: Glossary
    text: str

    def expansion(self, question: str) -> Expansion:
        """Dictionary terms searched besides the question's own (translations, synonyms)."""
        return self.glossary.expand(question, self.bm25.idf)

    @classmethod
    def over(cls, chunks: list[Chunk], docs: list[int]) -> "Lexicon":
        text = "\n".join(chunks[i].text for i in docs)
        return cls(tuple(docs), BM25Index([chunks[i].text for i in docs]), Glossary(text), text)


@dataclass(frozen=True)
class Snapshot:
    """Everything one version of the index answers from, swapped in as a whole on reload."""

    entries: dict[str, PlanEntry]
    chunks: list[Chunk]
    by_id: dict[str, Chunk]
    active_records: set[str]
    lexicons: dict[str, Lexicon]
    plan_text: dict[str, str]
    inactive: dict[str, int]
    versions: dict[str, str]
    _every: dict[str, Lexicon] = field(default_factory=dict, compare=False, repr=False)  # on first use

    def lexicon(self, plans: list[str]) -> Lexicon:
        """One plan's lexicon, or (several plans: ``plan_ids`` gives one or all) the one over
        every plan of the snapshot, built on first use (two threads may both build it: the same
        result, once more work)."""
        if len(plans) == 1:
            return self.lexicons.get(plans[0]) or Lexicon.over(self.chunks, [])
        if len(self.lexicons) == 1:
            return next(iter(self.lexicons.values()))
        if "" not in self._every:
            self._every[""] = Lexicon.over(self.chunks, list(range(len(self.chunks))))
        return self._every[""]


def load_snapshot(store: PlanStore) -> Snapshot:
    check_embedder(store)
    entries = {e.plan.plan_id: e for e in store.entries()}
    ids = [i for e in entries.values() for i in e.chunk_ids]
    chunks = store.load_chunks(ids)
    if len(chunks) != len(ids):
        raise IndexDamaged(
            f"索引不完整：登记了 {len(ids)} 块，向量库里只有 {len(chunks)} 块。"
            "请运行 planqa index --rebuild 重建索引"
        )
    active = {p.id for c in chunks for p in passages(c)}
    plan_docs: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        plan_docs.setdefault(c.plan, []).append(i)
    lexicons = {plan: Lexicon.over(chunks, docs) for plan, docs in plan_docs.items()}
    return Snapshot(
        entries=entries, chunks=chunks, by_id={c.id: c for c in chunks}, active_records=active,
        lexicons=lexicons, plan_text={plan: lex.text for plan, lex in lexicons.items()},
        # Records of a run killed before its commit sit in the collection but do not answer.
        inactive={plan: len(store.plan_record_ids(plan) - active) for plan in entries},
        versions={plan: e.version for plan, e in entries.items()},
    )


@dataclass(frozen=True)
class Candidates:
    """One question's raw evidence from both sides: chunk id → (best passage cosine, its
    sentences best first) and chunk id → BM25 hit, and the share of the question the lexical
    side understood."""

    by_id: Mapping[str, Chunk]
    dense: Mapping[str, tuple[float, tuple[str, ...]]]
    lexical: Mapping[str, LexicalHit]
    coverage: float


def fuse(found: Candidates, dense_weight: float) -> list[Scored]:
    """Both lists scaled to [0, 1] (dense min-max over the pool, BM25 by its best score) and
    added: ``dense_weight`` for the dense side, the rest times the lexical coverage. Pure, so
    that a calibration can weigh the same candidates many ways."""
    lexical_w = (1 - dense_weight) * found.coverage
    sims = [d[0] for d in found.dense.values()]
    lo, hi = (min(sims), max(sims)) if sims else (0.0, 0.0)
    top_bm25 = max((h.score for h in found.lexical.values()), default=0.0)
    scored = []
    for cid in dict.fromkeys([*found.dense, *found.lexical]):  # not a set: its order follows the hash seed
        sim, best = found.dense.get(cid, (None, ()))
        hit = found.lexical.get(cid)
        score = 0.0
        if sim is not None:
            score += dense_weight * ((sim - lo) / (hi - lo) if hi > lo else 1.0)
        if hit is not None and top_bm25 > 0:
            score += lexical_w * hit.score / top_bm25
        scored.append(Scored(found.by_id[cid], score, sim, hit.score if hit else None,
                             best, hit.matched if hit else frozenset()))
    scored.sort(key=lambda s: (-s.score, -(s.dense or 0.0), s.chunk.id))
    return scored


class HybridSearch:
    """Search over the active chunks of every registered plan. ``refresh`` picks up a new
    version of the index (another process re-indexed) once it is committed."""

    REFRESH_EVERY_S = 2.0

    def __init__(self, store: PlanStore, mode: Mode = "hybrid", calibration: Calibration | None = None):
        self.store = store
        self.mode = mode
        # Fitted for this embedder (planqa calibrate), or the bundled model's values.
        self.calibration = calibration or load_calibration(store.embedder.id, None)  # the default for ``search`` (evaluations compare the three)
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._snap = load_snapshot(store)

    def reload(self) -> None:
        self._snap = load_snapshot(self.store)

    def refresh(self) -> bool:
        """Reload if the registry changed since the last look (at most every 2 s); True if it did."""
        now = time.monotonic()
        if now - self._checked < self.REFRESH_EVERY_S or not self._lock.acquire(blocking=False):
            return False
        try:
            self._checked = now
            if self.store.versions() == self._snap.versions:
                return False
            self.store.reopen()  # another process wrote the new version: read its vectors too
            self.reload()
            return True
        finally:
            self._lock.release()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """While this process writes the index (an upload, a removal): no refresh swaps the
        store's engine under the writer, questions keep being answered from the current
        snapshot, and the new version answers as soon as the block ends."""
        with self._lock:
            try:
                yield
            finally:
                self._checked = time.monotonic()
                if self.store.versions() != self._snap.versions:
                    self.store.reopen()  # also sees what another process wrote meanwhile
                    self.reload()

    # The current snapshot's parts (``search`` takes the snapshot once for a whole query).
    entries = property(lambda self: self._snap.entries)
    chunks = property(lambda self: self._snap.chunks)
    plan_text = property(lambda self: self._snap.plan_text)
    inactive = property(lambda self: self._snap.inactive)

    def lexicon(self, plan: str | None = None) -> Lexicon:
        """The words of ``plan`` (None: of every plan) that questions about it are searched with."""
        return self._snap.lexicon(self.plan_ids(plan))

    def plan_ids(self, plan: str | None, snap: Snapshot | None = None) -> list[str]:
        entries = (snap or self._snap).entries
        if plan is None:
            return list(entries)
        if plan not in entries:
            known = "、".join(entries) or "（无）"
            raise UnknownPlan(f"没有这个计划：{plan}。已索引的计划：{known}")
        return [plan]

    def search(self, question: str, k: int = 5, plan: str | None = None,
               mode: Mode | None = None) -> list[Scored]:
        mode = mode or self.mode
        found = self.candidates(question, plan, mode)
        if mode == "lexical":
            return fuse(replace(found, coverage=1.0), 0.0)[:k]
        return fuse(found, self.calibration.dense_weight if mode == "hybrid" else 1.0)[:k]

    def candidates(self, question: str, plan: str | None = None, mode: Mode = "hybrid") -> Candidates:
        """What both sides found for the question, before they are weighed together."""
        snap = self._snap
        plans = self.plan_ids(plan, snap)
        if not plans:
            return Candidates(snap.by_id, {}, {}, 0.0)
        dense = self._dense(question, plans, snap) if mode != "lexical" else {}
        lexicon = snap.lexicon(plans)
        expansion = lexicon.expansion(question)
        lexical = {} if mode == "dense" else {
            snap.chunks[lexicon.docs[h.index]].id: h
            for h in lexicon.bm25.search(question, LEXICAL_POOL, None, expansion.terms)}
        coverage = expansion.coverage
        if coverage is None:
            coverage = lexicon.bm25.query_coverage(question)
        return Candidates(snap.by_id, dense, lexical, coverage)

    def _dense(self, question: str, plans: list[str], snap: Snapshot) -> dict[str, tuple[float, tuple[str, ...]]]:
        """chunk id → (best passage similarity, its sentences best first)."""
        vector = self.store.embedder.embed_query(question)
        n = DENSE_POOL + sum(snap.inactive.get(p, 0) for p in plans)
        # Asking for every plan needs no filter, and Chroma is ten times faster without one.
        every = len(plans) == len(snap.entries)
        found: dict[str, list] = {}
        for hit in self.store.dense_search(vector, n, None if every else plans):
            if hit.record_id in snap.active_records:
                found.setdefault(hit.chunk_id, []).append(hit)
        return {
            cid: (hits[0].similarity, tuple(h.text for h in hits if h.record_id != cid))
            for cid, hits in found.items()
        }


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
