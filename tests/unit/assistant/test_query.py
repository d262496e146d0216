import pytest

from planqa.assistant.followup import Context
from planqa.assistant.query import (
    as_printed,
    headless,
    normalize_question,
    role_names,
    reordered_in,
    section_by_title,
    split_questions,
    titles_named,
    verbless,
)
from planqa.assistant.rules import Frame, asks_for, pattern, plan_frame, table, understand

TITLES = [("四", "组织科技工作者进军科技创新和经济建设主战场，服务创新驱动发展"),
          ("六", "建设科技创新智库体系，服务党委政府科学决策")]


def intent(question, context=None):
    return route(normalize_question(question), context, TITLES)


@pytest.mark.parametrize("question, n", [
    ("第14项", 14), ("任务十四是什么", 14), ("第二十三项工作讲什么", 23), ("第7条", 7),
    ("task 10", 10), ("What is task number 6 about?", 6), ("第十四項講什麼？", 14), ("那第5项呢？", 5),
])
def test_task_by_number_in_any_form(question, n):
    got = intent(question)
    assert (got.kind, got.task) == ("task", n)


@pytest.mark.parametrize("question", ["科技工作者日主题活动是第几项任务？", "开展第三次全省科技工作者状况调查是哪项？"])
def test_ordinals_that_are_no_task_number(question):
    assert intent(question).kind != "task"


def test_sections_by_number_and_by_title():
    assert intent("第五部分有哪些任务").section == 5
    assert intent("“建设科技创新智库体系”这部分有哪些任务").section_number == "六"
    assert intent("服务创新驱动发展的那一部分包括哪几项？").section_number == "四"
    assert section_by_title("科普信息化新业态由哪几部分构成？", TITLES) is None


def test_a_part_named_by_its_title_without_the_plans_subject():
    titles = [("二", "着力打造人工智能重大场景"), ("三", "提升人工智能场景创新能力"), ("四", "加快推动人工智能场景开放")]
    common = frozenset({"人工智能", "人工智能场景", "场景创新"})  # what many of the plan's tasks print
    assert section_by_title("在提升场景创新能力方面，具体安排了哪几项工作？", titles, common) == "三"
    assert titles_named("加快推动场景开放都有哪些任务", titles, common) == ["四"]
    assert titles_named("加快推动场景开放都有哪些任务", titles) == []  # no subject known: no title
    assert section_by_title("提升能力方面有什么要求", titles, common) is None  # too little of it is left


def test_a_part_named_by_its_title_with_the_words_in_another_order():
    titles = [("二", "加快物流集聚"), ("三", "推动仓储共享"), ("五", "工作要求")]
    assert section_by_title("加快集聚物流那块下面列了啥措施？", titles) == "二"
    assert section_by_title("共享仓储推动这块讲了啥", titles) == "三"
    assert section_by_title("要求工作人员做到哪些？", titles) is None  # 工作人员 is one word
    assert section_by_title("物流要加快集聚吗", titles) is None  # words apart: no title said
    assert section_by_title("有哪些措施保障资金到位", [("六", "保障措施")]) is None  # no part word after it
    assert section_by_title("生产安全这块都包括啥", [("三", "安全生产")]) == "三"
    assert section_by_title("扩大再生产安全这块都包括啥", [("三", "安全生产")]) is None  # 生产 of 再生产
    assert section_by_title("建设智慧港口那部分", [("二", "智慧港口建设")], frozenset({"智慧港口"})) is None  # the subject
    assert reordered_in("加快物流集聚", "加快集聚物流那块") and not reordered_in("加快物流集聚", "加快物流集聚那块")
    assert not reordered_in("稳增长", "增长稳那块")  # a clause of four characters or more


