import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planqa.ingest import charset
from planqa.ingest.clean import (
    annotation_syllable,
    clean_text,
    looks_damaged,
    looks_traditional,
    repair_text,
    strip_annotations,
)


def clean_line(text: str) -> str:
    return clean_text(text).rstrip("\n")


def repair_line(text: str) -> str:
    """The strict filter for damaged text (what ``clean_text`` applies to a damaged document)."""
    return repair_text(text).rstrip("\n")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("科(kē)技(jì)", "科技"),
        ("工(gōng)作(zu♦ò)", "工作"),
        ("习近( jìn)平", "习近平"),
        ("青少(s hǎo)年", "青少年"),
        ("的(de )同时", "的同时"),
        ("我们(men)", "我们"),
        ("产业 (yè)发展", "产业发展"),
        ("中国(gu↑ó)", "中国"),
        ("执行(x₹íng)", "执行"),
        ("全（quán）省", "全省"),  # full-width parentheses
        ("绿(lǜ)色", "绿色"),
        ("略(lüè)", "略"),
        ("主要±(yào)负责", "主要负责"),  # a stray symbol between character and annotation
        ("地¥ (dì)方", "地方"),
    ],
)
def test_pinyin_annotations_are_removed(raw, expected):
    assert clean_line(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "乡镇(街道)",
        "组建人力资源服务中心（以下简称：人力中心）",
        "物联网(IoT)",
        "工作规则（试行）",
        "（联系电话：010-87182093）",
        "人工智能(AI)",
        "附件(a)",
    ],
)
def test_real_parentheticals_survive(text):
    assert clean_line(text) == text


def test_annotation_syllable_checks_the_inventory():
    assert annotation_syllable("zhuàng") == "zhuang"
    assert annotation_syllable("x₹íng") == "xing"
    assert annotation_syllable("lǜ") == "lv"
    assert annotation_syllable("iot") is None  # not a Mandarin syllable
    assert annotation_syllable("IoT") is None
    assert annotation_syllable("a") is None  # a toneless single letter is a label
    assert annotation_syllable("ā") == "a"
    assert annotation_syllable("街道") is None
    assert annotation_syllable("j❶iā") == "jia"  # ❶ is a digit to Python, but noise here


def test_annotation_tells_which_character_is_meant():
    assert clean_line("著(zhe)力推動") == "着力推动"
    assert clean_line("顯著(zhù)") == "显著"
    assert clean_line("乾(gān)淨") == "干净"
    assert clean_line("乾(qián)坤") == "乾坤"


def test_annotation_after_a_previous_annotation_is_found():
    assert strip_annotations("街(jiē)道(dào)") == "街道"
    assert strip_annotations("鄉鎮(街(jiē)道(dào))") == "鄉鎮(街道)"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("嚴≤格", "严格"),
        ("強>省", "强省"),
        ("正'确", "正确"),
        ("推\"動", "推动"),
        ("組織€。", "组织。"),
        ("加☆強", "加强"),
        # symbols that never occur in the seed
        ("科技😀创新", "科技创新"),
        ("科技╬创新", "科技创新"),
        ("科技Ж创新", "科技创新"),
        ("科技ℵ创新", "科技创新"),
        ("科技\ue000创新", "科技创新"),
        ("科技\x07创新", "科技创新"),
        ("科技①创新", "科技创新"),
        ("科技™创新", "科技创新"),
        ("科技%创新", "科技创新"),
        ("科技-创新", "科技创新"),
        ("科技é创新", "科技创新"),
    ],
)
def test_stray_symbols_are_removed(raw, expected):
    assert repair_line(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推动5G网络和APP建设，发展AI产业",
        "覆盖率达到95%，增长3‰，温度18℃以上",
        "坚持——以人民为中心……",
        "“科学·关爱·和谐”示范社区",
        "推动“互联网+科普”发展",
        "发布时间：2017-03-07",
        "1.深入学习十八届六中全会精神",
        "2．加强学会党建工作",
        "3、推进科普志愿服务",
        "4﹒强化关键材料支撑",
        "全社会R&D经费支出占比2.6%",
        "时间为10:30，金额1,000万元",
        "占比≥90%",
        "在Xi'an举办",
        "使用Office 365办公",
        "一、总体要求..........3",
    ],
)
def test_legitimate_content_is_kept(text):
    assert repair_line(text) == text
    assert clean_line(text) == text


