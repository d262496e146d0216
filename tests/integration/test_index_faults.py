"""Index faults: two runs at once, a corrupted index folder."""

import subprocess
import sys
import time

from planqa.ingest.load import load_plan
from tests.conftest import CLEAN_TEXTS, SEED
from tests.integration.conftest import run_planqa
from tests.plans import synthetic_plan_text


def test_two_index_runs_at_once_take_turns(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    big = tmp_path / "big.txt"  # long enough to still be running when the second run starts
    big.write_text(synthetic_plan_text(load_plan(SEED)[0], seed=3, tasks=60, sentences=8), encoding="utf-8")
    qingdao = next(p for p in CLEAN_TEXTS if p.name.startswith("qingdao"))

    def start(*args):
        return subprocess.Popen([sys.executable, "-m", "planqa", "index", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")

    first = start(str(big), "--plan-id", "big")
    time.sleep(4)
    second = start(str(qingdao), "--plan-id", "qd")
    outs = [first.communicate(timeout=300), second.communicate(timeout=300)]
    assert [first.returncode, second.returncode] == [0, 0], outs
    assert "等它完成" in outs[1][1]  # the second waited for the first
    listing = run_planqa("index", "--list").stdout
    assert "big" in listing and "qd" in listing
    assert run_planqa("index", str(qingdao), "--plan-id", "qd").stdout.startswith("没有变化")


def test_corrupted_index_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    assert run_planqa("index").returncode == 0
    (tmp_path / "home" / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    for args in (["ask", "第1项"], ["index", "--list"], ["index"]):
        result = run_planqa(*args)
        assert result.returncode == 2, args
        assert "可能已损坏" in result.stderr and "planqa index" in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
