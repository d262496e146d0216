"""Serving through faults, on a real `chroma run` server: answers keep coming while a plan is
re-indexed and switch to the new version when it is committed; a server that stops gives 503
and the service recovers by itself when it is back."""

import threading
import time

from fastapi.testclient import TestClient

from planqa.config import load_settings
from planqa.index.store import close_client
from planqa.ingest.clean import clean_text
from planqa.services import build_assistant, open_store
from planqa.web.api import create_api
from tests.conftest import SEED
from tests.integration.conftest import run_planqa


def test_reindex_while_serving_and_server_down(chroma_server, tmp_path, monkeypatch):
    env = {"PLANQA_CHROMA_HOST": "127.0.0.1", "PLANQA_CHROMA_PORT": str(chroma_server.port)}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    plan = tmp_path / "plan.txt"
    original = clean_text(SEED.read_text(encoding="utf-8"))
    plan.write_text(original, encoding="utf-8")
    assert run_planqa("index", str(plan), "--plan-id", "p", env=env).returncode == 0

    settings = load_settings()
    store = open_store(settings)
    try:
        app = create_api(settings, build_assistant(store, settings))
        with TestClient(app) as client:
            def ask(question):
                return client.post("/api/ask", json={"question": question, "plan": "p"})

            assert ask("第9项是什么？").json()["citations"][0]["title"].startswith("强化科技人才工作")

            # Version 2 renames task 9; ask continuously while it is indexed.
            text = original.replace("9.强化科技人才工作，发挥好", "9.全面加强人才工作，发挥好")
            assert text != original
            plan.write_text(text, encoding="utf-8")
            statuses, titles, done = [], [], threading.Event()

            def reindex():
                run_planqa("index", str(plan), "--plan-id", "p", env=env)
                done.set()

            worker = threading.Thread(target=reindex)
            worker.start()
            while not done.is_set():
                r = ask("第9项是什么？")
                statuses.append(r.status_code)
                titles.append(r.json()["citations"][0]["title"] if r.status_code == 200 else "")
                time.sleep(0.05)
            worker.join()
            assert statuses and set(statuses) == {200}  # never an error during the re-index
            time.sleep(2.1)  # the search looks for a new version at most every 2 s
            new = ask("第9项是什么？").json()["citations"][0]["title"]
            assert new.startswith("全面加强人才工作")
            assert all(t.startswith(("强化科技人才工作", "全面加强人才工作")) for t in titles)

            chroma_server.stop()
            down = ask("哪项任务涉及院士专家工作站？")
            assert down.status_code == 503 and "Chroma" in down.json()["error"]
            assert client.get("/healthz").status_code == 503
            chroma_server.start()
            back = ask("哪项任务涉及院士专家工作站？")
            assert back.status_code == 200 and client.get("/healthz").status_code == 200
    finally:
        close_client(store.client)
