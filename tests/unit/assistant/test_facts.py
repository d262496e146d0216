"""Facts of a task's text: every example row of facts.toml yields its fact, no counter-example
row yields its kind, and facts_in() finds them in order, in the sentence that holds them."""

import pytest

from planqa.assistant.facts import (Fact, asks_kinds, count_unit, fact_kinds, facts_in, filled_counts, in_kinds_only,
                                    named_place, of_kind, raw_facts, single_counts)

ROWS = raw_facts()["fact"]


def _cases(key):
    return [pytest.param(row["name"], case, id=f"{row['name']}-{i}")
            for row in ROWS for i, case in enumerate(row[key])]


@pytest.mark.parametrize("kind, case", _cases("examples"))
def test_each_example_yields_its_fact(kind, case):
    sentence, printed = case
    facts = of_kind(facts_in(sentence), kind)
    assert printed in [f.text for f in facts], (sentence, facts)
    assert all(f.sentence == sentence for f in facts)


@pytest.mark.parametrize("kind, sentence", _cases("counter"))
def test_no_counter_example_yields_its_kind(kind, sentence):
    assert of_kind(facts_in(sentence), kind) == ()


def test_every_kind_has_examples_and_counter_examples():
    assert fact_kinds() == ("when", "event_time", "time_manner", "count", "ratio", "amount_manner", "ordinal", "money", "who", "person", "place", "contact",
                            "procedure", "standard", "code", "frequency", "role", "aim", "penalty", "founded", "doc_number", "titled")
    for row in ROWS:
        assert len(row["examples"]) >= 6 or row["name"] in ("person", "contact"), row["name"]
        assert row["counter"], row["name"]


# A task as a plan prints it: several sentences, a lead note after the last one.
TASK = ("选取20个左右的省级学会先行试点，积累学会改革经验。6月底前，完成机关及直属单位改革；"
        "对揭榜后经考核认定实施成功的，给予最高200万元的资金支持。\n"
        "（责任单位：崂山区政府，市财政局、市地方金融监管局）")


def test_a_task_yields_each_kind_in_text_order_in_its_sentence():
    facts = facts_in(TASK, leads=("崂山区政府", "市财政局", "市地方金融监管局"))
    assert [(f.kind, f.text) for f in facts] == [
        ("count", "20个左右"),
        ("when", "6月底前"),
        ("money", "最高200万元"),
        ("who", "崂山区政府"),
        ("place", "崂山区"),
        ("who", "市财政局"),
        ("who", "市地方金融监管局"),
    ]
    for f in facts:
        assert f.sentence in TASK and f.text in f.sentence
    assert facts[0].sentence == "选取20个左右的省级学会先行试点，积累学会改革经验。"
    assert facts[1].sentence == "6月底前，完成机关及直属单位改革；"
    # The note on its own line belongs to the sentence before it, line break and all.
    assert facts[3].sentence == ("对揭榜后经考核认定实施成功的，给予最高200万元的资金支持。\n"
                                 "（责任单位：崂山区政府，市财政局、市地方金融监管局）")


def test_leads_are_who_facts_once_each():
    text = "打造全民终身学习的资源库和服务平台。（省教育厅负责）"
    facts = facts_in(text, leads=("省教育厅",))
    assert facts == (Fact("who", "省教育厅", text),)


def test_a_lead_the_text_does_not_print_comes_last_without_a_sentence():
    facts = facts_in("2025年底前，建成10个示范区。", leads=("省大数据局",))
    assert [(f.kind, f.text, f.sentence) for f in facts][-1] == ("who", "省大数据局", "")
    assert [f.kind for f in facts] == ["when", "count", "who"]


def test_a_generic_lead_is_no_answer():
    text = "进一步改善老年人办事体验。（相关部门及各地区按职责分工负责）"
    assert of_kind(facts_in(text, leads=("相关部门及各地区",)), "who") == ()


