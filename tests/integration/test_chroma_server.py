"""Server mode against a real `chroma run` on loopback: index, query, server down or frozen."""

import signal
import time

import pytest

from planqa.assistant.query import normalize_question
from planqa.assistant.retrieve import HybridSearch
from planqa.config import load_settings
from planqa.errors import StoreUnavailable
from planqa.index import store as store_module
from planqa.index.store import PlanStore, close_client, open_client
from planqa.services import open_store
from tests.fakes import HashEmbeddings
from tests.integration.conftest import free_port, run_planqa


def test_index_and_query_through_a_chroma_server(chroma_server, monkeypatch):
    env = {"PLANQA_CHROMA_HOST": "127.0.0.1", "PLANQA_CHROMA_PORT": str(chroma_server.port)}
    result = run_planqa("index", env=env)
    assert result.returncode == 0, result.stderr
    assert "sdast-2017-work-plan" in result.stdout
    assert "没有变化" in run_planqa("index", env=env).stdout  # idempotent over HTTP too

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    store = open_store(load_settings())
    try:
        search = HybridSearch(store)
        hits = search.search(normalize_question("哪项任务涉及院士专家工作站？"), k=2)
        assert {h.chunk.task_number for h in hits} == {9, 14}

        chroma_server.stop()
        with pytest.raises(StoreUnavailable, match="Chroma 服务器没有响应"):
            search.search(normalize_question("科普信息化"))
        with pytest.raises(StoreUnavailable):
            search.reload()

        chroma_server.start()  # same port, same data: the old client carries on
        assert search.search(normalize_question("反邪教工作在第几项？"))[0].chunk.task_number == 19
    finally:
        close_client(store.client)


def test_server_down_from_the_start_is_one_line_and_exit_2(tmp_path):
    port = str(free_port())
    result = run_planqa("index", "--list", env={"PLANQA_CHROMA_HOST": "127.0.0.1", "PLANQA_CHROMA_PORT": port})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "无法连接 Chroma 服务器" in result.stderr
    with pytest.raises(StoreUnavailable):
        close_client(open_client(tmp_path, "127.0.0.1", int(port)))


def test_a_frozen_chroma_server_is_an_error_within_the_timeout(chroma_server, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "REQUEST_TIMEOUT_S", 2.0)
    store = PlanStore(open_client(tmp_path, "127.0.0.1", chroma_server.port), HashEmbeddings())
    try:
        assert store.versions() == {}
        chroma_server.proc.send_signal(signal.SIGSTOP)  # connections are accepted, never answered
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="Chroma 服务器没有响应"):
            store.versions()
        assert time.monotonic() - started < 6
        chroma_server.proc.send_signal(signal.SIGCONT)
        assert store.versions() == {}  # and it carries on once the server does
    finally:
        chroma_server.proc.send_signal(signal.SIGCONT)
        close_client(store.client)
