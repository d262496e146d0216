"""The store's engine handling (embedded Chroma, real)."""

from planqa.index import store as store_module
from planqa.index.store import PlanStore, close_client, open_client
from tests.fakes import HashEmbeddings


def test_reopen_reads_the_directory_anew_and_stops_retired_engines(tmp_path, monkeypatch):
    store = PlanStore(open_client(tmp_path), HashEmbeddings())
    first_client, first_registry = store.client, store.registry
    store.reopen()
    assert store.client is not first_client and store.registry is not first_registry
    (retired_at, engine), = store._retired
    assert engine._running  # a query may still be using it

    monkeypatch.setattr(store_module, "RETIRE_AFTER_S", 0.0)
    store.reopen()
    assert not engine._running  # stopped once retired long enough
    assert [e for _, e in store._retired] != [engine]
    assert store.versions() == {}  # the new engine works
    close_client(store.client)