def test_a_lead_named_earlier_in_the_text_is_found_at_its_note():
    text = "支持省大数据局建设数据平台。推进政务数据共享开放。（省大数据局牵头）"
    (who,) = of_kind(facts_in(text, leads=("省大数据局",)), "who")
    assert who.sentence == "推进政务数据共享开放。（省大数据局牵头）"


def test_several_kinds_in_an_application_notice():
    text = ("申报主体须于2022年10月28日前完成线上申报，并对申报内容真实性负责。\n"
            "每个场景描述控制在3000字以内，可配图说明。\n"
            "市场监督管理总局标准技术司苏静茹010-82262645")
    facts = facts_in(text)
    assert [(f.kind, f.text) for f in facts] == [
        ("when", "2022年10月28日前"),
        ("procedure", "线上申报"),
        ("count", "3000字以内"),
        ("person", "苏静茹"),
        ("contact", "010-82262645"),
    ]
    assert [f.sentence for f in facts][-1] == "市场监督管理总局标准技术司苏静茹010-82262645"


def test_a_list_of_units_is_one_fact_per_unit():
    text = "（牵头单位：省科技厅，责任单位：省委组织部、省发展改革委、省工业和信息化厅等）"
    assert [f.text for f in of_kind(facts_in(text), "who")] == [
        "省科技厅", "省委组织部", "省发展改革委", "省工业和信息化厅"]


def test_a_task_without_facts_and_an_empty_text():
    assert facts_in("坚持问题导向与循序渐进相结合。") == ()
    assert facts_in("") == ()
    assert of_kind(facts_in(TASK), "standard") == ()


@pytest.mark.parametrize("question, text, counts", [
    ("统筹推进的是“几位一体”总体布局？", "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。", ["五位一体"]),
    ("新战略是“几个革命、几个合作”？", "深入贯彻落实“四个革命、一个合作”能源安全新战略。", ["四个革命", "一个合作"]),
    ("要打造几大产业集群？", "打造十大产业集群，培育一批领军企业。", ["十大产业集群"]),
    ("有几个部门参与？", "由两个部委牵头负责。", []),  # 部门 is not 部委: a word of two characters at least
    ("选取多少个学会？", "选取20个左右的省级学会。", []),  # no 几: the number patterns answer it
    ("研发投入强度提高几个百分点？", "研发投入强度提高1.5个百分点。", ["1.5个百分点"]),  # whole, not the 5 of 1.5
    ("要建设几个基站？", "建设一个基站管理平台。", []),  # 一个 here is an article
    ("数据要汇成几张网？", "建设全省数据“一张网”，统一调度。", ["一张网"]),  # a slogan in quotes opens with it
    ("要建设几个基站？", "一个基站管理平台要建好。", []),  # an article opening the text too
    ("智慧工地要统一几项标准？", "统一五项标准，规范数据接口。", ["五项标准"]),  # 统一 holds no 一五项
    ("监管要落实几个“最严”？", "落实“四个最严”要求，加强全过程监管。", ["四个最严"]),  # a noun quoted is its words
])
def test_a_count_the_question_leaves_blank_is_filled_from_the_text(question, text, counts):
    assert [f.text for f in filled_counts(question, text)] == counts


@pytest.mark.parametrize("text, named", [("济南", True), ("崂山区", True), ("长三角", False), ("京津冀", False), ("产业", False)])
def test_a_place_by_name_is_a_city_or_an_administrative_name_not_a_region(text, named):
    assert named_place(text) is named


ENUMERATION = raw_facts()["enumeration"]


@pytest.mark.parametrize(("question", "sentence", "printed"), ENUMERATION["examples"])
def test_what_a_question_counts_is_counted_where_the_sentence_lists_it(question, sentence, printed):
    from planqa.assistant.facts import enumerated_counts, enumeration_items, shown

    facts = enumerated_counts(question, sentence)
    assert [f.text for f in facts] == [printed] and facts[0].sentence == sentence
    assert shown(facts[0]) == f"共{len(enumeration_items(printed))}个：{printed}"


@pytest.mark.parametrize(("question", "sentence"), ENUMERATION["counter"])
def test_no_count_where_the_list_is_not_of_what_is_counted(question, sentence):
    from planqa.assistant.facts import enumerated_counts

    assert enumerated_counts(question, sentence) == ()


