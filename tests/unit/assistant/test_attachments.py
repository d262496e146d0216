"""A plan with articles and four annexes, asked without a model (hash embeddings, embedded
Chroma): an annex's item is found and named by its annex; counts and numbers are the body's."""

import pytest

from planqa.assistant.answer import Citation, place
from tests.conftest import CORPUS
from tests.fakes import hash_assistant
from tests.unit.assistant.test_assistant import assistant_over

PLAN = CORPUS / "interim-management-guidelines-access-intelligent-connected-vehicle.txt"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with hash_assistant(tmp_path_factory.mktemp("home"), [PLAN]) as assistant:
        yield assistant


def test_an_item_of_an_annex_is_cited_with_the_annex_named(assistant):
    answer = assistant.ask("车联网卡实名登记制度是怎么要求的？")
    top = answer.citations[0]
    assert "车联网卡实名登记" in top.quote
    assert top.to_json()["attachment"] == "附件1" and top.to_json()["section"] == "二"
    assert top.place == "附件1第二部分（八）" and top.place in answer.answer


def test_counts_and_numbers_are_the_bodys(assistant):
    count = assistant.ask("这份文件一共有多少条？")
    assert "共10项任务" in count.answer and "4个附件" in count.answer
    fourth = assistant.ask("第四条讲的是什么？")
    assert fourth.citations[0].task == 4 and fourth.citations[0].to_json()["attachment"] is None


@pytest.mark.parametrize("task, label, ref, named", [
    (9, "9．", "三", "第9项"), (3, "（二）", "三", "第三部分（二）"), (4, "2.", "三", "第三部分第2项"),
    (None, "", "三", "第三部分"), (None, "", "", "总体部分"), (21, "（三）", "附件2/一", "附件2第一部分（三）"),
    (30, "（一）", "附件2/", "附件2（一）"), (None, "", "附件1/", "附件1"), (31, "第五条", "附件1/", "附件1第五条"),
])
def test_a_place_names_the_attachment_before_its_labels(task, label, ref, named):
    assert place(task, label, ref) == named
    data = Citation("p", task, ref, "t", "q", 1.0, label).to_json()
    assert (data["attachment"], data["section"]) == ((ref.split("/")[0], ref.split("/")[1]) if "/" in ref else (None, ref))


def test_a_follow_up_after_an_annexs_item_stays_in_that_annex(assistant):
    first = assistant.ask("车联网卡实名登记制度是怎么要求的？")
    again = assistant.ask("这一部分还有哪些？", history=[first.to_json()])
    assert again.citations and all(c.to_json()["attachment"] == "附件1" and c.section == "附件1/二"
                                   for c in again.citations)


def test_the_attachments_are_listed_and_one_is_outlined_by_its_number(assistant):
    listed = assistant.ask("这份文件有几个附件？")
    assert "共有4个附件" in listed.answer and "附件4“名词解释”" in listed.answer
    assert [c.to_json()["attachment"] for c in listed.citations] == ["附件1", "附件2", "附件3", "附件4"]
    second = assistant.ask("附件二讲的是什么？")
    assert second.answer.startswith("附件2“智能网联汽车产品准入过程保障要求”分3个部分、共14项")
    assert {c.to_json()["attachment"] for c in second.citations} == {"附件2"} and len(second.citations) == 14
    glossary = assistant.ask("附件4主要内容是什么")
    assert "分12个部分" in glossary.answer and "空中下载技术" in glossary.answer
    missing = assistant.ask("附件5讲什么？")
    assert missing.abstained and "没有附件5" in missing.answer


def test_a_part_of_an_annex_asked_by_its_position_is_that_annexs(assistant):
    part = assistant.ask("附件2第一部分讲什么？")
    assert part.citations and {c.section for c in part.citations} == {"附件2/一"}
    item = assistant.ask("附件1的第二部分第3项是什么？")
    assert item.citations[0].section == "附件1/二" and item.citations[0].label == "（三）"
    missing = assistant.ask("附件3第九部分讲什么？")
    assert missing.abstained and "附件3共6个部分" in missing.answer
    body = assistant.ask("第一部分讲什么？")  # the body's, not an annex's first part
    assert body.citations and not any(c.to_json()["attachment"] for c in body.citations)