def test_a_part_named_without_its_opening_qualifier():
    titles = [("二", "全领域推进城市数字化转型"), ("四", "全过程优化城市数字化转型生态")]
    common = frozenset({"城市数字化转型", "推进城市"})
    assert headless("全过程优化城市数字化转型生态", common) == ["过程优化城市数字化转型生态", "程优化城市数字化转型生态",
                                                            "优化城市数字化转型生态"]
    assert titles_named("为优化城市数字化转型生态，文件列了哪些措施？", titles, common) == ["四"]
    # what is left of 全领域推进城市数字化转型 is the plan's subject and a verb: no part
    assert titles_named("推进城市数字化转型有哪些措施", titles, common) == []
    assert headless("加强宣传", common) == []  # too short to be more than a phrase


def test_a_part_named_by_its_title_without_its_verb():
    titles = [("四", "深化发展智能制造"), ("五", "构建支撑体系"), ("六", "完善标准体系")]
    verbs = ("构建", "完善", "深化")
    assert titles_named("支撑体系具体要建哪些东西？", titles, verbs=verbs) == ["五"]
    assert titles_named("支撑体系具体要建哪些东西？", titles) == []  # no verbs known: the whole title only
    assert titles_named("体系具体有哪些？", titles, verbs=("构建",)) == []  # too short to name a part
    # another part's title holding what is left: neither part named by it
    assert titles_named("标准体系有哪些？", [("一", "完善标准体系"), ("二", "推进国际标准体系对接")], verbs=verbs) == []
    assert verbless("发展智能制造", verbs) == []  # opens with no verb of the list
    # asked for what it lists: the part, its verbs from the rule table
    assert understand("支撑体系都有哪些？", Frame(section_titles=tuple(titles))).section_number == "五"


ROLES = [(("保障措施", "组织保障", "组织实施"), ("保障措施", "组织保障", "保障举措")),
         (("主要目标", "发展目标"), ("主要目标", "发展目标"))]
BEFORE = ("哪些", "的")


def test_a_part_called_by_another_name_of_its_role():
    parts = ["总体要求", "发展目标", "组织保障"]
    names = role_names(parts, parts + ["加强统筹协调"], ROLES)
    assert dict(names) == {"保障措施": "组织保障", "保障举措": "组织保障", "主要目标": "发展目标"}
    assert as_printed("为保证计划落地，文件列了哪些保障措施？", names, BEFORE) == "为保证计划落地，文件列了哪些组织保障？"
    assert as_printed("保障措施一共几条", names, BEFORE) == "组织保障一共几条"
    assert as_printed("资金保障措施有哪些？", names, BEFORE) == "资金保障措施有哪些？"  # measures for a thing
    assert as_printed("由谁组织实施", names, BEFORE) == "由谁组织实施"  # a verb phrase is never a said name
    # a verb before the role's title: 加强组织实施 plays it, and is called by that title without its verb
    verbed = role_names(["重点任务", "加强组织实施"], ["重点任务", "加强组织实施"], ROLES[:1])
    assert dict(verbed) == {"保障措施": "加强组织实施", "组织保障": "加强组织实施", "保障举措": "加强组织实施",
                            "组织实施": "加强组织实施"}
    assert as_printed("为确保落地，组织实施上有哪些安排？", verbed, BEFORE) == "为确保落地，加强组织实施上有哪些安排？"
    assert as_printed("由谁组织实施", verbed, BEFORE) == "由谁组织实施"  # the verb phrase stays
    # the bare title is no other name when another heading prints it
    assert "组织实施" not in dict(role_names(["加强组织实施"], ["加强组织实施", "做好组织实施"], ROLES[:1]))
    # two parts play it, or a heading prints the name: no other name
    assert role_names(["保障措施", "加强组织实施"], ["保障措施", "加强组织实施"], ROLES[:1]) == ()
    assert "保障举措" not in dict(role_names(["组织保障"], ["组织保障", "完善保障举措"], ROLES[:1]))
    # only parts play a role: a task titled so, or a part titled otherwise (政策措施), gets no other name
    assert role_names(["重点任务", "政策措施"], ["重点任务", "政策措施", "加强组织实施"], ROLES[:1]) == ()