def test_odd_whitespace_is_removed_and_paragraphs_kept():
    raw = "  科\u00a0技\u2009工\u200b作\u3000者 \t之家\n\n\n\n  第二\u2003段 落 \n"
    assert clean_text(raw) == "科技工作者之家\n\n第二段落\n"


def test_traditional_becomes_simplified_phrase_aware():
    assert clean_line("後續發展，頭髮乾燥，幹部隊伍") == "后续发展，头发干燥，干部队伍"


def test_punctuation_becomes_full_width_in_chinese_context():
    assert clean_line("訪問次數: 發布時間:2017-03-07") == "访问次数：发布时间：2017-03-07"
    assert clean_line("各市科協,省科協;是否?是!") == "各市科协，省科协；是否？是！"
    assert clean_line('提升"互聯網+"服務能力') == "提升“互联网+”服务能力"
    assert clean_line("Hello, world") == "Hello, world"


def test_damaged_text_folds_full_width_letters_and_digits_to_ascii():
    assert repair_line("５Ｇ网络覆盖９０％") == "5G网络覆盖90%"


@pytest.mark.parametrize(
    "text",
    [
        "构建“1＋2＋N”产业体系，覆盖率达到９０％",
        "①加强组织领导；②强化资金保障",
        "第Ⅱ阶段，β测试，CO₂排放",
        "工信部联装〔2018〕243号",
        "提升产业链－供应链韧性，5～10年",
    ],
)
def test_printed_typography_of_an_undamaged_document_is_kept(text):
    assert clean_line(text) == text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("持续发挥“双区同建\"战略优势，梳理“双碳\"场景", "持续发挥“双区同建”战略优势，梳理“双碳”场景"),  # a lone ASCII quote closes “
        ("加强组织领导.明确责任分工.", "加强组织领导。明确责任分工。"),  # typed on an English layout
        ("2021 年 10 月", "2021年10月"),  # PDF spacing
        ("数据\ue010资源\x07", "数据资源"),  # private-use glyphs and control characters
    ],
)
def test_undamaged_text_is_tidied(raw, expected):
    assert clean_line(raw) == expected


def test_damage_is_told_by_annotation_or_odd_symbol_density():
    assert looks_damaged("科(kē)技(jì)工(gōng)作")
    assert looks_damaged("科技↓工作☆者♦之家™")
    assert not looks_damaged("推动“互联网+科普”发展，覆盖率达到90%，α测试")
    assert not looks_damaged("物联网(IoT)和乡镇(街道)")


def test_traditional_text_is_told_from_simplified():
    assert looks_traditional("後續發展，頭髮乾燥，幹部隊伍")
    assert not looks_traditional("覆盖全省的网络，后续发展")
    assert clean_line("覆盖全省") == "覆盖全省"  # OpenCC would turn 覆 into 复 in a simplified text


def test_seed_comes_out_clean(seed_clean):
    assert not re.search(r"[A-Za-z]", seed_clean)
    allowed = set("0123456789\n.+()-") | charset.CJK_PUNCT
    leftovers = {c for c in seed_clean if not charset.is_han(c) and c not in allowed}
    assert leftovers == set()
    assert "着力推动学会" in seed_clean
    assert "和谐示范乡镇(街道)、社区" in seed_clean
    assert "“互联网+”服务能力" in seed_clean
    assert "发布时间：2017-03-07" in seed_clean


def test_cleaning_is_idempotent(seed_clean):
    assert clean_text(seed_clean) == seed_clean


def test_empty_and_symbol_only_input_clean_to_nothing():
    assert clean_text("") == ""
    assert clean_text(" \u3000♦€\n\n×") == ""


_TRICKY = list("科技工作的著乾(（)）\"' ,.:;?!%-+·—…“”\n\u3000\u00a0abcdeAIoT0123456789āáǎàǖǘǚǜü♦€↓×≤≥<>&")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=40) | st.text(max_size=40))
def test_cleaning_random_text_never_raises_and_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    repaired = repair_text(text)
    assert repair_text(repaired) == repaired


def test_punctuation_runs_are_converted_as_a_whole():
    assert clean_line(":?乾") == "：？干"
