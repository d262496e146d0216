from dataclasses import replace

import pytest

from planqa.assistant import structure
from planqa.assistant.query import section_by_title
from planqa.ingest.load import load_plan
from planqa.ingest.plan import Plan, Section, Task
from tests.conftest import SEED


@pytest.fixture(scope="module")
def plan():
    return load_plan(SEED)[0]


def test_a_task_that_does_not_exist_names_the_real_range(plan):
    text, cites, abstained = structure.missing_task(plan, 25)
    assert abstained and cites == ()
    assert "共23项任务（第1—23项）" in text and "没有第25项" in text


def test_a_section_lists_every_task(plan):
    section = structure.find_section(plan, position=3)
    text, cites, abstained = structure.answer_section(plan, section)
    assert not abstained
    assert [c.task for c in cites] == [7, 8, 9, 10, 11, 12]
    assert "第三部分“做好建家交友和科技人才工作" in text and "包括6项任务" in text
    assert structure.find_section(plan, position=9) is None
    assert "没有第九部分" in structure.missing_section(plan, 9, None)[0]


def test_a_part_of_one_task_says_what_that_task_says():
    # "第三部分讲什么" of a part holding one task: that task's words, not only its title
    long = "支持建设开源开放平台，打造超算产业生态，" * 15 + "形成开放社区。"
    tasks = (Task(1, "推进试点", "选择两个市开展试点。组织评估。"), Task(2, "建设平台", long))
    plan = Plan("p", "关于加快发展的若干政策", "", "", "", (Section("一", "开展试点", "", tasks[:1]),
                                                   Section("二", "强化平台建设", "", tasks[1:])))
    text, cites, _ = structure.answer_section(plan, plan.sections[0])
    assert "只有1项任务" in text and "“选择两个市开展试点。组织评估。”" in text
    assert cites[0].task == 1 and cites[0].quote == "选择两个市开展试点。组织评估。"
    text, cites, _ = structure.answer_section(plan, plan.sections[1])
    # a first sentence past the limit: up to its last clause within it, marked as cut
    assert cites[0].quote.endswith("……") and len(cites[0].quote) <= structure.SOLE_TASK_QUOTE_CHARS + 2
    assert cites[0].quote.startswith("支持建设开源开放平台")


def test_when_the_document_takes_effect_is_said_where_it_is_printed():
    tasks = (Task(1, "支持平台建设", "对新建平台给予补助。本市认定的示范企业有效期为3年。本项目自立项之日起执行。"),
             Task(2, "附则", "本办法自2024年1月1日起施行，有效期3年。"))
    plan = Plan("p", "关于支持平台发展的若干措施", "", "", "", (Section("一", "主要措施", "", tasks),),
                end_matter="本措施自发布之日起实施。\n某市人民政府")
    text, cites, abstained = structure.answer_meta(plan, "effective")
    assert not abstained and "“本办法自2024年1月1日起施行，有效期3年。”" in text and "“本措施自发布之日起实施。”" in text
    assert "示范企业" not in text and "立项" not in text  # a permit's or a project's term is not the document's
    assert [c.task for c in cites] == [2, None]  # the task that prints it, then the end matter
    assert structure.answer_meta(replace(plan, end_matter="", sections=(Section("一", "主要措施", "", tasks[:1]),)),
                                 "effective") is None  # not printed: nothing to answer with


@pytest.mark.parametrize("meta, expected", [
    ("count_tasks", "共23项任务"), ("count_sections", "分7个部分，共23项任务"), ("issuer", "由山东省科协办公室印发"),
    ("published", "发布时间是2017-03-07"), ("signed", "通知落款是山东省科协办公室，落款日期是2017年3月6日"),
    ("mainline", "科协系统深化改革"), ("addressees", "各省级学会、协会、研究会"), ("year", "2017年"),
    ("instruction", "请结合实际，认真贯彻落实"),
    ("title", "印发通知的标题是“山东省科协办公室关于印发《山东省科协2017年工作要点》的通知”"),
])
def test_document_facts(plan, meta, expected):
    text, cites, abstained = structure.answer_meta(plan, meta)
    assert expected in text and not abstained
    for c in cites:
        assert c.task is None and c.quote  # quoted from the notice or the overview


