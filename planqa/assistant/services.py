"""Composition helpers: Settings → the store and the search, built once at start-up."""

from planqa.assistant.config import Settings
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, open_client


def open_store(settings: Settings) -> PlanStore:
    """The index named by the settings: embedded under PLANQA_HOME, or a Chroma server."""
    embedder = make_embedder(settings.embedding)
    client = open_client(settings.home, settings.chroma_host, settings.chroma_port)
    return PlanStore(client, embedder)
