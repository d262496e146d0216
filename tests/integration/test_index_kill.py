"""A `planqa index` run killed half-way leaves the previous version answering; the next run
completes the job without embedding again what the killed run wrote."""

import os
import select
import signal
import subprocess
import sys
import time

from planqa.assistant.query import normalize_question
from planqa.assistant.retrieve import HybridSearch
from planqa.config import load_settings
from planqa.index.chunk import chunk_plan, passages
from planqa.index.store import close_client
from planqa.ingest.load import load_plan
from planqa.services import open_store
from tests.conftest import SEED
from tests.integration.conftest import run_planqa
from tests.plans import synthetic_plan_text


def indexed_seed_then_bigger(tmp_path, monkeypatch, seed: int, tasks: int):
    """The seed indexed as plan "p", then the plan file replaced by a much larger version 2."""
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_planqa("index", str(plan_file), "--plan-id", "p").returncode == 0
    seed_plan = load_plan(SEED)[0]
    plan_file.write_text(synthetic_plan_text(seed_plan, seed=seed, tasks=tasks, sentences=8), encoding="utf-8")
    return plan_file, seed_plan


def start_index(plan_file) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "planqa", "index", str(plan_file), "--plan-id", "p"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())


# `planqa index` that, once it has written its first batch of records, says so on stdout and waits
# there: the test kills it then, half-way for sure, not after a fixed wait (a loaded machine may not
# have reached the embedding yet).
_HALTING = """
import sys
from planqa.index.progress import Progress
from planqa.cli import main

counted = Progress.__call__

def tick(self, n=1):
    counted(self, n)
    print("written", flush=True)
    sys.stdin.read()

Progress.__call__ = tick
sys.exit(main())
"""
WRITE_TIMEOUT = 600  # seconds for the run to write its first batch, however loaded the machine


def kill_once_written(plan_file) -> None:
    """A run started, killed once it has written its first batch of records (and waits)."""
    proc = subprocess.Popen([sys.executable, "-c", _HALTING, "index", str(plan_file), "--plan-id", "p"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=os.environ.copy(), text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], WRITE_TIMEOUT)
        line = proc.stdout.readline() if ready else ""
        assert line.strip() == "written", "the index run had written no batch in time"
        assert proc.poll() is None, "the index run ended before it could be killed"
    finally:
        proc.kill()
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()


def test_killed_index_run(tmp_path, monkeypatch):
    # Version 2 under the same id; kill the run while it embeds.
    plan_file, seed_plan = indexed_seed_then_bigger(tmp_path, monkeypatch, seed=7, tasks=60)
    kill_once_written(plan_file)

    store = open_store(load_settings())
    try:
        entry = store.entry("p")
        assert entry.plan.title == "山东省科协2017年工作要点"  # the old version
        search = HybridSearch(store)
        assert search.inactive["p"] > 0  # the killed run did write records
        hits = search.search(normalize_question("哪项任务涉及院士专家工作站？"), k=2)
        assert {h.chunk.task_number for h in hits} == {9, 14}
        written = search.inactive["p"]
    finally:
        close_client(store.client)

    result = run_planqa("index", str(plan_file), "--plan-id", "p")
    assert result.returncode == 0, result.stderr
    new_plan = load_plan(plan_file, "p")[0]
    total = sum(len(passages(c)) for c in chunk_plan(new_plan))
    embedded = int(result.stdout.split("新嵌入 ")[1].split(" ")[0])
    assert embedded == total - written

    store = open_store(load_settings())
    try:
        assert store.entry("p").plan.title.endswith("年工作要点") and store.entry("p").plan == new_plan
        assert HybridSearch(store).inactive["p"] == 0  # the old version's records are gone
    finally:
        close_client(store.client)


def test_kills_at_random_points(tmp_path, monkeypatch):
    """Several runs killed at random moments (seeded): after each, a version answers in full
    and nothing half-written is visible; the last run completes the job."""
    import random

    rng = random.Random(20171)
    plan_file, seed_plan = indexed_seed_then_bigger(tmp_path, monkeypatch, seed=11, tasks=50)
    new_plan = load_plan(plan_file, "p")[0]
    for _ in range(3):
        proc = start_index(plan_file)
        time.sleep(rng.uniform(1.0, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = open_store(load_settings())
        try:
            entry = store.entry("p")
            assert entry.plan.title in (seed_plan.title, new_plan.title)
            search = HybridSearch(store)  # every active chunk is there: no IndexDamaged
            assert len(search.chunks) == len(entry.chunk_ids)
            assert search.search(normalize_question("科普"), k=1)
        finally:
            close_client(store.client)
    result = run_planqa("index", str(plan_file), "--plan-id", "p")
    assert result.returncode == 0, result.stderr
    store = open_store(load_settings())
    try:
        assert store.entry("p").plan == new_plan
        assert HybridSearch(store).inactive["p"] == 0
    finally:
        close_client(store.client)
