import tomllib
from importlib import resources

import pytest

from planqa.assistant.abbreviations import expand, expansions, fold, terms

ROWS = tomllib.loads(resources.files("planqa.assistant").joinpath("abbreviations.toml").read_text("utf-8"))["term"]
EXAMPLES = [tuple(example) for row in ROWS for example in row.get("examples", ())]


def shorts_of(row: dict) -> list[str]:
    return [row["short"]] if isinstance(row["short"], str) else row["short"]


@pytest.mark.parametrize("question, expanded", EXAMPLES, ids=[q for q, _ in EXAMPLES])
def test_each_example_expands_as_written(question, expanded):
    assert expand(question) == expanded


@pytest.mark.parametrize("row", ROWS, ids=[shorts_of(r)[0] for r in ROWS])
def test_each_row_is_well_formed_and_counted(row):
    shorts, full = shorts_of(row), row["full"]
    assert shorts and full and all(isinstance(f, str) and f for f in full)
    assert not set(shorts) & set(full)  # no row maps a form to itself
    assert row.get("examples"), "every row carries an example"
    for question, _ in row["examples"]:
        assert any(fold(s) in fold(question) for s in shorts)
    # The data check: bench/abbreviation_counts.py writes how many corpus documents print each
    # full form; a form no plan prints does not belong in the table.
    assert len(row["count"]) == len(full) and all(n >= 1 for n in row["count"])
    for word in row.get("not_in", ()):
        assert any(s in word for s in shorts)


def test_a_short_belongs_to_one_row_only():
    seen = [fold(s) for row in ROWS for s in shorts_of(row)]
    assert len(seen) == len(set(seen))
    assert 150 <= len(ROWS) <= 300


def test_full_forms_stay_as_they_are():
    # A full form holds no short that would expand it again (住房公积金 is no 住房住房公积金),
    # unless it is itself another row's short (R&D → 研发 → 研究开发: one step per call).
    shorts = {fold(s) for t in terms() for s in t.short}
    for term in terms():
        for form in term.full:
            if fold(form) not in shorts:
                assert expand(form) == form


def test_expansions_lists_each_short_once_in_question_order():
    assert expansions("电商和AI") == [("电商", ("电子商务",)), ("AI", ("人工智能",))]
    assert expansions("ai芯片和AI+教育、ai算力") == [("ai", ("人工智能",)), ("AI+", ("人工智能+",))]
    assert expansions("电子商务怎么发展") == []


def test_ascii_shorts_match_whole_tokens_in_any_case():
    assert expand("MAIL和EMAIL服务") == "MAIL和EMAIL服务"
    assert expand("AIGC和AI芯片") == "AIGC和人工智能芯片"
    assert expand("ai芯片") == expand("Ai芯片") == expand("ＡＩ芯片") == "人工智能芯片"
    assert expand("What does it say about AI and IoT?") == "What does it say about 人工智能 and 物联网?"
    assert expand("C-V2X") == "C-V2X"  # a hyphen joins the token
    assert expand("VR/AR产业") == "虚拟现实/增强现实产业"


def test_the_longest_short_wins():
    assert expand("社保卡") == "社会保障卡"  # not 社会保险卡
    assert expand("AI+行动") == "人工智能+行动"
    assert expand("NB-IoT和IoT") == "窄带物联网和物联网"
    assert expand("打官司") == "诉讼"
    assert expand("中职教育") == "中等职业教育"


def test_known_chooses_among_the_full_forms():
    assert expand("研发投入", known=lambda f: f == "研究与开发") == "研究与开发投入"
    assert expand("研发投入", known=lambda f: False) == "研发投入"
    assert expand("电商和AI", known={"人工智能"}.__contains__) == "电商和人工智能"


def test_text_already_in_full_form_is_not_expanded_again():
    assert expand("住房公积金和公积金") == "住房公积金和住房公积金"
    assert expand("小微企业") == "小微企业"
    assert expand("国家自然科学基金委员会") == "国家自然科学基金委员会"
    assert expand("首台（套）") == "首台（套）"
    once = expand("R&D和研发")
    assert once == "研发和研究开发"  # one pass: the expansion of R&D is not expanded again


def test_a_short_inside_a_word_of_another_meaning_stays():
    assert expand("提高企业创新能力") == "提高企业创新能力"
    assert expand("科创板上市") == "科创板上市"
    assert expand("在互联网上公开") == "在互联网上公开"
    assert expand("学科协同") == "学科协同"
    assert expand("调研发现") == "调研发现"  # 调研 + 发现, no 研发
    assert expand("一家医院") == "一家医院"
    assert expand("国家医保局") == "国家医疗保障局"  # 家医's not_in word does not hide 医保
