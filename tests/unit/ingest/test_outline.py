import pytest

from planqa.errors import PlanStructureError
from planqa.ingest.outline import parse_plan
from tests.conftest import CLEAN_TEXTS

SECTIONS = [
    ("一", "坚持全面从严治党，加强政治引领和思想引领", [1, 2, 3]),
    ("二", "落实省委群团改革工作部署，扎实推进科协系统深化改革", [4, 5, 6]),
    ("三", "做好建家交友和科技人才工作，最大限度地联系和服务科技工作者", [7, 8, 9, 10, 11, 12]),
    ("四", "组织科技工作者进军科技创新和经济建设主战场，服务创新驱动发展", [13, 14, 15]),
    ("五", "扎实推进科普工作，服务全民科学素质提升", [16, 17, 18, 19]),
    ("六", "建设科技创新智库体系，服务党委政府科学决策", [20, 21]),
    ("七", "加强自身建设，提升科协工作科学化专业化水平", [22, 23]),
]
TASK_TITLES = {
    1: "深入学习十八届六中全会精神，不断推进全面从严治党向纵深发展",
    2: "切实增强思想自觉和行动自觉，全面落实主体责任和监督责任",
    3: "严格贯彻八项规定精神和省委实施办法，坚持不懈抓好巡视后续整改工作",
    4: "学习贯彻省委关于群团改革和科协系统改革的决策部署，分解细化改革任务",
    5: "推进机关及直属单位改革，实现职能转化、机构优化、队伍强化",
    6: "开展省级学会改革试点，提高省级学会服务能力",
    7: "完善常委会和全委会议事规则，更好地发挥委员、代表作用",
    8: "推进网上科协建设，打造网上科技工作者之家",
    9: "强化科技人才工作，发挥好人才工作在科协全局工作中的基础和核心作用",
    10: "做大做强“海智强鲁计划”，汇聚海外科技人才服务我省发展大局",
    11: "组织开展创新争先行动，更好地调动科技工作者的创造活力和创新热情",
    12: "开展“科技工作者日”主题活动，营造浓厚节日氛围",
    13: "稳妥推进学会承接政府转移职能试点工作，提升学会服务能力",
    14: "搭建服务地方经济社会发展平台，引导创新资源融入产业链",
    15: "搭建学术交流平台，扩大科协学术活动社会影响力",
    16: "推进科普社会化建设，大力开展民生科普和科技扶贫",
    17: "推进科普信息化建设，增加科普资源的有效供给",
    18: "推进省科技馆新馆建设，完善现代科技场馆体系",
    19: "扎实做好反邪教工作，引导全社会形成崇尚科学新风尚",
    20: "汇聚智库人才资源，打造社团特色科技创新智库",
    21: "汇聚科技工作者智慧，积极为党和政府建言献策",
    22: "开展调查研究，推动科协制度和机制创新",
    23: "强化工作落实，以重点落地带动全面提升",
}


@pytest.fixture(scope="module")
def seed_plan(seed_clean):
    return parse_plan(seed_clean, "sdast-2017-work-plan")


def test_seed_has_7_sections_and_23_tasks_with_exact_titles(seed_plan):
    got = [(s.number, s.title, [t.number for t in s.tasks]) for s in seed_plan.sections]
    assert got == SECTIONS
    assert {t.number: t.title for t in seed_plan.tasks} == TASK_TITLES
    assert seed_plan.warnings == ()


def test_seed_header(seed_plan):
    assert seed_plan.title == "山东省科协2017年工作要点"
    assert seed_plan.issuer == "山东省科协办公室"
    assert seed_plan.date == "2017-03-06"  # the signature's date (the contract)
    assert seed_plan.published == "2017-03-07"  # the web page's 发布时间
    assert seed_plan.addressees.startswith("各省级学会、协会、研究会")
    assert seed_plan.overview.startswith("2017年省科协总体工作思路是：")
    assert seed_plan.overview.endswith("胜利召开。")
    assert "现将《山东省科协2017年工作要点》印发给你们" in seed_plan.notice


def test_task_text_is_the_body_without_the_title(seed_plan):
    task6 = seed_plan.tasks[5]
    assert task6.text.startswith("选取20个左右的省级学会先行试点")
    assert TASK_TITLES[6] not in task6.text
    assert "接得住" in seed_plan.tasks[12].text


def test_plan_json_has_exactly_the_contract_fields(seed_plan):
    data = seed_plan.to_json()
    assert list(data) == ["plan_id", "title", "issuer", "date", "doc_number", "overview",
                          "sections", "end_matter", "attachments"]
    section = data["sections"][0]
    assert list(section) == ["number", "label", "title", "text", "tasks", "attachment"]
    assert list(section["tasks"][0]) == ["number", "label", "title", "text", "leads"]
    assert data["plan_id"] == "sdast-2017-work-plan"
    assert (data["date"], data["doc_number"], section["label"]) == ("2017-03-06", None, "一、")
    assert section["tasks"][0]["label"] == "1."


