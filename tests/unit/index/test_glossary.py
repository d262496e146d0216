import re
import threading

import pytest

from planqa.index.glossary import (
    Glossary,
    dictionary,
    english_words,
    is_english,
    parse_cedict,
    parse_readings,
    parse_senses,
    spelled_in,
    stem,
)

# CC-CEDICT lines in the dictionary's own format (traditional simplified [pinyin] /senses/).
SAMPLE = """\
# CC-CEDICT sample
智庫 智库 [zhi4 ku4] /think tank; intellectual resource/
院士 院士 [yuan4 shi4] /scholar/academician/fellow (of an academy)/
年輕 年轻 [nian2 qing1] /young/
青年 青年 [qing1 nian2] /youth/youthful years/young person/the young/
法規 法规 [fa3 gui1] /statute/legislation/
條例 条例 [tiao2 li4] /regulations; rules; code of conduct; ordinances; statutes/
修訂 修订 [xiu1 ding4] /to revise/
辦 办 [ban4] /to handle/to manage/
開展 开展 [kai1 zhan3] /to launch/
邪教 邪教 [xie2 jiao4] /evil cult/
地方性 地方性 [di4 fang1 xing4] /local/
工作 工作 [gong1 zuo4] /to work/job/CL:份[fen4],個|个[ge4]/
""".splitlines()
PLAN = "做好院士推选，组建青年科学家协会，开展反邪教工作，建设智库，修订协会条例。"


# Ten plan words that all mean "to handle": a sense too common to link anything.
HANDLE = [f"{a}{b}" for a, b in zip("甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉")]


@pytest.fixture(scope="module")
def glossary():
    known = parse_cedict(SAMPLE) | {w: "to handle" for w in HANDLE}
    return Glossary(PLAN + "，".join(HANDLE), known)


def test_senses_are_stemmed_content_words_without_notes():
    assert parse_senses("/think tank; intellectual resource/") == (("think", "tank"), ("intellectu", "resourc"))
    assert parse_senses("/fellow (of an academy)/CL:份[fen4]/") == (("fellow",),)
    # two names for one thing: either alone translates it (after the pair, the first sense)
    assert parse_senses("/Weixin or WeChat (messaging service)/") == (("weixin", "wechat"), ("weixin",), ("wechat",))
    assert parse_senses("/success or failure/") == (("success", "failur"),)  # opposites stay one sense
    assert english_words("Which tasks mention the academicians?") == ["academician"]


def test_parse_cedict_keys_simplified_words_and_skips_comments():
    known = parse_cedict(SAMPLE)
    assert known["智库"] == "think tank; intellectual resource"
    assert "智庫" not in known and not any(k.startswith("#") for k in known)


def test_only_words_of_the_plan_are_terms(glossary):
    assert {"智库", "院士", "青年", "条例", "修订", "开展", "邪教", "工作"} <= set(glossary.terms)
    assert "年轻" not in glossary.terms and "法规" not in glossary.terms


def test_english_questions_reach_the_plan_terms(glossary):
    terms, trust = glossary.english("Which tasks are about think tanks?")
    assert max(terms, key=terms.get) == "智库" and terms["智库"] == 1.0
    assert 0 < trust <= 1
    terms, _ = glossary.english("Is the regulation going to be revised?")
    assert "修订" in terms
    assert glossary.english("What about the weather tomorrow?") == ({}, 0.0)


def test_a_sense_matches_when_most_of_its_words_are_asked(glossary):
    assert "邪教" in glossary.english("the anti-cult work")[0]  # "evil cult": half of it


def test_synonyms_share_the_first_sense_of_the_asked_word(glossary):
    assert glossary.synonyms("年轻") == ["青年"]
    assert glossary.synonyms("法规") == ["条例"]  # statute ~ statutes


def test_common_senses_link_nothing(glossary):
    assert glossary.specificity(("handl",)) < 0.45 < glossary.specificity(("young",))
    assert glossary.synonyms("办") == []  # "to handle", like ten plan words
    assert glossary.synonyms("天气") == []


