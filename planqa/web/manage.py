"""The chat page's 计划管理 tab: upload a plan file, see its outline, confirm to index it; the
indexed plans with their counts and dates; remove one after a confirmation. The chat's plan
selector follows at once. Plan and file text are escaped everywhere."""

import html
from pathlib import Path

import gradio as gr

from planqa.errors import PlanqaError
from planqa.web.ui import plan_choices

# The upload box's words come from Gradio's own translations, in the browser's language
# ("Drop File Here - or - Click to Upload" in an English one). A flat key of custom translations
# is found before Gradio's nested one, so these hold in every language Gradio ships.
UPLOAD_TEXT = {"upload_text.drop_file": "把文件拖到这里", "common.or": "或",
               "upload_text.click_to_upload": "点击选择文件"}
GRADIO_LOCALES = ("en", "zh-CN", "zh-TW", "ar", "ca", "ckb", "de", "es", "et", "eu", "fa", "fi", "fr", "he",
                  "hi", "id", "ja", "ko", "lt", "nb", "nl", "pl", "pt-BR", "pt", "ro", "ru", "sv", "ta",
                  "th", "tr", "uk", "ur", "uz")


def upload_i18n() -> gr.I18n:
    """The translations the chat is mounted with (``mount_gradio_app(i18n=…)``)."""
    return gr.I18n(**{locale: UPLOAD_TEXT for locale in GRADIO_LOCALES})


INTRO = ("上传计划文件（.txt 任意编码、.docx、文字版 .pdf、.html 网页），先查看解析出的结构，"
         "确认无误后再建立索引。建立索引期间问答照常进行。")


def render_outline(o: dict) -> str:
    e = html.escape
    facts = [f"计划 ID：<code>{e(o['plan_id'])}</code>",
             f"发文单位：{e(o['issuer'] or '未写明')}", f"日期：{e(o['date'] or '未写明')}",
             f"共 {o['section_count']} 个部分、{o['tasks']} 项任务"]
    if o.get("format"):
        facts.append(f"格式：{e(o['format'])}" + (f"（{e(o['encoding'].upper())}）" if o.get("encoding") else ""))
    parts = []
    for s in o["sections"]:
        tasks = "".join(f"<li>{e(t['label'] or str(t['number']) + '.')}{e(t['title'])}"
                        f"<span class='meta'>（第{t['number']}项）</span></li>" for t in s["tasks"])
        parts.append(f"<li><b>{e(s['label'])}{e(s['title'] or '（无标题）')}</b>（{s['task_count']} 项任务）"
                     + (f"<ul>{tasks}</ul>" if tasks else "") + "</li>")
    warnings = "".join(f"<li>{e(w)}</li>" for w in o["warnings"])
    replaces = ("<p class='warn'>已有同一 ID 的计划：确认后将替换它（替换完成前问答仍用旧版本）。</p>"
                if o.get("replaces") else "")
    return (f"<div class='outline'><h3>《{e(o['title'] or '无标题')}》</h3><p>{'　'.join(facts)}</p>{replaces}"
            + (f"<p class='warn'>解析提示：</p><ul class='warn'>{warnings}</ul>" if warnings else "")
            + f"<ol>{''.join(parts)}</ol></div>")


