"""The REST API's errors over real HTTP, on a real `planqa serve`: ordinary clients (urllib,
http.client) read every error as JSON {"error": …}, the 413 too."""

import http.client
import json
import urllib.error
import urllib.request

import pytest


def _request(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


@pytest.mark.parametrize("size", [64 * 1024 + 1, 2 * 1024 * 1024, 10 * 1024 * 1024])
def test_an_oversized_body_is_a_413_that_urllib_can_read(planqa_server, size):
    body = b'{"question": "' + b"x" * size + b'"}'
    status, _, data = _request(planqa_server.url + "/api/ask", "POST", body, {"Content-Type": "application/json"})
    assert status == 413
    assert "请求太大" in json.loads(data)["error"]


def test_an_oversized_chunked_body_is_a_413_too(planqa_server):
    conn = http.client.HTTPConnection("127.0.0.1", planqa_server.port, timeout=30)
    chunks = (b"x" * 65536 for _ in range(40))  # 2.5 MB, no Content-Length
    conn.request("POST", "/api/ask", body=chunks, headers={"Content-Type": "application/json"},
                 encode_chunked=True)
    r = conn.getresponse()
    assert r.status == 413 and "请求太大" in json.loads(r.read())["error"]
    conn.close()


@pytest.mark.parametrize("method, path, status, allow, message", [
    ("GET", "/api/ask", 405, "POST", "不接受 GET"),
    ("DELETE", "/api/plans", 405, "GET", "不接受 DELETE"),
    ("POST", "/healthz", 405, "GET", "不接受 POST"),
    ("GET", "/api/nope", 404, None, "没有这个地址：/api/nope"),
    ("POST", "/api/plans/sdast-2017-work-plan/tasks/99", 405, "GET", "不接受 POST"),
    ("GET", "/api/plans/sdast-2017-work-plan/tasks/99", 404, None, "没有第99项"),
    ("GET", "/api/plans/sdast-2017-work-plan/tasks/x", 422, None, "number"),
])
def test_every_error_is_json_with_an_error_field(planqa_server, method, path, status, allow, message):
    got, headers, data = _request(planqa_server.url + path, method)
    assert got == status
    assert headers["content-type"].startswith("application/json")
    assert message in json.loads(data)["error"]
    if allow:
        assert allow in headers["allow"]


def test_the_server_keeps_serving_after_the_errors(planqa_server):
    status, _, data = _request(planqa_server.url + "/api/ask", "POST",
                               json.dumps({"question": "第3项任务是什么？"}).encode(),
                               {"Content-Type": "application/json"})
    assert status == 200 and json.loads(data)["citations"][0]["task"] == 3


def test_a_plan_uploaded_over_http_answers_and_is_removed(start_server):
    """One upload on a real `planqa serve` (its own copy of the index), multipart by hand."""
    from pathlib import Path

    from tests.documents import make_docx

    server = start_server()
    text = (Path(__file__).resolve().parents[1] / "data" / "corpus"
            / "special-action-plan-smes-digital-empowerment.txt").read_text(encoding="utf-8")
    boundary = "planqa-boundary-7d93"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="plan_id"\r\n\r\nsmes\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="smes.docx"\r\n'
            "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n"
            ).encode() + make_docx(text) + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    status, _, data = _request(server.url + "/api/plans?dry_run=1", "POST", body, headers)
    assert status == 200 and json.loads(data)["tasks"] == 17 and json.loads(data)["indexed"] is False
    status, _, data = _request(server.url + "/api/plans", "POST", body, headers)
    assert status == 201, data
    assert json.loads(data)["indexed"] is True
    status, _, data = _request(server.url + "/api/ask", "POST",
                               json.dumps({"question": "如何助推中小企业上云用云？", "plan": "smes"}).encode(),
                               {"Content-Type": "application/json"})
    assert status == 200 and json.loads(data)["citations"][0]["plan"] == "smes"
    assert json.loads(data)["citations"][0]["task"] == 3
    status, _, data = _request(server.url + "/api/plans/smes", "DELETE")
    assert status == 200 and json.loads(data)["removed"] is True
    status, _, data = _request(server.url + "/api/plans")
    assert [p["plan_id"] for p in json.loads(data)] == ["sdast-2017-work-plan"]
    big = b"a" * (21 * 1024 * 1024)  # over PLANQA_MAX_FILE_MB: a 413 that urllib reads
    status, _, data = _request(server.url + "/api/plans", "POST",
                               f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'.encode()
                               + big + f"\r\n--{boundary}--\r\n".encode(), headers)
    assert status == 413 and "文件过大" in json.loads(data)["error"]
