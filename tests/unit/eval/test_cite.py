"""Question sets that name their answers by printed labels (``cite``) instead of task numbers."""

import json
from pathlib import Path

import pytest

from planqa.errors import PlanqaError
from planqa.eval.questions import load_any, resolve_cites
from planqa.ingest.load import load_plan
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def jinan():
    # 一、（一）（二） | 二、（一）1.–3.（二）4.–7.（三）8.–13.（四）14.–17. | 三、（一）（二） | 四、（一）–（四）
    return load_plan(CORPUS / "action-plan-high-quality-development-jinan-new.txt")[0]


def _set(tmp_path, lines) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    return path


def test_label_paths_become_the_tasks_that_hold_them(tmp_path, jinan):
    questions, conversations = load_any(_set(tmp_path, [
        {"id": "a", "question": "人工智能+农业？", "cite": [["二", "（三）", "10．"]]},
        {"id": "b", "question": "发展思路？", "cite": [["一", "(一)"]]},
        {"id": "c", "question": "第三部分讲什么？", "cite": [["三"]]},
        {"id": "d", "question": "两处", "cite": [["四", "（二）"], ["二", "（一）", "1."]]},
        {"id": "e", "question": "院长是谁？", "cite": [], "abstain": True},
        {"id": "f", "turns": [{"question": "算力？", "cite": [["二", "（一）"]]}]},
    ]))
    resolved = {q.id: q.tasks for q in resolve_cites(questions, jinan)}
    assert resolved == {"a": (5,), "b": (1,), "c": (7, 8), "d": (10, 3), "e": ()}
    assert resolve_cites(list(conversations[0].turns), jinan)[0].tasks == (3,)


def test_a_path_the_plan_does_not_have_is_named(tmp_path, jinan):
    questions, _ = load_any(_set(tmp_path, [{"id": "x", "question": "？", "cite": [["九", "（一）"]]}]))
    with pytest.raises(PlanqaError, match="问题 x 的出处 九/（一） .*找不到"):
        resolve_cites(questions, jinan)


def test_a_path_to_an_item_of_a_task_whose_label_was_never_printed(tmp_path):
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某市方案\n一、重点任务\n实施企业培育工程。围绕产业链培育企业。\n1.培育领军企业。支持建设创新中心。\n"
                      "2.引进创新型企业。积极引进团队。\n（二）实施场景赋能工程。突破一批场景。\n", "p")
    questions, _ = load_any(_set(tmp_path, [{"id": "a", "question": "引进企业？", "cite": [["一", "2."]]}]))
    assert resolve_cites(questions, plan)[0].tasks == (1,)


def test_chapters_and_bare_numerals_are_named_as_printed(tmp_path):
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某某建设指南\n第一章 总体要求\n一、建设目的\n改进方式。\n二、建设范围\n覆盖企业。\n"
                      "第二章 系统架构\n一、业务架构\n（一）调度业务。\n（二）监管业务。\n二、数据架构\n明确数据。\n", "p")
    questions, _ = load_any(_set(tmp_path, [
        {"id": "a", "question": "监管？", "cite": [["第二章", "一", "（二）"]]},
        {"id": "b", "question": "总体要求？", "cite": [["第一章"]]},
    ]))
    assert [q.tasks for q in resolve_cites(questions, plan)] == [(3,), (1, 2)]


def test_an_attachment_cited_whole_is_answered_by_citing_it_whole(tmp_path):
    """A question citing an attachment itself (附件2, 附件1 with no numbered tasks) is answered by
    an answer citing that attachment whole, as a part cited whole is by citing the part."""
    from planqa.assistant.answer import Answer, Citation
    from planqa.eval.runner import score

    plan = load_plan(CORPUS / "degree-management-graduate-education-department-ministry-education.txt")[0]
    asked = resolve_cites(load_any(_set(tmp_path, [
        {"id": "a", "question": "几个附件？", "cite": [["附件1"], ["附件2"]]}]))[0], plan)[0]
    whole = Answer("几个附件？", "共有2个附件", citations=tuple(
        Citation(plan.plan_id, None, f"{a.label}/", a.title, "", 1.0) for a in plan.attachments))
    assert score(asked, whole)["top1"] == 1.0 and score(asked, whole)["full_recall"] == 1.0
    one = Answer("几个附件？", "附件2", citations=whole.citations[1:])
    assert score(asked, one)["full_recall"] == 0.0  # the other attachment is not cited
    body = Answer("几个附件？", "第三部分", citations=(Citation(plan.plan_id, None, "三", "培养方式", "", 1.0),))
    assert score(asked, body)["top1"] == 0.0


