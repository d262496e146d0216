"""Chroma: chunk vectors (one collection per embedder) and the registry of indexed plans.

The registry record of a plan names the chunk ids of its active version and the embedder that
made them; writing that one record is the commit point of an index run. Until then the previous
version keeps answering, and chunks written by a run killed half-way are reused by the next.
Works the same on an embedded ``PersistentClient`` and on a ``chroma run`` server.
"""

import functools
import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from chromadb.errors import ChromaError

from planqa.errors import IndexCorrupt, PlanqaError, StoreUnavailable
from planqa.index.chunk import Chunk, Passage
from planqa.index.embed import PlanqaEmbeddings
from planqa.ingest.plan import Plan

REGISTRY = "planqa-plans"
BATCH = 16  # chunks embedded and written per call: small enough for a live progress bar


@dataclass(frozen=True)
class PlanEntry:
    plan: Plan
    chunk_ids: tuple[str, ...]
    embedder: str
    source: str = ""
    indexed_at: str = ""

    @property
    def version(self) -> str:
        return hashlib.sha256("\n".join(self.chunk_ids).encode()).hexdigest()[:16]

    def to_document(self) -> str:
        return json.dumps(
            {"plan": self.plan.to_record(), "chunk_ids": list(self.chunk_ids),
             "embedder": self.embedder, "source": self.source, "indexed_at": self.indexed_at},
            ensure_ascii=False,
        )

    @classmethod
    def from_document(cls, text: str) -> "PlanEntry":
        data = json.loads(text)
        return cls(Plan.from_record(data["plan"]), tuple(data["chunk_ids"]), data["embedder"],
                   data.get("source", ""), data.get("indexed_at", ""))


def collection_name(embedder_id: str) -> str:
    """Chroma names allow [a-zA-Z0-9._-]: the embedder id goes into the metadata instead."""
    return "planqa-chunks-" + hashlib.sha256(embedder_id.encode()).hexdigest()[:12]


def record_metadata(chunk: Chunk, passage: Passage) -> dict:
    """The chunk record (its title passage) carries the whole chunk; sentence records point to it."""
    meta = {"plan": chunk.plan, "chunk_id": chunk.id, "role": passage.role}
    if passage.role != "title":
        return meta
    meta |= {
        "unit": chunk.unit, "kind": chunk.kind, "text": chunk.text, "body": chunk.body,
        "section_number": chunk.section_number, "section_title": chunk.section_title,
        "task_title": chunk.task_title, "task_label": chunk.task_label,
    }
    if chunk.task_number is not None:  # Chroma drops None values: absent means "no task"
        meta["task_number"] = chunk.task_number
    return meta


def chunk_from_metadata(chunk_id: str, meta: dict) -> Chunk:
    return Chunk(
        id=chunk_id, plan=meta["plan"], unit=meta["unit"], kind=meta["kind"], text=meta["text"],
        body=meta.get("body", ""), section_number=meta.get("section_number", ""),
        section_title=meta.get("section_title", ""), task_number=meta.get("task_number"),
        task_title=meta.get("task_title", ""), task_label=meta.get("task_label", ""),
    )


@dataclass(frozen=True)
class DenseHit:
    record_id: str
    chunk_id: str
    text: str  # the passage that matched
    similarity: float  # cosine


@contextmanager
def _store_errors():
    """Turn a lost or frozen Chroma server into ``StoreUnavailable`` (no traceback, no hang)."""
    try:
        yield
    except httpx.TransportError as err:
        raise StoreUnavailable(
            f"Chroma 服务器没有响应（{type(err).__name__}）：请确认它仍在运行"
            "（PLANQA_CHROMA_HOST/PLANQA_CHROMA_PORT）"
        ) from None
    except ChromaError as err:
        raise StoreUnavailable(
            f"索引读写出错（{type(err).__name__}：{err}）。如果反复出现，请运行 planqa index --rebuild"
        ) from None