def test_the_table_of_roles_reaches_the_plans_frame():
    said = {name: next(s for p, s in table().roles if p == prints) for name, prints in table().role_titles.items()}
    assert said["safeguards"] and said["targets"] and not said["tasks"]  # the tasks' part: no other names
    named = Frame(section_titles=(("二", "抓好重点工作"), ("三", "保障措施"))).role_names
    assert named and all(title == "保障措施" for _, title in named)  # 重点工作 is no other name of 二
    frame = Frame(section_titles=(("三", "重点任务"), ("四", "组织实施")))
    assert dict(frame.role_names)["保障措施"] == "组织实施"
    assert understand("文件列了哪些保障措施？", frame).section_number == "四"
    assert plan_frame(None).role_names == ()
    # an attachment's part printing the name: no other part is called so
    attached = Frame(section_titles=(("三", "组织实施"),), parts=("组织实施", "保障措施"))
    assert attached.role_names == ()


@pytest.mark.parametrize("question, meta", [
    ("一共多少项任务？", "count_tasks"), ("分几个部分", "count_sections"), ("谁印发的", "issuer"),
    ("这份要点一共分了几大部分？", "count_sections"),
    ("哪天印发的", "signed"), ("工作要点的发布时间是哪天？", "published"), ("工作主线是什么", "mainline"),
    ("这个通知是发给哪些单位的？", "addressees"), ("这份要点是哪一年的工作安排？", "year"),
])
def test_document_facts(question, meta):
    got = intent(question)
    assert (got.kind, got.meta) == ("meta", meta)


@pytest.mark.parametrize("question", ["哪项任务涉及院士专家工作站？", "智庫建設是哪幾項任務？", "哪些任务提到了学会？"])
def test_which_tasks_mention(question):
    assert intent(question).kind == "mention"


@pytest.mark.parametrize("question, literal", [
    ("院士专家工作站", True), ("“互联网+”在要点里是怎么提的？", True), ("哪几项工作提到“试点”？", True),
    ("今年科协涉及院士的工作都有哪些？帮我汇总一下", False), ("要点里所有和智库有关的内容", False),
    ("互联网平台建设方面，科协自身工作和科普工作分别有什么计划？", False),
    ("List every task that involves academicians.", False), ("Which tasks mention the forum?", True),
    ("科协今年都要办哪些论坛？", False), ("List everything in the plan about academicians.", False),
    ("Summarize the party-building and anti-corruption tasks.", False),
])
def test_listing_questions(question, literal):
    got = intent(question)
    assert (got.kind, got.literal) == ("mention", literal)


@pytest.mark.parametrize("question, numbers", [
    ("第4条和第5条分别讲了什么？", (4, 5)), ("第3、4项讲什么", (3, 4)), ("第三、四、五项", (3, 4, 5)),
    ("任务7和任务9", (7, 9)), ("第14项", (14,)),
])
def test_several_task_numbers_in_one_question(question, numbers):
    got = intent(question)
    assert (got.kind, (got.task, *got.also)) == ("task", numbers)


def test_where_the_plan_mentions_is_no_place_question():
    for question in ("Where does the plan mention academician expert workstations?", "计划里哪里提到了科普大篷车？"):
        got = intent(question)
        assert (got.kind, got.literal, got.asks) == ("mention", True, None)
    assert intent("互联网+").kind == "mention"  # a bare term with its plus


def test_only_explicit_listing_words_ask_for_several():
    assert intent("互联网平台建设方面，科协自身工作和科普工作分别有什么计划？").listing
    assert intent("基层科普和科技场馆建设，今年各有什么打算").listing
    assert intent("村里有人信歪门邪道的组织，科协打算做哪些工作来防范？").listing is False
    # Plural words set apart from their noun, a count of items, or 都 with 什么.
    assert intent("针对年轻人，今年有哪些扶持和宣传上的举措？").listing
    assert intent("引进人才方面都有哪几项措施？").listing
    assert intent("引进人才方面，国内国外都有什么打算？").listing
    assert intent("科技工作者日有什么安排？").listing is False
    assert intent("学会自身改革和学会承接政府职能这两块今年怎么推进？").listing  # a count of topics


