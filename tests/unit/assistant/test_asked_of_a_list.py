"""Questions about the tasks a plan lists: which state a kind of fact, how many print a term and
which, the things a sentence lists by name, places in the list just shown (排第三的, 排最前面那条),
a clause pointing at one before what is asked of it, and tasks offered beside a list."""

import pytest

from planqa.assistant.answer import Answer, Citation
from planqa.assistant.followup import context_from_history
from planqa.assistant.scope import outside_plan
from tests.unit.assistant.test_assistant import assistant_over
from tests.unit.assistant.test_several_asked import cited

# Forums in tasks 1 and 2 (task 2 says what its platform is to be); a list of facilities in task
# 3; a city in task 4; a deadline in task 7, a whole year (no deadline) in task 5; task 8 says two
# things in two sentences.
PLAN = ("某市科协年度工作要点\n一、学术交流\n1.办好学术论坛\n举办好泰山学术论坛等高水平交流活动。\n"
        "2.建设智库平台\n打造智库人才论坛品牌，建设智库成果平台，作为全市智库建设的交流枢纽。\n二、科普服务\n3.完善科普设施\n"
        "整合流动科技馆、科普大篷车、数字科技馆等科普设施资源。\n4.推进场馆建设\n推进科普新馆建设，完善全市场馆布局和展陈内容。做好与有关部门特别是青州市的沟通工作。\n"
        "5.凝聚青年人才\n全年组织青年人才交流活动，成立某市青年科学家协会。\n6.建设志愿队伍\n成立某市科普志愿者协会，推进志愿服务。\n"
        "三、自身建设\n7.推进机关改革\n9月底前，完成机关改革。\n"
        "8.推进学会改革\n选取10个学会开展改革试点，积累学会改革经验。建立学会考核评估机制，激励优秀学会。\n")


@pytest.fixture(scope="module", params=[("listed-plan", PLAN)], ids=["plan"])
def assistant(request, tmp_path_factory):
    name, text = request.param
    with assistant_over(tmp_path_factory.mktemp(name), name, text) as assistant:
        yield assistant


def test_which_tasks_state_a_deadline_lists_those_that_do(assistant):
    answer = assistant.ask("哪条给了明确的完成时限")
    assert cited(answer) == [7] and "9月底前" in answer.answer  # 全年 (task 5) spans a year: no deadline
    assert not answer.abstained
    listed = assistant.ask("第三部分有哪些任务？")
    assert cited(assistant.ask("这几项里哪个给了明确的完成时限", history=[listed])) == [7]
    others = assistant.ask("第二部分有哪些任务？")
    assert assistant.ask("这几项里哪个给了明确的完成时限", history=[others]).abstained


def test_a_count_of_tasks_printing_a_term_that_asks_which_lists_them(assistant):
    answer = assistant.ask("带“论坛”字眼的任务有几条，分别是哪些")
    assert cited(answer) == [1, 2] and not answer.abstained and "2项" in answer.answer
    assert cited(assistant.ask("论坛 提到的地方都列一下")) == [1, 2]  # 地方: where it stands, no topic


def test_the_things_a_sentence_lists_asked_by_name(assistant):
    first = assistant.ask("第3项讲什么？")
    answer = assistant.ask("这条说要整合一些科普设施，都是哪些？", history=[first])
    assert not answer.abstained and cited(answer) == [3]
    assert "流动科技馆、科普大篷车、数字科技馆" in answer.answer


def test_places_in_the_list_just_shown(assistant):
    listed = assistant.ask("第二部分有哪些任务？")
    assert cited(listed) == [3, 4, 5, 6]
    assert cited(assistant.ask("排最前面那条讲什么", history=[listed])) == [3]
    assert cited(assistant.ask("这几条里排第三的那个呢", history=[listed])) == [5]


def test_a_clause_pointing_at_a_task_is_not_what_its_quote_answers(assistant):
    listed = assistant.ask("第三部分有哪些任务？")
    answer = assistant.ask("第二个，学会改革那个，要建什么考核机制", history=[listed])
    assert cited(answer) == [8]
    assert "考核评估机制" in answer.citations[0].quote and "选取10个" not in answer.citations[0].quote


def test_tasks_offered_beside_a_list_are_not_in_it():
    def cite(task, related=False):
        return Citation("p", task, "一", f"任务{task}", "……", 1.0, related=related)

    shown = Answer("有哪些试点", "…", False, (cite(6), cite(13), cite(20), cite(3, related=True)))
    assert context_from_history([shown]).listed == (6, 13, 20)
    assert context_from_history([shown.to_json()]).listed == (6, 13, 20)  # as clients send it back
    assert shown.to_json()["citations"][3]["related"] is True