def test_the_count_of_parts_cites_each_part_it_names(plan):
    text, cites, _ = structure.answer_meta(plan, "count_sections")
    assert [c.section for c in cites] == [s.ref for s in plan.body] and all(c.quote for c in cites)


def test_a_fact_the_plan_does_not_state(plan):
    from dataclasses import replace

    assert structure.answer_meta(replace(plan, overview="没有那个词的概述。"), "mainline") is None


def test_the_outline_gives_every_part_with_its_task_numbers(plan):
    text, cites, abstained = structure.answer_meta(plan, "outline")
    assert not abstained and "分7个部分、共23项任务" in text and "以“科协系统深化改革”为主线" in text
    for section in plan.sections:
        first, last = section.tasks[0].number, section.tasks[-1].number
        assert f"{section.number}、{section.title}（第{first}—{last}项）" in text
    assert cites[0].task is None and "主线" in cites[0].quote


def test_an_english_question_names_a_part_by_its_titles_words(plan):
    think_tanks = [(1.0, ["智库", "思想库"])]
    assert structure.section_by_terms(plan, think_tanks) == "六"
    assert structure.section_by_terms(plan, [(1.0, ["创新"])]) is None  # 四 and 六 both say it
    assert structure.section_by_terms(plan, [(1.0, ["院士"])]) is None  # no title says it


def test_a_plan_without_a_printed_title_is_called_this_document():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / "corpus" / (
        "implementation-plan-promoting-development-industrial-big-data.txt")
    plan, _ = load_plan(path)
    assert (plan.title, plan.name, plan.genre) == ("", "本文件", "文件")
    text, _, refused = structure.answer_meta(plan, "count_tasks")
    assert text.startswith("本文件共12项任务") and not refused
    assert structure.answer_meta(plan, "title") is None  # no title printed: not answered
    issuer, _, _ = structure.answer_meta(plan, "issuer")
    assert issuer == "本文件由山东省人民政府办公厅印发。"


@pytest.mark.parametrize(
    "task, label, section, name",
    [(9, "9.", "三", "第9项"), (9, "", "三", "第9项"), (3, "1、", "二", "第二部分第1项"),
     (8, "（一）", "三", "第三部分（一）"), (21, "（二十一）", "八", "第21项"), (None, "", "四", "第四部分"),
     (None, "", "", "总体部分")],
)
def test_tasks_are_named_by_their_printed_place_where_numbering_restarts(task, label, section, name):
    from planqa.assistant.answer import place

    assert place(task, label, section) == name


def test_a_part_of_a_plan_that_restarts_numbering_names_its_printed_labels():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / "corpus" / (
        "implementation-plan-promoting-development-industrial-big-data.txt")
    plan, _ = load_plan(path)
    text, cites, _ = structure.answer_section(plan, plan.sections[2])
    assert "第三部分（一）：健全工作机制" in text
    assert (cites[0].task, cites[0].label, cites[0].to_json()["label"]) == (8, "（一）", "（一）")


