from dataclasses import replace

import pytest

from planqa.index.chunk import (
    MAX_SECTION_CHARS,
    chunk_id,
    chunk_plan,
    split_paragraphs,
    split_sentences,
)
from planqa.ingest.outline import parse_plan
from tests.conftest import CLEAN_TEXTS


@pytest.fixture(scope="module")
def seed_plan(seed_clean):
    return parse_plan(seed_clean, "sdast-2017-work-plan")


def test_one_chunk_per_task_plus_overview(seed_plan):
    chunks = chunk_plan(seed_plan)
    assert [c.kind for c in chunks] == ["overview"] + ["task"] * 23
    assert [c.task_number for c in chunks[1:]] == list(range(1, 24))
    assert len({c.id for c in chunks}) == len(chunks)


def test_task_chunk_carries_section_and_task_titles(seed_plan):
    task9 = chunk_plan(seed_plan)[9]
    assert task9.unit == "task-9"
    assert (task9.plan, task9.section_number, task9.task_number) == ("sdast-2017-work-plan", "三", 9)
    assert task9.section_title.startswith("做好建家交友")
    assert task9.text.startswith("三、做好建家交友和科技人才工作")
    assert "9.强化科技人才工作" in task9.text
    assert "院士专家工作站" in task9.body
    assert not task9.body.startswith("三、")


def test_overview_chunk_holds_notice_and_overview(seed_plan):
    overview = chunk_plan(seed_plan)[0]
    assert overview.task_number is None
    assert "发布时间：2017-03-07" in overview.text
    assert "总体工作思路" in overview.text


def test_ids_are_stable_content_hashes(seed_plan):
    first = chunk_plan(seed_plan)
    assert [c.id for c in first] == [c.id for c in chunk_plan(seed_plan)]
    changed_task = replace(seed_plan.sections[0].tasks[0], text="改过的正文")
    section = replace(seed_plan.sections[0], tasks=(changed_task, *seed_plan.sections[0].tasks[1:]))
    edited = replace(seed_plan, sections=(section, *seed_plan.sections[1:]))
    second = chunk_plan(edited)
    changed = [a.unit for a, b in zip(first, second, strict=True) if a.id != b.id]
    assert changed == ["task-1"]
    assert chunk_id("a", "task-1", "x") != chunk_id("b", "task-1", "x")


def test_sections_without_tasks_are_chunked_and_long_ones_split():
    jinan = next(p for p in CLEAN_TEXTS if p.name.startswith("jinan"))
    plan = parse_plan(jinan.read_text(encoding="utf-8"), "jinan")
    chunks = chunk_plan(plan)
    # Part 一: its opening paragraph, then its （一）（二） tasks; parts 二–四 have no tasks.
    assert [c.kind for c in chunks] == ["overview", "section", "task", "task"] + ["section"] * 3
    assert [c.section_number for c in chunks[4:]] == ["二", "三", "四"]
    assert all(c.task_number is None for c in chunks[4:])
    assert chunks[2].text.split("\n")[1] == "（一）推进省级以上平台建设"  # the printed label

    long_text = "\n".join(f"第{i}段。" + "内容" * 200 for i in range(5))
    long_plan = parse_plan(f"计划\n一、长部分\n{long_text}\n", "long")
    parts = [c for c in chunk_plan(long_plan) if c.kind == "section"]
    assert len(parts) == 5
    assert [c.unit for c in parts] == [f"section-一-{i}" for i in range(1, 6)]
    assert all(c.section_title == "长部分" for c in parts)


def test_restarted_numbering_gets_unique_units():
    kepu = next(p for p in CLEAN_TEXTS if p.name.startswith("kepu"))
    chunks = chunk_plan(parse_plan(kepu.read_text(encoding="utf-8"), "kepu"))
    units = [c.unit for c in chunks]
    assert len(set(units)) == len(units)
    assert units[1:4] == ["task-1", "task-2", "task-3"]  # numbered by position
    assert chunks[3].text.split("\n")[1].startswith("1、办好全国科技活动周")


def test_split_paragraphs_keeps_whole_paragraphs():
    paras = ["甲" * 300, "乙" * 300, "丙" * 700, "丁"]
    parts = split_paragraphs("\n".join(paras), MAX_SECTION_CHARS)
    assert parts == ["甲" * 300 + "\n" + "乙" * 300, "丙" * 700, "丁"]


def test_a_lead_note_stays_with_the_sentence_it_closes():
    text = "推动算力建设。（责任单位：市工业和信息化局、市大数据局）\n2.提升数据供给能力。面向人工智能应用需求。"
    assert split_sentences(text) == [
        "推动算力建设。（责任单位：市工业和信息化局、市大数据局）",
        "2.提升数据供给能力。", "面向人工智能应用需求。",
    ]
