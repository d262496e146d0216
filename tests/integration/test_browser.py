"""The chat in a real browser: Debian's Chromium driven by Playwright against `planqa serve` on
loopback, at a desktop width (1280 px), a phone width (390 px) and inside a portal's iframe on
another site. Screenshots go to test-artifacts/ (or $PLANQA_ARTIFACTS)."""

import http.server
import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from planqa.assistant.examples import example_questions  # noqa: E402
from planqa.ingest.load import load_plan  # noqa: E402
from tests.conftest import SEED  # noqa: E402
from tests.integration.conftest import ARTIFACTS, CHROMIUM, ROOT, free_port  # noqa: E402

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
EMBED_TOKEN = "portal-embed-token-0123456789"
SEED_PLAN = load_plan(SEED)[0]


@pytest.fixture(scope="module")
def server(planqa_server):
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    return planqa_server.url


def shot(page, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def open_chat(browser, url: str, viewport: dict, scale: float = 1):
    page = browser.new_page(viewport=viewport, device_scale_factor=scale)
    page.goto(url)
    page.locator("#question textarea").wait_for()
    return page


def shown_examples(scope) -> list[str]:
    return scope.locator("#examples button.example:visible").all_inner_texts()


def messages(scope) -> int:
    return scope.locator("#chat .message-row").count()


def retry_click(scope, locator, grew: int) -> None:
    """A click before the page has wired its events is lost: click again until the chat grows."""
    for _ in range(40):
        locator.click()
        for _ in range(5):
            if messages(scope) > grew:
                return
            locator.page.wait_for_timeout(100)
    raise AssertionError("the chat never took the question")


def ask(scope, question: str) -> None:
    before = messages(scope)
    scope.locator("#question textarea").fill(question)
    retry_click(scope, scope.locator("#send"), before)


def wait_answer(scope, text: str) -> None:
    scope.locator("#chat .message-row.bot-row").last.get_by_text(text, exact=False).first.wait_for(timeout=30_000)


def answer_start_is_visible(scope, start: str) -> bool:
    """The newest answer's first line lies inside the chat's visible box."""
    return scope.locator("#chat").evaluate("""(chat, start) => {
        const rows = chat.querySelectorAll('.message-row.bot-row');
        const row = rows[rows.length - 1];
        const box = row.closest('.bubble-wrap').getBoundingClientRect();
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        let node; while ((node = walker.nextNode()) && !node.textContent.includes(start)) {}
        if (!node) return false;
        const range = document.createRange(); range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top < innerHeight && r.top >= 0;
    }""", start)


def check_chat(page, scope, width: str) -> str:
    """Each point of the chat, the same way at every width; ``scope`` is the page or a frame.
    Returns the heading of the task shown in the panel."""
    # An empty send says what to do.
    scope.locator("#send").click()
    scope.locator("#hint").get_by_text("请先在上面的框里输入问题", exact=False).wait_for(timeout=10_000)
    assert messages(scope) == 0

    # The examples are the plan's own: made from the seed, the first one in the box as a hint.
    examples = example_questions(SEED_PLAN)
    assert shown_examples(scope) == examples
    hint = scope.locator("#question textarea").get_attribute("placeholder")
    assert hint.startswith("输入问题，例如：") and hint.removeprefix("输入问题，例如：") in examples

    # An example asks at once (no second click on 发送): its topic's task answers, cited.
    topic = next(q for q in examples if q.startswith("哪项任务涉及"))
    phrase = topic.removeprefix("哪项任务涉及").removesuffix("？").strip("“”")
    task = next(t for t in SEED_PLAN.tasks if phrase in t.title)
    retry_click(scope, scope.locator("#examples button.example").filter(has_text=topic), 0)
    wait_answer(scope, f"第{task.number}项")
    assert not scope.locator("#hint").is_visible()

    # A citation opens its task where the user is looking, the quoted words marked.
    scope.locator("#citations label").filter(has_text=f"第{task.number}项").click()
    panel = scope.locator("#task-panel" if width == "desktop" else "#task-inline")
    heading = f"第{task.number}项：{task.title}"
    panel.get_by_text(heading, exact=False).wait_for(timeout=10_000)
    assert panel.locator("mark").first.inner_text() in scope.locator("#chat .message-row.bot-row").last.inner_text()
    box, chat = panel.bounding_box(), scope.locator("#chat").bounding_box()
    if width == "desktop":  # beside the answer, level with the chat
        assert box["x"] >= chat["x"] + chat["width"] - 1 and box["y"] < chat["y"] + chat["height"] / 2
    else:  # in place: right under the citations, on screen, before the examples
        chips = scope.locator("#citations").bounding_box()
        examples = scope.locator("#examples").bounding_box()
        assert chips["y"] < box["y"] < examples["y"]
        if scope is page:
            assert 0 <= box["y"] < PHONE["height"] - 100
    return heading


def check_follows_and_starts(page, scope, shown: str, name: str) -> None:
    # A new, long answer: the panel no longer shows the old task, the answer shows from its start.
    ask(scope, "今年有哪些重点工作？")
    wait_answer(scope, "七、")
    assert shown not in scope.locator("#task-panel").inner_text()
    assert not scope.locator("#task-inline").is_visible()
    page.wait_for_timeout(300)
    assert answer_start_is_visible(scope, "为主线"), "the long answer opened scrolled past its start"
    shot(page, name)


def test_chat_at_desktop_width(server, browser):
    page = open_chat(browser, server + "/", DESKTOP)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert "关于所选计划的问题都可以问" in page.locator("#head").inner_text()
    shown = check_chat(page, page, "desktop")
    shot(page, "chat-desktop-citation.png")
    check_follows_and_starts(page, page, shown, "chat-desktop-long-answer.png")

    # Follow-ups in the same conversation: a place in the list just given, then its part.
    ask(page, "哪项任务涉及院士专家工作站？")
    wait_answer(page, "第14项")
    page.locator("#citations label").filter(has_text="第9项").click()  # the second of two chips
    page.locator("#task-panel").get_by_text("第9项：强化科技人才工作", exact=False).wait_for(timeout=10_000)
    assert "院士专家工作站" in page.locator("#task-panel mark").first.inner_text()
    listed = page.locator("#chat .message-row.bot-row").last.inner_text()
    second = max(("第9项：", "第14项："), key=listed.index)
    ask(page, "第二个是什么内容？")
    wait_answer(page, second)
    ask(page, "这部分还有哪些任务？")  # task 9 is in part 三 (tasks 7–12), task 14 in 四 (13–15)
    wait_answer(page, "第12项" if second == "第9项：" else "第13项")

    # User text is text: no script runs, the markup shows as typed.
    ask(page, "<img src=x onerror=alert(1)>")
    page.locator("#chat").get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(timeout=30_000)
    assert dialogs == []
    assert page.locator("#chat img[src='x']").count() == 0
    page.close()


def test_chat_at_phone_width(server, browser):
    page = open_chat(browser, server + "/", PHONE, scale=2)
    shown = check_chat(page, page, "phone")
    shot(page, "chat-phone-citation.png")
    page.locator("#task-inline-close").click()
    page.locator("#task-inline").wait_for(state="hidden", timeout=10_000)
    check_follows_and_starts(page, page, shown, "chat-phone-long-answer.png")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1  # nothing wider than the phone
    page.close()


@contextmanager
def portal(html: str):
    """A portal page served from its own origin (reach it as http://portal.test:PORT/)."""
    root = Path(os.environ.get("TMPDIR", "/tmp")) / f"planqa-portal-{os.getpid()}-{free_port()}"
    root.mkdir(parents=True)
    (root / "portal.html").write_text('<meta charset="utf-8">' + html, encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(root), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://portal.test:{httpd.server_address[1]}/portal.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def readme_snippet(origin: str, src: str) -> str:
    """The README's self-sizing embed snippet, pointed at this server."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```html\n(.*?)```", readme, re.S) if "planqa:height" in b)
    return block.replace("https://intranet.example/planqa/", src).replace("https://intranet.example", origin)


def test_chat_inside_a_portal_iframe_on_another_site(server, browser):
    port = server.rsplit(":", 1)[1]
    origin = f"http://planqa.test:{port}"
    # Start the iframe short: the chat's own height at this width is about the 720 px fallback,
    # so only a start far from it shows that the script sized the iframe.
    snippet = readme_snippet(origin, origin + "/").replace("height:720px", "height:300px")
    assert "height:300px" in snippet
    page_html = "<html><body style='margin:0'><h1>门户</h1>" + snippet + "<p id='after'>门户页脚</p></body></html>"
    with portal(page_html) as url:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(url)
        frame = page.frame_locator("iframe")
        frame.locator("#question textarea").wait_for()
        # The iframe takes the page's height: no scrollbar of its own.
        page.wait_for_function("parseInt(document.getElementById('planqa').style.height) > 600", timeout=15_000)
        fits = "document.documentElement.scrollHeight <= innerHeight + 1"
        page.frames[1].wait_for_function(fits, timeout=5_000)
        shown = check_chat(page, frame, "desktop")
        check_follows_and_starts(page, frame, shown, "chat-iframe.png")
        page.frames[1].wait_for_function(fits, timeout=5_000)  # resized again after the answers
        shot(page, "chat-iframe-full.png", full_page=True)
        page.close()


def test_the_fixed_height_fallback_fits(server, browser):
    """The README's iframe without its script: 720 px holds the whole page at a desktop width."""
    origin = server
    snippet = re.sub(r"<script>.*?</script>", "", readme_snippet(origin, origin + "/"), flags=re.S)
    with portal(f"<html><body style='margin:0'>{snippet}</body></html>") as url:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(url)
        page.frame_locator("iframe").locator("#question textarea").wait_for()
        page.wait_for_timeout(1000)
        inner = page.frames[1]
        assert inner.evaluate("innerHeight") == 720
        assert inner.evaluate("document.documentElement.scrollHeight") <= 721, "the 720 px iframe scrolls"
        shot(page, "chat-iframe-fixed-720.png")
        page.close()


@pytest.fixture(scope="module")
def login_server(start_server):
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    return start_server({"PLANQA_UI_USER": "staff", "PLANQA_UI_PASSWORD": "pw",
                         "PLANQA_EMBED_TOKEN": EMBED_TOKEN})


def test_login_page_is_chinese_and_logs_in(login_server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(login_server.url + "/")
    assert page.locator("h1").inner_text() == "请登录计划问答助手"
    assert page.get_by_label("用户名").is_visible() and page.get_by_label("密码").is_visible()
    assert not page.locator("#crosssite").is_visible()  # a top-level page can keep a login
    page.get_by_label("用户名").fill("staff")
    page.get_by_label("密码").fill("wrong")
    page.get_by_role("button", name="登录").click()
    page.locator("#error").get_by_text("用户名或密码不对").wait_for(timeout=10_000)
    page.get_by_label("密码").fill("pw")
    page.get_by_role("button", name="登录").click()
    page.locator("#question textarea").wait_for(timeout=30_000)
    ask(page, "第3项任务是什么？")
    wait_answer(page, "第3项")
    shot(page, "login-then-chat-phone.png")
    page.close()


def test_login_in_a_cross_site_http_iframe_says_why_and_the_embed_token_works(login_server, browser):
    origin = f"http://planqa.test:{login_server.port}"
    html = (f"<html><body><h1>门户</h1><iframe id='login' src='{origin}/' style='width:100%;height:600px;border:0'>"
            f"</iframe><iframe id='embed' src='{origin}/embed/{EMBED_TOKEN}/' "
            "style='width:100%;height:760px;border:0'></iframe></body></html>")
    with portal(html) as url:
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(url)
        login = page.frame_locator("#login")
        note = login.locator("#crosssite")
        note.wait_for(timeout=15_000)
        text = note.inner_text()
        assert "HTTPS" in text and "SameSite" in text and "PLANQA_EMBED_TOKEN" in text and "portal.test" in text
        # Logging in anyway comes back to the form, which now says so instead of nothing.
        login.get_by_label("用户名").fill("staff")
        login.get_by_label("密码").fill("pw")
        login.get_by_role("button", name="登录").click()
        page.wait_for_timeout(1500)
        assert login.locator("h1").inner_text() == "请登录计划问答助手"
        assert login.locator("#crosssite").is_visible()
        # The embed address needs no login.
        embed = page.frame_locator("#embed")
        embed.locator("#question textarea").wait_for(timeout=30_000)
        ask(embed, "反邪教工作在第几项？")
        wait_answer(embed, "第19项")
        shot(page, "login-cross-site-iframe.png", full_page=True)
        page.close()


def test_a_wrong_embed_token_is_not_the_chat(login_server):
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(login_server.url + "/embed/not-the-token/config", timeout=10)
    assert err.value.code in (401, 404)
    err.value.close()


def test_api_docs_render_with_the_network_blocked(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    outside = []

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server + "/api/docs")
    page.locator(".swagger-ui .info .title").get_by_text("planqa", exact=False).wait_for(timeout=15_000)
    page.locator(".opblock-summary-path", has_text="/api/ask").first.wait_for(timeout=10_000)
    assert outside == []
    shot(page, "api-docs-offline.png")
    page.close()


def test_eval_report_reads_in_a_browser(browser, assistant):
    from planqa.eval.questions import bundled_sets, load_questions
    from planqa.eval.report import render_report
    from planqa.eval.runner import run_questions
    from planqa.eval.summary import misses, summarize

    questions = [q for f in bundled_sets() for q in load_questions(f)][:60]
    results = run_questions(assistant.ask, questions)
    path = ARTIFACTS / "eval-report.html"
    path.write_text(render_report(summarize(results), misses(results), {"mode": "hybrid"}), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 1400})
    page.goto(path.as_uri())
    assert page.locator("h1").inner_text() == "planqa 评测报告"
    assert page.locator("svg rect").count() >= 2
    assert "首位命中率" in page.locator("table").first.inner_text()
    groups = page.locator("details")
    assert groups.count() >= 1 and page.locator(".miss").first.is_hidden()  # collapsed
    groups.first.locator("summary").click()
    assert page.locator(".miss").first.is_visible()
    shot(page, "eval-report.png", full_page=True)
    page.close()

    phone = browser.new_page(viewport=PHONE, device_scale_factor=2)
    phone.goto(path.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth - innerWidth") <= 1  # fits a phone
    assert phone.evaluate("document.documentElement.scrollHeight") < 5000
    shot(phone, "eval-report-phone.png", full_page=True)
    phone.close()