def render_plans(rows: list[dict]) -> str:
    e = html.escape
    body = "".join(
        f"<tr><td><code>{e(r['plan_id'])}</code></td><td>{e(r['title'] or '（无标题）')}</td>"
        f"<td>{e(r['issuer'] or '—')}</td><td>{e(r['date'] or '—')}</td><td>{r['sections']}</td>"
        f"<td>{r['tasks']}</td><td>{e(r['indexed_at'].replace('T', ' ').replace('+00:00', ' UTC'))}</td></tr>"
        for r in rows)
    return ("<table class='plan-table' id='plan-table'><thead><tr><th>计划 ID</th><th>标题</th><th>发文单位</th>"
            "<th>日期</th><th>部分</th><th>任务</th><th>建立索引时间</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _error(err: Exception) -> str:
    text = str(err) if isinstance(err, PlanqaError) else "服务器内部错误，请稍后再试"
    return f"<p class='upload-error'>不能建立索引：{html.escape(text)}</p>"


def gradio_progress(progress: gr.Progress):
    """The index's progress factory, drawn as the Gradio progress bar."""

    class Bar:
        def __init__(self, total: int, label: str):
            self.total, self.done = max(total, 1), 0
            progress((0, self.total), desc="正在嵌入（建立向量索引）", unit="条")

        def __call__(self, n: int = 1) -> None:
            self.done += n
            progress((self.done, self.total), desc="正在嵌入（建立向量索引）", unit="条")

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

    return Bar


def build_manage(demo: gr.Blocks, desk, search, selector: gr.Dropdown) -> None:
    gr.Markdown(INTRO)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=280):
            upload = gr.File(label="计划文件", file_types=[".txt", ".docx", ".pdf", ".html", ".htm"],
                             type="filepath", elem_id="upload-file")
        with gr.Column(scale=2, min_width=200):
            plan_id = gr.Textbox(label="计划 ID（可不填：默认取文件名）", max_length=80, elem_id="upload-plan-id")
            with gr.Row():
                confirm = gr.Button("确认，建立索引", variant="primary", visible=False, elem_id="upload-confirm")
                cancel = gr.Button("取消", visible=False, elem_id="upload-cancel")
    outline = gr.HTML("", elem_id="upload-outline")
    gr.Markdown("### 已索引的计划")
    listing = gr.HTML(render_plans(desk.listing()), elem_id="plan-list")
    with gr.Row():
        doomed = gr.Dropdown(plan_choices(search), value=None, label="删除计划", elem_id="remove-plan", scale=3)
        remove = gr.Button("删除…", variant="stop", elem_id="remove", scale=1)
    with gr.Row(visible=False, elem_id="remove-ask") as ask_row:
        question = gr.Markdown("")
        really = gr.Button("确认删除", variant="stop", elem_id="remove-confirm")
        keep = gr.Button("取消", elem_id="remove-cancel")
    removed = gr.HTML("", elem_id="remove-status")

    hidden = gr.update(visible=False)

    def _read(path: str | None) -> tuple[bytes, str]:
        return Path(path).read_bytes(), Path(path).name

    def preview(path, wanted_id):
        if not path:
            return "", hidden, hidden
        try:
            o = desk.parse(*_read(path), wanted_id)
        except Exception as err:  # noqa: BLE001 — every refusal is shown, never a traceback
            return _error(err), hidden, gr.update(visible=True)
        return render_outline(o), gr.update(visible=True), gr.update(visible=True)

    def index(path, wanted_id, progress=gr.Progress()):
        """Outputs: outline, confirm, cancel, file, list, chat selector, remove selector."""
        if not path:
            return ("<p class='upload-error'>请先选择文件。</p>", hidden, hidden, gr.update(), gr.update(),
                    gr.update(), gr.update())
        try:
            o = desk.add(*_read(path), wanted_id, progress=gradio_progress(progress))
        except Exception as err:  # noqa: BLE001
            return _error(err), hidden, gr.update(visible=True), gr.update(), gr.update(), gr.update(), gr.update()
        done = (f"<p class='upload-done'>已建立索引：《{html.escape(o['title'] or '无标题')}》"
                f"（{html.escape(o['plan_id'])}，{o['tasks']} 项任务，用时 {o['seconds']:.1f} 秒）。"
                "可以在“问答”里选它提问了。</p>")
        choices = plan_choices(search)
        return (done + render_outline(o), hidden, hidden, None, render_plans(desk.listing()),
                gr.update(choices=choices, value=o["plan_id"], visible=len(choices) > 1),
                gr.update(choices=choices, value=None))

    def cancelled():
        return "", hidden, hidden, None

    def ask(plan_id):
        if not plan_id:
            return hidden, "", "<p class='upload-error'>请先选择要删除的计划。</p>"
        title = search.entries[plan_id].plan.title if plan_id in search.entries else ""
        text = f"确定删除《{escape_md(title or '无标题')}》（{escape_md(plan_id)}）吗？删除后不能再就它提问。"
        return gr.update(visible=True), text, ""

    def drop(plan_id, current):
        """Outputs: confirmation row, status, list, chat selector, remove selector."""
        try:
            desk.remove(plan_id)
        except Exception as err:  # noqa: BLE001
            return hidden, _error(err).replace("不能建立索引", "不能删除"), gr.update(), gr.update(), gr.update()
        choices = plan_choices(search)
        ids = [pid for _, pid in choices]
        return (hidden, f"<p class='upload-done'>已删除计划 {html.escape(plan_id)}。</p>", render_plans(desk.listing()),
                gr.update(choices=choices, value=current if current in ids else (ids[0] if ids else None),
                          visible=len(choices) > 1),
                gr.update(choices=choices, value=None))

    def refreshed(current):
        """On page load: the plans as they are now (another user may have changed them)."""
        choices = plan_choices(search)
        ids = [pid for _, pid in choices]
        return (render_plans(desk.listing()),
                gr.update(choices=choices, value=current if current in ids else (ids[0] if ids else None),
                          visible=len(choices) > 1),
                gr.update(choices=choices, value=None))

    upload.upload(preview, [upload, plan_id], [outline, confirm, cancel], api_visibility="private")
    upload.clear(cancelled, None, [outline, confirm, cancel, upload], api_visibility="private")
    confirm.click(index, [upload, plan_id],
                  [outline, confirm, cancel, upload, listing, selector, doomed], api_visibility="private")
    cancel.click(cancelled, None, [outline, confirm, cancel, upload], api_visibility="private")
    remove.click(ask, [doomed], [ask_row, question, removed], api_visibility="private")
    keep.click(lambda: hidden, None, [ask_row], api_visibility="private")
    really.click(drop, [doomed, selector], [ask_row, removed, listing, selector, doomed], api_visibility="private")
    demo.load(refreshed, [selector], [listing, selector, doomed], api_visibility="private")


def escape_md(text: str) -> str:
    from planqa.web.ui import escape

    return escape(text)
