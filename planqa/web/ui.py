"""The browser chat (Gradio): answers with their task citations as chips; a chip opens the task's
full text with the quoted sentences highlighted. User and plan text are escaped everywhere."""

import html
import re
from collections.abc import Iterator

import gradio as gr

from planqa.assistant.answer import Answer, place
from planqa.assistant.structure import section_label
from planqa.assistant.examples import example_questions
from planqa.errors import PlanqaError
from planqa.ingest.plan import join_ref

EXAMPLE_BUTTONS = 5  # example questions under the box, made from the chosen plan

PLACEHOLDER = "<p class='meta'>点击回答下面的出处，在这里查看任务原文。</p>"
EMPTY_HINT = "请先在上面的框里输入问题，再点“发送”（或按回车）；也可以直接点一个示例问题。"

CSS = """
.gradio-container { padding-top: 0 !important; }
.gradio-container > .main { padding-top: 8px !important; padding-bottom: 8px !important; }
#head h2 { margin: 0 0 2px; font-size: 1.3em; }
#head p { margin: 0; color: #4b5563; }
#citations .wrap { gap: 6px; }
#citations label { border-radius: 999px !important; padding: 4px 12px !important; }
.task-view mark { background: #fde68a; padding: 0 2px; }
.task-view .meta { color: #6b7280; font-size: 0.9em; }
.task-view h3 { margin-top: 0; }
#hint { color: #b45309; font-weight: 600; }
.outline .warn, .upload-error { color: #b91c1c; }
.outline ol { margin: 4px 0 8px 1.2em; padding: 0; }
.outline li { margin: 2px 0; }
.outline ul { margin: 2px 0 4px 1.2em; padding: 0; color: #374151; }
.plan-table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
.plan-table th, .plan-table td { border-bottom: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; }
.upload-done { color: #047857; font-weight: 600; }
#examples { gap: 6px; flex-wrap: wrap; }
#examples button { flex: 0 1 auto !important; min-width: 0 !important; font-weight: normal; }
/* The task panel: beside the chat on a desktop, right under the citations on a phone. */
#task-panel { position: sticky; top: 8px; align-self: flex-start; max-height: calc(100vh - 16px); overflow-y: auto; }
#task-panel:not(:has(.task)) #task-close, #task-inline:not(:has(.task)) { display: none !important; }
#task-inline { border: 2px solid #f59e0b; border-radius: 8px; }
@media (min-width: 641px) { #task-inline { display: none !important; } }
@media (max-width: 640px) {
  #task-panel { display: none !important; }
  #send { min-width: 64px !important; }
}
"""

# Runs in the chat page: a new answer is shown from its start (not scrolled to its end), and a
# page inside an iframe posts its height to the parent (the embed snippet in the README sizes
# the iframe with it).
HEAD = """<script>
(function () {
  function botRows() { return document.querySelectorAll('#chat .message-row.bot-row'); }
  var seen = 0, touched = false;
  ['wheel', 'touchstart', 'keydown'].forEach(function (kind) {
    document.addEventListener(kind, function (e) { if (e.target.closest && e.target.closest('#chat')) touched = true; }, true);
  });
  function showStart() {  // the newest answer stays aligned at its question until the user scrolls
    var rows = botRows(), fresh = rows.length > seen;
    if (rows.length < seen) seen = rows.length;
    if (!rows.length || (!fresh && touched)) return;
    if (fresh) { seen = rows.length; touched = false; }
    var row = rows[rows.length - 1], box = row.closest('.bubble-wrap');
    if (!box) return;
    var prev = row.previousElementSibling;
    var target = prev && prev.classList.contains('user-row') ? prev : row;
    var offset = target.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
    if (Math.abs(offset) > 2) box.scrollTop += offset;
    if (fresh) {
      var top = box.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight - 160) window.scrollBy(0, top - 8);
    }
  }
  var shownTask = '';
  function showTask() {  // on a phone the task opens under the citations: bring it into view
    var task = document.querySelector('#task-inline .task h3');
    var text = task ? task.textContent : '';
    if (text && text !== shownTask && task.offsetParent) {
      var r = task.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight - 200) window.scrollBy(0, r.top - 80);
    }
    shownTask = text;
  }
  function height() {  // the content's height, not the viewport's (Gradio fills the viewport)
    var bottom = 0;
    document.querySelectorAll('#head, #chat, #hint, #citations, #task-inline, #examples, #task-panel')
      .forEach(function (el) { if (el.offsetParent) bottom = Math.max(bottom, el.getBoundingClientRect().bottom); });
    return Math.ceil(bottom + window.scrollY + 16);
  }
  var posted = 0;
  function postHeight() {
    if (window.parent === window) return;
    var h = height();
    if (Math.abs(h - posted) > 2) { posted = h; window.parent.postMessage({type: 'planqa:height', height: h}, '*'); }
  }
  function start() {
    new MutationObserver(function () { showStart(); showTask(); postHeight(); })
      .observe(document.body, {childList: true, subtree: true, characterData: true});
    window.addEventListener('resize', postHeight);
    postHeight();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
</script>"""