@pytest.mark.parametrize("question", ["智库是什么意思？", "选取多少个省级学会试点", "改革什么时候全部完成？"])
def test_single_questions_are_not_listings(question):
    assert intent(question).kind != "mention"


def test_every_is_no_topic_of_a_listing():
    # 所有 frames the listing (所有条目): no word of what is listed
    assert "所有" not in pattern("frame").sub("，", "把提到大数据的所有条目找出来")
    assert "所有" not in pattern("frame").sub("，", "所有写到经费的条目")
    assert "混合所有制" in pattern("frame").sub("，", "混合所有制改革在哪条")  # a word holding it


def test_the_words_naming_the_fact_asked_are_no_words_of_its_thing():
    from planqa.assistant.evidence import unasked_text
    from planqa.assistant.rules import fact_named

    assert fact_named("重点项目数量") == "count" and unasked_text("重点项目数量", "count") == "重点项目"
    assert fact_named("孵化基地建成时间") == "when" and "时间" not in unasked_text("孵化基地建成时间", "when")
    assert "时间点" not in unasked_text("孵化基地落成时间点定在哪年", "when")  # as 时间节点: the asking
    assert fact_named("孵化基地") is None


def test_a_task_counted_back_from_the_end_by_the_plans_own_numbers():
    frame = Frame(section_titles=(("一", "改革"), ("二", "保障")), task_titles=((1, "一", "甲"), (2, "一", "乙"), (13, "二", "丙")))
    assert (intent := understand("倒数第二条讲什么", frame)).task == 2 and intent.section_number == "一"
    assert understand("倒数第四条讲什么", frame).task is None  # there are three


def test_the_last_part():
    assert intent("最后一部分关于科协自身建设的有哪几条？").section == -1  # by position: the body's or an attachment's
    assert intent("最后一部分讲什么", context=None).kind == "section"


def test_a_part_called_a_block():
    assert intent("第四大块列了哪几项？").section == 4
    assert intent("“建设科技创新智库体系”这一块具体要做什么？").kind == "section"
    assert intent("这个通知是哪天发的？").meta == "published"


def test_follow_ups_resolve_against_the_previous_answer():
    ctx = Context("p", 5, "二", (5,))
    assert (intent("它什么时候完成？", ctx).task, intent("它什么时候完成？", ctx).asks) == (5, "when")
    assert intent("下一项是什么？", ctx).task == 6
    assert intent("上一项呢？", ctx).task == 4
    assert intent("这一项由谁负责？", ctx).asks == "who"
    assert (intent("这部分还有哪些任务？", ctx).kind, intent("这部分还有哪些任务？", ctx).section_number) == ("section", "二")
    assert intent("其中讲科技扶贫的是哪项？", Context("p", 16, "五", (16, 17, 18, 19))).within
    assert intent("下一项是什么？").kind != "task"  # no conversation: nothing to follow


def test_follow_ups_point_into_the_last_list_by_place():
    listed = Context("p", 14, "四", (14, 9), listed=(14, 9))
    assert intent("第一个是什么内容？", listed).task == 14
    assert intent("第二个呢？", listed).task == 9 and intent("最后一个讲什么", listed).task == 9
    assert intent("第三个呢？", listed).kind != "task"  # the list has two
    after_first = Context("p", 14, "四", (14,), listed=(14, 9))
    assert intent("另一个呢？", after_first).task == 9
    one = Context("p", 14, "四", (14,))  # the answer gave one task: the first one is that one
    assert intent("第一个是什么？", one).task == 14 and intent("第二个是什么？", one).kind != "task"


def test_a_follow_up_that_names_nothing_asks_about_the_last_task():
    ctx = Context("p", 6, "二", (6,))
    assert (intent("什么时候完成？", ctx).task, intent("什么时候完成？", ctx).asks) == (6, "when")
    assert intent("具体要成立什么机构？", Context("p", 20, "六", (20,))).task == 20
    assert intent("科普志愿者协会什么时候成立？", ctx).kind != "task"  # a topic of its own
    assert intent("什么时候完成？").kind != "task"  # no conversation
    got = intent("还有别的改革吗？", ctx)
    assert (got.kind, got.listing) == ("mention", True)


