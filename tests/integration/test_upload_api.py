"""Plans brought over REST: POST /api/plans (dry run, then indexed), DELETE /api/plans/{id},
bad files refused with a Chinese message and nothing indexed; uploads while questions are
answered; two uploads of the same plan. The app in-process over a real embedded Chroma."""

import shutil
import threading
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planqa.assistant.chain import Assistant
from planqa.assistant.retrieve import HybridSearch
from planqa.config import load_settings
from planqa.index.chunk import passages
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, close_client, open_client
from planqa.web.api import create_api
from tests.conftest import CORPUS
from tests.documents import (
    make_docx,
    make_html,
    make_listing_html,
    make_pdf,
    make_scanned_pdf,
)

SEED = "sdast-2017-work-plan"


def corpus(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


JINAN = corpus("action-plan-high-quality-development-jinan-new")  # 4 parts, 12 tasks
SMES = corpus("special-action-plan-smes-digital-empowerment")  # 3 parts, 17 tasks
LOGISTICS = corpus("general-office-ministry-commerce-implementation-plan-building")  # 3 parts, 14 tasks
BIGDATA = corpus("implementation-plan-promoting-development-industrial-big-data")  # 3 parts, 12 tasks


@pytest.fixture(scope="module")
def home(tmp_path_factory, built_home):
    """A writable copy of the index with the bundled plan (the session's ``built_home``)."""
    copy = tmp_path_factory.mktemp("upload-home") / "home"
    shutil.copytree(built_home, copy)
    return copy


@pytest.fixture(scope="module")
def app(home):
    settings = load_settings(home=home, api_token=None)
    store = PlanStore(open_client(home), make_embedder(settings.embedding))
    assistant = Assistant(HybridSearch(store))
    with TestClient(create_api(settings, assistant)) as client:
        client.assistant = assistant
        yield client
    close_client(store.client)


def upload(client, name: str, data: bytes, plan_id: str | None = None, **params):
    form = {"plan_id": plan_id} if plan_id else {}
    return client.post("/api/plans", files={"file": (name, data)}, data=form, params=params)


def indexed(client) -> list[str]:
    return [p["plan_id"] for p in client.get("/api/plans").json()]


def test_a_dry_run_returns_the_outline_and_indexes_nothing(app):
    r = upload(app, "jinan.docx", make_docx(JINAN), dry_run=1)
    assert r.status_code == 200, r.text
    plan = r.json()
    assert plan["plan_id"] == "jinan" and plan["indexed"] is False and plan["replaces"] is False
    assert plan["format"] == "docx"
    assert [s["label"] + s["title"] for s in plan["sections"]] == ["一、总体要求", "二、重点任务", "三、产业布局", "四、保障措施"]
    assert [s["task_count"] for s in plan["sections"]] == [2, 4, 2, 4] and plan["tasks"] == 12
    assert plan["sections"][1]["tasks"][0] == {"number": 3, "label": "（一）", "title": "实施产业基础夯实行动"}
    assert plan["warnings"] == ["没有找到计划标题"]
    assert "jinan" not in indexed(app)
    same = upload(app, "jinan.docx", make_docx(JINAN), confirm="false")
    assert same.status_code == 200 and same.json()["indexed"] is False
    assert "jinan" not in indexed(app)


@pytest.mark.parametrize("name, make, plan_id, fmt, tasks, question, title", [
    ("jinan.docx", lambda: make_docx(JINAN), None, "docx", 12, "“四聚”是什么？", "“四聚”"),
    ("smes.pdf", lambda: make_pdf(SMES), "smes-2020", "pdf", 17, "如何助推中小企业上云用云？", "助推中小企业上云用云"),
    ("logistics.html", lambda: make_html(LOGISTICS), None, "html", 14, "智慧化末端配送网络怎么建？",
     "建立高效便捷的智慧化末端配送网络"),
    ("大数据方案.txt", lambda: BIGDATA.encode("gbk"), "bigdata", "txt", 12, "怎样推动数据流通交易？", "推动数据流通交易"),
])
def test_an_upload_is_indexed_answers_at_once_and_can_be_deleted(app, name, make, plan_id, fmt, tasks, question, title):
    r = upload(app, name, make(), plan_id)
    assert r.status_code == 201, r.text
    plan = r.json()
    want_id = plan_id or Path(name).stem
    assert (plan["plan_id"], plan["format"], plan["tasks"], plan["indexed"]) == (want_id, fmt, tasks, True)
    if fmt == "txt":
        assert plan["encoding"] == "gb18030"
    assert plan["chunks"] > tasks and plan["embedded"] > 0
    listed = {p["plan_id"]: p for p in app.get("/api/plans").json()}
    assert listed[want_id]["tasks"] == tasks and listed[want_id]["indexed_at"] and listed[want_id]["source"] == name
    answer = app.post("/api/ask", json={"question": question, "plan": want_id}).json()
    assert answer["citations"] and answer["citations"][0]["plan"] == want_id, answer
    assert title in answer["citations"][0]["title"]
    assert app.get(f"/api/plans/{want_id}/tasks/1").status_code == 200

    gone = app.delete(f"/api/plans/{want_id}")
    assert gone.status_code == 200 and gone.json()["removed"] is True and gone.json()["records"] > 0
    assert want_id not in indexed(app)
    after = app.post("/api/ask", json={"question": question, "plan": want_id})
    assert after.status_code == 404 and "没有这个计划" in after.json()["error"]
    assert app.delete(f"/api/plans/{want_id}").status_code == 404


def _fake_docx() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photo1.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    return buf.getvalue()


BAD = [
    ("scan.pdf", lambda: make_scanned_pdf(JINAN), 422, "PDF 没有文字层"),
    ("locked.pdf", lambda: make_pdf(JINAN, password="密码"), 422, "PDF 已加密"),
    ("plan.docx", _fake_docx, 415, "不是 Word 文档：这是压缩包"),
    ("list.html", make_listing_html, 422, "网页里没有找到正文"),
    ("data.bin", lambda: bytes(range(256)) * 40, 415, "这是二进制文件"),
    ("photo.png", lambda: b"\x89PNG\r\n\x1a\n" + bytes(500), 415, "这是图片（PNG）"),
    ("notes.txt", lambda: "今天开会，讨论了食堂的菜单。大家都很满意。".encode(), 422, "没有识别出计划的结构"),
    ("big5.txt", lambda: bytes([0x81, 0x30, 0xfe, 0xff]) * 300, 422, "编码"),
    ("huge.txt", lambda: b"a" * (21 * 1024 * 1024), 413, "文件过大"),
    ("edge.txt", lambda: b"a" * int(20.5 * 1024 * 1024), 413, "文件过大（20.5 MB，上限 20 MB"),
]


@pytest.mark.parametrize("name, make, status, message", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("dry", [True, False], ids=["dry-run", "index"])
def test_a_bad_file_is_refused_in_chinese_and_nothing_is_indexed(app, name, make, status, message, dry):
    before = app.get("/api/plans").json()
    r = upload(app, name, make(), **({"dry_run": 1} if dry else {}))
    assert r.status_code == status, r.text
    assert list(r.json()) == ["error"] and message in r.json()["error"], r.json()
    assert app.get("/api/plans").json() == before


def test_the_upload_limit_follows_the_setting_and_ask_keeps_its_small_limit(home):
    settings = load_settings(home=home, max_file_mb=0.01)
    store = PlanStore(open_client(home), make_embedder(settings.embedding))
    with TestClient(create_api(settings, Assistant(HybridSearch(store)))) as c:
        r = upload(c, "jinan.docx", make_docx(JINAN), dry_run=1)
        assert r.status_code == 413 and "上限 0.01 MB" in r.json()["error"]
        big = upload(c, "jinan.txt", JINAN.encode() * 200, dry_run=1)  # over the body limit itself
        assert big.status_code == 413 and "PLANQA_MAX_FILE_MB" in big.json()["error"]
        ask = c.post("/api/ask", content=b"x" * (100 * 1024), headers={"content-type": "application/json"})
        assert ask.status_code == 413 and "请求太大" in ask.json()["error"]


@pytest.mark.parametrize("request_kwargs, status, message", [
    ({"json": {"file": "x"}}, 415, "multipart/form-data"),
    ({"data": {"plan_id": "x"}, "files": {"other": ("a.txt", b"x")}}, 422, "字段 file"),
    ({"files": {"file": ("a.docx", b"x")}, "data": {"plan_id": "../etc"}}, 422, "计划 ID"),
])
def test_malformed_uploads(app, request_kwargs, status, message):
    r = app.post("/api/plans", **request_kwargs)
    assert r.status_code == status and message in r.json()["error"], r.text


def test_deleting_unknown_or_the_last_plan(app):
    r = app.delete("/api/plans/nope")
    assert r.status_code == 404 and "没有这个计划：nope" in r.json()["error"]
    assert indexed(app) == [SEED]
    r = app.delete(f"/api/plans/{SEED}")
    assert r.status_code == 409 and "唯一" in r.json()["error"]
    assert indexed(app) == [SEED]


def test_uploads_need_the_token_when_one_is_set(home):
    settings = load_settings(home=home, api_token="s3cret")
    store = PlanStore(open_client(home), make_embedder(settings.embedding))
    with TestClient(create_api(settings, Assistant(HybridSearch(store)))) as c:
        assert upload(c, "jinan.docx", make_docx(JINAN), dry_run=1).status_code == 401
        assert c.delete(f"/api/plans/{SEED}").status_code == 401
        ok = c.post("/api/plans", files={"file": ("jinan.docx", make_docx(JINAN))}, params={"dry_run": 1},
                    headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["tasks"] == 12


def test_questions_are_answered_while_a_plan_is_uploaded(app):
    """Questions on the bundled plan never fail or change while another plan is indexed, and a
    re-upload of a plan keeps answering from its previous version until the new one commits."""
    assert upload(app, "smes.docx", make_docx(SMES), "smes").status_code == 201
    stop, failures, answers = threading.Event(), [], []

    def ask_all_the_time():
        while not stop.is_set():
            for question, plan, task in (("哪项任务涉及院士专家工作站？", SEED, 9),
                                         ("如何助推中小企业上云用云？", "smes", 3)):
                r = app.post("/api/ask", json={"question": question, "plan": plan})
                if r.status_code != 200 or task not in [c["task"] for c in r.json()["citations"]]:
                    failures.append((question, r.status_code, r.text[:300]))
                answers.append(plan)

    askers = [threading.Thread(target=ask_all_the_time) for _ in range(3)]
    for t in askers:
        t.start()
    try:
        changed = SMES.replace("加强培训推广", "加强培训推广和用数赋智")
        assert changed != SMES
        assert upload(app, "smes.docx", make_docx(changed), "smes").status_code == 201
        assert upload(app, "jinan.pdf", make_pdf(JINAN), "jinan-during").status_code == 201
    finally:
        stop.set()
        for t in askers:
            t.join()
    assert failures == [] and answers.count("smes") >= 3
    answer = app.post("/api/ask", json={"question": "用数赋智", "plan": "smes"}).json()
    assert "用数赋智" in answer["citations"][0]["title"]  # the new version answers now
    for plan in ("smes", "jinan-during"):
        assert app.delete(f"/api/plans/{plan}").status_code == 200


def test_two_uploads_of_the_same_plan_end_with_one_whole_version(app):
    versions = {"a": JINAN, "b": JINAN.replace("实施产业基础夯实行动", "实施产业基础再造行动")}
    results = {}

    def send(key):
        results[key] = upload(app, f"{key}.docx", make_docx(versions[key]), "same-plan")

    threads = [threading.Thread(target=send, args=(k,)) for k in versions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {r.status_code for r in results.values()} == {201}
    store = app.assistant.search.store
    entry = store.entry("same-plan")
    assert entry.plan.sections[1].tasks[0].title in ("实施产业基础夯实行动", "实施产业基础再造行动")
    winner = "a" if entry.plan.sections[1].tasks[0].title == "实施产业基础夯实行动" else "b"
    # One whole version: every chunk of the winner is stored, and no record of the loser is left.
    chunks = store.load_chunks(list(entry.chunk_ids))
    assert len(chunks) == len(entry.chunk_ids)
    assert store.plan_record_ids("same-plan") == {p.id for c in chunks for p in passages(c)}
    loser = "实施产业基础再造行动" if winner == "a" else "实施产业基础夯实行动"
    assert loser not in {c.task_title for c in chunks}
    answer = app.post("/api/ask", json={"question": "第3项是什么？", "plan": "same-plan"}).json()
    assert entry.plan.sections[1].tasks[0].title in answer["answer"]
    assert app.delete("/api/plans/same-plan").status_code == 200


def test_a_dry_run_gives_unprinted_facts_as_null_like_plan_json(app):
    path = CORPUS / "implementation-plan-promoting-development-industrial-big-data.txt"
    data = upload(app, path.name, path.read_bytes(), dry_run=1).json()
    assert (data["issuer"], data["date"], data["doc_number"]) == ("山东省人民政府办公厅", "2020-12-10", None)
    jinan = upload(app, "jinan.docx", make_docx(JINAN), dry_run=1).json()
    assert (jinan["title"], jinan["issuer"], jinan["date"]) == ("", None, None)
