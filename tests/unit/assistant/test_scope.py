from planqa.assistant.scope import known_share, names_only, outside_plan

PLAN_TEXT = "山东省科协2017年工作要点 加强与中国科协的联系 济南市"
TITLE = "山东省科协2017年工作要点"


def test_other_years_provinces_and_plans_are_outside():
    assert "2016年" in outside_plan("山东省科协2016年完成了哪些工作？", PLAN_TEXT, TITLE).reason
    assert "江苏" in outside_plan("江苏省科协工作要点有哪些？", PLAN_TEXT, TITLE).reason
    assert "中国科协" in outside_plan("中国科协2017年工作要点里有哪些任务？", PLAN_TEXT, TITLE).reason
    assert outside_plan("2017年的工作主线是什么？", PLAN_TEXT, TITLE) is None
    assert outside_plan("这份工作要点一共几项？", PLAN_TEXT, TITLE) is None
    assert outside_plan("新建2000个站点在济南吗", PLAN_TEXT + "新建站点", TITLE) is None  # an amount, not a year
    assert outside_plan("列出所有跟院士有关的工作安排", PLAN_TEXT, TITLE) is None  # no one's plan
    assert "某某大学" in outside_plan("某某大学的工作计划是什么？", PLAN_TEXT, TITLE).reason
    assert "中国科协" in outside_plan("中国科协2017年全国工作要点一共几条", PLAN_TEXT, TITLE).reason
    assert "中国科协" in outside_plan("中国科协今年的工作要点有哪些？", PLAN_TEXT, TITLE).reason
    assert outside_plan("山东省科协今年的工作要点有哪些？", PLAN_TEXT, TITLE) is None
    assert outside_plan("我省今年的工作要点有哪些？", PLAN_TEXT, TITLE) is None  # the plan's own
    assert outside_plan("请问中国科协今年的工作要点有哪些？", PLAN_TEXT, TITLE).reason.endswith("没有中国科协今年的工作要点")
    # the words of asking before the organization are no part of its name
    assert outside_plan("我想了解下省科协今年的工作要点", PLAN_TEXT, TITLE) is None
    assert outside_plan("我想了解下中国科协今年的工作要点", PLAN_TEXT, TITLE).reason.endswith("没有中国科协今年的工作要点")


def test_a_place_name_starting_inside_a_word_is_no_place():
    assert outside_plan("买的东西安不安全谁来管？", PLAN_TEXT, TITLE) is None  # 东西|安, not 西安
    assert "西安" in outside_plan("西安有什么安排？", PLAN_TEXT, TITLE).reason


def test_other_provinces_are_outside_unless_the_plan_names_them():
    assert "其他地方" in outside_plan("其他省份有类似安排吗", PLAN_TEXT, TITLE).reason
    assert outside_plan("其他省份有类似安排吗", PLAN_TEXT + "，学习其他省份的经验", TITLE) is None
    assert outside_plan("其他地方还提到院士吗", PLAN_TEXT, TITLE) is None  # elsewhere in the plan


def test_another_round_of_what_the_plan_names_is_outside():
    text = PLAN_TEXT + "。开展第三次全省科技工作者状况调查，召开第十一次党代会。"
    verdict = outside_plan("第二次全省科技工作者状况调查的结果是什么？", text, TITLE)
    assert "第三次全省科技工作者状况调查" in verdict.reason and "第二次" in verdict.reason
    assert outside_plan("第三次全省科技工作者状况调查什么时候开展？", text, TITLE) is None
    assert outside_plan("第一批试点学会有哪些？", text, TITLE) is None  # the plan numbers no batch


