import pytest

from planqa.assistant import structure
from planqa.ingest.load import load_plan
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


@pytest.mark.parametrize("meta, expected", [
    ("count_tasks", "共23项任务"), ("count_sections", "分7个部分，共23项任务"), ("issuer", "由山东省科协办公室印发"),
    ("published", "发布时间是2017-03-07"), ("signed", "通知落款日期是2017年3月6日"),
    ("mainline", "科协系统深化改革"), ("addressees", "各省级学会、协会、研究会"), ("year", "2017年"),
])
def test_document_facts(plan, meta, expected):
    text, cites, abstained = structure.answer_meta(plan, meta)
    assert expected in text and not abstained
    for c in cites:
        assert c.task is None and c.quote  # quoted from the notice or the overview


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
