import pytest

from planqa.assistant.config import DEFAULT_EMBEDDING, load_settings
from planqa.errors import PlanqaError


def test_defaults_and_environment(monkeypatch, tmp_path):
    settings = load_settings()
    assert settings.embedding == DEFAULT_EMBEDDING
    assert str(settings.home) == str(tmp_path / "planqa-home")  # from the autouse fixture
    monkeypatch.setenv("PLANQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("PLANQA_CHROMA_PORT", "8123")
    monkeypatch.setenv("PLANQA_API_TOKEN", "s3cret")
    settings = load_settings()
    assert (settings.chroma_host, settings.chroma_port) == ("127.0.0.1", 8123)
    assert "s3cret" not in repr(settings)


def test_bad_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("PLANQA_CHROMA_PORT", "not-a-port")
    with pytest.raises(PlanqaError, match="PLANQA_CHROMA_PORT"):
        load_settings()
