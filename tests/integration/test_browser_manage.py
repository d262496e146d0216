"""The 计划管理 tab in a real browser (Debian's Chromium, Playwright) on its own `planqa serve`:
upload a Word and a PDF plan, read the outline, confirm, then ask in the chat and see the answer
cite the new plan; remove a plan after a confirmation. Screenshots go to test-artifacts/."""

import json
import re
import urllib.request
from pathlib import Path

import pytest

from planqa.assistant.examples import example_questions
from planqa.ingest.load import load_plan_bytes
from tests.conftest import CORPUS
from tests.documents import make_docx, make_pdf
from tests.integration.conftest import CHROMIUM
from tests.integration.test_browser import (
    DESKTOP,
    ask,
    messages,
    retry_click,
    shot,
    wait_answer,
)

JINAN_TITLE = "济南市新一代信息技术产业高质量发展行动计划"
SMES_TITLE = "中小企业数字化赋能专项行动方案"


def titled(title: str, name: str) -> str:
    return title + "\n" + (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def manage_server(start_server):
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    return start_server()


def examples_of(path: Path) -> list[str]:
    """The example questions of an uploaded file, parsed the way the upload parses it."""
    return example_questions(load_plan_bytes(path.read_bytes(), path.name)[0])


def wait_examples(page, expected: list[str]) -> None:
    page.wait_for_function("want => Array.from(document.querySelectorAll('#examples button.example'))"
                           ".filter(b => b.offsetParent).map(b => b.innerText.trim()).join('|') === want",
                           arg="|".join(expected), timeout=10_000)


def upload_and_confirm(page, path: Path, outline: str, name: str) -> None:
    page.locator("#upload-file input[type=file]").set_input_files(str(path))
    box = page.locator("#upload-outline")
    box.get_by_text(outline, exact=False).first.wait_for(timeout=60_000)
    page.locator("#upload-confirm").wait_for(state="visible", timeout=10_000)
    shot(page, f"manage-{name}-outline.png", full_page=True)
    page.locator("#upload-confirm").click()
    box.locator(".upload-done").wait_for(timeout=180_000)


def test_upload_confirm_ask_and_remove_in_the_manage_tab(manage_server, browser, tmp_path):
    docx = tmp_path / "jinan.docx"
    docx.write_bytes(make_docx(titled(JINAN_TITLE, "action-plan-high-quality-development-jinan-new")))
    pdf = tmp_path / "smes.pdf"
    pdf.write_bytes(make_pdf(titled(SMES_TITLE, "special-action-plan-smes-digital-empowerment")))

    page = browser.new_page(viewport=DESKTOP)
    page.goto(manage_server.url + "/")
    page.locator("#question textarea").wait_for()
    assert not page.locator("#plan").is_visible()  # one plan: no selector yet
    page.get_by_role("tab", name="计划管理").click()
    page.locator("#plan-table").get_by_text("sdast-2017-work-plan").wait_for(timeout=10_000)
    drop = page.locator("#upload-file").inner_text()  # the upload box speaks Chinese, not Gradio's English
    assert "把文件拖到这里" in drop and "点击选择文件" in drop and not re.search("[A-Za-z]{3}", drop)

    upload_and_confirm(page, docx, "共 4 个部分、12 项任务", "docx")
    outline = page.locator("#upload-outline").inner_text()
    assert f"《{JINAN_TITLE}》" in outline and "“四聚”" in outline and "（一）实施产业基础夯实行动" in outline
    upload_and_confirm(page, pdf, "共 3 个部分、17 项任务", "pdf")
    table = page.locator("#plan-table").inner_text()
    assert "jinan" in table and "smes" in table and SMES_TITLE in table
    shot(page, "manage-plans-listed.png", full_page=True)

    # The chat's selector has both new plans, the last one chosen: ask it.
    page.get_by_role("tab", name="问答").click()
    page.locator("#plan").wait_for(state="visible", timeout=10_000)
    assert page.locator("#plan input").input_value() == f"{SMES_TITLE}（smes）"
    smes_examples = examples_of(pdf)  # the examples follow the chosen plan
    wait_examples(page, smes_examples)
    hint = page.locator("#question textarea").get_attribute("placeholder")
    assert hint.removeprefix("输入问题，例如：") in smes_examples
    ask(page, "如何助推中小企业上云用云？")
    wait_answer(page, "第3项")
    page.locator("#citations label").filter(has_text="第3项").click()
    panel = page.locator("#task-panel")
    panel.get_by_text("第3项：助推中小企业上云用云", exact=False).wait_for(timeout=10_000)
    assert f"《{SMES_TITLE}》" in panel.locator(".meta").inner_text()  # the citation names the new plan
    shot(page, "manage-ask-new-pdf-plan.png")
    part = next(q for q in smes_examples if q.endswith("部分有哪些任务？"))
    retry_click(page, page.locator("#examples button.example").filter(has_text=part), messages(page))
    wait_answer(page, part.removesuffix("有哪些任务？") + "“")  # 第三部分“推进措施”包括4项任务
    assert page.locator("#citations label").count() >= 1

    # The Word plan, chosen in the selector.
    page.locator("#plan input").click()
    page.get_by_role("option", name=f"{JINAN_TITLE}（jinan）").click()
    page.wait_for_function("document.querySelectorAll('#chat .message-row').length === 0")  # a new conversation
    jinan_examples = examples_of(docx)
    wait_examples(page, jinan_examples)
    assert jinan_examples != smes_examples
    lead = next(q for q in jinan_examples if "责任单位" in q)  # its tasks note their lead units
    retry_click(page, page.locator("#examples button.example").filter(has_text=lead), 0)
    wait_answer(page, "（责任单位：")
    assert page.locator("#citations label").count() == 1
    ask(page, "“四聚”是什么？")
    # numbering restarts per part: task 7 is named by its part and label, in the answer and the panel
    wait_answer(page, "第三部分（一）")
    page.locator("#citations label").filter(has_text="第三部分（一）").click()
    panel.get_by_text("第三部分（一）：“四聚”", exact=False).wait_for(timeout=10_000)
    assert f"《{JINAN_TITLE}》" in panel.locator(".meta").inner_text()

    # Remove the PDF plan: asked first, cancelled, asked again, confirmed; the selector follows.
    page.get_by_role("tab", name="计划管理").click()
    page.locator("#remove-plan input").click()
    page.get_by_role("option", name=f"{SMES_TITLE}（smes）").click()
    page.locator("#remove").click()
    page.locator("#remove-ask").get_by_text(f"确定删除《{SMES_TITLE}》", exact=False).wait_for(timeout=10_000)
    shot(page, "manage-remove-confirm.png", full_page=True)
    page.locator("#remove-cancel").click()
    page.locator("#remove-ask").wait_for(state="hidden", timeout=10_000)
    assert "smes" in page.locator("#plan-table").inner_text()
    page.locator("#remove").click()
    page.locator("#remove-confirm").click()
    page.locator("#remove-status").get_by_text("已删除计划 smes").wait_for(timeout=30_000)
    assert "smes" not in page.locator("#plan-table").inner_text()
    page.get_by_role("tab", name="问答").click()
    page.locator("#plan input").click()
    options = [o.split("\n")[-1] for o in page.get_by_role("option").all_inner_texts()]  # "✓\n" marks the chosen
    assert f"{SMES_TITLE}（smes）" not in options and f"{JINAN_TITLE}（jinan）" in options
    page.keyboard.press("Escape")
    page.close()


def test_a_refused_file_says_why_and_nothing_is_indexed(manage_server, browser, tmp_path):
    bad = tmp_path / "photos.docx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    page = browser.new_page(viewport=DESKTOP)
    page.goto(manage_server.url + "/")
    page.locator("#question textarea").wait_for()
    page.get_by_role("tab", name="计划管理").click()
    for plan in json.loads(urllib.request.urlopen(manage_server.url + "/api/plans", timeout=10).read()):
        page.locator("#plan-table").get_by_text(plan["plan_id"], exact=True).wait_for(timeout=10_000)
    before = page.locator("#plan-table").inner_text()
    page.locator("#upload-file input[type=file]").set_input_files(str(bad))
    page.locator("#upload-outline .upload-error").get_by_text("这是图片（PNG）", exact=False).wait_for(timeout=30_000)
    assert not page.locator("#upload-confirm").is_visible()
    shot(page, "manage-refused.png")
    assert page.locator("#plan-table").inner_text() == before
    page.close()


def test_the_embed_address_has_no_manage_tab(start_server, browser):
    token = "manage-embed-token-0123456789"
    server = start_server({"PLANQA_UI_USER": "staff", "PLANQA_UI_PASSWORD": "pw", "PLANQA_EMBED_TOKEN": token})
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{server.url}/embed/{token}/")
    page.locator("#question textarea").wait_for()
    assert page.get_by_role("tab", name="计划管理").count() == 0
    assert page.locator("#upload-file").count() == 0
    page.close()