def test_expand_adds_synonyms_only_for_words_the_plan_lacks(glossary):
    expansion = glossary.expand("年轻的院士有什么计划", plan_words={"院士"})
    assert set(expansion.terms) == {"青年"} and expansion.coverage is None
    assert glossary.expand("院士", plan_words={"院士"}).terms == {}


def test_expand_looks_inside_long_words(glossary):
    assert "条例" in glossary.expand("那部地方性法规", plan_words=set()).terms


def test_expand_translates_english(glossary):
    expansion = glossary.expand("List every task about academicians", plan_words=set())
    assert "院士" in expansion.terms and expansion.coverage > 0


@pytest.mark.parametrize(("text", "english"), [
    ("Which tasks mention think tanks?", True),
    ("Tell me about the campaign (创新争先行动).", True),
    ("哪项任务涉及APP建设？", False),
    ("推动5G", False),
])
def test_is_english(text, english):
    assert is_english(text) is english


def test_the_bundled_dictionary_bridges_the_seed_plan(seed_clean):
    glossary = Glossary(seed_clean)
    assert len(dictionary()) > 100_000
    assert "院士" in glossary.english("List every task that involves academicians")[0]
    assert "智库" in glossary.english("Which tasks are related to think tanks?")[0]
    assert "青年" in glossary.synonyms("年轻")


def test_english_words_are_stemmed_right_from_many_threads():
    # The API server answers from a thread pool; snowball stemmers keep state in the object.
    text = "popularization academicians regulations revised alleviation universities organizations " * 20
    expected = english_words(text)
    wrong: list[object] = []

    def work():
        for _ in range(100):
            try:
                stem.cache_clear()  # stem for real, in every thread at once
                if english_words(text) != expected:
                    wrong.append("mixed up")
            except Exception as err:  # noqa: BLE001 — counted below
                wrong.append(err)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


def test_english_groups_gather_the_translations_of_the_same_words():
    known = parse_cedict(SAMPLE) | {"思想库": "think tank"}
    glossary = Glossary(PLAN + "，思想库", known)
    groups, _ = glossary.english_groups("think tanks and academicians")
    assert sorted(sorted(terms) for _, terms in groups) == [["思想库", "智库"], ["院士"]]
    assert all(0 < weight <= 1 for weight, _ in groups)


def test_a_translation_of_some_of_a_phrases_words_joins_the_phrases_group():
    known = parse_cedict(SAMPLE) | {"公众号": "official account (on a social networking platform)",
                                    "会计": "accountant/accounting", "官方": "official", "正式": "official"}
    glossary = Glossary(PLAN + "，微信公众号，会计，官方，正式", known)
    groups, _ = glossary.english_groups("Which tasks mention official accounts?")
    assert [terms for _, terms in groups] == [["公众号", "会计"]]  # one topic, not 会计 apart
    terms, _ = glossary.english("Which tasks mention official accounts?")
    assert set(terms) == {"公众号", "会计"}  # the search still hears every translation


# One plan word per English word, each as rare as the others: translations of equal weight.
PLACES = """\
院士 院士 [yuan4 shi4] /academician/
專家 专家 [zhuan1 jia1] /expert/
工作站 工作站 [gong1 zuo4 zhan4] /workstation/
科學 科学 [ke1 xue2] /science/
理科 理科 [li3 ke1] /science/
技術 技术 [ji4 shu4] /technology/
工藝 工艺 [gong1 yi4] /technology/
""".splitlines()


def test_translations_of_equal_weight_come_in_the_questions_order():
    # Not in a set's order, which changes with PYTHONHASHSEED: the listing names its terms so.
    glossary = Glossary("院士专家工作站，理科，工艺", parse_cedict(PLACES))
    question = "Which tasks mention academician expert workstations?"
    groups, _ = glossary.english_groups(question)
    assert groups == [(1.0, ["院士"]), (1.0, ["专家"]), (1.0, ["工作站"])]
    assert list(glossary.english(question)[0]) == ["院士", "专家", "工作站"]
    groups, _ = glossary.english_groups("workstations for experts, and academicians")
    assert [terms for _, terms in groups] == [["工作站"], ["专家"], ["院士"]]


