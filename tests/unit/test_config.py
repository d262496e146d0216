import pytest

from planqa.config import DEFAULT_EMBEDDING, load_settings
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


@pytest.mark.parametrize("value", ["planqa/", "planqa", "/planqa/", "/", "//planqa", "/plan qa"])
def test_a_root_path_must_start_with_a_slash_and_not_end_with_one(monkeypatch, value):
    monkeypatch.setenv("PLANQA_ROOT_PATH", value)
    with pytest.raises(PlanqaError, match="PLANQA_ROOT_PATH.*以 / 开头、末尾不带 /") as err:
        load_settings()
    assert "Value error" not in str(err.value)


@pytest.mark.parametrize("value, expected", [("/planqa", "/planqa"), ("/portal/planqa", "/portal/planqa"), ("", "")])
def test_good_root_paths(monkeypatch, value, expected):
    monkeypatch.setenv("PLANQA_ROOT_PATH", value)
    assert load_settings().root_path == expected


def test_an_embed_token_must_be_long_and_url_safe(monkeypatch):
    monkeypatch.setenv("PLANQA_EMBED_TOKEN", "short")
    with pytest.raises(PlanqaError, match="PLANQA_EMBED_TOKEN.*至少 16 个字符"):
        load_settings()
    monkeypatch.setenv("PLANQA_EMBED_TOKEN", "a/b" * 8)
    with pytest.raises(PlanqaError, match="PLANQA_EMBED_TOKEN"):
        load_settings()
    monkeypatch.setenv("PLANQA_EMBED_TOKEN", "k3y-" * 5)
    assert load_settings().embed_token.get_secret_value() == "k3y-" * 5