def test_items_of_a_task_by_dash_heading_or_number_after_a_lead_in():
    from planqa.assistant.structure import items_of

    dashes = "场景创新成为新路径，成果持续涌现。\n——重大应用场景加速涌现。在各领域形成一批场景。\n——合作生态初步形成。初步形成协同体系。"
    assert items_of(dashes) == ("重大应用场景加速涌现", "合作生态初步形成")
    headings = "政府引导。积极发挥政府作用。\n市场主导。充分发挥市场作用。\n融合发展。推动融合。"
    assert items_of(headings) == ("政府引导", "市场主导", "融合发展")
    nested = "总体思路如下。\n1.智能制造。围绕转型升级。\n（1）加快突破关键领域。支持创新。\n2.智慧医疗。推动应用。"
    assert items_of(nested) == ("智能制造", "智慧医疗")  # （1） belongs to item 1
    # an item opening with its year (3.2022年…) is numbered as the others are, no decimal
    dated = "1.建设数据平台，推进共享。\n2.2023年底前建成交易市场，培育主体。\n3.突出品牌培育，打造平台。"
    assert len(items_of(dated)) == 3 and items_of(dated)[0] == "建设数据平台"
    assert items_of("推进科普信息化建设。\n加强科普基础设施建设，提升服务能力。") == ()  # prose, no list
    assert items_of("政府引导。积极发挥政府作用。") == ()  # one item is no list
    # Numbered in order, each item's text broken over several lines (a PDF copied): still a list.
    broken = "1.数字营销服务。\n应运用小程序等营销工具，\n为消费者提供促销活动，\n提高转化率。\n2.电子会员服务。\n应建有电子会员系统，\n实现会员管理。"
    assert items_of(broken) == ("数字营销服务", "电子会员服务")
    out_of_order = "2.电子会员服务。\n应建有电子会员系统，\n实现会员管理，\n积分通兑。\n5.智慧体验。\n配备自助设备，\n提升体验。"
    assert items_of(out_of_order) == ()  # not 1, 2 …: most lines must open items
    # Labels that lost their dot in copying ("1突破…"), numbered 1, 2, 3: a list; a year or a
    # duration opening a line is no label.
    dotless = "1突破关键技术。加强基础研究。\n2强化硬件攻关。加强器件研究。\n3建设创新平台。支持建设算力平台。"
    assert items_of(dotless) == ("突破关键技术", "强化硬件攻关", "建设创新平台")
    assert items_of("3年内建成平台。\n5年内全面推广。") == ()
    assert items_of("1月底前完成摸底调查。\n2月底前制定方案。\n3月底前启动实施。") == ()  # a schedule
    assert items_of("1个中心统筹调度。\n2个平台支撑服务。\n3个体系保障运行。") == ()  # counted things
    # Numbered on from the task before (13, 14, 15: the plan numbers its items across tasks).
    across = "13强化资本供给。发挥基金作用。\n14优化发展环境。落实相关政策。\n15加强交流合作。推动开源。"
    assert items_of(across) == ("强化资本供给", "优化发展环境", "加强交流合作")
    assert items_of("13强化资本供给。发挥基金作用。\n15加强交流合作。推动开源。") == ()  # not run on by one
    # A run-in heading a copy ran into the item before it: opened like every heading (坚持…), as short.
    run_on = "坚持统筹推进。加强顶层设计。\n坚持开放共享。汇聚数据资源，服务社会。坚持安全可控。守住底线。"
    assert items_of(run_on) == ("坚持统筹推进", "坚持开放共享", "坚持安全可控")
    assert items_of("政府引导。积极发挥作用。\n市场主导。发挥市场作用。坚持安全可控。守住底线。") == (
        "政府引导", "市场主导")  # headings opening unlike: no run-in heading told
    # One paragraph whose sentences each open alike (坚持…), after an optional lead-in: a list.
    one_paragraph = "按以下原则推进。坚持需求牵引，聚焦短板。坚持创新驱动，集聚资源。坚持安全发展，守住底线。"
    assert items_of(one_paragraph) == ("坚持需求牵引", "坚持创新驱动", "坚持安全发展")
    assert items_of("坚持需求牵引，聚焦短板。坚持创新驱动，集聚资源。") == ()  # two sentences are no list
    assert items_of("建设平台。完善机制。推进应用。") == ()  # prose opening unlike
    # Sentences opening with a verb, a subject or a time any sentence may open with: no run-in items.
    assert items_of("加强组织领导。成立领导小组。加强统筹协调。\n加强资金保障。设立专项资金。") == ("加强组织领导", "加强资金保障")
    assert items_of("各市要成立工作专班。各市要制定实施方案。各市要加强督促检查。") == ()
    assert items_of("到2025年，建成平台。到2027年，全面推广。到2030年，形成体系。") == ()
    # A second lead-in announcing the list (其中：) before items numbered 1, 2, 3 …; lists in a
    # row after it (numbered anew) are not the task's items.
    announced = "基础标准用于统一要求，包括三类标准。\n其中：\n（1）评价标准用于规范评价；\n（2）模型标准用于规范对象；\n（3）安全标准用于保障运行。"
    assert [name[:4] for name in items_of(announced)] == ["评价标准", "模型标准", "安全标准"]
    from planqa.assistant.structure import naming_sentence
    from planqa.ingest.plan import Task

    assert "四类标准" in naming_sentence(Task(6, "基础标准", "基础标准包括评价标准、模型标准、安全标准、标识标准四类标准。\n其中：\n"
                                           "（1）评价标准用于规范评价；\n（2）模型标准用于规范对象；\n（3）安全标准用于保障运行；\n（4）标识标准用于规范编码。"), ())
    own = "（1）评价标准：规范能力评价。\n（2）模型标准：规范参考模型。\n（3）安全标准：规定评价标准、模型标准涉及的安全要求。"
    assert naming_sentence(Task(7, "标准", own), ()) == ""  # an item's own sentence names them not
    in_a_row = "技术标准包括装备、工厂两部分。\n各领域标准可包括：\n（1）装备：规范接口。\n（2）工厂：规范数据。\n（1）装备：规范通信。\n（2）工厂：规范监控。"
    assert items_of(in_a_row) == ()