def test_synonyms_of_a_long_words_parts_come_in_its_order():
    glossary = Glossary("理科，工艺", parse_cedict(PLACES))
    assert list(glossary.expand("科学技术", plan_words=set()).terms) == ["理科", "工艺"]  # 科学, 技术


def test_words_asking_where_the_plan_says_something_are_no_topic():
    # "talk about" would translate to 对话 and send the search to tasks about dialogue
    assert english_words("Where does the plan talk about museums?") == english_words("museums")
    assert english_words("Which part discusses volunteers?") == english_words("volunteers")


READINGS = """\
海 海 [Hai3] /surname Hai/
海 海 [hai3] /ocean/sea/
智 智 [zhi4] /wisdom/
強 强 [qiang2] /strong/
強 强 [jiang4] /stubborn/
魯 鲁 [Lu3] /Shandong/
女 女 [nu:3] /female/
海智 海智 [hai3 zhi4] /not a character: no reading of its own/
""".splitlines()


def test_readings_are_each_characters_pinyin_without_tones():
    sounds = parse_readings(READINGS)
    assert sounds["海"] == ("hai",) and sounds["强"] == ("qiang", "jiang")
    assert sounds["女"] == ("nu", "nv")  # ü written either way
    assert "海智" not in sounds


def test_a_name_spelled_in_pinyin_is_found_where_the_text_reads_so():
    sounds = parse_readings(READINGS)
    assert spelled_in("做大做强“海智强鲁计划”，建设海智基地", "haizhiqianglu", sounds) == ["海智强鲁"]
    assert spelled_in("海智基地", "haizhi", sounds) == ["海智"]
    assert spelled_in("海智基地", "hai", sounds) == []  # one character is no name
    assert spelled_in("海智基地", "haizhu", sounds) == []
    # a name is a word: a run longer than any word is none, however long the typed letters
    assert spelled_in("海" * 3000, "hai" * 1500, sounds) == []
    assert spelled_in("海" * 3000, "hai" * 8, sounds) == ["海" * 8]


def test_an_english_question_spelling_a_plan_name_in_pinyin_reaches_it(glossary):
    sounds = parse_readings(READINGS)
    known = parse_cedict(SAMPLE)
    names = Glossary(PLAN + "做大做强“海智强鲁计划”。", known, sounds)
    groups, _ = names.english_groups("What is the Haizhi Qianglu plan about?")
    assert ["海智强鲁"] in [terms for _, terms in groups]
    groups, _ = names.english_groups("Which tasks mention think tanks?")  # English words only
    assert [terms for _, terms in groups] == [["智库"]]
    assert names.english_groups("What is the Haizhu plan about?")[0] == []  # no such name printed


def test_english_words_are_no_pinyin_names():
    # With the whole dictionary: Beijing, Like and Fake are English words of its senses (北京,
    # 喜欢, 假), so they are never read as 背景, 立科 or 法可 however the plan's text reads.
    names = Glossary("建设背景，成立科协，依法可行，做大做强“海智强鲁计划”。")
    for question in ("Does the plan mention Beijing?", "Would you Like to see the tasks?", "Fake products?"):
        assert not any(t in ("背景", "立科", "法可") for _, terms in names.english_groups(question)[0] for t in terms)
    # a name is capitalized or quoted; lower-case words are English ones
    assert ["海智强鲁"] in [terms for _, terms in names.english_groups("Who leads the Haizhi Qianglu programme?")[0]]
    assert ["海智强鲁"] in [terms for _, terms in names.english_groups("what is 'haizhi qianglu'?")[0]]
    assert not names.english_groups("what is haizhi qianglu?")[0]


def test_the_stems_are_snowballs_english_stems_whichever_engine_runs():
    # PyStemmer's C engine (a dependency, for speed) must give the pure-Python algorithm's stems.
    from snowballstemmer.english_stemmer import EnglishStemmer

    python = EnglishStemmer()
    words = sorted({w for sense in dictionary().values() for w in re.findall(r"[a-z]+", sense.lower())})
    assert len(words) > 10_000
    assert [w for w in words if stem(w) != python.stemWord(w)] == []
