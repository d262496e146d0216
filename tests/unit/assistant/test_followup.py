import pytest

from planqa.assistant.answer import Answer, Citation
from planqa.assistant.followup import Context, context_from_history, list_reference


def test_the_context_is_the_latest_citing_answer_and_the_latest_list():
    listed = Answer("q", "a", False, (Citation("p", 14, "四", "t", "q", 1.0), Citation("p", 9, "三", "t", "q", 1.0)))
    one = {"citations": [{"plan": "p", "task": 14, "section": "四"}]}
    assert context_from_history([listed, one]) == Context("p", 14, "四", (14,), listed=(14, 9), recent=(14,),
                                                          visited=(14,), seen=(14, 9), lists=((14, 9),))
    assert context_from_history([one, {"citations": []}]) == Context("p", 14, "四", (14,), recent=(14,), seen=(14,))


def test_every_task_earlier_answers_cited_is_seen_latest_first_not_related_ones_or_another_plans():
    def about(*tasks, plan="p", related=False):
        return {"citations": [{"plan": plan, "task": t, "section": "一", "related": related} for t in tasks]}

    history = [about(3), about(7, 8), about(5, related=True), about(2, plan="q"), about(4), about(3)]
    assert context_from_history(history).seen == (3, 4, 7, 8)


def test_a_place_past_the_latest_list_is_in_the_latest_list_that_long():
    # "第三个" right after a list of two (its part's tasks, then 其中哪几条…): the part's third
    def about(*tasks):
        return {"citations": [{"plan": "p", "task": t, "section": "三"} for t in tasks]}

    ctx = context_from_history([about(7, 8, 9, 10), about(9, 10)])
    assert (list_reference("第三个展开说说", ctx), list_reference("第二个呢", ctx)) == (9, 10)
    assert list_reference("第五个呢", ctx) is None


def test_the_rest_of_a_list_is_what_was_not_answered_one_by_one_since():
    def about(*tasks):
        return {"citations": [{"plan": "p", "task": t, "section": "一"} for t in tasks]}

    assert context_from_history([about(1, 2, 3), about(3), about(1)]).rest == (2,)
    assert context_from_history([about(1), about(1, 2, 3), about(3)]).rest == (1, 2)  # before the list: not counted
    assert context_from_history([about(1, 2, 3), about(5), about(4, 5)]).rest == (4, 5)  # a newer list
    other = {"citations": [{"plan": "q", "task": 2, "section": "一"}]}
    assert context_from_history([about(1, 2, 3), other, about(3)]).rest == (1, 2)  # another plan's task 2


def test_a_pair_just_answered_is_named_by_former_and_latter():
    ctx = context_from_history([{"citations": [{"plan": "p", "task": t, "section": "七"} for t in (22, 23)]}])
    assert (list_reference("前一条里要修订的是什么", ctx), list_reference("后面那条讲什么", ctx)) == (22, 23)
    # two listed and a third named only as related after them: still a pair
    related = context_from_history([{"citations": [{"plan": "p", "task": 9, "section": "三"}, {"plan": "p", "task": 14, "section": "四"},
                                                   {"plan": "p", "task": 21, "section": "六", "related": True}]}])
    assert (list_reference("前面那条呢", related), list_reference("后面那条讲的啥", related)) == (9, 14)
    one = context_from_history([{"citations": [{"plan": "p", "task": 22, "section": "七"}]}])
    assert list_reference("前一条讲什么", one) is None  # after one task: the previous task (rule prev)
    pair = {"citations": [{"plan": "p", "task": t, "section": "一"} for t in (1, 11)]}
    latter = {"citations": [{"plan": "p", "task": 11, "section": "三"}]}
    # one of a listed pair answered since: the other is "前面那条" (before it), not task 10
    assert list_reference("那前面那条呢", context_from_history([pair, latter, latter])) == 1
    assert list_reference("后面那条呢", context_from_history([pair, latter])) is None  # task 12: rule next
    fifth = {"citations": [{"plan": "p", "task": 5, "section": "二"}]}
    assert list_reference("前面那条呢", context_from_history([pair, fifth, latter])) is None  # another since: task 10


def test_the_tasks_the_latest_answers_were_about_are_kept_latest_first():
    def about(task, section="六", plan="p"):
        return {"citations": [{"plan": plan, "task": task, "section": section}]}

    history = [about(9, "三"), about(20), about(20), about(21)]
    assert context_from_history(history).recent == (21, 20, 9)
    assert context_from_history([about(5, plan="other"), about(20), about(21)]).recent == (21, 20)  # one plan's


@pytest.mark.parametrize("history", [
    ["x"], [None], [{"citations": None}], [{"citations": "abc"}], [{"citations": ["x", 3]}],
    [{"citations": [{"task": "5", "section": 2, "plan": 7}]}], [{"citations": [{"task": True}]}],
])
def test_a_malformed_history_from_a_client_gives_no_context(history):
    # Answer JSON comes from clients: a wrong type is ignored, never computed with ("5" + 1).
    assert context_from_history(history) is None


def test_well_typed_fields_are_kept_beside_wrong_ones():
    got = context_from_history([{"citations": [{"task": 5, "section": 2, "plan": "p"}]}])
    assert (got.task, got.section, got.plan) == (5, None, "p")


def test_what_a_question_asks_of_its_task_is_said_without_the_reference():
    from planqa.assistant.followup import without_reference

    assert without_reference("第21项具体干啥") == "具体干啥"
    assert without_reference("第二个具体要做什么") == "具体要做什么"
    assert without_reference("最后一条呢") == "呢"


def test_a_place_answered_with_several_tasks_keeps_the_list_being_walked():
    # "第一个…" answered by two tasks printing what it named: the next place is still the first list's
    def about(*tasks, question=""):
        return {"question": question, "citations": [{"plan": "p", "task": t, "section": "三"} for t in tasks]}

    ctx = context_from_history([about(4, 7, 9, 12, question="哪些任务讲人才？"), about(7, 9, question="第一个里的工作站在哪？")])
    assert ctx.listed == (4, 7, 9, 12)
    assert (list_reference("第二个展开说说", ctx), list_reference("最后那个呢", ctx)) == (7, 12)
    alone = context_from_history([about(7, 9, question="第一个里的工作站在哪？")])  # no list before it
    assert alone.listed == (7, 9)
    asked = context_from_history([about(4, 7, 9, 12, question="哪些任务讲人才？"), about(7, 9, question="哪些讲工作站？")])
    assert asked.listed == (7, 9)  # a new list asked for


def test_steps_of_a_walk_mark_the_places_asked_and_a_new_list_is_no_step():
    def about(*tasks, question=""):
        return {"question": question, "citations": [{"plan": "p", "task": t, "section": "三"} for t in tasks]}

    listed = about(4, 7, 9, 12, question="哪些任务讲人才？")
    two = context_from_history([listed, about(7, 9, question="第一个里的工作站在哪？"), about(9, 12, question="第二个里的驿站呢")])
    assert two.listed == (4, 7, 9, 12) and set(two.visited) == {4, 7} and two.rest == (9, 12)
    assert list_reference("最后那个呢", two) == 12
    # tasks outside the list walked: a new list, though its question said 第一个
    new = context_from_history([listed, about(3, 5, 8, question="第一个阶段有哪些任务？")])
    assert new.listed == (3, 5, 8) and list_reference("第二个呢", new) == 5
    within = context_from_history([listed, about(7, 9, question="第二个阶段有哪些任务？")])  # asks a list itself
    assert within.listed == (7, 9)
