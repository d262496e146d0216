import os
import subprocess
import sys

import pytest

from planqa.index.lexical import BM25Index, content_words, tokenize


def test_tokenize_drops_question_words_and_adds_bigrams():
    tokens = tokenize("哪项任务涉及院士专家工作站？")
    assert "院士" in tokens and "工作站" in tokens
    assert "士专" in tokens  # bigram across a word boundary inside one run
    assert not {"哪项", "任务", "涉及", "？"} & set(tokens)


def test_a_stop_word_glued_to_a_guessed_word_is_cut_off():
    """jieba guesses 中运维 from 附件中运维 (no dictionary word): 运维 is the word a plan prints."""
    tokens = tokenize("附件中运维有哪些场景")
    assert "中运维" not in tokens and tokens.count("运维") == 2  # the word, and the bigram of its run
    assert "件中" in tokens  # the bigrams are those of jieba's own cut, as before
    assert "车企要" not in tokenize("车企要做哪些事")
    assert "中小企业" in tokenize("中小企业有哪些支持")  # a dictionary word keeps its 中
    assert "上云" in content_words("企业上云有什么补贴")  # 上 starts words: only the particle goes
    assert "云用" not in content_words("推进上云用数赋智")


def test_tokenize_keeps_latin_words_lowercased():
    assert {"5g", "app"} <= set(tokenize("推动5G和APP建设"))


def test_bm25_ranks_the_document_with_the_term_first():
    index = BM25Index(["建设院士专家工作站", "开展科普志愿服务", "院士候选人推选和科普"])
    hits = index.search("院士专家工作站")
    assert [h.index for h in hits][:2] == [0, 2]
    assert "工作站" in hits[0].matched
    assert index.search("天气预报") == []


def test_query_coverage_is_low_for_english_against_chinese():
    index = BM25Index(["建设院士专家工作站", "开展科普志愿服务"])
    assert index.query_coverage("院士专家工作站") == 1.0
    assert index.query_coverage("Which task is about academician workstations") == 0.0
    assert index.query_coverage("") == 0.0


def test_search_limits_to_allowed_documents_and_k():
    index = BM25Index(["院士专家工作站", "院士工作站建设", "院士候选人"])
    assert {h.index for h in index.search("院士", allowed={1, 2})} == {1, 2}
    assert len(index.search("院士", k=1)) == 1


def test_extra_terms_find_documents_without_the_question_words():
    index = BM25Index(["修订山东省科学技术协会条例", "开展科普志愿服务"])
    assert index.search("地方法规") == []
    hits = index.search("地方法规", extra={"条例": 0.8})
    assert [h.index for h in hits] == [0] and "条例" in hits[0].matched


def test_an_extra_term_weighs_less_than_the_question_word():
    index = BM25Index(["条例修订", "智库建设", "其他工作"])
    own = index.search("条例")[0].score
    assert index.search("法规", extra={"条例": 0.5})[0].score == pytest.approx(own * 0.5)


def test_jieba_loads_where_pkg_resources_warns(tmp_path):
    # setuptools 67.5-80 warn when pkg_resources is imported, and jieba imports it.
    (tmp_path / "pkg_resources.py").write_text(
        "import warnings\n"
        "warnings.warn('pkg_resources is deprecated as an API', DeprecationWarning, stacklevel=2)\n"
        "def resource_stream(package, name):\n"
        "    import importlib.util, os\n"
        "    root = os.path.dirname(importlib.util.find_spec(package).origin)\n"
        "    return open(os.path.join(root, name), 'rb')\n"
    )
    code = "from planqa.index.lexical import content_words; print(content_words('院士专家工作站'))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "工作站" in done.stdout


def test_pointing_words_name_no_topic_but_numbers_naming_things_do():
    from planqa.index.lexical import pointing

    assert all(pointing(w) for w in ("那个", "有个", "几个", "最后", "上面", "好多", "两条"))
    assert not any(pointing(w) for w in ("十四五", "三年", "两会", "第七次", "科普"))
