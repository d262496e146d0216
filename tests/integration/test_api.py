"""The REST API and the mounted chat through the real app (FastAPI TestClient)."""

import pytest
from fastapi.testclient import TestClient

from planqa.config import load_settings
from planqa.web.api import create_api
from planqa.web.server import create_app


@pytest.fixture
def client(assistant):
    with TestClient(create_api(load_settings(), assistant)) as c:
        yield c


def test_ask_returns_the_answer_json(client):
    r = client.post("/api/ask", json={"question": "哪项任务涉及院士专家工作站？"})
    assert r.status_code == 200
    data = r.json()
    assert list(data) == ["id", "question", "answer", "abstained", "citations", "latency_ms"]
    assert sorted(c["task"] for c in data["citations"]) == [9, 14]


def test_follow_up_with_history(client):
    first = client.post("/api/ask", json={"question": "机关及直属单位改革在哪一项？"}).json()
    r = client.post("/api/ask", json={"question": "它什么时候完成？", "history": [first]})
    assert r.json()["citations"][0]["task"] == 5 and "6月底" in r.json()["answer"]
    # A history a client built badly ("task": "5") is ignored, not a 500: 下一项 has no task.
    odd = client.post("/api/ask", json={"question": "下一项呢？", "history": [
        {"citations": [{"plan": first["citations"][0]["plan"], "task": "5"}]}]})
    assert odd.status_code == 200 and odd.json()["answer"]


@pytest.mark.parametrize("body, status, message", [
    ({"question": ""}, 422, "问题是空的"),
    ({"question": "   "}, 422, "问题是空的"),
    ({"question": 5}, 422, "question"),
    ({}, 422, "question"),
    ({"question": "问" * 2001}, 413, "问题太长"),
    ({"question": "第1项", "plan": "nope"}, 404, "没有这个计划"),
    ({"question": "第1项", "history": "x"}, 422, "history"),
])
def test_bad_requests_are_4xx_json(client, body, status, message):
    r = client.post("/api/ask", json=body)
    assert r.status_code == status
    assert message in r.json()["error"]


def test_not_json_and_oversized_bodies(client):
    r = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert (r.status_code, r.json()["error"]) == (400, "请求体不是有效的 JSON")
    r = client.post("/api/ask", content=b"x" * (2 * 1024 * 1024), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "请求太大" in r.json()["error"]
    assert client.get("/healthz").status_code == 200  # and the server keeps serving


def test_plans_and_tasks(client):
    assert client.get("/api/plans").json()[0]["tasks"] == 23
    task = client.get("/api/plans/sdast-2017-work-plan/tasks/9").json()
    assert task["section"] == "三" and "院士专家工作站" in task["text"]
    assert client.get("/api/plans/sdast-2017-work-plan/tasks/99").status_code == 404
    assert client.get("/api/plans/nope/tasks/1").status_code == 404
    assert client.get("/healthz").json() == {"status": "ok", "plans": ["sdast-2017-work-plan"]}


def test_bearer_token_and_cors(assistant, monkeypatch):
    monkeypatch.setenv("PLANQA_API_TOKEN", "s3cret")
    monkeypatch.setenv("PLANQA_CORS_ORIGINS", "https://portal.example")
    with TestClient(create_api(load_settings(), assistant)) as c:
        assert c.post("/api/ask", json={"question": "第1项"}).status_code == 401
        bad = c.post("/api/ask", json={"question": "第1项"}, headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401 and "访问令牌" in bad.json()["error"]
        ok = c.post("/api/ask", json={"question": "第1项"}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        assert c.get("/healthz").status_code == 200  # health stays open for probes
        pre = c.options("/api/ask", headers={"Origin": "https://portal.example",
                                             "Access-Control-Request-Method": "POST"})
        assert pre.headers["access-control-allow-origin"] == "https://portal.example"
        other = c.options("/api/ask", headers={"Origin": "https://evil.example",
                                               "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in other.headers


def test_chat_page_is_mounted_at_root(assistant):
    with TestClient(create_app(load_settings(), assistant)) as c:
        page = c.get("/")
        assert page.status_code == 200 and "计划问答助手" in page.text
        assert c.post("/api/ask", json={"question": "第3项任务是什么？"}).json()["citations"][0]["task"] == 3


def test_chat_behind_a_path_prefix(assistant, monkeypatch):
    monkeypatch.setenv("PLANQA_ROOT_PATH", "/planqa")
    with TestClient(create_app(load_settings(), assistant), root_path="/planqa") as c:
        assert c.get("/healthz").status_code == 200
        assert "/planqa" in c.get("/").text  # assets are addressed under the prefix


def test_optional_login_for_the_chat_page(assistant, monkeypatch):
    monkeypatch.setenv("PLANQA_UI_USER", "staff")
    monkeypatch.setenv("PLANQA_UI_PASSWORD", "pw")
    with TestClient(create_app(load_settings(), assistant)) as c:
        assert "请登录计划问答助手" in c.get("/").text
        assert c.get("/config").status_code == 401
        assert c.post("/login", data={"username": "staff", "password": "wrong"}).status_code == 400
        assert c.post("/login", data={"username": "staff", "password": "pw"}).status_code == 200
        assert c.get("/config").status_code == 200  # the session cookie now opens the chat


@pytest.fixture
def full_app(assistant):
    """The API with the chat mounted at "/", as served: the chat must not swallow API errors."""
    with TestClient(create_app(load_settings(), assistant)) as c:
        yield c


@pytest.mark.parametrize("method, path, status, message", [
    ("GET", "/api/ask", 405, "/api/ask 不接受 GET 请求，应使用 POST"),
    ("PUT", "/api/plans", 405, "应使用 GET"),
    ("POST", "/healthz", 405, "应使用 GET"),
    ("GET", "/api/nope", 404, "没有这个地址：/api/nope"),
    ("POST", "/api/ask/extra", 404, "没有这个地址"),
    ("GET", "/api/docs/assets/nope.js", 404, "没有这个地址"),
])
def test_unknown_paths_and_wrong_methods_are_json_errors(full_app, method, path, status, message):
    r = full_app.request(method, path)
    assert r.status_code == status
    assert list(r.json()) == ["error"] and message in r.json()["error"]


def test_api_docs_use_bundled_assets_only(full_app):
    import re

    for page in ("/api/docs",):
        html = full_app.get(page).text
        assert re.findall(r"https?://", html) == []  # no CDN
        for asset in re.findall(r"(/api/docs/assets/[\w.-]+)", html):
            r = full_app.get(asset)
            assert r.status_code == 200 and len(r.content) > 1000, asset
    assert full_app.get("/api/openapi.json").json()["paths"]["/api/ask"]


def test_docs_assets_follow_the_root_path(assistant, monkeypatch):
    monkeypatch.setenv("PLANQA_ROOT_PATH", "/planqa")
    with TestClient(create_app(load_settings(), assistant), root_path="/planqa") as c:
        html = c.get("/api/docs").text
        assert "/planqa/api/docs/assets/swagger-ui-bundle.js" in html and "/planqa/api/openapi.json" in html


def test_a_chunked_oversized_body_is_a_413_not_a_400(full_app):
    r = full_app.post("/api/ask", content=(b"x" * 65536 for _ in range(4)),
                      headers={"content-type": "application/json"})
    assert r.status_code == 413 and "请求太大" in r.json()["error"]
    small = full_app.post("/api/ask", content=(part for part in [b'{"question": ', b'"\\u7b2c3\\u9879"}']),
                          headers={"content-type": "application/json"})
    assert small.status_code == 200 and small.json()["citations"][0]["task"] == 3