@pytest.mark.parametrize("question, asks", [
    ("省科技馆新馆总投资多少亿元？", "money"), ("科技工作者日是每年的哪一天？", "date"),
    ("选取多少个省级学会试点？", "count"), ("中国科协现任主席是谁？", "person"),
    ("省科协办公室的电话和地址是多少？", "contact"), ("试点学会的名单有哪些？", "list_names"),
    ("哪几项任务提到学会", None), ("第几项讲扶贫", None),
    ("那20个左右省级学会分别是哪些？", "list_names"), ("新馆具体建在哪个位置？", "place"),
    ("分别是哪几项任务？", None), ("设立工作站需要满足哪些条件、走什么流程？", "standard"),
    ("条例最早是哪一年颁布的？", "when"), ("科普大篷车进校园怎么预约？", "procedure"),
    ("申报工作站需要准备哪些材料，找谁报？", "procedure"), ("离岸基地建在哪几个城市？", "places"),
    ("怎么推进学会改革？", None),
    # a name quoted is searched: the words inside ask nothing; what stands outside still asks
    ("哪些条目提到了“市级主管部门”？", None), ("“科技工作者日”是哪一天？", "date"),
    ("我想问“新馆什么时候开放？”", "when"),
])
def test_what_a_question_asks_for(question, asks):
    assert asks_for(normalize_question(question)) == asks


def test_split_questions_only_splits_whole_questions():
    assert split_questions("机关改革什么时候完成？学会改革试点又选多少个？") == [
        "机关改革什么时候完成？", "学会改革试点又选多少个？"]
    assert split_questions("学会群是什么意思，要点里怎么说的？") == []
    assert split_questions("引进人才方面的内容分布在哪些任务里？（提到“引才”的）") == []  # a note, no question
    assert split_questions("第5项呢？又呢？") == []
    assert split_questions("智库建设归哪一部分？那部分一共有几条") == ["智库建设归哪一部分？", "那部分一共有几条"]
    assert split_questions("落户有没有补贴？最高能给多少万") == []  # the same thing asked on: one question


def test_how_the_plan_words_it_is_a_literal_question():
    got = intent("学会群是什么意思，要点里怎么说的？")
    assert (got.kind, got.literal) == ("mention", True)


@pytest.mark.parametrize("question", [
    "今年科协有哪些重点工作？", "这份要点主要讲了什么", "文件的主要内容是什么", "What does the plan cover?",
])
def test_questions_about_the_whole_plan_get_its_outline(question):
    assert intent(question).meta == "outline"


@pytest.mark.parametrize("question", [
    "科普工作今年有哪些重点？", "What does the plan say about the new museum?", "第九项任务的主要内容",
])
def test_questions_about_one_topic_are_no_outline(question):
    assert intent(question).meta != "outline"


def test_the_plans_spirit_is_its_overall_thinking():
    assert intent("这份文件的主要精神是什么").meta == "mainline"
    assert intent("总体工作思路是什么？").meta == "mainline"


def test_the_years_overall_arrangement_is_the_outline():
    assert intent("要点的总体安排").meta == "outline"
    assert intent("科技工作者日的安排").meta != "outline"


@pytest.mark.parametrize("question, asks", [
    ("今年的省大学生科技节在哪所高校举办？", "place"), ("个人加入省级学会每年要交多少会费？", "money"),
    ("When will the reform be finished?", "when"), ("Who leads the key research projects?", "who"),
    ("Which reform documents are staff asked to study when implementing the reform?", None),
    ("How will scientists who work abroad be attracted back?", None),
    ("省科技馆新馆建设要重点和哪个城市做好沟通？", "places"),  # a city by its name, not where something happens
])
def test_question_words_and_places_ask_only_as_such(question, asks):
    assert intent(question).asks == asks


