"""Clean text, damaged the way the seed arrived, must come back (character error rate ≤ 0.3%)."""

import pytest
from rapidfuzz.distance import Levenshtein

from planqa.ingest.clean import clean_text
from tests.conftest import CLEAN_TEXTS
from tests.damage import NOISE, damage

SEEDS = range(8)
MAX_CER = 0.003


@pytest.fixture(scope="module")
def references(seed_clean) -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in CLEAN_TEXTS}
    texts["seed (cleaned)"] = seed_clean
    return texts


def test_references_are_already_clean(references):
    for name, text in references.items():
        assert clean_text(text) == text, name


def test_damage_really_damages(references):
    text = references["qingdao-2018.txt"]
    damaged = damage(text, 0)
    assert damaged == damage(text, 0)  # seeded
    assert damaged.count("(") + damaged.count("（") > 0.4 * sum(
        "\u4e00" <= c <= "\u9fff" for c in text
    )
    assert any(c in NOISE for c in damaged)
    assert "發" in damaged or "會" in damaged  # traditional
    assert Levenshtein.normalized_distance(damaged, text) > 0.5


def test_noise_pool_is_wide():
    blocks = {ord(c) >> 8 for c in NOISE}
    assert len(NOISE) > 2000 and len(blocks) > 15


def test_character_error_rate_after_recovery(references):
    errors = chars = 0
    per_text = {}
    for name, text in references.items():
        text_errors = sum(Levenshtein.distance(clean_text(damage(text, s)), text) for s in SEEDS)
        per_text[name] = text_errors / (len(text) * len(SEEDS))
        errors += text_errors
        chars += len(text) * len(SEEDS)
    cer = errors / chars
    print(f"recovery CER {cer:.5%} over {chars} characters; per text {per_text}")
    assert cer <= MAX_CER, per_text


def test_character_error_rate_on_corpus_documents_damaged_like_the_seed():
    """Real plans of the genre (tests/data/corpus/), cleaned, then damaged and repaired.

    The repair folds full-width digits and letters to ASCII, so both sides are compared in
    NFKC; what it cannot tell from noise (a printed α or ①) counts as an error."""
    import unicodedata
    from pathlib import Path

    corpus = sorted((Path(__file__).resolve().parents[2] / "data" / "corpus").glob("*.txt"))
    assert len(corpus) >= 25
    errors = chars = 0
    for path in corpus:
        reference = unicodedata.normalize("NFKC", clean_text(path.read_text(encoding="utf-8")))
        for seed in range(2):
            repaired = clean_text(damage(reference, seed))
            errors += Levenshtein.distance(unicodedata.normalize("NFKC", repaired), reference)
            chars += len(reference)
    cer = errors / chars
    print(f"corpus recovery CER {cer:.5%} over {chars} characters of {len(corpus)} documents")
    assert cer <= MAX_CER