def test_another_year_asked_of_the_plan_is_outside_it():
    text = "开展科技工作者日活动。巩固巡视整改成果。"
    assert outside_plan("去年的要点里也搞过这个活动吗", text, "某市科协2017年工作要点") is not None
    assert outside_plan("明年还会接着办吗", text, "某市科协2017年工作要点") is not None
    assert outside_plan("帮我查下明年的预算", text, "某市科协2017年工作要点") is not None
    assert outside_plan("去年省里检查查出的问题，今年怎么改", text, "某市科协2017年工作要点") is None
    assert outside_plan("明年要建成几个科普基地？", text, "某市科普基地建设行动计划（2023—2025年）") is None  # within its years
    assert outside_plan("以后年度的补贴标准怎么定", text, "某市科协2017年工作要点") is None  # 以后年度 is no 后年


def test_the_few_other_tasks_of_a_part_are_shown_with_what_they_say(assistant):
    first = assistant.ask("第7项讲什么？")
    answer = assistant.ask("这部分另外几条简单说一下", history=[first])
    assert cited(answer) == [8] and "选取10个学会开展改革试点" in answer.answer
    assert answer.citations[0].quote in PLAN


def test_what_a_thing_is_to_be_is_said_where_the_task_says_it(assistant):
    first = assistant.ask("第2项讲什么？")
    answer = assistant.ask("它的定位是什么", history=[first])
    assert cited(answer) == [2] and "交流枢纽" in answer.answer and not answer.abstained
    other = assistant.ask("第1项讲什么？")  # says none in so many words: its text answers, no role named
    plain = assistant.ask("它的定位是什么", history=[other])
    assert cited(plain) == [1] and not plain.abstained and "定位：" not in plain.answer


def test_places_and_units_asked_by_name_come_from_what_the_task_names(assistant):
    answer = assistant.ask("科普新馆建设主要跟哪个市对接")
    assert cited(answer) == [4] and "地点：青州市" in answer.answer  # the city named, as the place asked
    assert assistant.ask("科普新馆建设要跑哪几个县").abstained  # a city names no county
    assert assistant.ask("智库成果平台交给哪家公司开发").abstained  # no company named
    assert assistant.ask("青年科学家协会的会长定的谁？").abstained  # no person named


# A guide whose opening counts what it lists (场景), in parts by 环节, none of them a number.
GUIDE = ("凝练总结了2个环节的5个典型场景，作为智能工厂建设的参考。\n一、产品设计\n1.数字化研发设计\n"
         "应用5G和仿真技术，开展产品数字化研发设计。\n2.虚拟验证\n构建虚拟验证环境，缩短验证周期。\n"
         "二、生产作业\n3.产线柔性配置\n部署可重构产线，实现快速换产。\n4.人机协同作业\n应用协作机器人，提升作业效率。\n"
         "5.先进过程控制\n依托5G专网，实现生产过程实时控制。\n")


@pytest.mark.parametrize("assistant", [("scenario-guide", GUIDE)], ids=["guide"], indirect=True)
def test_the_things_a_plan_says_it_lists_are_its_items(assistant):
    assert cited(assistant.ask("生产作业环节一共列了几个场景")) == [3, 4, 5]  # counted: the part's items
    assert cited(assistant.ask("哪些场景里提到了5G？")) == [1, 5]  # 场景 asks where, names no topic


STANDARDS = ("某市智能公交建设指南\n一、建设目标\n（一）总体目标\n到2025年建成智能公交系统。\n二、标准规范\n"
             "工程建设应统一建设标准，规范建设行为。\n市交通运输局组织制定如下3项工程标准。\n（1）《智能调度系统技术要求》\n"
             "（2）《电子站牌通讯协议》\n（3）《车载终端技术规范》\n")


def test_a_fact_the_lead_says_of_every_item_it_announces_answers_for_each(tmp_path):
    from tests.unit.assistant.test_assistant import ask_over

    answer = ask_over(tmp_path, "standards", STANDARDS, "《电子站牌通讯协议》由哪个单位组织制定？")
    assert not answer.abstained and "市交通运输局" in answer.answer
    assert (answer.citations[0].task, answer.citations[0].section) == (None, "二")
    # a lead that announces nothing says its facts of itself, not of each item below it
    plain = STANDARDS.replace("市交通运输局组织制定如下3项工程标准。", "市交通运输局组织制定工程标准。")
    (tmp_path / "plain").mkdir()
    other = ask_over(tmp_path / "plain", "plain", plain, "《电子站牌通讯协议》由哪个单位组织制定？")
    assert (other.citations[0].task, other.citations[0].section) != (None, "二")
    # an amount the lead gives is the items' total, none item's own
    funded = STANDARDS.replace("市交通运输局组织制定如下3项工程标准。", "市财政安排3000万元支持制定以下3项工程标准。")
    (tmp_path / "funded").mkdir()
    total = ask_over(tmp_path / "funded", "funded", funded, "《电子站牌通讯协议》投资多少钱？")
    assert "3000万元" not in total.answer
