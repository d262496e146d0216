"""Plan files → the store: idempotent (unchanged chunks are not embedded again) and atomic per
plan (the registry record is written last; stale chunks are removed after it)."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planqa.errors import EmbedderMismatch, LastPlan, PlanNotIndexed, PlanqaError
from planqa.index.chunk import chunk_plan, passages
from planqa.index.progress import Progress
from planqa.index.store import PlanEntry, PlanStore
from planqa.ingest.load import bundled_plan_paths, load_plan
from planqa.ingest.plan import Plan
from planqa.ingest.source import MAX_BYTES

ProgressFactory = Callable[[int, str], Progress]


@dataclass(frozen=True)
class IndexReport:
    plan_id: str
    title: str
    chunks: int
    embedded: int
    removed: int
    changed: bool
    seconds: float


def check_embedder(store: PlanStore) -> None:
    used = {m.get("embedder", "") for m in store.registry_metadata().values()}
    others = sorted(used - {store.embedder.id})
    if others:
        raise EmbedderMismatch(
            f"索引是用嵌入模型 {others[0]} 建立的，当前 PLANQA_EMBEDDING 是 {store.embedder.id}。"
            f"请运行 planqa index --rebuild 用当前模型重建索引（已索引的计划会全部重新嵌入），"
            f"或把 PLANQA_EMBEDDING 改回原来的模型"
        )


def index_plan(
    store: PlanStore, plan: Plan, source: str = "", progress: ProgressFactory = Progress
) -> IndexReport:
    started = time.monotonic()
    chunks = chunk_plan(plan)
    records = [(c, p) for c in chunks for p in passages(c)]
    record_ids = {p.id for _, p in records}
    existing = store.existing_ids(record_ids)  # includes records of a run killed half-way
    todo = [(c, p) for c, p in records if p.id not in existing]
    with progress(len(todo), f"嵌入 {plan.plan_id}") as tick:
        store.add_records(todo, tick)
    entry = PlanEntry(plan, tuple(c.id for c in chunks), store.embedder.id, source,
                      datetime.now(UTC).isoformat(timespec="seconds"))
    previous = store.entry(plan.plan_id)
    changed = previous is None or (previous.version, previous.embedder, previous.plan) != (
        entry.version, entry.embedder, entry.plan
    )
    if changed:
        store.commit(entry)  # from here on the new version answers
    stale = store.plan_record_ids(plan.plan_id) - record_ids
    store.delete_records(stale)
    return IndexReport(plan.plan_id, plan.title, len(chunks), len(todo), len(stale), changed,
                       time.monotonic() - started)


def index_files(
    store: PlanStore, paths: list[Path], plan_id: str | None = None,
    progress: ProgressFactory = Progress, max_bytes: int = MAX_BYTES,
) -> list[IndexReport]:
    """Index plan files (none: the bundled plans). Parse them all first, so that one bad file
    stops the run before anything is written."""
    if plan_id and len(paths) > 1:
        raise PlanqaError("--plan-id 只能和一个文件一起使用")
    check_embedder(store)
    paths = list(paths) or bundled_plan_paths()
    loaded = [load_plan(p, plan_id, max_bytes)[0] for p in paths]
    return index_plans(store, [(plan, str(path)) for plan, path in zip(loaded, paths, strict=True)],
                       progress)


def index_plans(store: PlanStore, plans: list[tuple[Plan, str]],
                progress: ProgressFactory = Progress) -> list[IndexReport]:
    """Index parsed plans, each with its source (a path, or an upload's file name): the step
    `planqa index` and an upload (REST, chat) share. The caller holds ``index_lock``."""
    check_embedder(store)
    ids = [plan.plan_id for plan, _ in plans]
    if len(set(ids)) < len(ids):
        raise PlanqaError(f"多个文件得到同一个计划 ID：{', '.join(ids)}（用 --plan-id 区分）")
    return [index_plan(store, plan, source, progress) for plan, source in plans]


def rebuild(store: PlanStore, progress: ProgressFactory = Progress) -> list[IndexReport]:
    """Re-embed every registered plan with the current embedder, from the stored plans (no files
    needed), then drop the other embedders' collections. Each plan switches when it is done."""
    reports = [index_plan(store, e.plan, e.source, progress) for e in store.entries()]
    store.drop_other_embedders()
    return reports


def remove_plan(store: PlanStore, plan_id: str, keep_last: bool = False) -> int:
    """Unregister a plan, then delete its records; ``keep_last``: refuse to remove the only one
    (a running server answers from what is indexed)."""
    if store.entry(plan_id) is None:
        raise PlanNotIndexed(f"没有这个计划：{plan_id}（planqa index --list 查看已索引的计划）")
    if keep_last and len(store.registry_metadata()) == 1:
        raise LastPlan(f"{plan_id} 是唯一已索引的计划，删除后助手就无从回答；请先上传新的计划再删除它")
    store.unregister(plan_id)  # first: from here on the plan no longer answers
    stale = store.plan_record_ids(plan_id)
    store.delete_records(stale)
    return len(stale)


def ensure_index(store: PlanStore, progress: ProgressFactory = Progress) -> list[IndexReport]:
    """First run: build the bundled plans' index when nothing is indexed yet."""
    check_embedder(store)
    if store.entries():
        return []
    return index_files(store, [], progress=progress)
