"""`planqa ask` as a user runs it: the first run builds the bundled index by itself."""

import json

from tests.integration.conftest import run_planqa


def test_ask_readable_json_and_jsonl(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    result = run_planqa("ask", "哪项任务涉及院士专家工作站？")
    assert result.returncode == 0, result.stderr
    assert "第9项" in result.stdout and "第14项" in result.stdout and "出处：" in result.stdout

    result = run_planqa("ask", "--json", "选取多少个省级学会试点？")
    answer = json.loads(result.stdout)
    assert answer["citations"][0]["task"] == 6 and "20个左右" in answer["answer"]

    lines = "\n".join([
        json.dumps({"id": "a", "question": "反邪教工作在第几项？"}, ensure_ascii=False),
        "not json",
        json.dumps({"id": 7, "question": "   "}),
        json.dumps({"question": "第25项任务是什么？"}, ensure_ascii=False),
    ])
    path = tmp_path / "questions.jsonl"
    path.write_text(lines, encoding="utf-8")
    result = run_planqa("ask", "--jsonl", str(path))
    assert result.returncode == 1  # one line failed; the others were answered
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["id"] == "a" and out[0]["citations"][0]["task"] == 19
    assert "第 2 行" in out[1]["error"] and "JSON" in out[1]["error"]
    assert out[2]["id"] == 7 and "问题是空的" in out[2]["error"]
    assert out[3]["abstained"] is True and out[3]["id"] is None


def test_ask_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    for args in (["ask"], ["ask", ""], ["ask", "--plan", "nope", "第1项"], ["ask", "--jsonl", str(tmp_path / "none.jsonl")]):
        result = run_planqa(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr


def test_serve_on_a_taken_port_is_one_line(tmp_path, monkeypatch):
    import socket

    monkeypatch.setenv("PLANQA_HOME", str(tmp_path / "home"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_planqa("serve", "--port", str(taken.getsockname()[1]), timeout=60)
    assert result.returncode == 2
    assert "无法监听" in result.stderr and result.stderr.count("\n") == 1