def test_a_part_asked_of_a_plan_without_parts_says_so():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(PLAN)[0]
    text, cites, _ = structure.answer_section(plan, plan.body[0])
    assert text.startswith(f"{plan.name}不分部分，包括10项任务") and len(cites) == 10


def test_the_one_attachment_is_outlined_when_asked_without_its_number():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(CORPUS / "further-strengthening-access-recall-online-software-upgrade.txt")[0]
    text, cites, abstained = structure.answer_attachments(plan, None)
    assert text.startswith(f"{plan.name}有1个附件。附件1“智能网联汽车准入") and not abstained
    assert {c.to_json()["attachment"] for c in cites} == {"附件1"}


ANNEXED = CORPUS / "implementation-plan-digital-transformation-electric-equipment-manufacturing.txt"


def test_a_plans_only_attachment_is_named_without_a_number():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(ANNEXED)[0]  # one attachment, printed 附件 alone, its parts 一、… 五、
    assert structure.attachment_in(plan, "附件第四部分讲的是什么") == "附件"
    assert structure.find_section(plan, 4, within="附件").title == "产业链管理"
    assert structure.attachment_in(plan, "第二部分讲什么") is None  # the body's
    assert structure.attachment_in(plan, "第二部分要提交哪些附件材料？") is None  # no attachment named
    # an attachment the outline names by its title (it prints no 附件 heading) is named by no number
    titled = load_plan(CORPUS / "ministry-transport-beijing-university-technology-carry-out.txt")[0]
    assert structure.attachment_in(titled, "第二部分里哪项讲交通？") is None


def test_an_attachment_is_named_by_the_ending_of_its_title_before_a_place_in_it():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    # a guide whose one attachment, a form titled 揭榜任务书, has parts 一、… 四、 of its own
    plan = load_plan(CORPUS / "general-office-ministry-industry-information-technology-comprehensive.txt")[0]
    assert structure.attachment_in(plan, "任务书第三部分讲什么") == "揭榜任务书"
    assert structure.attachment_in(plan, "揭榜任务书里的第一部分要填什么") == "揭榜任务书"
    assert structure.find_section(plan, 3, within="揭榜任务书").title == "重点攻关目标及计划"
    assert structure.attachment_in(plan, "第三部分讲什么") is None  # the body's
    assert structure.attachment_in(plan, "任务书要怎么填") is None  # no place in it
    assert structure.attachment_in(plan, "任务书的最后一部分要填什么") == "揭榜任务书"  # counted from its end
    assert structure.find_section(plan, -1, within="揭榜任务书").title == "其他相关事项说明"
    assert structure.find_section(plan, -2).title == "人工智能医疗器械范围"  # the body's, of two parts
    assert structure.find_section(plan, -3) is None  # the body has two
    assert structure.missing_section(plan, -5, None, "揭榜任务书")[0] == "揭榜任务书共4个部分，没有倒数第五部分。"
    from planqa.assistant.rules import plan_frame, understand

    # the body has two parts, the form four: a place past the body's is the form's
    assert understand("任务书倒数第三部分讲什么", plan_frame(plan)).section == -3
    assert structure.attachment_in(plan, "指南第二部分讲什么") is None  # the body is the guide (申报指南)


def _annexed(tmp_path, body_task: str, title: str):
    """A notice of two parts whose second part's task is ``body_task``, and one attachment titled
    ``title`` with parts 一、二、 of its own."""
    from planqa.ingest.load import load_plan

    text = (f"关于开展改革试点的通知\n一、重点任务\n1.推进试点。\n二、保障措施\n1.{body_task}\n"
            f"附件\n{title}\n一、试点内容\n1.开展试点。\n二、工作要求\n1.按时报送。\n")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    plan = load_plan(tmp_path / "p.txt")[0]
    assert [a.title for a in plan.attachments] == [title]
    return plan


def test_an_attachments_title_ending_the_body_also_uses_names_no_attachment(tmp_path):
    from planqa.assistant import structure

    plan = _annexed(tmp_path, "报送任务清单。", "2024年改革试点任务清单")
    assert structure.attachment_in(plan, "试点任务清单第二部分讲什么") == "附件"
    assert structure.attachment_in(plan, "任务清单第二部分讲什么") is None  # a task of the body prints it