def test_paths_into_attachments_name_them_by_label_or_title(tmp_path):
    plan = load_plan(CORPUS / "degree-management-graduate-education-department-ministry-education.txt")[0]
    questions = load_any(_set(tmp_path, [
        {"id": "a", "question": "机器学习课？", "cite": [["附件2", "一、", "（三）"]]},
        {"id": "b", "question": "专业课？", "cite": [["附件 2", "二、"]]},
        {"id": "c", "question": "架构课？", "cite": [["核心课程参考建议", "二、", "（六）"]]},
        {"id": "d", "question": "品德？", "cite": [["一、", "（一）"]]},
    ]))[0]
    resolved = {q.id: q.tasks for q in resolve_cites(questions, plan)}
    assert resolved == {"a": (21,), "b": (22, 23, 24, 25, 26, 27), "c": (27,), "d": (1,)}
    with pytest.raises(PlanqaError, match="附件3"):
        resolve_cites(load_any(_set(tmp_path, [{"id": "x", "question": "?", "cite": [["附件3", "一、"]]}]))[0], plan)


def test_a_path_that_fits_only_the_attachment_resolves_there(tmp_path):
    # the letter's own 一、 has no （三）: the points printed after its date have
    plan = load_plan(CORPUS / "ministry-transport-beijing-university-technology-carry-out.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "试点内容？", "cite": [["一、", "（三）"]]}]))[0]
    assert resolve_cites(questions, plan)[0].tasks == (3,)


def test_an_unnumbered_heading_first_on_a_path_is_passed_over(tmp_path):
    plan = load_plan(CORPUS / "degree-management-graduate-education-department-ministry-education.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["质量保障", "四、", "（二）"]]}]))[0]
    assert resolve_cites(questions, plan)[0].tasks == (11,)


def test_a_label_printed_once_in_the_body_names_its_task_under_another_part(tmp_path):
    # (一)…(十) run across the parts; the heading 二、 was lost, so a writer reading the print
    # puts (二) under 一、 where the outline has it under the part it restores
    plan = load_plan(CORPUS / "further-strengthening-access-recall-online-software-upgrade.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["一、", "(二)"]]}]))[0]
    assert resolve_cites(questions, plan)[0].tasks == (2,)


@pytest.mark.parametrize(("path", "task"), [(["(一)", "1."], 1), (["(一)", "2."], 1), (["(一)", "7."], None),
                                           (["(一)", "随便写的标题"], None)])
def test_a_paragraph_numbered_inside_a_task_printed_once_names_that_task(tmp_path, path, task):
    # (一) opens with 1. and 2. paragraphs the outline keeps inside it; a writer cites the
    # paragraph without the part (its heading lost); a paragraph the task does not print is an error
    plan = load_plan(CORPUS / "further-strengthening-access-recall-online-software-upgrade.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [path]}]))[0]
    if task is None:
        with pytest.raises(PlanqaError):
            resolve_cites(questions, plan)
    else:
        assert resolve_cites(questions, plan)[0].tasks == (task,)


def test_an_item_label_printed_once_in_an_attachment_names_its_task_alone(tmp_path):
    # the annex's items 1.–15. run across its parts; the first part's heading lost its 一、
    plan = load_plan(CORPUS / "implementation-plan-digital-transformation-electric-equipment-manufacturing.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["附件", "2."]]},
                                         {"id": "b", "question": "?", "cite": [["附件", "12."]]}]))[0]
    item = {t.label: t.number for s in plan.sections if s.attachment for t in s.tasks}
    assert [q.tasks for q in resolve_cites(questions, plan)] == [(item["2."],), (item["12."],)]


def test_an_item_label_printed_once_names_its_task_past_an_attachments_preface(tmp_path):
    text = ("某某方案\n一、总体要求\n（一）指导思想。坚持创新。\n（二）发展目标。建成示范。\n某市工业和信息化局\n2023年5月6日\n"
            "附件\n典型场景\n为加快转型，梳理典型场景如下。\n研发设计\n1.建设设计平台。企业应当建设。\n2.推广仿真工具。企业应当推广。\n"
            "二、生产制造\n3.建设智能产线。企业应当建设。\n三、运维服务\n4.建设运维平台。企业应当建设。\n")
    path = tmp_path / "annex-plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["附件", "2."]]}]))[0]
    item = {t.label: t.number for s in plan.sections if s.attachment for t in s.tasks}
    assert resolve_cites(questions, plan)[0].tasks == (item["2."],)


@pytest.mark.parametrize("path", [["三", "（一）"], ["五", "（九）"], ["附件3", "一、"]])
def test_a_wrong_part_or_attachment_is_still_an_error(tmp_path, path):
    plan = load_plan(CORPUS / "further-strengthening-access-recall-online-software-upgrade.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "x", "question": "?", "cite": [path]}]))[0]
    with pytest.raises(PlanqaError):
        resolve_cites(questions, plan)


def test_an_unnumbered_heading_then_a_label_the_plan_prints_once(tmp_path):
    # "申报单位相关证明材料" heads 1.–5. inside the task book appended to the guide, unnumbered
    plan = load_plan(CORPUS / "general-office-ministry-industry-information-technology-comprehensive.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["申报单位相关证明材料", "4."]]}]))[0]
    task = next(t for t in plan.tasks if t.label.startswith("4"))
    assert resolve_cites(questions, plan)[0].tasks == (task.number,)


def test_the_attachment_that_is_the_plan_itself_may_be_named_first(tmp_path):
    plan = load_plan(CORPUS / "recommendation-leading-ai-enterprises-competitive-products-qingdao.txt")[0]
    questions = load_any(_set(tmp_path, [{"id": "a", "question": "?", "cite": [["附件", "一、", "（二）"]]},
                                         {"id": "b", "question": "?", "cite": [["附件", "二、"]]}]))[0]
    assert [q.tasks for q in resolve_cites(questions, plan)] == [(2,), ()]
    with pytest.raises(PlanqaError):
        resolve_cites(load_any(_set(tmp_path, [{"id": "x", "question": "?", "cite": [["附件3", "一、"]]}]))[0], plan)


def test_a_path_naming_a_whole_part_is_kept_with_its_tasks(tmp_path, jinan):
    questions, _ = load_any(_set(tmp_path, [
        {"id": "c", "question": "第三部分讲什么？", "cite": [["三"]]},
        {"id": "a", "question": "人工智能+农业？", "cite": [["二", "（三）", "10．"]]}]))
    parts = {q.id: q.parts for q in resolve_cites(questions, jinan)}
    assert parts == {"c": (("三", (7, 8)),), "a": ()}


def test_a_part_without_numbered_tasks_is_expected_in_its_place(tmp_path):
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某市方案\n一、总体要求\n到2025年建成平台。\n二、重点任务\n（一）建设平台\n建设平台。\n"
                      "（二）培育企业\n培育企业。\n", "p")
    questions, _ = load_any(_set(tmp_path, [{"id": "w", "question": "目标？", "cite": [["一、"], ["二、", "（二）"]]}]))
    q = resolve_cites(questions, plan)[0]
    assert (q.tasks, q.expected) == ((2,), ("一", 2))


def test_an_attachment_of_parts_without_items_cited_whole_expects_its_parts(tmp_path):
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某市方案\n一、总体要求\n（一）目标\n到2025年建成平台。\n（二）任务\n培育企业。\n附件\n名词解释\n"
                      "一、平台：提供服务的系统。\n二、企业：从事生产的组织。\n", "p")
    assert [a.label for a in plan.attachments] == ["附件"]
    questions, _ = load_any(_set(tmp_path, [{"id": "g", "question": "解释了几个词？", "cite": [["附件"]]}]))
    q = resolve_cites(questions, plan)[0]
    assert (q.tasks, q.expected) == ((), ("附件/一", "附件/二"))


def test_a_box_names_the_task_it_is_printed_in_or_the_part_tasks_it_heads(tmp_path):
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某某行动计划\n一、提升产品供给\n（一）推动技术研发。攻关关键技术。\n（二）拓展产品供给。丰富产品种类。\n"
                      "专栏一 产品供给工程\n1.健康管理类产品。发展监测设备。\n2.康复辅助类产品。发展训练设备。\n"
                      "二、丰富健康服务\n发展智慧健康服务。\n专栏 2 100家医院应用工程\n1.远程医疗。开展远程会诊。\n"
                      "2.健康科普。普及健康知识。\n", "p")
    questions, _ = load_any(_set(tmp_path, [
        {"id": "a", "question": "康复？", "cite": [["一、", "专栏一", "2."]]},
        {"id": "b", "question": "远程？", "cite": [["二、", "专栏二", "1."]]},
        {"id": "c", "question": "专栏二？", "cite": [["二、", "专栏2"]]},
        {"id": "d", "question": "专栏一？", "cite": [["一、", "专栏一"]]},
    ]))
    assert {q.id: q.tasks for q in resolve_cites(questions, plan)} == {"a": (2,), "b": (3,), "c": (3, 4), "d": (2,)}
    questions, _ = load_any(_set(tmp_path, [{"id": "x", "question": "？", "cite": [["一、", "专栏三", "1."]]}]))
    with pytest.raises(PlanqaError, match="问题 x 的出处"):
        resolve_cites(questions, plan)