def test_the_noun_counted_is_read_after_its_count_or_before_it_at_the_end():
    from planqa.assistant.facts import counted_nouns

    assert counted_nouns("省科协机关一共有多少个编制？") == ("编制",)
    assert counted_nouns("要精准管理的生产要素有几个？") == ("生产要素", "产要素", "要素")
    assert counted_nouns("这个平台是谁建设的？") == ()
    assert counted_nouns("标准一共要制修订多少项呢？") == counted_nouns("标准一共要制修订多少项？")  # no 项呢
    assert counted_nouns("要精准管理的生产要素有几个啊") == ("生产要素", "产要素", "要素")


def test_a_number_of_the_thing_counted_answers_before_a_list():
    from planqa.assistant.facts import counting

    question = "到2025年要建成多少个示范场景？"
    numbered = of_kind(facts_in("到2025年，建成100个示范场景，支持高校、科研院所、新型研发机构参与。"), "count")
    assert [f.text for f in numbered if counting(question, f)] == ["100个"]
    other = of_kind(facts_in("培育20家骨干企业，建设示范场景。"), "count")
    assert other and not any(counting(question, f) for f in other)  # 20家 counts firms, not scenes


def test_a_number_counts_the_noun_after_a_long_qualifier_closed_by_de():
    from planqa.assistant.facts import counting

    question = "要建的物流枢纽有几个？"
    sentence = "到2027年，建成3个左右辐射周边省份、联通国际通道的物流枢纽，培育一批骨干企业。"
    assert [f.text for f in of_kind(facts_in(sentence), "count") if counting(question, f)] == ["3个左右"]
    for other, counted in (("到2027年，支持2家企业建设冷链和仓储设施的物流枢纽。", []),  # the firms counted
                           ("到2027年，建成3个辐射全国、5个辐射全省的物流枢纽。", ["5个"]),  # the nearer number
                           ("到2027年，建成3个辐射周边的园区和联通国际通道的物流枢纽。", []),  # its own 的: a park
                           ("到2027年，建成3个辐射周边省份的物流枢纽园区。", []),  # parks counted, not hubs
                           ("到2027年，建成3个左右辐射周边省份和国际通道的冷链基地，提升物流枢纽能力。", [])):
        counts = of_kind(facts_in(other), "count")
        assert counts and [f.text for f in counts if counting(question, f)] == counted, other


@pytest.mark.parametrize("text, year, printed", [
    ("到2025年，建成", "2025", True), ("第二阶段（2018-2020年）", "2018", True), ("（2023—2025年）", "2025", True),
    ("发布时间：2017-03-07", "2017", True), ("落实《中国制造2025》", "2025", False), ("编号20251", "2025", False),
])
def test_a_year_is_printed_as_a_year_not_inside_a_name(text, year, printed):
    from planqa.assistant.facts import prints_year

    assert prints_year(text, year) is printed


def test_a_number_is_said_of_the_year_printed_last_before_it():
    from planqa.assistant.facts import year_of

    body = "到2020年，技术与世界同步。核心产业规模超过1500亿元。到2025年，核心产业规模超过4000亿元。"
    assert year_of(Fact("money", "1500亿元", "核心产业规模超过1500亿元。"), body) == "2020年"
    assert year_of(Fact("money", "4000亿元", "到2025年，核心产业规模超过4000亿元。"), body) == "2025年"
    assert year_of(Fact("count", "30项", "制定30项以上标准，到2022年完成。"), "制定30项以上标准，到2022年完成。") == "2022年"
    assert year_of(Fact("count", "20个", "选取20个学会试点。"), "选取20个学会试点。") == ""


def test_a_year_in_the_numbers_own_sentence_comes_before_an_earlier_ones():
    from planqa.assistant.facts import year_of

    body = "到2020年，建立标准体系。制定30项以上标准，到2022年完成。"
    assert year_of(Fact("count", "30项", "制定30项以上标准，到2022年完成。"), body) == "2022年"