def test_a_short_ending_names_an_attachment_only_as_a_genre_other_than_the_documents(tmp_path):
    from planqa.assistant import structure

    guide = _annexed(tmp_path, "加强领导。", "企业数字化转型技术指南")  # a notice (通知) and its guide
    assert structure.attachment_in(guide, "指南第二部分讲什么") == "附件"
    assert structure.attachment_in(guide, "本指南第二部分讲什么") is None  # the document itself, said so
    roster = _annexed(tmp_path, "加强领导。", "试点企业名录")
    assert structure.attachment_in(roster, "名录第二部分讲什么") is None  # no genre noun: too short to name it
    assert structure.attachment_in(roster, "企业名录第二部分讲什么") == "附件"


def test_the_only_attachment_is_named_without_its_number_before_a_place_in_it(tmp_path):
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    text = ("关于开展改革试点的通知\n一、重点任务\n1.推进试点。\n二、保障措施\n1.加强领导。\n"
            "附件1\n试点申报书\n一、基本情况\n1.单位概况。\n二、工作基础\n1.已有条件。\n")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    plan = load_plan(tmp_path / "p.txt")[0]
    assert structure.attachment_in(plan, "附件最后一部分讲什么") == "附件1"
    assert structure.find_section(plan, -1, within="附件1").title == "工作基础"


def test_an_attachment_is_named_by_its_title_without_a_closing_qualifier_in_brackets(tmp_path):
    from planqa.assistant import structure

    plan = _annexed(tmp_path, "加强领导。", "改革试点实施细则（试行）")
    assert structure.attachment_in(plan, "实施细则第二部分讲什么") == "附件"
    assert structure.attachment_in(plan, "改革试点实施细则（试行）第一部分讲什么") == "附件"


def test_an_attachments_number_is_the_longest_that_numbers_one(tmp_path):
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    text = "关于开展试点的通知\n一、重点任务\n1.推进试点。\n二、保障措施\n1.加强领导。\n" + "".join(
        f"附件{n}\n试点表格{n}\n一、基本情况\n1.填写名称。\n" for n in range(1, 13))
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    plan = load_plan(tmp_path / "p.txt")[0]
    assert len(plan.attachments) == 12
    assert structure.attachment_in(plan, "附件12第一部分讲什么") == "附件12"  # not 附件1
    assert structure.attachment_in(plan, "附件1第一部分讲什么") == "附件1"
    assert structure.attachment_in(plan, "附件2一共分几个部分") == "附件2"


GRADUATE = CORPUS / "degree-management-graduate-education-department-ministry-education.txt"


def test_an_attachments_parts_are_counted_when_asked_by_a_word_for_parts_or_their_titles_ending():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(GRADUATE)[0]  # 附件2 has two parts, 一、基础知识类课程 and 二、专业知识类课程
    assert structure.attachment_in(plan, "附件2一共分了几个部分") == "附件2"  # 一 of 一共 is no number of it
    assert structure.attachment_in(plan, "附件二分几个部分") == "附件2"
    assert structure.attachment_in(plan, "附件二一共分几个部分") == "附件2"
    text, cites, abstained = structure.count_attachment_sections(plan, "附件2", "附件2分了几类课程", "课程")
    assert text.startswith("附件2“核心课程参考建议”分2个部分：一、基础知识类课程；二、专业知识类课程") and not abstained
    assert [c.section for c in cites] == ["附件2/一", "附件2/二"]
    assert structure.count_attachment_sections(plan, "附件2", "附件2分了几个部分", "部分") is not None
    assert structure.count_attachment_sections(plan, "附件2", "附件2有几个课程", "课程") is None  # the courses
    assert structure.count_attachment_sections(plan, "附件2", "附件2有几类学分", "学分") is None  # something else


def test_things_an_attachment_is_titled_as_are_counted_by_its_part(tmp_path):
    with hash_assistant(tmp_path, [ANNEXED]) as assistant:
        part = assistant.ask("附件第四部分讲的是什么")
        counted = assistant.ask("附件中生产制造这一类典型场景一共几个？")
    assert not part.abstained and {c.section for c in part.citations} == {"附件/四"}
    assert not counted.abstained and "5" in counted.answer
    assert {c.section for c in counted.citations} == {"附件/二"} and len(counted.citations) == 5