PRINCIPLES = """某市人工智能发展实施方案
一、总体要求
（一）指导思想
坚持创新驱动。
（二）基本原则
政府引导。积极发挥政府作用。
市场主导。充分发挥市场作用。
融合发展。推动融合。
二、重点任务
（三）建设算力平台
建设城市算力中心。
"""


def test_a_task_named_by_its_whole_title_and_its_items():
    from planqa.assistant.structure import answer_items, task_titled
    from planqa.ingest.outline import parse_plan

    plan = parse_plan(PRINCIPLES, "p")
    task = task_titled(plan, "基本原则一共几条？")
    assert task.title == "基本原则"
    assert task_titled(plan, "一共几条？") is None
    text, citations, abstained = answer_items(plan, task)
    assert "列了3条：政府引导；市场主导；融合发展" in text and not abstained
    assert citations[0].task == task.number and citations[0].quote in task.text
    assert answer_items(plan, task_titled(plan, "建设算力平台有几条")) is None


def test_a_task_named_whole_wins_over_one_named_without_its_verb():
    from planqa.assistant.structure import task_titled
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某指南\n一、主要任务\n（一）实现服务精准化\n提升服务水平。\n二、建设要求\n（二）服务精准化要求\n"
                      "1.数字营销服务。运用营销工具。\n2.电子会员服务。建有会员系统。\n", "g")
    assert task_titled(plan, "服务精准化要求一共列了几项？").title == "服务精准化要求"
    assert task_titled(plan, "服务精准化是怎么安排的？").title == "实现服务精准化"  # its title without the verb
    actions = parse_plan("某方案\n一、重点任务\n（一）实施高新技术企业“育苗扶壮”行动\n1.打造孵化体系。\n2.壮大企业。\n"
                         "（二）实施高新技术企业“创新提质”行动\n3.加大研发投入。\n4.开展攻关。\n", "a")
    assert task_titled(actions, "“创新提质”行动下面一共有几条任务？").number == 2  # the name its title quotes
    assert task_titled(actions, "“专精特新”企业有几家？") is None
    assert task_titled(actions, "“创新提质”每年支持几家企业？") is None  # the name, not the task's title
    assert task_titled(actions, "“育苗扶壮”那项行动下面有几条？").number == 1
    systems = parse_plan("某战略\n一、主要任务\n（一）构建协同开放的智能船舶技术创新体系\n1.突破关键技术。\n2.完善测试。\n"
                         "（二）构建系统完善的智能船舶法规标准体系\n3.健全法规。\n4.完善标准。\n", "s")
    assert task_titled(systems, "法规标准体系下面有几条？").number == 2  # its end after the words siblings share
    assert task_titled(systems, "标准体系有几条？") is None  # not right after the words the siblings share
    assert task_titled(systems, "协同开放有几条？") is None  # no end of a title
    parallel = parse_plan("某方案\n一、主要任务\n（一）实施科技创新攻关行动\n1突破技术。\n（二）实施产业集群发展行动\n2引进企业。\n"
                          "（三）实施应用场景开发行动\n3推动应用。\n4打造标杆。\n", "q")
    # what tells a title from its siblings, all opening 实施 and ending 行动
    assert task_titled(parallel, "应用场景开发方面要推进哪些工作？").number == 3
    assert task_titled(parallel, "场景开发有几项？") is None  # less than that
    assert task_titled(actions, "高新技术企业有几家？") is None  # the words the siblings share
    yard = parse_plan("某指南\n一、建设内容\n（一）船厂应用标准\n1.材料堆场标准。\n2.喷涂车间标准。\n", "y")
    assert task_titled(yard, "新一代信息技术应用标准有哪些？") is None  # 船厂 is no verb to leave out