def test_a_count_asked_in_its_own_unit_is_answered_in_that_unit():
    from planqa.assistant.facts import Fact, asked_unit, in_unit

    samples = asked_unit("测试集最少要多少例样本？")
    assert not in_unit(Fact("count", "不少于3家", ""), samples)
    assert in_unit(Fact("count", "100例以上", ""), samples)
    assert asked_unit("要请几个人？") == asked_unit("要请多少名专家？") == frozenset()  # any count answers
    assert asked_unit("能拿多少支持？") == frozenset()  # 支持 is a word, not the unit 支
    assert asked_unit("经费是多少？") == frozenset()
    hours = asked_unit("教师每年要修满多少学时？")  # a unit of study: only a count in it answers
    assert in_unit(Fact("count", "72学时", ""), hours) and not in_unit(Fact("count", "3个", ""), hours)
    band = asked_unit("这个频段宽多少兆赫？")  # a unit asked in Chinese, printed in Latin letters
    assert in_unit(Fact("count", "2400-2483MHz", ""), band) and not in_unit(Fact("count", "3个", ""), band)
    assert in_unit(Fact("count", "50公里", ""), asked_unit("线路长多少km？"))


@pytest.mark.parametrize("question, unit", [
    ("产业生态优化工程从几个方面着手？", "个方面"), ("生命周期一共包括几个环节？", "个环节"),
    ("重点产品延链列了几类重点产品？", "类"), ("主要目标分了几个时间节点？", "个"),
    ("主要目标列了多少个方面？", "个方面"), ("分几层？", "层"), ("推进分几步走？", "步"),
    ("基本原则有几条？", "条"), ("分为几大行动？", "条"), ("这几个方面里第一项有几条？", "条")])
def test_a_count_of_items_is_answered_in_the_unit_it_is_asked_in(question, unit):
    assert count_unit(question, ["方面", "环节", "部分"]) == unit


def test_a_joiner_inside_the_last_word_of_a_list_joins_nothing():
    from planqa.assistant.facts import enumeration_items

    assert enumeration_items("短板攻坚、前沿探索、转化创业、普及服务") == ("短板攻坚", "前沿探索", "转化创业", "普及服务")
    assert enumeration_items("研发、生产、供应、销售和服务") == ("研发", "生产", "供应", "销售", "服务")
    assert enumeration_items("人、机、料、法和环") == ("人", "机", "料", "法", "环")


def test_a_list_starts_after_its_opening_word_and_ends_before_its_closing_word():
    from planqa.assistant.facts import enumerations

    (things, _, _), = enumerations("构建由科普云平台、科普网站、微信公众号矩阵、数字科普系统组成的科普信息化新业态。")
    assert things == ("科普云平台", "科普网站", "微信公众号矩阵", "数字科普系统")
    (things, _, _), = enumerations("推动涵盖研发、生产、销售在内的全流程改造。")
    assert things == ("研发", "生产", "销售")
    # no opening word: the first thing is cut to the others' length, as before
    (things, _, _), = enumerations("实现基于数据的人、机、料、法、环等生产要素精准管理。")
    assert things == ("人", "机", "料", "法", "环")


def test_opening_and_closing_words_inside_other_words_cut_nothing():
    from planqa.assistant.facts import enumerations

    (things, _, _), = enumerations("鼓励自由职业者、个体工商户经营者、小微企业主参与。")
    assert things[0].endswith("自由职业者")  # 由 of 自由 opens nothing
    (things, _, _), = enumerations("以研发、生产、销售作为主要环节。")
    assert things[-1].startswith("销售作为")  # 为主 of 作为主要 closes nothing
    # after an opening word the first thing is whole, however long
    (things, _, _), = enumerations("聚焦智能传感器、芯片、算法等领域。")
    assert things == ("智能传感器", "芯片", "算法")


