"""Attachments: a document's 附件 outlined like a body after it, their tasks numbered on after
the body's, their names and titles kept; a list of the attachments' names heads none."""

from planqa.ingest.outline import parse_plan
from planqa.ingest.plan import Plan
from tests.conftest import CORPUS

NOTICE = """某市数字化转型实施方案
一、总体要求
（一）指导思想。坚持创新驱动。
（二）发展目标。到2025年建成一批示范工厂。
二、保障措施
（一）加强组织领导。建立工作机制。
附件：1.典型场景清单
2.申报书
某市工业和信息化局
2023年5月6日
附件1
典型场景清单
一、研发设计
（一）协同研发。推动企业开展协同研发。
（二）虚拟验证。推广数字孪生验证。
二、生产制造
（一）柔性生产。建设柔性产线。
附件2
申报书
单位名称、联系人、联系电话等基本信息，由申报单位如实填写并加盖公章。
抄送：省工业和信息化厅。
"""


def test_attachments_follow_the_body_with_their_own_parts():
    plan = parse_plan(NOTICE, "p")
    assert [(s.number, s.title) for s in plan.body] == [("一", "总体要求"), ("二", "保障措施")]
    assert [(a.label, a.title) for a in plan.attachments] == [("附件1", "典型场景清单"), ("附件2", "申报书")]
    attached = [s for s in plan.sections if s.attachment]
    assert [(s.ref, s.title) for s in attached] == [("附件1/一", "研发设计"), ("附件1/二", "生产制造"), ("附件2/", "申报书")]
    # numbered on after the body's three tasks: a number names one task of the plan
    assert [(t.number, t.label) for t in attached[0].tasks + attached[1].tasks] == [(4, "（一）"), (5, "（二）"), (6, "（一）")]
    assert attached[2].text.startswith("单位名称") and "抄送" not in attached[2].text
    assert len(plan.body_tasks) == 3 and len(plan.tasks) == 6
    assert plan.issuer == "某市工业和信息化局" and plan.date == "2023-05-06"
    assert plan.end_matter.startswith("附件：1.典型场景清单")  # the end matter as printed, whole


def test_a_list_of_names_alone_heads_no_attachment():
    plan = parse_plan(NOTICE.split("附件1\n")[0], "p")
    assert plan.attachments == () and not any(s.attachment for s in plan.sections)


def test_articles_before_annexes_are_the_body():
    plan = parse_plan((CORPUS / "interim-management-guidelines-access-intelligent-connected-vehicle.txt")
                      .read_text(encoding="utf-8"), "icv")
    assert [t.label for t in plan.body_tasks] == [f"第{n}条" for n in "一二三四五六七八九十"]
    assert [a.label for a in plan.attachments] == ["附件1", "附件2", "附件3", "附件4"]
    assert plan.attachments[3].title == "名词解释"
    first = next(s for s in plan.sections if s.attachment == "附件1" and s.number == "二")
    assert first.title.startswith("企业网络安全保障要求") and first.tasks[0].number > 10


def test_points_printed_after_a_letters_date_are_an_attachment_named_by_its_title():
    letter = """北京某大学：
你校报来的函收悉。现函复如下：
一、原则同意开展试点工作。
二、加强组织领导，明确责任分工。
交通运输部
2022年9月20日
试点任务要点（某大学）
一、公共交通智能化技术研究
（一）试点单位。某大学。
（二）试点内容。开展公共交通智能调度研究。
二、绿色出行技术研究
（一）试点单位。某大学。
"""
    plan = parse_plan(letter, "p")
    assert [s.number for s in plan.body] == ["一", "二"] and not plan.body_tasks
    assert [(a.label, a.title) for a in plan.attachments] == [("试点任务要点（某大学）", "试点任务要点（某大学）")]
    assert [t.title for t in plan.tasks] == ["试点单位", "试点内容", "试点单位"]


def test_a_notice_whose_plan_is_its_attachment_reads_the_plan_as_the_body():
    text = """关于印发某市实施方案的通知
各区县人民政府：
现将《某市实施方案》印发给你们，请认真贯彻落实。
某市人民政府
2023年1月5日
附件
某市实施方案
一、总体要求
（一）指导思想。坚持创新。
二、重点任务
（一）建设平台。建设公共服务平台。
"""
    plan = parse_plan(text, "p")
    assert [(s.number, s.title) for s in plan.sections] == [("一", "总体要求"), ("二", "重点任务")]
    assert plan.attachments == ()


def test_a_label_printed_twice_heads_its_attachment_the_last_time():
    text = NOTICE.replace("附件：1.典型场景清单\n2.申报书", "附件1：典型场景清单\n附件2：申报书")
    plan = parse_plan(text, "p")
    assert [(a.label, a.title) for a in plan.attachments] == [("附件1", "典型场景清单"), ("附件2", "申报书")]
    assert [s.ref for s in plan.sections if s.attachment] == ["附件1/一", "附件1/二", "附件2/"]


