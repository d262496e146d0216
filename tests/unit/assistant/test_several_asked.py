"""Questions asking for several things, or for places besides the one in view, answered from the
tasks that print what they name; and counts that no task prints refused, not answered by a list."""

import pytest

from planqa.assistant.chain import Assistant
from planqa.assistant.evidence import spelled_out
from planqa.assistant.facts import enumerated_counts
from planqa.assistant.scope import names_only
from tests.unit.assistant.test_assistant import assistant_over

# Forums in tasks 1 and 2 (1 titled by one), a list of facilities naming the caravan, a city the
# plan deals with, two associations set up, a deadline for the office reform.
PLAN = ("某市科协年度工作要点\n一、学术交流\n1.办好学术论坛\n举办好泰山学术论坛等高水平交流活动。\n"
        "2.建设智库平台\n打造智库人才论坛品牌，建设智库成果平台。\n二、科普服务\n3.完善科普设施\n"
        "整合流动科技馆、科普大篷车、数字科技馆等科普设施资源。\n4.推进场馆建设\n做好与有关部门特别是青州市的沟通工作，推进科普新馆建设。\n"
        "5.凝聚青年人才\n成立某市青年科学家协会。\n6.建设志愿队伍\n成立某市科普志愿者协会，推进志愿服务。\n"
        "三、自身建设\n7.推进机关改革\n9月底前，完成机关改革，推进所属协会改革。\n")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with assistant_over(tmp_path_factory.mktemp("several"), "forum-plan", PLAN) as assistant:
        yield assistant


def cited(answer):
    return [c.task for c in answer.citations]


def test_a_count_that_also_asks_which_lists_the_tasks_naming_them(assistant):
    answer = assistant.ask("今年要办的论坛有几个，分别是啥")  # no task prints how many: where they are named
    assert not answer.abstained and cited(answer) == [1, 2] and "没有写明数量" in answer.answer
    assert assistant.ask("今年办几个论坛，分别在哪办？").abstained  # where they are held: not printed


def test_which_ones_asked_lists_every_task_printing_it_not_only_the_one_it_titles(assistant):
    assert set(cited(assistant.ask("带“论坛”两个字的工作有哪几个"))) == {1, 2}
    assert set(cited(assistant.ask("论坛这块要做哪些？"))) == {1, 2}  # task 1 is titled by it
    assert cited(assistant.ask("论坛这块要做什么？"))[:1] == [1]  # one thing asked: the task it titles


def test_a_count_of_one_listed_thing_is_not_the_length_of_the_list():
    text = "整合流动科技馆、科普大篷车、数字科技馆等科普设施资源。"
    assert enumerated_counts("要新配几辆科普大篷车", text) == ()
    assert [f.text for f in enumerated_counts("科普设施有几个", text)] == ["流动科技馆、科普大篷车、数字科技馆"]


def test_a_count_no_task_prints_is_refused(assistant):
    assert assistant.ask("今年要新配几辆科普大篷车？").abstained


def test_institutions_set_up_asked_after_the_plans_own_organization(assistant):
    assert cited(assistant.ask("今年科协准备新成立哪些组织？")) == [5, 6]


def test_dealing_with_a_place_the_plan_names_is_about_the_plan():
    text = "做好与有关部门特别是济南市的沟通工作。"
    assert names_only("要点里有跟济南市打交道的事吗？", text) == []
    assert names_only("济南市明天天气怎么样", text) == ["济南市"]


def test_finishing_said_plainly_is_the_deadline_printed(assistant):
    assert "完成" in spelled_out("机关改革啥时候搞完？", PLAN)
    answer = assistant.ask("科协机关改革啥时候搞完？")
    assert cited(answer)[:1] == [7] and "9月底前" in answer.answer