GLOSSARY_PLAN = ("某省中小企业数字化转型指南\n一、总体要求\n（一）适用对象。本指南适用于中小企业。\n"
                 "（二）实施原则。坚持企业主体，政府引导。\n二、重点任务\n（一）开展评估。开展数字化水平评估。\n"
                 "（二）推进应用。推广低成本数字化应用。\n附件：术语解释\n附件\n术语解释\n"
                 "1．订阅服务：按期付费使用软件的服务方式。\n2．低代码：少写代码即可搭建应用的开发方式。\n"
                 "3．边缘计算：在数据产生处就近处理数据的计算方式。\n")


def test_a_plans_only_attachment_counted_as_a_whole_is_its_items(tmp_path):
    """附件一共有几项 (一 opens 一共, no number) and a count by the noun its title names count the
    attachment's items, not the plan's tasks."""
    from planqa.assistant import structure

    with assistant_over(tmp_path, "sme-guide", GLOSSARY_PLAN) as assistant:
        plan = assistant.search.entries["sme-guide"].plan
        assert structure.attachment_in(plan, "附件一共有几项？") == "附件"
        assert structure.attachment_in(plan, "附件二讲什么") is None  # a number it lacks
        assert structure.attachment_in(plan, "附件共几项") == "附件"
        for question in ("附件一共有几项？", "附件里总共收录了多少个术语？", "术语解释里总共收了多少个术语？"):
            answer = assistant.ask(question)
            assert not answer.abstained and "3项" in answer.answer
            assert [c.section for c in answer.citations] == ["附件/"] * 3


def test_an_attachments_parts_are_counted_by_a_word_for_divisions():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(GRADUATE)[0]  # 附件2 has two parts, 一、基础知识类课程 and 二、专业知识类课程
    text, cites, abstained = structure.count_attachment_sections(plan, "附件2", "附件2总共分几个阶段", "阶段")
    assert text.startswith("附件2“核心课程参考建议”分2个部分") and not abstained


def test_one_of_several_attachments_is_not_named_by_a_numeral_opening_a_word():
    from planqa.assistant import structure
    from planqa.ingest.load import load_plan

    plan = load_plan(GRADUATE)[0]  # 附件1 and 附件2
    assert structure.attachment_in(plan, "附件一共有几项要求？") is None  # 一 of 一共: no 附件1
    assert structure.attachment_in(plan, "附件一讲什么") == "附件1"


def test_an_attachment_without_numbered_items_keeps_the_count_it_prints(tmp_path):
    text = ("某市重点项目建设实施方案\n一、总体要求\n（一）目标。建成一批重点项目。\n（二）原则。统筹推进。\n"
            "二、保障措施\n（一）加强领导。建立协调机制。\n（二）强化督导。定期通报进展。\n附件：重点项目清单\n附件\n"
            "重点项目清单\n（按行业分类排列）\n本清单共收录重点项目56个，总投资约300亿元。\n")
    with assistant_over(tmp_path, "projects", text) as assistant:
        answer = assistant.ask("附件一共有多少个项目？")
        assert not answer.abstained and "56个" in answer.answer


PILOT_NOTICE = ("某部关于开展数字化试点工作的通知\n各省、自治区、直辖市主管部门：\n为推进数字化转型，现将有关事项通知如下。\n"
                "一、工作目标\n（一）总体目标。到2030年，培育一批试点城市。\n二、组织方式\n（一）申报。各地按要求报送申报材料。\n"
                "（二）评审。组织专家评审。\n附件1\n数字化试点实施方案\n一、总体要求\n（一）指导思想。坚持问题导向。\n"
                "二、重点工作\n（一）建设公共服务平台。汇聚服务资源。\n（二）培育服务商队伍。遴选优质服务商。\n"
                "（三）开展诊断评估。组织企业诊断。\n三、保障措施\n（一）加强组织领导。建立工作专班。\n")


def test_a_part_only_an_attachment_titles_is_named_by_its_title(tmp_path):
    """"方案里重点工作都有哪些": no part of the body is titled so, the attachment's part is."""
    with assistant_over(tmp_path, "pilot-notice", PILOT_NOTICE) as assistant:
        answer = assistant.ask("实施方案里重点工作都有哪些？")
        assert [c.section for c in answer.citations] == ["附件1/二"] * 3
        assert [c.task for c in answer.citations] == sorted(c.task for c in answer.citations)
        inside = assistant.ask("服务商方面的重点工作都有哪些？")  # a thing inside it named besides
        assert [c.section for c in inside.citations] != ["附件1/二"] * 3
