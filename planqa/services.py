"""Composition helpers: Settings → the store, the search and the assistant, built once at
start-up and passed down."""

import sys

from planqa.config import Settings
from planqa.errors import PlanqaError
from planqa.index.embed import make_embedder
from planqa.index.progress import Progress
from planqa.index.store import PlanStore, open_client

UNCALIBRATED = ("planqa: 提示：嵌入模型 {model} 还没有校准，检索权重和拒答阈值沿用默认模型的数值，"
                "请运行 planqa calibrate")


def open_store(settings: Settings) -> PlanStore:
    """The index named by the settings: embedded under PLANQA_HOME, or a Chroma server."""
    embedder = make_embedder(settings.embedding, settings.embed_threads)
    client = open_client(settings.home, settings.chroma_host, settings.chroma_port)
    return PlanStore(client, embedder)


def build_llm(settings: Settings):
    """The optional LLM answerer: PLANQA_LLM_BASE_URL and PLANQA_LLM_MODEL both set."""
    if not (settings.llm_base_url and settings.llm_model):
        return None
    from planqa.assistant.llm import LLMAnswerer, make_chat_model

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    model = make_chat_model(settings.llm_base_url, settings.llm_model, key, settings.llm_timeout)
    if model is None:
        raise PlanqaError("设置了 PLANQA_LLM_BASE_URL，但没有安装大模型扩展：pip install -e '.[llm]'")
    return LLMAnswerer(model)


def build_assistant(store: PlanStore, settings: Settings | None = None, progress=Progress):
    """The assistant over ``store``; the first run indexes the bundled plan by itself."""
    from planqa.assistant.calibration import load_calibration
    from planqa.assistant.chain import Assistant
    from planqa.assistant.retrieve import HybridSearch
    from planqa.index.build import ensure_index

    if settings is None:
        ensure_index(store, progress)
    elif not store.versions():  # first run: build the bundled index, one writer at a time
        from planqa.index.lock import index_lock

        with index_lock(settings.home):
            ensure_index(store, progress)
    calibration = load_calibration(store.embedder.id, settings.home if settings else None)
    if not calibration.fitted:  # another model's cosines: its refusal line would be wrong
        print(UNCALIBRATED.format(model=store.embedder.id), file=sys.stderr)
    return Assistant(HybridSearch(store, calibration=calibration), build_llm(settings) if settings else None)