def test_a_term_the_task_in_view_prints_asked_of_other_items(assistant):
    first = assistant.ask("第1项讲什么？")
    answer = assistant.ask("它提到的论坛，别的条目里还出现过吗？", history=[first])
    assert cited(answer) == [2]
    reform = assistant.ask("第7项讲什么？")
    deadline = assistant.ask("这条什么时候完成，其他条目呢？", history=[reform])  # asks of it: no term named
    assert cited(deadline)[:1] == [7] and "9月底前" in deadline.answer


def test_which_of_the_tasks_in_view_print_a_term(assistant):
    listed = assistant.ask("第二部分有哪些任务？")
    assert cited(listed) == [3, 4, 5, 6]
    answer = assistant.ask("这几条里哪些提到了协会？", history=[listed])
    assert set(cited(answer)) == {5, 6}  # not task 7, which prints it too
    shown = assistant.ask("第3项讲什么？", history=[listed])  # the list's third: task 5
    again = assistant.ask("这几条里哪些还提到了协会？", history=[listed, shown])
    assert set(cited(again)) == {5, 6}  # the task shown last is one of them
    assert assistant.ask("这几条里哪些提到了论坛？", history=[listed]).abstained  # none of them does


def test_a_term_asked_of_the_titles_lists_the_tasks_it_titles(assistant):
    assert cited(assistant.ask("标题里带“论坛”两个字的任务有哪些？")) == [1]  # task 2 prints it in its text
    assert assistant.ask("标题里有“智库成果”的任务有哪些？").abstained  # only a text prints it


def test_two_questions_in_one_message_each_answered_from_its_task(assistant):
    answer = assistant.ask("科普设施怎么整合，新馆建设又怎么推进？")
    assert set(cited(answer)) == {3, 4}
    assert cited(assistant.ask("科普设施怎么整合，有什么要求？"))[:1] == [3]  # the second names nothing of its own
    assert "分别见" not in assistant.ask("科普设施怎么整合，新馆建设又怎么推进它们？").answer  # 它们: of the same thing
    assert "分别见" not in assistant.ask("科普设施怎么整合，新馆建设怎么推进？").answer  # nothing says it is another


@pytest.mark.parametrize("clause, before, other", [
    ("线上有没有专门的系统", "对委员，线下怎么服务他们履职", True),  # the counterpart of 线下
    ("管理服务又怎么做", "人才队伍要用在哪些地方", True),
    ("预算上怎么安排的", "建设的钱从哪出啊", False),  # the same thing asked again
])
def test_a_later_clause_asks_of_another_thing_only_when_it_says_so(clause, before, other):
    assert Assistant._asks_else(clause, before) is other


GLOSSARY_PLAN = ("某市方案\n一、总体要求\n（一）目标\n到2025年建成平台。\n（二）任务\n培育企业。\n附件\n名词解释\n"
                 "一、平台：提供服务的系统。\n二、企业：从事生产的组织。\n三、园区：企业集聚的区域。\n")


def test_the_entries_of_a_glossary_attachment_are_counted(tmp_path):
    with assistant_over(tmp_path, "glossary-plan", GLOSSARY_PLAN) as assistant:
        answer = assistant.ask("名词解释一共解释了多少个术语？")
        assert not answer.abstained and "共3项" in answer.answer
        assert [c.section for c in answer.citations] == ["附件/一", "附件/二", "附件/三"]


def test_a_short_word_names_a_thing_when_few_tasks_print_it_and_no_pronoun():
    from planqa.assistant.chain import rare_word_printed

    tasks = ["举办好泰山学术论坛", "鼓励企业自己申报论坛项目", "打造智库人才论坛品牌"]
    idf = {"泰山": 2.0, "自己": 2.0, "论坛": 1.5, "学术": 1.0}
    assert rare_word_printed("泰山那个还办不办", tasks[0], tasks, idf)
    assert not rare_word_printed("泰山那个还办不办", tasks[1], tasks, idf)  # another task's word
    assert not rare_word_printed("我们自己能报吗", tasks[1], tasks, idf)  # a pronoun names nothing
    assert not rare_word_printed("论坛还办不办", tasks[0], tasks, idf)  # printed by every task
