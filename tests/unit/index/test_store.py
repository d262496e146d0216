"""The store's engine handling (embedded Chroma, real) and a Chroma server that never answers."""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from planqa.errors import IndexCorrupt, StoreUnavailable
from planqa.index import store as store_module
from planqa.index.store import PlanStore, _reachable, close_client, open_client
from tests.fakes import HashEmbeddings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WRITER = """
import sys
from planqa.index.store import PlanStore, close_client, open_client
from tests.fakes import HashEmbeddings
from tests.unit.index.test_store import write
store = PlanStore(open_client(sys.argv[1]), HashEmbeddings())
write(store, sys.argv[2])
close_client(store.client)
"""


def write(store: PlanStore, prefix: str, n: int = 3) -> None:
    texts = [f"{prefix} 文本 {i}" for i in range(n)]
    store.chunks.upsert(ids=[f"{prefix}{i}" for i in range(n)], embeddings=store.embedder.embed_documents(texts),
                        documents=texts, metadatas=[{"plan": "p", "chunk_id": f"{prefix}{i}", "role": "sentence"}
                                                    for i in range(n)])


def found(store: PlanStore) -> set[str]:
    return {h.record_id for h in store.dense_search(store.embedder.embed_query("文本"), 50, None)}


def test_reopen_searches_the_vectors_another_process_wrote(tmp_path):
    store = PlanStore(open_client(tmp_path), HashEmbeddings())
    try:
        write(store, "a")
        assert found(store) == {"a0", "a1", "a2"}
        env = os.environ | {"PYTHONPATH": ROOT, "ANONYMIZED_TELEMETRY": "False"}
        subprocess.run([sys.executable, "-c", WRITER, str(tmp_path), "b"], check=True, env=env, cwd=ROOT)
        assert found(store) == {"a0", "a1", "a2"}  # this engine's vector index is in memory
        first = store.client
        store.reopen()
        assert store.client is not first
        assert found(store) == {"a0", "a1", "a2", "b0", "b1", "b2"}
    finally:
        close_client(store.client)


class SlowStore(PlanStore):
    started, release = threading.Event(), threading.Event()

    @_reachable
    def slow_versions(self) -> dict:
        self.started.set()
        self.release.wait(10)
        return self.versions()  # a nested store call does not wait for the pending reopen


def test_reopen_waits_for_calls_in_progress_and_new_calls_wait_for_it(tmp_path):
    store = SlowStore(open_client(tmp_path), HashEmbeddings())
    try:
        results = {}
        call = threading.Thread(target=lambda: results.update(slow=store.slow_versions()))
        call.start()
        assert store.started.wait(10)
        reopen = threading.Thread(target=store.reopen)
        reopen.start()
        time.sleep(0.3)
        assert reopen.is_alive()  # the engine is not swapped under the call
        later = threading.Thread(target=lambda: results.update(later=store.versions()))
        later.start()
        time.sleep(0.3)
        assert later.is_alive()  # nor does a new call start meanwhile
        store.release.set()
        for thread in (call, reopen, later):
            thread.join(10)
            assert not thread.is_alive()
        assert results == {"slow": {}, "later": {}}
    finally:
        close_client(store.client)


def test_a_reopen_that_fails_is_tried_again_by_the_next_call(tmp_path, monkeypatch):
    store = PlanStore(open_client(tmp_path), HashEmbeddings())
    real = store_module.open_client

    def broken(home):
        raise IndexCorrupt("坏了")

    monkeypatch.setattr(store_module, "open_client", broken)
    with pytest.raises(IndexCorrupt):
        store.reopen()
    with pytest.raises(IndexCorrupt):
        store.versions()
    monkeypatch.setattr(store_module, "open_client", real)
    try:
        assert store.versions() == {}
    finally:
        close_client(store.client)


def test_a_chroma_server_that_never_answers_is_an_error_within_the_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "REQUEST_TIMEOUT_S", 0.5)
    with socket.socket() as silent:  # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        outcome = []

        def connect():
            try:
                open_client(tmp_path, "127.0.0.1", silent.getsockname()[1])
            except StoreUnavailable as err:
                outcome.append(err)

        started = time.monotonic()
        caller = threading.Thread(target=connect, daemon=True)  # a hang fails the test, not the run
        caller.start()
        caller.join(10)
        assert not caller.is_alive(), "open_client hung on a server that never answers"
        assert time.monotonic() - started < 5
        assert len(outcome) == 1 and "Chroma 服务器没有响应" in str(outcome[0])