_LABEL = re.compile(r"^(第\d+项|第[一二三四五六七八九十]+部分)：")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def escape(text: str) -> str:
    """Text shown as it is: HTML escaped, and markdown syntax neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_answer(answer: Answer) -> str:
    """Markdown for the chat bubble: the answer, then where it comes from."""
    lines = [f"**{escape(line)}**" if _LABEL.match(line) else escape(line)
             for line in answer.answer.split("\n")]
    body = "  \n".join(lines)
    if answer.citations:
        where = "、".join(c.place if c.task is not None else escape(c.title) for c in answer.citations)
        body += f"\n\n*出处：{where}*"
    return body


def chip_label(i: int, c: dict) -> str:
    """A citation's chip: the task as the answer names it (第9项, 第三部分（一）, 附件1第二部分（八）)."""
    ref = join_ref(c.get("attachment") or "", c.get("section") or "")
    head = place(c["task"], c.get("label") or "", ref) if c.get("task") is not None else "总体部分"
    title = c.get("title", "")
    return f"{head} {title[:14]}{'…' if len(title) > 14 else ''}"


def render_task(search, citation: dict) -> str:
    """The cited unit's full text, quotes highlighted (escaped first, then marked)."""
    plan = search.entries.get(citation.get("plan"))
    if plan is None:
        return "<p>这个计划已不在索引中。</p>"
    p = plan.plan
    ref = join_ref(citation.get("attachment") or "", citation.get("section") or "")
    task = next((t for t in p.tasks if t.number == citation.get("task")
                 and p.section_of(t).ref == ref), None)
    if task is None:
        heading, text, meta = citation.get("title", ""), p.overview, p.name
    else:
        section = p.section_of(task)
        heading = f"{place(task.number, task.label, section.ref)}：{task.title}"
        text = task.text
        meta = f"{p.name} {section_label(section)}：{section.title}"
    body = html.escape(text)
    for quote in re.split(r"(?<=[。；])|\n", citation.get("quote", "")):  # a heading line on its own
        quote = quote.strip("…").strip()
        if quote and html.escape(quote) in body:
            body = body.replace(html.escape(quote), f"<mark>{html.escape(quote)}</mark>", 1)
    paragraphs = "".join(f"<p>{para}</p>" for para in body.split("\n"))
    return (f"<div class='task'><h3>{html.escape(heading)}</h3>"
            f"<p class='meta'>{html.escape(meta)}</p>{paragraphs}</div>")


def plan_choices(search) -> list[tuple[str, str]]:
    return [(f"{e.plan.title or '（无标题）'}（{pid}）", pid) for pid, e in search.entries.items()]


def examples_for(search, plan_id: str | None) -> list[str]:
    """The example questions of the chosen plan; none when no plan is chosen or indexed."""
    entry = search.entries.get(plan_id) if plan_id else None
    return example_questions(entry.plan, EXAMPLE_BUTTONS) if entry else []


PLACEHOLDER_EXAMPLE = 14  # characters: a longer example would not fit the box on a phone


def box_placeholder(questions: list[str]) -> str:
    """The hint in the empty box: one of the examples, a short one."""
    if not questions:
        return "输入问题"
    short = next((q for q in questions if len(q) <= PLACEHOLDER_EXAMPLE), min(questions, key=len))
    return f"输入问题，例如：{short}"


def build_ui(assistant, desk=None) -> gr.Blocks:
    """The chat; with ``desk`` (a ``PlanDesk``) also the 计划管理 tab (upload, list, remove)."""
    search = assistant.search
    plans = plan_choices(search)
    with gr.Blocks(title="计划问答助手", analytics_enabled=False) as demo:
        gr.HTML("<h2>计划问答助手</h2><p>关于所选计划的问题都可以问；每个回答都会注明出自第几项任务。</p>",
                elem_id="head")
        if desk is None:
            _chat(demo, assistant, plans)
            return demo
        # The tab bar takes some height: a smaller chat keeps the page within a 720 px iframe.
        from planqa.web.manage import build_manage

        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("问答", id="chat-tab", elem_id="chat-tab"):
                plan = _chat(demo, assistant, plans, chat_height=344)
            with gr.Tab("计划管理", id="manage-tab", elem_id="manage-tab"):
                build_manage(demo, desk, search, plan)
    return demo


