"""The chat in a real browser: Debian's Chromium driven by Playwright against `planqa serve` on
loopback. Screenshots go to test-artifacts/ (or $PLANQA_ARTIFACTS)."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from tests.integration.conftest import free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("PLANQA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    port = free_port()
    env = os.environ | {"PLANQA_HOME": str(tmp_path_factory.mktemp("home")), "PLANQA_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "planqa", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    proc.stderr.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def ask(page, question: str) -> None:
    """Type and send; a click before the page has wired its events is lost, so send again."""
    before = page.locator("#chat .message").count()
    page.locator("#question textarea").fill(question)
    for _ in range(20):
        page.locator("#send").click()
        page.wait_for_timeout(250)
        if page.locator("#chat .message").count() > before:
            return
    raise AssertionError(f"the chat never took the question {question!r}")


def test_chat_answers_with_citations_and_opens_the_task(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    page.locator("#question textarea").wait_for()

    ask(page, "哪项任务涉及院士专家工作站？")
    chat = page.locator("#chat")
    chat.get_by_text("第14项", exact=False).first.wait_for(timeout=30_000)
    assert "第9项" in chat.inner_text() and "第14项" in chat.inner_text()

    chip = page.locator("#citations label").filter(has_text="第9项")
    chip.click()
    view = page.locator("#task-view")
    view.locator("mark").first.wait_for(timeout=10_000)
    assert "第9项：强化科技人才工作" in view.inner_text()
    assert "院士专家工作站" in view.locator("mark").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat-academician-workstations.png"), full_page=True)

    # Follow-ups in the same conversation: a place in the list just given, then its part.
    listed = page.locator("#chat .message").last.inner_text()
    second = max(("第9项：", "第14项："), key=listed.index)
    ask(page, "第二个是什么内容？")
    page.locator("#chat .message").last.get_by_text(second, exact=False).first.wait_for(timeout=30_000)
    ask(page, "这部分还有哪些任务？")  # task 9 is in part 三 (tasks 7–12), task 14 in 四 (13–15)
    neighbour = "第12项" if second == "第9项：" else "第13项"
    chat.get_by_text(neighbour, exact=False).first.wait_for(timeout=30_000)

    # User text is text: no script runs, the markup shows as typed.
    ask(page, "<img src=x onerror=alert(1)>")
    chat.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(timeout=30_000)
    assert dialogs == []
    assert page.locator("#chat img[src='x']").count() == 0
    page.close()


def test_examples_and_a_phone_width_screen(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(server + "/")
    box = page.locator("#question textarea")
    box.wait_for()
    for _ in range(20):  # a click before the page has wired its events is lost: try again
        page.get_by_text("第五部分有哪些任务？").first.click()
        if box.input_value() == "第五部分有哪些任务？":
            break
        page.wait_for_timeout(250)
    assert box.input_value() == "第五部分有哪些任务？"
    page.locator("#send").click()
    page.locator("#chat").get_by_text("第19项", exact=False).first.wait_for(timeout=30_000)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1  # nothing wider than the phone
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-phone.png"), full_page=True)
    page.close()


def test_chat_works_inside_a_portal_iframe(server, browser, tmp_path):
    """A portal page on another origin embeds the chat as the README shows."""
    import http.server
    import threading

    (tmp_path / "portal.html").write_text(
        f'<html><body><h1>门户</h1><iframe src="{server}/" style="width:100%;height:720px;border:0" '
        'title="计划问答助手"></iframe></body></html>', encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    portal = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=portal.serve_forever, daemon=True).start()
    try:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"http://127.0.0.1:{portal.server_address[1]}/portal.html")
        frame = page.frame_locator("iframe")
        frame.locator("#question textarea").fill("反邪教工作在第几项？")
        frame.locator("#send").click()
        frame.locator("#chat").get_by_text("第19项", exact=False).first.wait_for(timeout=30_000)
        page.close()
    finally:
        portal.shutdown()
        portal.server_close()


def test_eval_report_reads_in_a_browser(browser, assistant):
    from planqa.eval.questions import bundled_sets, load_questions
    from planqa.eval.report import render_report
    from planqa.eval.runner import run_questions
    from planqa.eval.summary import misses, summarize

    questions = [q for f in bundled_sets() for q in load_questions(f)][:60]
    results = run_questions(assistant.ask, questions)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "eval-report.html"
    path.write_text(render_report(summarize(results), misses(results), {"mode": "hybrid"}), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 1400})
    page.goto(path.as_uri())
    assert page.locator("h1").inner_text() == "planqa 评测报告"
    assert page.locator("svg rect").count() >= 2
    assert page.locator("table").first.locator("tr").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "eval-report.png"), full_page=True)
    page.close()