def test_numbered_items_are_quoted_from_their_paragraph():
    from planqa.assistant.structure import answer_items
    from planqa.ingest.outline import parse_plan

    plan = parse_plan(PRINCIPLES.replace("政府引导。积极发挥政府作用。\n市场主导。充分发挥市场作用。\n融合发展。推动融合。",
                                         "1.申报条件。具有独立法人资格。\n2.申报材料。提交申请书。"), "p")
    text, citations, _ = answer_items(plan, plan.tasks[1])
    assert "列了2条：申报条件；申报材料" in text and citations[0].quote == "1.申报条件。具有独立法人资格。"


def test_a_line_broken_in_copying_continues_its_item_and_prose_stays_prose():
    from planqa.assistant.structure import items_of

    broken = ("坚持市场主导，政府引导。突出企业主体地位。\n坚持用研结合，急用先行。围绕产线建设，强化\n检测技术与制造过程深度结合。\n"
              "坚持融合发展，多方协同。把握新一轮科技革命。")
    assert items_of(broken) == ("坚持市场主导，政府引导", "坚持用研结合，急用先行", "坚持融合发展，多方协同")
    prose = "加强组织领导。建立工作机制。\n各地要结合实际制定方案，明确责任分工。\n要加大资金投入，保障工作经费。\n要强化宣传引导，营造良好氛围。"
    assert items_of(prose) == ()  # one run-in heading among prose paragraphs is no list


def test_articles_and_chapters_are_named_as_printed():
    from planqa.assistant.answer import place
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某市管理办法\n第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于本市。\n"
                      "第二章 申请\n第三条 申请人应符合下列条件：\n（一）独立法人；\n（二）具备能力。\n", "p")
    assert structure.section_label(plan.sections[1]) == "第二章"
    task = plan.tasks[2]
    assert place(task.number, task.label, plan.section_of(task).number) == "第三条"
    assert place(3, "（二）", "三") == "第三部分（二）" and place(9, "9.", "") == "第9项"  # plans as before


def test_which_part_names_a_chapter_as_printed():
    from planqa.assistant.chain import part_of
    from planqa.ingest.outline import parse_plan

    plan = parse_plan("某市管理办法\n第一章 总则\n第一条 为规范管理，制定本办法。\n第二章 申请\n第二条 申请人应提交材料。\n", "p")
    assert part_of(plan, "二") == "第二章：申请"


def test_items_printed_below_the_tasks_are_found_by_their_number(plan):
    corpus = SEED.parent.parent / "tests" / "data" / "corpus"
    three_levels, _ = load_plan(corpus / "three-year-action-plan-improving-innovation-capability.txt")
    items = structure.printed_items(three_levels)
    assert sorted(items) == list(range(1, len(items) + 1)) and len(items) > len(three_levels.tasks)
    for number, (task, line) in items.items():
        assert line.startswith(f"{number}.") or line.startswith(f"{number}．")
        assert line in task.text and not task.label[0].isdigit()
    # tasks printed 1.–23. are the items themselves: 第8条 is task 8
    assert structure.printed_items(plan) == {}