def test_the_names_after_a_title_ending_in_contact_person_are_people():
    # （一）中方联系人：陈婧 刘秀萍 reads as the title 中方联系人 and the body 陈婧刘秀萍: the task's facts
    # are read from its title and body joined by "。\n"
    facts = facts_in("中方联系人。\n陈婧刘秀萍\n电话：010-62326877")
    assert [f.text for f in facts if f.kind == "person"] == ["陈婧刘秀萍"]
    assert not [f for f in facts_in("联系人及电话。\n电话：010-62326877") if f.kind == "person"]
    # only a whole line of names: not a sentence, nor a label cut short
    assert not [f for f in facts_in("确定联系人。\n各单位要于6月底前报送名单。") if f.kind == "person"]
    assert not [f for f in facts_in("联系人。\n联系电话：010-62326877") if f.kind == "person"]
    assert not [f for f in facts_in("联系人：张明电话：010-62326877") if f.kind == "person"]


@pytest.mark.parametrize("question, nouns", [
    ("八大行动分别是哪八个？", ("行动",)), ("“四类平台”具体是哪些？", ("平台",)), ("三个方面都有哪些", ("方面",)),
    ("第二个行动是什么？", ()), ("八大行动哪个最重要", ()), ("每个企业都要做什么", ()), ("5个工作日内需要提交什么", ()),
    ("10个示范项目在哪里建设", ()), ("5个工作日是指什么？", ())])
def test_a_set_asked_for_by_its_number_names_its_kind(question, nouns):
    from planqa.assistant.facts import which_nouns

    assert which_nouns(question)[:1] == nouns


@pytest.mark.parametrize("question, head", [
    ("配套工程具体指哪些？", "配套工程"), ("示范平台分别是哪几个", "示范平台"), ("两项工程都是哪些", "两项工程"),
    ("配套工程有哪些", None), ("配套工程包括哪些", None), ("配套工程都有哪些", None), ("配套园区具体包括哪些", None),
    ("配套工程分别有哪些", "配套工程")])
def test_things_asked_by_name_each_before_the_asking(question, head):
    """Each of them asked by name (具体指哪些, 分别是, 都是, 分别有): the noun before; 有哪些, 都有哪些
    or 包括哪些 ask a thing's items, not its instances by name."""
    from planqa.assistant.facts import named_nouns

    assert (named_nouns(question)[:1] or (None,))[0] == head


def test_one_before_the_thing_counted_is_one_but_a_batch_of_it_is_an_amount():
    assert [f.text for f in single_counts("要建几张网？", "建成全市一张网。")] == ["一张"]
    assert [f.text for f in single_counts("要建几个平台？", "搭建一个平台。")] == ["一个"]
    assert single_counts("要培育几家服务商？", "培育一批服务商。") == ()  # 一批: amount_manner, not one


def test_a_numeral_right_before_the_thing_counted_is_its_count():
    """三网融合 says three networks: a numeral with no unit before the noun counted."""
    assert [f.text for f in single_counts("要打通几张网？", "推动两网数据互通。")] == ["两网"]
    assert [f.text for f in single_counts("要建几个中心？", "建设三中心一平台。")] == ["三中心"]
    assert single_counts("要建几个中心？", "建设第三中心。") == ()  # an ordinal
    assert [f.text for f in single_counts("有几个部门参与？", "由两部门联合印发。")] == ["两部门"]
    assert single_counts("要编制几个规划？", "编制十四五规划。") == ()  # inside a larger number
    assert single_counts("分几个季度推进？", "三季度末前完成验收。") == ()  # a noun it orders
    assert single_counts("要建几个中心？", "改造市三中心医院。") == ()  # inside a name


def test_a_count_of_kinds_answers_only_a_question_asking_kinds():
    """两大类 says how many kinds there are: it answers 分几类, not 多少颗 or 预算多少."""
    count = next(f for f in facts_in("终端主要有两大类：车载终端、场站终端。") if f.kind == "count")
    assert in_kinds_only(count) and asks_kinds("终端分几类？") and asks_kinds("终端有几种")
    assert not asks_kinds("已经发射过几颗卫星？")
    other = next(f for f in facts_in("建设站台电子屏200个。") if f.kind == "count")
    assert not in_kinds_only(other)
