"""Example questions made from a plan: distinct, short, naming only what the plan has, asked in
words the router sends to the right answer; facts and lead units only where the plan prints them."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from planqa.assistant import structure
from planqa.assistant.examples import example_questions
from planqa.assistant.rules import plan_frame, understand
from planqa.ingest.load import load_plan
from planqa.ingest.plan import Plan, Section, Task
from tests.conftest import CORPUS, SEED

# A titled plan with an issuer and a date; one with lead notes (责任单位) and numbering that
# restarts per part; one with "（…负责）" notes, issuer and date; one with nothing printed.
SHIPPING = CORPUS / "guidance-opinion-intelligent-shipping-development.txt"
JINAN = CORPUS / "action-plan-high-quality-development-jinan-new.txt"
BIG_DATA = CORPUS / "implementation-plan-promoting-development-industrial-big-data.txt"
TESTING = CORPUS / "action-plan-development-intelligent-testing-equipment-industry.txt"
PLANS = [SEED, SHIPPING, JINAN, BIG_DATA, TESTING, CORPUS / "interim-measures-management-road-testing-demonstration-applications.txt",
         CORPUS / "special-action-plan-smes-digital-empowerment.txt"]

_PART_TASK = re.compile(r"^第([一二三四五六七八九十]+)部分第(\d+)项")
_PART = re.compile(r"^第([一二三四五六七八九十]+)部分")
_TASK = re.compile(r"^第(\d+)项")
_TOPIC = re.compile(r"^哪项任务涉及(.+)？$")
_DOCUMENT = re.compile(r"^这份(.+?)(是谁印发的|是什么时候印发的|一共有多少项任务|分几个部分)？$")


@pytest.fixture(scope="module", params=PLANS, ids=lambda p: p.stem[:40])
def plan(request) -> Plan:
    return load_plan(request.param)[0]


def loaded(path: Path) -> Plan:
    return load_plan(path)[0]


def kinds(plan: Plan, questions: list[str]) -> list[str]:
    """What each question asks, by where the router sends it."""
    return [understand(q, plan_frame(plan)).kind for q in questions]


def test_five_distinct_short_questions_every_time(plan):
    questions = example_questions(plan)
    assert len(questions) == 5 and len(set(questions)) == 5
    assert all(len(q) <= 30 and q.endswith("？") for q in questions)
    assert example_questions(plan) == questions  # no randomness
    assert example_questions(plan, 3) == questions[:3]


def test_every_question_names_only_what_the_plan_has(plan):
    sections = {s.number: s for s in plan.sections}
    tasks = {t.number for t in plan.tasks}
    for q in example_questions(plan):
        if m := _PART_TASK.match(q):  # numbering restarts per part: the task's place in its part
            assert 1 <= int(m.group(2)) <= len(sections[m.group(1)].tasks), q
        elif m := _PART.match(q):
            assert sections[m.group(1)].tasks, q
        elif m := _TASK.match(q):
            number = int(m.group(1))
            assert number in tasks, q
            task = next(t for t in plan.tasks if t.number == number)
            assert structure.task_label(task, plan) == f"第{number}项", q  # as the answers name it
        elif m := _TOPIC.match(q):
            phrase = m.group(1).strip("“”")
            assert len(m.group(1)) <= 12
            assert 1 <= sum(phrase in t.title for t in plan.tasks) <= 2, q
        else:
            m = _DOCUMENT.match(q)
            assert m and m.group(1) == plan.genre, q


def test_the_questions_go_where_they_are_meant_to(plan):
    for q in example_questions(plan, 8):
        intent = understand(q, plan_frame(plan))
        if _TOPIC.match(q):
            assert intent.kind in ("mention", "search") and intent.asks is None, q
        elif _PART_TASK.match(q) or _TASK.match(q):
            assert intent.kind == "task", q
        elif _PART.match(q):
            assert intent.kind == "section", q
        else:
            assert intent.kind == "meta", q


def test_the_seed_gets_a_mix_from_the_middle_of_the_plan():
    seed = loaded(SEED)
    questions = example_questions(seed)
    assert kinds(seed, questions) == ["mention", "section", "task", "meta", "meta"]
    topic, part, task, issuer, count = questions
    assert topic.startswith("哪项任务涉及") and part.startswith("第") and task.endswith("讲什么？")
    assert issuer == "这份工作要点是谁印发的？" and count == "这份工作要点一共有多少项任务？"
    assert part != "第一部分有哪些任务？" and task != "第1项讲什么？"  # not always the first
    assert not any("院士" in q for q in questions)  # nothing written for the seed by hand


def test_document_facts_only_when_printed():
    seed = loaded(SEED)
    assert "这份工作要点是谁印发的？" in example_questions(seed)
    dated = example_questions(replace(seed, issuer=""))
    assert "这份工作要点是什么时候印发的？" in dated and not any("谁印发" in q for q in dated)
    neither = example_questions(replace(seed, issuer="", date=""), 10)
    assert not any("印发" in q for q in neither)
    bare = loaded(TESTING)
    assert not bare.issuer and not bare.date
    assert not any("印发" in q for q in example_questions(bare, 10))


def test_lead_units_asked_only_of_a_plan_that_notes_them():
    for path in (SEED, SHIPPING, TESTING):
        p = loaded(path)
        assert not any(t.leads for t in p.tasks)
        assert not any(re.search("牵头|负责|责任单位", q) for q in example_questions(p, 10))
    jinan = loaded(JINAN)  # "（责任单位：…）" notes, numbering restarting per part
    asked = [q for q in example_questions(jinan) if "责任单位" in q]
    assert len(asked) == 1 and (m := _PART_TASK.match(asked[0]))
    section = next(s for s in jinan.sections if s.number == m.group(1))
    assert section.tasks[int(m.group(2)) - 1].leads
    big_data = loaded(BIG_DATA)  # "（省工业和信息化厅负责）" notes
    assert [q for q in example_questions(big_data) if re.search("牵头|负责|责任单位", q)][0].endswith("由哪些单位负责？")


def test_a_restarting_plan_names_tasks_by_their_place_in_the_part():
    jinan = loaded(JINAN)
    asked = [q for q in example_questions(jinan) if q.endswith("讲什么？")]
    assert asked and _PART_TASK.match(asked[0])  # 第二部分第2项, which routes to the task
    assert understand(asked[0], plan_frame(jinan)).section_place is not None


def test_a_plan_without_numbered_tasks_asks_about_its_parts():
    parts = tuple(Section(n, f"{n}部分的标题", f"第{n}部分的内容。") for n in ("一", "二", "三"))
    plan = Plan("p", "某市试点工作方案", "", "", "概述。", parts)
    assert example_questions(plan) == ["这份工作方案分几个部分？", "第一部分讲什么？", "第二部分讲什么？"]


def test_a_plan_without_parts_or_tasks():
    assert example_questions(Plan("p", "", "", "", "", ())) == []
    one = Plan("p", "", "", "", "", (Section("", "", "", (Task(1, "唯一的任务", "内容。"),)),))
    assert example_questions(one) == ["第1项讲什么？", "这份文件一共有多少项任务？"]


def test_the_chat_shows_the_chosen_plans_examples_and_none_without_a_plan():
    from types import SimpleNamespace

    from planqa.web.ui import box_placeholder, examples_for

    seed = loaded(SEED)
    search = SimpleNamespace(entries={"seed": SimpleNamespace(plan=seed)})
    shown = examples_for(search, "seed")
    assert shown == example_questions(seed, 5)
    assert examples_for(search, None) == [] and examples_for(search, "removed") == []
    hint = box_placeholder(shown)  # a short example: the box is one line on a phone
    assert hint.removeprefix("输入问题，例如：") in shown and len(hint) <= 8 + 14
    assert box_placeholder([]) == "输入问题"
