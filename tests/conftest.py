from pathlib import Path

import pytest

from planqa.index.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sdast-2017-work-plan.noisy.txt"
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
