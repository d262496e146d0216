"""Indexing against a real embedded Chroma, with a fake embedder (fast, counts what it embeds)."""

from dataclasses import replace

import pytest

from planqa.errors import EmbedderMismatch, PlanqaError
from planqa.index.build import (
    check_embedder,
    index_files,
    index_plan,
    rebuild,
    remove_plan,
)
from planqa.index.chunk import chunk_plan, passages
from planqa.index.store import PlanStore, close_client, collection_name, open_client
from planqa.ingest.load import load_plan
from tests.conftest import CLEAN_TEXTS, SEED
from tests.fakes import HashEmbeddings


@pytest.fixture
def client(tmp_path):
    client = open_client(tmp_path / "home")
    yield client
    close_client(client)


@pytest.fixture
def store(client):
    return PlanStore(client, HashEmbeddings())


@pytest.fixture(scope="module")
def seed_plan():
    return load_plan(SEED)[0]


def edited(plan, task_index=0, text="改过的正文第一句内容。第二句话也改过了内容。"):
    section = plan.sections[0]
    tasks = list(section.tasks)
    tasks[task_index] = replace(tasks[task_index], text=text)
    return replace(plan, sections=(replace(section, tasks=tuple(tasks)), *plan.sections[1:]))


def record_count(plan):
    return sum(len(passages(c)) for c in chunk_plan(plan))


def test_first_run_indexes_the_bundled_plan(store, seed_plan):
    [report] = index_files(store, [])
    assert (report.plan_id, report.chunks, report.changed) == ("sdast-2017-work-plan", 24, True)
    assert report.embedded == record_count(seed_plan) == store.chunks.count()
    [entry] = store.entries()
    assert entry.plan == seed_plan
    assert entry.embedder == "test:fake-hash"
    assert store.chunks.metadata["embedder"] == "test:fake-hash"
    assert store.chunks.metadata["dimension"] == 64


def test_rerun_is_idempotent_and_embeds_nothing(store):
    index_files(store, [])
    store.embedder.embedded.clear()
    [report] = index_files(store, [])
    assert (report.embedded, report.removed, report.changed) == (0, 0, False)
    assert store.embedder.embedded == []


def test_changed_task_is_the_only_thing_embedded_again(store, seed_plan):
    index_plan(store, seed_plan)
    store.embedder.embedded.clear()
    report = index_plan(store, edited(seed_plan))
    assert report.changed
    assert sorted(store.embedder.embedded) == sorted(["1.深入学习十八届六中全会精神，不断推进全面从严治党向纵深发展", "改过的正文第一句内容。", "第二句话也改过了内容。"])
    assert report.removed == len(passages(chunk_plan(seed_plan)[1]))
    assert store.chunks.count() == record_count(seed_plan) - report.removed + 3


def test_killed_run_leaves_the_old_version_answering_and_the_next_completes(store, seed_plan):
    index_plan(store, seed_plan)
    new = edited(seed_plan, text="新版本第一句。新版本第二句。")
    new = replace(new, sections=(new.sections[0], *[
        replace(s, tasks=tuple(replace(t, text=t.text + "新增一句话作为修改。") for t in s.tasks))
        for s in new.sections[1:]
    ]))
    original = store.add_records
    calls = {"n": 0}

    def dies_after_two_batches(records, progress=lambda n: None):
        def tick(n):
            calls["n"] += 1
            if calls["n"] > 2:
                raise KeyboardInterrupt("killed")
            progress(n)
        original(records, tick)

    store.add_records = dies_after_two_batches
    with pytest.raises(KeyboardInterrupt):
        index_plan(store, new)
    assert store.entry(seed_plan.plan_id).plan == seed_plan  # still the old version
    assert set(store.entry(seed_plan.plan_id).chunk_ids) == {c.id for c in chunk_plan(seed_plan)}
    assert store.existing_ids(c.id for c in chunk_plan(seed_plan)) == {c.id for c in chunk_plan(seed_plan)}

    store.add_records = original
    store.embedder.embedded.clear()
    report = index_plan(store, new)
    assert store.entry(seed_plan.plan_id).plan == new
    written_before_kill = 2 * 16
    assert report.embedded == len(store.embedder.embedded)
    assert report.embedded <= sum(1 for c in chunk_plan(new) for p in passages(c)) - written_before_kill + 16
    assert store.plan_record_ids(new.plan_id) == {p.id for c in chunk_plan(new) for p in passages(c)}


def test_plans_side_by_side_and_removal(store):
    qingdao = next(p for p in CLEAN_TEXTS if p.name.startswith("qingdao"))
    index_files(store, [])
    index_files(store, [qingdao], plan_id="qd")
    assert [e.plan.plan_id for e in store.entries()] == ["qd", "sdast-2017-work-plan"]
    removed = remove_plan(store, "qd")
    assert removed > 0
    assert [e.plan.plan_id for e in store.entries()] == ["sdast-2017-work-plan"]
    assert store.plan_record_ids("qd") == set()
    with pytest.raises(PlanqaError, match="没有这个计划"):
        remove_plan(store, "qd")


def test_bad_file_stops_the_run_before_anything_is_written(store, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(PlanqaError, match="文件是空的"):
        index_files(store, [SEED, bad])
    assert store.entries() == []


def test_plan_id_needs_a_single_file(store):
    with pytest.raises(PlanqaError, match="--plan-id"):
        index_files(store, [SEED, SEED], plan_id="x")
    with pytest.raises(PlanqaError, match="同一个计划 ID"):
        index_files(store, [SEED, SEED])


def test_index_built_with_another_embedder_is_a_clear_error_and_rebuild_fixes_it(client):
    old = PlanStore(client, HashEmbeddings("old"))
    index_files(old, [])
    new = PlanStore(client, HashEmbeddings("new", dim=32))
    with pytest.raises(EmbedderMismatch, match="planqa index --rebuild") as err:
        check_embedder(new)
    assert "test:old" in str(err.value) and "test:new" in str(err.value)
    with pytest.raises(EmbedderMismatch):
        index_files(new, [])
    [report] = rebuild(new)
    assert report.changed and report.embedded > 0
    assert [e.embedder for e in new.entries()] == ["test:new"]
    names = {c.name for c in client.list_collections()}
    assert collection_name("test:old") not in names and collection_name("test:new") in names
    check_embedder(new)
