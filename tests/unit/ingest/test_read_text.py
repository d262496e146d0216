"""Plain-text plans in the encodings they come in: each detected, or refused with a reason."""


import opencc
import pytest

from planqa.errors import InputError
from planqa.ingest.clean import clean_text
from planqa.ingest.load import load_plan
from planqa.ingest.read.text import chinese_score, decode_text
from planqa.ingest.source import read_plan_file
from tests.conftest import CORPUS

PLAN = CORPUS / "action-plan-high-quality-development-jinan-new.txt"  # 一、/（一）/1.
TEXT = PLAN.read_text(encoding="utf-8")


def outline(plan):
    return [(s.number, s.title, [(t.number, t.title) for t in s.tasks]) for s in plan.sections]


@pytest.mark.parametrize(
    "encoding, data, detected",
    [
        ("gbk", TEXT.encode("gbk"), "gb18030"),
        ("gb18030", TEXT.encode("gb18030"), "gb18030"),
        ("utf-8-sig", TEXT.encode("utf-8-sig"), "utf-8-sig"),
        ("utf-16 (BOM)", TEXT.encode("utf-16"), "utf-16"),
        ("utf-16-le, no BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
        ("utf-16-be, no BOM", TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_a_corpus_plan_in_each_encoding_reads_as_the_same_plan(tmp_path, encoding, data, detected):
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    plan, ingested = load_plan(path)
    assert ingested.encoding == detected
    assert ingested.text == clean_text(TEXT)
    assert outline(plan) == outline(load_plan(PLAN)[0])


def test_big5_is_detected_and_cleans_to_the_simplified_plan(tmp_path):
    traditional = opencc.OpenCC("s2tw").convert(TEXT)
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    assert traditional.encode("big5").decode("gb18030")  # it also decodes as GB18030: garbage
    source = read_plan_file(path)
    assert (source.text, source.encoding) == (traditional, "big5")
    plan, ingested = load_plan(path)
    assert ingested.text == clean_text(traditional)
    assert outline(plan) == outline(load_plan(PLAN)[0])


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_corpus_plan_is_told_apart_in_gb18030_and_big5(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")
    traditional = opencc.OpenCC("s2tw").convert(text)
    try:
        data = traditional.encode("big5")
    except UnicodeEncodeError:
        data = traditional.encode("big5", errors="replace")  # a few characters Big5 lacks
        traditional = data.decode("big5")
    assert decode_text(data) == (traditional, "big5")


def test_a_text_both_encodings_explain_is_refused():
    data = "安案爱".encode("gb2312")  # as Big5: 假偶乾, just as common
    assert chinese_score(data.decode("big5")) == chinese_score(data.decode("gb18030")) == 1.0
    with pytest.raises(InputError, match="无法确定文件编码.*GB18030 和 Big5.*UTF-8"):
        decode_text(data, "short.txt")


@pytest.mark.parametrize(
    "data, message",
    [
        (bytes(range(0x80, 0x100)) * 8, "无法识别文件编码"),
        (b"\xff\xfe" + b"\x00\xd8" * 10, "UTF-16 标记开头"),
        (b"\x00\x01\x02binary\x00" * 50, "二进制文件"),
    ],
)
def test_undecodable_bytes_are_refused(data, message):
    with pytest.raises(InputError, match=message):
        decode_text(data, "bad.txt")


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_the_damaged_seed_with_pinyin_and_stray_symbols_is_detected(seed_raw, encoding):
    data = seed_raw.encode(encoding, errors="replace")
    assert decode_text(data)[1] == encoding
