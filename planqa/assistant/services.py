"""Composition helpers: Settings → the store, the search and the assistant, built once at
start-up and passed down."""

from planqa.assistant.config import Settings
from planqa.index.embed import make_embedder
from planqa.index.progress import Progress
from planqa.index.store import PlanStore, open_client


def open_store(settings: Settings) -> PlanStore:
    """The index named by the settings: embedded under PLANQA_HOME, or a Chroma server."""
    embedder = make_embedder(settings.embedding)
    client = open_client(settings.home, settings.chroma_host, settings.chroma_port)
    return PlanStore(client, embedder)


def build_assistant(store: PlanStore, progress=Progress):
    """The assistant over ``store``; the first run indexes the bundled plan by itself."""
    from planqa.assistant.chain import Assistant
    from planqa.assistant.retrieve import HybridSearch
    from planqa.index.build import ensure_index

    ensure_index(store, progress)
    return Assistant(HybridSearch(store))