def test_other_plan_formats():
    plans = {p.name: parse_plan(p.read_text(encoding="utf-8"), p.stem) for p in CLEAN_TEXTS}
    qingdao = plans["qingdao-2018.txt"]  # 1． numbering, title and body on one line
    assert [t.number for t in qingdao.tasks] == list(range(1, 10))
    assert qingdao.tasks[0].title == "落实全面从严治党主体责任"
    assert qingdao.tasks[0].text.startswith("制定党组工作规则（试行）")
    assert (qingdao.date, qingdao.published) == ("2018-02-26", "2018-02-28")
    assert qingdao.issuer == "青岛市科协办公室"

    jinan = plans["jinan-kjj-2019.txt"]  # （一） items in the first part only
    assert [[t.label for t in s.tasks] for s in jinan.sections] == [["（一）", "（二）"], [], [], []]
    assert jinan.sections[0].tasks[1].title == "提升平台服务效能"
    assert jinan.title == "济南市科技局2019年重点工作安排"
    assert jinan.issuer == ""  # no signature printed: null, not guessed from the title
    assert jinan.overview.startswith("为深入实施创新驱动发展战略")

    kepu = plans["kepu-2020.txt"]  # 1、 numbering restarting in every part: numbers by position
    assert [[t.number for t in s.tasks] for s in kepu.sections] == [[1, 2], [3, 4, 5], [6, 7]]
    assert [[t.label for t in s.tasks] for s in kepu.sections] == [
        ["1、", "2、"], ["1、", "2、", "3、"], ["1、", "2、"]]
    assert kepu.warnings == ()


def test_gaps_and_duplicates_are_parsed_and_reported():
    text = "某计划\n一、第一部分\n1.甲\n正文甲\n3.丙\n正文丙\n3.丙又一项\n正文\n三、第三部分\n4.丁\n"
    plan = parse_plan(text, "p")
    assert [t.number for t in plan.tasks] == [1, 3, 4]
    assert "3.丙又一项" in plan.tasks[1].text  # a number that goes back is no new task
    joined = " ".join(plan.warnings)
    assert "缺少第2项" in joined
    assert "“3.丙又一项”出现在“3.”之后" in joined
    assert "缺少第二部分" in joined


def test_tasks_without_sections_are_kept_with_a_warning():
    plan = parse_plan("某计划\n1.甲\n正文\n2.乙\n正文\n", "p")
    assert [t.title for t in plan.tasks] == ["甲", "乙"]
    assert any("部分标题" in w for w in plan.warnings)


def test_decimal_and_year_lines_are_not_tasks():
    plan = parse_plan("计划\n一、部分\n2.6%的比例保持稳定\n2017年完成任务\n", "p")
    assert plan.sections[0].tasks == ()
    assert "2017年完成任务" in plan.sections[0].text


@pytest.mark.parametrize("text", ["", "只是一段普通的文字，没有任何结构。\n第二段。"])
def test_text_without_structure_is_refused(text):
    with pytest.raises(PlanStructureError, match="没有识别出计划的结构"):
        parse_plan(text, "p")


def test_plan_record_round_trips(seed_plan):
    from planqa.ingest.plan import Plan

    assert Plan.from_record(seed_plan.to_record()) == seed_plan


def test_a_signature_date_in_chinese_numerals_is_read():
    plan = parse_plan("某计划\n一、部分\n1.甲。正文。\n2.乙。正文。\n某某市人民政府\n二〇一九年三月十五日\n", "p")
    assert (plan.issuer, plan.date) == ("某某市人民政府", "2019-03-15")
    assert plan.end_matter == "某某市人民政府\n二〇一九年三月十五日"


def test_a_contents_without_dot_leaders_is_not_taken_for_the_outline():
    # Copied from a web page, the table of contents lost its leaders: its entries are the
    # document's headings printed once more, which the body then prints with its text.
    text = "\n".join([
        "某某标准体系建设指南", "目录", "一、 总体要求", "（一） 指导思想", "（二） 建设目标",
        "二、 组织实施", "附件1：名词术语",
        "为指导标准化工作，制定本指南。",
        "一、总体要求", "（一） 指导思想", "发挥标准的引领作用。", "（二） 建设目标",
        "到2018年，制修订标准60项。", "二、组织实施", "加强统筹协调。", "附件1：", "名词术语", "术语一。",
    ])
    plan = parse_plan(text, "contents")
    assert [t.title for t in plan.sections[0].tasks] == ["指导思想", "建设目标"]
    assert "制修订标准60项" in plan.sections[0].tasks[1].text
    assert "统筹协调" in plan.sections[1].text


def test_lines_after_a_contents_heading_that_do_not_recur_are_kept():
    from planqa.ingest.grammar import grammar
    from planqa.ingest.outline import _without_contents

    body = ["目录", "一、总体要求", "发挥标准的引领作用。", "一、总体要求", "二、实施"]
    # one recurring line is no table of contents
    assert _without_contents(body, grammar()) == body
    toc = ["目录", "一、总体要求", "二、实施", "前言。", "一、总体要求", "正文。", "二、实施"]
    assert _without_contents(toc, grammar()) == ["目录", "前言。", "一、总体要求", "正文。", "二、实施"]