def test_a_part_heading_that_lost_its_label_opens_the_missing_part():
    text = """某某通知
一、总体要求
坚持安全第一。
加强准入与召回管理
(一)完善技术要求。企业应当完善。
(二)加强准入管理。企业应当申请。
三、保障措施
(三)强化责任落实。企业要落实。
"""
    plan = parse_plan(text, "p")
    assert [(s.number, s.label, s.title) for s in plan.sections] == [
        ("一", "一、", "总体要求"), ("二", "二、", "加强准入与召回管理"), ("三", "三、", "保障措施")]
    assert [len(s.tasks) for s in plan.sections] == [0, 2, 1] and plan.sections[0].text == "坚持安全第一。"
    assert not any("不连续" in w for w in plan.warnings)
    assert any("加强准入与召回管理" in w and "缺少编号" in w for w in plan.warnings)


# Parts 二 and 三 after a first part whose heading may or may not have lost its 一、.
LATER_PARTS = "二、生产制造\n3.建设智能产线。企业应当建设。\n三、运维服务\n4.建设运维平台。企业应当建设。\n"


def test_a_first_part_heading_that_lost_its_label_opens_part_one():
    # 一、 gone from the first heading: its title stands alone right above the part's first item
    body = "某某方案\n为加快转型，制定本方案。\n研发设计\n1.建设设计平台。企业应当建设。\n2.推广仿真工具。企业应当推广。\n" + LATER_PARTS
    plan = parse_plan(body, "p")
    assert [(s.number, s.label, s.title, len(s.tasks)) for s in plan.sections] == [
        ("一", "一、", "研发设计", 2), ("二", "二、", "生产制造", 1), ("三", "三、", "运维服务", 1)]
    assert any("研发设计" in w and "缺少编号" in w for w in plan.warnings)
    attached = "某某通知\n一、总体要求\n（一）指导思想。坚持创新。\n（二）发展目标。建成示范。\n" \
        "某市工业和信息化局\n2023年5月6日\n附件\n典型场景\n" + body.split("\n", 2)[2]
    plan = parse_plan(attached, "p")
    assert [(s.ref, s.title, [t.label for t in s.tasks]) for s in plan.sections if s.attachment] == [
        ("附件/一", "研发设计", ["1.", "2."]), ("附件/二", "生产制造", ["3."]), ("附件/三", "运维服务", ["4."])]


def test_a_title_above_the_first_item_is_no_lost_first_part():
    text = "某某方案\n1.建设设计平台。企业应当建设。\n2.推广仿真工具。\n" + LATER_PARTS
    plan = parse_plan(text, "p")
    assert plan.title == "某某方案" and [s.number for s in plan.sections] == ["二", "三"]


def test_an_introduction_above_a_list_is_no_lost_first_part():
    text = "某某方案\n围绕转型，重点抓好以下工作。\n1.建设设计平台。企业应当建设。\n" + LATER_PARTS
    plan = parse_plan(text, "p")
    assert [s.number for s in plan.sections] == ["二", "三"]


def test_a_box_above_a_sub_item_is_no_lost_part():
    text = """某某通知
一、总体要求
（一）指导思想。坚持创新。
重点工程
1.建设智能工厂。
（二）基本原则。坚持安全。
三、保障措施
（三）强化责任落实。企业要落实。
"""
    plan = parse_plan(text, "p")
    assert [s.number for s in plan.sections] == ["一", "三"] and len(plan.sections[0].tasks) == 2
    assert any("缺少第二部分" in w for w in plan.warnings)


def test_lists_under_unnumbered_headings_are_one_body():
    text = """某某方案
总体要求
1.坚持创新。
2.坚持安全。
重点任务
1.建设平台。
2.培育企业。
3.完善机制。
"""
    plan = parse_plan(text, "p")
    assert plan.attachments == () and not any(s.attachment for s in plan.sections)


def test_the_attachments_survive_the_stored_record_and_show_in_plan_json():
    plan = parse_plan(NOTICE, "p")
    again = Plan.from_record(plan.to_record())
    assert again.attachments == plan.attachments and [s.ref for s in again.sections] == [s.ref for s in plan.sections]
    data = plan.to_json()
    assert data["attachments"] == [{"label": "附件1", "title": "典型场景清单"}, {"label": "附件2", "title": "申报书"}]
    assert [s["attachment"] for s in data["sections"]] == [None, None, "附件1", "附件1", "附件2"]


def test_a_box_inside_the_body_is_no_attachment():
    text = """某某规划
一、总体要求
（一）发展目标。到2030年建成体系。
（二）基本原则。坚持创新。
二、重点任务
（一）建设平台。建设公共平台。
专栏1关键技术
1.基础理论。研究新理论。
2.共性技术。突破共性技术。
（二）培育企业。培育领军企业。
专栏2基础平台
1.开源平台。建设开源平台。
"""
    plan = parse_plan(text, "p")
    assert plan.attachments == () and [len(s.tasks) for s in plan.sections] == [2, 2]


def test_a_plan_printed_as_a_notices_attachment_takes_its_title_not_the_label():
    plan = parse_plan((CORPUS / "recommendation-leading-ai-enterprises-competitive-products-qingdao.txt")
                      .read_text(encoding="utf-8"), "qd")
    assert plan.title.startswith("关于强化产学研融合创新") and plan.attachments == ()
    assert [s.number for s in plan.sections] == ["一", "二", "三"]