def test_known_share_counts_the_words_this_plan_prints():
    plan = "推进科技馆免费开放。"
    assert known_share("科技馆免费开放", plan) == 1.0
    assert known_share("签证怎么办理", plan) == 0.0
    assert known_share("Which task is about museums?", plan) == 1.0  # left to the dense side
    # the words framing the question and those naming nothing are no topic the plan must print
    assert known_share("科技馆那个是挂在哪条下面的", plan) == 1.0
    assert known_share("那关于科技馆，文件里到底怎么写的", plan) == 1.0
    assert known_share("签证那个到底怎么办理", plan) == 0.0
    # pronouns, number and place words point at the topic (最后, 有个, 哪家); an ordinal names one
    assert known_share("最后那个科技馆有个说法", "科技馆的说法") == 1.0
    assert known_share("科技馆交给哪家开放", plan) == 2 / 3
    assert known_share("第七次科技馆开放", plan) == 2 / 3
    # a Latin term with a digit in a Chinese question counts as a word, in any case; QC names
    # what the plan may spell out (质量管理小组)
    assert known_share("5g网络怎么建设", "推进5G网络建设。") == 1.0
    assert known_share("4G网络怎么建设", "推进5G网络建设。") == 2 / 3
    assert known_share("QC小组活动怎么开展", "开展质量管理小组活动。") == 1.0
    assert known_share("签证怎么办理", "办理签证。") == 1.0  # the words of the plan asked, not the index's


def test_a_question_sharing_only_a_place_name_with_the_plan_is_about_something_else():
    assert names_only("济南今天天气怎么样？", PLAN_TEXT) == ["济南"]
    assert "济南" in outside_plan("明天济南天气咋样", PLAN_TEXT, TITLE).reason
    assert outside_plan("山东泰山队今年排第几？", PLAN_TEXT, TITLE).reason == ""  # the plan's own province
    assert names_only("济南市有什么安排？", PLAN_TEXT) == []  # 安排 only asks
    assert names_only("济南市和中国科协的联系", PLAN_TEXT) == []  # a topic the plan prints
    assert names_only("济南", PLAN_TEXT) == []  # nothing besides the place
    assert names_only("计划里提到济南的都有哪些地方？", PLAN_TEXT) == []  # where the plan names it
    assert names_only("淄博在哪些条目里被点到了？", PLAN_TEXT + "淄博") == []
    assert names_only("济南在哪一部分出现？", PLAN_TEXT) == []  # where the plan names it
    assert names_only("济南这个城市要做什么？", PLAN_TEXT) == []  # what is to be done there


def test_a_year_the_plan_does_not_name_is_outside_it_whatever_its_digits():
    garbled = PLAN_TEXT + " 到7671年，全省高新技术企业达到5万家"
    assert outside_plan("到7671年要达到多少家？", garbled, TITLE) is None
    assert "2150年" in outside_plan("2150年有什么安排？", garbled, TITLE).reason
    assert outside_plan("3000多家企业怎么支持？", garbled, TITLE) is None  # an amount, not a year


def test_a_year_asked_as_a_year_needs_the_plan_to_speak_of_it_not_only_to_name_it():
    text = "落实《中国制造2025》的部署，到2018年，制修订500项标准。"
    assert outside_plan("到2025年要制修订多少项标准？", text, "标准体系建设指南") is not None
    assert outside_plan("《中国制造2025》的部署由哪项落实？", text, "标准体系建设指南") is None
    assert outside_plan("中国制造2025的部署由哪项落实？", text, "标准体系建设指南") is None
    assert outside_plan("到2018年要制修订多少项标准？", text, "标准体系建设指南") is None


def test_another_organizations_key_work_of_a_year_is_another_plan():
    text = "2017年省科协总体工作思路是：抓好重点工作。"
    verdict = outside_plan("中国科协2017年的工作重点是啥", text, "山东省科协2017年工作要点")
    assert verdict is not None and not verdict.in_scope and "中国科协" in verdict.reason
    assert outside_plan("省科协今年的重点工作有哪些", text, "山东省科协2017年工作要点") is None


def test_a_task_asked_by_number_after_the_plans_place_is_about_the_plan():
    text = "做好与有关部门特别是济南市的沟通工作。"
    assert names_only("咱济南这份，第一条讲的什么", text) == []
    assert names_only("济南市明天天气怎么样", text) == ["济南市"]