def _reachable(method):
    """A store call: mapped errors, bounded in time on a server, never during a reopen."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        return self._call(method, self, *args, **kwargs)

    return guarded


class PlanStore:
    """The index: chunk vectors for one embedder, plus the plan registry."""

    def __init__(self, client, embedder: PlanqaEmbeddings):
        self.embedder = embedder
        self._server = _is_server(client)
        self._calls = threading.Condition()  # guards the three below
        self._active = 0  # store calls in progress
        self._swapping = False  # a reopen waits for them to end; new calls wait for it
        self._stale = False  # a reopen closed the client but could not open a new one
        self._depth = threading.local()  # store calls in progress on this thread
        self._call(self._bind, client)

    def _call(self, fn, *args, **kwargs):
        nested = getattr(self._depth, "n", 0)
        if not nested:
            with self._calls:
                while self._swapping:
                    self._calls.wait()
                if self._stale:
                    self._swap()  # try again; raises while the directory cannot be opened
                self._active += 1
        self._depth.n = nested + 1
        try:
            with _store_errors():
                if self._server:
                    return _within_timeout(fn, *args, **kwargs)
                return fn(*args, **kwargs)
        finally:
            self._depth.n = nested
            if not nested:
                with self._calls:
                    self._active -= 1
                    self._calls.notify_all()

    def _bind(self, client) -> None:
        self.client = client
        # Vectors come from the LangChain embedder (``embed_documents``/``embed_query``); the
        # collection stores them and never embeds by itself.
        self.chunks = client.get_or_create_collection(
            collection_name(self.embedder.id), embedding_function=None,
            metadata={"embedder": self.embedder.id, "dimension": self.embedder.dimension,
                      "hnsw:space": "cosine"},
        )
        # The registry holds no vectors worth searching: a constant 1-d vector per record.
        self.registry = client.get_or_create_collection(REGISTRY, embedding_function=None)

    def reopen(self) -> None:
        """See what other processes wrote since this store was opened (embedded store only).

        Chroma keeps one engine per directory and process, and its vector index lives in that
        engine's memory: records another process adds are in the files but never searched. A
        new engine reads them. Closing the last client of a directory stops its engine, so the
        next client opened gets a fresh one; calls in progress end first, new ones wait."""
        if not self.client.get_settings().is_persistent:
            return  # a Chroma server sees every writer's records itself
        if getattr(self._depth, "n", 0):
            raise RuntimeError("PlanStore.reopen inside a store call would wait for itself")
        with self._calls:
            self._swap()

    def _swap(self) -> None:
        """Close the client and open a new one; with ``_calls`` held, by a thread in no call."""
        while self._swapping:  # another thread's reopen
            self._calls.wait()
        self._swapping = True
        try:
            while self._active:
                self._calls.wait()
            home = Path(self.client.get_settings().persist_directory).parent
            if not self._stale:
                self.client.close()  # stops the engine if no other client of this process uses it
                self._stale = True
            with _store_errors():
                self._bind(open_client(home))
            self._stale = False
        finally:
            self._swapping = False
            self._calls.notify_all()

    # --- registry -------------------------------------------------------------------------
    @_reachable
    def entries(self) -> list[PlanEntry]:
        got = self.registry.get(include=["documents"])
        entries = [PlanEntry.from_document(doc) for doc in got["documents"] or []]
        return sorted(entries, key=lambda e: e.plan.plan_id)

    @_reachable
    def entry(self, plan_id: str) -> PlanEntry | None:
        got = self.registry.get(ids=[plan_id], include=["documents"])
        return PlanEntry.from_document(got["documents"][0]) if got["ids"] else None

    @_reachable
    def registry_metadata(self) -> dict[str, dict]:
        """plan id → {"embedder", "version"}: cheap (no plan documents are read)."""
        got = self.registry.get(include=["metadatas"])
        return {i: m or {} for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}

    def versions(self) -> dict[str, str]:
        """plan id → active version, to notice a re-index."""
        return {i: m.get("version", "") for i, m in self.registry_metadata().items()}

    @_reachable
    def commit(self, entry: PlanEntry) -> None:
        """Make ``entry`` the active version of its plan (one record: atomic)."""
        self.registry.upsert(
            ids=[entry.plan.plan_id], embeddings=[[0.0]], documents=[entry.to_document()],
            metadatas=[{"embedder": entry.embedder, "version": entry.version}],
        )

    @_reachable
    def unregister(self, plan_id: str) -> None:
        self.registry.delete(ids=[plan_id])

    # --- chunks ---------------------------------------------------------------------------
    @_reachable
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        return set(self.chunks.get(ids=ids, include=[])["ids"]) if ids else set()

    def add_records(self, records: list[tuple[Chunk, Passage]],
                    progress: Callable[[int], None] = lambda n: None) -> None:
        """Embed and write passages (the passage text is what is embedded)."""
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            texts = [p.text for _, p in batch]
            self._upsert(batch, texts, self.embedder.embed_documents(texts))  # embedding: not timed
            progress(len(batch))

    @_reachable
    def _upsert(self, batch: list[tuple[Chunk, Passage]], texts: list[str], vectors) -> None:
        self.chunks.upsert(ids=[p.id for _, p in batch], embeddings=vectors, documents=texts,
                           metadatas=[record_metadata(c, p) for c, p in batch])

    @_reachable
    def plan_record_ids(self, plan_id: str) -> set[str]:
        return set(self.chunks.get(where={"plan": plan_id}, include=[])["ids"])

    @_reachable
    def delete_records(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            self.chunks.delete(ids=ids)

    @_reachable
    def drop_other_embedders(self) -> list[str]:
        """Delete the chunk collections of other embedders (after a rebuild)."""
        current = collection_name(self.embedder.id)
        dropped = [c.name for c in self.client.list_collections()
                   if c.name.startswith("planqa-chunks-") and c.name != current]
        for name in dropped:
            self.client.delete_collection(name)
        return dropped

    @_reachable
    def load_chunks(self, ids: list[str]) -> list[Chunk]:
        """The chunks with these ids, in this order (missing ones left out)."""
        if not ids:
            return []
        got = self.chunks.get(ids=ids, include=["metadatas"])
        by_id = {i: chunk_from_metadata(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)}
        return [by_id[i] for i in ids if i in by_id]

    @_reachable
    def dense_search(self, vector: list[float], k: int, plans: list[str] | None) -> list[DenseHit]:
        """The ``k`` passages nearest to ``vector``, of ``plans`` (None: of every plan)."""
        if plans is None:
            where = None
        else:
            where = {"plan": plans[0]} if len(plans) == 1 else {"plan": {"$in": plans}}
        got = self.chunks.query(query_embeddings=[vector], n_results=k, where=where,
                                include=["documents", "metadatas", "distances"])
        # A record another process is still writing may come back without its metadata or
        # text: it belongs to no committed version, so it is left out.
        return [
            DenseHit(i, meta["chunk_id"], doc, 1.0 - distance)
            for i, doc, meta, distance in zip(got["ids"][0], got["documents"][0] or [], got["metadatas"][0] or [],
                                              got["distances"][0], strict=False)
            if meta and "chunk_id" in meta and doc is not None
        ]


REQUEST_TIMEOUT_S = 10.0  # a Chroma server call that takes longer is a server not answering


def _is_server(client) -> bool:
    return client.get_settings().chroma_api_impl == "chromadb.api.fastapi.FastAPI"


def _within_timeout(fn, *args, **kwargs):
    """``fn(...)`` on a daemon thread, given up after REQUEST_TIMEOUT_S: Chroma's HTTP client
    waits forever (``timeout=None``, no setting changes it), so a frozen server would hang every
    question. A daemon thread left hanging does not hold up the interpreter's exit."""
    done: Future = Future()

    def run():
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as err:  # noqa: BLE001 — handed to the caller, who re-raises it
            done.set_exception(err)

    threading.Thread(target=run, name="planqa-chroma-call", daemon=True).start()
    try:
        err = done.exception(timeout=REQUEST_TIMEOUT_S)
    except TimeoutError:
        raise StoreUnavailable(
            f"Chroma 服务器没有响应（{REQUEST_TIMEOUT_S:g} 秒内没有应答）：请确认它仍在运行"
            "（PLANQA_CHROMA_HOST/PLANQA_CHROMA_PORT）"
        ) from None
    if err is not None:
        raise err
    return done.result()