def _articles(first: str) -> Plan:
    """Two tasks whose lines print 1. and 2., numbered once across them."""
    tasks = (Task(1, "总则", "1.适用范围。"), Task(2, "分则", "2.工作要求。"))
    labelled = tuple(replace(t, label=f"{first}{'一二'[i]}{'条' if first else '）'}")
                     for i, t in enumerate(tasks))
    return Plan("p", "办法", "", "", "", (Section("", "", "", labelled),))


def test_articles_are_the_items_themselves():
    # 第八条 is the plan's own numbering: "第8条" names that task, not a line printed "8." in it
    assert dict(structure.printed_items(_articles("（"))) == {1: (_articles("（").tasks[0], "1.适用范围。"),
                                                           2: (_articles("（").tasks[1], "2.工作要求。")}
    assert dict(structure.printed_items(_articles("第"))) == {}


def test_counts_name_the_items_numbered_below_the_tasks():
    # "主要任务一共有多少条？" where （一）… hold 1.–N.: the part's tasks and its numbered items
    corpus = SEED.parent.parent / "tests" / "data" / "corpus"
    three_levels, _ = load_plan(corpus / "three-year-action-plan-improving-innovation-capability.txt")
    items = structure.printed_items(three_levels)
    part = next(s for s in three_levels.sections if any(task in s.tasks for task, _ in items.values()))
    held = sum(task in part.tasks for task, _ in items.values())
    text, _, _ = structure.answer_section(three_levels, part)
    assert f"包括{len(part.tasks)}项任务（共{held}条）" in text
    whole, _, _ = structure.answer_meta(three_levels, "count_tasks")
    assert f"编号的条目共{len(items)}条" in whole


def test_the_plans_subject_in_a_part_title_names_no_part():
    # 智慧城市 is in most tasks: a question about 智慧城市建设 names no part by it
    tasks = tuple(Task(i, f"任务{i}", f"推进智慧城市建设第{i}项工作。" if i < 5 else f"其他工作{i}。") for i in range(1, 9))
    plan = Plan("p", "关于促进智慧城市健康发展的指导意见", "", "", "",
                (Section("一", "科学制定智慧城市建设顶层设计", "", tasks[:4]), Section("二", "加强网络信息安全", "", tasks[4:])))
    common = structure.common_phrases(plan)
    assert "智慧城市" in common and "加强网络" not in common
    titles = structure.section_titles(plan)
    assert section_by_title("社会力量参与智慧城市建设方面有哪些规定？", titles, common) is None
    assert section_by_title("科学制定智慧城市建设顶层设计这部分有哪些任务", titles, common) == "一"
    assert section_by_title("社会力量参与智慧城市建设方面有哪些规定？", titles) == "一"  # without: named


@pytest.mark.parametrize(("text", "noun"), [
    ("试验区建设以地级市等为主，拟申请建设试验区的城市应具备以下条件。", "条件"),
    ("申请单位应符合下列条件：", "条件"),
    ("试点申报主体应当具备下列基本条件：", "条件"),  # the phrase's noun ends it
    ("着重从以下方面完善质量保障制度与支撑体系建设。", "方面"),
    ("试点城市按照以下程序办理：", "程序"),  # the noun, not the verb after it
    ("具体要求如下：", "要求"),
    ("以下条件由省级部门审核后报送。各地要结合实际推进。", ""),  # announced, then more text
    ("坚持创新引领。强化企业主体。推动开放合作。着重在以下领域率先取得突破：", ""),  # says things of its own
    ("坚持以习近平新时代中国特色社会主义思想为指导。", ""),
])
def test_a_part_whose_own_words_announce_its_items(text, noun):
    task = Task(number=1, title="科教资源丰富", text="应拥有高校。", label="（一）")
    assert structure.announced(Section("三", "申请条件", text, (task,), "三、")) == noun
    # A part without items announces nothing, whatever its words.
    assert structure.announced(Section("三", "申请条件", text, (), "三、")) == ""


