"""Headings a copied text lost: a list whose first label is gone (its numbering starts at （二）),
a first chapter run into the line before it."""

import pytest

from planqa.ingest.outline import parse_plan

LOST = """某市人工智能实施方案
一、重点任务
实施重点企业链式培育工程。围绕基础层、技术层和应用层培育企业。
1.培育领军企业。支持建设创新中心。
（二）实施场景赋能工程。突破一批场景。
（三）实施平台提升工程。推动搭建平台。
二、保障措施
围绕上述任务，重点做好以下保障。
（二）加大政策支持。引导企业加大研发。
"""


def test_a_run_in_heading_before_the_second_label_is_the_first_task():
    plan = parse_plan(LOST, "p")
    first = plan.sections[0].tasks[0]
    assert (first.label, first.title) == ("（一）", "实施重点企业链式培育工程")
    assert first.text.startswith("围绕基础层") and "1.培育领军企业" in first.text
    assert [t.label for t in plan.sections[0].tasks] == ["（一）", "（二）", "（三）"]
    assert not plan.sections[0].text


def test_an_introduction_is_not_taken_for_a_lost_heading():
    part = parse_plan(LOST, "p").sections[1]
    assert [t.label for t in part.tasks] == ["（二）"] and part.text.startswith("围绕上述任务")


def test_the_first_chapter_run_into_the_preface_after_a_space_is_split_off():
    text = ("某某示范工程建设指南\n为指导各城市开展示范工程建设，制定本指南。\n本指南由科学研究院起草。\u3000第一章\u3000总体要求\n"
            "一、建设目的\n改进运行方式。\n二、建设范围\n覆盖公交企业。\n第二章\u3000系统架构\n一、业务架构\n明确业务。\n")
    plan = parse_plan(text, "p")
    assert [(s.label, s.title) for s in plan.sections] == [("第一章", "总体要求"), ("第二章", "系统架构")]
    assert plan.overview.endswith("本指南由科学研究院起草。")


def test_a_heading_run_in_after_a_lead_notes_bracket_is_split_off():
    # OCR joined lines: "…（省发展改革委负责）四、实施…" and "…负责)(五)打造…"; a bracketed
    # reference after another ("按（一）（二）项要求") stays text.
    text = ("某省场景创新行动计划\n一、实施攻关行动\n（一）攻关一批场景\n按（一）（二）项要求推进。(省科技厅负责)(二)打造一批示范场景\n"
            "推动示范。(省发展改革委负责)二、实施生态行动\n（三）培育一批集群场景\n鼓励集群开放场景。\n")
    plan = parse_plan(text, "p")
    assert [(s.label, [t.label for t in s.tasks]) for s in plan.sections] == [
        ("一、", ["（一）", "(二)"]), ("二、", ["（三）"])]
    assert "按（一）（二）项要求推进" in plan.sections[0].tasks[0].text


@pytest.mark.parametrize("reference", ["按照（一）（二）的要求推进。", "落实（一）（二）中的各项举措。", "做好（一）所列任务。"])
def test_a_reference_after_a_bracket_is_no_heading(reference):
    text = f"某省行动计划\n一、实施攻关行动\n（一）攻关一批场景\n{reference}\n（二）打造一批示范场景\n推动示范。\n"
    tasks = parse_plan(text, "p").sections[0].tasks
    assert [(t.label, t.title) for t in tasks] == [("（一）", "攻关一批场景"), ("（二）", "打造一批示范场景")]