def open_client(home: Path, host: str | None = None, port: int = 8000):
    """``PersistentClient`` under ``home``, or ``HttpClient`` for a ``chroma run`` server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    if not host:
        path = Path(home).expanduser() / "chroma"
        try:
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        except OSError as err:
            raise PlanqaError(f"无法在 {path} 建立索引目录（PLANQA_HOME）：{err.strerror or err}") from None
        except ChromaError as err:
            raise IndexCorrupt(
                f"索引目录 {path} 无法打开，可能已损坏（{err}）。请把它移走或删除，"
                "再运行 planqa index 重新建立索引"
            ) from None
    # No idle connections are kept: ``close`` does not close Chroma's HTTP session, and there is
    # no public way to, so a connection is closed as soon as its call is answered.
    settings = ChromaSettings(anonymized_telemetry=False, chroma_http_max_keepalive_connections=0)
    try:
        with _store_errors():  # the client asks the server for its tenant and database
            return _within_timeout(chromadb.HttpClient, host=host, port=port, settings=settings)
    except ValueError:
        raise StoreUnavailable(
            f"无法连接 Chroma 服务器 {host}:{port}（PLANQA_CHROMA_HOST/PLANQA_CHROMA_PORT），请确认它已启动"
        ) from None


def close_client(client) -> None:
    """Stop using ``client`` (an embedded engine stops once its last client is closed)."""
    client.close()