def test_notice_facts_are_asked_of_the_document_not_of_a_task():
    assert intent("这个通知是什么时候发布的？").meta == "published"
    assert intent("什么时候发布的？").meta == "published"
    assert intent("第三次全省科技工作者状况调查的结果什么时候公布？").kind != "meta"


def test_a_task_by_its_place_in_a_section():
    ctx = Context("p", 4, "二", (4, 5, 6))
    got = intent("这部分第一项具体要做哪些？", ctx)
    assert (got.kind, got.section_number, got.section_place) == ("task", "二", 1)
    assert intent("这部分的最后一项呢？", ctx).section_place == -1
    named = intent("第五部分的第三项讲什么")
    assert (named.section, named.section_place) == (5, 3)
    assert intent("第一项讲什么", ctx).task == 1  # no part named: the plan's own numbering


def test_four_characters_only_one_title_has_name_the_part():
    titles = [*TITLES, ("五", "扎实推进科普工作，服务全民科学素质提升")]
    assert route(normalize_question("科普工作这部分有哪些任务？"), None, titles).section_number == "五"
    assert route(normalize_question("科技创新这部分有哪些任务？"), None, titles).kind != "section"  # 四 and 六


@pytest.mark.parametrize("question, asks", [
    ("《院士建议直通车》多长时间出一期？", "frequency"), ("调查样本量有多大？", "count"),
    ("第一批承接职能的是哪几个学会？", "list_names"), ("省科技馆新馆选址在济南的哪个片区？", "place"),
])
def test_more_ways_to_ask_for_a_fact(question, asks):
    assert intent(question).asks == asks


def test_more_ways_to_say_the_task_before_or_after():
    ctx = Context("p", 19, "五", (19,))
    assert intent("它前面一项讲什么？", ctx).task == 18 and intent("后面一项呢？", ctx).task == 20
    assert intent("What's the task right before it?", ctx).task == 18
    assert intent("帮扶的是哪些县？").asks == "places" and intent("Is there a target date?").asks == "when"


def test_the_latter_of_a_pair_or_the_next_task():
    pair = Context("p", 13, "四", (13, 23), listed=(13, 23))
    assert intent("后一个要确保什么？", pair).task == 23 and intent("前一个呢？", pair).task == 13
    single = Context("p", 13, "四", (13,))
    assert intent("后一个呢？", single).task == 14 and intent("前一个呢？", single).task == 12


def test_english_parts_by_number_and_tasks_by_place_in_them():
    assert intent("What are the tasks in section three, in order?").section == 3
    assert intent("What does the second part say?").section == 2
    got = intent("What is the second task under section five?")
    assert (got.kind, got.section, got.section_place) == ("task", 5, 2)
    listed = Context("p", 7, "三", (7, 8, 9, 10, 11, 12), listed=(7, 8, 9, 10, 11, 12))
    assert intent("What is the fourth one about?", listed).task == 10
    assert intent("What is part of the plan about talent?").kind != "section"


def test_the_rest_of_the_part_and_the_part_a_task_is_in():
    ctx = Context("p", 13, "四", (13,))
    rest = intent("这一部分剩下的呢？", ctx)
    assert (rest.kind, rest.section_number, rest.besides) == ("section", "四", 13)
    assert intent("这项任务所在的部分一共有几项任务？", ctx).section_number == "四"
    assert intent("其他任务里还有涉及省科协委员的吗？", ctx).kind == "mention"
    pair = Context("p", 20, "六", (20,), listed=(20, 21))
    assert intent("另外那一项要打造什么品牌？", pair).task == 21


def test_anything_else_after_a_list_is_the_rest_of_the_list():
    ctx = Context("p", 17, "五", (17,), listed=(16, 17, 18, 19))
    got = intent("还有别的吗？", ctx)
    assert (got.kind, got.task, got.also) == ("task", 16, (18, 19))
    assert intent("还有别的改革吗？", ctx).kind == "mention"  # a topic of its own


def route(question, context=None, titles=()):
    return understand(question, Frame(context, tuple(titles), ("要点",), ("省科协", "科协")))