def test_every_task_asked_for_is_listed_by_part_each_cited(plan):
    text, cites, abstained = structure.answer_meta(plan, "all_tasks")
    assert not abstained
    assert [c.task for c in cites] == [t.number for t in plan.body_tasks]
    assert all(t.title in text for t in plan.body_tasks)
    assert all(s.title in text for s in plan.body)


def test_a_part_without_tasks_shows_the_points_its_dashes_open():
    from planqa.ingest.outline import parse_plan

    text = ("某部关于推进交通信息化的意见\n一、总体要求\n坚持统筹规划。\n二、建设目标\n到2020年，基本形成信息化发展总体格局。\n"
            "--基本建成全面高效的交通基础设施和载运工具运行状态感知体系，公共网络满足发展需要。\n"
            "——基本建成行业数据中心体系，信息资源互通共享。\n三、主要任务\n（一）加强统筹规划。\n完善规划。\n（二）加强数据应用。\n建设数据中心。\n")
    plan = parse_plan(text, "traffic")
    part = next(s for s in plan.sections if s.title == "建设目标")
    assert structure.dash_items(part.text) == ("基本建成全面高效的交通基础设施和载运工具运行状态感知体系", "基本建成行业数据中心体系")
    reply, cites, abstained = structure.answer_section(plan, part)
    assert not abstained and "没有编号的任务" in reply and "其下列了2条" in reply
    assert "——基本建成行业数据中心体系" in reply and "公共网络" not in reply  # each point by its first clause
    prose = next(s for s in plan.sections if s.title == "总体要求")
    assert structure.dash_items(prose.text) == () and "其下列了" not in structure.answer_section(plan, prose)[0]


def test_what_the_notice_asks_of_its_recipients_is_its_sentence_of_request(plan):
    notice = "各有关单位：\n经研究，同意你单位的申请。现将方案印发给你们，请遵照执行。\n某某厅"
    text, _, _ = structure.answer_meta(replace(plan, notice=notice), "instruction")
    assert "请遵照执行" in text and "申请" not in text  # asking for something is no request of them
    assert structure.answer_meta(replace(plan, notice=""), "instruction") is None  # no covering notice


def test_a_part_announces_its_items_in_its_last_sentence_not_by_an_amount_bound():
    from planqa.assistant.structure import announcing_sentence
    from planqa.ingest.plan import Section, Task

    items = (Task(1, "《智能调度系统技术要求》", ""), Task(2, "《电子站牌通讯协议》", ""))
    assert announcing_sentence(Section("二", "标准规范", "统一建设标准。\n市交通运输局组织制定如下2项工程标准。", items)) == \
        "市交通运输局组织制定如下2项工程标准"
    assert announcing_sentence(Section("二", "标准规范", "申报单位应具备以下条件：", items)) == "申报单位应具备以下条件"
    assert announcing_sentence(Section("二", "补贴", "对年营业收入2000万元以下的小微企业，由市财政局给予补贴。", items)) == ""
    assert announcing_sentence(Section("二", "标准规范", "其中：", items)) == ""
    assert announcing_sentence(Section("二", "标准规范", "市交通运输局组织制定如下2项工程标准。", ())) == ""  # no items


def test_items_numbered_with_a_small_full_stop_are_items():
    # a web page's 1﹒ is the 1. of print: the lines below the tasks are still the plan's items
    tasks = (Task(1, "总则", "1﹒适用范围。"), Task(2, "分则", "2﹒工作要求。"))
    labelled = tuple(replace(t, label=f"（{'一二'[i]}）") for i, t in enumerate(tasks))
    plan = Plan("p", "办法", "", "", "", (Section("", "", "", labelled),))
    assert sorted(structure.printed_items(plan)) == [1, 2]
