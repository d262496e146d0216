import pytest

from planqa.errors import EmbedderError
from planqa.index.embed import make_embedder


@pytest.mark.parametrize("spec", ["bogus", "sentence-transformers:", "openai:text-embedding-3"])
def test_unknown_embedder_spec_is_an_error(spec):
    with pytest.raises(EmbedderError, match="PLANQA_EMBEDDING"):
        make_embedder(spec)