def _chat(demo: gr.Blocks, assistant, plans, chat_height: int = 360) -> gr.Dropdown:
    """The chat's components and events; returns the plan selector."""
    search = assistant.search
    chosen = plans[0][1] if plans else None
    shown = examples_for(search, chosen)
    plan = gr.Dropdown(plans, value=chosen, label="计划", visible=len(plans) > 1, elem_id="plan")
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            chat = gr.Chatbot(show_label=False, height=chat_height, elem_id="chat", sanitize_html=True,
                              buttons=["copy"], feedback_options=None, autoscroll=False)
            with gr.Row():
                box = gr.Textbox(show_label=False, placeholder=box_placeholder(shown),
                                 max_length=2000, scale=5, min_width=160, elem_id="question")
                send = gr.Button("发送", variant="primary", scale=1, min_width=64, elem_id="send")
            hint = gr.Markdown(EMPTY_HINT, visible=False, elem_id="hint")
            cites = gr.Radio(choices=[], label="出处（点击查看原文）", elem_id="citations", interactive=True)
            with gr.Column(elem_id="task-inline", elem_classes=["task-view"]):
                task_inline = gr.HTML("")
                close_inline = gr.Button("收起原文", size="sm", elem_id="task-inline-close")
            with gr.Row(elem_id="examples"):
                padded = shown + [""] * (EXAMPLE_BUTTONS - len(shown))
                examples = [gr.Button(q, size="sm", visible=bool(q), elem_classes=["example"]) for q in padded]
                clear = gr.Button("新对话", size="sm", elem_id="clear")
        with gr.Column(scale=2, min_width=280, elem_id="task-panel", elem_classes=["task-view"]):
            task_view = gr.HTML(PLACEHOLDER)
            close = gr.Button("关闭", size="sm", elem_id="task-close")
    history = gr.State([])  # Answer JSON of this conversation, for follow-ups
    last = gr.State([])  # citations of the latest answer, for the chips

    closed = (gr.update(choices=[], value=None), PLACEHOLDER, "")

    def respond(question: str, messages: list, past: list, plan_id: str | None) -> Iterator:
        """Outputs: chat, history, chips, citations, box, panel, inline panel, hint."""
        messages = list(messages or [])
        question = (question or "").strip()
        if not question:
            yield messages, past, gr.update(), gr.update(), gr.update(), gr.update(), gr.update(), \
                gr.update(visible=True)
            return
        hidden = gr.update(visible=False)
        # The box empties once, when the question is taken; what the user types next while the
        # answer is written stays.
        kept = gr.update()
        messages.append({"role": "user", "content": escape(question)})
        messages.append({"role": "assistant", "content": "……"})
        # The panel closes: the task of an earlier answer must not look like this one's source.
        yield messages, past, *closed[:1], [], "", *closed[1:], hidden
        try:
            answer = None
            written = ""
            for event in assistant.stream(question, plan=plan_id, history=past):
                if isinstance(event, Answer):
                    answer = event
                else:
                    written += event
                    messages[-1] = {"role": "assistant", "content": escape(written)}
                    yield messages, past, gr.update(), [], kept, gr.update(), gr.update(), hidden
            messages[-1] = {"role": "assistant", "content": render_answer(answer)}
            data = answer.to_json()
            citations = data["citations"]
            choices = [(chip_label(i, c), i) for i, c in enumerate(citations)]
            yield (messages, past + [data], gr.update(choices=choices, value=None), citations, kept,
                   PLACEHOLDER, "", hidden)
        except PlanqaError as err:
            messages[-1] = {"role": "assistant", "content": escape(f"出错了：{err}")}
            yield messages, past, *closed[:1], [], kept, *closed[1:], hidden

    def show(citations: list, event: gr.SelectData):
        choice = event.index
        if not isinstance(choice, int) or not citations or choice >= len(citations):
            return gr.update(), gr.update()
        html_text = render_task(search, citations[choice])
        return html_text, html_text

    def close_panel():
        return closed

    def reset():
        return [], [], *closed[:1], [], *closed[1:], gr.update(visible=False)

    def example_updates(plan_id: str | None) -> tuple:
        """The placeholder and the example buttons for the plan (buttons without one hidden)."""
        questions = examples_for(search, plan_id)
        padded = questions + [""] * (EXAMPLE_BUTTONS - len(questions))
        return (gr.update(placeholder=box_placeholder(questions)),
                *(gr.update(value=q, visible=bool(q)) for q in padded))

    def switched(plan_id: str | None):
        """Another plan: a new conversation, and that plan's examples (under the box and in it)."""
        return (*reset(), *example_updates(plan_id))

    def loaded(current: str | None):
        """On page load, the examples of the plan as it is now (re-indexed, or removed since the
        page was built: then the first plan, as the 计划管理 tab's refresh chooses)."""
        ids = list(search.entries)
        return example_updates(current if current in ids else (ids[0] if ids else None))

    outputs = [chat, history, cites, last, box, task_view, task_inline, hint]
    box.submit(respond, [box, chat, history, plan], outputs)
    send.click(respond, [box, chat, history, plan], outputs)
    for button in examples:  # an example asks at once
        button.click(respond, [button, chat, history, plan], outputs)
    cites.select(show, [last], [task_view, task_inline])
    close.click(close_panel, None, [cites, task_view, task_inline])
    close_inline.click(close_panel, None, [cites, task_view, task_inline])
    clear.click(reset, None, [chat, history, cites, last, task_view, task_inline, hint])
    plan.change(switched, [plan], [chat, history, cites, last, task_view, task_inline, hint, box, *examples])
    demo.load(loaded, [plan], [box, *examples], api_visibility="private")
    return plan
