"""Serving during a re-index with the embedded Chroma (PersistentClient under PLANQA_HOME), across
two processes: a `planqa serve` keeps answering while a `planqa index` process writes a new
version of the plan, and switches to it once it is committed."""

import json
import os
import subprocess
import sys
import threading
import time

import httpx

from planqa.ingest.clean import clean_text
from tests.conftest import SEED
from tests.integration.conftest import free_port, run_planqa, stop_process

OLD, NEW = "强化科技人才工作", "全面加强人才工作"  # task 9's title in versions 1 and 2


def start_server(home, port, log) -> subprocess.Popen:
    env = os.environ | {"PLANQA_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "planqa", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        assert proc.poll() is None, f"planqa serve exited with {proc.returncode}"
        assert time.monotonic() < deadline, "planqa serve did not answer /healthz in 120 s"
        time.sleep(0.2)


def stop(proc: subprocess.Popen | None) -> None:
    if proc is not None:
        stop_process(proc, timeout=20)


def task9_title(body: dict) -> str:
    return next((c["title"] for c in body["citations"] if c["task"] == 9), "")


def test_embedded_reindex_while_serving_from_another_process(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("PLANQA_HOME", str(home))
    plan = tmp_path / "plan.txt"
    original = clean_text(SEED.read_text(encoding="utf-8"))
    plan.write_text(original, encoding="utf-8")
    assert run_planqa("index", str(plan), "--plan-id", "p").returncode == 0

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    server = index = asker = None
    stop_asking = threading.Event()
    during: list[tuple[int | None, str, str]] = []  # (status, task 9's title, body or error)
    with open(log_path, "w", encoding="utf-8") as log, httpx.Client(base_url=url, timeout=30) as client:
        def ask(question: str) -> httpx.Response:
            return client.post("/api/ask", json={"question": question, "plan": "p"})

        def keep_asking() -> None:
            with httpx.Client(base_url=url, timeout=30) as own:
                while not stop_asking.is_set():
                    try:
                        r = own.post("/api/ask", json={"question": "第9项是什么？", "plan": "p"})
                        title = task9_title(r.json()) if r.status_code == 200 else ""
                        during.append((r.status_code, title, r.text))
                    except Exception as err:  # noqa: BLE001 — recorded, asserted below
                        during.append((None, "", f"{type(err).__name__}: {err}"))
                    time.sleep(0.05)

        try:
            server = start_server(home, port, log)
            before = ask("第9项是什么？")
            assert before.status_code == 200 and task9_title(before.json()).startswith(OLD)
            found = ask("哪项任务涉及院士专家工作站？")
            assert found.status_code == 200 and task9_title(found.json()).startswith(OLD)

            # Version 2 renames task 9; another process indexes it while the thread keeps asking.
            text = original.replace("9.强化科技人才工作，发挥好", "9.全面加强人才工作，发挥好")
            assert text != original
            plan.write_text(text, encoding="utf-8")
            asker = threading.Thread(target=keep_asking)
            asker.start()
            index = subprocess.Popen([sys.executable, "-m", "planqa", "index", str(plan), "--plan-id", "p"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     encoding="utf-8", env=os.environ.copy())
            out, err = index.communicate(timeout=300)
            stop_asking.set()
            asker.join(timeout=60)
            assert index.returncode == 0, err
            assert out.startswith("已更新 p"), out

            assert len(during) >= 3, during  # the questions really overlapped the re-index
            bad = [(s, body) for s, _, body in during if s != 200 or "Traceback" in body]
            assert not bad, bad  # never an error while the other process writes
            titles = [t for _, t, _ in during]
            assert all(t.startswith((OLD, NEW)) for t in titles), titles
            switched = [t.startswith(NEW) for t in titles]
            assert switched == sorted(switched), titles  # once new, never old again

            # The server looks for a new version at most every 2 s: it must switch soon.
            deadline, after = time.monotonic() + 10, ""
            while time.monotonic() < deadline:
                r = ask("第9项是什么？")
                assert r.status_code == 200, r.text
                after = task9_title(r.json())
                if after.startswith(NEW):
                    break
                time.sleep(0.25)
            assert after.startswith(NEW), f"still answering from the old version: {after}"
            assert client.get("/healthz").status_code == 200

            # Retrieval (dense + lexical) answers as a process started after the re-index does:
            # the vectors the other process wrote are searched too, not only the registry.
            question = "哪项任务涉及院士专家工作站？"
            fresh = run_planqa("ask", question, "--plan", "p", "--json")
            assert fresh.returncode == 0, fresh.stderr
            expected = [(c["task"], c["title"], c["score"]) for c in json.loads(fresh.stdout)["citations"]]
            assert expected[0][0] == 9 and expected[0][1].startswith(NEW), expected
            found = ask(question)
            assert found.status_code == 200, found.text
            served = [(c["task"], c["title"], c["score"]) for c in found.json()["citations"]]
            assert [c[:2] for c in served] == [c[:2] for c in expected] and all(
                abs(a[2] - b[2]) < 1e-3 for a, b in zip(served, expected, strict=True)
            ), f"the server searches stale vectors: served {served}, a fresh process {expected}"
        finally:
            stop_asking.set()
            if asker is not None:
                asker.join(timeout=60)
            stop(index)
            stop(server)
    assert "Traceback" not in log_path.read_text(encoding="utf-8")
