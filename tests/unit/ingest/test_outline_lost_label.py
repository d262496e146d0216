"""A list whose first label was lost in copying: the part's numbering starts at （二）."""

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
